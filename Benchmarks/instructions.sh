#!/usr/bin/env bash
# Instructions per résumé, `readiness batch --jobs 1` against the libxml2 floor, counted by valgrind's
# callgrind: unlike wall or CPU time, the count does not move with the load of a shared machine, so it
# shows what a change saves. Marginal cost per file = (count over N files - count over 1 file) / (N - 1),
# which leaves process start-up (the role catalog, argument parsing) out.
#
#   Benchmarks/instructions.sh            # 200 files of each kind (HTML, HR-XML), seed 42
#   N=400 Benchmarks/instructions.sh
#
# Settings (environment): N=200  SEED=42  ROLE=hr-manager  SKIP_BUILD=1 (use the existing release builds)
set -euo pipefail

N=${N:-200}
SEED=${SEED:-42}
ROLE=${ROLE:-hr-manager}
SKIP_BUILD=${SKIP_BUILD:-0}
STATIC=${STATIC:-1}
# The release build README recommends: Swift runtime and Foundation linked into the executable (faster
# start-up, direct runtime calls). The floor is built the same way. STATIC=0 measures dynamic builds
# (then delete both scratch folders first: the two kinds share them).
LINK=()
[[ $STATIC == 1 ]] && LINK=(--static-swift-stdlib)

cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
    echo "instructions.sh: valgrind is missing; installing it with apt-get" >&2
    apt-get install -y valgrind >/dev/null || { echo "instructions.sh: please install valgrind" >&2; exit 1; }
fi
if [[ $SKIP_BUILD != 1 ]]; then
    swift build -c release "${LINK[@]}" --scratch-path .build-bench-release --product readiness >&2
    swift build -c release "${LINK[@]}" --package-path Benchmarks --scratch-path .build-bench-tools >&2
fi
READINESS=$(swift build -c release "${LINK[@]}" --scratch-path .build-bench-release --show-bin-path)/readiness
TOOLS=$(swift build -c release "${LINK[@]}" --package-path Benchmarks --scratch-path .build-bench-tools --show-bin-path)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readiness-instructions.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# valgrind 3.19 cannot read Swift 6.3's DWARF 5; copies without debug information keep the symbols.
objcopy --strip-debug "$READINESS" "$WORK/readiness"
objcopy --strip-debug "$TOOLS/parse-floor" "$WORK/parse-floor"

# Enough files that each kind has N (the generator mixes 70 % HTML and 30 % HR-XML).
"$TOOLS/generate-resumes" --count $((N * 4)) --out "$WORK/all" --seed "$SEED" >&2
for kind in html xml; do
    mkdir -p "$WORK/$kind-$N" "$WORK/$kind-1"
    if [[ $kind == html ]]; then pattern='resume-*.htm*'; else pattern='resume-*.xml'; fi
    find "$WORK/all" -maxdepth 1 -name "$pattern" | sort | awk -v n="$N" 'NR <= n' | xargs -I{} cp {} "$WORK/$kind-$N/"
    cp "$(find "$WORK/$kind-$N" -maxdepth 1 -type f | sort | awk 'NR == 1')" "$WORK/$kind-1/"
done

# count PROGRAM ARGS...: instructions executed.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$@" >/dev/null 2>"$WORK/valgrind.err" || true
    grep -o 'Collected : [0-9]*' "$WORK/valgrind.err" | awk '{ print $3 }'
}

echo "| files | floor instructions/file | readiness --jobs 1 instructions/file | ratio |"
echo "|---|---:|---:|---:|"
for kind in html xml; do
    floor_n=$(count "$WORK/parse-floor" "$WORK/$kind-$N")
    floor_1=$(count "$WORK/parse-floor" "$WORK/$kind-1")
    ours_n=$(count "$WORK/readiness" batch "$WORK/$kind-$N" --role "$ROLE" --csv "$WORK/out.csv" --jobs 1 --quiet)
    ours_1=$(count "$WORK/readiness" batch "$WORK/$kind-1" --role "$ROLE" --csv "$WORK/out.csv" --jobs 1 --quiet)
    awk -v k="$kind" -v n="$N" -v fn="$floor_n" -v f1="$floor_1" -v on="$ours_n" -v o1="$ours_1" 'BEGIN {
        floor = (fn - f1) / (n - 1); ours = (on - o1) / (n - 1)
        printf "| %d %s | %.2f M | %.2f M | %.1fx |\n", n, toupper(k), floor / 1e6, ours / 1e6, ours / floor
    }'
done
echo
echo "readiness batch on one file, start-up included (instructions): $(count "$WORK/readiness" batch "$WORK/xml-1" --role "$ROLE" --csv "$WORK/out.csv" --jobs 1 --quiet)"
