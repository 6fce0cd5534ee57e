#!/usr/bin/env bash
# Discipline classification benchmark (issue 4): trains on the train split of
# share/discipline/labelled.jsonl, reports on the test split, for the learnt model and the
# cue-phrases-only baseline.
#
#   bash bench/classify/run.sh            # configures build/bench-classify (Release), builds, runs
#
# Writes bench/classify/results-DATE.txt (or $RESULTS). Takes about a minute from scratch
# (configure + build of the libraries it needs), a second to run. The build holds the shared
# build lock /tmp/xuncha-build.lock.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench-classify}
RESULTS=${RESULTS:-$HERE/results-$(date +%Y-%m-%d).txt}

flock /tmp/xuncha-build.lock cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DXUNCHA_BENCH=ON >/dev/null
flock /tmp/xuncha-build.lock cmake --build "$BUILD" -j2 --target classify_bench

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $commit != unknown ]] && [[ -n $(git -C "$ROOT" status --porcelain -- src share/discipline) ]]; then
  commit="$commit+uncommitted-changes"
fi
{
  echo "# bench/classify/run.sh — $(date -Iseconds)"
  echo "command: bash bench/classify/run.sh (build $BUILD, Release)"
  echo "source: $commit; data: $(sha256sum "$ROOT/share/discipline/labelled.jsonl" | cut -c1-16) labelled.jsonl, $(sha256sum "$ROOT/share/discipline/articles.json" | cut -c1-16) articles.json"
  echo "machine: nproc=$(nproc), cpu='$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)', $(g++ --version | head -1)"
  echo
  "$BUILD/classify_bench" "$ROOT/share/discipline"
} | tee "$RESULTS"
echo "run.sh: results written to $RESULTS"
