#include "domain/search_index.h"

#include <string.h>  // memmem

#include <algorithm>
#include <iterator>
#include <unordered_map>

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

bool SearchSegment::KeyOf(std::string_view gram, GramKey& key) {
  if (gram.empty() || gram.size() > 8) return false;
  key.bytes = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key.bytes = (key.bytes << 8) | (i < gram.size() ? static_cast<unsigned char>(gram[i]) : 0U);
  }
  key.size = static_cast<std::uint8_t>(gram.size());
  return true;
}

SearchSegment SearchSegment::Build(const std::vector<Doc>& docs) {
  // One pass over the documents in number order: each distinct gram of a document appends the
  // document's delta to that gram's encoded list. Grams are packed keys in a hash table, not
  // strings in a tree: this is what makes building 200k reports take seconds, not minutes.
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return docs[a].no < docs[b].no; });
  struct Building {
    GramKey key;
    std::string bytes;
    DocNo last = 0;
    std::uint32_t count = 0;
  };
  struct KeyHash {
    std::size_t operator()(const GramKey& k) const {
      return static_cast<std::size_t>((k.bytes ^ k.size) * 0x9E3779B97F4A7C15ULL >> 17);
    }
  };
  std::unordered_map<GramKey, std::uint32_t, KeyHash> index;
  std::vector<Building> lists;
  std::vector<GramKey> keys;
  SearchSegment s;
  for (std::size_t i : order) {
    const Doc& d = docs[i];
    if (!s.docs_.empty() && s.docs_.back() == d.no) {
      // The same number twice: its grams are the union of both texts (as before).
    } else {
      s.docs_.push_back(d.no);
    }
    const auto cps = CodePoints(d.text);
    keys.clear();
    GramKey k;
    for (std::size_t c = 0; c < cps.size(); ++c) {
      if (KeyOf(cps[c], k)) keys.push_back(k);
      if (c + 1 < cps.size() && cps[c].size() + cps[c + 1].size() <= 8) {
        char bi[8];
        std::copy(cps[c].begin(), cps[c].end(), bi);
        std::copy(cps[c + 1].begin(), cps[c + 1].end(), bi + cps[c].size());
        if (KeyOf(std::string_view(bi, cps[c].size() + cps[c + 1].size()), k)) keys.push_back(k);
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const GramKey& key : keys) {
      auto [it, added] = index.try_emplace(key, static_cast<std::uint32_t>(lists.size()));
      if (added) lists.push_back({key, {}, 0, 0});
      Building& b = lists[it->second];
      if (b.count > 0 && b.last == d.no) continue;
      PutVarint(b.bytes, d.no - b.last);
      b.last = d.no;
      ++b.count;
    }
  }
  index = {};
  std::sort(lists.begin(), lists.end(),
            [](const Building& a, const Building& b) { return a.key < b.key; });
  std::size_t total = 0;
  for (const auto& b : lists) total += b.bytes.size();
  s.postings_.reserve(total);
  s.grams_.reserve(lists.size());
  for (auto& b : lists) {
    s.grams_.push_back({b.key, b.count, s.postings_.size(), b.bytes.size()});
    s.postings_ += b.bytes;
    std::string().swap(b.bytes);
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
  PutVarint(out, grams_.size());
  for (const auto& g : grams_) {
    PutVarint(out, g.key.size);
    for (std::size_t i = 0; i < g.key.size; ++i) {
      out.push_back(static_cast<char>(g.key.bytes >> (56 - 8 * i)));
    }
    PutVarint(out, g.count);
    out.append(postings_, g.offset, g.length);
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
  s.docs_.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t delta = 0;
    if (!GetVarint(in, delta) || (i > 0 && delta == 0) || delta > UINT32_MAX - prev) return bad();
    prev += delta;
    s.docs_.push_back(static_cast<DocNo>(prev));
  }
  std::uint64_t grams = 0;
  if (!GetVarint(in, grams) || grams > in.size()) return bad();
  s.grams_.reserve(grams);
  s.postings_.reserve(in.size());
  for (std::uint64_t i = 0; i < grams; ++i) {
    std::uint64_t len = 0;
    GramKey key;
    if (!GetVarint(in, len) || len == 0 || len > in.size() || len > 8) return bad();
    if (!KeyOf(in.substr(0, len), key)) return bad();
    in.remove_prefix(len);
    if (i > 0 && !(s.grams_.back().key < key)) return bad();
    std::uint64_t count = 0;
    if (!GetVarint(in, count) || count == 0 || count > s.docs_.size()) return bad();
    // Every delta is checked here, so that lookups can decode without checking again.
    const std::string_view start = in;
    std::uint64_t at = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
      std::uint64_t delta = 0;
      if (!GetVarint(in, delta) || (k > 0 && delta == 0) || delta > UINT32_MAX - at) return bad();
      at += delta;
    }
    const std::size_t bytes = start.size() - in.size();
    s.grams_.push_back({key, static_cast<std::uint32_t>(count), s.postings_.size(), bytes});
    s.postings_.append(start.substr(0, bytes));
  }
  if (!in.empty()) return bad();
  s.postings_.shrink_to_fit();
  return s;
}

