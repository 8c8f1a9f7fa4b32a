#!/usr/bin/env bash
# Benchmark for issue 7: `readiness batch` against bare libxml2 parsing of the same files.
#
#   Benchmarks/run.sh                 # 20,000 files (about 165 MB), plus a 2,000-file memory comparison
#   N=2000 Benchmarks/run.sh          # quick run
#
# What it does: builds the root package and the Benchmarks package in release mode (scratch paths
# .build-bench-release and .build-bench-tools, git-ignored), generates N synthetic résumés with
# `generate-resumes --seed $SEED` into a temporary folder, then times, best of $RUNS rounds (the
# programs take turns within a round, so load drifting on a shared machine hits them alike):
#   floor   parse-floor DIR                                   (libxml2 only, one thread)
#   jobs1   readiness batch DIR --role $ROLE --csv OUT --jobs 1 --quiet
#   jobs2   readiness batch DIR --role $ROLE --csv OUT --jobs 2 --quiet
# and one `readiness report FILE --role $ROLE` (best of $REPORT_RUNS, start-up included). Wall time comes
# from `date +%s%N`; CPU time (user+sys) and peak RSS from GNU time (`/usr/bin/time`, "Maximum resident
# set size"). On a machine shared with other work, wall times are noisy; CPU seconds are the steadier
# measure for the jobs1/floor ratio, while the jobs2 speed-up can only be seen in wall time.
#
# Settings (environment): N=20000  SEED=42  RUNS=3  REPORT_RUNS=10  ROLE=hr-manager
#   COMPARE_N=2000  also run jobs1/jobs2 on COMPARE_N files for the memory comparison (0 to skip)
#   DATA=DIR        generate into (or reuse, if it already holds N files) DIR instead of a temp folder
#   KEEP=1          keep the generated files     SKIP_BUILD=1  use the existing release builds
# Each run's raw figures are copied to .build-bench-results/ (git-ignored).
set -euo pipefail

