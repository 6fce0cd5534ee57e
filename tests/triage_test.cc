// Triage through the app layer on the demo: roster matches with evidence, the scope and
// discipline suggestions, repeat reports linked at registration and split by staff, decisions
// stored (the persons sealed) and used by search and by retraining.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/demo.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::TestApp;

class TriageTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }

  AssignmentId Assignment(const std::string& unit) {
    auto intake = app_.reports->Intake();
    for (const auto& i : intake->items) {
      if (i.unit_name == unit) return i.assignment_id;
    }
    ADD_FAILURE() << unit;
    return AssignmentId();
  }

  ReportId Add(const std::string& unit, const std::string& content,
               Channel channel = Channel::kCall) {
    ReportDraft d;
    d.assignment_id = Assignment(unit);
    d.channel = channel;
    d.anonymous = true;
    d.received_at = app_.clock.Now() - 60;
    d.body.content = content;
    auto r = app_.reports->Register(app_.As("office"), d);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->report.id : ReportId();
  }

  const TriagePerson* Person(const TriageView& v, const std::string& name) {
    for (const auto& p : v.persons) {
      if (p.leader.name == name) return &p;
    }
    return nullptr;
  }

  std::vector<std::int64_t> RepeatIds(const TriageView& v) {
    std::vector<std::int64_t> ids;
    for (const auto& r : v.repeats) ids.push_back(r.report.report.id.value);
    return ids;
  }

  TestApp app_;
};

constexpr const char* kLetter =
    "反映市财政局局长王胜弘长期违规收受管理服务对象礼金，逢年过节收受购物卡，"
    "还多次在市区某酒店公款吃喝，费用在专项资金中列支，请巡察组核查。";

TEST_F(TriageTest, MatchesTheRosterBySoundAndBySurnameAndPostWithEvidence) {
  const ReportId id =
      Add("市财政局", "反映王胜宏局长收受礼金。另外张局长经常公车私用，周末开公车回老家。");
  auto v = app_.triage->Get(app_.As("member1"), id);
  ASSERT_TRUE(v.ok()) << v.error().message;
  const TriagePerson* head = Person(*v, "王胜宏");
  ASSERT_NE(head, nullptr);
  EXPECT_EQ(MatchKindName(head->match.best.kind), "exact_name");
  EXPECT_EQ(head->match.best.text, "王胜宏");

  auto sound = app_.triage->Get(app_.As("member1"), Add("市财政局", kLetter));
  const TriagePerson* by_sound = Person(*sound, "王胜宏");
  ASSERT_NE(by_sound, nullptr) << "王胜弘 sounds like the roster's 王胜宏";
  EXPECT_EQ(MatchKindName(by_sound->match.best.kind), "same_pinyin");
  EXPECT_LT(by_sound->match.best.confidence, head->match.best.confidence);

  const TriagePerson* zhang = Person(*v, "张伟");
  ASSERT_NE(zhang, nullptr) << "张局长 → the roster's deputy head 张伟";
  EXPECT_EQ(MatchKindName(zhang->match.best.kind), "surname_post");
  EXPECT_EQ(zhang->match.best.text, "张局长");
  EXPECT_FALSE(v->roster.empty());
}

TEST_F(TriageTest, SuggestsDisciplinesWithArticlesAndEvidenceAndTheScope) {
  auto v = app_.triage->Get(app_.As("office"), Add("市财政局", kLetter));
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->classifier, "cues");
  auto integrity = std::find_if(v->disciplines.begin(), v->disciplines.end(), [](const auto& d) {
    return d.suggestion.discipline == Discipline::kIntegrity;
  });
  ASSERT_NE(integrity, v->disciplines.end());
  ASSERT_FALSE(integrity->articles.empty());
  EXPECT_GE(integrity->articles[0].number, 94);
  EXPECT_LE(integrity->articles[0].number, 121) << "the integrity chapter of the 2023 text";
  EXPECT_FALSE(integrity->suggestion.evidence_cues.empty());
  EXPECT_EQ(v->scope.kind, ScopeKind::kInScope);

  auto personal = app_.triage->Get(
      app_.As("office"), Add("市财政局", "我家邻居长期占用我家车位，多次协商无果，要求帮忙解决。"));
  ASSERT_TRUE(personal.ok());
  EXPECT_EQ(personal->scope.kind, ScopeKind::kTransfer);
}

