// Request and response types shared by the HTTP adapter.
#pragma once

#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <string>

#include "app/actor.h"

namespace xuncha::http {

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

// What a route handler gets.
struct Ctx {
  const Request& req;
  std::string path;                           // without the query string
  std::map<std::string, std::string> query;   // decoded
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  std::string ip;
  std::optional<Actor> actor;  // set for authenticated routes
  std::string session_token;   // the cookie's token, when present
  std::string csrf_token;      // of the session
};

}  // namespace xuncha::http
