#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset `fuzz`) and runs each for SECONDS (default 20)
# on a copy of its committed corpus. A crash fails the run and leaves the input in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_xlsx fuzz_request_body fuzz_query fuzz_report_body \
  fuzz_email fuzz_multipart fuzz_strip fuzz_search_query fuzz_repeat_facts
for t in xlsx request_body query report_body email multipart strip search_query repeat_facts; do
  work=build/fuzz/corpus-$t
  rm -rf "$work" && mkdir -p "$work" && cp fuzz/corpus/$t/* "$work"/
  echo "fuzz: $t for ${seconds}s"
  (cd build/fuzz && ./fuzz_$t -max_total_time="$seconds" -rss_limit_mb=1024 -max_len=65536 \
     -print_final_stats=0 "corpus-$t" 2>&1 | tail -3)
done