TEST_F(TriageTest, AnEditedCopyIsLinkedAsARepeatAndStaffCanSplitIt) {
  const ReportId first = Add("市财政局", kLetter, Channel::kCall);
  ASSERT_TRUE(app_.search->Sync().ok());
  const std::string edited = std::string("尊敬的巡察组：") + kLetter + "此致敬礼！一名知情群众";
  const ReportId second = Add("市财政局", edited, Channel::kLetter);
  const ReportId other = Add("市财政局", "市财政局某科室上班时间玩手机游戏，群众办事无人理睬。");
  auto v = app_.triage->Get(app_.As("member1"), second);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(RepeatIds(*v), std::vector<std::int64_t>{first.value});
  EXPECT_GT(v->repeats[0].similarity, 0.5);
  EXPECT_TRUE(RepeatIds(*app_.triage->Get(app_.As("member1"), other)).empty());

  ASSERT_TRUE(app_.triage->Split(app_.As("member1"), second, first).ok());
  EXPECT_TRUE(RepeatIds(*app_.triage->Get(app_.As("member1"), second)).empty());
  // A rebuild re-reads every text: the split pair is not linked again.
  ASSERT_TRUE(app_.search->Reindex().ok());
  EXPECT_TRUE(RepeatIds(*app_.triage->Get(app_.As("member1"), second)).empty());
  // Staff may still link them by hand.
  ASSERT_TRUE(app_.triage->Link(app_.As("member1"), second, first).ok());
  EXPECT_EQ(RepeatIds(*app_.triage->Get(app_.As("member1"), second)),
            std::vector<std::int64_t>{first.value});
}

// The same template about another official of the roster is not a repeat, although the texts
// are as close as many true repeats; about the same official it is.
TEST_F(TriageTest, TheRosterPersonsKeepSameTemplateLettersApart) {
  const std::string li =
      "反映市财政局副局长李秀英长期违规收受管理服务对象礼金，逢年过节收受购物卡，"
      "还多次在市区某酒店公款吃喝，费用在专项资金中列支，请巡察组核查。";
  const std::string zhang =
      "反映市财政局副局长张伟长期违规收受管理服务对象礼金，逢年过节收受购物卡，"
      "还多次在城郊某农家乐公款吃喝，费用在会议费中列支，请巡察组核查。";
  const std::string li_again =
      "反映市财政局副局长李秀英长期违规收受管理服务对象礼金，逢年过节收受购物卡，"
      "还多次在单位附近的饭店公款吃喝，费用在培训费中列支，请巡察组核查。";
  // Without the persons these would be linked: the texts pass the plain bar.
  const RepeatParams params;
  const double close =
      RepeatSignature::Of(li, params).Similarity(RepeatSignature::Of(zhang, params));
  ASSERT_GT(close, params.threshold);
  ASSERT_LT(close, params.threshold + params.different_person_penalty);

  const ReportId first = Add("市财政局", li);
  ASSERT_TRUE(app_.search->Sync().ok());
  const ReportId other = Add("市财政局", zhang);
  ASSERT_TRUE(app_.search->Sync().ok());
  const ReportId same = Add("市财政局", li_again);
  auto v = app_.triage->Get(app_.As("member1"), same);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(RepeatIds(*v), std::vector<std::int64_t>{first.value});
  auto apart = app_.triage->Get(app_.As("member1"), other);
  ASSERT_TRUE(apart.ok());
  EXPECT_TRUE(RepeatIds(*apart).empty());
  // A rebuild replays every report with its persons: still apart.
  ASSERT_TRUE(app_.search->Reindex().ok());
  const ReportId copy = Add("市财政局", zhang + "此致");
  auto after = app_.triage->Get(app_.As("member1"), copy);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(RepeatIds(*after), std::vector<std::int64_t>{other.value});
}

TEST_F(TriageTest, RepeatsInAnotherGroupAreNeitherShownNorCounted) {
  const ReportId finance = Add("市财政局", kLetter);
  const ReportId transport = Add("市交通运输局", kLetter);
  auto office = app_.triage->Get(app_.As("office"), finance);
  ASSERT_TRUE(office.ok());
  EXPECT_EQ(RepeatIds(*office), std::vector<std::int64_t>{transport.value});
  auto member = app_.triage->Get(app_.As("member1"), finance);
  ASSERT_TRUE(member.ok());
  EXPECT_TRUE(member->repeats.empty());
  EXPECT_FALSE(app_.triage->Get(app_.As("member2"), finance).ok());
  auto split = app_.triage->Split(app_.As("member1"), finance, transport);
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.error().code, ErrorCode::kNotFound);
}

