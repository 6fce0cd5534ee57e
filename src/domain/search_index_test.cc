#include "domain/search_index.h"

#include <gtest/gtest.h>

#include <random>

namespace xuncha {
namespace {

const std::vector<std::string> kChars = {"公", "款", "吃", "喝", "违", "规", "发", "放",
                                         "补", "贴", "王", "某", "局", "长", "收", "受",
                                         "礼", "金", "a",  "1",  " ",  "😀"};

std::string RandomText(std::mt19937& rng, int len) {
  std::string s;
  std::uniform_int_distribution<std::size_t> pick(0, kChars.size() - 1);
  for (int i = 0; i < len; ++i) s += kChars[pick(rng)];
  return s;
}

std::vector<DocNo> Scan(const std::map<DocNo, std::string>& docs, const std::string& term) {
  std::vector<DocNo> out;
  for (const auto& [no, text] : docs) {
    if (text.find(term) != std::string::npos) out.push_back(no);
  }
  return out;
}

QueryNode Term(const std::string& t) {
  QueryNode n;
  n.text = t;
  return n;
}

TEST(SearchIndexTest, GramsAreTheDistinctUnigramsAndBigrams) {
  EXPECT_EQ(TextGrams("公款公款"), (std::vector<std::string>{"公", "公款", "款", "款公"}));
  EXPECT_EQ(TermGrams("违"), (std::vector<std::string>{"违"}));
  EXPECT_EQ(TermGrams("违规发放"), (std::vector<std::string>{"发放", "规发", "违规"}));
  EXPECT_TRUE(TextGrams("").empty());
}

// The property the issue asks for: recall (and precision) 1.0 against an exact substring scan
// for 1-, 2-, 3- and 4+-character terms, over several segments and removed documents.
TEST(SearchIndexTest, TermsOfEveryLengthFindExactlyWhatASubstringScanFinds) {
  std::mt19937 rng(20261128);
  std::map<DocNo, std::string> docs;
  SearchIndex index;
  DocNo no = 1;
  for (int seg = 0; seg < 4; ++seg) {
    std::vector<SearchSegment::Doc> batch;
    for (int i = 0; i < 150; ++i, ++no) {
      std::string text = RandomText(rng, 5 + static_cast<int>(rng() % 60));
      docs[no] = text;
      batch.push_back({no, docs[no]});
    }
    // Through the encoded form, as storage would keep it; EncodeTo appends the same bytes.
    const SearchSegment built = SearchSegment::Build(batch);
    const std::string encoded = built.Encode();
    EXPECT_EQ(encoded.size(), built.EncodedSize());
    std::string appended = "prefix";
    built.EncodeTo(appended);
    EXPECT_EQ(appended, "prefix" + encoded);
    auto decoded = SearchSegment::Decode(encoded);
    ASSERT_TRUE(decoded.ok());
    index.Add(std::make_shared<SearchSegment>(*std::move(decoded)));
  }
  for (DocNo gone : {3u, 77u, 151u, 598u}) {
    index.Remove(gone);
    docs.erase(gone);
  }
  auto text_of = [&](DocNo d) -> const std::string* {
    auto it = docs.find(d);
    return it == docs.end() ? nullptr : &it->second;
  };
  int checked = 0;
  for (int len = 1; len <= 5; ++len) {
    for (int k = 0; k < 40; ++k) {
      // Half the terms are cut from a document (so they occur), half are random.
      std::string term;
      if (k % 2 == 0) {
        const auto& src = docs.begin()->second;
        auto chars = std::vector<std::string>();
        for (std::size_t i = 0; i < src.size();) {
          std::size_t j = i + 1;
          while (j < src.size() && (static_cast<unsigned char>(src[j]) & 0xC0) == 0x80) ++j;
          chars.push_back(src.substr(i, j - i));
          i = j;
        }
        const std::size_t start = rng() % (chars.size() > static_cast<std::size_t>(len)
                                               ? chars.size() - static_cast<std::size_t>(len)
                                               : 1);
        for (int i = 0; i < len && start + static_cast<std::size_t>(i) < chars.size(); ++i) {
          term += chars[start + static_cast<std::size_t>(i)];
        }
      } else {
        term = RandomText(rng, len);
      }
      EXPECT_EQ(index.Evaluate(Term(term), text_of), Scan(docs, term)) << "term " << term;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 200);
}

TEST(SearchIndexTest, AndOrNotAndScopeCombineExactly) {
  std::map<DocNo, std::string> docs = {{1, "王某公款吃喝"},
                                       {2, "王某违规发放补贴"},
                                       {3, "局长收受礼金，公款报销"},
                                       {4, "与王某无关"}};
  std::vector<SearchSegment::Doc> batch;
  for (const auto& [no, t] : docs) batch.push_back({no, t});
  SearchIndex index;
  index.Add(std::make_shared<SearchSegment>(SearchSegment::Build(batch)));
  auto text_of = [&](DocNo d) -> const std::string* { return &docs.at(d); };
  auto run = [&](std::string_view q, const std::vector<DocNo>* within = nullptr) {
    auto parsed = ParseSearchQuery(q);
    EXPECT_TRUE(parsed.ok()) << q;
    return index.Evaluate(*parsed, text_of, within);
  };
  EXPECT_EQ(run("公款"), (std::vector<DocNo>{1, 3}));
  EXPECT_EQ(run("王某 公款"), (std::vector<DocNo>{1}));
  EXPECT_EQ(run("吃喝 OR 补贴"), (std::vector<DocNo>{1, 2}));
  EXPECT_EQ(run("王某 -公款"), (std::vector<DocNo>{2, 4}));
  EXPECT_EQ(run("王某 -(公款 OR 补贴)"), (std::vector<DocNo>{4}));
  EXPECT_EQ(run("\"违规发放\""), (std::vector<DocNo>{2}));
  EXPECT_EQ(run("违规 发放"), (std::vector<DocNo>{2}));
  EXPECT_TRUE(run("发放违规").empty());  // bigrams all present, the sequence is not
  // Negations evaluate within the positive part wherever they stand in the query.
  EXPECT_EQ(run("(-吃喝 -补贴) 王某"), (std::vector<DocNo>{4}));
  EXPECT_EQ(run("(-公款 | 补贴) 王某"), (std::vector<DocNo>{2, 4}));
  // The caller's scope comes first: out-of-scope matches do not exist.
  const std::vector<DocNo> scope = {2, 3, 4};
  EXPECT_EQ(run("公款", &scope), (std::vector<DocNo>{3}));
  EXPECT_EQ(run("王某 -公款", &scope), (std::vector<DocNo>{2, 4}));
}

// A longer term is answered from the positions of its bigrams: they must be consecutive, in
// one text, repeated bigrams included.
TEST(SearchIndexTest, PhrasesAreFoundFromBigramPositions) {
  std::map<DocNo, std::string> docs = {
      {1, "公款吃公款"}, {2, "公款公款"}, {3, "吃喝公款吃喝"}, {4, "喝公款吃"}, {5, "公款"}};
  std::vector<SearchSegment::Doc> batch;
  for (const auto& [no, t] : docs) batch.push_back({no, t});
  batch.push_back({5, "吃喝"});  // the same number again: one document of both texts
  docs[5] = "公款\n吃喝";
  auto seg = SearchSegment::Decode(SearchSegment::Build(batch).Encode());
  ASSERT_TRUE(seg.ok());
  auto phrase = [&](std::string_view t, const std::vector<DocNo>* within = nullptr) {
    auto r = seg->PhraseDocs(t, within);
    EXPECT_TRUE(r.has_value()) << t;
    return r.value_or(std::vector<DocNo>{});
  };
  EXPECT_EQ(phrase("公款公款"), (std::vector<DocNo>{2}));
  EXPECT_EQ(phrase("公款吃"), (std::vector<DocNo>{1, 3, 4}));
  EXPECT_EQ(phrase("公款吃喝"), (std::vector<DocNo>{3}));
  EXPECT_EQ(phrase("款吃喝"), (std::vector<DocNo>{3}));
  EXPECT_TRUE(phrase("款吃公款吃").empty());
  EXPECT_TRUE(phrase("公款吃喝公").empty());
  EXPECT_TRUE(phrase("款吃喝公").empty());
  EXPECT_TRUE(phrase("款喝吃").empty());  // 款喝 is in no text
  const std::vector<DocNo> scope = {3, 4};
  EXPECT_EQ(phrase("公款吃", &scope), (std::vector<DocNo>{3, 4}));
  // Terms of one or two characters are not phrases.
  EXPECT_FALSE(seg->PhraseDocs("公款", nullptr).has_value());
  // The index agrees with a scan, without reading any text.
  SearchIndex index;
  index.Add(std::make_shared<SearchSegment>(*std::move(seg)));
  auto no_text = [](DocNo) -> const std::string* { return nullptr; };
  for (std::string t : {"公款吃", "款公款", "吃公款", "喝公款吃", "公款公款", "吃喝公款吃喝"}) {
    EXPECT_EQ(index.Evaluate(Term(t), no_text), Scan(docs, t)) << t;
  }
}

// Segments stored before positions existed (XSG1) are still read; their candidates are
// verified against the text.
TEST(SearchIndexTest, OlderSegmentsWithoutPositionsStillAnswer) {
  // {1: "公款吃"}: its grams in key order, each held by document 1.
  std::string v1 = "XSG1";
  v1 += '\x01';  // one document
  v1 += '\x01';  // number 1
  const std::vector<std::string> grams = {"公", "公款", "吃", "款", "款吃"};
  v1 += static_cast<char>(grams.size());
  for (const auto& g : grams) {
    v1 += static_cast<char>(g.size());
    v1 += g;
    v1 += '\x01';  // one document
    v1 += '\x01';  // delta 1
  }
  auto seg = SearchSegment::Decode(v1);
  ASSERT_TRUE(seg.ok());
  EXPECT_FALSE(seg->PhraseDocs("公款吃", nullptr).has_value());
  EXPECT_EQ(seg->Postings("款吃"), (std::vector<DocNo>{1}));
  SearchIndex index;
  index.Add(std::make_shared<SearchSegment>(*std::move(seg)));
  const std::string text = "公款吃";
  auto text_of = [&](DocNo) -> const std::string* { return &text; };
  EXPECT_EQ(index.Evaluate(Term("公款吃"), text_of), (std::vector<DocNo>{1}));
  EXPECT_TRUE(index.Evaluate(Term("公款喝"), text_of).empty());
}

TEST(SearchIndexTest, DamagedSegmentsAreRefused) {
  auto good = SearchSegment::Build({{1, "公款吃喝"}, {5, "违规"}}).Encode();
  ASSERT_TRUE(SearchSegment::Decode(good).ok());
  EXPECT_FALSE(SearchSegment::Decode("").ok());
  EXPECT_FALSE(SearchSegment::Decode("XSG1").ok());
  EXPECT_FALSE(SearchSegment::Decode("XSG2").ok());
  EXPECT_FALSE(SearchSegment::Decode("XSG9" + good.substr(4)).ok());
  EXPECT_FALSE(SearchSegment::Decode(good.substr(0, good.size() - 1)).ok());
  EXPECT_FALSE(SearchSegment::Decode(good + "x").ok());
  std::string flipped = good;
  flipped[5] = static_cast<char>(0xFF);
  auto r = SearchSegment::Decode(flipped);
  if (!r.ok()) {
    EXPECT_EQ(r.error().key, "bad_segment");
  }
}

}  // namespace
}  // namespace xuncha
