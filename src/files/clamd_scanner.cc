#include "files/clamd_scanner.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace xuncha::files {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kMaxReply = 4096;
constexpr std::string_view kCommand{"zINSTREAM\0", 10};

std::string ErrnoText(int err) { return std::system_category().message(err); }

// clamd's text goes to the log: printable ASCII only, and not too much of it.
std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 200)) out.push_back(c >= 0x20 && c < 0x7F ? c : '?');
  if (s.size() > 200) out += "...";
  return out;
}

class Connection {
 public:
  Connection(std::string path, std::chrono::milliseconds timeout)
      : path_(std::move(path)), timeout_(timeout), deadline_(SteadyClock::now() + timeout) {}
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Error Unavailable(const std::string& why) const {
    return Error::Make(ErrorCode::kUnavailable, "clamd at " + path_ + ": " + why,
                       "scanner_unavailable");
  }

  Status Connect() {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.empty() || path_.size() >= sizeof(addr.sun_path)) {
      return Unavailable("not a usable socket path");
    }
    std::memcpy(addr.sun_path, path_.data(), path_.size());
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return Unavailable("socket: " + ErrnoText(errno));
    const auto* sa = reinterpret_cast<const sockaddr*>(&addr);
    for (;;) {
      if (::connect(fd_, sa, sizeof(addr)) == 0) return Ok();
      const int err = errno;
      if (err == EISCONN) return Ok();
      if (err == EINPROGRESS || err == EALREADY || err == EINTR) {
        const int ev = Wait(POLLOUT);
        if (ev == 0) return Unavailable("connect timed out");
        int so_error = 0;
        socklen_t len = sizeof(so_error);
        if (ev < 0 || ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &so_error, &len) != 0) {
          return Unavailable("connect: " + ErrnoText(errno));
        }
        if (so_error != 0) return Unavailable("connect: " + ErrnoText(so_error));
        return Ok();
      }
      if (err == EAGAIN) {
        // A UNIX socket's listen queue is full: clamd is busy. Try again until the deadline.
        const int ms = MsLeft();
        if (ms == 0) return Unavailable("connect timed out (clamd busy)");
        ::poll(nullptr, 0, std::min(ms, 20));
        continue;
      }
      return Unavailable("connect: " + ErrnoText(err));
    }
  }

  // Sends the command, the chunks and the terminating zero length. Sets `answered_early` and
  // stops when clamd speaks or hangs up first: it does so only to refuse the stream (size
  // limit), and its reply says why.
  Status SendStream(std::string_view data, std::size_t chunk_size, bool& answered_early) {
    answered_early = false;
    XUNCHA_TRY(SendAll(kCommand, answered_early));
    while (!answered_early) {
      const std::string_view chunk = data.substr(0, chunk_size);
      data.remove_prefix(chunk.size());
      const auto n = static_cast<std::uint32_t>(chunk.size());
      const std::array<char, 4> length = {
          static_cast<char>(n >> 24 & 0xFF), static_cast<char>(n >> 16 & 0xFF),
          static_cast<char>(n >> 8 & 0xFF), static_cast<char>(n & 0xFF)};
      XUNCHA_TRY(SendAll(std::string_view(length.data(), length.size()), answered_early));
      if (chunk.empty() || answered_early) break;
      XUNCHA_TRY(SendAll(chunk, answered_early));
    }
    return Ok();
  }

  // The reply up to its '\0', without it.
  Result<std::string> ReadReply() {
    std::string reply;
    std::array<char, 512> buf{};
    for (;;) {
      const ssize_t r = ::recv(fd_, buf.data(), buf.size(), 0);
      if (r > 0) {
        reply.append(buf.data(), static_cast<std::size_t>(r));
        if (auto end = reply.find('\0'); end != std::string::npos) {
          reply.resize(end);
          return reply;
        }
        if (reply.size() > kMaxReply) return Unavailable("reply longer than 4 KiB");
        continue;
      }
      if (r == 0) {
        return Unavailable(reply.empty() ? "connection closed without a reply"
                                         : "reply not terminated: " + Printable(reply));
      }
      const int err = errno;
      if (err == EINTR) continue;
      if (err == EAGAIN || err == EWOULDBLOCK) {
        const int ev = Wait(POLLIN);
        if (ev == 0) {
          return Unavailable("no reply within " + TimeoutText());
        }
        if (ev < 0) return Unavailable("poll: " + ErrnoText(errno));
        continue;
      }
      return Unavailable("reading the reply: " + ErrnoText(err));
    }
  }

 private:
  std::string TimeoutText() const { return std::to_string(timeout_.count()) + " ms"; }

  int MsLeft() const {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline_ - SteadyClock::now()).count();
    if (left <= 0) return 0;
    return static_cast<int>(std::min<long long>(left, INT_MAX));
  }

  // poll()'s revents for `events` (POLLERR, POLLHUP always count), 0 at the deadline, -1 on error.
  int Wait(short events) {
    for (;;) {
      pollfd p{fd_, events, 0};
      const int r = ::poll(&p, 1, MsLeft());
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return -1;
      return r == 0 ? 0 : p.revents;
    }
  }

  Status SendAll(std::string_view bytes, bool& answered_early) {
    while (!bytes.empty()) {
      const ssize_t r = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (r >= 0) {
        bytes.remove_prefix(static_cast<std::size_t>(r));
        continue;
      }
      const int err = errno;
      if (err == EINTR) continue;
      if (err == EPIPE || err == ECONNRESET) {
        // clamd closed its side; whatever it said before is still readable.
        answered_early = true;
        return Ok();
      }
      if (err != EAGAIN && err != EWOULDBLOCK) return Unavailable("send: " + ErrnoText(err));
      const int ev = Wait(static_cast<short>(POLLOUT | POLLIN));
      if (ev == 0) {
        return Unavailable("timed out sending within " + TimeoutText());
      }
      if (ev < 0) return Unavailable("poll: " + ErrnoText(errno));
      if ((ev & (POLLIN | POLLHUP | POLLERR)) != 0) {
        answered_early = true;
        return Ok();
      }
    }
    return Ok();
  }

  std::string path_;
  std::chrono::milliseconds timeout_;
  SteadyClock::time_point deadline_;
  int fd_ = -1;
};

}  // namespace

