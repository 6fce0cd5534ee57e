// The MailParser port over ParseMail (GMime).
#pragma once

#include "ports/mail.h"

namespace xuncha::mail {

class GmimeMailParser final : public MailParser {
 public:
  Result<InboundMail> Parse(std::string_view raw) override;
};

}  // namespace xuncha::mail
