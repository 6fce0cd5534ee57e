// A search segment as stored (sealed) in the database: the documents it holds — number, the
// record it indexes, the record's normalised text (for verification and snippets) or a
// tombstone for a deleted record — followed by their n-gram postings (SearchSegment::Encode).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/search_index.h"

namespace xuncha {

struct SearchDoc {
  DocNo no = 0;
  std::string kind;  // "report"
  std::int64_t record_id = 0;
  bool deleted = false;  // a tombstone: the record is gone; text empty
  std::string text;      // normalised
};

// A document as read for writing a segment: the kind and text are read in place, not copied
// (they must outlive the call).
struct SearchDocView {
  DocNo no = 0;
  std::string_view kind;
  std::int64_t record_id = 0;
  bool deleted = false;
  std::string_view text;
};
std::vector<SearchDocView> Views(const std::vector<SearchDoc>& docs);

struct SegmentFile {
  std::vector<SearchDoc> docs;  // ascending numbers
  SearchSegment segment;        // postings of the docs that are not tombstones
};

// The postings of `docs` (tombstones left out).
SearchSegment BuildPostings(const std::vector<SearchDocView>& docs);
inline SearchSegment BuildPostings(const std::vector<SearchDoc>& docs) {
  return BuildPostings(Views(docs));
}
// `docs` in ascending number order, `postings` = BuildPostings(docs). Written in one allocation
// of the exact size: a merge of every document holds the texts once more, not several times.
std::string EncodeSegmentFile(const std::vector<SearchDocView>& docs,
                              const SearchSegment& postings);
inline std::string EncodeSegmentFile(const std::vector<SearchDoc>& docs,
                                     const SearchSegment& postings) {
  return EncodeSegmentFile(Views(docs), postings);
}
// kInvalidArgument "bad_segment" for anything EncodeSegmentFile did not produce.
Result<SegmentFile> DecodeSegmentFile(std::string_view bytes);

}  // namespace xuncha
