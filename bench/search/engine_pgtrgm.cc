// PostgreSQL 15 with pg_trgm: a GIN index with gin_trgm_ops and LIKE '%term%', against a server
// run.sh starts in a temp directory. pg_trgm rechecks every candidate against the row, so its
// answers are exact; terms under three characters give no trigram and fall back to scanning the
// whole index. The server is another process: its memory is read from /proc (the backend's
// VmHWM, which counts the shared buffers it touched), the client's is reported apart.
#include <libpq-fe.h>

#include <fstream>
#include <memory>

#include "bench_io.h"
#include "engines.h"

namespace xuncha::bench {
namespace {

using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Res = std::unique_ptr<PGresult, decltype(&PQclear)>;

Result<Res> Exec(PGconn* c, const std::string& sql) {
  Res r(PQexec(c, sql.c_str()), &PQclear);
  const auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    return Internal("postgres: " + sql + ": " + PQerrorMessage(c));
  }
  return r;
}

Result<std::string> Value(PGconn* c, const std::string& sql) {
  XUNCHA_ASSIGN_OR_RETURN(auto r, Exec(c, sql));
  if (PQntuples(r.get()) < 1) return Internal("postgres: no row from " + sql);
  return std::string(PQgetvalue(r.get(), 0, 0));
}

// COPY text format: backslash is the escape; the texts hold no tab or newline.
std::string CopyEscape(const std::string& t) {
  std::string out;
  out.reserve(t.size());
  for (char c : t) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string LikePattern(const std::string& term) {
  std::string p = "%";
  for (char c : term) {
    if (c == '\\' || c == '%' || c == '_') p += '\\';
    p += c;
  }
  return p + "%";
}

std::string ProcStatus(const std::string& pid, const std::string& field) {
  std::ifstream in("/proc/" + pid + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      std::string v = line.substr(field.size() + 1);
      v.erase(0, v.find_first_not_of(" \t"));
      return v.substr(0, v.find(' '));  // kB
    }
  }
  return "0";
}

}  // namespace

Result<std::vector<std::string>> RunPgTrgm(const EngineArgs& args) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(args.dir + "/queries.tsv"));
  Conn conn(PQconnectdb(args.pg_conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Internal(std::string("postgres: connect: ") + PQerrorMessage(conn.get()));
  }
  PGconn* c = conn.get();
  XUNCHA_ASSIGN_OR_RETURN(const auto backend, Value(c, "SELECT pg_backend_pid()"));
  XUNCHA_ASSIGN_OR_RETURN(const auto version, Value(c, "SHOW server_version"));
  XUNCHA_TRY(Exec(c, "CREATE EXTENSION IF NOT EXISTS pg_trgm"));
  XUNCHA_ASSIGN_OR_RETURN(const auto trgm_version,
                          Value(c, "SELECT extversion FROM pg_extension WHERE extname='pg_trgm'"));
  // Whether pg_trgm sees Han characters as word characters under this database's locale: if
  // not, every Chinese term would be a full index scan.
  XUNCHA_ASSIGN_OR_RETURN(const auto han_trigrams,
                          Value(c, "SELECT array_length(show_trgm('公款吃喝'), 1)"));
  XUNCHA_TRY(Exec(c, "CREATE TABLE docs(id integer NOT NULL, body text NOT NULL)"));

  const double t0 = NowSeconds();
  XUNCHA_TRY(Exec(c, "BEGIN"));
  {
    Res r(PQexec(c, "COPY docs(id, body) FROM STDIN"), &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
      return Internal(std::string("postgres: COPY: ") + PQerrorMessage(c));
    }
  }
  std::uint64_t docs = 0, text_bytes = 0;
  bool copy_ok = true;
  std::string buf;
  XUNCHA_TRY(ForEachText(args.dir + "/texts.txt", [&](std::uint32_t no, const std::string& t) {
    buf += std::to_string(no);
    buf += '\t';
    buf += CopyEscape(t);
    buf += '\n';
    if (buf.size() > (1u << 20)) {
      copy_ok = copy_ok && PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) == 1;
      buf.clear();
    }
    ++docs;
    text_bytes += t.size();
  }));
  if (!buf.empty())
    copy_ok = copy_ok && PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) == 1;
  if (!copy_ok || PQputCopyEnd(c, nullptr) != 1) {
    return Internal(std::string("postgres: COPY data: ") + PQerrorMessage(c));
  }
  {
    Res r(PQgetResult(c), &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      return Internal(std::string("postgres: COPY end: ") + PQerrorMessage(c));
    }
  }
  XUNCHA_TRY(Exec(c, "COMMIT"));
  const double load_s = NowSeconds() - t0;
  XUNCHA_TRY(Exec(c, "CREATE INDEX docs_body_trgm ON docs USING gin (body gin_trgm_ops)"));
  XUNCHA_TRY(Exec(c, "ANALYZE docs"));
  const double build_s = NowSeconds() - t0;
  XUNCHA_ASSIGN_OR_RETURN(const auto index_bytes,
                          Value(c, "SELECT pg_relation_size('docs_body_trgm')"));
  XUNCHA_ASSIGN_OR_RETURN(
      const auto table_bytes,
      Value(c, "SELECT pg_total_relation_size('docs') - pg_indexes_size('docs')"));
  XUNCHA_ASSIGN_OR_RETURN(const auto settings,
                          Value(c,
                                "SELECT current_setting('shared_buffers') || ',' || "
                                "current_setting('maintenance_work_mem') || ',' || "
                                "current_setting('work_mem') || ',' || "
                                "current_setting('lc_ctype')"));

  XUNCHA_ASSIGN_OR_RETURN(
      auto timing,
      TimeQueries(
          queries,
          [&](const std::string& term) -> Result<DocIds> {
            const std::string pattern = LikePattern(term);
            const char* params[1] = {pattern.c_str()};
            Res r(PQexecParams(c, "SELECT id FROM docs WHERE body LIKE $1", 1, nullptr, params,
                               nullptr, nullptr, 0),
                  &PQclear);
            if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
              return Internal(std::string("postgres: query: ") + PQerrorMessage(c));
            }
            DocIds out;
            const int n = PQntuples(r.get());
            out.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) {
              out.push_back(static_cast<std::uint32_t>(std::stoul(PQgetvalue(r.get(), i, 0))));
            }
            return out;
          },
          args.dir + "/results-pg_trgm.bin"));
  const double backend_hwm_mib = std::stod(ProcStatus(backend, "VmHWM")) / 1024.0;
  const double tb = static_cast<double>(text_bytes);
  const double ib = std::stod(index_bytes);
  return std::vector<std::string>{
      "engine=pg_trgm docs=" + std::to_string(docs) + " text_bytes=" + std::to_string(text_bytes) +
      " build_s=" + Fixed(build_s, 2) + " load_s=" + Fixed(load_s, 2) +
      " build_docs_per_s=" + Fixed(static_cast<double>(docs) / build_s, 0) +
      " index_bytes=" + index_bytes + " index_ratio=" + Fixed(ib / tb, 2) +
      " table_bytes=" + table_bytes + " postgres=" + version + " pg_trgm=" + trgm_version +
      " han_trigrams_of_4_chars=" + (han_trigrams.empty() ? "0" : han_trigrams) +
      " settings=" + settings + " rss_mib=" + Fixed(backend_hwm_mib, 0) +
      " client_rss_mib=" + Fixed(PeakRssMiB(), 0) + " " + timing};
}

}  // namespace xuncha::bench
