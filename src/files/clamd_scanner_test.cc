#include "files/clamd_scanner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "files/attachment_processor.h"
#include "files/test_files.h"

namespace xuncha::files {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// The EICAR anti-virus test file, put together here so that this source file is not itself
// taken for one by a scanner.
std::string Eicar() {
  std::string s = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
  s += "EICAR-STANDARD-ANTIVIRUS";
  s += "-TEST-FILE!$H+H*";
  return s;
}

// Deterministic bytes of every value, so that a lost, doubled or reordered chunk shows.
std::string Pattern(std::size_t n) {
  std::string s(n, '\0');
  std::uint32_t x = 12345;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 16 & 0xFF);
  }
  return s;
}

// A short temporary directory (a UNIX socket path must fit in 108 bytes).
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/xuncha-clamd-XXXXXX";
    if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A stand-in for clamd on a UNIX socket, speaking INSTREAM as man clamd describes it: a command
// prefixed 'z' (ended by '\0'; so is the reply) or 'n' (ended by '\n'), then chunks each after
// its 4-byte big-endian length, until a zero length; past StreamMaxLength it answers
// "INSTREAM size limit exceeded. ERROR" and hangs up. It reassembles each stream and says
// "Eicar-Test-Signature FOUND" when the stream contains EICAR anywhere (the real clamd wants it
// at the start). Connections are served one at a time, by one thread.
class FakeClamd {
 public:
  enum class Behaviour {
    kClamd,    // as above
    kSilent,   // accepts, reads nothing, never answers
    kReply,    // reads the stream as clamd does, then sends `reply` verbatim and hangs up
    kEndless,  // reads the stream, then sends 16 KiB without a '\0' and keeps the line open
  };

  explicit FakeClamd(Behaviour behaviour = Behaviour::kClamd, std::string reply = {},
                     std::size_t stream_max_length = 25u << 20)
      : behaviour_(behaviour), reply_(std::move(reply)), stream_max_length_(stream_max_length) {
    path_ = dir_.path() + "/clamd.ctl";
    listen_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
    if (::bind(listen_, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) != 0 ||
        ::listen(listen_, 16) != 0 || ::pipe2(stop_.data(), O_CLOEXEC) != 0) {
      ADD_FAILURE() << "fake clamd: " << std::strerror(errno);
      return;
    }
    thread_ = std::thread([this] { Run(); });
  }

  ~FakeClamd() {
    if (stop_[1] >= 0) {
      const char b = 1;
      (void)!::write(stop_[1], &b, 1);
    }
    if (thread_.joinable()) thread_.join();
    for (int fd : {listen_, stop_[0], stop_[1]}) {
      if (fd >= 0) ::close(fd);
    }
  }

  const std::string& path() const { return path_; }

