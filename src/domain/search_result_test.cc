#include "domain/search_result.h"

#include <gtest/gtest.h>

#include <memory>

#include "domain/search_segment_file.h"

namespace xuncha {
namespace {

std::string Joined(const std::vector<SnippetPart>& parts, bool mark = true) {
  std::string s;
  for (const auto& p : parts) s += mark && p.hit ? "[" + p.text + "]" : p.text;
  return s;
}

TEST(SearchSnippet, MarksEveryOccurrenceInTheWindow) {
  const std::string text = "反映市应急局张局长公款吃喝，多次在酒店公款宴请";
  auto parts = MakeSnippet(text, {"公款"}, 80);
  EXPECT_EQ(Joined(parts), "反映市应急局张局长[公款]吃喝，多次在酒店[公款]宴请");
}

TEST(SearchSnippet, LongestTermWinsAtAPosition) {
  auto parts = MakeSnippet("他公款吃喝", {"公款", "公款吃喝"}, 80);
  EXPECT_EQ(Joined(parts), "他[公款吃喝]");
}

TEST(SearchSnippet, CutsAroundTheFirstMatchOnCharacterBoundaries) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "一";
  text += "违规";
  for (int i = 0; i < 100; ++i) text += "二";
  auto parts = MakeSnippet(text, {"违规"}, 30);
  const std::string s = Joined(parts, false);
  EXPECT_EQ(s.rfind("…", 0), 0u);
  EXPECT_NE(s.find("违规"), std::string::npos);
  EXPECT_EQ(s.substr(s.size() - 3), "…");
  // 20 characters of lead, 30 in all: 20 一, 违规, 8 二.
  EXPECT_EQ(
      s, "…" + [] {
        std::string x;
        for (int i = 0; i < 20; ++i) x += "一";
        x += "违规";
        for (int i = 0; i < 8; ++i) x += "二";
        return x;
      }() + "…");
}

TEST(SearchSnippet, NoMatchShowsTheStartAndEmptyTermsAreIgnored) {
  auto parts = MakeSnippet("举报内容", {"", "贪污"}, 80);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_FALSE(parts[0].hit);
  EXPECT_EQ(parts[0].text, "举报内容");
  EXPECT_TRUE(MakeSnippet("", {"x"}).empty());
}

TEST(SearchSnippet, LatinAndEmojiStayWhole) {
  auto parts = MakeSnippet("ktv消费😡3次ktv", {"ktv"}, 80);
  EXPECT_EQ(Joined(parts), "[ktv]消费😡3次[ktv]");
}

TEST(SearchRank, CountsNonOverlappingOccurrences) {
  EXPECT_EQ(CountOccurrences("哈哈哈哈", "哈哈"), 2u);
  EXPECT_EQ(CountOccurrences("公款吃喝公款", "公款"), 2u);
  EXPECT_EQ(CountOccurrences("abc", ""), 0u);
}

TEST(SearchRank, Bm25PrefersMoreOccurrencesRarerTermsAndShorterText) {
  const double once = Bm25({{1, 10}}, 100, 100, 1000);
  const double thrice = Bm25({{3, 10}}, 100, 100, 1000);
  const double common = Bm25({{1, 900}}, 100, 100, 1000);
  const double longer = Bm25({{1, 10}}, 400, 100, 1000);
  EXPECT_GT(thrice, once);
  EXPECT_GT(once, common);
  EXPECT_GT(once, longer);
  EXPECT_EQ(Bm25({{0, 10}}, 100, 100, 1000), 0);
}

TEST(SearchSegmentFile, RoundTripsDocsTombstonesAndPostings) {
  std::vector<SearchDoc> docs = {{3, "report", 17, false, "张局长公款吃喝"},
                                 {4, "report", 18, true, ""},
                                 {9, "report", 2, false, "违规发放补贴"}};
  const std::string bytes = EncodeSegmentFile(docs, BuildPostings(docs));
  auto f = DecodeSegmentFile(bytes);
  ASSERT_TRUE(f.ok()) << f.error().message;
  ASSERT_EQ(f->docs.size(), 3u);
  EXPECT_EQ(f->docs[0].text, "张局长公款吃喝");
  EXPECT_EQ(f->docs[1].record_id, 18);
  EXPECT_TRUE(f->docs[1].deleted);
  EXPECT_EQ(f->segment.docs(), (std::vector<DocNo>{3, 9}));
  SearchIndex index;
  index.Add(std::make_shared<SearchSegment>(std::move(f->segment)));
  QueryNode q;
  q.text = "公款";
  auto text_of = [&f](DocNo no) -> const std::string* {
    for (const auto& d : f->docs) {
      if (d.no == no) return &d.text;
    }
    return nullptr;
  };
  EXPECT_EQ(index.Evaluate(q, text_of), (std::vector<DocNo>{3}));
}

TEST(SearchSegmentFile, RefusesEveryTruncationAndDamage) {
  std::vector<SearchDoc> docs = {{1, "report", 5, false, "公款吃喝"},
                                 {2, "report", 6, false, "ab"}};
  const std::string bytes = EncodeSegmentFile(docs, BuildPostings(docs));
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto f = DecodeSegmentFile(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(f.ok()) << n;
    EXPECT_EQ(f.error().key, "bad_segment");
  }
  std::string flipped = bytes;
  flipped[4] = '\x09';  // claims more documents than there are
  EXPECT_FALSE(DecodeSegmentFile(flipped).ok());
}

}  // namespace
}  // namespace xuncha
