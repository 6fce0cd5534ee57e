// What a search shows of each match: a snippet with the matched terms marked, and a relevance
// score. Pure functions over the normalised text the index holds (docs/search.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha {

struct SnippetPart {
  std::string text;
  bool hit = false;  // a matched term: the UI marks it
};

// About `max_chars` code points of `text` around the first occurrence of any of `terms`
// (or its start when none occurs), every occurrence of a term inside marked; "…" where text
// was cut. The parts concatenate to a substring of `text` (plus the ellipses). `text` must
// be valid UTF-8; empty terms are ignored.
std::vector<SnippetPart> MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                                     std::size_t max_chars = 80);

// Non-overlapping occurrences of `term` in `text` (0 for an empty term).
std::size_t CountOccurrences(std::string_view text, std::string_view term);

// Okapi BM25 of one document for the positive terms of a query.
struct Bm25Term {
  std::size_t tf = 0;  // occurrences in the document
  std::size_t df = 0;  // documents containing the term
};
double Bm25(const std::vector<Bm25Term>& terms, std::size_t doc_length, double avg_length,
            std::size_t total_docs);

}  // namespace xuncha
