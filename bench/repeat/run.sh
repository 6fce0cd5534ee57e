#!/usr/bin/env bash
# Repeat-detection benchmark (issue 4): builds bench/repeat in build/bench-repeat (Release,
# -DXUNCHA_BENCH=ON), runs it at 20k and 200k reports, writes bench/repeat/results-DATE.txt with
# the raw output and a Markdown table.
#
#   flock /tmp/xuncha-build.lock bash bench/repeat/run.sh   # hold the build lock while measuring
#
# Environment (defaults in brackets): SEED [2; the defaults were tuned on seed 1], SIZES
# ["20000 200000"], SWEEP=1 also prints the tuning sweep at 20k on SEED, RESULTS [file to write].
# Takes about 8 minutes on 2 cores after the build.
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$ROOT/build/bench-repeat
SEED=${SEED:-2}
SIZES=${SIZES:-"20000 200000"}
RESULTS=${RESULTS:-$HERE/results-$(date +%Y-%m-%d).txt}

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXUNCHA_BENCH=ON >/dev/null
cmake --build "$BUILD" -j2 --target repeat_bench
BIN=$BUILD/repeat_bench

RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT
log() { echo "$*" | tee -a "$RAW"; }

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $commit != unknown ]] && [[ -n $(git -C "$ROOT" status --porcelain -- src/domain/near_duplicate.cc src/domain/near_duplicate.h bench/repeat) ]]; then
  commit="$commit+uncommitted-changes"
fi
log "# bench/repeat/run.sh — $(date -Iseconds)"
log "command: bash bench/repeat/run.sh (SEED=$SEED SIZES='$SIZES')"
log "binary: $BIN (Release, -O3 -DNDEBUG, source $commit)"
log "machine: nproc=$(nproc), cpu='$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)', kernel $(uname -r), $(free -g | awk '/^Mem:/ {print $2 " GiB RAM"}'), $(g++ --version | head -1)"
log "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in $SIZES; do
  log ""
  log "## docs=$n seed=$SEED, persons on"
  "$BIN" --docs "$n" --seed "$SEED" | tee -a "$RAW"
  log ""
  log "## docs=$n seed=$SEED, persons on, facts off"
  "$BIN" --docs "$n" --seed "$SEED" --no-facts | tee -a "$RAW"
  log ""
  log "## docs=$n seed=$SEED, persons off, facts off (text alone)"
  "$BIN" --docs "$n" --seed "$SEED" --no-persons --no-facts | tee -a "$RAW"
done
if [[ ${SWEEP:-0} == 1 ]]; then
  log ""
  log "## sweep docs=20000 seed=$SEED"
  "$BIN" --docs 20000 --seed "$SEED" --sweep | tee -a "$RAW"
fi
log "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"

TABLE=$(python3 - "$RAW" <<'PY'
import re, sys
runs, cur = [], None
for line in open(sys.argv[1]):
    m = re.match(r"## docs=(\d+) seed=\d+, persons (\w+)(?:, facts (\w+))?", line)
    if line.startswith("## ") and not m:
        cur = None
        continue
    if m:
        cur = {"docs": int(m.group(1)), "persons": m.group(2), "facts": m.group(3) or "on"}
        runs.append(cur)
        continue
    if cur is not None and "=" in line and not line.startswith("|"):
        for k, v in re.findall(r"(\w+)=([^\s]+)", line):
            cur[k] = v
print("| docs | persons | facts | edited P | edited R | edited F1 | paraphrase R | overall P | overall R | "
      "overall F1 | hard negatives linked (same person / same template) | fingerprints/s | "
      "registrations/s | lookups/s | µs/lookup | candidates/lookup | µs/scan (no index) | peak RSS MB |")
print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for r in runs:
    if "edited_f1" not in r:
        continue
    print(f"| {r['docs']} | {r['persons']} | {r['facts']} | {float(r['edited_precision']):.4f} | "
          f"{float(r['edited_recall']):.4f} | **{float(r['edited_f1']):.4f}** | "
          f"{float(r['paraphrase_recall']):.4f} | {float(r['overall_precision']):.4f} | "
          f"{float(r['overall_recall']):.4f} | {float(r['overall_f1']):.4f} | "
          f"{r['hard_same_person_linked']} / {r['hard_same_template_linked']} | "
          f"{r['fingerprint_docs_per_s']} | {r['register_docs_per_s']} | {r['lookups_per_s']} | "
          f"{r['lookup_us']} | {r['avg_candidates']} | {r['scan_us']} | {r['peak_rss_mb']} |")
PY
)
log ""
log "$TABLE"
cp "$RAW" "$RESULTS"
echo "run.sh: results written to $RESULTS"
