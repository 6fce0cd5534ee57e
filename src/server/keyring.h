// The server's keys that live outside the database: the master key file (content and lookup
// keys are derived from it), and the escrow key pair whose public half is in the database and
// whose secret half is locked by a recovery code printed once, at creation.
#pragma once

#include <string>

#include "app/report_service.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct LoadedKeyring {
  ReportKeyring keys;
  // Set only when this call created the escrow key: print it once, never store it.
  std::string new_recovery_code;
};

// Reads `key_file` (creating it, mode 0600, when neither it nor a key check exists yet) and
// checks it against the database. kFailedPrecondition when the file is missing or does not
// belong to this database: nothing is created then, so no data is made unreadable.
Result<LoadedKeyring> LoadKeyring(const std::string& key_file, Store& store, Crypto& crypto,
                                  PasswordHasher& hasher);

// Derives the content and lookup keys from a 32-byte master key.
ReportKeyring DeriveKeyring(Crypto& crypto, const std::string& master);

}  // namespace xuncha
