#!/usr/bin/env bash
# Load benchmark of the public report submission endpoint, POST /api/v1/public/reports (issue 3).
#
#   flock /tmp/xuncha-build.lock bash bench/submit/run.sh     # hold the build lock while measuring
#
# What it does, in one run on one machine:
#   1. a fresh data directory with the demo (xuncha init --demo --argon2-cost minimal) in a temp dir;
#   2. xuncha serve on 127.0.0.1 (any free port) with --public-rate 0 (no per-client limit);
#   3. a warm-up, then for each client count (1, 16, 64), in this order:
#        peer    (first half, see below)
#        submit  wrk + submit.lua: realistic 300-600-character reports, half anonymous, to every
#                open assignment in turn; 201 = a durable submission, anything else fails the run;
#                afterwards the rows added to `reports` are checked against the 201s;
#        peer    sqlite_insert_peer: the same durability (WAL, synchronous=FULL, one writer
#                connection behind a mutex, one transaction per ~1 KB row) without the server:
#                the fsync ceiling of this disk; half of it runs before the submit run and half
#                after, because this disk's fsync time drifts;
#        healthz wrk GET /healthz on the same server: the HTTP stack's ceiling;
#   4. prints a Markdown table and writes everything to bench/submit/results-DATE.txt.
# Not a test: nothing here runs under ctest. Takes about 2.5 minutes with the defaults, plus
# the wait for the lock.
#
# Environment (defaults in brackets): XUNCHA [build/release/xuncha], CLIENTS ["1 16 64"],
# SUBMIT_SECONDS [15], PEER_SECONDS [10], HEALTHZ_SECONDS [10], WARMUP_SECONDS [3],
# SERVER_THREADS [2, the serve default], BENCH_TMPDIR [$TMPDIR or /tmp; the data directory and
# the peer's database live there, so it decides which disk is measured], RESULTS [file to write],
# KEEP=1 keeps the temp dir (server log, wrk outputs).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
XUNCHA=${XUNCHA:-$ROOT/build/release/xuncha}
CLIENTS=${CLIENTS:-"1 16 64"}
SUBMIT_SECONDS=${SUBMIT_SECONDS:-15}
PEER_SECONDS=${PEER_SECONDS:-10}
HEALTHZ_SECONDS=${HEALTHZ_SECONDS:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
SERVER_THREADS=${SERVER_THREADS:-2}
RESULTS=${RESULTS:-$HERE/results-$(date +%Y-%m-%d).txt}

die() {
  echo "run.sh: FAIL: $*" >&2
  exit 1
}

for tool in wrk sqlite3 curl python3 g++; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install wrk sqlite3 curl python3 g++)"
done
[[ -x $XUNCHA ]] || die "$XUNCHA not built: flock /tmp/xuncha-build.lock cmake --build --preset release --target xuncha"
[[ -f /usr/include/sqlite3.h ]] || die "sqlite3.h missing (apt-get install libsqlite3-dev)"

WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/xuncha-bench.XXXXXX")
DATA=$WORK/data
DB=$DATA/xuncha.db
SERVER_PID=
DRAIN_PID=
cleanup() {
  local rc=$?
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n $DRAIN_PID ]]; then wait "$DRAIN_PID" 2>/dev/null || true; fi
  if [[ ${KEEP:-0} == 1 || $rc -ne 0 ]]; then
    echo "run.sh: kept $WORK (server log: $WORK/serve.log)" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

RAW=$WORK/raw.txt  # everything that goes into the results file
log() { echo "$*" | tee -a "$RAW"; }

# ---- machine and build ----
build_dir=$(dirname "$XUNCHA")
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
src_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
commit=${XUNCHA_COMMIT:-}
if [[ -z $commit ]]; then
  commit=$(git -C "${src_dir:-$ROOT}" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ $commit != unknown ]] && ! git -C "${src_dir:-$ROOT}" diff --quiet HEAD -- src db 2>/dev/null; then
    commit="$commit+uncommitted-changes"
  fi
