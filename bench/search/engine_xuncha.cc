// Xuncha's own index core: one segment file built from every document, as a merge of everything
// (or `xuncha reindex`) writes it before sealing, evaluated by SearchIndex, candidates verified
// against the in-memory texts.
#include <memory>

#include "bench_io.h"
#include "domain/search_index.h"
#include "domain/search_segment_file.h"
#include "engines.h"

namespace xuncha::bench {

Result<std::vector<std::string>> RunXuncha(const EngineArgs& args) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(args.dir + "/queries.tsv"));
  // The texts as the server holds them (SearchService::State), then the segment file a merge
  // of everything writes before sealing it (SearchService::MaybeMerge): the documents read the
  // texts in place.
  std::vector<std::string> texts;
  std::uint64_t text_bytes = 0;
  XUNCHA_TRY(ForEachText(args.dir + "/texts.txt", [&](std::uint32_t no, const std::string& t) {
    (void)no;
    texts.push_back(t);
    text_bytes += t.size();
  }));
  const double rss_texts = PeakRssMiB();

  const double t0 = NowSeconds();
  std::shared_ptr<SearchSegment> segment;
  std::uint64_t encoded_bytes = 0;
  std::uint64_t file_bytes = 0;
  double build_s = 0;
  double rss_built = 0;
  double encode_s = 0;
  {
    std::vector<SearchDocView> docs;
    docs.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      docs.push_back(
          {static_cast<DocNo>(i + 1), "report", static_cast<std::int64_t>(i + 1), false, texts[i]});
    }
    segment = std::make_shared<SearchSegment>(BuildPostings(docs));
    build_s = NowSeconds() - t0;
    rss_built = PeakRssMiB();
    const double t1 = NowSeconds();
    encoded_bytes = segment->EncodedSize();
    const std::string file = EncodeSegmentFile(docs, *segment);
    file_bytes = file.size();
    encode_s = NowSeconds() - t1;
  }
  const double rss_file = PeakRssMiB();

  SearchIndex index;
  index.Add(segment);
  const auto text_of = [&](DocNo d) -> const std::string* {
    return d >= 1 && d <= texts.size() ? &texts[d - 1] : nullptr;
  };
  XUNCHA_ASSIGN_OR_RETURN(auto timing, TimeQueries(
                                           queries,
                                           [&](const std::string& term) -> Result<DocIds> {
                                             QueryNode q;
                                             q.kind = QueryNode::Kind::kTerm;
                                             q.text = term;
                                             return index.Evaluate(q, text_of);
                                           },
                                           args.dir + "/results-xuncha.bin"));
  const double n = static_cast<double>(texts.size());
  const double tb = static_cast<double>(text_bytes);
  return std::vector<std::string>{
      "engine=xuncha docs=" + std::to_string(texts.size()) +
      " text_bytes=" + std::to_string(text_bytes) + " build_s=" + Fixed(build_s, 2) +
      " build_docs_per_s=" + Fixed(n / build_s, 0) +
      " index_bytes=" + std::to_string(encoded_bytes + text_bytes) +
      " index_ratio=" + Fixed(static_cast<double>(encoded_bytes + text_bytes) / tb, 2) +
      " postings_bytes=" + std::to_string(encoded_bytes) +
      " postings_ratio=" + Fixed(static_cast<double>(encoded_bytes) / tb, 2) +
      " grams=" + std::to_string(segment->gram_count()) + " encode_s=" + Fixed(encode_s, 2) +
      " file_bytes=" + std::to_string(file_bytes) + " rss_texts_mib=" + Fixed(rss_texts, 0) +
      " rss_built_mib=" + Fixed(rss_built, 0) + " rss_file_mib=" + Fixed(rss_file, 0) +
      " rss_mib=" + Fixed(PeakRssMiB(), 0) + " " + timing};
}

}  // namespace xuncha::bench
