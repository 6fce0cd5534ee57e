#include "files/attachment_processor.h"

#include "files/multipart.h"
#include "files/strip_metadata.h"

namespace xuncha::files {

Result<Attachment> FileAttachmentProcessor::Process(const std::string& filename, std::string data) {
  XUNCHA_ASSIGN_OR_RETURN(Sniffed s, CheckFile(policy_, data));
  // The bytes as received: signatures are written for files as they travel, and stripping
  // rewrites some of them (a PDF entirely).
  if (scanner_ != nullptr) XUNCHA_TRY(scanner_->Scan(data));
  Attachment out;
  out.filename = SafeFileName(filename);
  if (out.filename.empty()) {
    out.filename = "附件" + (s.extension.empty() ? std::string() : "." + s.extension);
  }
  out.mime = s.mime;
  const bool strippable =
      s.mime == "image/jpeg" || s.mime == "image/png" || s.mime == "application/pdf";
  XUNCHA_ASSIGN_OR_RETURN(out.data, StripMetadata(s.mime, data));
  out.stripped = strippable;
  return out;
}

}  // namespace xuncha::files
