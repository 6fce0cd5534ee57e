// multipart/form-data request bodies (RFC 7578 on RFC 2046), as browsers send a form with files.
// The body is already in memory (the server bounds its size); this parser bounds everything else:
// the number of parts, the size of each part's header block, and it runs in time linear in the
// body (every search is for a delimiter of at most 74 bytes). No regex. Outside input: any bytes
// give parts or a kInvalidArgument error, never a crash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha::files {

struct FormPart {
  std::string name;          // the form field's name, as sent
  std::string filename;      // safe base name (SafeFileName); "" for a plain field
  bool is_file = false;      // a filename parameter was sent (even an empty or unsafe one)
  std::string content_type;  // as the client claims it, "" if absent; never trust it for files
  std::string data;
};

// Parts in body order. `content_type_header` is the request's Content-Type, e.g.
// `multipart/form-data; boundary="----x"`. A part needs `Content-Disposition: form-data;
// name=...`; `filename*=UTF-8''...` wins over `filename=`. Line ends must be CRLF.
// Errors: kInvalidArgument, key "bad_multipart", the message giving the reason (not
// multipart/form-data, missing or bad boundary, no opening or closing delimiter, too many parts,
// part header longer than 8 KiB, malformed part header, part without a name).
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type_header,
                                             std::string_view body, std::size_t max_parts = 20);

// A file name safe to show and store: the part after the last '/' or '\', without control
// characters (C0, DEL, C1) or bidirectional controls (which can disguise "gpj.exe" as
// "exe.jpg"), invalid UTF-8 dropped, surrounding spaces trimmed, at most 100 code points;
// "", "." and ".." give "".
std::string SafeFileName(std::string_view raw);

}  // namespace xuncha::files
