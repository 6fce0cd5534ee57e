// Raw SQLite peer for bench/submit/run.sh: the fsync ceiling of this disk for the way the server
// writes. It does what src/storage/sqlite/{db.cc,sqlite_store.cc} do for a write, and nothing
// else: journal_mode=WAL, synchronous=FULL, one writer connection guarded by a mutex, one
// BEGIN IMMEDIATE ... COMMIT per row. Each transaction inserts one row with a ~1 KB random blob.
// No HTTP, no JSON, no encryption, no audit log.
//
//   g++ -std=c++20 -O2 -pthread sqlite_insert_peer.cc -lsqlite3 -o sqlite_insert_peer
//   sqlite_insert_peer DB_PATH THREADS SECONDS
//
// Prints one line: peer threads=N tx=N seconds=S tx_per_s=R p50_ms=X p99_ms=Y max_ms=Z
// (latency = from asking for the write lock to COMMIT returning, as a client of the server waits).
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void Check(int rc, sqlite3* db, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "sqlite_insert_peer: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  Check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DB_PATH THREADS SECONDS\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int threads = std::atoi(argv[2]);
  const double seconds = std::atof(argv[3]);
  if (threads < 1 || seconds <= 0) return 2;

  sqlite3* db = nullptr;
  Check(sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr),
        db, "open");
  sqlite3_busy_timeout(db, 10000);
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, "PRAGMA synchronous=FULL");
  Exec(db, "PRAGMA foreign_keys=ON");
  Exec(db,
       "CREATE TABLE IF NOT EXISTS peer_rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
       "payload BLOB NOT NULL) STRICT");
  sqlite3_stmt* begin = nullptr;
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* commit = nullptr;
  Check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr), db, "prepare begin");
  Check(sqlite3_prepare_v2(db, "INSERT INTO peer_rows(at, payload) VALUES (?, ?)", -1, &insert,
                           nullptr),
        db, "prepare insert");
  Check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr), db, "prepare commit");

  std::mutex write_mu;  // the server's write_mu_: one writer at a time on one connection
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> lat(threads);
  std::vector<std::thread> pool;
  const auto t0 = Clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::mt19937_64 rng(static_cast<unsigned>(t) * 7919u + 1u);
      std::string payload(1024, '\0');
      auto& mine = lat[t];
      mine.reserve(1 << 16);
      while (!stop.load(std::memory_order_relaxed)) {
        for (auto& c : payload) c = static_cast<char>(rng());
        const auto a = Clock::now();
        {
          std::lock_guard<std::mutex> g(write_mu);
          Check(sqlite3_step(begin), db, "begin");
          sqlite3_reset(begin);
          sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(time(nullptr)));
          sqlite3_bind_blob(insert, 2, payload.data(), static_cast<int>(payload.size()),
                            SQLITE_STATIC);
          Check(sqlite3_step(insert), db, "insert");
          sqlite3_reset(insert);
          Check(sqlite3_step(commit), db, "commit");
          sqlite3_reset(commit);
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& th : pool) th.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();

  std::vector<double> all;
  for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    if (all.empty()) return 0.0;
    std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(all.size() - 1) + 0.5);
    return all[std::min(i, all.size() - 1)];
  };
  sqlite3_finalize(begin);
  sqlite3_finalize(insert);
  sqlite3_finalize(commit);
  sqlite3_close(db);
  std::printf(
      "peer threads=%d tx=%zu seconds=%.3f tx_per_s=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
      threads, all.size(), elapsed, static_cast<double>(all.size()) / elapsed, pct(50), pct(99),
      all.empty() ? 0.0 : all.back());
  return 0;
}
