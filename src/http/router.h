// Maps method + path pattern ("/api/v1/rounds/{id}") to handlers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/http_types.h"

namespace xuncha::http {

// Who may call a route.
enum class Access {
  kPublic,           // no session needed
  kSession,          // a signed-in user whose password is not due for change
  kSessionAnyState,  // a signed-in user, even one who must change his password first
};

using Handler = std::function<Result<Response>(Ctx&)>;

struct Route {
  bhttp::verb method;
  std::vector<std::string> segments;  // "{name}" segments capture
  Access access;
  Handler handler;
};

class Router {
 public:
  void Add(bhttp::verb method, std::string_view pattern, Access access, Handler h);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path (for 405)
  };
  // Fills ctx.params on success.
  Match Find(bhttp::verb method, std::string_view path, Ctx& ctx) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> SplitPath(std::string_view path);
// Percent-decoding for query strings ('+' is a space). Invalid escapes are kept as is.
std::string UrlDecode(std::string_view s);
// "a=1&b=%E5%B7%A1" -> {a: 1, b: 巡}. The first of repeated keys wins; empty keys are dropped.
std::map<std::string, std::string> ParseQuery(std::string_view q);

}  // namespace xuncha::http