  // Blocks until `n` connections have been served to their end and returns their streams and
  // (for the last one) its chunk sizes.
  std::vector<std::string> WaitForStreams(std::size_t n) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return streams_.size() >= n; });
    return streams_;
  }
  std::vector<std::uint32_t> last_chunk_sizes() {
    std::lock_guard lock(mu_);
    return chunk_sizes_;
  }
  // Blocks until `n` connections have been accepted.
  void WaitForAccepted(std::size_t n) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return accepted_ >= n; });
  }

 private:
  // Waits for `fd` to be readable; false when the fake is being stopped.
  bool WaitReadable(int fd) {
    for (;;) {
      std::array<pollfd, 2> p = {pollfd{fd, POLLIN, 0}, pollfd{stop_[0], POLLIN, 0}};
      if (::poll(p.data(), p.size(), -1) < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      if (p[1].revents != 0) return false;
      if (p[0].revents != 0) return true;
    }
  }
  bool ReadExact(int fd, char* out, std::size_t n) {
    while (n > 0) {
      if (!WaitReadable(fd)) return false;
      const ssize_t r = ::recv(fd, out, n, 0);
      if (r <= 0) return false;
      out += r;
      n -= static_cast<std::size_t>(r);
    }
    return true;
  }
  void Send(int fd, std::string_view s) {
    while (!s.empty()) {
      const ssize_t r = ::send(fd, s.data(), s.size(), MSG_NOSIGNAL);
      if (r <= 0) return;
      s.remove_prefix(static_cast<std::size_t>(r));
    }
  }
  void Record(std::string stream, std::vector<std::uint32_t> chunks) {
    std::lock_guard lock(mu_);
    streams_.push_back(std::move(stream));
    chunk_sizes_ = std::move(chunks);
    cv_.notify_all();
  }

  void Run() {
    for (;;) {
      if (!WaitReadable(listen_)) return;
      const int conn = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
      if (conn < 0) continue;
      {
        std::lock_guard lock(mu_);
        ++accepted_;
        cv_.notify_all();
      }
      Serve(conn);
      ::close(conn);
    }
  }

  void Serve(int conn) {
    if (behaviour_ == Behaviour::kSilent) {
      WaitReadable(stop_[0]);
      return;
    }
    char prefix = 0;
    if (!ReadExact(conn, &prefix, 1)) return;
    if (prefix != 'z' && prefix != 'n') {
      Send(conn, "UNKNOWN COMMAND\n");
      return;
    }
    const char delim = prefix == 'z' ? '\0' : '\n';
    std::string command;
    for (char c = 0; command.size() < 64;) {
      if (!ReadExact(conn, &c, 1)) return;
      if (c == delim) break;
      command.push_back(c);
    }
    if (command != "INSTREAM") {
      Send(conn, std::string("UNKNOWN COMMAND") + delim);
      return;
    }
    std::string stream;
    std::vector<std::uint32_t> chunks;
    for (;;) {
      std::array<unsigned char, 4> len{};
      if (!ReadExact(conn, reinterpret_cast<char*>(len.data()), len.size())) return;
      const std::uint32_t n = std::uint32_t{len[0]} << 24 | std::uint32_t{len[1]} << 16 |
                              std::uint32_t{len[2]} << 8 | std::uint32_t{len[3]};
      if (n == 0) break;
      if (stream.size() + n > stream_max_length_) {
        Record(stream, chunks);
        Send(conn, std::string("INSTREAM size limit exceeded. ERROR") + delim);
        return;
      }
      chunks.push_back(n);
      const std::size_t at = stream.size();
      stream.resize(at + n);
      if (!ReadExact(conn, stream.data() + at, n)) return;
    }
    const bool infected = stream.find(Eicar()) != std::string::npos;
    Record(std::move(stream), std::move(chunks));
    switch (behaviour_) {
      case Behaviour::kClamd:
        Send(conn,
             std::string(infected ? "stream: Eicar-Test-Signature FOUND" : "stream: OK") + delim);
        return;
      case Behaviour::kReply:
        Send(conn, reply_);
        return;
      case Behaviour::kEndless:
        Send(conn, std::string(std::size_t{16} * 1024, 'A'));
        WaitReadable(stop_[0]);
        return;
      case Behaviour::kSilent:
        return;
    }
  }

  const Behaviour behaviour_;
  const std::string reply_;
  const std::size_t stream_max_length_;
  TempDir dir_;
  std::string path_;
  int listen_ = -1;
  std::array<int, 2> stop_ = {-1, -1};
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t accepted_ = 0;
  std::vector<std::string> streams_;
  std::vector<std::uint32_t> chunk_sizes_;
};

TEST(ClamdScannerTest, CleanStreamIsOk) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 10s);
  const Status s = scanner.Scan("an ordinary letter");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(clamd.WaitForStreams(1).at(0), "an ordinary letter");
}

TEST(ClamdScannerTest, EmptyFileIsOnlyTheEndOfStream) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 10s);
  ASSERT_TRUE(scanner.Scan("").ok());
  EXPECT_EQ(clamd.WaitForStreams(1).at(0), "");
  EXPECT_TRUE(clamd.last_chunk_sizes().empty());
}

TEST(ClamdScannerTest, InfectedNamesTheSignature) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 10s);
  const Status s = scanner.Scan(Eicar());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().key, "file_infected");
  EXPECT_NE(s.error().message.find("Eicar-Test-Signature"), std::string::npos) << s.error().message;
}

TEST(ClamdScannerTest, LargeStreamIsChunkedAndReassembledExactly) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 30s);
  const std::string data = Pattern(3'000'000);
  const Status s = scanner.Scan(data);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const std::string got = clamd.WaitForStreams(1).at(0);
  ASSERT_EQ(got.size(), data.size());
  EXPECT_TRUE(got == data);
  // 45 chunks of 64 KiB and the rest.
  const std::vector<std::uint32_t> chunks = clamd.last_chunk_sizes();
  ASSERT_EQ(chunks.size(), 46u);
  EXPECT_EQ(chunks.front(), 65536u);
  EXPECT_EQ(chunks.back(), 3'000'000u - 45u * 65536u);
}

TEST(ClamdScannerTest, SmallChunkSizeStillReassembles) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 10s);
  scanner.set_chunk_size(7);
  const std::string data = "0123456789abcdefghij" + Eicar();
  EXPECT_EQ(scanner.Scan(data).error().key, "file_infected");
  EXPECT_EQ(clamd.WaitForStreams(1).at(0), data);
  EXPECT_EQ(clamd.last_chunk_sizes().size(), (data.size() + 6) / 7);
}

