// Attachments and the per-report key that protects them: the report key is sealed to every
// handler's public key and to the escrow key; each file has its own key sealed with the report
// key. Handlers added later get the report key from the next handler who opens the report.
#include "app/report_codec.h"
#include "app/report_service.h"
#include "app/scope.h"

namespace xuncha {
namespace {
std::string FileKeyContext(const std::string& number, int pos) {
  return "filekey:" + number + ":" + std::to_string(pos);
}
std::string FileNameContext(const std::string& number, int pos) {
  return "filename:" + number + ":" + std::to_string(pos);
}
std::string FileDataContext(const std::string& number, int pos) {
  return "file:" + number + ":" + std::to_string(pos);
}
}  // namespace

Result<std::vector<Attachment>> ReportService::ProcessFiles(std::vector<Attachment> raw,
                                                            std::size_t already) {
  std::vector<Attachment> out;
  if (raw.empty()) return out;
  if (attachments_ == nullptr) {
    return Error::Make(ErrorCode::kInvalidArgument, "no attachments", "file_type_not_allowed");
  }
  if (raw.size() + already > attachments_->max_files()) {
    return ValidationError({{"files", "too_many"}});
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    total += raw[i].data.size();
    if (total > attachments_->max_total_bytes()) {
      return Error::Make(ErrorCode::kPayloadTooLarge, "files too large", "file_too_large");
    }
    auto p = attachments_->Process(raw[i].filename, std::move(raw[i].data));
    if (!p.ok()) {
      Error e = std::move(p).error();
      e.fields["files." + std::to_string(i)] = e.key;
      return e;
    }
    out.push_back(*std::move(p));
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ReportService::Handlers(Transaction& tx,
                                                                                 const Report& r) {
  XUNCHA_ASSIGN_OR_RETURN(auto holders, tx.ListKeyHolders());
  XUNCHA_ASSIGN_OR_RETURN(Group g, tx.GetGroup(r.group_id));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& h : holders) {
    bool handles = false;
    if (h.role == Role::kOffice) {
      handles = h.custodian || !r.sealed;
    } else if ((h.role == Role::kGroupLeader || h.role == Role::kGroupMember) && h.inspector_id) {
      for (const auto& m : g.members) {
        if (m.inspector_id != *h.inspector_id) continue;
        handles = !r.sealed || (h.role == Role::kGroupLeader && m.role == MemberRole::kLeader);
      }
    }
    if (handles) out.emplace_back(HolderOf(h.user_id), h.public_key);
  }
  return out;
}

Status ReportService::SealReportKey(Transaction& tx, const Report& r, const std::string& report_key,
                                    bool only_missing) {
  XUNCHA_ASSIGN_OR_RETURN(auto handlers, Handlers(tx, r));
  if (!keys_.escrow_public_key.empty()) {
    handlers.emplace_back("escrow", keys_.escrow_public_key);
  }
  for (const auto& [holder, pk] : handlers) {
    if (only_missing) {
      XUNCHA_ASSIGN_OR_RETURN(auto have, tx.GetReportKey(r.id, "report", holder));
      if (have) continue;
    }
    XUNCHA_TRY(tx.PutReportKey(r.id, "report", holder, crypto_.SealTo(pk, report_key)));
  }
  return Ok();
}

Result<std::optional<std::string>> ReportService::OpenReportKey(Transaction& tx, const Actor& a,
                                                                const Report& r) {
  if (a.secret_key.empty()) return std::optional<std::string>();
  XUNCHA_ASSIGN_OR_RETURN(auto sealed, tx.GetReportKey(r.id, "report", HolderOf(a.user.id)));
  if (!sealed) return std::optional<std::string>();
  auto key = crypto_.OpenSealed(a.secret_key, *sealed);
  // A key sealed to an older key pair (before a password reset) no longer opens.
  if (!key.ok()) return std::optional<std::string>();
  return std::optional<std::string>(*std::move(key));
}

Status ReportService::StoreFiles(Transaction& tx, const Report& r, const std::string& report_key,
                                 std::vector<Attachment>& files, std::optional<UserId> by) {
  XUNCHA_ASSIGN_OR_RETURN(auto existing, tx.ListReportFiles(r.id));
  int pos = existing.empty() ? 0 : existing.back().info.position + 1;
  for (auto& f : files) {
    const std::string file_key = crypto_.RandomBytes(32);
    ReportFileRecord rec;
    rec.report_id = r.id;
    rec.info.position = pos;
    rec.info.mime = f.mime;
    rec.info.size = static_cast<std::int64_t>(f.data.size());
    rec.info.stripped = f.stripped;
    rec.info.added_at = clock_.Now();
    rec.added_by = by;
    rec.key_box = crypto_.Seal(report_key, file_key, FileKeyContext(r.number, pos));
    rec.name_box = crypto_.Seal(file_key, f.filename, FileNameContext(r.number, pos));
    rec.data_box = crypto_.Seal(file_key, f.data, FileDataContext(r.number, pos));
    auto file_id = tx.InsertReportFile(rec);
    if (!file_id.ok()) return std::move(file_id).error();
    ++pos;
  }
  return Ok();
}

Result<ReportView> ReportService::AddFiles(const Actor& a, ReportId id,
                                           std::vector<Attachment> files) {
  XUNCHA_TRY(CheckHandler(a));
  if (files.empty()) return ValidationError({{"files", "required"}});
  std::size_t already = 0;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*rtx, a, id));
    XUNCHA_ASSIGN_OR_RETURN(auto existing, rtx->ListReportFiles(id));
    already = existing.size();
  }
  XUNCHA_ASSIGN_OR_RETURN(auto processed, ProcessFiles(std::move(files), already));
  {
    // The write transaction must end before Get() opens the next one.
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
    XUNCHA_ASSIGN_OR_RETURN(auto key, OpenReportKey(*tx, a, rec.report));
    if (!key) {
      XUNCHA_ASSIGN_OR_RETURN(auto escrow, tx->GetReportKey(id, "report", "escrow"));
      if (escrow) {
        return Error::Make(ErrorCode::kFailedPrecondition, "no report key in session",
                           "key_unavailable");
      }
      // A report from before report keys existed: give it one now.
      key = crypto_.RandomBytes(32);
      XUNCHA_TRY(SealReportKey(*tx, rec.report, *key, /*only_missing=*/false));
    }
    XUNCHA_TRY(StoreFiles(*tx, rec.report, *key, processed, a.user.id));
    XUNCHA_TRY(audit_.Append(*tx, a, "report.files.add", "report", std::to_string(id.value),
                             rec.report.number + " " + std::to_string(processed.size())));
    XUNCHA_TRY(tx->Commit());
  }
  return Get(a, id);
}

