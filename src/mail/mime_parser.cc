#include "mail/mime_parser.h"

#include <gmime/gmime.h>
#include <iconv.h>

#include <cerrno>
#include <exception>
#include <memory>
#include <utility>

namespace xuncha::mail {
namespace {

// ---------------------------------------------------------------------------------------------
// Errors, warnings, GMime plumbing

Error BadMime(const std::string& why) { return InvalidArgument("mime: " + why, "bad_mime"); }
Error TooBig(const std::string& why) { return InvalidArgument("mime: " + why, "mime_limits"); }

constexpr std::size_t kMaxWarnings = 32;
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kForwardSeparator = "---------- 转发的邮件 ----------";

// GB2312 and GBK are subsets of GB18030, and mail labelled with them often holds characters only
// GB18030 has; every label of this family is decoded as GB18030.
constexpr std::string_view kGbFamily[] = {
    "gb2312",  "gbk",       "cp936",      "x-gbk", "euc-cn",      "x-euc-cn", "csgb2312",
    "gb_2312", "gb2312-80", "gb_2312-80", "ms936", "windows-936", "chinese",  "gb18030"};

// What GMime tries, in order, for 8-bit header text that declares no charset.
const char* kHeaderFallbackCharsets[] = {"UTF-8", "GB18030", nullptr};

struct GObjectUnref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// An iconv descriptor from GMime's cache (g_mime_iconv_open), returned to it on destruction.
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(g_mime_iconv_open(to, from)) {}
  ~Converter() {
    if (ok()) g_mime_iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

void EnsureGMimeInitialised() {
  // A function-local static is initialised exactly once even with concurrent callers.
  static const bool initialised = [] {
    g_mime_init();
    return true;
  }();
  (void)initialised;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = g_ascii_tolower(c);
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && g_ascii_isspace(s.front())) s.remove_prefix(1);
  while (!s.empty() && g_ascii_isspace(s.back())) s.remove_suffix(1);
  return s;
}

// Attacker-controlled text inside a warning: printable ASCII only, bounded.
std::string ForLog(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out;
}

class Warnings {
 public:
  explicit Warnings(std::vector<std::string>& list) : list_(list) {}
  void Add(std::string w) {
    for (const auto& existing : list_) {
      if (existing == w) return;
    }
    if (list_.size() < kMaxWarnings) list_.push_back(std::move(w));
  }

 private:
  std::vector<std::string>& list_;
};

// ---------------------------------------------------------------------------------------------
// UTF-8

// Decodes the code point at s[i] into *cp and returns its length, or 0 for an invalid sequence
// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  std::size_t len;
  char32_t min;
  char32_t v;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, v = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, v = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, v = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b & 0x3Fu);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool IsValidUtf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Replaces each invalid byte with U+FFFD; counts them in *replaced.
std::string SanitizeUtf8(std::string_view s, std::size_t* replaced = nullptr) {
  std::string out;
  out.reserve(s.size());
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      out += kReplacementChar;
      if (replaced != nullptr) ++*replaced;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

// A single-line field (subject, name, id): valid UTF-8, control characters as spaces, trimmed.
std::string OneLine(const char* s) {
  if (s == nullptr) return {};
  std::string valid = SanitizeUtf8(s);
  std::string out;
  out.reserve(valid.size());
  char32_t cp;
  for (std::size_t i = 0; i < valid.size();) {
    std::size_t n = DecodeUtf8(valid, i, &cp);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      out += ' ';
    } else {
      out.append(valid, i, n);
    }
    i += n;
  }
  return std::string(TrimAscii(out));
}

// Body text: "\n" line ends, no control characters but tab, no trailing whitespace.
std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\n' || c == '\t') {
      out += c;
    }
  }
  while (!out.empty() && g_ascii_isspace(out.back())) out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && out[start] == '\n') ++start;
  return out.substr(start);
}

// ---------------------------------------------------------------------------------------------
// Charsets

bool IsGbFamily(std::string_view lower_label) {
  for (auto name : kGbFamily) {
    if (lower_label == name) return true;
  }
  return false;
}

bool IsNameChar(char c) {
  return g_ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '+';
}

// A plain charset or media subtype name. Only such names reach iconv_open (no "//TRANSLIT"
// suffixes, no paths) or a header we write.
bool IsPlainName(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

// Converts with GMime's iconv cache to UTF-8; each invalid or incomplete input sequence becomes
// one U+FFFD and is counted in *replaced. nullopt if no converter exists for `from`.
std::optional<std::string> ConvertToUtf8(std::string_view in, const char* from,
                                         std::size_t* replaced) {
  Converter cd("UTF-8", from);
  if (!cd.ok()) return std::nullopt;
  iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);  // cached descriptors keep shift state
  std::string out;
  out.reserve(in.size() + in.size() / 2 + 16);
  char* inp = const_cast<char*>(in.data());
  std::size_t inleft = in.size();
  char buf[4096];
  while (inleft > 0) {
    char* outp = buf;
    std::size_t outleft = sizeof buf;
    std::size_t r = iconv(cd.get(), &inp, &inleft, &outp, &outleft);
    out.append(buf, static_cast<std::size_t>(outp - buf));
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    out += kReplacementChar;
    ++*replaced;
    if (errno == EILSEQ) {
      ++inp;
      --inleft;
      iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
    } else {
      break;  // EINVAL: an incomplete sequence ends the input
    }
  }
  char* outp = buf;
  std::size_t outleft = sizeof buf;
  iconv(cd.get(), nullptr, nullptr, &outp, &outleft);
  out.append(buf, static_cast<std::size_t>(outp - buf));
  return out;
}

