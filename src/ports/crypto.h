// Crypto the app needs, behind interfaces so that domain and app include no libsodium header.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xuncha {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // An Argon2id string with its own salt and cost parameters.
  virtual Result<std::string> Hash(std::string_view password) = 0;
  virtual bool Verify(std::string_view hash, std::string_view password) = 0;
  // A 32-byte key from a password and a 16-byte salt (Argon2id, raw), to lock a private key.
  virtual Result<std::string> DeriveKey(std::string_view password, std::string_view salt) = 0;
};

// An X25519 key pair (raw bytes).
struct KeyPair {
  std::string public_key;
  std::string secret_key;
};

class Crypto {
 public:
  virtual ~Crypto() = default;
  // `bytes` random bytes, URL-safe base64 without padding.
  virtual std::string RandomToken(std::size_t bytes) = 0;
  // A 32-byte cryptographic hash (BLAKE2b), hex.
  virtual std::string HashHex(std::string_view data) = 0;
  // A 32-byte keyed hash (BLAKE2b with `key`), hex. Also used to derive subkeys.
  virtual std::string KeyedHashHex(std::string_view key, std::string_view data) = 0;
  virtual std::string KeyedHash(std::string_view key, std::string_view data) = 0;  // raw 32 bytes
  virtual std::string RandomBytes(std::size_t n) = 0;
  // `digits` uniformly random decimal digits.
  virtual std::string RandomDigits(std::size_t digits) = 0;

  // Authenticated encryption (XChaCha20-Poly1305) with a 32-byte key. The result carries its
  // random nonce. `context` is bound to the ciphertext: opening it under another context fails.
  virtual std::string Seal(std::string_view key, std::string_view plaintext,
                           std::string_view context) = 0;
  // kPermissionDenied (key "decrypt_failed") for a wrong key, context or a damaged box.
  virtual Result<std::string> Open(std::string_view key, std::string_view box,
                                   std::string_view context) = 0;

  // Public-key sealing (X25519 sealed boxes): anyone with the public key can seal, only the
  // holder of the secret key can open.
  virtual KeyPair NewKeyPair() = 0;
  virtual std::string SealTo(std::string_view public_key, std::string_view plaintext) = 0;
  virtual Result<std::string> OpenSealed(std::string_view secret_key, std::string_view box) = 0;
};

}  // namespace xuncha
