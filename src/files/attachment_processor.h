// The AttachmentProcessor port implemented with libmagic (type by content), the size and type
// policy, an optional virus scan (a VirusScanner, e.g. clamd) and metadata stripping (own
// JPEG/PNG filter, libqpdf for PDF).
#pragma once

#include "files/sniff.h"
#include "ports/attachments.h"

namespace xuncha::files {

class FileAttachmentProcessor final : public AttachmentProcessor {
 public:
  explicit FileAttachmentProcessor(FilePolicy policy = {}) : policy_(std::move(policy)) {}
  // Order: size and type (CheckFile), then the virus scan, then metadata stripping. A scanner
  // error refuses the file as it is: "file_infected", or "scanner_unavailable" when the scanner
  // cannot answer (fail closed: an unscanned file is never accepted while a scanner is set).
  Result<Attachment> Process(const std::string& filename, std::string data) override;
  std::size_t max_files() const override { return policy_.max_files; }
  std::size_t max_total_bytes() const override { return policy_.max_total_bytes; }

  // nullptr (the default): no virus scan. The scanner must outlive this processor.
  // REQUIRES: called before the processor is shared between threads.
  void SetVirusScanner(VirusScanner* scanner) { scanner_ = scanner; }

 private:
  FilePolicy policy_;
  VirusScanner* scanner_ = nullptr;
};

}  // namespace xuncha::files
