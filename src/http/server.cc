#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "http/error_response.h"

namespace xuncha::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

void SecurityHeaders(Response& res) {
  res.set(bhttp::field::server, "xuncha");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "no-referrer");
  // A handler may set a stricter policy (attachments are served sandboxed).
  if (res.find("Content-Security-Policy") != res.end()) return;
  res.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
          "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
          "form-action 'self'");
}

}  // namespace

class Connection;

struct Server::Impl {
  Impl(ServerOptions o, Api& a, StaticFiles& f, Metrics& m)
      : options(std::move(o)), api(a), files(f), metrics(m), acceptor(ioc) {}

  void Accept();
  Response Handle(const Request& req, const std::string& ip);
  void BeginStop();

  ServerOptions options;
  Api& api;
  StaticFiles& files;
  Metrics& metrics;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::mutex conns_mu;
  std::set<std::shared_ptr<Connection>> conns;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    ip_ = ec ? "unknown" : ep.address().to_string();
  }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  // Called on shutdown: close now unless a request is being handled.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  void Read() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(server_.options.upload_limit);
    stream_.expires_after(std::chrono::seconds(60));
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return Close();
    // Only uploads may use the larger limits: .xlsx rosters, and reports with attachments;
    // everything else gets the JSON body limit.
    std::string_view target(parser_->get().target().data(), parser_->get().target().size());
    target = target.substr(0, target.find('?'));
    const bool xlsx = target.size() > 12 && target.substr(target.size() - 12) == "/roster.xlsx";
    const bool report = target == "/api/v1/public/reports" || target == "/api/v1/reports" ||
                        (target.rfind("/api/v1/reports/", 0) == 0 && target.size() > 6 &&
                         target.substr(target.size() - 6) == "/files");
    const std::size_t limit = xlsx     ? server_.options.upload_limit
                              : report ? server_.options.report_upload_limit
                                       : server_.options.body_limit;
    parser_->body_limit(limit);
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    server_.metrics.InFlight(1);
    // Beast checks Content-Length against the limit in force while the header was read, so
    // check the tighter limit here; chunked bodies are checked as they arrive.
    if (auto length = parser_->content_length(); length && *length > limit) {
      return OnBody(bhttp::error::body_limit);
    }
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code e, std::size_t) { self->OnBody(e); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      Error e = Error::Make(ErrorCode::kPayloadTooLarge, "body too large", "payload_too_large");
      Response res = ErrorResponse(e, parser_->get().version(), false);
      return Write(std::move(res), parser_->get().method_string(),
                   std::string(parser_->get().target()));
    }
    if (ec) {
      server_.metrics.InFlight(-1);
      busy_ = false;
      return Close();
    }
    Request req = parser_->release();
    Response res = server_.Handle(req, ip_);
    if (server_.stopping) res.keep_alive(false);
    std::string target(req.target());
    Write(std::move(res), req.method_string(), target);
  }

  void Write(Response res, beast::string_view method, std::string target) {
    SecurityHeaders(res);
    auto sp = std::make_shared<Response>(std::move(res));
    auto q = target.find('?');
    if (q != std::string::npos) target.resize(q);  // query strings may carry search terms
    // Counted when the response is ready, before it is sent: a client that reads /metrics right
    // after a response sees that response counted.
    const double dt =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const unsigned status = sp->result_int();
    server_.metrics.Observe(status, dt);
    spdlog::info("{} {} {} {:.1f}ms", std::string(method), target, status, dt * 1000);
    bhttp::async_write(stream_, *sp,
                       [self = shared_from_this(), sp, status](beast::error_code ec, std::size_t) {
                         self->server_.metrics.InFlight(-1);
                         self->busy_ = false;
                         if (!ec && status == 413) return self->Drain(0);
                         if (ec || !sp->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  // After refusing an oversized body: stop sending, then read and discard what the client is
  // still sending (bounded in bytes and time), so that closing does not reset the connection
  // before the client has read the 413.
  void Drain(std::size_t drained) {
    if (drained == 0) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      stream_.expires_after(std::chrono::seconds(2));
    }
    if (drained > (64u << 20)) return Close();
    drain_buf_.resize(64 * 1024);
    stream_.async_read_some(asio::buffer(drain_buf_), [self = shared_from_this(), drained](
                                                          beast::error_code ec, std::size_t n) {
      if (ec) return self->Close();
      self->Drain(drained + n);
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
    std::lock_guard<std::mutex> g(server_.conns_mu);
    server_.conns.erase(shared_from_this());
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::vector<char> drain_buf_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string ip_;
  bool busy_ = false;
  std::chrono::steady_clock::time_point started_;
};

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) return;
      spdlog::warn("accept: {}", ec.message());
      return Accept();
    }
    auto conn = std::make_shared<Connection>(std::move(socket), *this);
    {
      std::lock_guard<std::mutex> g(conns_mu);
      if (stopping) return;
      conns.insert(conn);
    }
    conn->Start();
    Accept();
  });
}

