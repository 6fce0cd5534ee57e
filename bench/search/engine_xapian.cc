// Xapian 1.4 with CJK n-grams: TermGenerator and QueryParser with FLAG_CJK_NGRAM (CJK text
// indexed as unigrams and bigrams, other text as words), a disk database, boolean weighting, every
// match fetched. Xapian keeps no text here, so it cannot verify: what it returns is its answer.
#include <xapian.h>

#include <filesystem>

#include "bench_io.h"
#include "engines.h"

namespace xuncha::bench {

Result<std::vector<std::string>> RunXapian(const EngineArgs& args) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(args.dir + "/queries.tsv"));
  const std::string path = args.dir + "/xapian";
  std::filesystem::remove_all(path);
  std::uint64_t docs = 0, text_bytes = 0;
  double build_s = 0;
  try {
    const double t0 = NowSeconds();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    XUNCHA_TRY(ForEachText(args.dir + "/texts.txt", [&](std::uint32_t no, const std::string& t) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(t);
      db.replace_document(no, doc);
      ++docs;
      text_bytes += t.size();
    }));
    db.commit();
    db.close();
    build_s = NowSeconds() - t0;
  } catch (const Xapian::Error& e) {
    return Internal("xapian build: " + e.get_description());
  }
  const std::uint64_t index_bytes = DiskBytes(path);

  std::string timing;
  try {
    Xapian::Database db(path);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    const auto all = db.get_doccount();
    XUNCHA_ASSIGN_OR_RETURN(
        timing,
        TimeQueries(
            queries,
            [&](const std::string& term) -> Result<DocIds> {
              try {
                Xapian::Enquire enquire(db);
                enquire.set_query(qp.parse_query(term, Xapian::QueryParser::FLAG_CJK_NGRAM));
                enquire.set_weighting_scheme(Xapian::BoolWeight());
                enquire.set_docid_order(Xapian::Enquire::ASCENDING);
                DocIds out;
                const Xapian::MSet m = enquire.get_mset(0, all);
                for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
                return out;
              } catch (const Xapian::QueryParserError&) {
                return DocIds{};  // a term the parser refuses finds nothing
              }
            },
            args.dir + "/results-xapian.bin"));
  } catch (const Xapian::Error& e) {
    return Internal("xapian query: " + e.get_description());
  }
  const double tb = static_cast<double>(text_bytes);
  return std::vector<std::string>{
      "engine=xapian docs=" + std::to_string(docs) + " text_bytes=" + std::to_string(text_bytes) +
      " build_s=" + Fixed(build_s, 2) +
      " build_docs_per_s=" + Fixed(static_cast<double>(docs) / build_s, 0) +
      " index_bytes=" + std::to_string(index_bytes) +
      " index_ratio=" + Fixed(static_cast<double>(index_bytes) / tb, 2) +
      " xapian=" + Xapian::version_string() + " rss_mib=" + Fixed(PeakRssMiB(), 0) + " " + timing};
}

}  // namespace xuncha::bench
