#include "domain/search_query.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

std::string Q(std::string_view q) {
  auto r = ParseSearchQuery(q);
  EXPECT_TRUE(r.ok()) << q << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? QueryToString(*r) : "";
}

std::string Bad(std::string_view q) {
  auto r = ParseSearchQuery(q);
  EXPECT_FALSE(r.ok()) << q;
  if (r.ok()) return "";
  EXPECT_EQ(r.error().key, "bad_search_query");
  return r.error().message;
}

TEST(SearchQueryTest, WhiteSpaceIsAndAndShortTermsStayTerms) {
  EXPECT_EQ(Q("公款"), "\"公款\"");
  EXPECT_EQ(Q("违"), "\"违\"");
  EXPECT_EQ(Q("公款 吃喝"), "(AND \"公款\" \"吃喝\")");
  EXPECT_EQ(Q("  公款　吃喝  "), "(AND \"公款\" \"吃喝\")");  // ideographic space
  EXPECT_EQ(Q("公款 AND 吃喝"), "(AND \"公款\" \"吃喝\")");
}

TEST(SearchQueryTest, OrNotPhrasesAndGroups) {
  EXPECT_EQ(Q("公款 OR 吃喝"), "(OR \"公款\" \"吃喝\")");
  EXPECT_EQ(Q("公款|吃喝"), "(OR \"公款\" \"吃喝\")");
  EXPECT_EQ(Q("公款 或 吃喝"), "(OR \"公款\" \"吃喝\")");
  // AND binds tighter than OR.
  EXPECT_EQ(Q("a b OR c"), "(OR (AND \"a\" \"b\") \"c\")");
  EXPECT_EQ(Q("公款 -吃喝"), "(AND \"公款\" (NOT \"吃喝\"))");
  EXPECT_EQ(Q("公款 NOT 吃喝"), "(AND \"公款\" (NOT \"吃喝\"))");
  EXPECT_EQ(Q("\"违规 发放\" 补贴"), "(AND [违规 发放] \"补贴\")");
  EXPECT_EQ(Q("“违规发放”"), "[违规发放]");
  EXPECT_EQ(Q("(公款 | 私车) 报销"), "(AND (OR \"公款\" \"私车\") \"报销\")");
  EXPECT_EQ(Q("（公款｜私车）报销"), "(AND (OR \"公款\" \"私车\") \"报销\")");
  // A minus inside a word is part of it.
  EXPECT_EQ(Q("2023-05"), "\"2023-05\"");
}

TEST(SearchQueryTest, PositiveTermsLeaveOutNegations) {
  auto q = ParseSearchQuery("公款 (吃喝 OR \"购物卡\") -KTV");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(PositiveTerms(*q), (std::vector<std::string>{"公款", "吃喝", "购物卡"}));
}

TEST(SearchQueryTest, BadQueriesSayWhatIsWrong) {
  EXPECT_EQ(Bad(""), "empty query");
  EXPECT_EQ(Bad("   "), "empty query");
  EXPECT_EQ(Bad("\"公款"), "unbalanced quotes");
  EXPECT_EQ(Bad("\"  \""), "empty phrase");
  EXPECT_EQ(Bad("(公款"), "unbalanced parentheses");
  EXPECT_EQ(Bad("公款)"), "unbalanced parentheses");
  EXPECT_EQ(Bad("OR 公款"), "OR needs a term on each side");
  EXPECT_EQ(Bad("公款 OR"), "OR needs a term on each side");
  EXPECT_EQ(Bad("-吃喝"), "a query of negations only matches nothing on its own");
  EXPECT_EQ(Bad("公款 OR -吃喝"), "a query of negations only matches nothing on its own");
  EXPECT_EQ(Bad("- -a"), "double negation");
  EXPECT_EQ(Bad(std::string(1001, 'a')), "query too long");
  std::string many;
  for (int i = 0; i < 33; ++i) many += "t" + std::to_string(i) + " ";
  EXPECT_EQ(Bad(many), "too many terms");
  EXPECT_EQ(Bad(std::string(20, '(') + "a" + std::string(20, ')')), "query nested too deep");
}

}  // namespace
}  // namespace xuncha
