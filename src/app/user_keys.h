// Each user's X25519 key pair. The secret key is stored locked by a key derived (Argon2id) from
// his password, and for the life of a session locked by a key derived from the session token,
// which only his browser holds. A copy of the database opens neither.
#pragma once

#include <string>

#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct NewKeys {
  UserKeys stored;
  std::string secret_key;
};

// Locks an existing key pair under `password` with a fresh salt.
Result<UserKeys> LockUserKeys(Crypto& crypto, PasswordHasher& hasher, const KeyPair& kp,
                              const std::string& password);
Result<NewKeys> MakeUserKeys(Crypto& crypto, PasswordHasher& hasher, const std::string& password);
// kPermissionDenied when the password does not open the key (e.g. keys from before a reset).
Result<std::string> UnlockSecretKey(Crypto& crypto, PasswordHasher& hasher, const UserKeys& keys,
                                    const std::string& password);
std::string LockForSession(Crypto& crypto, const std::string& token, const std::string& secret);
Result<std::string> UnlockForSession(Crypto& crypto, const std::string& token,
                                     const std::string& box);

}  // namespace xuncha
