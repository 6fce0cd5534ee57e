// Cookie headers: the session cookie's name and reading one value from a Cookie header.
#pragma once

#include <string>
#include <string_view>

namespace xuncha::http {

inline constexpr const char* kSessionCookie = "xuncha_session";

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

}  // namespace xuncha::http
