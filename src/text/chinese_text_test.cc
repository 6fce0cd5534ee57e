#include "text/chinese_text.h"

#include <gtest/gtest.h>

namespace xuncha::text {
namespace {

std::string N(std::string_view s) {
  auto r = Normalize(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : "";
}

std::string P(std::string_view s) {
  auto r = Pinyin(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : "";
}

TEST(ChineseTextTest, NormalizeFoldsTraditionalFullWidthCaseAndSpaces) {
  EXPECT_EQ(N("貪污受賄、違規吃喝"), "贪污受贿、违规吃喝");
  EXPECT_EQ(N("王局長在ＫＴＶ消費１２０００元"), "王局长在ktv消费12000元");
  // The ideographic space and line breaks become one space; the ends are trimmed.
  EXPECT_EQ(N("　反映\r\n\n问题　 "), "反映 问题");
  // Full-width punctuation folds to ASCII where NFKC says so (，→, ；→;).
  EXPECT_EQ(N("张三，李四；"), "张三,李四;");
  // Emoji and mixed scripts survive.
  EXPECT_EQ(N("公款吃喝😡 Room 302"), "公款吃喝😡 room 302");
  EXPECT_EQ(N(""), "");
}

TEST(ChineseTextTest, NormalizeMapsCharactersNotPhrases) {
  // ICU's Traditional-Simplified phrase rules would turn 巡察 into 巡查 (and a 巡察组 into a
  // 巡查组); each character is mapped on its own, so correct Simplified text stays as written.
  EXPECT_EQ(N("巡察组进驻"), "巡察组进驻");
  EXPECT_EQ(N("巡察"), N("巡") + N("察"));
  EXPECT_EQ(N("觀察員"), "观察员");
  // The output follows the input one character at a time (white space aside).
  const std::string text = "市財政局副局長孫某，違規報銷ＫＴＶ費用";
  std::string piecewise;
  for (const auto& c : Characters(text)) piecewise += N(c);
  EXPECT_EQ(N(text), piecewise);
}

TEST(ChineseTextTest, InvalidUtf8IsRefusedNotRepaired) {
  for (std::string bad : {std::string("\xff"), std::string("abc\xe4\xb8"),
                          std::string("\xc0\xaf"),             // overlong '/'
                          std::string("\xed\xa0\x80"),         // a surrogate
                          std::string("\xf4\x90\x80\x80")}) {  // above U+10FFFF
    EXPECT_FALSE(IsValidUtf8(bad));
    auto n = Normalize(bad);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().key, "bad_utf8");
    EXPECT_FALSE(Words(bad).ok());
    EXPECT_FALSE(Pinyin(bad).ok());
  }
  // GBK bytes of "巡察" are not UTF-8 either.
  EXPECT_FALSE(IsValidUtf8("\xd1\xb2\xb2\xec"));
  EXPECT_TRUE(IsValidUtf8("巡察😀a"));
}

TEST(ChineseTextTest, WordsSegmentsChineseAndSkipsPunctuation) {
  auto w = Words(N("王胜弘局长违规收受礼金，并在KTV公款吃喝。"));
  ASSERT_TRUE(w.ok());
  auto has = [&](const std::string& x) { return std::find(w->begin(), w->end(), x) != w->end(); };
  EXPECT_TRUE(has("违规")) << ::testing::PrintToString(*w);
  EXPECT_TRUE(has("收受")) << ::testing::PrintToString(*w);
  EXPECT_TRUE(has("礼金")) << ::testing::PrintToString(*w);
  EXPECT_TRUE(has("ktv")) << ::testing::PrintToString(*w);
  EXPECT_FALSE(has("，"));
  EXPECT_FALSE(has("。"));
  for (const auto& x : *w) EXPECT_FALSE(x.empty());
}

TEST(ChineseTextTest, PinyinMakesSameSoundingNamesEqual) {
  EXPECT_EQ(P("王胜宏"), "wang sheng hong");
  EXPECT_EQ(P("王胜弘"), P("王胜宏"));
  EXPECT_NE(P("王胜宏"), P("王圣"));
  EXPECT_EQ(P("张局长"), "zhang ju zhang");
  // Traditional characters read the same.
  EXPECT_EQ(P(N("張偉")), P("张伟"));
  // Latin and digits pass through (only syllables of adjacent Han characters get a space).
  EXPECT_EQ(P("A3号"), "a3hao");
}

TEST(ChineseTextTest, CharactersSplitsCodePoints) {
  auto c = Characters("公款a😀");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], "公");
  EXPECT_EQ(c[2], "a");
  EXPECT_EQ(c[3], "😀");
}

}  // namespace
}  // namespace xuncha::text
