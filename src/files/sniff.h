// What an uploaded attachment really is, and whether the attachment policy lets it in. The answer
// comes from the bytes (libmagic, plus a look at the central directory of zip-based office
// files), never from the file name or the Content-Type the client claims. See docs/attachments.md.
//
// Thread safety: every function here may be called from any thread. libmagic's handle is not
// thread-safe, so each thread opens its own on first use (it loads the magic database once per
// thread and keeps it until the thread ends).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha::files {

struct Sniffed {
  std::string mime;       // e.g. "image/jpeg"; "application/x-empty" for no bytes
  std::string extension;  // canonical extension without the dot ("jpg"); "" if none is known
  // Zip-based office files only: the sum of the uncompressed sizes their central directory
  // claims (a zip bomb has a large one). 0 for everything else.
  std::uint64_t unpacked_bytes = 0;
};

// The MIME type of `bytes` by content. Zip containers are looked into (central directory only,
// nothing is inflated): a .docx/.xlsx is named as such even when libmagic says application/zip;
// one that carries VBA macros is named as the macro-enabled type; any other zip stays
// "application/zip". kInternal only if libmagic cannot be set up.
Result<Sniffed> Sniff(std::string_view bytes);

struct FilePolicy {
  std::size_t max_file_bytes = 10u << 20;
  std::size_t max_files = 10;
  std::size_t max_total_bytes = 30u << 20;
  // A zip-based office file whose parts claim more than this uncompressed is refused.
  std::uint64_t max_unpacked_bytes = 256u << 20;
  std::vector<std::string> allowed_mime = {
      "image/jpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "application/pdf",
      "text/plain",
      "audio/mpeg",
      "audio/x-wav",
      "audio/wav",
      "audio/mp4",
      "video/mp4",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.ms-excel",
  };
};

// Sniffs one file and applies `policy`. Errors:
//   kPayloadTooLarge, key "file_too_large": more than max_file_bytes (checked before sniffing);
//   kInvalidArgument, key "file_type_not_allowed": the sniffed type is not in allowed_mime (the
//     message names it), or a zip-based office file claims more than max_unpacked_bytes.
Result<Sniffed> CheckFile(const FilePolicy& policy, std::string_view bytes);

// CheckFile for every file of one submission, plus the per-submission limits. Errors as
// CheckFile (the message names the file's index), and:
//   kInvalidArgument, key "too_many_files": more than max_files;
//   kPayloadTooLarge, key "files_too_large": together more than max_total_bytes.
Result<std::vector<Sniffed>> CheckFiles(const FilePolicy& policy,
                                        const std::vector<std::string_view>& files);

}  // namespace xuncha::files
