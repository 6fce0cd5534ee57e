// multipart/form-data request bodies (public reports with attachments) are outside input. The
// first byte picks the Content-Type form (boundary spelling, max_parts), the rest is the body.
// Any bytes give parts or a clear error; parts obey the parser's promises.
#include <array>
#include <string>
#include <string_view>

#include "files/multipart.h"
#include "fuzz_target.h"

namespace {

// The promises of SafeFileName: a base name, no control characters, at most 100 code points.
void CheckFileName(std::string_view name) {
  if (name == "." || name == "..") __builtin_trap();
  std::size_t code_points = 0;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F) __builtin_trap();
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  if (code_points > 100) __builtin_trap();
}

}  // namespace

XUNCHA_FUZZ_TARGET(Multipart) {
  if (size == 0) return 0;
  static const std::array<std::string, 4> kHeaders = {
      "multipart/form-data; boundary=b",
      "multipart/form-data; boundary=\"----WebKitFormBoundaryAbC\"",
      "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b'()+_,-./:=?\"",
      "multipart/form-data; boundary=" + std::string(70, 'z'),
  };
  const std::string& header = kHeaders[data[0] & 3];
  const std::size_t max_parts = (data[0] & 4) != 0 ? 2 : 20;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto parts = xuncha::files::ParseMultipart(header, body, max_parts);
  if (parts.ok()) {
    if (parts->size() > max_parts) __builtin_trap();
    std::size_t total = 0;
    for (const auto& p : *parts) {
      CheckFileName(p.filename);
      if (!p.is_file && !p.filename.empty()) __builtin_trap();
      total += p.data.size();
    }
    if (total > body.size()) __builtin_trap();
  } else if (parts.error().key != "bad_multipart") {
    __builtin_trap();
  }
  CheckFileName(xuncha::files::SafeFileName(body));
  return 0;
}
