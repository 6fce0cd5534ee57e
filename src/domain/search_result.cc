#include "domain/search_result.h"

#include <algorithm>
#include <cmath>

namespace xuncha {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves `at` back to the start of the code point it falls in.
std::size_t CharStart(std::string_view s, std::size_t at) {
  while (at > 0 && at < s.size() && IsContinuation(s[at])) --at;
  return at;
}

// The byte offset `chars` code points before (negative) or after `at`, clamped to `s`.
std::size_t StepChars(std::string_view s, std::size_t at, long chars) {
  while (chars < 0 && at > 0) {
    --at;
    while (at > 0 && IsContinuation(s[at])) --at;
    ++chars;
  }
  while (chars > 0 && at < s.size()) {
    ++at;
    while (at < s.size() && IsContinuation(s[at])) ++at;
    --chars;
  }
  return at;
}

}  // namespace

std::size_t CountOccurrences(std::string_view text, std::string_view term) {
  if (term.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t at = text.find(term); at != std::string_view::npos;
       at = text.find(term, at + term.size())) {
    ++n;
  }
  return n;
}

std::vector<SnippetPart> MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                                     std::size_t max_chars) {
  constexpr long kLead = 20;  // code points of context shown before the first match
  std::size_t first = std::string_view::npos;
  for (const auto& t : terms) {
    if (t.empty()) continue;
    first = std::min(first, text.find(t));
  }
  std::size_t begin = 0;
  if (first != std::string_view::npos) begin = CharStart(text, StepChars(text, first, -kLead));
  const std::size_t end = StepChars(text, begin, static_cast<long>(max_chars));
  const std::string_view window = text.substr(begin, end - begin);

  std::vector<SnippetPart> out;
  auto add = [&out](std::string_view s, bool hit) {
    if (s.empty()) return;
    if (!out.empty() && out.back().hit == hit) {
      out.back().text += s;
    } else {
      out.push_back({std::string(s), hit});
    }
  };
  if (begin > 0) add("…", false);
  std::size_t at = 0;
  std::size_t plain_from = 0;
  while (at < window.size()) {
    // The longest term starting here wins, so 公款吃喝 is one mark, not 公款 + 吃喝.
    std::size_t len = 0;
    for (const auto& t : terms) {
      if (!t.empty() && t.size() > len && window.substr(at, t.size()) == t) len = t.size();
    }
    if (len == 0) {
      ++at;
      continue;
    }
    add(window.substr(plain_from, at - plain_from), false);
    add(window.substr(at, len), true);
    at += len;
    plain_from = at;
  }
  add(window.substr(plain_from), false);
  if (end < text.size()) add("…", false);
  return out;
}

double Bm25(const std::vector<Bm25Term>& terms, std::size_t doc_length, double avg_length,
            std::size_t total_docs) {
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  const double norm =
      avg_length > 0 ? kK1 * (1 - kB + kB * static_cast<double>(doc_length) / avg_length) : kK1;
  double score = 0;
  for (const auto& t : terms) {
    if (t.tf == 0) continue;
    const double n = static_cast<double>(total_docs);
    const double df = static_cast<double>(std::min(t.df, total_docs));
    const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    const double tf = static_cast<double>(t.tf);
    score += idf * tf * (kK1 + 1) / (tf + norm);
  }
  return score;
}

}  // namespace xuncha
