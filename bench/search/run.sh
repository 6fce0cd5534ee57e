#!/usr/bin/env bash
# Search benchmark of issue 4: Xuncha's index core against the peers a user could choose instead,
# in one run on the same data.
#
#   flock /tmp/xuncha-build.lock bash bench/search/run.sh             # 20k reports
#   SIZE=200k flock /tmp/xuncha-build.lock bash bench/search/run.sh   # the size of the goals
#
# Hold the build lock while it runs: it builds its programs (build/bench, Release -O2, with
# -DXUNCHA_BENCH=ON) and then measures, and nobody's compile must skew the timings. It does not
# take the lock itself (that would wait for its own caller).
#
# What it does:
#   1. search_corpus: a seeded synthetic corpus of complaint-like reports (corpus.h);
#   2. search_bench prepare: texts normalised with text::Normalize (NFKC, Traditional →
#      Simplified, lower case), queries drawn (queries.h) and normalised the same way;
#   3. search_bench truth: the exact answer of each query, by a substring scan of the texts;
#   4. search_bench run ENGINE, each engine in its own process (so its peak RSS is its own):
#        xuncha   SearchSegment::Build + SearchIndex::Evaluate (src/domain/search_index.h)
#        fts5     SQLite FTS5 trigram, instr() scan for 1-2 characters; also fts5_nofallback
#        xapian   Xapian 1.4, FLAG_CJK_NGRAM for indexing and query parsing
#        pg_trgm  PostgreSQL 15, GIN gin_trgm_ops, LIKE '%term%', on a server this script
#                 starts (initdb in the temp dir, a free port on 127.0.0.1) and stops
#   5. search_bench score: recall and precision per query length (1, 2, 3, 4+ characters);
#   6. a Markdown table on stdout and everything in bench/search/results-DATE-SIZE.txt.
# Not a test: nothing here runs under ctest. About 3 minutes at 20k, 20 at 200k.
#
# Environment (defaults in brackets): SIZE [20k; 200k, 2M or a count], SEED [42],
# QUERIES [400], ENGINES ["xuncha fts5 xapian pg_trgm"], BUILD [build/bench],
# BENCH_TMPDIR [$TMPDIR or /tmp; the databases live there], RESULTS [file to write],
# KEEP=1 keeps the temp dir (corpus, databases, server log).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SIZE=${SIZE:-20k}
SEED=${SEED:-42}
QUERIES=${QUERIES:-400}
ENGINES=${ENGINES:-"xuncha fts5 xapian pg_trgm"}
BUILD=${BUILD:-$ROOT/build/bench}
RESULTS=${RESULTS:-$HERE/results-$(date +%Y-%m-%d)-$SIZE.txt}

die() {
  echo "run.sh: FAIL: $*" >&2
  exit 1
}

for tool in cmake ninja python3 initdb pg_ctl; do
  command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps.sh; PostgreSQL 15 for initdb/pg_ctl)"
done
pkg-config --exists xapian-core || die "libxapian-dev missing (apt-get install libxapian-dev)"
pkg-config --exists libpq || die "libpq-dev missing (apt-get install libpq-dev)"

# ---- build ----
if [[ ! -f $BUILD/build.ninja ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DXUNCHA_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" -j2 --target search_bench search_corpus >/dev/null ||
  die "build failed: cmake --build $BUILD --target search_bench search_corpus"
BENCH=$BUILD/search_bench

WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/xuncha-search-bench.XXXXXX")
chmod 755 "$WORK"  # the PostgreSQL server may run as another user
PGDATA_DIR=$WORK/pg
PG_STARTED=0
# PostgreSQL refuses to run as root: then its programs run as the postgres user.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  local rc=$?
  if ((PG_STARTED)); then as_pg pg_ctl -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [[ ${KEEP:-0} == 1 || $rc -ne 0 ]]; then
    echo "run.sh: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

RAW=$WORK/raw.txt  # everything that goes into the results file
REC=$WORK/records.txt
: >"$REC"
log() { echo "$*" | tee -a "$RAW"; }

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $commit != unknown ]] && ! git -C "$ROOT" diff --quiet HEAD -- src bench/search 2>/dev/null; then
  commit="$commit+uncommitted-changes"
fi
busy_others() {
  top -b -n 2 -d 0.5 -w 200 | awk '/^top -/ {n++} n == 2 && /^ *[0-9]+ / && $9 + 0 >= 5 {printf "%s %s%%, ", $12, $9}'
}
log "# bench/search/run.sh — $(date -Iseconds)"
log "command: bash $0 (SIZE=$SIZE SEED=$SEED QUERIES=$QUERIES ENGINES='$ENGINES')"
log "build: $BUILD (Release, -O2), source $commit, $(g++ --version | head -1)"
log "machine: nproc=$(nproc), cpu='$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)', kernel $(uname -r), $(free -g | awk '/^Mem:/ {print $2 " GiB RAM"}')"
log "disk: $(df -T "$WORK" | awk 'NR==2 {print $1 " " $2 " mounted on " $7}') (databases under $WORK)"
log "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg); other processes using >= 5% CPU: $(busy_others)-"

