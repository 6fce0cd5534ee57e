#include "files/multipart.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace xuncha::files {
namespace {

constexpr std::size_t kMaxHeaderBytes = 8u << 10;  // one part's header block
constexpr std::size_t kMaxFileNameCodePoints = 100;
constexpr std::string_view kCrlf = "\r\n";

Error Bad(std::string why) {
  return InvalidArgument("multipart: " + std::move(why), "bad_multipart");
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

struct Param {
  std::string name;  // lower case
  std::string value;
};

// `; name=value` pairs (RFC 2045 / 7231 parameters) after a media type or disposition type.
// Values are tokens or quoted strings; inside quotes a backslash escapes only '"' and '\', so
// that an unescaped Windows path ("C:\Users\x.jpg", as old browsers send it) stays a path.
Result<std::vector<Param>> ParseParams(std::string_view s) {
  std::vector<Param> out;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && IsSpace(s[i])) ++i;
  };
  while (true) {
    skip_space();
    if (i == s.size()) return out;
    if (s[i] != ';') return Bad("expected ';' between parameters");
    ++i;
    skip_space();
    if (i == s.size()) return out;  // a trailing ';'
    const std::size_t name_start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ';' && !IsSpace(s[i])) ++i;
    Param p;
    for (char c : s.substr(name_start, i - name_start)) p.name.push_back(Lower(c));
    if (p.name.empty()) return Bad("empty parameter name");
    skip_space();
    if (i == s.size() || s[i] != '=') return Bad("parameter without '='");
    ++i;
    skip_space();
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        const char c = s[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < s.size() && (s[i] == '"' || s[i] == '\\')) {
          p.value.push_back(s[i++]);
        } else {
          p.value.push_back(c);
        }
      }
      if (!closed) return Bad("unterminated quoted string");
    } else {
      const std::size_t start = i;
      while (i < s.size() && s[i] != ';') ++i;
      p.value = std::string(Trim(s.substr(start, i - start)));
    }
    out.push_back(std::move(p));
  }
}

const std::string* FindParam(const std::vector<Param>& params, std::string_view name) {
  for (const auto& p : params) {
    if (p.name == name) return &p.value;
  }
  return nullptr;
}

// RFC 2046 bchars: DIGIT / ALPHA / "'()+_,-./:=?" and space, not last.
bool ValidBoundary(std::string_view b) {
  if (b.empty() || b.size() > 70 || b.back() == ' ') return false;
  for (char c : b) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

Result<std::string> BoundaryOf(std::string_view header) {
  const std::size_t semi = header.find(';');
  const std::string_view type = Trim(header.substr(0, semi));
  if (!EqualsNoCase(type, "multipart/form-data")) return Bad("not multipart/form-data");
  if (semi == std::string_view::npos) return Bad("missing boundary");
  XUNCHA_ASSIGN_OR_RETURN(auto params, ParseParams(header.substr(semi)));
  const std::string* boundary = FindParam(params, "boundary");
  if (boundary == nullptr) return Bad("missing boundary");
  if (!ValidBoundary(*boundary)) return Bad("bad boundary");
  return *boundary;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 5987 ext-value: charset'language'percent-encoded. Only UTF-8 is understood.
std::optional<std::string> DecodeExtValue(std::string_view v) {
  const std::size_t q1 = v.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  const std::size_t q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  if (!EqualsNoCase(v.substr(0, q1), "utf-8")) return std::nullopt;
  std::string out;
  for (std::size_t i = q2 + 1; i < v.size(); ++i) {
    if (v[i] != '%') {
      out.push_back(v[i]);
      continue;
    }
    if (i + 2 >= v.size()) return std::nullopt;
    const int hi = HexValue(v[i + 1]), lo = HexValue(v[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi << 4 | lo));
    i += 2;
  }
  return out;
}

// Fills `part` from one part's header block (lines separated by CRLF, no final blank line).
// Every line is checked before any is interpreted, so the reason given is the first fault.
Status ParsePartHeaders(std::string_view block, FormPart& part) {
  std::optional<std::string_view> disposition, type;
  while (!block.empty()) {
    const std::size_t eol = block.find(kCrlf);
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    // Obsolete line folding (a line starting with white space) is not accepted.
    if (line.empty() || IsSpace(line.front())) return Bad("malformed part header");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Bad("malformed part header");
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsNoCase(name, "content-type") && !type) type = value;
    if (EqualsNoCase(name, "content-disposition") && !disposition) disposition = value;
  }
  if (!disposition) return Bad("part without Content-Disposition");
  const std::size_t semi = disposition->find(';');
  if (!EqualsNoCase(Trim(disposition->substr(0, semi)), "form-data")) {
    return Bad("disposition is not form-data");
  }
  if (semi == std::string_view::npos) return Bad("part without a name");
  XUNCHA_ASSIGN_OR_RETURN(auto params, ParseParams(disposition->substr(semi)));
  const std::string* field = FindParam(params, "name");
  if (field == nullptr) return Bad("part without a name");
  part.name = *field;
  std::optional<std::string> filename;
  if (const std::string* ext = FindParam(params, "filename*")) filename = DecodeExtValue(*ext);
  if (!filename) {
    if (const std::string* plain = FindParam(params, "filename")) filename = *plain;
  }
  if (filename) {
    part.is_file = true;
    part.filename = SafeFileName(*filename);
  }
  if (type) part.content_type = std::string(*type);
  return Ok();
}

// Decodes one UTF-8 code point at `s[i]`; returns its length, or 0 if the sequence is invalid
// (overlong, surrogate, above U+10FFFF, truncated).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len;
  std::uint32_t min;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool Unwanted(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||       // C0, DEL, C1
         cp == 0x061C || cp == 0x200E || cp == 0x200F ||  // bidi marks
         (cp >= 0x202A && cp <= 0x202E) ||                // bidi embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;  // bidi isolates, BOM
}

}  // namespace

