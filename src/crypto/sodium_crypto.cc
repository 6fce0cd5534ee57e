#include "crypto/sodium_crypto.h"

#include <sodium.h>

#include <string>
#include <vector>

namespace xuncha {

Status InitSodium() {
  if (sodium_init() < 0) return Internal("sodium_init failed");
  return Ok();
}

Result<std::string> SodiumPasswordHasher::Hash(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost_ == HashCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                           : crypto_pwhash_OPSLIMIT_MIN;
  size_t mem = cost_ == HashCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                               : crypto_pwhash_MEMLIMIT_MIN;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("argon2id: out of memory");
  }
  return std::string(out);
}

bool SodiumPasswordHasher::Verify(std::string_view hash, std::string_view password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumCrypto::RandomToken(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string SodiumCrypto::HashHex(std::string_view data) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string(hex, 64);
}

}  // namespace xuncha

namespace xuncha {
namespace {
const unsigned char* U(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* U(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }
Error DecryptFailed() {
  return Error::Make(ErrorCode::kPermissionDenied, "decryption failed", "decrypt_failed");
}
}  // namespace

Result<std::string> SodiumPasswordHasher::DeriveKey(std::string_view password,
                                                    std::string_view salt) {
  if (salt.size() != crypto_pwhash_SALTBYTES) return Internal("derive key: bad salt size");
  unsigned long long ops = cost_ == HashCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                           : crypto_pwhash_OPSLIMIT_MIN;
  size_t mem = cost_ == HashCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                               : crypto_pwhash_MEMLIMIT_MIN;
  std::string key(32, '\0');
  if (crypto_pwhash(U(key), key.size(), password.data(), password.size(), U(salt), ops, mem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("argon2id: out of memory");
  }
  return key;
}

std::string SodiumCrypto::KeyedHash(std::string_view key, std::string_view data) {
  std::string out(32, '\0');
  crypto_generichash(U(out), out.size(), U(data), data.size(), U(key), key.size());
  return out;
}

std::string SodiumCrypto::KeyedHashHex(std::string_view key, std::string_view data) {
  std::string h = KeyedHash(key, data);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, U(std::string_view(h)), h.size());
  return std::string(hex, 64);
}

std::string SodiumCrypto::RandomBytes(std::size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string SodiumCrypto::RandomDigits(std::size_t digits) {
  std::string out;
  out.reserve(digits);
  for (std::size_t i = 0; i < digits; ++i) {
    out.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  }
  return out;
}

std::string SodiumCrypto::Seal(std::string_view key, std::string_view plaintext,
                               std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  randombytes_buf(out.data(), kNonce);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(U(out) + kNonce, &len, U(plaintext), plaintext.size(),
                                             U(context), context.size(), nullptr, U(out), U(key));
  out.resize(kNonce + len);
  return out;
}

Result<std::string> SodiumCrypto::Open(std::string_view key, std::string_view box,
                                       std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES ||
      box.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return DecryptFailed();
  }
  std::string out(box.size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(U(out), &len, nullptr, U(box) + kNonce,
                                                 box.size() - kNonce, U(context), context.size(),
                                                 U(box), U(key)) != 0) {
    return DecryptFailed();
  }
  out.resize(len);
  return out;
}

KeyPair SodiumCrypto::NewKeyPair() {
  KeyPair kp{std::string(crypto_box_PUBLICKEYBYTES, '\0'),
             std::string(crypto_box_SECRETKEYBYTES, '\0')};
  crypto_box_keypair(U(kp.public_key), U(kp.secret_key));
  return kp;
}

std::string SodiumCrypto::SealTo(std::string_view public_key, std::string_view plaintext) {
  std::string out(plaintext.size() + crypto_box_SEALBYTES, '\0');
  if (public_key.size() != crypto_box_PUBLICKEYBYTES) return {};
  crypto_box_seal(U(out), U(plaintext), plaintext.size(), U(public_key));
  return out;
}

Result<std::string> SodiumCrypto::OpenSealed(std::string_view secret_key, std::string_view box) {
  if (secret_key.size() != crypto_box_SECRETKEYBYTES || box.size() < crypto_box_SEALBYTES) {
    return DecryptFailed();
  }
  std::string pk(crypto_box_PUBLICKEYBYTES, '\0');
  crypto_scalarmult_base(U(pk), U(secret_key));
  std::string out(box.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(U(out), U(box), box.size(), U(std::string_view(pk)), U(secret_key)) !=
      0) {
    return DecryptFailed();
  }
  return out;
}

}  // namespace xuncha