// Decodes body text labelled `declared` (a Content-Type charset, possibly empty) to UTF-8.
std::string ToUtf8(std::string_view bytes, std::string_view declared, Warnings& warnings) {
  std::string label = Lower(TrimAscii(declared));
  // Missing, unknown or wrong labels: UTF-8 if the bytes are valid UTF-8, else GB18030.
  auto guess = [&](const std::string& what) {
    if (IsValidUtf8(bytes)) {
      warnings.Add(what + " decoded as UTF-8");
      return std::string(bytes);
    }
    std::size_t replaced = 0;
    auto text = ConvertToUtf8(bytes, "GB18030", &replaced);
    warnings.Add(what + " decoded as GB18030");
    if (!text) return SanitizeUtf8(bytes);
    if (replaced > 0) {
      warnings.Add("GB18030: " + std::to_string(replaced) +
                   " invalid byte sequence(s) replaced with U+FFFD");
    }
    return SanitizeUtf8(*text);
  };
  if (label.empty()) return IsAscii(bytes) ? std::string(bytes) : guess("no charset declared,");
  if (label == "utf-8" || label == "utf8") {
    std::size_t replaced = 0;
    std::string text = SanitizeUtf8(bytes, &replaced);
    if (replaced > 0) {
      warnings.Add("UTF-8: " + std::to_string(replaced) + " invalid byte(s) replaced with U+FFFD");
    }
    return text;
  }
  if (label == "us-ascii" || label == "ascii") {
    return IsAscii(bytes) ? std::string(bytes) : guess("charset " + label);
  }
  // GMime would open "x-unknown" as the process locale's charset: not something to depend on.
  if (label == "x-unknown" || label == "unknown" || label == "unknown-8bit") {
    return guess("charset " + label);
  }
  if (!IsPlainName(label)) return guess("charset " + ForLog(label));
  const char* from = IsGbFamily(label) ? "GB18030" : label.c_str();
  std::size_t replaced = 0;
  auto text = ConvertToUtf8(bytes, from, &replaced);
  if (!text) return guess("charset " + label);
  if (replaced > 0) {
    warnings.Add("charset " + label + ": " + std::to_string(replaced) +
                 " invalid byte sequence(s) replaced with U+FFFD");
  }
  return SanitizeUtf8(*text);
}

enum class HeaderSyntax { kText, kParameters };

// Rewrites GB2312/GBK labels to GB18030 in RFC 2047 encoded-words ("=?gbk?B?...?=") and, in
// parameter headers, RFC 2231 values ("filename*=gbk''%D5%C5"), so that GMime decodes such text
// as GB18030: its own charset map reads "gb2312" as GBK and turns GB18030-only characters into
// "?". Sets *changed when it rewrote anything.
std::string RewriteGbLabels(std::string_view raw, HeaderSyntax syntax, bool* changed) {
  auto is_subset_label = [](std::string_view label) {
    std::string lower = Lower(label);
    return lower != "gb18030" && IsGbFamily(lower);
  };
  auto label_end = [&](std::size_t start, std::string_view stops) {
    std::size_t end = start;
    while (end < raw.size() && end - start <= 20 && stops.find(raw[end]) == std::string::npos) {
      ++end;
    }
    return end;
  };
  std::string out;
  out.reserve(raw.size() + 16);
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw.compare(i, 2, "=?") == 0) {
      // =?charset[*language]?B|Q?text?=
      std::size_t start = i + 2;
      std::size_t end = label_end(start, "?*");
      std::size_t q = raw.find('?', end);
      bool word = end < raw.size() && q != std::string_view::npos && q + 2 < raw.size() &&
                  std::string_view("BbQq").find(raw[q + 1]) != std::string_view::npos &&
                  raw[q + 2] == '?' && raw.find("?=", q + 3) != std::string_view::npos;
      if (word && is_subset_label(raw.substr(start, end - start))) {
        out += "=?gb18030";
        *changed = true;
        i = end;
        continue;
      }
    }
    if (syntax == HeaderSyntax::kParameters && raw.compare(i, 2, "*=") == 0) {
      // name*=charset'language'value, possibly quoted by lax senders
      std::size_t start = i + 2;
      if (start < raw.size() && raw[start] == '"') ++start;
      std::size_t end = label_end(start, "'");
      if (end < raw.size() && is_subset_label(raw.substr(start, end - start))) {
        out.append(raw.substr(i, start - i));
        out += "gb18030";
        *changed = true;
        i = end;
        continue;
      }
    }
    out += raw[i++];
  }
  return out;
}

