// The engines the search benchmark compares, each run in its own process (search_bench run
// ENGINE) so that its peak RSS is its own. Each builds its index from the work directory's
// texts.txt, answers every query of queries.tsv (timed by TimeQueries), writes
// results-<name>.bin, and returns one line of key=value metrics a line per variant it ran:
//   engine=NAME docs= text_bytes= build_s= build_docs_per_s= index_bytes= index_ratio= rss_mib=
//   queries= p50_ms= p95_ms= p99_ms= ... and engine-specific notes.
// index_ratio is index_bytes ÷ text_bytes (UTF-8 bytes of the normalised texts).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace xuncha::bench {

struct EngineArgs {
  std::string dir;          // the work directory
  std::string pg_conninfo;  // for pg_trgm: a libpq connection string
};

Result<std::vector<std::string>> RunXuncha(const EngineArgs& args);
// Two variants on one index: "fts5" (trigram MATCH, instr() scan for 1-2 characters) and
// "fts5_nofallback" (trigram MATCH only).
Result<std::vector<std::string>> RunFts5(const EngineArgs& args);
Result<std::vector<std::string>> RunXapian(const EngineArgs& args);
Result<std::vector<std::string>> RunPgTrgm(const EngineArgs& args);

}  // namespace xuncha::bench
