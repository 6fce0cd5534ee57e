// The server's mail poller: a thread that polls every enabled group mailbox each `interval`
// seconds (the first pass right away) until stopped. Interval 0: no thread.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/mailbox_service.h"

namespace xuncha {

class MailPoller {
 public:
  MailPoller(MailboxService& mailboxes, int interval_seconds);
  ~MailPoller();
  MailPoller(const MailPoller&) = delete;
  MailPoller& operator=(const MailPoller&) = delete;
  // Wakes the thread and waits for it to finish the poll in progress.
  void Stop();

 private:
  void Run();

  MailboxService& mailboxes_;
  int interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace xuncha