const char* RawHeader(GMimeObject* object, const char* name) {
  GMimeHeaderList* list = g_mime_object_get_header_list(object);
  if (list == nullptr) return nullptr;
  GMimeHeader* header = g_mime_header_list_get_header(list, name);
  return header == nullptr ? nullptr : g_mime_header_get_raw_value(header);
}

// ---------------------------------------------------------------------------------------------
// HTML to text

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsHtmlSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Builds the text of an HTML document: whitespace collapses as a browser collapses it (except
// in <pre>), block elements and <br> end lines, table cells are separated by a space. A line
// break in the source between two CJK characters adds no space, as in CSS Text 3.
class HtmlText {
 public:
  void Char(char32_t c) {
    if (pending_space_ && !line_empty_ && !(pending_newline_ && IsWide(last_) && IsWide(c))) {
      out_ += ' ';
    }
    pending_space_ = pending_newline_ = false;
    AppendUtf8(out_, c);
    line_empty_ = false;
    last_ = c;
  }
  void Space(char32_t c) {
    if (pre_ > 0) {
      if (c == '\n') {
        LineBreak();
      } else if (c != '\r') {
        out_ += ' ';
        line_empty_ = false;
        last_ = ' ';
      }
      return;
    }
    pending_space_ = true;
    if (c == '\n') pending_newline_ = true;
  }
  void CellBreak() {
    pending_space_ = true;
    pending_newline_ = false;
  }
  void LineBreak() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    line_empty_ = true;
    pending_space_ = pending_newline_ = false;
    last_ = '\n';
  }
  void BlockBreak() {
    if (!line_empty_) LineBreak();
    pending_space_ = pending_newline_ = false;
  }
  void EnterPre() { ++pre_; }
  void LeavePre() {
    if (pre_ > 0) --pre_;
  }
  std::string Finish() {
    std::string out;
    int newlines = 0;
    for (char c : out_) {
      newlines = c == '\n' ? newlines + 1 : 0;
      if (newlines <= 2) out += c;
    }
    return out;
  }

 private:
  std::string out_;
  bool line_empty_ = true;
  bool pending_space_ = false;
  bool pending_newline_ = false;
  char32_t last_ = 0;
  int pre_ = 0;
};

bool IsBlockElement(std::string_view n) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "body",       "caption", "center",  "dd",
      "div",     "dl",      "dt",    "fieldset",   "figcaption", "figure",  "footer",  "form",
      "h1",      "h2",      "h3",    "h4",         "h5",         "h6",      "header",  "hr",
      "html",    "li",      "main",  "nav",        "ol",         "p",       "section", "table",
      "tbody",   "tfoot",   "thead", "tr",         "ul"};
  for (auto b : kBlocks) {
    if (n == b) return true;
  }
  return false;
}

// Elements whose content is not text.
bool IsSkippedElement(std::string_view n) {
  return n == "script" || n == "style" || n == "title" || n == "template" || n == "noscript" ||
         n == "object" || n == "iframe";
}

std::size_t FindCaseInsensitive(std::string_view hay, std::string_view needle, std::size_t from) {
  for (std::size_t i = hay.find('<', from); i != std::string_view::npos; i = hay.find('<', i + 1)) {
    if (hay.size() - i >= needle.size() &&
        g_ascii_strncasecmp(hay.data() + i, needle.data(), needle.size()) == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"ensp", ' '},     {"emsp", ' '},      {"thinsp", ' '},   {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"middot", 0xB7},
    {"bull", 0x2022},  {"times", 0xD7},   {"divide", 0xF7},   {"yen", 0xA5},     {"euro", 0x20AC},
    {"pound", 0xA3},   {"cent", 0xA2},    {"deg", 0xB0},      {"plusmn", 0xB1},  {"sect", 0xA7},
    {"para", 0xB6},    {"laquo", 0xAB},   {"raquo", 0xBB},    {"larr", 0x2190},  {"rarr", 0x2192},
    {"uarr", 0x2191},  {"darr", 0x2193},  {"permil", 0x2030}, {"prime", 0x2032}, {"shy", 0},
};

// Decodes the character reference at html[i] == '&' into `t`; returns the index after it. An
// unknown or malformed reference is kept as literal text.
std::size_t DecodeEntity(std::string_view html, std::size_t i, HtmlText& t) {
  std::size_t j = i + 1;
  if (j < html.size() && html[j] == '#') {
    ++j;
    bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
    if (hex) ++j;
    std::size_t start = j;
    unsigned long value = 0;
    while (j < html.size() && j - start < 8 &&
           (hex ? g_ascii_isxdigit(html[j]) : g_ascii_isdigit(html[j]))) {
      value =
          value * (hex ? 16 : 10) + static_cast<unsigned long>(hex ? g_ascii_xdigit_value(html[j])
                                                                   : g_ascii_digit_value(html[j]));
      ++j;
    }
    if (j == start) {
      t.Char('&');
      return i + 1;
    }
    while (j < html.size() && (hex ? g_ascii_isxdigit(html[j]) : g_ascii_isdigit(html[j]))) {
      value = 0x110000;  // more than 8 digits: out of range
      ++j;
    }
    if (j < html.size() && html[j] == ';') ++j;
    char32_t cp = static_cast<char32_t>(value);
    if (IsHtmlSpace(cp)) {
      t.Space(cp);
    } else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ||
               value < 0x20 || (value >= 0x7F && value < 0xA0)) {
      t.Char(0xFFFD);
    } else {
      t.Char(cp);
    }
    return j;
  }
  std::size_t start = j;
  while (j < html.size() && j - start <= 10 && g_ascii_isalnum(html[j])) ++j;
  if (j < html.size() && html[j] == ';' && j > start) {
    std::string_view name = html.substr(start, j - start);
    for (const auto& e : kEntities) {
      if (e.name == name) {
        if (e.cp != 0) t.Char(e.cp);
        return j + 1;
      }
    }
  }
  t.Char('&');
  return i + 1;
}

