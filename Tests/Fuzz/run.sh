#!/bin/sh
# Builds one libFuzzer harness (the library's sources plus the harness, compiled by swiftc with
# libFuzzer and AddressSanitizer) and runs it for MINUTES minutes.
#
#   Tests/Fuzz/run.sh HARNESS MINUTES      HARNESS: csv-loader | query | json-import | stance-sheet
#
# MINUTES 0 only builds; FUZZ_SKIP_BUILD=1 runs the binary an earlier build left (so that the
# next harness can be built while one runs).
#
# Work files go to $FUZZ_WORK (default /tmp/policygraph-fuzz/HARNESS): the binary, the growing
# corpus (seeded from Fixtures/ on the first run), the log. Inputs that crash, leak, time out
# or run out of memory are written there as crash-*/leak-*/timeout-*/oom-*; copy each to
# Fixtures/fuzz/HARNESS/ so that `swift test` (FuzzRegressionTests) replays it for good.
set -eu
harness=${1:?usage: run.sh HARNESS MINUTES}
minutes=${2:?usage: run.sh HARNESS MINUTES}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${FUZZ_WORK:-/tmp/policygraph-fuzz/$harness}
swiftc=${SWIFTC:-swiftc}
mkdir -p "$work/corpus" "$work/artifacts"

case $harness in
  csv-loader)   source=CSVLoaderFuzz.swift ;;
  query)        source=QueryFuzz.swift ;;
  json-import)  source=JSONImportFuzz.swift ;;
  stance-sheet) source=StanceSheetFuzz.swift ;;
  *) echo "run.sh: unknown harness '$harness' (csv-loader, query, json-import, stance-sheet)" >&2; exit 2 ;;
esac
[ -f "$here/$source" ] || { echo "run.sh: $here/$source is missing" >&2; exit 2; }

# Seeds: every fixture that is the harness's kind of input, plus the kept regressions.
seed() { [ -f "$1" ] && cp "$1" "$work/corpus/seed-$2" || true; }
n=0
case $harness in
  csv-loader)
    for dir in $(find "$root/Fixtures" "$root/graph" -name nodes.csv -exec dirname {} \; | sort); do
      n=$((n + 1))
      {
        cat "$dir/nodes.csv"; printf '\n@@@@\n'
        [ -f "$dir/edges.csv" ] && cat "$dir/edges.csv"
        if [ -f "$dir/schema.json" ]; then printf '\n@@@@\n'; cat "$dir/schema.json"; fi
      } > "$work/corpus/seed-$n"
    done ;;
  query)
    for f in $(find "$root/Fixtures" -name '*.cypher' | sort); do n=$((n + 1)); seed "$f" "$n"; done
    # The README's queries, one per file.
    grep -o "query '[^']*'" "$root/README.md" | sed "s/^query '//; s/'\$//" | while IFS= read -r q; do
      n=$((n + 1)); printf '%s' "$q" > "$work/corpus/seed-readme-$n"; done ;;
  json-import)
    for f in $(find "$root/Fixtures" -name '*.json' | sort); do n=$((n + 1)); seed "$f" "$n"; done ;;
  stance-sheet)
    # Every CSV file whose header names the stance sheet's actor, relation and target.
    for f in $(find "$root/Fixtures" -name '*.csv' | sort); do
      head -n 1 "$f" | grep -qi 'actor' && head -n 1 "$f" | grep -qi 'relation' && head -n 1 "$f" | grep -qi 'target' || continue
      n=$((n + 1)); seed "$f" "$n"
    done ;;
esac
if [ -d "$root/Fixtures/fuzz/$harness" ]; then
  for f in "$root/Fixtures/fuzz/$harness"/*; do [ -f "$f" ] && cp "$f" "$work/corpus/"; done
fi

# Build: the whole library as one module with the harness, so that the harness sees internals
# (`-package-name`: and its `package` symbols). In the work folder, where swiftc leaves its
# module files.
binary="$work/fuzz-$harness"
if [ "${FUZZ_SKIP_BUILD:-0}" = 1 ] && [ -x "$binary" ]; then
  echo "run.sh: fuzzing $harness with the binary built before" | tee "$work/log"
else
  sources=$(find "$root/Sources/PolicyGraph" -name '*.swift' | sort)
  # shellcheck disable=SC2086
  (cd "$work" && "$swiftc" -sanitize=fuzzer,address -parse-as-library -O -wmo -g -module-name PolicyGraph \
    -package-name policygraph $sources "$here/FuzzInput.swift" "$here/$source" -o "$binary")
  echo "run.sh: fuzzing $harness built from $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'a copy without git')" | tee "$work/log"
fi
[ "$minutes" = 0 ] && exit 0

# The Swift runtime's own crash handler fights ASan's; let ASan report.
export SWIFT_BACKTRACE=enable=no
# Run: 5 s per input is a hang, 2 GB a memory blow-up; both are findings.
"$binary" "$work/corpus" -artifact_prefix="$work/artifacts/" \
  -max_total_time=$((minutes * 60)) -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 2>&1 | tee -a "$work/log"