N=${N:-20000}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
REPORT_RUNS=${REPORT_RUNS:-10}
ROLE=${ROLE:-hr-manager}
COMPARE_N=${COMPARE_N:-2000}
KEEP=${KEEP:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
STATIC=${STATIC:-1}
# The release build README recommends: Swift runtime and Foundation linked into the executable (faster
# start-up, direct runtime calls). The floor is built the same way. STATIC=0 measures dynamic builds
# (then delete both scratch folders first: the two kinds share them).
LINK=()
[[ $STATIC == 1 ]] && LINK=(--static-swift-stdlib)

cd "$(dirname "$0")/.."
ROOT=$PWD

if [[ ! -x /usr/bin/time ]]; then
    echo "run.sh: /usr/bin/time (GNU time) is missing; installing the 'time' package with apt-get" >&2
    apt-get install -y time >/dev/null || { echo "run.sh: please install GNU time (apt-get install time)" >&2; exit 1; }
fi

if [[ $SKIP_BUILD != 1 ]]; then
    echo "== building (release)" >&2
    swift build -c release "${LINK[@]}" --scratch-path .build-bench-release --product readiness >&2
    swift build -c release "${LINK[@]}" --package-path Benchmarks --scratch-path .build-bench-tools >&2
fi
READINESS=$(swift build -c release "${LINK[@]}" --scratch-path .build-bench-release --show-bin-path)/readiness
TOOLS=$(swift build -c release "${LINK[@]}" --package-path Benchmarks --scratch-path .build-bench-tools --show-bin-path)
GENERATE=$TOOLS/generate-resumes
FLOOR=$TOOLS/parse-floor

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readiness-bench.XXXXXX")
# Every run's figures are also kept (git-ignored) in case the script stops before the table.
RESULTS_DIR=$ROOT/.build-bench-results
mkdir -p "$RESULTS_DIR"
RESULTS=$RESULTS_DIR/runs-$(date +%Y%m%d-%H%M%S)-n$N.txt
cleanup() {
    [[ -s $WORK/runs ]] && cp "$WORK/runs" "$RESULTS"
    if [[ $KEEP == 1 ]]; then echo "run.sh: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# generate COUNT DIR: the same seed gives byte-identical files; an existing complete folder is reused.
generate() {
    local count=$1 dir=$2
    if [[ -d $dir ]] && [[ $(find "$dir" -maxdepth 1 -name 'resume-*' | wc -l) -eq $count ]]; then
        echo "== reusing $count files in $dir" >&2
    else
        echo "== generating $count files (seed $SEED) into $dir" >&2
        rm -rf "$dir"
        "$GENERATE" --count "$count" --out "$dir" --seed "$SEED"
    fi
}

DATA_DIR=${DATA:-$WORK/resumes-$N}
generate "$N" "$DATA_DIR"
BYTES=$(find "$DATA_DIR" -maxdepth 1 -name 'resume-*' -printf '%s\n' | awk '{ s += $1 } END { print s }')

# measure NAME FILES COMMAND...: one run; appends "name files wall_s cpu_s rss_kb" to $WORK/runs.
measure() {
    local name=$1 files=$2
    shift 2
    local start end status=0
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S %M" -o "$WORK/time.out" "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    end=$(date +%s%N)
    if [[ $status -ne 0 ]]; then
        echo "run.sh: $name exited with status $status:" >&2
        tail -5 "$WORK/stderr" >&2
    fi
    read -r user sys rss < <(tail -1 "$WORK/time.out")
    awk -v n="$name" -v f="$files" -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v r="$rss" \
        'BEGIN { printf "%s %d %.3f %.2f %d\n", n, f, (e - s) / 1e9, u + y, r }' >>"$WORK/runs"
}

# error_rows CSV: rows whose status column says error (the product must read every generated file).
error_rows() {
    awk -F, 'NR > 1 && /,error,/ { n++ } END { print n + 0 }' "$1"
}

: >"$WORK/runs"
echo "== timing $N files, best of $RUNS rounds" >&2
for round in $(seq "$RUNS"); do
    measure floor "$N" "$FLOOR" "$DATA_DIR"
    measure jobs1 "$N" "$READINESS" batch "$DATA_DIR" --role "$ROLE" --csv "$WORK/out1.csv" --jobs 1 --quiet
    measure jobs2 "$N" "$READINESS" batch "$DATA_DIR" --role "$ROLE" --csv "$WORK/out2.csv" --jobs 2 --quiet
    echo "   round $round: $(tail -3 "$WORK/runs" | awk '{ printf "%s %ss  ", $1, $3 }')" >&2
done
ERRORS=$(error_rows "$WORK/out1.csv")
if ! cmp -s "$WORK/out1.csv" "$WORK/out2.csv"; then
    echo "run.sh: warning: the --jobs 1 and --jobs 2 CSV files differ" >&2
fi

if [[ $COMPARE_N -gt 0 && $COMPARE_N -ne $N ]]; then
    SMALL_DIR=$WORK/resumes-$COMPARE_N
    generate "$COMPARE_N" "$SMALL_DIR"
    echo "== timing $COMPARE_N files for the memory comparison, best of $RUNS rounds" >&2
    for round in $(seq "$RUNS"); do
        measure floor "$COMPARE_N" "$FLOOR" "$SMALL_DIR"
        measure jobs1 "$COMPARE_N" "$READINESS" batch "$SMALL_DIR" --role "$ROLE" --csv "$WORK/small1.csv" --jobs 1 --quiet
        measure jobs2 "$COMPARE_N" "$READINESS" batch "$SMALL_DIR" --role "$ROLE" --csv "$WORK/small2.csv" --jobs 2 --quiet
    done
fi

# One report: the first generated HTML file, start-up included. (awk, not head: under pipefail, head
# closing the pipe early kills sort with SIGPIPE and the script with it.)
REPORT_FILE=$(find "$DATA_DIR" -maxdepth 1 -name 'resume-*.html' | sort | awk 'NR == 1')
for run in $(seq "$REPORT_RUNS"); do
    measure report 1 "$READINESS" report "$REPORT_FILE" --role "$ROLE"
done

CPU_MODEL=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Machine: $(nproc) cores, $CPU_MODEL, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Files: $N synthetic résumés (seed $SEED), $BYTES bytes, $(awk -v b="$BYTES" -v n="$N" 'BEGIN { printf "%.1f", b / n / 1024 }') KB average; batch error rows: $ERRORS"
echo "Command: N=$N Benchmarks/run.sh"
echo
awk -v runs="$RUNS" '
    # Best (lowest wall) run per name and size; peak RSS is the highest seen over all runs.
    {
        key = $1 " " $2
        if (!(key in best) || $3 < best[key]) { best[key] = $3; cpu[key] = $4 }
        if ($5 > rss[key]) rss[key] = $5
        if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    }
    END {
        printf "| run | files | wall s (best of %d) | CPU s | peak RSS MB | files/s |\n", runs
        printf "|---|---:|---:|---:|---:|---:|\n"
        for (i = 1; i <= count; i++) {
            key = order[i]; split(key, part, " ")
            if (part[1] == "report") continue
            printf "| %s | %d | %.2f | %.2f | %.1f | %.0f |\n", part[1], part[2], best[key], cpu[key], rss[key] / 1024, part[2] / best[key]
        }
        for (i = 1; i <= count; i++) {
            key = order[i]; split(key, part, " ")
            if (part[1] == "report") printf "| report (1 file, start-up included) | 1 | %.3f | %.2f | %.1f | |\n", best[key], cpu[key], rss[key] / 1024
        }
        print ""
        for (i = 1; i <= count; i++) {
            key = order[i]; split(key, part, " ")
            if (part[1] != "floor") continue
            n = part[2]; f = "floor " n; j1 = "jobs1 " n; j2 = "jobs2 " n
            if (!(j1 in best)) continue
            cpuRatio = cpu[f] > 0 ? sprintf("%.2fx", cpu[j1] / cpu[f]) : "n/a"
            printf "%d files: jobs1/floor wall %.2fx (target <= 2.0x), CPU %s; jobs2 speed-up over jobs1 %.2fx (target >= 1.7x)\n", \
                n, best[j1] / best[f], cpuRatio, best[j1] / best[j2]
        }
    }' "$WORK/runs"
echo
echo "All runs (name files wall_s cpu_s peak_rss_kb), also in $RESULTS:"
sed 's/^/  /' "$WORK/runs"
