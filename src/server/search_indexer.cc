#include "server/search_indexer.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace xuncha {

SearchIndexer::SearchIndexer(SearchService& search, int interval_seconds)
    : search_(search), interval_(interval_seconds) {
  if (interval_ > 0) thread_ = std::thread([this] { Run(); });
}

SearchIndexer::~SearchIndexer() { Stop(); }

void SearchIndexer::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchIndexer::Run() {
  bool first = true;
  while (true) {
    auto n = search_.Sync();
    if (!n.ok()) {
      spdlog::warn("search index: {}", n.error().message);
    } else if (first || *n > 0) {
      auto stats = search_.Stats();
      if (stats.ok()) {
        spdlog::info("search index: {} records in {} segments ({} just indexed)", stats->docs,
                     stats->segments, *n);
      }
    }
    first = false;
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, std::chrono::seconds(interval_), [this] { return stop_; })) return;
  }
}

}  // namespace xuncha