std::string HtmlToText(std::string_view html) {
  HtmlText t;
  std::size_t i = 0;
  const std::size_t n = html.size();
  while (i < n) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? n : end + 3;
        continue;
      }
      if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
        std::size_t end = html.find('>', i);
        i = end == std::string_view::npos ? n : end + 1;
        continue;
      }
      std::size_t j = i + 1;
      bool closing = j < n && html[j] == '/';
      if (closing) ++j;
      std::size_t name_start = j;
      while (j < n && g_ascii_isalnum(html[j])) ++j;
      if (j == name_start || !g_ascii_isalpha(html[name_start])) {
        t.Char('<');  // not a tag
        ++i;
        continue;
      }
      std::string name = Lower(html.substr(name_start, j - name_start));
      char quote = 0;
      while (j < n && (quote != 0 || html[j] != '>')) {
        if (quote != 0) {
          if (html[j] == quote) quote = 0;
        } else if (html[j] == '"' || html[j] == '\'') {
          quote = html[j];
        }
        ++j;
      }
      i = j < n ? j + 1 : n;
      if (!closing && IsSkippedElement(name)) {
        std::size_t end = FindCaseInsensitive(html, "</" + name, i);
        std::size_t gt = end == std::string_view::npos ? end : html.find('>', end);
        i = gt == std::string_view::npos ? n : gt + 1;
      } else if (name == "br") {
        t.LineBreak();
      } else if (name == "td" || name == "th") {
        if (!closing) t.CellBreak();
      } else if (name == "pre") {
        t.BlockBreak();
        if (closing) {
          t.LeavePre();
        } else {
          t.EnterPre();
        }
      } else if (IsBlockElement(name)) {
        t.BlockBreak();
      }
      continue;
    }
    if (c == '&') {
      i = DecodeEntity(html, i, t);
      continue;
    }
    char32_t cp;
    std::size_t len = DecodeUtf8(html, i, &cp);
    if (len == 0) {
      cp = 0xFFFD;
      len = 1;
    }
    if (IsHtmlSpace(cp)) {
      t.Space(cp);
    } else {
      t.Char(cp);
    }
    i += len;
  }
  return t.Finish();
}