std::string SafeFileName(std::string_view raw) {
  const std::size_t slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);
  std::string kept;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < raw.size();) {
    std::uint32_t cp = 0;
    const std::size_t len = DecodeUtf8(raw, i, cp);
    if (len == 0) {
      ++i;  // invalid byte: dropped
      continue;
    }
    if (!Unwanted(cp) && !(kept.empty() && cp == ' ')) {
      if (code_points == kMaxFileNameCodePoints) break;
      kept.append(raw.substr(i, len));
      ++code_points;
    }
    i += len;
  }
  while (!kept.empty() && kept.back() == ' ') kept.pop_back();
  if (kept == "." || kept == "..") return "";
  return kept;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type_header,
                                             std::string_view body, std::size_t max_parts) {
  XUNCHA_ASSIGN_OR_RETURN(const std::string boundary, BoundaryOf(content_type_header));
  const std::string dash_boundary = "--" + boundary;
  const std::string delimiter = std::string(kCrlf) + dash_boundary;

  // The first delimiter opens the body or follows a preamble line.
  std::size_t pos;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    pos = 0;
  } else {
    pos = body.find(delimiter);
    if (pos == std::string_view::npos) return Bad("no opening delimiter");
    pos += 2;
  }

  std::vector<FormPart> parts;
  while (true) {
    // `pos` is at "--boundary".
    std::size_t i = pos + dash_boundary.size();
    if (body.substr(i, 2) == "--") return parts;      // close delimiter; the epilogue is ignored
    while (i < body.size() && IsSpace(body[i])) ++i;  // transport padding
    if (body.substr(i, 2) != kCrlf) {
      return Bad(i >= body.size() ? "no closing delimiter" : "bad delimiter line");
    }
    i += 2;
    if (parts.size() == max_parts) return Bad("too many parts");

    std::string_view headers;
    std::size_t data_start;
    if (body.substr(i, 2) == kCrlf) {
      data_start = i + 2;  // no header lines at all
    } else {
      const std::string_view window = body.substr(i, kMaxHeaderBytes + 4);
      const std::size_t blank = window.find("\r\n\r\n");
      if (blank == std::string_view::npos) {
        return Bad(window.size() > kMaxHeaderBytes ? "part header too long"
                                                   : "no closing delimiter");
      }
      headers = window.substr(0, blank);
      data_start = i + blank + 4;
    }
    const std::size_t data_end = body.find(delimiter, data_start);
    if (data_end == std::string_view::npos) return Bad("no closing delimiter");

    FormPart part;
    XUNCHA_TRY(ParsePartHeaders(headers, part));
    part.data = std::string(body.substr(data_start, data_end - data_start));
    parts.push_back(std::move(part));
    pos = data_end + 2;
  }
}

}  // namespace xuncha::files
