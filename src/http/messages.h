// User-facing Chinese text for error and field message keys. The one place where the server
// speaks Chinese to people; the web UI shows these messages as they are.
#pragma once

#include <string>
#include <string_view>

namespace xuncha {

// The message for an error key (e.g. "stale_version"); a generic one for unknown keys.
std::string ErrorMessage(std::string_view key);
// The message for a field validation key (e.g. "required").
std::string FieldMessage(std::string_view key);

}  // namespace xuncha