# ---- corpus, queries, truth ----
t0=$(date +%s.%N)
"$BUILD/search_corpus" --size "$SIZE" --seed "$SEED" --out "$WORK/corpus.tsv"
t1=$(date +%s.%N)
log "corpus $(python3 -c "print(f'seconds={$t1 - $t0:.1f}')") bytes=$(stat -c %s "$WORK/corpus.tsv")"
log "$("$BENCH" prepare --corpus "$WORK/corpus.tsv" --dir "$WORK" --seed "$SEED" --queries "$QUERIES")"
rm -f "$WORK/corpus.tsv"  # prepare keeps what the engines need: texts.txt and queries.tsv
log "$("$BENCH" truth --dir "$WORK")"

# ---- PostgreSQL ----
start_postgres() {
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir "$PGDATA_DIR"
  [[ $(id -u) -ne 0 ]] || chown postgres: "$PGDATA_DIR"
  as_pg initdb -D "$PGDATA_DIR" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 ||
    { cat "$WORK/initdb.log" >&2; die "initdb"; }
  # A user who builds a large GIN index raises maintenance_work_mem; shared_buffers is 2x the
  # default; the rest are PostgreSQL's defaults (fsync on).
  as_pg pg_ctl -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -o \
    "-p $port -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c maintenance_work_mem=1GB" \
    start >/dev/null || { cat "$PGDATA_DIR/server.log" >&2; die "pg_ctl start"; }
  PG_STARTED=1
  PG_CONNINFO="host=127.0.0.1 port=$port user=bench dbname=postgres"
  log "postgres: $(postgres --version), data in $PGDATA_DIR, port $port"
}

# ---- engines, each in its own process ----
for engine in $ENGINES; do
  args=()
  if [[ $engine == pg_trgm ]]; then
    start_postgres
    args=(--pg "$PG_CONNINFO")
  fi
  out=$("$BENCH" run "$engine" --dir "$WORK" "${args[@]}") || die "engine $engine"
  while IFS= read -r line; do
    log "$line"
    echo "run $line" >>"$REC"
    name=$(sed -n 's/^engine=\([^ ]*\).*/\1/p' <<<"$line")
    s=$("$BENCH" score --dir "$WORK" --engine "$name") || die "score $name"
    log "$s"
    echo "score $s" >>"$REC"
  done <<<"$out"
  rm -rf "$WORK/fts5.db"* "$WORK/xapian"  # disk space for the next engine
  if [[ $engine == pg_trgm ]]; then
    as_pg pg_ctl -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    PG_STARTED=0
  fi
done
log "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg); other processes using >= 5% CPU: $(busy_others)-"

# ---- the table ----
TABLE=$(python3 - "$REC" <<'EOF'
import sys
runs, scores, order = {}, {}, []
for line in open(sys.argv[1]):
    kind, rest = line.split(" ", 1)
    kv = dict(p.split("=", 1) for p in rest.split() if "=" in p)
    (runs if kind == "run" else scores)[kv["engine"]] = kv
    if kind == "run":
        order.append(kv["engine"])
def f(v, fmt="{:.2f}"):
    try:
        return fmt.format(float(v))
    except (TypeError, ValueError):
        return v or "-"
docs = runs[order[0]]["docs"]
print(f"{int(docs):,} reports, {int(runs[order[0]]['text_bytes']) / 2**20:.0f} MiB of normalised text; "
      f"{runs[order[0]]['queries']} queries.")
print()
print("| engine | recall 1 / 2 / 3 / 4+ chars | precision 1 / 2 / 3 / 4+ | p50 ms | p95 ms | p99 ms |"
      " p95 ms 1 / 2 / 3 / 4+ | build docs/s | index ÷ text | peak RSS MiB |")
print("|---|---|---|---:|---:|---:|---|---:|---:|---:|")
for e in order:
    r, s = runs[e], scores[e]
    rec = " / ".join(f(s[f"recall_b{b}"], "{:.3f}") for b in range(1, 5))
    pre = " / ".join(f(s[f"precision_b{b}"], "{:.3f}") for b in range(1, 5))
    p95b = " / ".join(f(r[f"p95_ms_b{b}"], "{:.1f}") for b in range(1, 5))
    ratio = f(r["index_ratio"])
    if e == "xuncha":
        ratio += f" ({f(r['postings_ratio'])} postings alone)"
    elif e.startswith("fts5"):
        ratio += f" ({f(r['file_ratio'])} whole file)"
    print(f"| {e} | {rec} | {pre} | {f(r['p50_ms'])} | {f(r['p95_ms'])} | {f(r['p99_ms'])} | {p95b} |"
          f" {int(float(r['build_docs_per_s'])):,} | {ratio} | {r['rss_mib']} |")
if "xuncha" in runs:
    x = runs["xuncha"]
    print()
    print("Peer ÷ xuncha (above 1: xuncha is faster or smaller):")
    print()
    print("| engine | p95 latency | p99 latency | build time | index size | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    for e in order:
        if e == "xuncha":
            continue
        r = runs[e]
        q = lambda k: float(r[k]) / max(float(x[k]), 1e-9)
        print(f"| {e} | {q('p95_ms'):.2f} | {q('p99_ms'):.2f} | "
              f"{float(x['build_docs_per_s']) / float(r['build_docs_per_s']):.2f} | "
              f"{q('index_ratio'):.2f} | {q('rss_mib'):.2f} |")
EOF
)
log ""
log "$TABLE"
cp "$RAW" "$RESULTS"
echo "run.sh: results written to $RESULTS"
