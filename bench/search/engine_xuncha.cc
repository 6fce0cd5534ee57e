// Xuncha's own index core: one SearchSegment built from every document (what `xuncha reindex`
// would build), evaluated by SearchIndex, candidates verified against the in-memory texts.
#include <memory>

#include "bench_io.h"
#include "domain/search_index.h"
#include "engines.h"

namespace xuncha::bench {

Result<std::vector<std::string>> RunXuncha(const EngineArgs& args) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(args.dir + "/queries.tsv"));
  // The documents own the texts the verification reads: no second copy.
  std::vector<SearchSegment::Doc> docs;
  std::uint64_t text_bytes = 0;
  XUNCHA_TRY(ForEachText(args.dir + "/texts.txt", [&](std::uint32_t no, const std::string& t) {
    docs.push_back({no, t});
    text_bytes += t.size();
  }));
  const double rss_texts = PeakRssMiB();

  const double t0 = NowSeconds();
  auto segment = std::make_shared<SearchSegment>(SearchSegment::Build(docs));
  const double build_s = NowSeconds() - t0;
  const double rss_built = PeakRssMiB();

  const double t1 = NowSeconds();
  std::uint64_t encoded_bytes = 0;
  {
    const std::string encoded = segment->Encode();
    encoded_bytes = encoded.size();
  }
  const double encode_s = NowSeconds() - t1;

  SearchIndex index;
  index.Add(segment);
  const auto text_of = [&](DocNo d) -> const std::string* {
    return d >= 1 && d <= docs.size() ? &docs[d - 1].text : nullptr;
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
  const double n = static_cast<double>(docs.size());
  const double tb = static_cast<double>(text_bytes);
  return std::vector<std::string>{
      "engine=xuncha docs=" + std::to_string(docs.size()) +
      " text_bytes=" + std::to_string(text_bytes) + " build_s=" + Fixed(build_s, 2) +
      " build_docs_per_s=" + Fixed(n / build_s, 0) +
      " index_bytes=" + std::to_string(encoded_bytes + text_bytes) +
      " index_ratio=" + Fixed(static_cast<double>(encoded_bytes + text_bytes) / tb, 2) +
      " postings_bytes=" + std::to_string(encoded_bytes) +
      " postings_ratio=" + Fixed(static_cast<double>(encoded_bytes) / tb, 2) +
      " grams=" + std::to_string(segment->gram_count()) + " encode_s=" + Fixed(encode_s, 2) +
      " rss_texts_mib=" + Fixed(rss_texts, 0) + " rss_built_mib=" + Fixed(rss_built, 0) +
      " rss_mib=" + Fixed(PeakRssMiB(), 0) + " " + timing};
}

}  // namespace xuncha::bench
