// What the app needs to accept a file from outside: its type decided by content, limits, and
// metadata (EXIF/GPS, document authors) removed before anything is stored. Implemented in
// src/files/ (libmagic, own JPEG/PNG filter, libqpdf; clamd for the optional virus scan).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/report.h"

namespace xuncha {

class AttachmentProcessor {
 public:
  virtual ~AttachmentProcessor() = default;
  // kPayloadTooLarge "file_too_large", kInvalidArgument "file_type_not_allowed" or
  // "file_damaged"; with a virus scanner, also its errors ("file_infected",
  // kUnavailable "scanner_unavailable").
  // The result has a safe base name, the sniffed type, and the content with metadata stripped
  // where the type allows (`stripped`).
  virtual Result<Attachment> Process(const std::string& filename, std::string data) = 0;
  virtual std::size_t max_files() const = 0;
  virtual std::size_t max_total_bytes() const = 0;
};

// Scans a file's bytes for malware. kUnavailable "scanner_unavailable" when the scanner
// cannot be reached; kInvalidArgument "file_infected" (the message names the signature).
// Implementations are safe to call from several threads at once.
class VirusScanner {
 public:
  virtual ~VirusScanner() = default;
  virtual Status Scan(std::string_view data) = 0;
};

}  // namespace xuncha
