// The AttachmentProcessor port implemented with libmagic (type by content), the size and type
// policy, and metadata stripping (own JPEG/PNG filter, libqpdf for PDF).
#pragma once

#include "files/sniff.h"
#include "ports/attachments.h"

namespace xuncha::files {

class FileAttachmentProcessor final : public AttachmentProcessor {
 public:
  explicit FileAttachmentProcessor(FilePolicy policy = {}) : policy_(std::move(policy)) {}
  Result<Attachment> Process(const std::string& filename, std::string data) override;
  std::size_t max_files() const override { return policy_.max_files; }
  std::size_t max_total_bytes() const override { return policy_.max_total_bytes; }

 private:
  FilePolicy policy_;
};

}  // namespace xuncha::files