Result<Attachment> ReportService::File(const Actor& a, ReportId id, std::int64_t file_id) {
  Attachment out;
  std::string number;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
    number = rec.report.number;
    XUNCHA_ASSIGN_OR_RETURN(ReportFileRecord f, tx->GetReportFile(id, file_id));
    XUNCHA_ASSIGN_OR_RETURN(auto key, OpenReportKey(*tx, a, rec.report));
    if (!key) {
      return Error::Make(ErrorCode::kFailedPrecondition, "no report key in session",
                         "key_unavailable");
    }
    const int pos = f.info.position;
    XUNCHA_ASSIGN_OR_RETURN(std::string file_key,
                            crypto_.Open(*key, f.key_box, FileKeyContext(number, pos)));
    XUNCHA_ASSIGN_OR_RETURN(out.filename,
                            crypto_.Open(file_key, f.name_box, FileNameContext(number, pos)));
    XUNCHA_ASSIGN_OR_RETURN(out.data,
                            crypto_.Open(file_key, f.data_box, FileDataContext(number, pos)));
    out.mime = f.info.mime;
    out.stripped = f.info.stripped;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(audit_.Append(*wtx, a, "report.file.view", "report", std::to_string(id.value),
                           number + " file " + std::to_string(file_id)));
  XUNCHA_TRY(wtx->Commit());
  return out;
}

}  // namespace xuncha
