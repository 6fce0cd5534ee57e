// libsodium implementations of the crypto ports. Call InitSodium() once before use.
#pragma once

#include "ports/crypto.h"

namespace xuncha {

Status InitSodium();

// Argon2id via crypto_pwhash_str. `cost` kInteractive (64 MiB, the default) or kMinimal (tests).
enum class HashCost { kInteractive, kMinimal };

class SodiumPasswordHasher final : public PasswordHasher {
 public:
  explicit SodiumPasswordHasher(HashCost cost = HashCost::kInteractive) : cost_(cost) {}
  Result<std::string> Hash(std::string_view password) override;
  bool Verify(std::string_view hash, std::string_view password) override;

 private:
  HashCost cost_;
};

class SodiumCrypto final : public Crypto {
 public:
  std::string RandomToken(std::size_t bytes) override;
  std::string HashHex(std::string_view data) override;
};

}  // namespace xuncha