TEST(ClamdScannerTest, SilentServerTimesOutWaitingForTheReply) {
  FakeClamd clamd(FakeClamd::Behaviour::kSilent);
  ClamdScanner scanner(clamd.path(), 300ms);
  const auto start = SteadyClock::now();
  const Status s = scanner.Scan("hello");
  const auto elapsed = SteadyClock::now() - start;
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().key, "scanner_unavailable");
  EXPECT_NE(s.error().message.find("no reply within 300 ms"), std::string::npos)
      << s.error().message;
  EXPECT_GE(elapsed, 290ms);
  EXPECT_LT(elapsed, 300ms + 2s);  // slack for a loaded machine under ASan
}

TEST(ClamdScannerTest, SilentServerTimesOutWhileSending) {
  // 3 MB do not fit in the socket's buffers of a peer that reads nothing.
  FakeClamd clamd(FakeClamd::Behaviour::kSilent);
  ClamdScanner scanner(clamd.path(), 300ms);
  const auto start = SteadyClock::now();
  const Status s = scanner.Scan(Pattern(3'000'000));
  const auto elapsed = SteadyClock::now() - start;
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().key, "scanner_unavailable");
  EXPECT_NE(s.error().message.find("timed out sending"), std::string::npos) << s.error().message;
  EXPECT_LT(elapsed, 300ms + 2s);
}

TEST(ClamdScannerTest, NoSocketIsUnavailable) {
  TempDir dir;
  ClamdScanner missing(dir.path() + "/clamd.ctl", 1s);
  Status s = missing.Scan("x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().key, "scanner_unavailable");
  EXPECT_NE(s.error().message.find(dir.path()), std::string::npos) << s.error().message;

  // A regular file where the socket should be (clamd stopped, something else left there).
  std::ofstream(dir.path() + "/file") << "x";
  s = ClamdScanner(dir.path() + "/file", 1s).Scan("x");
  EXPECT_EQ(s.error().key, "scanner_unavailable");

  s = ClamdScanner("/tmp/" + std::string(200, 'a'), 1s).Scan("x");
  EXPECT_EQ(s.error().key, "scanner_unavailable");
}

TEST(ClamdScannerTest, GarbageReplyIsUnavailable) {
  {
    FakeClamd clamd(FakeClamd::Behaviour::kReply, std::string("PONG\0", 5));
    const Status s = ClamdScanner(clamd.path(), 10s).Scan("hello");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(s.error().message.find("unexpected reply: PONG"), std::string::npos)
        << s.error().message;
  }
  {
    // Binary garbage ending in '\0' never passes for a verdict, nor shows raw in the log.
    FakeClamd clamd(FakeClamd::Behaviour::kReply, std::string("\x01\xFFstream: OK\n\0", 14));
    const Status s = ClamdScanner(clamd.path(), 10s).Scan("hello");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().key, "scanner_unavailable");
    EXPECT_NE(s.error().message.find("??stream: OK?"), std::string::npos) << s.error().message;
  }
  {
    // A verdict without its '\0', then the line closes.
    FakeClamd clamd(FakeClamd::Behaviour::kReply, "stream: OK");
    const Status s = ClamdScanner(clamd.path(), 10s).Scan("hello");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("not terminated"), std::string::npos) << s.error().message;
  }
  {
    // "FOUND" without a signature.
    FakeClamd clamd(FakeClamd::Behaviour::kReply, std::string("stream:  FOUND\0", 15));
    const Status s = ClamdScanner(clamd.path(), 10s).Scan("hello");
    EXPECT_EQ(s.error().key, "scanner_unavailable");
  }
  {
    // Endless talk: the reply is bounded, and the scanner does not wait for the timeout.
    FakeClamd clamd(FakeClamd::Behaviour::kEndless);
    const auto start = SteadyClock::now();
    const Status s = ClamdScanner(clamd.path(), 60s).Scan("hello");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("longer than 4 KiB"), std::string::npos) << s.error().message;
    EXPECT_LT(SteadyClock::now() - start, 30s);
  }
}

TEST(ClamdScannerTest, SizeLimitErrorIsUnavailableWithClamdsText) {
  // clamd's StreamMaxLength (25 MB by default) is below ours only when misconfigured.
  FakeClamd clamd(FakeClamd::Behaviour::kClamd, {}, std::size_t{100} * 1024);
  const Status s = ClamdScanner(clamd.path(), 10s).Scan(Pattern(1'000'000));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().key, "scanner_unavailable");
  EXPECT_NE(s.error().message.find("INSTREAM size limit exceeded. ERROR"), std::string::npos)
      << s.error().message;
}

