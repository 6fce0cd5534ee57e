// Request targets: query strings, percent-decoding, path splitting and cookie headers.
#include "fuzz_target.h"
#include "http/cookie.h"
#include "http/router.h"

XUNCHA_FUZZ_TARGET(Query) {
  using namespace xuncha::http;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  auto q = ParseQuery(s);
  for (const auto& [k, v] : q) {
    if (k.empty()) __builtin_trap();
  }
  (void)SplitPath(s);
  (void)UrlDecode(s);
  (void)CookieValue(s, kSessionCookie);
  return 0;
}
