// The operation log (操作日志), hash-chained, and the login log (登录日志).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/ids.h"

namespace xuncha {

// One entry of the operation log. hash = H(prev_hash || AuditCanonical(entry)), so editing,
// inserting or deleting any entry breaks the chain from that point on.
struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3 ... assigned by storage
  UnixSeconds at = 0;
  std::optional<UserId> user_id;
  std::string username;
  std::string action;  // e.g. "round.create", "group.member.override"
  std::string object_type;
  std::string object_id;
  std::string detail;  // short JSON or text; never a password, cookie or reporter detail
  std::string ip;
  std::string prev_hash;  // hex; empty for the first entry
  std::string hash;       // hex
};

// The bytes that the hash commits to (everything but `hash`), unambiguous: each field is
// length-prefixed.
std::string AuditCanonical(const AuditEntry& e);

struct LoginRecord {
  std::int64_t id = 0;
  UnixSeconds at = 0;
  std::string username;
  bool ok = false;
  std::string reason;  // ok | bad_password | locked | disabled | unknown_user
  std::string ip;
};

// A login session. The cookie holds a random token; storage keeps only its hash.
struct Session {
  std::string token_hash;
  UserId user_id;
  std::string csrf_token;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
  // The user's secret key locked by a key derived from the session token; empty if he has none.
  std::string key_box;
};

}  // namespace xuncha
