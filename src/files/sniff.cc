#include "files/sniff.h"

#include <magic.h>

#include <algorithm>
#include <array>
#include <utility>

namespace xuncha::files {
namespace {

// Compression is not looked into (a .gz is refused as what it is, and nothing is inflated), ELF
// details are not read; CSV and JSON checks are off so that such text stays "text/plain" (and
// they are the slowest text checks).
constexpr int kMagicFlags = MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF |
                            MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_JSON;

class MagicHandle {
 public:
  MagicHandle() : cookie_(magic_open(kMagicFlags)) {
    if (cookie_ == nullptr) {
      error_ = "magic_open failed";
    } else if (magic_load(cookie_, nullptr) != 0) {
      const char* e = magic_error(cookie_);
      error_ = std::string("magic_load: ") + (e != nullptr ? e : "unknown error");
      magic_close(cookie_);
      cookie_ = nullptr;
    }
  }
  ~MagicHandle() {
    if (cookie_ != nullptr) magic_close(cookie_);
  }
  MagicHandle(const MagicHandle&) = delete;
  MagicHandle& operator=(const MagicHandle&) = delete;

  Result<std::string> Type(std::string_view bytes) {
    if (cookie_ == nullptr) return Internal(error_);
    const char* t = magic_buffer(cookie_, bytes.data(), bytes.size());
    if (t == nullptr) {
      const char* e = magic_error(cookie_);
      return Internal(std::string("magic_buffer: ") + (e != nullptr ? e : "unknown error"));
    }
    // Only the type itself: some checks append detail ("..., no program header").
    std::string_view type(t);
    return std::string(type.substr(0, type.find_first_of(" ,;")));
  }

 private:
  magic_t cookie_;
  std::string error_;
};

constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kDocm = "application/vnd.ms-word.document.macroEnabled.12";
constexpr std::string_view kXlsm = "application/vnd.ms-excel.sheet.macroEnabled.12";

constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kExtensions = {{
    {"image/jpeg", "jpg"},
    {"image/png", "png"},
    {"image/gif", "gif"},
    {"image/webp", "webp"},
    {"application/pdf", "pdf"},
    {"text/plain", "txt"},
    {"audio/mpeg", "mp3"},
    {"audio/x-wav", "wav"},
    {"audio/wav", "wav"},
    {"audio/mp4", "m4a"},
    {"video/mp4", "mp4"},
    {kDocx, "docx"},
    {kXlsx, "xlsx"},
    {kDocm, "docm"},
    {kXlsm, "xlsm"},
    {"application/msword", "doc"},
    {"application/vnd.ms-excel", "xls"},
    {"application/zip", "zip"},
}};

std::string ExtensionOf(std::string_view mime) {
  for (const auto& [m, ext] : kExtensions) {
    if (m == mime) return std::string(ext);
  }
  return "";
}

std::uint32_t Le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
std::uint32_t Le32(std::string_view b, std::size_t at) {
  return Le16(b, at) | Le16(b, at + 2) << 16;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
                    [](char a, char b) {
                      auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
                      return lower(a) == lower(b);
                    });
}

// What the central directory of a zip says. Only the directory is read: nothing is inflated and
// no local header is trusted, so the cost is bounded by the directory's size.
struct ZipFacts {
  bool readable = false;  // a single-disk, non-zip64 directory that parses to its end
  bool content_types = false;
  bool word_document = false;
  bool workbook = false;
  bool macros = false;
  std::uint64_t unpacked = 0;
};

ZipFacts ReadZipDirectory(std::string_view b) {
  ZipFacts f;
  constexpr std::size_t kEocdSize = 22;
  if (b.size() < kEocdSize) return f;
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  std::size_t eocd = std::string_view::npos;
  const std::size_t lowest = b.size() - kEocdSize > 0xFFFF ? b.size() - kEocdSize - 0xFFFF : 0;
  for (std::size_t at = b.size() - kEocdSize + 1; at-- > lowest;) {
    if (Le32(b, at) == 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string_view::npos) return f;
  const std::uint32_t disk = Le16(b, eocd + 4), cd_disk = Le16(b, eocd + 6);
  const std::uint32_t on_disk = Le16(b, eocd + 8), entries = Le16(b, eocd + 10);
  const std::uint64_t cd_size = Le32(b, eocd + 12), cd_offset = Le32(b, eocd + 16);
  if (disk != 0 || cd_disk != 0 || on_disk != entries) return f;
  if (entries == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) return f;  // zip64
  if (cd_offset + cd_size > eocd) return f;

  std::size_t at = static_cast<std::size_t>(cd_offset);
  const std::size_t end = static_cast<std::size_t>(cd_offset + cd_size);
  constexpr std::size_t kEntrySize = 46;
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (end - at < kEntrySize || Le32(b, at) != 0x02014b50) return f;
    const std::uint32_t unpacked = Le32(b, at + 24);
    const std::size_t name_len = Le16(b, at + 28);
    const std::size_t rest = name_len + Le16(b, at + 30) + Le16(b, at + 32);
    if (unpacked == 0xFFFFFFFF) return f;  // zip64 sizes
    if (end - at - kEntrySize < rest) return f;
    const std::string_view name = b.substr(at + kEntrySize, name_len);
    f.unpacked += unpacked;
    if (name == "[Content_Types].xml") f.content_types = true;
    if (name == "word/document.xml") f.word_document = true;
    if (name == "xl/workbook.xml") f.workbook = true;
    if (EndsWithNoCase(name, "vbaProject.bin")) f.macros = true;
    at += kEntrySize + rest;
  }
  f.readable = true;
  return f;
}

// The type of a zip container: an OOXML document or workbook by its parts, the macro-enabled
// variant when it carries VBA, otherwise libmagic's answer unless that claimed OOXML.
std::string ZipType(std::string magic_type, const ZipFacts& f) {
  if (!f.readable) return "application/zip";
  if (f.content_types && f.word_document && !f.workbook) {
    return std::string(f.macros ? kDocm : kDocx);
  }
  if (f.content_types && f.workbook && !f.word_document) {
    return std::string(f.macros ? kXlsm : kXlsx);
  }
  if (magic_type == kDocx || magic_type == kXlsx) return "application/zip";
  return magic_type;
}

}  // namespace