const SearchSegment::GramEntry* SearchSegment::Find(std::string_view gram) const {
  GramKey key;
  if (!KeyOf(gram, key)) return nullptr;
  auto it = std::lower_bound(grams_.begin(), grams_.end(), key,
                             [](const GramEntry& e, const GramKey& k) { return e.key < k; });
  return it == grams_.end() || !(it->key == key) ? nullptr : &*it;
}

std::vector<DocNo> SearchSegment::Postings(std::string_view gram) const {
  std::vector<DocNo> out;
  const GramEntry* e = Find(gram);
  if (e == nullptr) return out;
  out.reserve(e->count);
  std::string_view in(postings_.data() + e->offset, e->length);
  std::uint64_t at = 0, delta = 0;
  while (GetVarint(in, delta)) {
    at += delta;
    out.push_back(static_cast<DocNo>(at));
  }
  return out;
}

std::size_t SearchSegment::PostingCount(std::string_view gram) const {
  const GramEntry* e = Find(gram);
  return e == nullptr ? 0 : e->count;
}

std::vector<DocNo> SearchIndex::Lookup(const std::string& term,
                                       const std::function<const std::string*(DocNo)>& text_of,
                                       const std::vector<DocNo>* within) const {
  auto grams = TermGrams(term);
  std::vector<DocNo> all;
  if (grams.empty()) return all;
  for (const auto& seg : segments_) {
    // The rarest grams first: the candidate set is smallest soonest.
    std::sort(grams.begin(), grams.end(), [&](const std::string& a, const std::string& b) {
      return seg->PostingCount(a) < seg->PostingCount(b);
    });
    std::vector<DocNo> cands;
    bool first = true;
    for (const auto& g : grams) {
      auto p = seg->Postings(g);
      cands = first ? std::move(p) : Intersect(cands, p);
      first = false;
      if (cands.empty()) break;
    }
    all = all.empty() ? std::move(cands) : Unite(all, cands);
  }
  if (within != nullptr) all = Intersect(all, *within);
  std::vector<DocNo> out;
  // A term of one or two characters is its own gram: the postings are the answer.
  const bool exact = grams.size() == 1 && grams.front().size() == term.size();
  for (DocNo d : all) {
    if (removed_.count(d) != 0) continue;
    if (exact) {
      out.push_back(d);
      continue;
    }
    // memmem, not std::string::find: find stops at every byte equal to the term's first, and in
    // UTF-8 Chinese a third of the bytes are lead bytes like it; memmem is several times faster.
    const std::string* text = text_of(d);
    if (text != nullptr &&
        memmem(text->data(), text->size(), term.data(), term.size()) != nullptr) {
      out.push_back(d);
    }
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
