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
};

class Crypto {
 public:
  virtual ~Crypto() = default;
  // `bytes` random bytes, URL-safe base64 without padding.
  virtual std::string RandomToken(std::size_t bytes) = 0;
  // A 32-byte cryptographic hash (BLAKE2b), hex.
  virtual std::string HashHex(std::string_view data) = 0;
};

}  // namespace xuncha
