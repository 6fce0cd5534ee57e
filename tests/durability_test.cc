// A report acknowledged with a number survives kill -9 of the server at any moment: the real
// binary is started, flooded with public submissions from several clients, killed with SIGKILL
// mid-stream, restarted on the same data directory, and every acknowledged query code must find
// its report.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

#include "test_support.h"

extern char** environ;

namespace xuncha {
namespace {

using testing::Client;
using testing::TempDir;

struct Child {
  pid_t pid = -1;
  unsigned short port = 0;
};

// Starts `xuncha serve` and waits for its "listening on" line.
Child StartServer(const std::string& data) {
  int out[2];
  if (pipe(out) != 0) return {};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = {XUNCHA_BIN,      "serve",       "--data",        data,
                                   "--listen",      "127.0.0.1:0", "--web",         "/nonexistent",
                                   "--public-rate", "0",           "--argon2-cost", "minimal"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child c;
  if (posix_spawn(&c.pid, XUNCHA_BIN, &fa, nullptr, argv.data(), environ) != 0) return {};
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  FILE* f = fdopen(out[0], "r");
  char line[512];
  const std::string listening = "listening on http://127.0.0.1:";
  while (std::fgets(line, sizeof line, f) != nullptr) {
    const std::string l = line;
    if (auto at = l.find(listening); at != std::string::npos) {
      c.port = static_cast<unsigned short>(std::stoi(l.substr(at + listening.size())));
      break;
    }
  }
  // Keep reading (and discarding) so the server never blocks on a full pipe.
  std::thread([f] {
    char buf[512];
    while (std::fgets(buf, sizeof buf, f) != nullptr) {
    }
    std::fclose(f);
  }).detach();
  return c;
}

TEST(DurabilityTest, KillNineLosesNoAcknowledgedReport) {
  TempDir dir;
  const std::string data = dir.File("data");
  const std::string init = std::string(XUNCHA_BIN) + " init --data " + data +
                           " --demo --argon2-cost minimal > /dev/null 2>&1";
  ASSERT_EQ(std::system(init.c_str()), 0);
  Child server = StartServer(data);
  ASSERT_GT(server.port, 0);

  Client probe(server.port);
  auto intake = probe.Get("/api/v1/public/intake");
  ASSERT_EQ(intake.status, 200u) << intake.body;
  const auto assignment = intake.json()["items"][0]["assignment_id"].get<std::int64_t>();

  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> acked;  // number, query code
  std::atomic<bool> stop{false};
  constexpr int kKillAfter = 60;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      Client c(server.port);
      for (int i = 0; !stop; ++i) {
        nlohmann::json body = {
            {"assignment_id", assignment},
            {"anonymous", false},
            {"reporter", {{"name", "测试人" + std::to_string(t)}, {"phone", "13700000000"}}},
            {"persons", {{{"name", "某某"}, {"post", "科长"}}}},
            {"content", "压力测试反映内容 " + std::to_string(t) + "-" + std::to_string(i)}};
        auto r = c.Post("/api/v1/public/reports", body);
        if (r.status != 201) continue;  // refused or cut off by the kill: not acknowledged
        auto j = r.json();
        std::lock_guard<std::mutex> lock(mu);
        acked.emplace_back(j["number"], j["query_code"]);
        if (acked.size() >= kKillAfter) stop = true;
      }
    });
  }
  // Kill while the clients are still sending: synchronise on the acknowledgements, not time.
  while (!stop) std::this_thread::yield();
  ASSERT_EQ(kill(server.pid, SIGKILL), 0);
  for (auto& th : clients) th.join();
  int status = 0;
  waitpid(server.pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  Child again = StartServer(data);
  ASSERT_GT(again.port, 0);
  Client c(again.port);
  ASSERT_GE(acked.size(), static_cast<std::size_t>(kKillAfter));
  for (const auto& [number, code] : acked) {
    auto r = c.Post("/api/v1/public/reports/status", {{"query_code", code}});
    ASSERT_EQ(r.status, 200u) << number << " was acknowledged but is lost: " << r.body;
    EXPECT_EQ(r.json()["number"], number);
  }
  kill(again.pid, SIGTERM);
  waitpid(again.pid, &status, 0);
}

}  // namespace
}  // namespace xuncha
