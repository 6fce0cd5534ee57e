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

// The escrow secret key, unlocked with the recovery code printed at creation. The code may be
// typed with or without its dashes and spaces (full-width digits too). kPermissionDenied
// "bad_recovery_code" when it is malformed or does not open the key; kFailedPrecondition when the
// database has no escrow key. `hasher` must have the Argon2id cost the database was created with.
// Never store or log the result.
Result<std::string> UnlockEscrowSecret(Store& store, PasswordHasher& hasher, Crypto& crypto,
                                       const std::string& recovery_code);

// Derives the content and lookup keys from a 32-byte master key.
ReportKeyring DeriveKeyring(Crypto& crypto, const std::string& master);

}  // namespace xuncha
