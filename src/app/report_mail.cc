// Email into reports (电子信箱): the importer and the IMAP poller hand each raw message to
// ImportMail; staff list quarantined messages, read their bytes and register them by hand.
// Keys: an imported message is kept as a file of its report (per-file key under the report
// key); a quarantined one is sealed with its own key, sealed to the group's handlers and to
// the escrow key, so the database alone reveals neither sender nor text.
#include "app/report_codec.h"
#include "app/report_service.h"
#include "app/scope.h"

namespace xuncha {
namespace {

constexpr int kChinaUtcOffset = 8 * 3600;
constexpr const char* kOriginalName = "原始邮件.eml";
constexpr const char* kOriginalMime = "message/rfc822";

std::string MailContext(const std::string& dedup_key) { return "mail:" + dedup_key; }

Attachment Original(std::string raw) {
  Attachment a;
  a.filename = kOriginalName;
  a.mime = kOriginalMime;
  a.data = std::move(raw);
  return a;
}

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

Result<MailImportResult> ReportService::Quarantine(Transaction& tx, MailRecord rec,
                                                   const std::string& raw) {
  const std::string mail_key = crypto_.RandomBytes(32);
  rec.message.state = MailState::kQuarantined;
  rec.raw_box = crypto_.Seal(mail_key, raw, MailContext(rec.dedup_key));
  XUNCHA_ASSIGN_OR_RETURN(MailId id, tx.InsertMail(rec));
  // The group's handlers as for an ordinary (unsealed) report, and escrow.
  Report as_report;
  as_report.group_id = rec.message.group_id;
  XUNCHA_ASSIGN_OR_RETURN(auto holders, Handlers(tx, as_report));
  if (!keys_.escrow_public_key.empty()) holders.emplace_back("escrow", keys_.escrow_public_key);
  for (const auto& [holder, pk] : holders) {
    XUNCHA_TRY(tx.PutMailKey(id, holder, crypto_.SealTo(pk, mail_key)));
  }
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
  std::vector<Attachment> files;
  if (mail) {
    m.warnings = mail->warnings;
    if (!mail->message_id.empty()) {
      rec.dedup_key = crypto_.KeyedHashHex(
          keys_.lookup_key, "mail:" + std::to_string(group.value) + ":id:" + mail->message_id);
    }
  }

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
  // Processing files takes time; a write transaction is held meanwhile, but only the importer
  // writes mail and reports are small next to it. (Attachments were bounded by the parser.)
  d.files = MailFiles(std::move(mail->attachments), m.warnings);
  d.files.push_back(Original(raw));
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView av, tx->GetAssignment(assignment));
  const Actor sys = SystemActor("system:mail");
  XUNCHA_ASSIGN_OR_RETURN(Submitted sub, Create(*tx, &sys, d, av));
  m.state = MailState::kImported;
  m.report_id = sub.id;
  XUNCHA_ASSIGN_OR_RETURN(MailId id, tx->InsertMail(rec));
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
      auto r = tx->GetReport(*v.message.report_id);
      if (r.ok()) v.report_number = r->report.number;
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

namespace {
// The raw bytes of quarantined message `rec`, opened with the actor's key.
Result<std::string> OpenQuarantined(Transaction& tx, Crypto& crypto, const Actor& a,
                                    const MailRecord& rec) {
  if (rec.message.state != MailState::kQuarantined || rec.raw_box.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "not in quarantine", "mail_not_quarantined");
  }
  XUNCHA_ASSIGN_OR_RETURN(auto box, tx.GetMailKey(rec.message.id, HolderOf(a.user.id)));
  if (!box || a.secret_key.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no mail key", "key_unavailable");
  }
  auto key = crypto.OpenSealed(a.secret_key, *box);
  if (!key.ok()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "no mail key", "key_unavailable");
  }
  return crypto.Open(*key, rec.raw_box, MailContext(rec.dedup_key));
}
}  // namespace

Result<std::string> ReportService::MailRaw(const Actor& a, MailId id) {
  std::string raw;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
    XUNCHA_ASSIGN_OR_RETURN(MailRecord rec, tx->GetMail(id));
    if (!s.all && !Contains(s.groups, rec.message.group_id)) return NotFound("mail");
    XUNCHA_ASSIGN_OR_RETURN(raw, OpenQuarantined(*tx, crypto_, a, rec));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(audit_.Append(*wtx, a, "mail.raw.view", "mail", std::to_string(id.value), ""));
  XUNCHA_TRY(wtx->Commit());
  return raw;
}

Result<ReportView> ReportService::RegisterMail(const Actor& a, MailId id, ReportDraft d) {
  XUNCHA_TRY(CheckHandler(a));
  std::string raw;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportScope s, ScopeOf(*tx, a));
    XUNCHA_ASSIGN_OR_RETURN(MailRecord rec, tx->GetMail(id));
    if (!s.all && !Contains(s.groups, rec.message.group_id)) return NotFound("mail");
    XUNCHA_ASSIGN_OR_RETURN(raw, OpenQuarantined(*tx, crypto_, a, rec));
  }
  d.channel = Channel::kEmail;
  const Attachment original = Original(std::move(raw));
  return RegisterWith(
      a, std::move(d), &original,
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
        rec.raw_box.clear();  // the report now holds the original
        XUNCHA_TRY(tx.UpdateMail(rec));
        XUNCHA_TRY(tx.DeleteMailKeys(id));
        return audit_.Append(tx, a, "mail.register", "mail", std::to_string(id.value), sub.number);
      });
}

}  // namespace xuncha
