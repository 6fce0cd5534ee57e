// The server's search indexer: a thread that folds queued record changes into the search index
// every `interval` seconds (the first pass right away, which also loads the index), so that
// searches rarely find work to do. Searches bring the index up to date themselves, so this is
// for latency, not correctness. Interval 0: no thread.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/search_service.h"

namespace xuncha {

class SearchIndexer {
 public:
  SearchIndexer(SearchService& search, int interval_seconds);
  ~SearchIndexer();
  SearchIndexer(const SearchIndexer&) = delete;
  SearchIndexer& operator=(const SearchIndexer&) = delete;
  // Wakes the thread and waits for it to finish the pass in progress.
  void Stop();

 private:
  void Run();

  SearchService& search_;
  int interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace xuncha
