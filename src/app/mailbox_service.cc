#include "app/mailbox_service.h"

#include "app/report_codec.h"
#include "app/scope.h"

namespace xuncha {
namespace {

std::string PasswordContext(GroupId g) { return "mailpw:" + std::to_string(g.value); }

std::string Chinese(const Error& e) {
  std::string what;
  if (e.key == "imap_connect") {
    what = "无法连接邮件服务器（地址、网络、证书或超时）";
  } else if (e.key == "imap_auth") {
    what = "邮件服务器拒绝登录（用户名或密码不正确）";
  } else if (e.key == "imap_protocol") {
    what = "邮件服务器的应答无法处理（文件夹是否存在？）";
  } else if (e.key == "mail_too_large") {
    what = "邮件超过64MB，未取回（仍保留在邮箱中）";
  } else {
    what = "收取失败";
  }
  return what + "：" + e.message;
}

}  // namespace

Result<std::optional<std::vector<GroupId>>> MailboxService::Manageable(Transaction& tx,
                                                                       const Actor& a) {
  if (a.user.role == Role::kOffice) return std::optional<std::vector<GroupId>>();
  if (a.user.role != Role::kGroupLeader || !a.user.inspector_id) {
    return Forbidden("mailboxes are set by the office and the group leaders");
  }
  std::vector<GroupId> led;
  XUNCHA_ASSIGN_OR_RETURN(auto groups, tx.GroupsOfInspector(*a.user.inspector_id));
  for (GroupId g : groups) {
    XUNCHA_ASSIGN_OR_RETURN(Group group, tx.GetGroup(g));
    for (const auto& m : group.members) {
      if (m.inspector_id == *a.user.inspector_id && m.role == MemberRole::kLeader) {
        led.push_back(g);
      }
    }
  }
  return std::optional<std::vector<GroupId>>(std::move(led));
}

MailAccountView MailboxService::ViewOf(MailAccountRecord rec, std::string group_name) {
  rec.password_box.clear();
  return {std::move(rec), std::move(group_name)};
}

Result<std::vector<MailAccountView>> MailboxService::List(const Actor& a) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto scope, Manageable(*tx, a));
  XUNCHA_ASSIGN_OR_RETURN(auto accounts, tx->ListMailAccounts());
  std::vector<MailAccountView> out;
  for (auto& rec : accounts) {
    if (scope && !Contains(*scope, rec.group_id)) continue;
    XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(rec.group_id));
    out.push_back(ViewOf(std::move(rec), g.name));
  }
  return out;
}

Result<MailAccountView> MailboxService::Put(const Actor& a, GroupId group,
                                            const MailAccountInput& in) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto scope, Manageable(*tx, a));
  if (scope && !Contains(*scope, group)) return NotFound("group");
  XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(group));
  XUNCHA_ASSIGN_OR_RETURN(auto existing, tx->GetMailAccount(group));
  FieldErrors errors;
  CheckText(errors, "url", in.url, true, 500);
  if (!errors.count("url") && in.url.rfind("imaps://", 0) != 0) errors["url"] = "invalid_value";
  CheckText(errors, "username", in.username, true, 200);
  // Another server or account needs the password again: a stored password never follows a
  // changed URL (it would be sent to whatever server the new URL names).
  const bool moved = !existing || existing->url != in.url || existing->username != in.username;
  CheckText(errors, "password", in.password, moved, 500);
  CheckText(errors, "ca_file", in.ca_file, false, 500);
  // A file on the server: only the office names one, and only an absolute path.
  const std::string old_ca = existing ? existing->ca_file : "";
  if (!errors.count("ca_file") && in.ca_file != old_ca) {
    if (a.user.role != Role::kOffice) {
      errors["ca_file"] = "invalid_value";
    } else if (!in.ca_file.empty() && in.ca_file.front() != '/') {
      errors["ca_file"] = "invalid_value";
    }
  }
  if (!errors.empty()) return ValidationError(std::move(errors));
  MailAccountRecord rec = existing.value_or(MailAccountRecord{});
  rec.group_id = group;
  rec.url = in.url;
  rec.username = in.username;
  rec.ca_file = in.ca_file;
  rec.enabled = in.enabled;
  if (!in.password.empty()) {
    rec.password_box = crypto_.Seal(content_key_, in.password, PasswordContext(group));
  }
  if (moved) {
    // Another mailbox: read it from the start (messages seen before are recognised anyway).
    rec.uid_validity = 0;
    rec.last_uid = 0;
    rec.last_error.clear();
  }
  XUNCHA_TRY(tx->PutMailAccount(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, existing ? "mail.account.update" : "mail.account.create",
                           "group", std::to_string(group.value), in.url + " " + in.username));
  XUNCHA_TRY(tx->Commit());
  return ViewOf(std::move(rec), g.name);
}

