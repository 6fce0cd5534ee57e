// Replays every committed fuzz corpus file through its target in the ordinary (ASan+UBSan) test
// build, so that an input that once crashed stays fixed even where clang is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "../fuzz/fuzz_target.h"

namespace {

void Replay(const char* dir, int (*target)(const std::uint8_t*, std::size_t)) {
  std::filesystem::path root = std::filesystem::path(XUNCHA_SOURCE_DIR) / "fuzz/corpus" / dir;
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0)
        << entry.path();
    ++n;
  }
  EXPECT_GT(n, 0) << "empty corpus " << root;
}

TEST(FuzzCorpusTest, Xlsx) { Replay("xlsx", FuzzXlsx); }
TEST(FuzzCorpusTest, RequestBody) { Replay("request_body", FuzzRequestBody); }
TEST(FuzzCorpusTest, Query) { Replay("query", FuzzQuery); }
TEST(FuzzCorpusTest, ReportBody) { Replay("report_body", FuzzReportBody); }
TEST(FuzzCorpusTest, Email) { Replay("email", FuzzEmail); }
TEST(FuzzCorpusTest, Multipart) { Replay("multipart", FuzzMultipart); }
TEST(FuzzCorpusTest, Strip) { Replay("strip", FuzzStrip); }
TEST(FuzzCorpusTest, SearchQuery) { Replay("search_query", FuzzSearchQuery); }
TEST(FuzzCorpusTest, RepeatFacts) { Replay("repeat_facts", FuzzRepeatFacts); }

}  // namespace
