// Seeing a reporter's identity: a stated reason, a custodian's approval (which re-seals the
// identity key to the requester), and an audit entry for every request, decision and view.
#include "app/report_codec.h"
#include "app/report_service.h"

namespace xuncha {

Result<RevealRequest> ReportService::RequestReveal(const Actor& a, ReportId id,
                                                   const std::string& reason) {
  FieldErrors errors;
  CheckText(errors, "reason", reason, true, 1000);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
  if (rec.report.anonymous) {
    return Error::Make(ErrorCode::kFailedPrecondition, "anonymous report", "reveal_anonymous");
  }
  RevealFilter f;
  f.report_id = id;
  f.requested_by = a.user.id;
  f.state = RevealState::kPending;
  XUNCHA_ASSIGN_OR_RETURN(auto pending, tx->ListRevealRequests(f, {1, 1}));
  if (pending.total > 0) {
    return Error::Make(ErrorCode::kFailedPrecondition, "already pending", "reveal_pending");
  }
  RevealRequest q;
  q.report_id = id;
  q.requested_by = a.user.id;
  q.requested_at = clock_.Now();
  q.reason = reason;
  XUNCHA_ASSIGN_OR_RETURN(q.id, tx->InsertRevealRequest(q));
  XUNCHA_TRY(audit_.Append(*tx, a, "reveal.request", "report", std::to_string(id.value),
                           rec.report.number + " request " + std::to_string(q.id.value)));
  XUNCHA_TRY(tx->Commit());
  XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
  return rtx->GetRevealRequest(q.id);
}

Result<Page<RevealRequest>> ReportService::ListReveals(const Actor& a, const RevealFilter& f,
                                                       const PageRequest& p) {
  XUNCHA_TRY(CheckHandler(a));
  RevealFilter mine = f;
  // The office sees every request (reveals are visible to the office); others only their own.
  if (a.user.role != Role::kOffice) mine.requested_by = a.user.id;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListRevealRequests(mine, p);
}

Result<RevealRequest> ReportService::Decide(const Actor& a, RevealRequestId id, bool approve,
                                            const std::string& note) {
  if (a.user.role != Role::kOffice || !a.user.custodian) {
    return Forbidden("only the custodian decides", "custodian_only");
  }
  FieldErrors errors;
  CheckText(errors, "note", note, !approve, 1000);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(RevealRequest q, tx->GetRevealRequest(id));
  if (q.requested_by == a.user.id) {
    return Error::Make(ErrorCode::kFailedPrecondition, "own request", "reveal_own_request");
  }
  if (q.state != RevealState::kPending) return Stale("reveal_request");
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, tx->GetReport(q.report_id));
  if (approve) {
    // Open the identity key with the custodian's own key and seal it to the requester.
    if (a.secret_key.empty()) {
      return Error::Make(ErrorCode::kFailedPrecondition, "no key in session", "key_unavailable");
    }
    XUNCHA_ASSIGN_OR_RETURN(auto mine,
                            tx->GetReportKey(q.report_id, "identity", HolderOf(a.user.id)));
    if (!mine) {
      return Error::Make(ErrorCode::kFailedPrecondition, "no identity key for custodian",
                         "key_unavailable");
    }
    XUNCHA_ASSIGN_OR_RETURN(std::string identity_key, crypto_.OpenSealed(a.secret_key, *mine));
    XUNCHA_ASSIGN_OR_RETURN(auto requester_keys, tx->GetUserKeys(q.requested_by));
    if (!requester_keys) {
      return Error::Make(ErrorCode::kFailedPrecondition, "requester has no key pair",
                         "requester_no_key");
    }
    XUNCHA_TRY(tx->PutReportKey(q.report_id, "identity", HolderOf(q.requested_by),
                                crypto_.SealTo(requester_keys->public_key, identity_key)));
  }
  q.state = approve ? RevealState::kApproved : RevealState::kRejected;
  q.decided_by = a.user.id;
  q.decided_at = clock_.Now();
  q.note = note;
  XUNCHA_TRY(tx->UpdateRevealRequest(q));
  XUNCHA_TRY(audit_.Append(*tx, a, approve ? "reveal.approve" : "reveal.reject", "report",
                           std::to_string(q.report_id.value),
                           rec.report.number + " request " + std::to_string(id.value)));
  XUNCHA_TRY(tx->Commit());
  XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
  return rtx->GetRevealRequest(id);
}

Result<ReporterIdentity> ReportService::Identity(const Actor& a, ReportId id) {
  ReporterIdentity out;
  std::string number;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, Load(*tx, a, id));
    number = rec.report.number;
    const Error not_approved =
        Forbidden("identity needs an approved request", "reveal_not_approved");
    if (rec.report.anonymous || rec.identity_box.empty()) return not_approved;
    RevealFilter f;
    f.report_id = id;
    f.requested_by = a.user.id;
    f.state = RevealState::kApproved;
    XUNCHA_ASSIGN_OR_RETURN(auto approved, tx->ListRevealRequests(f, {1, 1}));
    if (approved.total == 0) return not_approved;
    XUNCHA_ASSIGN_OR_RETURN(auto sealed, tx->GetReportKey(id, "identity", HolderOf(a.user.id)));
    if (!sealed || a.secret_key.empty()) {
      return Error::Make(ErrorCode::kFailedPrecondition, "no key in session", "key_unavailable");
    }
    XUNCHA_ASSIGN_OR_RETURN(std::string identity_key, crypto_.OpenSealed(a.secret_key, *sealed));
    XUNCHA_ASSIGN_OR_RETURN(std::string plain,
                            crypto_.Open(identity_key, rec.identity_box, IdentityContext(number)));
    XUNCHA_ASSIGN_OR_RETURN(out, DecodeIdentity(plain));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(
      audit_.Append(*wtx, a, "report.identity.view", "report", std::to_string(id.value), number));
  XUNCHA_TRY(wtx->Commit());
  return out;
}

}  // namespace xuncha
