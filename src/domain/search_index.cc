#include "domain/search_index.h"

#include <string.h>  // memmem

#include <algorithm>
#include <deque>
#include <iterator>
#include <unordered_map>

#include "core/varint.h"

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

// XSG1: document postings only; XSG2: bigram postings carry positions. Both are read.
constexpr std::string_view kMagicV1 = "XSG1";
constexpr std::string_view kMagic = "XSG2";

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

bool SearchSegment::IsBigram(const GramKey& key) {
  int lead = 0;
  for (std::size_t i = 0; i < key.size; ++i) {
    const auto c = static_cast<unsigned char>(key.bytes >> (56 - 8 * i));
    lead += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return lead == 2;
}

SearchSegment SearchSegment::Build(const std::vector<Doc>& input) {
  // One pass over the documents in number order: each distinct gram of a document appends the
  // document's delta (and, for a bigram, its positions) to that gram's encoded list. Grams are
  // packed keys in a hash table, not strings in a tree: this is what makes building 200k
  // reports take seconds, not minutes.
  std::vector<std::size_t> order(input.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return input[a].no < input[b].no; });
  // The same number twice: one document of both texts, kept apart by a line break so that no
  // term runs from one into the other. Only then is a text copied; the rest are read in place.
  std::vector<Doc> docs;
  std::deque<std::string> joined;
  docs.reserve(input.size());
  for (std::size_t i : order) {
    if (!docs.empty() && docs.back().no == input[i].no) {
      std::string both = std::string(docs.back().text) + '\n' + std::string(input[i].text);
      joined.push_back(std::move(both));
      docs.back().text = joined.back();
    } else {
      docs.push_back(input[i]);
    }
  }
  struct Building {
    GramKey key;
    std::string bytes;      // document deltas
    std::string positions;  // bigrams: per document, the count and the position deltas
    DocNo last = 0;
    std::uint32_t count = 0;
  };
  struct KeyHash {
    std::size_t operator()(const GramKey& k) const {
      return static_cast<std::size_t>((k.bytes ^ k.size) * 0x9E3779B97F4A7C15ULL >> 17);
    }
  };
  struct At {
    GramKey key;
    std::uint32_t pos = 0;
    bool operator<(const At& o) const { return key < o.key || (key == o.key && pos < o.pos); }
  };
  std::unordered_map<GramKey, std::uint32_t, KeyHash> index;
  std::vector<Building> lists;
  std::vector<GramKey> unigrams;
  std::vector<At> bigrams;
  SearchSegment s;
  auto list_of = [&](const GramKey& key) -> Building& {
    auto [it, added] = index.try_emplace(key, static_cast<std::uint32_t>(lists.size()));
    if (added) lists.push_back({key, {}, {}, 0, 0});
    return lists[it->second];
  };
  for (const Doc& d : docs) {
    s.docs_.push_back(d.no);
    const auto cps = CodePoints(d.text);
    unigrams.clear();
    bigrams.clear();
    GramKey k;
    for (std::size_t c = 0; c < cps.size(); ++c) {
      if (KeyOf(cps[c], k)) unigrams.push_back(k);
      if (c + 1 < cps.size() && cps[c].size() + cps[c + 1].size() <= 8) {
        char bi[8];
        std::copy(cps[c].begin(), cps[c].end(), bi);
        std::copy(cps[c + 1].begin(), cps[c + 1].end(), bi + cps[c].size());
        if (KeyOf(std::string_view(bi, cps[c].size() + cps[c + 1].size()), k)) {
          bigrams.push_back({k, static_cast<std::uint32_t>(c)});
        }
      }
    }
    std::sort(unigrams.begin(), unigrams.end());
    unigrams.erase(std::unique(unigrams.begin(), unigrams.end()), unigrams.end());
    for (const GramKey& key : unigrams) {
      Building& b = list_of(key);
      PutVarint(b.bytes, d.no - b.last);
      b.last = d.no;
      ++b.count;
    }
    std::sort(bigrams.begin(), bigrams.end());
    for (std::size_t i = 0; i < bigrams.size();) {
      std::size_t j = i;
      while (j < bigrams.size() && bigrams[j].key == bigrams[i].key) ++j;
      Building& b = list_of(bigrams[i].key);
      PutVarint(b.bytes, d.no - b.last);
      PutVarint(b.positions, j - i);
      std::uint32_t prev = 0;
      for (std::size_t x = i; x < j; ++x) {
        PutVarint(b.positions, bigrams[x].pos - prev);
        prev = bigrams[x].pos;
      }
      b.last = d.no;
      ++b.count;
      i = j;
    }
  }
  index = {};
  std::sort(lists.begin(), lists.end(),
            [](const Building& a, const Building& b) { return a.key < b.key; });
  std::size_t total = 0;
  for (const auto& b : lists) total += b.bytes.size() + b.positions.size();
  s.postings_.reserve(total);
  s.grams_.reserve(lists.size());
  for (auto& b : lists) {
    s.grams_.push_back(
        {b.key, b.count, s.postings_.size(), b.bytes.size() + b.positions.size(), IsBigram(b.key)});
    s.postings_ += b.bytes;
    s.postings_ += b.positions;
    std::string().swap(b.bytes);
    std::string().swap(b.positions);
  }
  return s;
}

