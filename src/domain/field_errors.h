// Field-level validation results. The value is a message key (see src/http/messages.cc), e.g.
// "required", "too_long", "date_order"; the HTTP layer turns keys into Chinese.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/error.h"

namespace xuncha {

using FieldErrors = std::map<std::string, std::string>;

// Adds "required" / "too_long" for a text field. Lengths count UTF-8 code points.
void CheckText(FieldErrors& errors, const std::string& field, std::string_view value, bool required,
               std::size_t max_chars);

std::size_t Utf8Length(std::string_view s);

// A validation Error carrying `errors`, or nullopt-like Ok when empty.
Error ValidationError(FieldErrors errors);

}  // namespace xuncha
