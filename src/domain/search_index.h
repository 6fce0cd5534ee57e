// The search index's core, pure and in memory (docs/search.md): character unigrams and bigrams
// of normalised text, immutable segments of postings, and the evaluation of a parsed query that
// is exact, so a search returns precisely the records whose text contains the terms, for terms
// of any length. A bigram's postings carry its positions in each document: a longer term is
// verified from them (its bigrams at consecutive positions), not by reading the text.
// Storage (sealed segment blobs, the outbox) and normalisation (src/text) are elsewhere.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/search_query.h"

namespace xuncha {

using DocNo = std::uint32_t;

// The distinct unigrams and bigrams (of code points) of valid UTF-8 `text`, sorted.
std::vector<std::string> TextGrams(std::string_view text);

// What to look up for a term: its one unigram, or its distinct bigrams.
std::vector<std::string> TermGrams(std::string_view term);

// gram -> ascending doc numbers. Immutable once built.
class SearchSegment {
 public:
  // A document to index: its text is read, not copied (it must outlive Build).
  struct Doc {
    DocNo no = 0;
    std::string_view text;  // normalised
  };
  static SearchSegment Build(const std::vector<Doc>& docs);

  // Compact form: grams sorted, each with its postings delta- and varint-encoded.
  std::string Encode() const;
  // Encode() appended to `out`, without a temporary copy; EncodedSize() bytes.
  void EncodeTo(std::string& out) const;
  std::size_t EncodedSize() const;
  // kInvalidArgument "bad_segment" for anything Encode did not produce.
  static Result<SearchSegment> Decode(std::string_view bytes);

  // The ascending doc numbers whose text holds `gram` (decoded on each call); empty when none.
  std::vector<DocNo> Postings(std::string_view gram) const;
  // The ascending doc numbers whose text contains `term` (three or more code points), found
  // from the positions of its bigrams; restricted to `within` when given (ascending). nullopt
  // when this segment cannot answer so (a segment of the older format without positions): the
  // caller then verifies candidates against the text.
  std::optional<std::vector<DocNo>> PhraseDocs(std::string_view term,
                                               const std::vector<DocNo>* within) const;
  // How many documents hold `gram`, without decoding (0 when none).
  std::size_t PostingCount(std::string_view gram) const;
  std::size_t gram_count() const { return grams_.size(); }
  const std::vector<DocNo>& docs() const { return docs_; }

 private:
  // A gram's UTF-8 bytes packed big-endian into 64 bits (a gram of one or two code points has at
  // most 8 bytes), with its length: ordering keys orders the grams as strings.
  struct GramKey {
    std::uint64_t bytes = 0;
    std::uint8_t size = 0;
    friend bool operator==(const GramKey&, const GramKey&) = default;
    friend auto operator<=>(const GramKey&, const GramKey&) = default;
  };
  struct GramEntry {
    GramKey key;
    std::uint32_t count = 0;   // documents
    std::uint64_t offset = 0;  // into postings_
    std::uint64_t length = 0;  // bytes
    bool positional = false;   // each document's delta is followed by the gram's positions
  };
  // One bigram's postings with positions, decoded.
  struct PositionList {
    std::vector<DocNo> docs;
    std::vector<std::uint32_t> start;  // docs.size() + 1 offsets into `pos`
    std::vector<std::uint32_t> pos;    // ascending within each document
  };
  PositionList DecodePositions(const GramEntry& e) const;
  static bool KeyOf(std::string_view gram, GramKey& key);
  // Two code points (as opposed to one): in XSG2 its postings carry positions.
  static bool IsBigram(const GramKey& key);
  const GramEntry* Find(std::string_view gram) const;

  // Sorted by key. Postings stay in their encoded form in memory (as Encode writes them: doc
  // number deltas as varints, back to back; a bigram's deltas are followed by, for each of its
  // documents, the number of positions and the positions, the first absolute and the rest as
  // deltas, in code points), so that a lookup of one or two characters reads document numbers
  // only; a lookup decodes the lists it needs.
  std::vector<GramEntry> grams_;
  std::string postings_;
  std::vector<DocNo> docs_;  // every doc of the segment, ascending
};

// A set of segments with removed documents (a record changed or deleted: its old number).
class SearchIndex {
 public:
  void Add(std::shared_ptr<const SearchSegment> s) { segments_.push_back(std::move(s)); }
  void Remove(DocNo no) { removed_.insert(no); }
  std::size_t segment_count() const { return segments_.size(); }

  // The live documents whose text contains the query, ascending. `text_of` returns a
  // document's normalised text (for verification), or nullptr if it has none any more; the
  // query's terms must be normalised like the texts. `within`, if given, restricts the answer
  // (e.g. to the caller's scope) before any verification.
  std::vector<DocNo> Evaluate(const QueryNode& q,
                              const std::function<const std::string*(DocNo)>& text_of,
                              const std::vector<DocNo>* within = nullptr) const;

 private:
  std::vector<DocNo> Lookup(const std::string& term,
                            const std::function<const std::string*(DocNo)>& text_of,
                            const std::vector<DocNo>* within) const;
  std::vector<DocNo> Eval(const QueryNode& q,
                          const std::function<const std::string*(DocNo)>& text_of,
                          const std::vector<DocNo>* within) const;

  std::vector<std::shared_ptr<const SearchSegment>> segments_;
  std::set<DocNo> removed_;
};

}  // namespace xuncha
