// The JSON API under /api/v1: authentication, CSRF, routing to the app services, and the
// translation of every Error into the JSON error envelope. Thread-safe (stateless apart from the
// services it calls).
#pragma once

#include <string>

#include "app/auth_service.h"
#include "app/planning_service.h"
#include "http/http_types.h"
#include "http/router.h"

namespace xuncha::http {

struct ApiOptions {
  bool secure_cookies = false;  // add Secure to the session cookie (behind TLS)
  bool demo = false;            // the data directory holds the demo
};

class Api {
 public:
  Api(AuthService& auth, PlanningService& planning, ApiOptions options);

  // Handles one request whose target starts with /api/.
  Response Handle(const Request& req, const std::string& ip);

  const Router& router() const { return router_; }

 private:
  void AddRoutes();
  Result<Response> Dispatch(const Request& req, Ctx& ctx);

  AuthService& auth_;
  PlanningService& planning_;
  ApiOptions options_;
  Router router_;
};

inline constexpr const char* kSessionCookie = "xuncha_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

}  // namespace xuncha::http