std::string SearchSegment::Encode() const {
  std::string out;
  out.reserve(EncodedSize());
  EncodeTo(out);
  return out;
}

std::size_t SearchSegment::EncodedSize() const {
  auto varint = [](std::uint64_t v) {
    std::size_t n = 1;
    while (v >= 0x80) {
      v >>= 7;
      ++n;
    }
    return n;
  };
  std::size_t n = kMagic.size() + varint(docs_.size());
  DocNo prev = 0;
  for (DocNo d : docs_) {
    n += varint(d - prev);
    prev = d;
  }
  n += varint(grams_.size());
  for (const auto& g : grams_) n += varint(g.key.size) + g.key.size + varint(g.count) + g.length;
  return n;
}

void SearchSegment::EncodeTo(std::string& out) const {
  out += kMagic;
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
}

Result<SearchSegment> SearchSegment::Decode(std::string_view in) {
  auto bad = [] { return InvalidArgument("damaged search segment", "bad_segment"); };
  const bool v1 = in.substr(0, kMagicV1.size()) == kMagicV1;
  if (!v1 && in.substr(0, kMagic.size()) != kMagic) return bad();
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
    const bool positional = !v1 && IsBigram(key);
    // Every delta is checked here, so that lookups can decode without checking again.
    const std::string_view start = in;
    std::uint64_t at = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
      std::uint64_t delta = 0;
      if (!GetVarint(in, delta) || (k > 0 && delta == 0) || delta > UINT32_MAX - at) return bad();
      at += delta;
    }
    for (std::uint64_t k = 0; positional && k < count; ++k) {
      std::uint64_t npos = 0;
      if (!GetVarint(in, npos) || npos == 0 || npos > in.size()) return bad();
      std::uint64_t pos = 0;
      for (std::uint64_t x = 0; x < npos; ++x) {
        std::uint64_t delta = 0;
        if (!GetVarint(in, delta) || (x > 0 && delta == 0) || delta > UINT32_MAX - pos) {
          return bad();
        }
        pos += delta;
      }
    }
    const std::size_t bytes = start.size() - in.size();
    s.grams_.push_back(
        {key, static_cast<std::uint32_t>(count), s.postings_.size(), bytes, positional});
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
  // The document deltas come first; a bigram's positions follow them.
  std::string_view in(postings_.data() + e->offset, e->length);
  std::uint64_t at = 0, delta = 0;
  for (std::uint32_t k = 0; k < e->count && GetVarint(in, delta); ++k) {
    at += delta;
    out.push_back(static_cast<DocNo>(at));
  }
  return out;
}

SearchSegment::PositionList SearchSegment::DecodePositions(const GramEntry& e) const {
  PositionList l;
  l.docs.reserve(e.count);
  l.start.reserve(e.count + 1);
  std::string_view in(postings_.data() + e.offset, e.length);
  std::uint64_t at = 0, delta = 0, npos = 0;
  for (std::uint32_t k = 0; k < e.count && GetVarint(in, delta); ++k) {
    at += delta;
    l.docs.push_back(static_cast<DocNo>(at));
  }
  for (std::size_t k = 0; k < l.docs.size(); ++k) {
    l.start.push_back(static_cast<std::uint32_t>(l.pos.size()));
    if (!GetVarint(in, npos)) break;
    std::uint64_t pos = 0;
    for (std::uint64_t x = 0; x < npos && GetVarint(in, delta); ++x) {
      pos += delta;
      l.pos.push_back(static_cast<std::uint32_t>(pos));
    }
  }
  while (l.start.size() <= l.docs.size())
    l.start.push_back(static_cast<std::uint32_t>(l.pos.size()));
  return l;
}

