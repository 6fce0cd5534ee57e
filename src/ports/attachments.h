// What the app needs to accept a file from outside: its type decided by content, limits, and
// metadata (EXIF/GPS, document authors) removed before anything is stored. Implemented in
// src/files/ (libmagic, own JPEG/PNG filter, libqpdf).
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"
#include "domain/report.h"

namespace xuncha {

class AttachmentProcessor {
 public:
  virtual ~AttachmentProcessor() = default;
  // kPayloadTooLarge "file_too_large", kInvalidArgument "file_type_not_allowed" or
  // "file_damaged".
  // The result has a safe base name, the sniffed type, and the content with metadata stripped
  // where the type allows (`stripped`).
  virtual Result<Attachment> Process(const std::string& filename, std::string data) = 0;
  virtual std::size_t max_files() const = 0;
  virtual std::size_t max_total_bytes() const = 0;
};

}  // namespace xuncha
