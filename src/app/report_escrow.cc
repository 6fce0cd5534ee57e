// Re-granting access through the escrow key after staff change (docs/reports.md, "Staff change
// and the escrow key"). Every report key and identity key is also sealed to the escrow key, whose
// secret half only the offline recovery code unlocks; with it, the keys are sealed again to the
// people who should hold them now, and taken from those who should not.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/report_codec.h"
#include "app/report_service.h"

namespace xuncha {
namespace {
// Reports per write transaction: a big office's regrant never holds the write lock for long.
constexpr int kRegrantBatch = 200;
constexpr const char* kEscrowHolder = "escrow";

struct Recovered {
  std::optional<std::string> key;  // opened with the escrow key
  bool lost = false;               // the report has such a key, but escrow cannot open it
};

// The key of `kind` as the escrow key opens it. A report without any key of that kind (an
// anonymous reporter; a report from before report keys existed) is neither opened nor lost.
Result<Recovered> RecoverKey(Transaction& tx, Crypto& crypto, const std::string& escrow_secret,
                             ReportId id, const std::string& kind,
                             const std::vector<std::string>& holders) {
  Recovered out;
  if (holders.empty()) return out;
  XUNCHA_ASSIGN_OR_RETURN(auto box, tx.GetReportKey(id, kind, kEscrowHolder));
  if (!box) {
    out.lost = true;
    return out;
  }
  auto key = crypto.OpenSealed(escrow_secret, *box);
  if (!key.ok()) {
    out.lost = true;
    return out;
  }
  out.key = *std::move(key);
  return out;
}

// Seals `key` to every holder in `to` (overwriting: an old box may be sealed to a key pair that
// a password reset destroyed, and nobody can tell without that secret key) and deletes the
// boxes of everyone else but escrow. Returns the number of boxes sealed.
Result<int> Reseal(Transaction& tx, Crypto& crypto, ReportId id, const std::string& kind,
                   const std::optional<std::string>& key,
                   const std::map<std::string, std::string>& to,
                   const std::vector<std::string>& existing, int& removed) {
  int sealed = 0;
  if (key) {
    for (const auto& [holder, public_key] : to) {
      XUNCHA_TRY(tx.PutReportKey(id, kind, holder, crypto.SealTo(public_key, *key)));
      ++sealed;
    }
  }
  for (const auto& holder : existing) {
    if (holder == kEscrowHolder || to.count(holder) > 0) continue;
    XUNCHA_TRY(tx.DeleteReportKey(id, kind, holder));
    ++removed;
  }
  return sealed;
}
}  // namespace

Result<ReportService::RegrantSummary> ReportService::Regrant(const std::string& escrow_secret_key) {
  if (keys_.escrow_public_key.empty()) {
    return Error::Make(ErrorCode::kFailedPrecondition, "this database has no escrow key",
                       "no_escrow_key");
  }
  // The secret key must belong to this database's escrow public key: checked on a probe before
  // anything is read or written, so a wrong recovery code changes nothing.
  const std::string probe = crypto_.RandomBytes(32);
  auto opened =
      crypto_.OpenSealed(escrow_secret_key, crypto_.SealTo(keys_.escrow_public_key, probe));
  if (!opened.ok() || *opened != probe) {
    return Error::Make(ErrorCode::kPermissionDenied,
                       "the escrow key does not belong to this database (wrong recovery code?)",
                       "bad_recovery_code");
  }

  // Every report id from one snapshot. Reports that arrive while the batches run are sealed to
  // the current handlers when they are created, so they need nothing from here.
  std::vector<ReportId> ids;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    ReportScope everything;
    everything.all = true;
    everything.sealed_all = true;
    for (int page = 1;; ++page) {
      XUNCHA_ASSIGN_OR_RETURN(auto p, tx->ListReports(everything, {}, {page, kRegrantBatch}));
      for (const auto& rec : p.items) ids.push_back(rec.report.id);
      if (p.items.size() < static_cast<std::size_t>(kRegrantBatch)) break;
    }
  }

