#include "app/audit_log.h"

namespace xuncha {

Status AuditLog::Append(Transaction& tx, const Actor& actor, const std::string& action,
                        const std::string& object_type, const std::string& object_id,
                        const std::string& detail) {
  XUNCHA_ASSIGN_OR_RETURN(auto last, tx.LastAudit());
  AuditEntry e;
  e.seq = last ? last->seq + 1 : 1;
  e.at = clock_.Now();
  if (actor.user.id.valid()) e.user_id = actor.user.id;
  e.username = actor.user.username;
  e.action = action;
  e.object_type = object_type;
  e.object_id = object_id;
  e.detail = detail;
  e.ip = actor.ip;
  e.prev_hash = last ? last->hash : std::string();
  e.hash = crypto_.HashHex(AuditCanonical(e));
  return tx.AppendAudit(e);
}

Result<AuditLog::Verdict> AuditLog::Verify(Store& store) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto entries, tx->AllAudit());
  Verdict v;
  std::string prev;
  std::int64_t expected_seq = 1;
  for (const auto& e : entries) {
    ++v.entries;
    auto fail = [&](std::string reason) {
      v.ok = false;
      v.first_bad_seq = e.seq;
      v.reason = std::move(reason);
    };
    if (e.seq != expected_seq) {
      fail("sequence gap: expected " + std::to_string(expected_seq) + ", found " +
           std::to_string(e.seq) + " (entry deleted or inserted)");
      return v;
    }
    if (e.prev_hash != prev) {
      fail("chain broken: prev_hash does not match the previous entry");
      return v;
    }
    if (crypto_.HashHex(AuditCanonical(e)) != e.hash) {
      fail("hash mismatch: entry edited");
      return v;
    }
    prev = e.hash;
    ++expected_seq;
  }
  v.head_hash = prev;
  return v;
}

}  // namespace xuncha
