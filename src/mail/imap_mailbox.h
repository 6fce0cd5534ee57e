// The Mailbox port over ImapClient (libcurl, TLS always verified).
#pragma once

#include "ports/mail.h"

namespace xuncha::mail {

class ImapMailboxOpener final : public MailboxOpener {
 public:
  explicit ImapMailboxOpener(long timeout_seconds = 60) : timeout_seconds_(timeout_seconds) {}
  std::unique_ptr<Mailbox> Open(const MailboxLogin& login) override;

 private:
  long timeout_seconds_;
};

}  // namespace xuncha::mail
