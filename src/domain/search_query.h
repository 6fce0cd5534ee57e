// The search box's query language (检索式), parsed into a tree the search index evaluates.
//   公款 吃喝           both (AND: white space)
//   公款 OR 吃喝        either (also "|", "或")
//   公款 -吃喝          the first without the second (also "NOT 吃喝", "非 吃喝" is not special)
//   "违规 发放"          the exact sequence, spaces included
//   (公款 | 私车) 报销   grouping
// A term matches as a substring of the normalised text, whatever its length: 1- and
// 2-character queries (违, 公款) find exactly what a substring scan finds. Terms are kept as
// typed; the caller normalises them the way it normalised the text. Pure: no I/O.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha {

struct QueryNode {
  enum class Kind { kTerm, kPhrase, kAnd, kOr, kNot };
  Kind kind = Kind::kTerm;
  std::string text;                 // kTerm, kPhrase
  std::vector<QueryNode> children;  // kAnd, kOr (two or more); kNot (one)
};

struct QueryLimits {
  std::size_t max_bytes = 1000;
  std::size_t max_terms = 32;
  int max_depth = 8;
};

// kInvalidArgument "bad_search_query" with a message saying what is wrong (empty, unbalanced
// quotes or parentheses, an operator without operands, a query of negations only, too long /
// too many terms / too deep). Never throws; every input terminates in linear time.
Result<QueryNode> ParseSearchQuery(std::string_view q, const QueryLimits& limits = {});

// The query in a canonical text form, e.g. (AND "公款" (NOT "吃喝")), for tests and logs.
std::string QueryToString(const QueryNode& n);

// True when `n` can match on its own, without a set of candidates to narrow: it has a positive
// term on every path (an AND needs one positive child, an OR needs all of them).
bool MatchesAlone(const QueryNode& n);

// The positive terms and phrases (not under a NOT), for highlighting snippets.
std::vector<std::string> PositiveTerms(const QueryNode& n);

}  // namespace xuncha