fi
log "# bench/submit/run.sh — $(date -Iseconds)"
log "command: bash $0 (CLIENTS='$CLIENTS' SUBMIT_SECONDS=$SUBMIT_SECONDS PEER_SECONDS=$PEER_SECONDS HEALTHZ_SECONDS=$HEALTHZ_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS SERVER_THREADS=$SERVER_THREADS)"
log "binary: $XUNCHA (build type ${build_type:-unknown}, source $commit)"
log "machine: nproc=$(nproc), cpu='$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)', kernel $(uname -r), $(free -g | awk '/^Mem:/ {print $2 " GiB RAM"}')"
log "disk: $(df -T "$WORK" | awk 'NR==2 {print $1 " " $2 " mounted on " $7}') (data dir and peer db under $WORK)"
log "tools: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(g++ --version | head -1)"
# Other processes that were using the CPU (a build or a test run skews every number here).
busy_others() {
  top -b -n 2 -d 0.5 -w 200 | awk '/^top -/ {n++} n == 2 && /^ *[0-9]+ / && $9 + 0 >= 5 {printf "%s %s%%, ", $12, $9}'
}
log "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg); other processes using >= 5% CPU: $(busy_others)-"

# ---- the raw SQLite peer ----
g++ -std=c++20 -O2 -pthread "$HERE/sqlite_insert_peer.cc" -lsqlite3 -o "$WORK/sqlite_insert_peer"

# ---- data directory and server ----
"$XUNCHA" init --data "$DATA" --demo --argon2-cost minimal >"$WORK/init.log" 2>&1 ||
  { cat "$WORK/init.log" >&2; die "xuncha init"; }
mkfifo "$WORK/serve.fifo"
"$XUNCHA" serve --data "$DATA" --listen 127.0.0.1:0 --public-rate 0 --threads "$SERVER_THREADS" \
  >"$WORK/serve.fifo" 2>"$WORK/serve.log" &
