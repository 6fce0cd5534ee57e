#include "app/user_keys.h"

namespace xuncha {
namespace {
constexpr const char* kLockContext = "xuncha:user-secret-key:v1";
constexpr const char* kSessionContext = "xuncha:session-secret-key:v1";
constexpr std::size_t kSaltBytes = 16;

std::string SessionKey(Crypto& crypto, const std::string& token) {
  return crypto.KeyedHash("xuncha:session-key:v1", token);
}
}  // namespace

Result<UserKeys> LockUserKeys(Crypto& crypto, PasswordHasher& hasher, const KeyPair& kp,
                              const std::string& password) {
  UserKeys out;
  out.public_key = kp.public_key;
  out.salt = crypto.RandomBytes(kSaltBytes);
  XUNCHA_ASSIGN_OR_RETURN(std::string lock, hasher.DeriveKey(password, out.salt));
  out.locked_secret_key = crypto.Seal(lock, kp.secret_key, kLockContext);
  return out;
}

Result<NewKeys> MakeUserKeys(Crypto& crypto, PasswordHasher& hasher, const std::string& password) {
  KeyPair kp = crypto.NewKeyPair();
  NewKeys out;
  XUNCHA_ASSIGN_OR_RETURN(out.stored, LockUserKeys(crypto, hasher, kp, password));
  out.secret_key = std::move(kp.secret_key);
  return out;
}

Result<std::string> UnlockSecretKey(Crypto& crypto, PasswordHasher& hasher, const UserKeys& keys,
                                    const std::string& password) {
  XUNCHA_ASSIGN_OR_RETURN(std::string lock, hasher.DeriveKey(password, keys.salt));
  return crypto.Open(lock, keys.locked_secret_key, kLockContext);
}

std::string LockForSession(Crypto& crypto, const std::string& token, const std::string& secret) {
  if (secret.empty()) return {};
  return crypto.Seal(SessionKey(crypto, token), secret, kSessionContext);
}

Result<std::string> UnlockForSession(Crypto& crypto, const std::string& token,
                                     const std::string& box) {
  if (box.empty()) return std::string();
  return crypto.Open(SessionKey(crypto, token), box, kSessionContext);
}

}  // namespace xuncha