// Two reports a member may see, joined only through a report of another group (linked by the
// office): neither shows the other, which would reveal that the hidden one exists.
TEST_F(TriageTest, AChainThroughAHiddenReportShowsNothing) {
  const ReportId x = Add("市财政局", "市财政局某科室长期迟到早退，工作日上午经常找不到人。");
  const ReportId hidden = Add("市交通运输局", "交通运输局执法大队在高速路口乱罚款，不开票据。");
  const ReportId y = Add("市财政局", "反映财政局专项资金拨付不及时，项目单位多次催办无果。");
  ASSERT_TRUE(app_.triage->Link(app_.As("office"), x, hidden).ok());
  ASSERT_TRUE(app_.triage->Link(app_.As("office"), hidden, y).ok());
  auto office = app_.triage->Get(app_.As("office"), x);
  ASSERT_TRUE(office.ok());
  auto ids = RepeatIds(*office);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{hidden.value, y.value}));
  for (const ReportId from : {x, y}) {
    auto member = app_.triage->Get(app_.As("member1"), from);
    ASSERT_TRUE(member.ok());
    EXPECT_TRUE(member->repeats.empty()) << from.value;
  }
  // A direct link between the two visible ones shows it again.
  ASSERT_TRUE(app_.triage->Link(app_.As("member1"), x, y).ok());
  EXPECT_EQ(RepeatIds(*app_.triage->Get(app_.As("member1"), x)),
            std::vector<std::int64_t>{y.value});
}

TEST_F(TriageTest, DecisionsAreValidatedVersionedSealedAndFilterSearch) {
  const ReportId id = Add("市财政局", kLetter);
  auto v = app_.triage->Get(app_.As("member1"), id);
  ASSERT_TRUE(v.ok());
  LeaderId head;
  for (const auto& l : v->roster) {
    if (l.name == "王胜宏") head = l.id;
  }
  TriageInput bad;
  bad.scope = "maybe";
  bad.disciplines = {"integrity", "gluttony"};
  bad.articles = {9999};
  bad.leaders = {LeaderId(987654)};
  auto refused = app_.triage->Decide(app_.As("member1"), id, bad);
  ASSERT_FALSE(refused.ok());
  for (const char* field : {"scope", "disciplines", "articles", "leaders"}) {
    EXPECT_EQ(refused.error().fields.count(field), 1u) << field;
  }

  TriageInput in;
  in.scope = "in_scope";
  in.disciplines = {"integrity"};
  in.articles = {v->disciplines.empty() ? 97 : v->disciplines[0].articles[0].number};
  in.leaders = {head};
  in.note = "研判备注探针QZX5521";
  auto decided = app_.triage->Decide(app_.As("member1"), id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  ASSERT_TRUE(decided->decision.has_value());
  EXPECT_EQ(decided->decision->version, 1);
  EXPECT_EQ(decided->decision->leaders, std::vector<LeaderId>{head});
  EXPECT_EQ(decided->decision->note, in.note);
  EXPECT_EQ(decided->decision->decided_by_name, "李明华");

  auto stale = app_.triage->Decide(app_.As("member1"), id, in);  // still version 0
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  in.version = 1;
  in.disciplines = {"integrity", "work"};
  ASSERT_TRUE(app_.triage->Decide(app_.As("member1"), id, in).ok());

  SearchRequest r;
  r.q = "礼金";
  r.discipline = "work";
  auto found = app_.search->Search(app_.As("office"), r, {1, 20});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].report.report.id, id);
  r.discipline = "political";
  EXPECT_EQ(app_.search->Search(app_.As("office"), r, {1, 20})->total, 0);

  std::ifstream db(app_.db_path(), std::ios::binary);
  std::stringstream bytes;
  bytes << db.rdbuf();
  std::ifstream wal(app_.db_path() + "-wal", std::ios::binary);
  bytes << wal.rdbuf();
  EXPECT_EQ(bytes.str().find("QZX5521"), std::string::npos) << "the note is sealed";
}

TEST_F(TriageTest, OnlyHandlersTriageAndOnlyTheOfficeRetrains) {
  const ReportId id = Add("市财政局", kLetter);
  for (const std::string who : {"unit1", "clue", "leadership", "admin"}) {
    auto v = app_.triage->Get(app_.As(who), id);
    ASSERT_FALSE(v.ok()) << who;
    EXPECT_EQ(v.error().code, ErrorCode::kPermissionDenied) << who;
  }
  EXPECT_EQ(app_.triage->Retrain(app_.As("leader1")).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(TriageTest, RetrainingLearnsFromDecisionsAndReportsTestSplitAccuracy) {
  const ReportId id = Add("市财政局", kLetter);
  TriageInput in;
  in.scope = "in_scope";
  in.disciplines = {"integrity"};
  ASSERT_TRUE(app_.triage->Decide(app_.As("office"), id, in).ok());
  auto m = app_.triage->Retrain(app_.As("office"));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->staff_examples, 1u);
  EXPECT_GE(m->test.examples, 80u);
  EXPECT_GT(m->test.macro_f1, 0.5);
  auto v = app_.triage->Get(app_.As("office"), id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->classifier, "trained");
}

}  // namespace
}  // namespace xuncha
