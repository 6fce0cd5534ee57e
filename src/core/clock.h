// Clock: the only source of "now". Tests inject a FakeClock; nothing else calls system time.
#pragma once

#include <atomic>
#include <cstdint>

namespace xuncha {

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock tests move by hand. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixSeconds start) : now_(start) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Advance(UnixSeconds s) { now_ += s; }
  void Set(UnixSeconds s) { now_ = s; }

 private:
  std::atomic<UnixSeconds> now_;
};

}  // namespace xuncha
