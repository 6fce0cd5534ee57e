// Request counters and a latency histogram, rendered in the Prometheus text format at /metrics.
// Lock-free; safe from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace xuncha::http {

class Metrics {
 public:
  static constexpr std::array<double, 10> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,  1.0,   2.5,  5.0};
  void Observe(unsigned status, double seconds);
  void InFlight(int delta) { in_flight_ += delta; }
  std::string Render() const;

 private:
  std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // 1xx..5xx, index = status / 100
  std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
  std::atomic<int> in_flight_{0};
};

}  // namespace xuncha::http
