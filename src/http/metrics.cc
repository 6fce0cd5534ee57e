#include "http/metrics.h"

#include <cstdio>

namespace xuncha::http {

void Metrics::Observe(unsigned status, double seconds) {
  std::size_t cls = status / 100;
  if (cls < by_class_.size()) by_class_[cls]++;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) buckets_[i]++;
  }
  count_++;
  sum_micros_ += static_cast<std::uint64_t>(seconds * 1e6);
}

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP xuncha_http_requests_total HTTP requests by status class.\n";
  out += "# TYPE xuncha_http_requests_total counter\n";
  for (std::size_t c = 1; c < by_class_.size(); ++c) {
    out += "xuncha_http_requests_total{code=\"" + std::to_string(c) + "xx\"} " +
           std::to_string(by_class_[c].load()) + "\n";
  }
  out += "# HELP xuncha_http_request_duration_seconds Time to handle a request.\n";
  out += "# TYPE xuncha_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    char le[32];
    std::snprintf(le, sizeof le, "%g", kBuckets[i]);
    out += std::string("xuncha_http_request_duration_seconds_bucket{le=\"") + le + "\"} " +
           std::to_string(buckets_[i].load()) + "\n";
  }
  out += "xuncha_http_request_duration_seconds_bucket{le=\"+Inf\"} " +
         std::to_string(count_.load()) + "\n";
  char sum[64];
  std::snprintf(sum, sizeof sum, "%.6f", static_cast<double>(sum_micros_.load()) / 1e6);
  out += std::string("xuncha_http_request_duration_seconds_sum ") + sum + "\n";
  out += "xuncha_http_request_duration_seconds_count " + std::to_string(count_.load()) + "\n";
  out += "# HELP xuncha_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE xuncha_http_requests_in_flight gauge\n";
  out += "xuncha_http_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  return out;
}

}  // namespace xuncha::http
