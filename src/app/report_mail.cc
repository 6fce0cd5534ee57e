// Email into reports (电子信箱): the importer and the IMAP poller hand each raw message to
// ImportMail; staff list quarantined messages, read their bytes and register them by hand.
// Keys: the original message names its sender (From, Reply-To, Received lines with addresses),
// so it is never under the report key every handler holds. Each message's raw bytes are sealed
// with their own key, sealed to the custodians and the escrow key, and while the message waits
// in quarantine also to the group's leader (who registers it by hand). The database alone
// reveals neither sender nor text.
#include "app/report_codec.h"
#include "app/report_service.h"
#include "app/scope.h"

namespace xuncha {
namespace {

constexpr int kChinaUtcOffset = 8 * 3600;
std::string MailContext(const std::string& dedup_key) { return "mail:" + dedup_key; }

}  // namespace

std::vector<Attachment> ReportService::MailFiles(std::vector<InboundAttachment> in,
                                                 std::vector<std::string>& warnings) {
  std::vector<Attachment> out;
  if (in.empty()) return out;
  if (attachments_ == nullptr) {
    warnings.emplace_back("附件未单独保存（见原始邮件）");
    return out;
  }
  // One place is kept for the original message.
  const std::size_t max_files = attachments_->max_files() - 1;
  std::size_t total = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    if (out.size() >= max_files) {
      warnings.push_back("附件超过 " + std::to_string(max_files) + " 个，第 " + n +
                         " 个起未单独保存（见原始邮件）");
      break;
    }
    if (total + in[i].data.size() > attachments_->max_total_bytes()) {
      warnings.push_back("附件 " + n + " 超出总大小限制，未单独保存（见原始邮件）");
      continue;
    }
    auto p = attachments_->Process(in[i].filename, std::move(in[i].data));
    if (!p.ok()) {
      // The file name may name the sender: the warning says only which one and why.
      warnings.push_back("附件 " + n + " 未单独保存（" + p.error().key + "），见原始邮件");
      continue;
    }
    total += p->data.size();
    out.push_back(*std::move(p));
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ReportService::MailHolders(Transaction& tx,
                                                                                    GroupId group,
                                                                                    bool leaders) {
  XUNCHA_ASSIGN_OR_RETURN(auto holders, tx.ListKeyHolders());
  Group g;
  if (leaders) {
    XUNCHA_ASSIGN_OR_RETURN(g, tx.GetGroup(group));
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& h : holders) {
    bool holds = h.role == Role::kOffice && h.custodian;
    if (leaders && h.role == Role::kGroupLeader && h.inspector_id) {
      for (const auto& m : g.members) {
        if (m.inspector_id == *h.inspector_id && m.role == MemberRole::kLeader) holds = true;
      }
    }
    if (holds) out.emplace_back(HolderOf(h.user_id), h.public_key);
  }
  if (!keys_.escrow_public_key.empty()) out.emplace_back("escrow", keys_.escrow_public_key);
  return out;
}

Status ReportService::SealMailKey(Transaction& tx, MailId id, GroupId group,
                                  const std::string& mail_key, bool leaders) {
  XUNCHA_TRY(tx.DeleteMailKeys(id));
  XUNCHA_ASSIGN_OR_RETURN(auto holders, MailHolders(tx, group, leaders));
  for (const auto& [holder, pk] : holders) {
    XUNCHA_TRY(tx.PutMailKey(id, holder, crypto_.SealTo(pk, mail_key)));
  }
  return Ok();
}

Result<MailImportResult> ReportService::Quarantine(Transaction& tx, MailRecord rec,
                                                   const std::string& raw) {
  const std::string mail_key = crypto_.RandomBytes(32);
  rec.message.state = MailState::kQuarantined;
  rec.raw_box = crypto_.Seal(mail_key, raw, MailContext(rec.dedup_key));
  XUNCHA_ASSIGN_OR_RETURN(MailId id, tx.InsertMail(rec));
  XUNCHA_TRY(SealMailKey(tx, id, rec.message.group_id, mail_key, /*leaders=*/true));
  XUNCHA_TRY(audit_.Append(tx, SystemActor("system:mail"), "mail.quarantine", "mail",
                           std::to_string(id.value), rec.message.reason));
  MailImportResult out;
  out.kind = MailImportResult::Kind::kQuarantined;
  out.mail_id = id;
  out.reason = rec.message.reason;
  out.warnings = rec.message.warnings;
  return out;
}

Result<MailImportResult> ReportService::ImportMail(GroupId group, std::string raw,
                                                   MailSource source) {
  MailRecord rec;
  MailMessage& m = rec.message;
  m.group_id = group;
  m.source = source;
  m.fetched_at = clock_.Now();
  m.size = static_cast<std::int64_t>(raw.size());
  const std::string raw_hash =
      crypto_.KeyedHashHex(keys_.lookup_key, "mail:" + std::to_string(group.value) + ":raw:" + raw);
  rec.dedup_key = raw_hash;

  // Parse and check the attachments outside the write transaction.
  std::optional<InboundMail> mail;
  if (raw.size() > kMaxMailBytes) {
    m.reason = kQuarantineTooLarge;
  } else if (mail_parser_ == nullptr) {
    m.reason = kQuarantineBadMime;
  } else {
    auto parsed = mail_parser_->Parse(raw);
    if (parsed.ok()) {
      mail = *std::move(parsed);
    } else {
      m.reason = parsed.error().key;
      if (m.reason != kQuarantineLimits) m.reason = kQuarantineBadMime;
    }
  }
  if (mail) {
    m.warnings = mail->warnings;
    if (!mail->message_id.empty()) {
      rec.dedup_key = crypto_.KeyedHashHex(
          keys_.lookup_key, "mail:" + std::to_string(group.value) + ":id:" + mail->message_id);
    }
  }
  {
    // Seen before: nothing to do (checked again under the write lock below).
    XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(auto seen, rtx->FindMail(group, rec.dedup_key));
    if (seen) {
      MailImportResult out;
      out.kind = MailImportResult::Kind::kDuplicate;
      out.mail_id = *seen;
      return out;
    }
  }
  // Type checks, metadata stripping and virus scans take time: never under the write lock.
  std::vector<Attachment> files;
  std::vector<std::string> file_warnings;
  if (mail) files = MailFiles(std::move(mail->attachments), file_warnings);

  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(group));
  XUNCHA_ASSIGN_OR_RETURN(auto seen, tx->FindMail(group, rec.dedup_key));
  if (seen) {
    MailImportResult out;
    out.kind = MailImportResult::Kind::kDuplicate;
    out.mail_id = *seen;
    return out;
  }
  if (!mail) {
    XUNCHA_ASSIGN_OR_RETURN(auto out, Quarantine(*tx, std::move(rec), raw));
    XUNCHA_TRY(tx->Commit());
    return out;
  }

  // Which of the group's assignments it is about.
  Scope all;
  all.all = true;
  AssignmentFilter af;
  af.group_id = group;
  XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx->ListAssignments(all, af));
  std::vector<MailCandidate> candidates;
  for (const auto& av : assignments) {
    candidates.push_back({av.assignment.id, av.unit_name, av.assignment.station_start,
                          av.assignment.station_end, g.intake_cutoff});
  }
  const UnixSeconds received_at = MailReceivedAt(mail->date, m.fetched_at);
  auto choice = ChooseAssignment(candidates, Date::OfTimestamp(received_at, kChinaUtcOffset),
                                 mail->subject, mail->text);
  if (const auto* reason = std::get_if<std::string_view>(&choice)) {
    m.reason = *reason;
    XUNCHA_ASSIGN_OR_RETURN(auto out, Quarantine(*tx, std::move(rec), raw));
    XUNCHA_TRY(tx->Commit());
    return out;
  }
  const AssignmentId assignment = std::get<AssignmentId>(choice);
  ReportDraft d = MailToDraft({mail->from_name, mail->from_address, mail->subject, mail->text},
                              assignment, received_at, m.warnings);
  if (FieldErrors errors = ValidateReportDraft(d); !errors.empty()) {
    m.reason = kQuarantineInvalid;
    for (const auto& [field, key] : errors) m.warnings.push_back(field + ": " + key);
    XUNCHA_ASSIGN_OR_RETURN(auto out, Quarantine(*tx, std::move(rec), raw));
    XUNCHA_TRY(tx->Commit());
    return out;
  }
  m.warnings.insert(m.warnings.end(), file_warnings.begin(), file_warnings.end());
  d.files = std::move(files);
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView av, tx->GetAssignment(assignment));
  const Actor sys = SystemActor("system:mail");
  XUNCHA_ASSIGN_OR_RETURN(Submitted sub, Create(*tx, &sys, d, av));
  m.state = MailState::kImported;
  m.report_id = sub.id;
  // The original, for the custodians (it names the sender).
  const std::string mail_key = crypto_.RandomBytes(32);
  rec.raw_box = crypto_.Seal(mail_key, raw, MailContext(rec.dedup_key));
  XUNCHA_ASSIGN_OR_RETURN(MailId id, tx->InsertMail(rec));
  XUNCHA_TRY(SealMailKey(*tx, id, group, mail_key, /*leaders=*/false));
  XUNCHA_TRY(tx->Commit());
  MailImportResult out;
  out.kind = MailImportResult::Kind::kImported;
  out.mail_id = id;
  out.report_number = sub.number;
  out.warnings = m.warnings;
  return out;
}