Result<Sniffed> Sniff(std::string_view bytes) {
  thread_local MagicHandle magic;
  XUNCHA_ASSIGN_OR_RETURN(std::string type, magic.Type(bytes));
  Sniffed s;
  // libmagic names Apple's AAC audio (.m4a, phone voice memos) by its own alias.
  if (type == "audio/x-m4a") type = "audio/mp4";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
      bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4)) {
    const ZipFacts facts = ReadZipDirectory(bytes);
    type = ZipType(std::move(type), facts);
    s.unpacked_bytes = facts.unpacked;
  }
  s.extension = ExtensionOf(type);
  s.mime = std::move(type);
  return s;
}

Result<Sniffed> CheckFile(const FilePolicy& policy, std::string_view bytes) {
  if (bytes.size() > policy.max_file_bytes) {
    return Error::Make(ErrorCode::kPayloadTooLarge,
                       "attachment of " + std::to_string(bytes.size()) + " bytes exceeds " +
                           std::to_string(policy.max_file_bytes),
                       "file_too_large");
  }
  XUNCHA_ASSIGN_OR_RETURN(Sniffed s, Sniff(bytes));
  if (std::find(policy.allowed_mime.begin(), policy.allowed_mime.end(), s.mime) ==
      policy.allowed_mime.end()) {
    return InvalidArgument("attachment type not allowed: " + s.mime, "file_type_not_allowed");
  }
  if (s.unpacked_bytes > policy.max_unpacked_bytes) {
    return InvalidArgument("attachment " + s.mime + " claims " + std::to_string(s.unpacked_bytes) +
                               " bytes unpacked (limit " +
                               std::to_string(policy.max_unpacked_bytes) + ")",
                           "file_type_not_allowed");
  }
  return s;
}

Result<std::vector<Sniffed>> CheckFiles(const FilePolicy& policy,
                                        const std::vector<std::string_view>& files) {
  if (files.size() > policy.max_files) {
    return InvalidArgument(
        std::to_string(files.size()) + " attachments, at most " + std::to_string(policy.max_files),
        "too_many_files");
  }
  std::size_t total = 0;
  for (auto f : files) total += f.size();
  if (total > policy.max_total_bytes) {
    return Error::Make(ErrorCode::kPayloadTooLarge,
                       "attachments of " + std::to_string(total) + " bytes exceed " +
                           std::to_string(policy.max_total_bytes),
                       "files_too_large");
  }
  std::vector<Sniffed> out;
  out.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto r = CheckFile(policy, files[i]);
    if (!r.ok()) {
      Error e = std::move(r).error();
      e.message = "attachment " + std::to_string(i + 1) + ": " + e.message;
      return e;
    }
    out.push_back(std::move(r).value());
  }
  return out;
}

}  // namespace xuncha::files
