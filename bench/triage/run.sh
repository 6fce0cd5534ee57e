#!/usr/bin/env bash
# Roster-matcher cost per report (Google Benchmark), the work repeat detection does for a new
# report and for each of its candidates (docs/triage.md).
#
#   bash bench/triage/run.sh     # configures build/bench (Release, -DXUNCHA_BENCH=ON), builds, runs
#
# Writes bench/triage/results-DATE.txt (or $RESULTS). Under a minute once the libraries are built.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
RESULTS=${RESULTS:-$HERE/results-$(date +%Y-%m-%d).txt}

if [[ ! -f $BUILD/build.ninja ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DXUNCHA_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" -j2 --target triage_bench >/dev/null
{
  echo "# bench/triage/run.sh — $(date -Iseconds)"
  echo "source: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
    "build $BUILD (Release -O2), $(g++ --version | head -1)"
  echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$BUILD/triage_bench" --benchmark_min_time=2 2>&1
} | tee "$RESULTS"