Status MailboxService::Delete(const Actor& a, GroupId group) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto scope, Manageable(*tx, a));
  if (scope && !Contains(*scope, group)) return NotFound("mail_account");
  XUNCHA_TRY(tx->DeleteMailAccount(group));
  XUNCHA_TRY(
      audit_.Append(*tx, a, "mail.account.delete", "group", std::to_string(group.value), ""));
  return tx->Commit();
}

Result<MailPollResult> MailboxService::Poll(const Actor& a, GroupId group) {
  MailAccountRecord rec;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(auto scope, Manageable(*tx, a));
    if (scope && !Contains(*scope, group)) return NotFound("mail_account");
    XUNCHA_ASSIGN_OR_RETURN(auto found, tx->GetMailAccount(group));
    if (!found) return NotFound("mail_account");
    rec = *std::move(found);
  }
  MailPollResult out = PollAccount(rec);
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(audit_.Append(*wtx, a, "mail.poll", "group", std::to_string(group.value),
                           std::to_string(out.imported) + " imported, " +
                               std::to_string(out.quarantined) + " quarantined"));
  XUNCHA_TRY(wtx->Commit());
  return out;
}

std::vector<std::pair<GroupId, MailPollResult>> MailboxService::PollAll() {
  std::vector<std::pair<GroupId, MailPollResult>> out;
  std::vector<MailAccountRecord> accounts;
  {
    auto tx = store_.Begin(TxMode::kRead);
    if (!tx.ok()) return out;
    auto list = (*tx)->ListMailAccounts();
    if (!list.ok()) return out;
    accounts = *std::move(list);
  }
  for (const auto& rec : accounts) {
    if (rec.enabled) out.emplace_back(rec.group_id, PollAccount(rec));
  }
  return out;
}

MailPollResult MailboxService::PollAccount(const MailAccountRecord& rec) {
  std::lock_guard lock(poll_mu_);
  MailPollResult out;
  std::uint64_t uid_validity = rec.uid_validity;
  std::uint64_t last_uid = rec.last_uid;
  // Re-read the position: another poll may have moved it while this one waited for the lock.
  {
    auto tx = store_.Begin(TxMode::kRead);
    if (tx.ok()) {
      auto fresh = (*tx)->GetMailAccount(rec.group_id);
      if (fresh.ok() && *fresh) {
        uid_validity = (*fresh)->uid_validity;
        last_uid = (*fresh)->last_uid;
      }
    }
  }
  auto record = [&](const std::string& error) {
    out.error = error;
    auto tx = store_.Begin(TxMode::kWrite);
    if (!tx.ok()) return;
    if ((*tx)
            ->UpdateMailAccountPoll(rec.group_id, uid_validity, last_uid, clock_.Now(), error)
            .ok()) {
      (void)(*tx)->Commit();
    }
  };
  auto password = crypto_.Open(content_key_, rec.password_box, PasswordContext(rec.group_id));
  if (!password.ok()) {
    record("邮箱密码无法解密（服务器密钥已更换？），请重新填写密码");
    return out;
  }
  auto box = opener_.Open({rec.url, rec.username, *password, rec.ca_file});
  auto status = box->Status();
  if (!status.ok()) {
    record(Chinese(status.error()));
    return out;
  }
  if (status->uid_validity != uid_validity) {
    // A new UIDVALIDITY means the server renumbered the folder: read it all again; messages
    // seen before are recognised by their Message-ID (or bytes) and add nothing.
    uid_validity = status->uid_validity;
    last_uid = 0;
  }
  auto uids = box->UidsFrom(last_uid + 1);
  if (!uids.ok()) {
    record(Chinese(uids.error()));
    return out;
  }
  std::string error;
  for (std::uint64_t uid : *uids) {
    auto raw = box->Fetch(uid, kMaxMailBytes);
    if (!raw.ok()) {
      if (raw.error().key == "mail_too_large" || raw.error().code == ErrorCode::kNotFound) {
        // Left on the server (too large) or gone from it (expunged): note it and go on.
        error = "UID " + std::to_string(uid) + " " + Chinese(raw.error());
        last_uid = uid;
        continue;
      }
      error = Chinese(raw.error());
      break;
    }
    auto r = reports_.ImportMail(rec.group_id, *std::move(raw), MailSource::kImap);
    if (!r.ok()) {
      error = "登记失败：" + r.error().message;
      break;
    }
    switch (r->kind) {
      case MailImportResult::Kind::kImported:
        ++out.imported;
        break;
      case MailImportResult::Kind::kDuplicate:
        ++out.duplicates;
        break;
      case MailImportResult::Kind::kQuarantined:
        ++out.quarantined;
        break;
    }
    last_uid = uid;
  }
  record(error);
  return out;
}

}  // namespace xuncha