// The charset an HTML document declares in a <meta> element, or "".
std::string SniffHtmlCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  for (std::size_t at = head.find("charset"); at != std::string::npos;
       at = head.find("charset", at + 1)) {
    std::size_t j = at + 7;
    while (j < head.size() && head[j] == ' ') ++j;
    if (j >= head.size() || head[j] != '=') continue;
    ++j;
    while (j < head.size() && (head[j] == ' ' || head[j] == '"' || head[j] == '\'')) ++j;
    std::size_t start = j;
    while (j < head.size() && IsNameChar(head[j])) ++j;
    if (j > start) return head.substr(start, j - start);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Attachment names

bool IsUnsafeInFilename(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ||              // control characters
         c == 0x200B || c == 0x200E || c == 0x200F ||                     // zero width, LRM, RLM
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||  // bidi overrides
         c == 0xFEFF;
}

// A base name that is safe to show and to store under: the part after the last '/' or '\\', no
// control, zero-width or bidi characters (so "invoice<RLO>fdp.exe" cannot pose as a PDF),
// Windows-reserved characters as '_', no leading or trailing dots and spaces, at most 100 code
// points keeping the extension; "附件N" when nothing is left.
std::string SafeFilename(std::string_view name, std::size_t n) {
  std::string valid = SanitizeUtf8(name);
  std::size_t slash = valid.find_last_of("/\\");
  std::string_view base = slash == std::string::npos ? std::string_view(valid)
                                                     : std::string_view(valid).substr(slash + 1);
  std::vector<char32_t> cps;
  char32_t cp;
  for (std::size_t i = 0; i < base.size();) {
    std::size_t len = DecodeUtf8(base, i, &cp);
    i += len;
    if (IsUnsafeInFilename(cp)) continue;
    if (cp == '<' || cp == '>' || cp == ':' || cp == '"' || cp == '|' || cp == '?' || cp == '*') {
      cp = '_';
    }
    cps.push_back(cp);
  }
  auto trimmable = [](char32_t c) { return c == '.' || c == ' ' || c == 0x3000 || c == '\t'; };
  std::size_t begin = 0;
  std::size_t end = cps.size();
  while (begin < end && trimmable(cps[begin])) ++begin;
  while (end > begin && trimmable(cps[end - 1])) --end;
  std::vector<char32_t> kept(cps.begin() + static_cast<std::ptrdiff_t>(begin),
                             cps.begin() + static_cast<std::ptrdiff_t>(end));
  constexpr std::size_t kMax = 100;
  if (kept.size() > kMax) {
    std::size_t ext = 0;  // length of ".ext", if short enough to keep
    for (std::size_t k = kept.size(); k-- > 0 && kept.size() - k <= 16;) {
      if (kept[k] == '.') {
        ext = kept.size() - k;
        break;
      }
    }
    std::vector<char32_t> cut(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(kMax - ext));
    cut.insert(cut.end(), kept.end() - static_cast<std::ptrdiff_t>(ext), kept.end());
    kept = std::move(cut);
  }
  std::string out;
  for (char32_t c : kept) AppendUtf8(out, c);
  if (out.empty()) out = "附件" + std::to_string(n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pre-scan

bool LooksLikeHeaderField(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == ':') return false;
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  return !name.empty() && name.find_first_of(" \t") == std::string_view::npos;
}

Status PreScan(std::string_view raw, const MimeLimits& limits) {
  std::size_t delimiters = 0;
  std::size_t fields = 0;
  for (std::size_t pos = 0; pos < raw.size();) {
    std::size_t eol = raw.find('\n', pos);
    if (eol == std::string_view::npos) eol = raw.size();
    std::string_view line = raw.substr(pos, eol - pos);
    if (line.size() >= 2 && line[0] == '-' && line[1] == '-') {
      ++delimiters;
    } else if (LooksLikeHeaderField(line)) {
      ++fields;
    }
    pos = eol + 1;
  }
  if (delimiters > limits.max_delimiter_lines) {
    return TooBig(std::to_string(delimiters) + " lines starting with \"--\"");
  }
  if (fields > limits.max_header_lines) {
    return TooBig(std::to_string(fields) + " lines that look like header fields");
  }
  return Ok();
}

// ---------------------------------------------------------------------------------------------
// The walk over GMime's tree

struct Sender {
  std::string name;
  std::string address;
};

class MailReader {
 public:
  MailReader(const MimeLimits& limits, ParsedMail& out)
      : limits_(limits), out_(out), warnings_(out.warnings) {}

  GMimeParserOptions* options() const { return options_.get(); }
  bool nesting_overflow() const { return nesting_overflow_; }

  void OnGMimeWarning(GMimeParserWarning code, const char* item) {
    // Warnings are stored in the clear (mail_messages.warnings) and listed to staff: only a
    // header *name* may follow the kind. Values (addresses, subjects, parameters such as file
    // names) could name the sender, so they are never copied into a warning.
    std::string what = item == nullptr ? std::string() : " " + ForLog(item);
    switch (code) {
      case GMIME_WARN_DUPLICATED_HEADER:
        return warnings_.Add("duplicated header" + what);
      case GMIME_WARN_DUPLICATED_PARAMETER:
        return warnings_.Add("duplicated parameter");
      case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return warnings_.Add("unencoded 8-bit header");
      case GMIME_WARN_INVALID_CONTENT_TYPE:
        return warnings_.Add("invalid Content-Type");
      case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return warnings_.Add("invalid RFC 2047 encoded-word");
      case GMIME_WARN_MALFORMED_MULTIPART:
        return warnings_.Add("malformed multipart");
      case GMIME_WARN_TRUNCATED_MESSAGE:
        return warnings_.Add("message truncated");
      case GMIME_WARN_MALFORMED_MESSAGE:
        return warnings_.Add("malformed message");
      case GMIME_CRIT_INVALID_HEADER_NAME:
        return warnings_.Add("invalid header line");
      case GMIME_CRIT_CONFLICTING_HEADER:
        return warnings_.Add("conflicting header" + what);
      case GMIME_CRIT_CONFLICTING_PARAMETER:
        return warnings_.Add("conflicting parameter");
      case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return warnings_.Add("multipart without boundary");
      case GMIME_WARN_INVALID_PARAMETER:
        return warnings_.Add("invalid parameter");
      case GMIME_WARN_INVALID_ADDRESS_LIST:
        return warnings_.Add("invalid address list");
      case GMIME_CRIT_NESTING_OVERFLOW:
        nesting_overflow_ = true;
        return;
      case GMIME_WARN_PART_WITHOUT_CONTENT:
      case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return warnings_.Add("part without content");
    }
    warnings_.Add("GMime warning " + std::to_string(static_cast<int>(code)));
  }

  // Counts every object under `object` (at nesting `depth`) against the limits.
  Status CheckTree(GMimeObject* object, int depth) {
    if (object == nullptr) return Ok();
    if (++parts_ > limits_.max_parts) {
      return TooBig("more than " + std::to_string(limits_.max_parts) + " parts");
    }
    if (depth > limits_.max_depth) {
      return TooBig("nested deeper than " + std::to_string(limits_.max_depth));
    }
    if (GMIME_IS_MULTIPART(object)) {
      auto* multipart = GMIME_MULTIPART(object);
      int count = g_mime_multipart_get_count(multipart);
      for (int k = 0; k < count; ++k) {
        XUNCHA_TRY(CheckTree(g_mime_multipart_get_part(multipart, k), depth + 1));
      }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner != nullptr) XUNCHA_TRY(CheckTree(g_mime_message_get_mime_part(inner), depth + 1));
    }
    return Ok();
  }

  std::string Subject(GMimeMessage* message) {
    if (const char* raw = RawHeader(GMIME_OBJECT(message), "Subject")) {
      bool changed = false;
      std::string fixed = RewriteGbLabels(raw, HeaderSyntax::kText, &changed);
      if (changed) {
        GCharPtr unfolded(g_mime_utils_header_unfold(fixed.c_str()));
        GCharPtr decoded(g_mime_utils_header_decode_text(options(), unfolded.get()));
        return OneLine(decoded.get());
      }
    }
    return OneLine(g_mime_message_get_subject(message));
  }

  Sender From(GMimeMessage* message) {
    InternetAddressList* list = g_mime_message_get_from(message);
    GObjectPtr<InternetAddressList> reparsed;
    if (const char* raw = RawHeader(GMIME_OBJECT(message), "From")) {
      bool changed = false;
      std::string fixed = RewriteGbLabels(raw, HeaderSyntax::kText, &changed);
      if (changed) {
        reparsed.reset(internet_address_list_parse(options(), fixed.c_str()));
        list = reparsed.get();
      }
    }
    Sender sender;
    if (list == nullptr || internet_address_list_length(list) == 0) return sender;
    InternetAddress* address = internet_address_list_get_address(list, 0);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      InternetAddressList* members =
          internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
      if (members == nullptr || internet_address_list_length(members) == 0) return sender;
      address = internet_address_list_get_address(members, 0);
    }
    sender.name = OneLine(internet_address_get_name(address));
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      sender.address =
          OneLine(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
    }
    return sender;
  }

  // The text of a message: its body, then each forwarded message.
  Result<std::string> MessageText(GMimeMessage* message, int depth) {
    Collected collected;
    XUNCHA_TRY(Visit(g_mime_message_get_mime_part(message), depth, collected));
    std::string text = CleanText(collected.body);
    for (const auto& forward : collected.forwards) {
      if (!text.empty()) text += "\n\n";
      text += forward;
    }
    return text;
  }

 private:
  struct Collected {
    std::string body;
    std::vector<std::string> forwards;
  };

  Status Visit(GMimeObject* object, int depth, Collected& collected) {
    if (object == nullptr) return Ok();
    if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner == nullptr) {
        warnings_.Add("empty forwarded message");
        return Ok();
      }
      XUNCHA_ASSIGN_OR_RETURN(std::string block, ForwardBlock(inner, depth + 1));
      collected.forwards.push_back(std::move(block));
      return Ok();
    }
    if (GMIME_IS_MULTIPART(object)) {
      auto* multipart = GMIME_MULTIPART(object);
      int count = g_mime_multipart_get_count(multipart);
      if (count == 0) return VisitEmptyMultipart(multipart, depth, collected);
      GMimeContentType* type = g_mime_object_get_content_type(object);
      if (type != nullptr && g_mime_content_type_is_type(type, "multipart", "alternative")) {
        return Visit(ChooseAlternative(multipart), depth + 1, collected);
      }
      for (int k = 0; k < count; ++k) {
        XUNCHA_TRY(Visit(g_mime_multipart_get_part(multipart, k), depth + 1, collected));
      }
      return Ok();
    }
    if (GMIME_IS_PART(object)) return VisitLeaf(GMIME_PART(object), collected);
    return Ok();
  }

  static bool IsAttachment(GMimeObject* object) {
    if (const char* disposition = g_mime_object_get_disposition(object)) {
      if (g_ascii_strcasecmp(disposition, GMIME_DISPOSITION_ATTACHMENT) == 0) return true;
      if (g_ascii_strcasecmp(disposition, GMIME_DISPOSITION_INLINE) == 0) return false;
    }
    const char* filename =
        GMIME_IS_PART(object) ? g_mime_part_get_filename(GMIME_PART(object)) : nullptr;
    return filename != nullptr && *filename != '\0';
  }

  static bool IsBodyText(GMimeObject* object, const char* subtype) {
    GMimeContentType* type = g_mime_object_get_content_type(object);
    return GMIME_IS_PART(object) && type != nullptr &&
           g_mime_content_type_is_type(type, "text", subtype) && !IsAttachment(object);
  }

  // text/plain, else text/html, else a nested multipart (e.g. multipart/related), else the last.
  static GMimeObject* ChooseAlternative(GMimeMultipart* multipart) {
    int count = g_mime_multipart_get_count(multipart);
    GMimeObject* html = nullptr;
    GMimeObject* nested = nullptr;
    for (int k = 0; k < count; ++k) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, k);
      if (IsBodyText(child, "plain")) return child;
      if (html == nullptr && IsBodyText(child, "html")) html = child;
      if (nested == nullptr && GMIME_IS_MULTIPART(child)) nested = child;
    }
    if (html != nullptr) return html;
    if (nested != nullptr) return nested;
    return g_mime_multipart_get_part(multipart, count - 1);
  }

  // A multipart in which GMime found no part: usually the declared boundary is not the one the
  // body uses. Retry with the boundary of the first "--" line; failing that, keep the raw content
  // as text so that nothing the sender wrote is lost.
  Status VisitEmptyMultipart(GMimeMultipart* multipart, int depth, Collected& collected) {
    const char* prologue = g_mime_multipart_get_prologue(multipart);
    if (prologue == nullptr || *prologue == '\0') return Ok();
    std::string_view content(prologue);
    std::string boundary = FirstBoundaryLine(content);
    if (!boundary.empty()) {
      GMimeContentType* type = g_mime_object_get_content_type(GMIME_OBJECT(multipart));
      const char* subtype = type == nullptr ? nullptr : g_mime_content_type_get_media_subtype(type);
      std::string retry =
          "Content-Type: multipart/" +
          std::string(subtype != nullptr && IsPlainName(subtype) ? subtype : "mixed") +
          "; boundary=\"" + boundary + "\"\n\n" + std::string(content);
      GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(retry.data(), retry.size()));
      GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
      GObjectPtr<GMimeObject> part(g_mime_parser_construct_part(parser.get(), options()));
      if (part != nullptr && GMIME_IS_MULTIPART(part.get()) &&
          g_mime_multipart_get_count(GMIME_MULTIPART(part.get())) > 0) {
        warnings_.Add("multipart boundary not found; used \"" + ForLog(boundary) +
                      "\" from the body");
        --parts_;  // the retried multipart replaces the empty one, already counted
        XUNCHA_TRY(CheckTree(part.get(), depth));
        return Visit(part.get(), depth, collected);
      }
    }
    warnings_.Add("multipart without parts; its raw content kept as text");
    AppendBody(collected, ToUtf8(content, "", warnings_));
    return Ok();
  }

  // The boundary of the first line "--boundary" in `content`, if it is a valid RFC 2046 boundary.
  static std::string FirstBoundaryLine(std::string_view content) {
    for (std::size_t pos = 0; pos < content.size();) {
      std::size_t eol = content.find('\n', pos);
      if (eol == std::string_view::npos) eol = content.size();
      std::string_view line = TrimAscii(content.substr(pos, eol - pos));
      pos = eol + 1;
      if (line.size() < 3 || line.compare(0, 2, "--") != 0) continue;
      std::string_view boundary = line.substr(2);
      if (boundary.size() > 70) return {};
      for (char c : boundary) {
        if (!g_ascii_isalnum(c) && std::string_view("'()+_,-./:=? ").find(c) == std::string::npos) {
          return {};
        }
      }
      return std::string(boundary);
    }
    return {};
  }

  static void AppendBody(Collected& collected, const std::string& text) {
    std::string clean = CleanText(text);
    if (clean.empty()) return;
    if (!collected.body.empty()) collected.body += '\n';
    collected.body += clean;
  }

  Status VisitLeaf(GMimePart* part, Collected& collected) {
    auto* object = GMIME_OBJECT(part);
    bool plain = IsBodyText(object, "plain");
    bool html = !plain && IsBodyText(object, "html");
    std::string bytes = DecodedContent(part);
    if (plain || html) {
      const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
      std::string declared = charset == nullptr ? std::string() : charset;
      if (html && declared.empty()) declared = SniffHtmlCharset(bytes);
      std::string text = ToUtf8(bytes, declared, warnings_);
      AppendBody(collected, html ? HtmlToText(text) : text);
      return Ok();
    }
    attachment_bytes_ += bytes.size();
    if (attachment_bytes_ > limits_.max_attachment_bytes) {
      return TooBig("attachments larger than " + std::to_string(limits_.max_attachment_bytes) +
                    " bytes");
    }
    MailAttachment attachment;
    attachment.filename = SafeFilename(Filename(part), out_.attachments.size() + 1);
    GMimeContentType* type = g_mime_object_get_content_type(object);
    GCharPtr mime_type(type == nullptr ? nullptr : g_mime_content_type_get_mime_type(type));
    attachment.content_type =
        mime_type == nullptr ? "application/octet-stream" : Lower(OneLine(mime_type.get()));
    attachment.data = std::move(bytes);
    out_.attachments.push_back(std::move(attachment));
    return Ok();
  }

  // The part's content with its transfer encoding (base64, quoted-printable, uuencode) undone.
  static std::string DecodedContent(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (content == nullptr) return {};
    GObjectPtr<GMimeStream> sink(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(content, sink.get()) < 0) return {};
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
    if (bytes == nullptr || bytes->len == 0) return {};
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
  }

  // The part's file name as GMime decodes it (Content-Disposition filename, else Content-Type
  // name; RFC 2231 and RFC 2047), re-decoded when a GB2312/GBK label must be read as GB18030.
  std::string Filename(GMimePart* part) {
    auto* object = GMIME_OBJECT(part);
    if (const char* raw = RawHeader(object, "Content-Disposition")) {
      bool changed = false;
      std::string fixed = RewriteGbLabels(raw, HeaderSyntax::kParameters, &changed);
      if (changed) {
        GObjectPtr<GMimeContentDisposition> disposition(
            g_mime_content_disposition_parse(options(), fixed.c_str()));
        const char* name = disposition == nullptr ? nullptr
                                                  : g_mime_content_disposition_get_parameter(
                                                        disposition.get(), "filename");
        if (name != nullptr && *name != '\0') return name;
      }
    }
    if (const char* raw = RawHeader(object, "Content-Type")) {
      bool changed = false;
      std::string fixed = RewriteGbLabels(raw, HeaderSyntax::kParameters, &changed);
      if (changed) {
        GObjectPtr<GMimeContentType> type(g_mime_content_type_parse(options(), fixed.c_str()));
        const char* name =
            type == nullptr ? nullptr : g_mime_content_type_get_parameter(type.get(), "name");
        if (name != nullptr && *name != '\0') return name;
      }
    }
    const char* name = g_mime_part_get_filename(part);
    return name == nullptr ? std::string() : std::string(name);
  }

  Result<std::string> ForwardBlock(GMimeMessage* message, int depth) {
    std::string block(kForwardSeparator);
    Sender sender = From(message);
    std::string from = sender.name;
    if (!sender.address.empty()) {
      from += from.empty() ? sender.address : " <" + sender.address + ">";
    }
    if (!from.empty()) block += "\n发件人: " + from;
    std::string subject = Subject(message);
    if (!subject.empty()) block += "\n主题: " + subject;
    if (GDateTime* date = g_mime_message_get_date(message)) {
      GCharPtr formatted(g_date_time_format(date, "%Y-%m-%d %H:%M:%S %z"));
      if (formatted != nullptr) block += "\n日期: " + OneLine(formatted.get());
    }
    XUNCHA_ASSIGN_OR_RETURN(std::string text, MessageText(message, depth));
    if (!text.empty()) block += "\n\n" + text;
    return block;
  }

  const MimeLimits& limits_;
  ParsedMail& out_;
  Warnings warnings_;
  ParserOptionsPtr options_{NewOptions(this)};
  bool nesting_overflow_ = false;
  std::size_t parts_ = 0;
  std::size_t attachment_bytes_ = 0;

  static void OnWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item,
                        gpointer user_data) {
    try {
      static_cast<MailReader*>(user_data)->OnGMimeWarning(code, item);
    } catch (...) {  // nothing may unwind through GMime's C frames
    }
  }

  static GMimeParserOptions* NewOptions(MailReader* reader) {
    GMimeParserOptions* options = g_mime_parser_options_new();
    g_mime_parser_options_set_fallback_charsets(options, kHeaderFallbackCharsets);
    g_mime_parser_options_set_warning_callback(options, &MailReader::OnWarning, reader);
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_allow_addresses_without_domain(options, TRUE);
    return options;
  }
};