  RegrantSummary sum;
  for (std::size_t start = 0; start < ids.size(); start += kRegrantBatch) {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    XUNCHA_ASSIGN_OR_RETURN(auto holders, tx->ListKeyHolders());
    const std::size_t end = std::min(ids.size(), start + kRegrantBatch);
    for (std::size_t i = start; i < end; ++i) {
      XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, tx->GetReport(ids[i]));
      const Report& r = rec.report;
      XUNCHA_ASSIGN_OR_RETURN(auto handler_list, Handlers(*tx, r));
      const std::map<std::string, std::string> handlers(handler_list.begin(), handler_list.end());

      XUNCHA_ASSIGN_OR_RETURN(auto report_holders, tx->ListReportKeyHolders(r.id, "report"));
      XUNCHA_ASSIGN_OR_RETURN(Recovered report_key, RecoverKey(*tx, crypto_, escrow_secret_key,
                                                               r.id, "report", report_holders));
      // A key the escrow copy cannot give back is left exactly as it is: a departed user's
      // box may be the only one that still opens it.
      int report_sealed = 0;
      if (!report_key.lost) {
        XUNCHA_ASSIGN_OR_RETURN(report_sealed, Reseal(*tx, crypto_, r.id, "report", report_key.key,
                                                      handlers, report_holders, sum.stale_removed));
      }

      // The identity key: the custodians, and whoever a custodian approved who still handles
      // the report. Nobody else, whatever he handles.
      XUNCHA_ASSIGN_OR_RETURN(auto identity_holders, tx->ListReportKeyHolders(r.id, "identity"));
      XUNCHA_ASSIGN_OR_RETURN(
          Recovered identity_key,
          RecoverKey(*tx, crypto_, escrow_secret_key, r.id, "identity", identity_holders));
      std::map<std::string, std::string> identity_to;
      for (const auto& h : holders) {
        if (h.role == Role::kOffice && h.custodian) identity_to[HolderOf(h.user_id)] = h.public_key;
      }
      if (!identity_holders.empty()) {
        RevealFilter approved;
        approved.report_id = r.id;
        approved.state = RevealState::kApproved;
        for (int page = 1;; ++page) {
          XUNCHA_ASSIGN_OR_RETURN(auto reqs, tx->ListRevealRequests(approved, {page, 200}));
          for (const auto& q : reqs.items) {
            auto h = handlers.find(HolderOf(q.requested_by));
            if (h != handlers.end()) identity_to[h->first] = h->second;
          }
          if (reqs.items.size() < 200u) break;
        }
      }
      int identity_sealed = 0;
      if (!identity_key.lost) {
        XUNCHA_ASSIGN_OR_RETURN(
            identity_sealed, Reseal(*tx, crypto_, r.id, "identity", identity_key.key, identity_to,
                                    identity_holders, sum.stale_removed));
      }

      sum.report_keys += report_sealed;
      sum.identity_keys += identity_sealed;
      if (report_key.key || identity_key.key) ++sum.reports;
      if (report_key.lost || identity_key.lost) ++sum.skipped;
    }
    XUNCHA_TRY(tx->Commit());
  }

  // Quarantined mail: its key to the group's current handlers (and escrow), nobody else.
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  MailFilter all_mail;
  all_mail.all_groups = true;
  for (int page = 1;; ++page) {
    XUNCHA_ASSIGN_OR_RETURN(auto mail, tx->ListMail(all_mail, {page, 200}));
    for (const auto& m : mail.items) {
      XUNCHA_ASSIGN_OR_RETURN(auto box, tx->GetMailKey(m.message.id, "escrow"));
      if (!box) continue;  // nothing kept, or no escrow copy: left as it is
      auto key = crypto_.OpenSealed(escrow_secret_key, *box);
      if (!key.ok()) continue;
      XUNCHA_TRY(SealMailKey(*tx, m.message.id, m.message.group_id, *key,
                             /*leaders=*/m.message.state == MailState::kQuarantined));
      ++sum.mail_keys;
    }
    if (static_cast<std::int64_t>(page) * 200 >= mail.total) break;
  }
  XUNCHA_TRY(audit_.Append(
      *tx, SystemActor("escrow"), "keys.regrant", "report", "",
      "reports " + std::to_string(sum.reports) + ", report keys " +
          std::to_string(sum.report_keys) + ", identity keys " + std::to_string(sum.identity_keys) +
          ", stale removed " + std::to_string(sum.stale_removed) + ", skipped " +
          std::to_string(sum.skipped) + ", mail keys " + std::to_string(sum.mail_keys)));
  XUNCHA_TRY(tx->Commit());
  return sum;
}

}  // namespace xuncha
