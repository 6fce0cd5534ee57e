#include "domain/search_index.h"

#include <algorithm>
#include <iterator>

namespace xuncha {
namespace {

std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<DocNo> Intersect(const std::vector<DocNo>& a, const std::vector<DocNo>& b) {
  std::vector<DocNo> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<DocNo> Unite(const std::vector<DocNo>& a, const std::vector<DocNo>& b) {
  std::vector<DocNo> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<DocNo> Subtract(const std::vector<DocNo>& a, const std::vector<DocNo>& b) {
  std::vector<DocNo> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto b = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

constexpr std::string_view kMagic = "XSG1";

}  // namespace

std::vector<std::string> TextGrams(std::string_view text) {
  const auto cps = CodePoints(text);
  std::set<std::string, std::less<>> grams;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    grams.emplace(cps[i]);
    if (i + 1 < cps.size()) {
      std::string bi(cps[i]);
      bi += cps[i + 1];
      grams.insert(std::move(bi));
    }
  }
  return {grams.begin(), grams.end()};
}

std::vector<std::string> TermGrams(std::string_view term) {
  const auto cps = CodePoints(term);
  if (cps.size() == 1) return {std::string(cps[0])};
  std::set<std::string, std::less<>> grams;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    std::string bi(cps[i]);
    bi += cps[i + 1];
    grams.insert(std::move(bi));
  }
  return {grams.begin(), grams.end()};
}

SearchSegment SearchSegment::Build(const std::vector<Doc>& docs) {
  SearchSegment s;
  for (const auto& d : docs) {
    s.docs_.push_back(d.no);
    for (auto& g : TextGrams(d.text)) s.postings_[std::move(g)].push_back(d.no);
  }
  std::sort(s.docs_.begin(), s.docs_.end());
  s.docs_.erase(std::unique(s.docs_.begin(), s.docs_.end()), s.docs_.end());
  for (auto& [g, p] : s.postings_) {
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
  }
  return s;
}

std::string SearchSegment::Encode() const {
  std::string out(kMagic);
  PutVarint(out, docs_.size());
  DocNo prev = 0;
  for (DocNo d : docs_) {
    PutVarint(out, d - prev);
    prev = d;
  }
  PutVarint(out, postings_.size());
  for (const auto& [g, p] : postings_) {
    PutVarint(out, g.size());
    out += g;
    PutVarint(out, p.size());
    DocNo last = 0;
    for (DocNo d : p) {
      PutVarint(out, d - last);
      last = d;
    }
  }
  return out;
}

Result<SearchSegment> SearchSegment::Decode(std::string_view in) {
  auto bad = [] { return InvalidArgument("damaged search segment", "bad_segment"); };
  if (in.substr(0, kMagic.size()) != kMagic) return bad();
  in.remove_prefix(kMagic.size());
  SearchSegment s;
  std::uint64_t n = 0;
  if (!GetVarint(in, n) || n > in.size()) return bad();
  std::uint64_t prev = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t delta = 0;
    if (!GetVarint(in, delta) || (i > 0 && delta == 0) || delta > UINT32_MAX - prev) return bad();
    prev += delta;
    s.docs_.push_back(static_cast<DocNo>(prev));
  }
  std::uint64_t grams = 0;
  if (!GetVarint(in, grams) || grams > in.size()) return bad();
  std::string last_gram;
  for (std::uint64_t i = 0; i < grams; ++i) {
    std::uint64_t len = 0;
    if (!GetVarint(in, len) || len == 0 || len > in.size() || len > 8) return bad();
    std::string g(in.substr(0, len));
    in.remove_prefix(len);
    if (i > 0 && !(last_gram < g)) return bad();
    std::uint64_t count = 0;
    if (!GetVarint(in, count) || count == 0 || count > s.docs_.size()) return bad();
    std::vector<DocNo> p;
    p.reserve(count);
    std::uint64_t at = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
      std::uint64_t delta = 0;
      if (!GetVarint(in, delta) || (k > 0 && delta == 0) || delta > UINT32_MAX - at) return bad();
      at += delta;
      p.push_back(static_cast<DocNo>(at));
    }
    last_gram = g;
    s.postings_.emplace(std::move(g), std::move(p));
  }
  if (!in.empty()) return bad();
  return s;
}

const std::vector<DocNo>* SearchSegment::Postings(const std::string& gram) const {
  auto it = postings_.find(gram);
  return it == postings_.end() ? nullptr : &it->second;
}

std::vector<DocNo> SearchIndex::Lookup(const std::string& term,
                                       const std::function<const std::string*(DocNo)>& text_of,
                                       const std::vector<DocNo>* within) const {
  const auto grams = TermGrams(term);
  std::vector<DocNo> all;
  if (grams.empty()) return all;
  for (const auto& seg : segments_) {
    std::vector<DocNo> cands;
    bool first = true;
    for (const auto& g : grams) {
      const auto* p = seg->Postings(g);
      if (p == nullptr) {
        cands.clear();
        break;
      }
      cands = first ? *p : Intersect(cands, *p);
      first = false;
      if (cands.empty()) break;
    }
    all = Unite(all, cands);
  }
  if (within != nullptr) all = Intersect(all, *within);
  std::vector<DocNo> out;
  const bool exact = grams.size() == 1 && grams.front().size() == term.size();
  for (DocNo d : all) {
    if (removed_.count(d) != 0) continue;
    if (exact) {
      out.push_back(d);  // a one-character term: the unigram postings are the answer
      continue;
    }
    const std::string* text = text_of(d);
    if (text != nullptr && text->find(term) != std::string::npos) out.push_back(d);
  }
  return out;
}

std::vector<DocNo> SearchIndex::Eval(const QueryNode& q,
                                     const std::function<const std::string*(DocNo)>& text_of,
                                     const std::vector<DocNo>* within) const {
  switch (q.kind) {
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      return Lookup(q.text, text_of, within);
    case QueryNode::Kind::kOr: {
      std::vector<DocNo> out;
      for (const auto& c : q.children) out = Unite(out, Eval(c, text_of, within));
      return out;
    }
    case QueryNode::Kind::kAnd: {
      // Positive parts first, each narrowing the next; then the negations take away.
      std::vector<DocNo> cur;
      bool have = within != nullptr;
      if (have) cur = *within;
      // Children that can match on their own narrow the set first; the others (negations,
      // groups of negations) are then evaluated within it, whatever their order in the query.
      for (const auto& c : q.children) {
        if (!MatchesAlone(c)) continue;
        cur = Eval(c, text_of, have ? &cur : nullptr);
        have = true;
        if (cur.empty()) return cur;
      }
      for (const auto& c : q.children) {
        if (MatchesAlone(c)) continue;
        if (c.kind == QueryNode::Kind::kNot) {
          cur = Subtract(cur, Eval(c.children.front(), text_of, &cur));
        } else {
          cur = Eval(c, text_of, &cur);
        }
      }
      return cur;
    }
    case QueryNode::Kind::kNot:
      // Only meaningful inside an AND (the parser refuses negation-only queries): within the
      // given set, everything the child does not match.
      if (within == nullptr) return {};
      return Subtract(*within, Eval(q.children.front(), text_of, within));
  }
  return {};
}

std::vector<DocNo> SearchIndex::Evaluate(const QueryNode& q,
                                         const std::function<const std::string*(DocNo)>& text_of,
                                         const std::vector<DocNo>* within) const {
  return Eval(q, text_of, within);
}

}  // namespace xuncha
