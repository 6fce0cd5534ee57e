// Serves the built web UI (web/dist): files by path, index.html for client-side routes.
#pragma once

#include <string>

#include "http/http_types.h"

namespace xuncha::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  // GET/HEAD only. Rejects paths that try to leave the root.
  Response Serve(const Request& req, const std::string& path) const;

 private:
  std::string root_;
};

}  // namespace xuncha::http
