// Messages from the inspection group's mailbox are outside input: any bytes must give a parsed
// mail or a clear error, never a crash, a hang or unbounded memory, and what comes out must be
// valid UTF-8 with attachment names that cannot name a path.
#include <string_view>

#include "fuzz_target.h"
#include "mail/mime_parser.h"

namespace {

bool IsUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80             ? 1
                      : (b & 0xE0) == 0xC0 ? 2
                      : (b & 0xF0) == 0xE0 ? 3
                      : (b & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

XUNCHA_FUZZ_TARGET(Email) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto mail = xuncha::mail::ParseMail(bytes);
  if (!mail.ok()) {
    if (mail.error().key != "bad_mime" && mail.error().key != "mime_limits") __builtin_trap();
    return 0;
  }
  for (std::string_view s : {std::string_view(mail->message_id), std::string_view(mail->from_name),
                             std::string_view(mail->from_address), std::string_view(mail->subject),
                             std::string_view(mail->text)}) {
    if (!IsUtf8(s)) __builtin_trap();
  }
  for (const auto& a : mail->attachments) {
    if (a.filename.empty() || !IsUtf8(a.filename)) __builtin_trap();
    if (a.filename.find_first_of("/\\") != std::string::npos || a.filename == "..") {
      __builtin_trap();
    }
  }
  return 0;
}
