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
  Result<std::string> DeriveKey(std::string_view password, std::string_view salt) override;

 private:
  HashCost cost_;
};

class SodiumCrypto final : public Crypto {
 public:
  std::string RandomToken(std::size_t bytes) override;
  std::string HashHex(std::string_view data) override;
  std::string KeyedHashHex(std::string_view key, std::string_view data) override;
  std::string KeyedHash(std::string_view key, std::string_view data) override;
  std::string RandomBytes(std::size_t n) override;
  std::string RandomDigits(std::size_t digits) override;
  std::string Seal(std::string_view key, std::string_view plaintext,
                   std::string_view context) override;
  Result<std::string> Open(std::string_view key, std::string_view box,
                           std::string_view context) override;
  KeyPair NewKeyPair() override;
  std::string SealTo(std::string_view public_key, std::string_view plaintext) override;
  Result<std::string> OpenSealed(std::string_view secret_key, std::string_view box) override;
};

}  // namespace xuncha