TEST(ClamdScannerTest, ConcurrentScansEachGetTheirOwnVerdict) {
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 30s);
  std::vector<std::thread> threads;
  std::array<std::string, 4> errors;
  for (std::size_t t = 0; t < errors.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        const bool bad = (t + static_cast<std::size_t>(i)) % 2 == 0;
        const Status s = scanner.Scan(bad ? Eicar() : Pattern(100'000 + t));
        const std::string key = s.ok() ? "ok" : s.error().key;
        if (key != (bad ? "file_infected" : "ok")) errors[t] += key + " ";
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(clamd.WaitForStreams(12).size(), 12u);
}

TEST(ClamdScannerTest, DetectsTheFirstExistingSocket) {
  FakeClamd clamd;
  TempDir dir;
  std::ofstream(dir.path() + "/plain") << "x";
  EXPECT_EQ(ClamdScanner::DetectClamdSocket(
                {dir.path() + "/missing", dir.path() + "/plain", clamd.path()}),
            clamd.path());
  EXPECT_EQ(ClamdScanner::DetectClamdSocket({dir.path() + "/missing", dir.path() + "/plain"}),
            std::nullopt);
  EXPECT_EQ(ClamdScanner::DefaultSocketPaths().front(), "/run/clamav/clamd.ctl");
}

// Only where clamav-daemon runs (never in CI: its signature database needs a download).
TEST(ClamdScannerTest, RealClamdFindsEicar) {
  const auto socket = ClamdScanner::DetectClamdSocket();
  if (!socket) {
    GTEST_SKIP() << "clamd is not running here (no socket at /run/clamav/clamd.ctl or "
                    "/var/run/clamav/clamd.ctl); install clamav-daemon and run freshclam to "
                    "test against it";
  }
  ClamdScanner scanner(*socket, 60s);
  const Status clean = scanner.Scan("an ordinary letter\n");
  ASSERT_TRUE(clean.ok()) << clean.error().message;
  const Status s = scanner.Scan(Eicar());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().key, "file_infected") << s.error().message;
}

// ---- the scan inside the attachment processor ----

// Records what it was asked to scan; answers `verdict`.
class RecordingScanner final : public VirusScanner {
 public:
  explicit RecordingScanner(Status verdict = Ok()) : verdict_(std::move(verdict)) {}
  Status Scan(std::string_view data) override {
    scanned.emplace_back(data);
    return verdict_;
  }
  std::vector<std::string> scanned;

 private:
  Status verdict_;
};

TEST(AttachmentProcessorVirusScanTest, InfectedPngIsRefused) {
  // EICAR after IEND: the PNG filter would drop it, so only a scan of the bytes as received,
  // before stripping, finds it.
  FakeClamd clamd;
  ClamdScanner scanner(clamd.path(), 10s);
  FileAttachmentProcessor processor;
  processor.SetVirusScanner(&scanner);
  auto r = processor.Process("photo.png", testing::TinyPng() + Eicar());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().key, "file_infected");

  // Without a scanner the same file is accepted, trailer removed.
  FileAttachmentProcessor unscanned;
  auto plain = unscanned.Process("photo.png", testing::TinyPng() + Eicar());
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ(plain->data, testing::TinyPng());
}

TEST(AttachmentProcessorVirusScanTest, ScansTheBytesAsReceivedAfterTheTypeCheck) {
  RecordingScanner scanner;
  FileAttachmentProcessor processor;
  processor.SetVirusScanner(&scanner);
  std::string png = testing::TinyPng();
  png.insert(33, testing::PngChunk("tEXt", std::string("Author\0Wang", 11)));
  auto r = processor.Process("a.png", png);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->data, testing::TinyPng());  // stripped for storage
  ASSERT_EQ(scanner.scanned.size(), 1u);
  EXPECT_EQ(scanner.scanned[0], png);  // scanned as received

  // A refused type never reaches the scanner.
  auto html = processor.Process("a.png", "<!DOCTYPE html><html><body>x</body></html>");
  EXPECT_EQ(html.error().key, "file_type_not_allowed");
  EXPECT_EQ(scanner.scanned.size(), 1u);
}

TEST(AttachmentProcessorVirusScanTest, ScannerDownRefusesTheFile) {
  TempDir dir;
  ClamdScanner scanner(dir.path() + "/clamd.ctl", 1s);
  FileAttachmentProcessor processor;
  processor.SetVirusScanner(&scanner);
  auto r = processor.Process("a.png", testing::TinyPng());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().key, "scanner_unavailable");
}

}  // namespace
}  // namespace xuncha::files
