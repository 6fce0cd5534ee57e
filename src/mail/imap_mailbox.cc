#include "mail/imap_mailbox.h"

#include "mail/imap_client.h"

namespace xuncha::mail {
namespace {

class ImapMailbox final : public Mailbox {
 public:
  explicit ImapMailbox(ImapAccount a) : client_(std::move(a)) {}
  Result<MailboxPosition> Status() override {
    XUNCHA_ASSIGN_OR_RETURN(MailboxStatus s, client_.Status());
    return MailboxPosition{s.uid_validity, s.uid_next};
  }
  Result<std::vector<std::uint64_t>> UidsFrom(std::uint64_t first_uid) override {
    return client_.UidsFrom(first_uid);
  }
  Result<std::string> Fetch(std::uint64_t uid, std::size_t max_bytes) override {
    return client_.Fetch(uid, max_bytes);
  }

 private:
  ImapClient client_;
};

}  // namespace

std::unique_ptr<Mailbox> ImapMailboxOpener::Open(const MailboxLogin& login) {
  ImapAccount a;
  a.url = login.url;
  a.username = login.username;
  a.password = login.password;
  a.ca_file = login.ca_file;
  a.timeout_seconds = timeout_seconds_;
  return std::make_unique<ImapMailbox>(std::move(a));
}

}  // namespace xuncha::mail
