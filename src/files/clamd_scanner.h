// The VirusScanner port over clamav's daemon: clamd's INSTREAM command on its UNIX socket
// (man clamd, "INSTREAM"). See docs/attachments.md, "Virus scan (clamav)".
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ports/attachments.h"

namespace xuncha::files {

class ClamdScanner final : public VirusScanner {
 public:
  // Where Debian's clamav-daemon puts its socket (LocalSocket in clamd.conf), in the order
  // DetectClamdSocket tries them.
  static std::vector<std::string> DefaultSocketPaths();

  // `timeout` bounds one whole Scan: connecting, sending the bytes and waiting for the verdict.
  // Nothing is checked here; an unreachable socket shows in Scan.
  ClamdScanner(std::string socket_path, std::chrono::milliseconds timeout);

  // Sends `data` as one INSTREAM ("zINSTREAM\0", chunks of at most `chunk_size` bytes each
  // after its 4-byte big-endian length, a zero length) on a new connection and reads the reply
  // up to its '\0' (at most 4 KiB).
  //  - "stream: OK": Ok.
  //  - "stream: <signature> FOUND": kInvalidArgument "file_infected", the signature in the
  //    message.
  //  - anything else ("INSTREAM size limit exceeded. ERROR" when the file is larger than
  //    clamd's StreamMaxLength, an unknown reply, a reply without '\0'), no socket, a refused
  //    connection, a closed connection, or the timeout: kUnavailable "scanner_unavailable"
  //    with the reason (and clamd's text) in the message.
  // Never raises SIGPIPE. Thread-safe: each call has its own connection.
  Status Scan(std::string_view data) override;

  const std::string& socket_path() const { return socket_path_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

  // For tests: the largest chunk sent (default 64 KiB), kept within 1 byte .. 1 MiB.
  void set_chunk_size(std::size_t bytes) {
    chunk_size_ = std::clamp<std::size_t>(bytes, 1, std::size_t{1} << 20);
  }

  // The first of DefaultSocketPaths() (or `candidates`) that exists and is a socket, following
  // symbolic links; nullopt when none is. Says nothing about whether clamd answers on it.
  static std::optional<std::string> DetectClamdSocket();
  static std::optional<std::string> DetectClamdSocket(const std::vector<std::string>& candidates);

 private:
  std::string socket_path_;
  std::chrono::milliseconds timeout_;
  std::size_t chunk_size_ = 64 * 1024;
};

}  // namespace xuncha::files
