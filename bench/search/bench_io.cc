#include "bench_io.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace xuncha::bench {
namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  // Nearest rank.
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

}  // namespace

Result<std::vector<std::string>> ReadTexts(const std::string& path) {
  std::vector<std::string> out;
  XUNCHA_TRY(ForEachText(path, [&](std::uint32_t, const std::string& t) { out.push_back(t); }));
  return out;
}

Status ForEachText(const std::string& path,
                   const std::function<void(std::uint32_t, const std::string&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Internal("cannot read " + path);
  std::string line;
  std::uint32_t no = 0;
  while (std::getline(in, line)) fn(++no, line);
  if (in.bad()) return Internal("read error in " + path);
  return Ok();
}

Result<std::vector<QueryRow>> ReadQueries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Internal("cannot read " + path);
  std::vector<QueryRow> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string part; std::getline(ss, part, '\t');) f.push_back(part);
    if (f.size() != 4 || f[0].size() != 1 || f[0][0] < '1' || f[0][0] > '4') {
      return Internal("malformed line in " + path + ": " + line);
    }
    out.push_back({f[0][0] - '0', f[1], f[2], f[3]});
  }
  return out;
}

Status WriteQueries(const std::string& path, const std::vector<QueryRow>& rows) {
  std::ofstream out(path, std::ios::binary);
  for (const auto& q : rows)
    out << q.bucket << '\t' << q.kind << '\t' << q.raw << '\t' << q.term << '\n';
  out.flush();
  if (!out) return Internal("cannot write " + path);
  return Ok();
}

Result<ResultsWriter> ResultsWriter::Open(const std::string& path) {
  ResultsWriter w;
  w.f_ = std::fopen(path.c_str(), "wb");
  if (w.f_ == nullptr) return Internal("cannot write " + path);
  return w;
}

Status ResultsWriter::Write(DocIds ids) {
  std::sort(ids.begin(), ids.end());
  const auto n = static_cast<std::uint32_t>(ids.size());
  if (std::fwrite(&n, sizeof n, 1, f_) != 1 ||
      (n > 0 && std::fwrite(ids.data(), sizeof(std::uint32_t), n, f_) != n)) {
    return Internal("write failed");
  }
  return Ok();
}

Status ResultsWriter::Close() {
  if (f_ == nullptr) return Ok();
  const bool ok = std::fclose(f_) == 0;
  f_ = nullptr;
  if (!ok) return Internal("close failed");
  return Ok();
}

Result<std::vector<DocIds>> ReadResults(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Internal("cannot read " + path);
  std::vector<DocIds> out;
  std::uint32_t n = 0;
  while (std::fread(&n, sizeof n, 1, f) == 1) {
    DocIds ids(n);
    if (n > 0 && std::fread(ids.data(), sizeof(std::uint32_t), n, f) != n) {
      std::fclose(f);
      return Internal("truncated " + path);
    }
    out.push_back(std::move(ids));
  }
  std::fclose(f);
  return out;
}

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::uint64_t DiskBytes(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

Result<std::string> TimeQueries(const std::vector<QueryRow>& queries, const SearchFn& search,
                                const std::string& results_path, std::size_t warmup) {
  for (std::size_t i = 0; i < std::min(warmup, queries.size()); ++i) {
    XUNCHA_TRY(search(queries[i].term));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto writer, ResultsWriter::Open(results_path));
  std::vector<double> all;
  std::vector<std::vector<double>> by_bucket(5);
  for (const auto& q : queries) {
    const double t0 = NowSeconds();
    XUNCHA_ASSIGN_OR_RETURN(auto ids, search(q.term));
    const double ms = (NowSeconds() - t0) * 1000.0;
    all.push_back(ms);
    by_bucket[static_cast<std::size_t>(q.bucket)].push_back(ms);
    XUNCHA_TRY(writer.Write(std::move(ids)));
  }
  XUNCHA_TRY(writer.Close());
  std::string out =
      "queries=" + std::to_string(queries.size()) + " p50_ms=" + Fixed(Percentile(all, 50), 3) +
      " p95_ms=" + Fixed(Percentile(all, 95), 3) + " p99_ms=" + Fixed(Percentile(all, 99), 3) +
      " max_ms=" + Fixed(Percentile(all, 100), 3);
  for (int b = 1; b <= 4; ++b) {
    out += " p95_ms_b" + std::to_string(b) + "=" +
           Fixed(Percentile(by_bucket[static_cast<std::size_t>(b)], 95), 3);
  }
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace xuncha::bench
