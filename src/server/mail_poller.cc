#include "server/mail_poller.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace xuncha {

MailPoller::MailPoller(MailboxService& mailboxes, int interval_seconds)
    : mailboxes_(mailboxes), interval_(interval_seconds) {
  if (interval_ > 0) thread_ = std::thread([this] { Run(); });
}

MailPoller::~MailPoller() { Stop(); }

void MailPoller::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailPoller::Run() {
  while (true) {
    for (const auto& [group, r] : mailboxes_.PollAll()) {
      if (!r.error.empty()) {
        spdlog::warn("mail poll of group {}: {}", group.value, r.error);
      } else if (r.imported + r.quarantined > 0) {
        spdlog::info("mail poll of group {}: {} imported, {} quarantined", group.value, r.imported,
                     r.quarantined);
      }
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, std::chrono::seconds(interval_), [this] { return stop_; })) return;
  }
}

}  // namespace xuncha
