// Appending to and verifying the hash-chained operation log.
#pragma once

#include <cstdint>
#include <string>

#include "app/actor.h"
#include "core/clock.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

class AuditLog {
 public:
  AuditLog(Crypto& crypto, const Clock& clock) : crypto_(crypto), clock_(clock) {}

  // Appends one entry inside `tx` (a write transaction), chained to the newest entry, so the
  // entry commits or rolls back with the change it records.
  Status Append(Transaction& tx, const Actor& actor, const std::string& action,
                const std::string& object_type, const std::string& object_id,
                const std::string& detail);

  struct Verdict {
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t first_bad_seq = 0;  // 0 when ok
    std::string reason;              // English, for the CLI
    std::string head_hash;           // hash of the newest entry: record it elsewhere to detect
                                     // truncation of the tail
  };
  // Recomputes every hash and checks the chain and the sequence numbers.
  Result<Verdict> Verify(Store& store);

 private:
  Crypto& crypto_;
  const Clock& clock_;
};

}  // namespace xuncha