Result<ParsedMail> Parse(std::string_view raw, const MimeLimits& limits) {
  if (TrimAscii(raw).empty()) return BadMime("empty input");
  XUNCHA_TRY(PreScan(raw, limits));
  EnsureGMimeInitialised();

  ParsedMail mail;
  MailReader reader(limits, mail);
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), reader.options()));
  if (message == nullptr) return BadMime("not a message");
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
  if (headers == nullptr || g_mime_header_list_get_count(headers) == 0) {
    return BadMime("no header fields");
  }
  if (reader.nesting_overflow()) return TooBig("nested deeper than GMime allows");
  XUNCHA_TRY(reader.CheckTree(g_mime_message_get_mime_part(message.get()), 0));

  mail.message_id = OneLine(g_mime_message_get_message_id(message.get()));
  Sender from = reader.From(message.get());
  mail.from_name = std::move(from.name);
  mail.from_address = std::move(from.address);
  mail.subject = reader.Subject(message.get());
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    mail.date = static_cast<UnixSeconds>(g_date_time_to_unix(date));
  }
  XUNCHA_ASSIGN_OR_RETURN(mail.text, reader.MessageText(message.get(), 0));
  return mail;
}

}  // namespace

Result<ParsedMail> ParseMail(std::string_view raw, const MimeLimits& limits) {
  try {
    return Parse(raw, limits);
  } catch (const std::exception& e) {  // std::bad_alloc; GMime itself never throws
    return Internal(std::string("mime: ") + e.what());
  }
}

}  // namespace xuncha::mail
