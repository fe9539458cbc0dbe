#!/bin/sh
# Builds the libFuzzer target and runs it for SECONDS (default 60) over the corpus in
# Tests/Fuzz/corpus (seeded from Tests/Fuzz/seeds). Crashing inputs land in Tests/Fuzz/crashes/;
# keep each one as a regression test under Tests/IRIngestTests/Fixtures/fuzz/.
#
#     Tests/Fuzz/run.sh 600          # ten minutes
#     JOBS=2 Tests/Fuzz/run.sh 600   # two fuzzing processes
set -eu
cd "$(dirname "$0")"
SECONDS_TO_RUN=${1:-60}
# SwiftPM keeps the build plan of a path dependency: files added to the root package since the
# last build would be missed. Dropping the plan makes it look again (the objects are kept).
rm -f .build/debug.yaml .build/*/debug/description.json
swift build -c debug -Xswiftc -sanitize=fuzzer,address --product IRFuzz >&2
BIN=$(swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)/IRFuzz
mkdir -p corpus crashes
cp -n seeds/* corpus/ 2>/dev/null || true
set -- corpus -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix=crashes/ -print_final_stats=1
if [ "${JOBS:-1}" -gt 1 ]; then set -- "$@" -jobs="$JOBS" -workers="$JOBS"; fi
exec "$BIN" "$@"
