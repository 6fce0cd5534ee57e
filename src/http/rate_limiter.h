// Per-client token buckets for the public endpoints. Clients are keyed by a salted hash of their
// address held in memory only: no address is written to a table or a log.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace xuncha::http {

class RateLimiter {
 public:
  // `per_minute` tokens refill per minute up to `burst`; per_minute <= 0 disables the limit.
  RateLimiter(double per_minute, double burst, std::size_t max_clients = 50000);

  // True when `client` may make one more request at `now_seconds` (a monotonic clock).
  bool Allow(const std::string& client, double now_seconds);

 private:
  struct Bucket {
    double tokens = 0;
    double at = 0;
  };
  double per_second_;
  double burst_;
  std::size_t max_clients_;
  std::uint64_t salt_;
  std::mutex mu_;
  std::unordered_map<std::uint64_t, Bucket> buckets_;
};

}  // namespace xuncha::http