Response Server::Impl::Handle(const Request& req, const std::string& ip) {
  std::string_view target(req.target().data(), req.target().size());
  std::string path(target.substr(0, target.find('?')));
  try {
    if (path.rfind("/api/", 0) == 0) return api.Handle(req, ip);
    if (path == "/healthz") {
      Response res{bhttp::status::ok, req.version()};
      res.set(bhttp::field::content_type, "text/plain");
      res.keep_alive(req.keep_alive());
      res.body() = stopping ? "stopping\n" : "ok\n";
      if (stopping) res.result(bhttp::status::service_unavailable);
      res.prepare_payload();
      return res;
    }
    if (path == "/metrics") {
      Response res{bhttp::status::ok, req.version()};
      res.set(bhttp::field::content_type, "text/plain; version=0.0.4");
      res.keep_alive(req.keep_alive());
      res.body() = metrics.Render();
      res.prepare_payload();
      return res;
    }
    return files.Serve(req, path);
  } catch (const std::exception& e) {
    // A bug: report it as a 500 rather than dropping the connection.
    spdlog::error("unhandled exception on {}: {}", path, e.what());
    return ErrorResponse(Internal(e.what()), req.version(), false);
  }
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  spdlog::info("shutting down: finishing in-flight requests");
  beast::error_code ec;
  acceptor.close(ec);
  std::vector<std::shared_ptr<Connection>> snapshot;
  {
    std::lock_guard<std::mutex> g(conns_mu);
    snapshot.assign(conns.begin(), conns.end());
  }
  for (auto& c : snapshot) c->CloseIfIdle();
}

Server::Server(ServerOptions options, Api& api, StaticFiles& files, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), api, files, metrics)) {}

Server::~Server() = default;

Result<unsigned short> Server::Listen() {
  beast::error_code ec;
  auto addr = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return InvalidArgument("bad listen address: " + impl_->options.address);
  tcp::endpoint ep(addr, impl_->options.port);
  auto& acc = impl_->acceptor;
  acc.open(ep.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(ep, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::Make(ErrorCode::kUnavailable,
                       "listen on " + impl_->options.address + ":" +
                           std::to_string(impl_->options.port) + ": " + ec.message(),
                       "unavailable");
  }
  return acc.local_endpoint().port();
}

void Server::Run(bool handle_signals) {
  Impl& s = *impl_;
  asio::signal_set signals(s.ioc);
  if (handle_signals) {
    signals.add(SIGTERM);
    signals.add(SIGINT);
    signals.async_wait([&s](beast::error_code ec, int) {
      if (!ec) s.BeginStop();
    });
  }
  // A timer that, once stopping, waits for in-flight work then ends the loop (bounded by the
  // grace period so that a stuck client cannot hold the process).
  asio::steady_timer watchdog(s.ioc);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void(beast::error_code)> tick = [&](beast::error_code) {
    if (s.stopping) {
      if (*deadline == std::chrono::steady_clock::time_point{}) {
        *deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(s.options.shutdown_grace_seconds);
      }
      bool empty;
      {
        std::lock_guard<std::mutex> g(s.conns_mu);
        empty = s.conns.empty();
      }
      if (empty || std::chrono::steady_clock::now() > *deadline) {
        signals.cancel();
        s.ioc.stop();
        return;
      }
    }
    watchdog.expires_after(std::chrono::milliseconds(50));
    watchdog.async_wait(tick);
  };
  tick({});
  s.Accept();
  std::vector<std::thread> pool;
  for (int i = 1; i < s.options.threads; ++i) pool.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : pool) t.join();
  spdlog::info("stopped");
}

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginStop(); });
}

}  // namespace xuncha::http
