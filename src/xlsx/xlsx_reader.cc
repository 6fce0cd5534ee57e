#include "xlsx/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <memory>

namespace xuncha::xlsx {
namespace {

Error Bad(const std::string& why) { return InvalidArgument("xlsx: " + why, "bad_xlsx"); }

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

Result<std::string> ReadPart(zip_t* z, const char* name, std::size_t max_bytes, bool required) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name, 0, &st) != 0) {
    if (!required) return std::string();
    return Bad(std::string("missing part ") + name);
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > max_bytes) return Bad("part too large");
  zip_file_t* f = zip_fopen(z, name, 0);
  if (f == nullptr) return Bad(std::string("cannot open part ") + name);
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), out.size());
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return Bad("short read");
  return out;
}

// Column index of a cell reference such as "AB12" (0-based), or -1.
long ColumnOf(const char* ref) {
  long col = 0;
  int letters = 0;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + (*p - 'A' + 1);
    if (++letters > 3) return -1;
  }
  return letters == 0 ? -1 : col - 1;
}

const char* Attr(const char** attrs, const char* name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (std::string_view(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

// Strips a namespace prefix: "x:si" -> "si".
std::string_view Local(const char* name) {
  std::string_view s(name);
  auto colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

struct SharedStringsState {
  std::vector<std::string> strings;
  bool in_si = false;
  bool in_t = false;
  int rph_depth = 0;  // phonetic runs (<rPh>) are not part of the text
  std::string current;
  std::size_t max_count;
  bool overflow = false;
};

void XMLCALL SsStart(void* data, const char* name, const char** /*attrs*/) {
  auto* s = static_cast<SharedStringsState*>(data);
  auto n = Local(name);
  if (n == "si") {
    s->in_si = true;
    s->current.clear();
  } else if (n == "rPh") {
    ++s->rph_depth;
  } else if (n == "t" && s->in_si && s->rph_depth == 0) {
    s->in_t = true;
  }
}
void XMLCALL SsEnd(void* data, const char* name) {
  auto* s = static_cast<SharedStringsState*>(data);
  auto n = Local(name);
  if (n == "si") {
    s->in_si = false;
    if (s->strings.size() >= s->max_count) {
      s->overflow = true;
    } else {
      s->strings.push_back(s->current);
    }
  } else if (n == "rPh") {
    --s->rph_depth;
  } else if (n == "t") {
    s->in_t = false;
  }
}
void XMLCALL SsText(void* data, const char* text, int len) {
  auto* s = static_cast<SharedStringsState*>(data);
  if (s->in_t) s->current.append(text, static_cast<std::size_t>(len));
}

struct SheetState {
  const std::vector<std::string>* shared;
  const ReadLimits* limits;
  std::vector<std::vector<std::string>> rows;
  long row = -1;
  long col = -1;
  std::string type;
  std::string value;
  bool in_value = false;
  bool in_inline_t = false;
  bool error = false;
  std::string why;
};

void XMLCALL SheetStart(void* data, const char* name, const char** attrs) {
  auto* s = static_cast<SheetState*>(data);
  auto n = Local(name);
  if (n == "row") {
    const char* r = Attr(attrs, "r");
    long idx = r != nullptr ? std::strtol(r, nullptr, 10) - 1 : s->row + 1;
    if (idx < 0 || static_cast<std::size_t>(idx) >= s->limits->max_rows) {
      s->error = true;
      s->why = "too many rows";
      return;
    }
    s->row = idx;
    s->col = -1;
  } else if (n == "c") {
    const char* r = Attr(attrs, "r");
    s->col = r != nullptr ? ColumnOf(r) : s->col + 1;
    const char* t = Attr(attrs, "t");
    s->type = t != nullptr ? t : "n";
    s->value.clear();
  } else if (n == "v") {
    s->in_value = true;
  } else if (n == "t" && s->type == "inlineStr") {
    s->in_inline_t = true;
  }
}

void XMLCALL SheetEnd(void* data, const char* name) {
  auto* s = static_cast<SheetState*>(data);
  auto n = Local(name);
  if (n == "v") {
    s->in_value = false;
  } else if (n == "t") {
    s->in_inline_t = false;
  } else if (n == "c") {
    if (s->row < 0 || s->col < 0) return;
    if (static_cast<std::size_t>(s->col) >= s->limits->max_cols) return;  // ignore far columns
    std::string text = s->value;
    if (s->type == "s") {
      char* end = nullptr;
      long idx = std::strtol(s->value.c_str(), &end, 10);
      if (end == s->value.c_str() || idx < 0 ||
          static_cast<std::size_t>(idx) >= s->shared->size()) {
        s->error = true;
        s->why = "bad shared string index";
        return;
      }
      text = (*s->shared)[static_cast<std::size_t>(idx)];
    }
    auto r = static_cast<std::size_t>(s->row);
    auto c = static_cast<std::size_t>(s->col);
    if (s->rows.size() <= r) s->rows.resize(r + 1);
    if (s->rows[r].size() <= c) s->rows[r].resize(c + 1);
    s->rows[r][c] = std::move(text);
  }
}

void XMLCALL SheetText(void* data, const char* text, int len) {
  auto* s = static_cast<SheetState*>(data);
  if (s->in_value || s->in_inline_t) s->value.append(text, static_cast<std::size_t>(len));
}

template <typename State>
Status ParseXml(const std::string& xml, State& state, XML_StartElementHandler start,
                XML_EndElementHandler end, XML_CharacterDataHandler text) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (p == nullptr) return Internal("expat: out of memory");
  XML_SetUserData(p, &state);
  XML_SetElementHandler(p, start, end);
  XML_SetCharacterDataHandler(p, text);
  // No DTDs or external entities are ever needed in xlsx; expat 2.5 also guards against
  // billion-laughs amplification by default.
  XML_Status st = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  std::string why = st == XML_STATUS_OK ? "" : XML_ErrorString(XML_GetErrorCode(p));
  XML_ParserFree(p);
  if (st != XML_STATUS_OK) return Bad("xml: " + why);
  return Ok();
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ReadFirstSheet(std::string_view bytes,
                                                             const ReadLimits& limits) {
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") return Bad("not a zip container");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) return Bad("zip source");
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (raw == nullptr) {
    zip_source_free(src);
    zip_error_fini(&err);
    return Bad("not a zip container");
  }
  std::unique_ptr<zip_t, ZipCloser> z(raw);
  XUNCHA_ASSIGN_OR_RETURN(std::string ss_xml,
                          ReadPart(z.get(), "xl/sharedStrings.xml", limits.max_part_bytes, false));
  XUNCHA_ASSIGN_OR_RETURN(std::string sheet_xml, ReadPart(z.get(), "xl/worksheets/sheet1.xml",
                                                          limits.max_part_bytes, true));
  SharedStringsState ss;
  ss.max_count = limits.max_rows * limits.max_cols;
  if (!ss_xml.empty()) {
    XUNCHA_TRY(ParseXml(ss_xml, ss, SsStart, SsEnd, SsText));
    if (ss.overflow) return Bad("too many strings");
  }
  SheetState sheet;
  sheet.shared = &ss.strings;
  sheet.limits = &limits;
  XUNCHA_TRY(ParseXml(sheet_xml, sheet, SheetStart, SheetEnd, SheetText));
  if (sheet.error) return Bad(sheet.why);
  return std::move(sheet.rows);
}

}  // namespace xuncha::xlsx
