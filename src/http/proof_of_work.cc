#include "http/proof_of_work.h"

#include <sodium.h>

#include <charconv>
#include <vector>

#include "core/hex.h"

namespace xuncha::http {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    out.push_back(
        s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

Error Invalid() {
  return Error::Make(ErrorCode::kInvalidArgument, "proof of work missing or wrong", "pow_invalid");
}

}  // namespace

int PowZeroBits(std::string_view challenge, std::string_view solution) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(challenge.data()),
                            challenge.size());
  const unsigned char colon = ':';
  crypto_hash_sha256_update(&st, &colon, 1);
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(solution.data()),
                            solution.size());
  crypto_hash_sha256_final(&st, digest);
  int bits = 0;
  for (unsigned char byte : digest) {
    if (byte == 0) {
      bits += 8;
      continue;
    }
    for (int b = 7; b >= 0 && ((byte >> b) & 1) == 0; --b) ++bits;
    break;
  }
  return bits;
}

ProofOfWork::ProofOfWork(int bits, UnixSeconds ttl_seconds) : bits_(bits), ttl_(ttl_seconds) {
  key_.resize(crypto_auth_hmacsha256_KEYBYTES);
  randombytes_buf(key_.data(), key_.size());
}

std::string ProofOfWork::Mac(std::string_view payload) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(payload.data()),
                         payload.size(), reinterpret_cast<const unsigned char*>(key_.data()));
  return HexEncode(std::string_view(reinterpret_cast<const char*>(mac), 16));
}

std::string ProofOfWork::Challenge(UnixSeconds now) {
  std::string nonce(12, '\0');
  randombytes_buf(nonce.data(), nonce.size());
  const std::string payload = "v1." + std::to_string(now + ttl_) + "." + HexEncode(nonce);
  return payload + "." + Mac(payload);
}

Status ProofOfWork::Verify(std::string_view challenge, std::string_view solution, UnixSeconds now) {
  if (bits_ <= 0) return Ok();
  if (challenge.size() > 200 || solution.empty() || solution.size() > 64) return Invalid();
  const auto parts = Split(challenge, '.');
  if (parts.size() != 4 || parts[0] != "v1") return Invalid();
  const std::string payload(challenge.substr(0, challenge.rfind('.')));
  const std::string mac = Mac(payload);
  if (parts[3].size() != mac.size() ||
      sodium_memcmp(parts[3].data(), mac.data(), mac.size()) != 0) {
    return Invalid();
  }
  UnixSeconds expires = 0;
  auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), expires);
  if (ec != std::errc() || end != parts[1].data() + parts[1].size()) return Invalid();
  if (expires < now) {
    return Error::Make(ErrorCode::kInvalidArgument, "challenge expired", "pow_expired");
  }
  if (PowZeroBits(challenge, solution) < bits_) return Invalid();
  std::lock_guard lock(mu_);
  for (auto it = used_.begin(); it != used_.end();) {
    it = it->second < now ? used_.erase(it) : std::next(it);
  }
  if (!used_.emplace(std::string(challenge), expires).second) return Invalid();
  return Ok();
}

}  // namespace xuncha::http