std::optional<std::vector<DocNo>> SearchSegment::PhraseDocs(
    std::string_view term, const std::vector<DocNo>* within) const {
  const auto cps = CodePoints(term);
  if (cps.size() < 3) return std::nullopt;
  // Bigrams that cover every character: those starting at 0, 2, 4, ... and the last one. The
  // term is at p when each is at p + its offset.
  std::vector<std::size_t> offsets;
  for (std::size_t o = 0; o + 1 < cps.size(); o += 2) offsets.push_back(o);
  if (offsets.back() != cps.size() - 2) offsets.push_back(cps.size() - 2);
  struct Part {
    std::size_t offset;
    const GramEntry* entry;
    std::size_t list;  // into `lists`
  };
  std::vector<Part> parts;
  std::vector<const GramEntry*> entries;  // distinct
  for (std::size_t o : offsets) {
    std::string bi(cps[o]);
    bi += cps[o + 1];
    const GramEntry* e = Find(bi);
    if (e == nullptr) return std::vector<DocNo>{};
    if (!e->positional) return std::nullopt;
    auto it = std::find(entries.begin(), entries.end(), e);
    if (it == entries.end()) it = entries.insert(entries.end(), e);
    parts.push_back({o, e, static_cast<std::size_t>(it - entries.begin())});
  }
  std::vector<PositionList> lists;
  lists.reserve(entries.size());
  for (const GramEntry* e : entries) lists.push_back(DecodePositions(*e));
  // The rarest list drives; the others are advanced to each of its documents.
  std::size_t driver = 0;
  for (std::size_t i = 1; i < lists.size(); ++i) {
    if (lists[i].docs.size() < lists[driver].docs.size()) driver = i;
  }
  std::vector<std::size_t> at(lists.size(), 0);  // index of the current document in each list
  std::size_t scope_at = 0;
  std::vector<DocNo> out;
  const Part& anchor = parts.front();  // offset 0
  for (std::size_t di = 0; di < lists[driver].docs.size(); ++di) {
    const DocNo d = lists[driver].docs[di];
    if (within != nullptr) {
      scope_at = static_cast<std::size_t>(
          std::lower_bound(within->begin() + static_cast<std::ptrdiff_t>(scope_at), within->end(),
                           d) -
          within->begin());
      if (scope_at == within->size()) break;
      if ((*within)[scope_at] != d) continue;
    }
    bool all = true;
    for (std::size_t li = 0; li < lists.size() && all; ++li) {
      const auto& docs = lists[li].docs;
      at[li] = static_cast<std::size_t>(
          std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(at[li]), docs.end(), d) -
          docs.begin());
      all = at[li] < docs.size() && docs[at[li]] == d;
    }
    if (!all) continue;
    auto positions = [&](std::size_t li) {
      const PositionList& l = lists[li];
      return std::pair{l.pos.begin() + l.start[at[li]], l.pos.begin() + l.start[at[li] + 1]};
    };
    const auto [first, last] = positions(anchor.list);
    const bool found = std::any_of(first, last, [&](std::uint32_t p) {
      return std::all_of(parts.begin() + 1, parts.end(), [&](const Part& part) {
        const auto [b, e] = positions(part.list);
        return std::binary_search(b, e, p + static_cast<std::uint32_t>(part.offset));
      });
    });
    if (found) out.push_back(d);
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
  std::vector<DocNo> sure;   // known to contain the term
  std::vector<DocNo> maybe;  // hold its grams: to verify against the text
  if (grams.empty()) return sure;
  // A term of one or two characters is its own gram: the postings are the answer.
  const bool exact = grams.size() == 1 && grams.front().size() == term.size();
  for (const auto& seg : segments_) {
    if (!exact) {
      if (auto docs = seg->PhraseDocs(term, within)) {
        sure = Unite(sure, *docs);
        continue;
      }
    }
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
    if (within != nullptr) cands = Intersect(cands, *within);
    if (exact) {
      sure = Unite(sure, cands);
    } else {
      maybe = Unite(maybe, cands);
    }
  }
  std::vector<DocNo> out;
  for (DocNo d : sure) {
    if (removed_.count(d) == 0) out.push_back(d);
  }
  if (maybe.empty()) return out;
  std::vector<DocNo> checked;
  for (DocNo d : maybe) {
    if (removed_.count(d) != 0) continue;
    // memmem, not std::string::find: find stops at every byte equal to the term's first, and in
    // UTF-8 Chinese a third of the bytes are lead bytes like it; memmem is several times faster.
    const std::string* text = text_of(d);
    if (text != nullptr &&
        memmem(text->data(), text->size(), term.data(), term.size()) != nullptr) {
      checked.push_back(d);
    }
  }
  return Unite(out, checked);
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
