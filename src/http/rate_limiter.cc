#include "http/rate_limiter.h"

#include <algorithm>
#include <functional>
#include <random>

namespace xuncha::http {

RateLimiter::RateLimiter(double per_minute, double burst, std::size_t max_clients)
    : per_second_(per_minute / 60.0),
      burst_(burst),
      max_clients_(max_clients),
      salt_(std::random_device{}()) {}

bool RateLimiter::Allow(const std::string& client, double now_seconds) {
  if (per_second_ <= 0) return true;
  const std::uint64_t key = std::hash<std::string>{}(client) ^ (salt_ * 0x9E3779B97F4A7C15ULL);
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() >= max_clients_ && !buckets_.count(key)) {
    // Forget the clients whose buckets have refilled: they are indistinguishable from new ones.
    std::erase_if(buckets_, [&](const auto& kv) {
      return kv.second.tokens + (now_seconds - kv.second.at) * per_second_ >= burst_;
    });
    if (buckets_.size() >= max_clients_) return false;  // under a flood, refuse newcomers
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now_seconds});
  Bucket& b = it->second;
  if (!fresh) {
    b.tokens = std::min(burst_, b.tokens + (now_seconds - b.at) * per_second_);
    b.at = now_seconds;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace xuncha::http
