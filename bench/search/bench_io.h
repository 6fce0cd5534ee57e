// What the search benchmark's programs share: the files of a run's work directory, timing,
// peak RSS, and the timed query loop every engine goes through.
//
// Work directory (written by `search_bench prepare` and `truth`):
//   texts.txt    the corpus's normalised texts, one a line; line k (from 1) is document k
//   queries.tsv  bucket, kind, raw term, normalised term — one query a line
//   truth.bin    for each query: count, then the ascending documents whose text contains it
//   results-ENGINE.bin  the same layout, what ENGINE returned
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace xuncha::bench {

using DocIds = std::vector<std::uint32_t>;

struct QueryRow {
  int bucket = 0;    // 1, 2, 3, 4 (= four or more characters)
  std::string kind;  // see queries.h
  std::string raw;
  std::string term;  // normalised with text::Normalize, what every engine is asked
};

Result<std::vector<std::string>> ReadTexts(const std::string& path);
// Calls `fn` with each document number and text, without keeping them (for engines that copy
// the text into their own store).
Status ForEachText(const std::string& path,
                   const std::function<void(std::uint32_t, const std::string&)>& fn);
Result<std::vector<QueryRow>> ReadQueries(const std::string& path);
Status WriteQueries(const std::string& path, const std::vector<QueryRow>& rows);

// Appends one answer a call; ids are sorted before they are written.
class ResultsWriter {
 public:
  static Result<ResultsWriter> Open(const std::string& path);
  Status Write(DocIds ids);
  Status Close();

 private:
  std::FILE* f_ = nullptr;
};
Result<std::vector<DocIds>> ReadResults(const std::string& path);

double NowSeconds();
// Peak resident set of this process (getrusage), in MiB.
double PeakRssMiB();
// Bytes of a file, or of every file under a directory.
std::uint64_t DiskBytes(const std::string& path);

// Runs each query once through `search`, after a warm-up pass over the first `warmup` queries
// (not timed, not written), timing every call; writes the answers to `results_path`. Returns
// "queries=N p50_ms=.. p95_ms=.. p99_ms=.. max_ms=.. p95_ms_b1=.. ... p95_ms_b4=..".
using SearchFn = std::function<Result<DocIds>(const std::string& term)>;
Result<std::string> TimeQueries(const std::vector<QueryRow>& queries, const SearchFn& search,
                                const std::string& results_path, std::size_t warmup = 10);

// "%.Nf" of v.
std::string Fixed(double v, int decimals);

}  // namespace xuncha::bench
