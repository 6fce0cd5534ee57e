// SQLite FTS5 with the trigram tokenizer over an external-content table, on a file database:
// what a user of SQLite would build for substring search. Trigrams cannot answer terms under
// three characters (MATCH finds nothing), so the "fts5" variant falls back to an instr() scan
// of the content table for them, and "fts5_nofallback" shows what MATCH alone returns.
#include <sqlite3.h>

#include <filesystem>

#include "bench_io.h"
#include "engines.h"
#include "queries.h"

namespace xuncha::bench {
namespace {

class Db {
 public:
  ~Db() {
    if (db_ != nullptr) sqlite3_close(db_);
  }
  Status Open(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Fail("open " + path);
    return Ok();
  }
  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err != nullptr ? err : "?";
      sqlite3_free(err);
      return Internal("sqlite: " + sql + ": " + msg);
    }
    return Ok();
  }
  Result<sqlite3_stmt*> Prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      return Fail("prepare " + sql);
    }
    return s;
  }
  Error Fail(const std::string& what) const {
    return Internal("sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }
  // Every rowid/integer the statement yields in its first column, binding `term` to ?1.
  Result<DocIds> Ids(sqlite3_stmt* s, const std::string& term) {
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, term.data(), static_cast<int>(term.size()), SQLITE_TRANSIENT);
    DocIds out;
    int rc = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      out.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(s, 0)));
    }
    if (rc != SQLITE_DONE) return Fail("query");
    return out;
  }
  Result<std::int64_t> Scalar(const std::string& sql) {
    XUNCHA_ASSIGN_OR_RETURN(auto* s, Prepare(sql));
    std::int64_t v = -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string Phrase(const std::string& term) {
  std::string p = "\"";
  for (char c : term) p += c == '"' ? std::string("\"\"") : std::string(1, c);
  return p + "\"";
}

}  // namespace

Result<std::vector<std::string>> RunFts5(const EngineArgs& args) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(args.dir + "/queries.tsv"));
  const std::string path = args.dir + "/fts5.db";
  std::filesystem::remove(path);
  Db db;
  XUNCHA_TRY(db.Open(path));
  XUNCHA_TRY(
      db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
              "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
              "CREATE VIRTUAL TABLE fts USING fts5(body, content='docs', content_rowid='id',"
              " tokenize='trigram');"));

  const double t0 = NowSeconds();
  XUNCHA_ASSIGN_OR_RETURN(auto* ins_doc, db.Prepare("INSERT INTO docs(id, body) VALUES(?1, ?2)"));
  XUNCHA_ASSIGN_OR_RETURN(auto* ins_fts, db.Prepare("INSERT INTO fts(rowid, body) VALUES(?1, ?2)"));
  XUNCHA_TRY(db.Exec("BEGIN"));
  std::uint64_t docs = 0, text_bytes = 0;
  Status failed;
  XUNCHA_TRY(ForEachText(args.dir + "/texts.txt", [&](std::uint32_t no, const std::string& t) {
    for (auto* s : {ins_doc, ins_fts}) {
      sqlite3_reset(s);
      sqlite3_bind_int64(s, 1, no);
      sqlite3_bind_text(s, 2, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
      if (sqlite3_step(s) != SQLITE_DONE && failed.ok()) failed = db.Fail("insert");
    }
    ++docs;
    text_bytes += t.size();
  }));
  XUNCHA_TRY(failed);
  sqlite3_finalize(ins_doc);
  sqlite3_finalize(ins_fts);
  XUNCHA_TRY(db.Exec("COMMIT"));
  // What a careful user does after a bulk load: merge the index into one b-tree.
  XUNCHA_TRY(db.Exec("INSERT INTO fts(fts) VALUES('optimize')"));
  XUNCHA_TRY(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  const double build_s = NowSeconds() - t0;

  // The FTS5 shadow tables (fts_data, fts_idx, fts_docsize, fts_config) are the index; `docs`
  // holds the text.
  auto index_bytes = db.Scalar("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'fts%'");
  const bool have_dbstat = index_bytes.ok() && *index_bytes >= 0;
  const std::uint64_t file_bytes = DiskBytes(path);
  const std::uint64_t idx = have_dbstat ? static_cast<std::uint64_t>(*index_bytes) : file_bytes;

  XUNCHA_ASSIGN_OR_RETURN(auto* match, db.Prepare("SELECT rowid FROM fts WHERE fts MATCH ?1"));
  XUNCHA_ASSIGN_OR_RETURN(auto* scan, db.Prepare("SELECT id FROM docs WHERE instr(body, ?1) > 0"));
  const auto search = [&](bool fallback) {
    return [&, fallback](const std::string& term) -> Result<DocIds> {
      if (fallback && CodePointCount(term) < 3) return db.Ids(scan, term);
      return db.Ids(match, Phrase(term));
    };
  };
  XUNCHA_ASSIGN_OR_RETURN(auto with,
                          TimeQueries(queries, search(true), args.dir + "/results-fts5.bin"));
  XUNCHA_ASSIGN_OR_RETURN(
      auto without, TimeQueries(queries, search(false), args.dir + "/results-fts5_nofallback.bin"));
  sqlite3_finalize(match);
  sqlite3_finalize(scan);

  const double tb = static_cast<double>(text_bytes);
  const std::string common =
      " docs=" + std::to_string(docs) + " text_bytes=" + std::to_string(text_bytes) +
      " build_s=" + Fixed(build_s, 2) +
      " build_docs_per_s=" + Fixed(static_cast<double>(docs) / build_s, 0) +
      " index_bytes=" + std::to_string(idx) +
      " index_ratio=" + Fixed(static_cast<double>(idx) / tb, 2) +
      " file_bytes=" + std::to_string(file_bytes) +
      " file_ratio=" + Fixed(static_cast<double>(file_bytes) / tb, 2) +
      " index_measured_by=" + (have_dbstat ? "dbstat" : "file_size") +
      " sqlite=" + sqlite3_libversion() + " rss_mib=" + Fixed(PeakRssMiB(), 0) + " ";
  return std::vector<std::string>{"engine=fts5" + common + with,
                                  "engine=fts5_nofallback" + common + without};
}

}  // namespace xuncha::bench
