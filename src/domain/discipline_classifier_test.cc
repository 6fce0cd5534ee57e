#include "domain/discipline_classifier.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/chinese_text.h"

namespace xuncha {
namespace {

ArticleCatalogue SmallCatalogue() {
  ArticleCatalogue c;
  c.articles = {
      {77, Discipline::kOrganizational, "一言堂", {"一言堂", "个人说了算"}, true},
      {97, Discipline::kIntegrity, "收礼", {"收受礼金", "购物卡", "红包"}, false},
      {113, Discipline::kIntegrity, "公款吃喝", {"公款吃喝", "公款宴请"}, true},
      {124, Discipline::kMass, "优亲厚友", {"优亲厚友", "低保"}, true},
      {132, Discipline::kWork, "形式主义", {"形式主义", "层层加码", "填表"}, true},
      {151, Discipline::kPersonal, "不正当关系", {"不正当关系", "情人"}, false},
  };
  return c;
}

std::string N(std::string_view s) { return *text::Normalize(s); }

LabelledText Ex(std::string_view s, std::initializer_list<Discipline> ds) {
  LabelledText e{N(s), {}};
  for (Discipline d : ds) e.labels[Index(d)] = true;
  return e;
}

// A small, varied training set: enough for the model to learn the cues and some wording.
std::vector<LabelledText> Training() {
  using D = Discipline;
  return {
      Ex("局长收受老板送的购物卡和红包，还让老板报销他家的装修费", {D::kIntegrity}),
      Ex("镇长经常用公款吃喝，发票开成会议费报销", {D::kIntegrity}),
      Ex("科长逢年过节收受下属单位送的礼金和烟酒", {D::kIntegrity}),
      Ex("主任在单位食堂公款宴请朋友，每次都喝茅台", {D::kIntegrity}),
      Ex("村支书把低保名额都给了自己的亲戚，优亲厚友", {D::kMass}),
      Ex("村干部克扣补贴，低保户的钱被扣了一半，群众意见很大", {D::kMass}),
      Ex("窗口工作人员刁难群众，办个证跑了十几趟", {D::kMass}),
      Ex("县里开会层层加码，每天要填表拍照，纯粹是形式主义", {D::kWork}),
      Ex("为了应付检查连夜补材料，文山会海，形式主义严重", {D::kWork}),
      Ex("乡镇干部天天填表打卡，真正干事的时间都没了", {D::kWork}),
      Ex("局长搞一言堂，重大事项个人说了算，不上党组会", {D::kOrganizational}),
      Ex("书记独断专行，一言堂，班子成员不敢发表意见", {D::kOrganizational}),
      Ex("副局长跟女下属保持不正当关系，还包养情人", {D::kPersonal}),
      Ex("干部在外面有情人，老婆闹到单位来了", {D::kPersonal}),
      Ex("局长公款吃喝，还搞一言堂，提拔干部个人说了算", {D::kIntegrity, D::kOrganizational}),
      Ex("我跟邻居因为宅基地边界吵架，希望帮忙调解", {}),
      Ex("商场卖给我的冰箱坏了不给换，请帮我维权", {}),
      Ex("楼上邻居的空调滴水到我家窗台上，物业不管", {}),
      Ex("我想咨询养老金怎么计算，社保局解释不清楚", {}),
  };
}

DisciplineClassifier Trained() {
  TrainOptions o;
  o.min_count = 1;
  o.threshold_folds = 0;  // too few examples for a threshold search
  o.default_threshold = 0.4;
  auto m = DisciplineModel::Train(SmallCatalogue(), Training(), o);
  EXPECT_TRUE(m.ok());
  return DisciplineClassifier(SmallCatalogue(), std::move(*m));
}

const DisciplineSuggestion* Find(const Classification& c, Discipline d) {
  for (const auto& s : c.suggestions) {
    if (s.discipline == d) return &s;
  }
  return nullptr;
}

TEST(DisciplineKeys, RoundTripAndGlossaryNames) {
  EXPECT_STREQ(DisciplineKey(Discipline::kPersonal), "personal");
  EXPECT_STREQ(DisciplineKey(Discipline::kOrganizational), "organizational");
  for (Discipline d : kAllDisciplines) EXPECT_EQ(DisciplineFromKey(DisciplineKey(d)), d);
  EXPECT_FALSE(DisciplineFromKey("life").has_value());
  EXPECT_FALSE(DisciplineFromKey("").has_value());
}

TEST(DisciplineCues, FoundInNormalisedTraditionalFullWidthText) {
  // Traditional characters and full-width digits, as a letter might be typed.
  std::string t = N("縣民政局長收受禮金２０００元，還給親戚辦了低保");
  auto hits = FindCues(SmallCatalogue(), t);
  std::vector<std::string> phrases;
  for (const auto& h : hits) phrases.push_back(h.phrase);
  EXPECT_NE(std::find(phrases.begin(), phrases.end(), "收受礼金"), phrases.end());
  EXPECT_NE(std::find(phrases.begin(), phrases.end(), "低保"), phrases.end());
}

TEST(DisciplineClassifier, IntegrityLetterWithEvidence) {
  auto c =
      Trained().Classify(N("尊敬的巡察组：我举报县农业局副局长，中秋节收受经销商的购物卡八千元"));
  ASSERT_FALSE(c.unclear());
  EXPECT_EQ(c.primary(), Discipline::kIntegrity);
  const auto* s = Find(c, Discipline::kIntegrity);
  ASSERT_NE(s, nullptr);
  EXPECT_NE(std::find(s->evidence_cues.begin(), s->evidence_cues.end(), "购物卡"),
            s->evidence_cues.end());
  ASSERT_FALSE(s->articles.empty());
  EXPECT_EQ(s->articles[0].number, 97);
  EXPECT_TRUE(s->articles[0].cue_matched);
  EXPECT_GE(s->score, s->threshold);
}

TEST(DisciplineClassifier, TraditionalPhoneTranscript) {
  auto c =
      Trained().Classify(N("來電人稱：村幹部把低保名額給了自己親戚，優親厚友，我家困難卻評不上"));
  EXPECT_EQ(c.primary(), Discipline::kMass);
  const auto* s = Find(c, Discipline::kMass);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->articles.at(0).number, 124);
}

TEST(DisciplineClassifier, MultiLabel) {
  auto c = Trained().Classify(N("这个局长用公款吃喝不说，单位里还搞一言堂，什么都是他个人说了算"));
  EXPECT_NE(Find(c, Discipline::kIntegrity), nullptr);
  EXPECT_NE(Find(c, Discipline::kOrganizational), nullptr);
  EXPECT_EQ(Find(c, Discipline::kPersonal), nullptr);
}

TEST(DisciplineClassifier, NeighbourDisputeIsUnclear) {
  auto c = Trained().Classify(N("隔壁邻居家的围墙占了我家半米地，村里调解了好几次都没用"));
  EXPECT_TRUE(c.unclear());
  EXPECT_FALSE(c.primary().has_value());
  EXPECT_TRUE(IsEmpty(c.labels()));
}

TEST(DisciplineClassifier, EvidenceNgramsArePresentAndNotSingleCharacters) {
  std::string t = N("乡镇干部每天填表打卡，形式主义严重");
  auto c = Trained().Classify(t);
  const auto* s = Find(c, Discipline::kWork);
  ASSERT_NE(s, nullptr);
  for (const std::string& g : s->evidence_ngrams) {
    EXPECT_NE(t.find(g), std::string::npos) << g;
    EXPECT_GT(g.size(), 3u) << g;  // at least two CJK characters
  }
}

TEST(DisciplineModel, TrainingIsDeterministic) {
  TrainOptions o;
  o.min_count = 1;
  o.threshold_folds = 3;
  auto a = DisciplineModel::Train(SmallCatalogue(), Training(), o);
  auto b = DisciplineModel::Train(SmallCatalogue(), Training(), o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Encode(), b->Encode());
}

TEST(DisciplineModel, RejectsEmptyTrainingAndBadOptions) {
  auto r = DisciplineModel::Train(SmallCatalogue(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "no_examples");
  TrainOptions o;
  o.max_ngram = 7;
  auto r2 = DisciplineModel::Train(SmallCatalogue(), Training(), o);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().key, "bad_options");
}

TEST(DisciplineModel, SerialisationRoundTrip) {
  DisciplineClassifier cl = Trained();
  std::string bytes = cl.model().Encode();
  auto back = DisciplineModel::Decode(bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->Encode(), bytes);
  DisciplineClassifier again(SmallCatalogue(), std::move(*back));
  for (const auto& e : Training()) {
    auto x = cl.Classify(e.text);
    auto y = again.Classify(e.text);
    EXPECT_EQ(x.scores, y.scores);
    EXPECT_EQ(x.labels(), y.labels());
  }
}

TEST(DisciplineModel, BadBytesRejectedCleanly) {
  std::string good = Trained().model().Encode();
  std::vector<std::string> bad = {
      "",
      "hello\n",
      "xuncha-discipline-model 2\n",    // unknown version
      good.substr(0, good.size() / 2),  // truncated
      good + "extra\n",                 // trailing garbage
      good.substr(0, good.size() - 1),  // no final newline
  };
  std::string nan = good;
  nan.replace(nan.find("bias ") + 5, 1, "nan");
  bad.push_back(nan);
  std::string count = good;
  count.replace(count.find("features ") + 9, 1, "9");
  bad.push_back(count);
  std::string thr = good;
  thr.replace(thr.find("thresholds ") + 11, 1, "-");
  bad.push_back(thr);
  for (const std::string& b : bad) {
    auto r = DisciplineModel::Decode(b);
    ASSERT_FALSE(r.ok()) << b.substr(0, 60);
    EXPECT_EQ(r.error().key, "bad_model");
  }
}

TEST(DisciplineBaseline, CuesOnly) {
  auto c = ClassifyByCues(SmallCatalogue(), N("局长公款吃喝，还收红包"));
  EXPECT_EQ(c.primary(), Discipline::kIntegrity);
  ASSERT_EQ(c.suggestions.size(), 1u);
  EXPECT_EQ(c.suggestions[0].articles.size(), 2u);
  EXPECT_TRUE(ClassifyByCues(SmallCatalogue(), N("路灯坏了")).unclear());
}

TEST(DisciplineCatalogue, CheckFindsBadEntries) {
  ArticleCatalogue c = SmallCatalogue();
  c.chapters = {{8, Discipline::kIntegrity, 94, 121, true}};
  c.articles.push_back({97, Discipline::kIntegrity, "重复", {"x"}, false});
  c.articles.push_back({130, Discipline::kIntegrity, "章外", {"y"}, false});
  c.articles.push_back({140, Discipline::kWork, "", {"a b", "z", "z"}, false});
  FieldErrors e = CheckCatalogue(c);
  EXPECT_EQ(e["articles[6].number"], "duplicate");
  EXPECT_EQ(e["articles[7].number"], "outside_chapter");
  EXPECT_EQ(e["articles[8].description"], "required");
  EXPECT_EQ(e["articles[8].cues[0]"], "white_space");
  EXPECT_EQ(e["articles[8].cues[2]"], "duplicate");
}

}  // namespace
}  // namespace xuncha
