// The HTTP server: Boost.Beast over Asio, a small thread pool, one strand per connection.
//
// Graceful shutdown (Stop, or SIGTERM via the caller): the listener closes, idle keep-alive
// connections close, requests already being handled run to completion and their responses are
// written, then Run() returns. Nothing acknowledged is lost because every write commits before
// its response is sent.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "http/api.h"
#include "http/metrics.h"
#include "http/static_files.h"

namespace xuncha::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  std::size_t body_limit = 1u << 20;
  std::size_t upload_limit = 10u << 20;  // for .xlsx uploads
  // For report submissions and report files (multipart with attachments).
  std::size_t report_upload_limit = 32u << 20;
  int threads = 2;
  int shutdown_grace_seconds = 10;
};

class Server {
 public:
  Server(ServerOptions options, Api& api, StaticFiles& files, Metrics& metrics);
  ~Server();

  // Binds and listens; returns the bound port.
  Result<unsigned short> Listen();
  // Serves until Stop() (or SIGTERM/SIGINT when `handle_signals`). Blocks.
  void Run(bool handle_signals);
  // Thread-safe; returns at once.
  void Stop();

  struct Impl;  // defined in server.cc; public only so that connections there can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace xuncha::http
