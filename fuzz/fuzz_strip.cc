// Attachments are outside input: the type sniffer (libmagic plus our zip directory reader) and
// the metadata strippers for JPEG, PNG (our segment filters) and PDF (libqpdf) get every input.
// None may crash; what the JPEG/PNG filters write, they must pass through unchanged a second
// time, and what qpdf writes it must be able to read again.
#include <string>
#include <string_view>

#include "files/sniff.h"
#include "files/strip_metadata.h"
#include "fuzz_target.h"

XUNCHA_FUZZ_TARGET(Strip) {
  using xuncha::files::StripMetadata;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  auto sniffed = xuncha::files::Sniff(bytes);
  if (!sniffed.ok()) __builtin_trap();  // only a broken magic database may fail

  for (std::string_view mime : {"image/jpeg", "image/png"}) {
    auto once = StripMetadata(mime, bytes);
    if (!once.ok()) {
      if (once.error().key != "file_damaged") __builtin_trap();
      continue;
    }
    auto twice = StripMetadata(mime, *once);
    if (!twice.ok() || *twice != *once) __builtin_trap();
  }

  auto pdf = StripMetadata("application/pdf", bytes);
  if (pdf.ok()) {
    if (!StripMetadata("application/pdf", *pdf).ok()) __builtin_trap();
  } else if (pdf.error().key != "file_damaged") {
    __builtin_trap();
  }
  return 0;
}
