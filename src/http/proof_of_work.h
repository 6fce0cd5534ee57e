// An optional proof of work on public submissions (防刷验证), against floods from many
// addresses that the per-client rate limit cannot tell apart. The server hands out a challenge
// "v1.<expires>.<nonce>.<mac>" (stateless: the MAC, under a per-process key, proves it is ours);
// the browser finds a solution s such that SHA-256(challenge ":" s) starts with `bits` zero bits
// (2^bits hashes on average: 16 bits ≈ 65 000, about a second on a phone) and sends both with
// the report. Each challenge is accepted once, until it expires. No address is kept.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "core/result.h"

namespace xuncha::http {

// The number of leading zero bits of SHA-256(challenge ":" solution).
int PowZeroBits(std::string_view challenge, std::string_view solution);

class ProofOfWork {
 public:
  // bits 0: off (Verify accepts anything). ttl: how long a challenge stays valid.
  explicit ProofOfWork(int bits, UnixSeconds ttl_seconds = 900);
  int bits() const { return bits_; }
  std::string Challenge(UnixSeconds now);
  // kInvalidArgument "pow_invalid" (missing, forged, not solved, already used) or
  // "pow_expired".
  Status Verify(std::string_view challenge, std::string_view solution, UnixSeconds now);

 private:
  std::string Mac(std::string_view payload) const;

  int bits_;
  UnixSeconds ttl_;
  std::string key_;
  std::mutex mu_;
  std::unordered_map<std::string, UnixSeconds> used_;  // challenge -> expiry
};

}  // namespace xuncha::http
