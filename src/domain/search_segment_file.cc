#include "domain/search_segment_file.h"

#include "core/varint.h"

namespace xuncha {
namespace {
constexpr std::string_view kMagic = "XSF1";
constexpr std::uint64_t kMaxKindBytes = 32;
}  // namespace

std::vector<SearchDocView> Views(const std::vector<SearchDoc>& docs) {
  std::vector<SearchDocView> out;
  out.reserve(docs.size());
  for (const auto& d : docs) out.push_back({d.no, d.kind, d.record_id, d.deleted, d.text});
  return out;
}

SearchSegment BuildPostings(const std::vector<SearchDocView>& docs) {
  std::vector<SearchSegment::Doc> live;
  live.reserve(docs.size());
  for (const auto& d : docs) {
    if (!d.deleted) live.push_back({d.no, d.text});
  }
  return SearchSegment::Build(live);
}

namespace {
std::size_t VarintSize(std::uint64_t v) {
  std::size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}
}  // namespace

std::string EncodeSegmentFile(const std::vector<SearchDocView>& docs,
                              const SearchSegment& postings) {
  std::size_t size = kMagic.size() + VarintSize(docs.size()) + postings.EncodedSize();
  for (const auto& d : docs) {
    size += VarintSize(d.no) + VarintSize(d.kind.size()) + d.kind.size() +
            VarintSize(static_cast<std::uint64_t>(d.record_id)) + 1 + VarintSize(d.text.size()) +
            d.text.size();
  }
  std::string out;
  out.reserve(size);
  out += kMagic;
  PutVarint(out, docs.size());
  for (const auto& d : docs) {
    PutVarint(out, d.no);
    PutVarint(out, d.kind.size());
    out += d.kind;
    PutVarint(out, static_cast<std::uint64_t>(d.record_id));
    out.push_back(d.deleted ? '\1' : '\0');
    PutVarint(out, d.text.size());
    out += d.text;
  }
  postings.EncodeTo(out);
  return out;
}

Result<SegmentFile> DecodeSegmentFile(std::string_view in) {
  auto bad = [] { return InvalidArgument("damaged search segment", "bad_segment"); };
  if (in.substr(0, kMagic.size()) != kMagic) return bad();
  in.remove_prefix(kMagic.size());
  SegmentFile f;
  std::uint64_t n = 0;
  if (!GetVarint(in, n) || n > in.size()) return bad();
  f.docs.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    SearchDoc d;
    std::uint64_t no = 0;
    std::uint64_t len = 0;
    std::uint64_t id = 0;
    if (!GetVarint(in, no) || no > UINT32_MAX) return bad();
    if (!f.docs.empty() && no <= f.docs.back().no) return bad();
    d.no = static_cast<DocNo>(no);
    if (!GetVarint(in, len) || len == 0 || len > kMaxKindBytes || len > in.size()) return bad();
    d.kind = std::string(in.substr(0, len));
    in.remove_prefix(len);
    if (!GetVarint(in, id) || id > INT64_MAX || in.empty()) return bad();
    d.record_id = static_cast<std::int64_t>(id);
    if (in.front() != '\0' && in.front() != '\1') return bad();
    d.deleted = in.front() == '\1';
    in.remove_prefix(1);
    if (!GetVarint(in, len) || len > in.size() || (d.deleted && len != 0)) return bad();
    d.text = std::string(in.substr(0, len));
    in.remove_prefix(len);
    f.docs.push_back(std::move(d));
  }
  XUNCHA_ASSIGN_OR_RETURN(f.segment, SearchSegment::Decode(in));
  // The postings must index exactly the live documents listed.
  std::vector<DocNo> live;
  for (const auto& d : f.docs) {
    if (!d.deleted) live.push_back(d.no);
  }
  if (live != f.segment.docs()) return bad();
  return f;
}

}  // namespace xuncha