Result<Page<MailView>> ReportService::ListMail(const Actor& a, MailFilter f, const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
  f.all_groups = s.all;
  f.groups = s.groups;
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListMail(f, p));
  Page<MailView> out;
  out.total = page.total;
  for (auto& rec : page.items) {
    MailView v;
    v.message = std::move(rec.message);
    v.group_name = std::move(rec.group_name);
    if (v.message.report_id) {
      // A sealed report's number only for those who see sealed reports.
      auto r = Load(*tx, a, *v.message.report_id);
      if (r.ok()) v.report_number = r->report.number;
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

namespace {
struct OpenedMail {
  std::string key;
  std::string raw;
};

// The raw bytes of message `rec`, opened with the actor's key.
Result<OpenedMail> OpenMail(Transaction& tx, Crypto& crypto, const Actor& a,
                            const MailRecord& rec) {
  if (rec.raw_box.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no original kept", "key_unavailable");
  }
  XUNCHA_ASSIGN_OR_RETURN(auto box, tx.GetMailKey(rec.message.id, HolderOf(a.user.id)));
  if (!box || a.secret_key.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no mail key", "key_unavailable");
  }
  auto key = crypto.OpenSealed(a.secret_key, *box);
  if (!key.ok()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no mail key", "key_unavailable");
  }
  OpenedMail out;
  out.key = *std::move(key);
  XUNCHA_ASSIGN_OR_RETURN(out.raw, crypto.Open(out.key, rec.raw_box, MailContext(rec.dedup_key)));
  return out;
}

Status CheckQuarantined(const MailRecord& rec) {
  if (rec.message.state != MailState::kQuarantined) {
    return Error::Make(ErrorCode::kFailedPrecondition, "not in quarantine", "mail_not_quarantined");
  }
  return Ok();
}
}  // namespace

Result<std::string> ReportService::MailRaw(const Actor& a, MailId id) {
  std::string raw;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
    XUNCHA_ASSIGN_OR_RETURN(MailRecord rec, tx->GetMail(id));
    if (!s.all && !Contains(s.groups, rec.message.group_id)) return NotFound("mail");
    XUNCHA_TRY(CheckQuarantined(rec));
    XUNCHA_ASSIGN_OR_RETURN(OpenedMail opened, OpenMail(*tx, crypto_, a, rec));
    raw = std::move(opened.raw);
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(audit_.Append(*wtx, a, "mail.raw.view", "mail", std::to_string(id.value), ""));
  XUNCHA_TRY(wtx->Commit());
  return raw;
}

Result<ReportView> ReportService::RegisterMail(const Actor& a, MailId id, ReportDraft d) {
  XUNCHA_TRY(CheckHandler(a));
  std::string mail_key;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
    XUNCHA_ASSIGN_OR_RETURN(MailRecord rec, tx->GetMail(id));
    if (!s.all && !Contains(s.groups, rec.message.group_id)) return NotFound("mail");
    XUNCHA_TRY(CheckQuarantined(rec));
    XUNCHA_ASSIGN_OR_RETURN(OpenedMail opened, OpenMail(*tx, crypto_, a, rec));
    mail_key = std::move(opened.key);
  }
  d.channel = Channel::kEmail;
  return RegisterWith(
      a, std::move(d), nullptr,
      [&](Transaction& tx, const AssignmentView& av, const Submitted& sub) -> Status {
        // Read again inside the write transaction: someone else may have registered it.
        XUNCHA_ASSIGN_OR_RETURN(MailRecord rec, tx.GetMail(id));
        if (rec.message.state != MailState::kQuarantined) {
          return Error::Make(ErrorCode::kFailedPrecondition, "already registered",
                             "mail_not_quarantined");
        }
        if (av.assignment.group_id != rec.message.group_id) {
          return ValidationError({{"assignment_id", "not_in_group"}});
        }
        rec.message.state = MailState::kRegistered;
        rec.message.report_id = sub.id;
        rec.message.handled_by = a.user.id;
        rec.message.handled_at = clock_.Now();
        XUNCHA_TRY(tx.UpdateMail(rec));
        // From now on the original is the custodians' only, like any email report's.
        XUNCHA_TRY(SealMailKey(tx, id, rec.message.group_id, mail_key, /*leaders=*/false));
        return audit_.Append(tx, a, "mail.register", "mail", std::to_string(id.value), sub.number);
      });
}

Result<std::string> ReportService::MailOriginal(const Actor& a, ReportId id) {
  std::string raw;
  std::string number;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord r, Load(*tx, a, id));
    number = r.report.number;
    XUNCHA_ASSIGN_OR_RETURN(auto rec, tx->FindMailByReport(id));
    if (!rec) return NotFound("original");
    XUNCHA_ASSIGN_OR_RETURN(OpenedMail opened, OpenMail(*tx, crypto_, a, *rec));
    raw = std::move(opened.raw);
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(
      audit_.Append(*wtx, a, "report.original.view", "report", std::to_string(id.value), number));
  XUNCHA_TRY(wtx->Commit());
  return raw;
}

}  // namespace xuncha