SERVER_PID=$!
exec 3<"$WORK/serve.fifo"
PORT=
while IFS= read -r -t 60 -u 3 line; do
  echo "$line" >>"$WORK/serve.out"
  if [[ $line =~ ^listening\ on\ http://[0-9.]+:([0-9]+)$ ]]; then
    PORT=${BASH_REMATCH[1]}
    break
  fi
done
[[ -n $PORT ]] || { tail -20 "$WORK/serve.log" >&2; die "server did not print 'listening on'"; }
cat <&3 >>"$WORK/serve.out" &  # keep its stdout drained
DRAIN_PID=$!
exec 3<&-
BASE=http://127.0.0.1:$PORT

IDS=$(curl -fsS "$BASE/api/v1/public/intake" | python3 -c '
import json, sys
print(" ".join(str(i["assignment_id"]) for i in json.load(sys.stdin)["items"] if i["open"]))')
[[ -n $IDS ]] || die "the demo has no open assignment today"
log "server: pid $SERVER_PID on $BASE, --threads $SERVER_THREADS, --public-rate 0; open assignments: $IDS"

# ---- helpers ----
db_reports() { sqlite3 -cmd '.timeout 10000' "$DB" 'SELECT count(*) FROM reports;'; }
logged_201() { grep -c 'POST /api/v1/public/reports 201' "$WORK/serve.log" || true; }
server_alive() { kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/serve.log" >&2; die "the server died"; }; }
# Waits until the server handles nothing but this probe (wrk may leave requests in flight).
wait_idle() {
  local i
  for ((i = 0; i < 300; i++)); do
    if [[ $(curl -fsS "$BASE/metrics") == *$'\nxuncha_http_requests_in_flight 1'* ]]; then return 0; fi
    sleep 0.1
  done
  die "the server still has requests in flight 30 s after wrk stopped"
}
# field NAME LINE: the value of NAME=... in a RESULT line
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# run_wrk LABEL CONNS SECONDS ARGS...: runs wrk, echoes its RESULT line, fails loudly.
run_wrk() {
  local label=$1 conns=$2 secs=$3
  shift 3
  local threads=$((conns < 2 ? conns : 2))
  local out=$WORK/wrk-$label-c$conns.txt
  if ! wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency -s "$HERE/submit.lua" \
    "$BASE" -- "$@" >"$out" 2>&1; then
    cat "$out" >&2
    die "wrk $label at $conns clients: non-$([[ $label == healthz* ]] && echo 200 || echo 201) responses or socket errors (see above)"
  fi
  grep '^RESULT ' "$out" || die "wrk $label printed no RESULT line"
}

server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# Samples GET /healthz every 0.2 s until $WORK/probe.stop exists: what any other request (the
# staff UI, static files) waits while submissions are being served.
probe_healthz() {
  while [[ ! -e $WORK/probe.stop ]]; do
    curl -sS -o /dev/null -w '%{time_total}\n' "$BASE/healthz" || echo fail
    sleep 0.2
  done
}

# submit LABEL CONNS SECONDS: one submission run plus the durability check; echoes the RESULT line
# with the check's numbers, the server's CPU per submission and /healthz latency under this load.
submit() {
  local label=$1 conns=$2 secs=$3
  local rows0 logged0 cpu0 result ok completed sent rows1 logged1 cpu1 probe_pid probe
  rows0=$(db_reports)
  logged0=$(logged_201)
  cpu0=$(server_cpu_ticks)
  rm -f "$WORK/probe.stop"
  probe_healthz >"$WORK/probe-$label-c$conns.txt" &
  probe_pid=$!
  # shellcheck disable=SC2086
  result=$(run_wrk "$label" "$conns" "$secs" $IDS)
  cpu1=$(server_cpu_ticks)
  touch "$WORK/probe.stop"
  wait "$probe_pid"
  wait_idle
  server_alive
  rows1=$(db_reports)
  logged1=$(logged_201)
  ok=$(field ok "$result")
  completed=$(field completed "$result")
  sent=$(field sent "$result")
  local added=$((rows1 - rows0)) answered=$((logged1 - logged0)) inflight=$((sent - completed))
  local late=$((added - ok))
  # Every 201 wrk counted is a row, every 201 the server sent is a row, and the only rows beyond
  # wrk's 201s are requests wrk had sent but not yet seen answered when its clock ran out.
  if ((added != answered || late < 0 || late > inflight)); then
    die "durability ($label, $conns clients): reports +$added, server sent $answered x 201, wrk counted $ok x 201 with $inflight in flight at stop"
  fi
  grep -qx fail "$WORK/probe-$label-c$conns.txt" && die "GET /healthz failed during the $label run at $conns clients"
  probe=$(python3 -c '
import sys
v = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
print(f"healthz_under_load_n={len(v)} healthz_under_load_p50_ms={v[len(v) // 2]:.1f} healthz_under_load_max_ms={v[-1]:.1f}" if v else "healthz_under_load_n=0")
' "$WORK/probe-$label-c$conns.txt")
  local tck
  tck=$(getconf CLK_TCK)
  echo "$result rows_added=$added server_201=$answered late_201=$late in_flight_at_stop=$inflight" \
    "server_cpu_ms_per_201=$(python3 -c "print(f'{($cpu1 - $cpu0) * 1000 / $tck / max($ok, 1):.2f}')")" \
    "server_cpu_cores=$(python3 -c "print(f'{($cpu1 - $cpu0) / $tck / $(field seconds "$result"):.2f}')")" \
    "$probe"
}

# peer CONNS SECONDS: the raw SQLite peer on a fresh database beside the data directory.
peer() {
  local out
  out=$("$WORK/sqlite_insert_peer" "$WORK/peer-c$1.db" "$1" "$2")
  rm -f "$WORK/peer-c$1.db"*
  echo "$out"
}

REC=$WORK/records.txt
: >"$REC"

# ---- warm-up (page cache, reader connections, the CPU governor) ----
r=$(submit warmup 16 "$WARMUP_SECONDS")
log "warmup submit c=16 $r"
r=$(run_wrk healthz-warmup 16 2 healthz)
log "warmup healthz c=16 $r"

# ---- the measured runs ----
# The disk's fsync time drifts (a shared virtual disk), so each submit run is bracketed by two
# halves of the peer run (before and after) and the peer's rate is their total; healthz follows.
for c in $CLIENTS; do
  half=$(python3 -c "print($PEER_SECONDS / 2)")
  p1=$(peer "$c" "$half")
  log "peer-before c=$c $p1"
  r=$(submit submit "$c" "$SUBMIT_SECONDS")
  log "submit c=$c $r"
  echo "submit c=$c $r" >>"$REC"
  p2=$(peer "$c" "$half")
  log "peer-after c=$c $p2"
  python3 - "$p1" "$p2" <<'EOF' | sed "s/^/peer c=$c /" >>"$REC"
import sys
a, b = (dict(kv.split("=", 1) for kv in s.split() if "=" in kv) for s in sys.argv[1:3])
tx = int(a["tx"]) + int(b["tx"])
secs = float(a["seconds"]) + float(b["seconds"])
print(f"tx_per_s={tx / secs:.1f} tx_per_s_before={a['tx_per_s']} tx_per_s_after={b['tx_per_s']} "
      f"p50_ms={a['p50_ms']},{b['p50_ms']} p99_ms={a['p99_ms']},{b['p99_ms']}")
EOF
  r=$(run_wrk healthz "$c" "$HEALTHZ_SECONDS" healthz)
  log "healthz c=$c $r"
  echo "healthz c=$c $r" >>"$REC"
done

server_alive
log "server: $(grep -c ' error ' "$WORK/serve.log" || true) error lines in its log; reports in the database: $(db_reports)"
log "audit chain: $("$XUNCHA" audit verify --data "$DATA" 2>&1 | head -1)"
log "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg); other processes using >= 5% CPU: $(busy_others)-"

# ---- the table ----
TABLE=$(python3 - "$REC" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    kind, c = parts[0], int(parts[1].split("=")[1])
    kv = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    rows.setdefault(c, {})[kind] = kv
print("| clients | submissions/s (201) | p50 ms | p99 ms | healthz req/s | sqlite peer tx/s | submit ÷ sqlite peer | submit ÷ healthz |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for c in sorted(rows):
    s, p, h = rows[c]["submit"], rows[c]["peer"], rows[c]["healthz"]
    sub, peer, hz = float(s["ok_per_s"]), float(p["tx_per_s"]), float(h["ok_per_s"])
    print(f"| {c} | {sub:.0f} | {float(s['p50_ms']):.1f} | {float(s['p99_ms']):.1f} | {hz:.0f} | "
          f"{peer:.0f} | {sub / peer:.2f} | {sub / hz:.3f} |")
print()
print("Same run, per client count: the server's CPU per submission; GET /healthz sampled every 0.2 s"
      " while the submissions ran (p50 / max); the sqlite peer's before and after halves and its"
      " latency (p50, p99 per half); healthz alone (p50 / p99).")
print()
for c in sorted(rows):
    s, p, h = rows[c]["submit"], rows[c]["peer"], rows[c]["healthz"]
    print(f"- {c} clients: server CPU {s['server_cpu_ms_per_201']} ms per submission "
          f"({s['server_cpu_cores']} cores busy); /healthz under submit load "
          f"{s.get('healthz_under_load_p50_ms', '-')} / {s.get('healthz_under_load_max_ms', '-')} ms "
          f"(n={s.get('healthz_under_load_n', 0)}); sqlite peer {p['tx_per_s_before']} then "
          f"{p['tx_per_s_after']} tx/s, p50 {p['p50_ms']} ms, p99 {p['p99_ms']} ms; "
          f"healthz alone {float(h['p50_ms']):.2f} / {float(h['p99_ms']):.2f} ms; "
          f"durability: +{s['rows_added']} reports = {s['ok']} 201s counted by wrk "
          f"+ {s['late_201']} answered after wrk stopped")
EOF
)
log ""
log "$TABLE"
cp "$RAW" "$RESULTS"
echo "run.sh: results written to $RESULTS"
