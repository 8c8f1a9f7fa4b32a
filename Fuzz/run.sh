#!/usr/bin/env bash
# Fuzz the résumé parser (issue 8): builds Fuzz/ with libFuzzer and AddressSanitizer and runs it.
#
#   Fuzz/run.sh            # 60 seconds
#   Fuzz/run.sh 600        # ten minutes
#
# The seed corpus is ../shared/corpus (or $SEEDS), copied into a fresh temporary folder each run, so no
# corpus file lands in the repository. The folder (with the inputs the fuzzer added and its log) is
# removed after a clean run unless KEEP=1, and kept after a failure.
# A crash, a sanitizer report, an input running longer than 10 s or memory past 2 GB makes libFuzzer
# stop, writes the input as crash-*/timeout-*/oom-* in Fuzz/artifacts/, and this script exits non-zero.
# Settings (environment): SEEDS=DIR  JOBS=N (parallel fuzzing processes, default 1)  SKIP_BUILD=1  KEEP=1
set -euo pipefail

SECONDS_TO_RUN=${1:-60}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=$ROOT/.build-fuzz
SEEDS=${SEEDS:-$ROOT/../shared/corpus}
JOBS=${JOBS:-1}

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    # Release, so the fuzzer gets through more inputs; the sanitizers keep their checks in release.
    # main.swift hands the command line to libFuzzer's driver (LLVMFuzzerRunDriver), so no
    # -parse-as-library: SwiftPM renames an executable's main, which libFuzzer's own main cannot replace.
    # One -sanitize=fuzzer,address: given as two flags, the second replaces the first and the code
    # gets no coverage instrumentation, which leaves libFuzzer blind.
    swift build --package-path Fuzz -c release --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address >&2
fi
BINARY=$(swift build --package-path Fuzz -c release --scratch-path "$SCRATCH" --show-bin-path)/fuzz-parse

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readiness-fuzz.XXXXXX")
mkdir -p "$WORK/corpus" "$ROOT/Fuzz/artifacts"
if [[ -d $SEEDS ]]; then
    # Every HTML and XML file, flattened into one folder (names made unique by their path).
    while IFS= read -r -d '' file; do
        cp "$file" "$WORK/corpus/$(echo "${file#"$SEEDS"/}" | tr '/' '_')"
    done < <(find "$SEEDS" -type f \( -iname '*.htm*' -o -iname '*.xml' -o -iname '*.xhtml' \) -print0)
fi
# A few seeds of our own, so the run starts from both parsers and the hostile shapes even without the corpus.
printf '<html><body><h1>Jo Smith</h1><h2>Experience</h2><h3>HR Generalist</h3><p>Acme, January 2020 - Present</p></body></html>' >"$WORK/corpus/seed-html"
printf '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "Acme"><!ENTITY x SYSTEM "file:///etc/hostname">]><resume><name>Jo Smith</name><job>&a; &x;</job></resume>' >"$WORK/corpus/seed-xml"
echo "fuzz: $(ls "$WORK/corpus" | wc -l) seeds in $WORK/corpus, $SECONDS_TO_RUN s" >&2

LOG=$WORK/fuzz.log
status=0
PARALLEL=()
if [[ $JOBS -gt 1 ]]; then
    PARALLEL=(-jobs="$JOBS" -workers="$JOBS")
    cd "$WORK"
fi
# -max_len 65536: the largest corpus file is about 48 KB; larger inputs only slow each execution.
"$BINARY" "$WORK/corpus" \
    -dict="$ROOT/Fuzz/resume.dict" \
    -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$ROOT/Fuzz/artifacts/" -print_final_stats=1 \
    "${PARALLEL[@]}" >"$LOG" 2>&1 || status=$?
# With -jobs each process logs to fuzz-N.log in the current folder.
if [[ $JOBS -gt 1 ]]; then cat "$WORK"/fuzz-*.log >>"$LOG" 2>/dev/null || true; fi

executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOG" | awk '{sum += $2} END {print sum + 0}')
echo "fuzz: executions: $executions in $SECONDS_TO_RUN s"
if [[ $status -ne 0 ]] || grep -q -E 'ERROR: (libFuzzer|AddressSanitizer)|SUMMARY: ' "$LOG"; then
    grep -E -A30 'ERROR: |==ERROR|SUMMARY|Test unit written' "$LOG" | head -80 >&2 || true
    echo "fuzz: FAILED (status $status); the input is in $ROOT/Fuzz/artifacts/, the log in $LOG" >&2
    exit 1
fi
# A build without coverage instrumentation runs but finds nothing: say so rather than pass.
if grep -q 'Is the code instrumented for coverage' "$LOG"; then
    echo "fuzz: FAILED: libFuzzer sees no coverage (was the target built with -sanitize=fuzzer,address?); log in $LOG" >&2
    exit 1
fi
echo "fuzz: no crash"
if [[ ${KEEP:-0} != 1 ]]; then rm -rf "$WORK"; fi
