// Group mailboxes polled over IMAP (电子信箱): the office or the group leader sets the account;
// the server polls every enabled account and hands each new message to
// ReportService::ImportMail. The poller only reads: it never deletes or flags mail, so whatever
// goes wrong here the mail server still has every message. Passwords are sealed with the
// server key (outside the database) and never leave the server.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "app/report_service.h"
#include "core/clock.h"
#include "ports/crypto.h"
#include "ports/mail.h"
#include "ports/store.h"

namespace xuncha {

struct MailAccountView {
  MailAccountRecord account;  // password_box cleared
  std::string group_name;
};

struct MailAccountInput {
  std::string url;
  std::string username;
  std::string password;  // empty: keep the stored one (an existing account)
  std::string ca_file;
  bool enabled = true;
};

struct MailPollResult {
  int imported = 0;
  int duplicates = 0;
  int quarantined = 0;
  std::string error;  // Chinese, for the staff; empty when the poll went through
};

class MailboxService {
 public:
  // `content_key`: the server key that seals account passwords.
  MailboxService(Store& store, Crypto& crypto, const Clock& clock, AuditLog& audit,
                 ReportService& reports, MailboxOpener& opener, std::string content_key)
      : store_(store),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        reports_(reports),
        opener_(opener),
        content_key_(std::move(content_key)) {}

  // The office sees every group's account; a group leader his groups'; others are refused.
  Result<std::vector<MailAccountView>> List(const Actor& a);
  Result<MailAccountView> Put(const Actor& a, GroupId group, const MailAccountInput& in);
  Status Delete(const Actor& a, GroupId group);
  // Fetches the new messages of one group's mailbox now.
  Result<MailPollResult> Poll(const Actor& a, GroupId group);
  // One pass over every enabled account (the server's poller thread). Returns the results by
  // group; errors are recorded on each account, never thrown.
  std::vector<std::pair<GroupId, MailPollResult>> PollAll();

 private:
  // Groups `a` may manage mailboxes of; nullopt for all (the office).
  Result<std::optional<std::vector<GroupId>>> Manageable(Transaction& tx, const Actor& a);
  MailPollResult PollAccount(const MailAccountRecord& rec);
  MailAccountView ViewOf(MailAccountRecord rec, std::string group_name);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  ReportService& reports_;
  MailboxOpener& opener_;
  std::string content_key_;
  // One poll of a mailbox at a time (the poller thread and "poll now" may meet).
  std::mutex poll_mu_;
};

}  // namespace xuncha
