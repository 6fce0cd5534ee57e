#include "domain/field_errors.h"

#include <utility>

namespace xuncha {

std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void CheckText(FieldErrors& errors, const std::string& field, std::string_view value, bool required,
               std::size_t max_chars) {
  bool blank = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (required && blank) {
    errors[field] = "required";
  } else if (Utf8Length(value) > max_chars) {
    errors[field] = "too_long";
  }
}

Error ValidationError(FieldErrors errors) {
  Error e = Error::Make(ErrorCode::kValidation, "validation failed", "validation");
  e.fields = std::move(errors);
  return e;
}

}  // namespace xuncha