std::vector<std::string> ClamdScanner::DefaultSocketPaths() {
  return {"/run/clamav/clamd.ctl", "/var/run/clamav/clamd.ctl"};
}

ClamdScanner::ClamdScanner(std::string socket_path, std::chrono::milliseconds timeout)
    : socket_path_(std::move(socket_path)), timeout_(timeout) {}

Status ClamdScanner::Scan(std::string_view data) {
  Connection c(socket_path_, timeout_);
  XUNCHA_TRY(c.Connect());
  bool answered_early = false;
  XUNCHA_TRY(c.SendStream(data, chunk_size_, answered_early));
  XUNCHA_ASSIGN_OR_RETURN(std::string reply, c.ReadReply());

  constexpr std::string_view kPrefix = "stream: ";
  constexpr std::string_view kFound = " FOUND";
  std::string_view r = reply;
  if (r == "stream: OK") {
    if (answered_early) return c.Unavailable("answered OK before the stream ended");
    return Ok();
  }
  if (r.size() > kPrefix.size() + kFound.size() && r.starts_with(kPrefix) && r.ends_with(kFound)) {
    r.remove_prefix(kPrefix.size());
    r.remove_suffix(kFound.size());
    return Error::Make(ErrorCode::kInvalidArgument, "file infected: " + Printable(r),
                       "file_infected");
  }
  if (r.ends_with("ERROR")) return c.Unavailable("clamd refused: " + Printable(r));
  return c.Unavailable("unexpected reply: " + Printable(r));
}

std::optional<std::string> ClamdScanner::DetectClamdSocket() {
  return DetectClamdSocket(DefaultSocketPaths());
}

std::optional<std::string> ClamdScanner::DetectClamdSocket(
    const std::vector<std::string>& candidates) {
  for (const std::string& path : candidates) {
    std::error_code ec;
    if (std::filesystem::is_socket(path, ec)) return path;
  }
  return std::nullopt;
}

}  // namespace xuncha::files
