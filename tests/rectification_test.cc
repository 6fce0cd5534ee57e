// Rectification (整改) through the app layer: the problem list a unit receives once its round is
// in rectification (confirmed findings only, never the evidence), the measures it writes and
// reports done, the office's acceptance or return, who reads what, sealing and the audit log,
// and search inside the same scope.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "app/demo.h"
#include "test_support.h"

namespace xuncha {
namespace {

class RectificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    // The demo's one confirmed finding: group 1 at 市财政局, round 9.
    FindingListFilter f;
    f.state = FindingState::kConfirmed;
    auto confirmed = app_.findings->List(app_.As("office"), f, {1, 10});
    ASSERT_TRUE(confirmed.ok());
    ASSERT_EQ(confirmed->total, 1);
    problem_ = confirmed->items[0].finding.id;
    round_ = confirmed->items[0].finding.round_id;
  }

  void SetRound(RoundStatus s) {
    auto tx = app_.store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto round = (*tx)->GetRound(round_);
    ASSERT_TRUE(round.ok());
    round->round.status = s;
    ASSERT_TRUE((*tx)->UpdateRound(round->round).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  MeasureDraft Draft(const std::string& content, std::optional<Date> deadline = std::nullopt) {
    MeasureDraft d;
    d.finding_id = problem_;
    d.kind = MeasureKind::kByDeadline;
    d.deadline = deadline.value_or(Date::OfTimestamp(app_.clock.Now(), 8 * 3600).AddDays(30));
    d.content.content = content;
    d.content.responsible_department = "办公室";
    d.content.responsible_leader = "分管副局长";
    return d;
  }

  Result<MeasureView> Move(const std::string& who, const MeasureView& m, MeasureState to,
                           const std::string& note = "") {
    MeasureMove mv;
    mv.version = m.measure.version;
    mv.to = to;
    mv.note = note;
    return app_.rectification->Move(app_.As(who), m.measure.id, mv);
  }

  std::string Outcome(const std::string& who) {
    auto r = app_.rectification->Problem(app_.As(who), problem_);
    return r.ok() ? "ok" : r.error().key;
  }

  std::int64_t Searched(const std::string& who, const std::string& q) {
    SearchRequest r;
    r.q = q;
    auto out = app_.search->Search(app_.As(who), r, {1, 50});
    EXPECT_TRUE(out.ok()) << who << ": " << (out.ok() ? "" : out.error().message);
    return out.ok() ? out->total : -1;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  testing::TestApp app_;
  FindingId problem_;
  RoundId round_;
};

TEST_F(RectificationTest, NothingIsFedBackBeforeTheRoundIsInRectification) {
  auto list = app_.rectification->Problems(app_.As("unit1"), {}, {1, 20});
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->total, 0);
  EXPECT_EQ(Outcome("unit1"), "not_found");
  EXPECT_EQ(Outcome("office"), "not_found") << "not on any problem list yet";
  auto early = app_.rectification->Create(app_.As("unit1"), Draft("提前整改"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.at("finding_id"), "not_found");
}

TEST_F(RectificationTest, TheUnitReadsItsConfirmedProblemsButNeverTheEvidence) {
  SetRound(RoundStatus::kRectification);
  auto list = app_.rectification->Problems(app_.As("unit1"), {}, {1, 20});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1) << "drafts and withdrawn findings are not fed back";
  EXPECT_EQ(list->items[0].status, ProblemStatus::kNoMeasures);
  auto p = app_.rectification->Problem(app_.As("unit1"), problem_);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->finding.finding.content.description.empty());
  EXPECT_TRUE(p->finding.finding.content.evidence.empty());
  EXPECT_TRUE(p->finding.finding.content.leaders.empty());
  EXPECT_TRUE(p->can_add_measure);
  // The office, the leading group and group 1 read it; group 2 does not; recipients and the
  // admin have no rectification.
  for (const std::string who : {"office", "leadership", "leader1", "member1"}) {
    EXPECT_EQ(Outcome(who), "ok") << who;
  }
  EXPECT_EQ(Outcome("member2"), "not_found");
  EXPECT_EQ(Outcome("clue"), "permission_denied");
  EXPECT_EQ(Outcome("admin"), "permission_denied");
  auto theirs = app_.rectification->Problems(app_.As("member2"), {}, {1, 20});
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->total, 0);
  auto office = app_.rectification->Problem(app_.As("office"), problem_);
  EXPECT_FALSE(office->can_add_measure) << "the unit writes its own measures";
}

TEST_F(RectificationTest, AMeasureIsReportedDoneReturnedAndThenClosedOut) {
  SetRound(RoundStatus::kRectification);
  auto by_group = app_.rectification->Create(app_.As("member1"), Draft("清理超标办公用房"));
  ASSERT_FALSE(by_group.ok());
  EXPECT_EQ(by_group.error().code, ErrorCode::kPermissionDenied);

  auto m = app_.rectification->Create(app_.As("unit1"), Draft("清理超标办公用房2间"));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->measure.state, MeasureState::kPlanned);
  EXPECT_TRUE(m->editable);
  EXPECT_EQ(m->problem_title.rfind("（示例数据）", 0), 0u);
  EXPECT_EQ(m->allowed_transitions, std::vector<MeasureState>{MeasureState::kDone});

  auto by_leader = Move("leader1", *m, MeasureState::kDone, "已完成");
  ASSERT_FALSE(by_leader.ok());
  EXPECT_EQ(by_leader.error().key, "measure_move_forbidden");
  auto silent = Move("unit1", *m, MeasureState::kDone);
  ASSERT_FALSE(silent.ok());
  EXPECT_EQ(silent.error().fields.at("note"), "required") << "done says what was done";
  auto done = Move("unit1", *m, MeasureState::kDone, "已腾退2间办公室，面积符合标准。");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_FALSE(done->editable);
  auto late_edit = app_.rectification->Update(app_.As("unit1"), m->measure.id,
                                              done->measure.version, Draft("改写"));
  ASSERT_FALSE(late_edit.ok());
  EXPECT_EQ(late_edit.error().key, "measure_not_editable");

  auto bare_return = Move("office", *done, MeasureState::kPlanned);
  ASSERT_FALSE(bare_return.ok());
  EXPECT_EQ(bare_return.error().fields.at("note"), "required") << "a return gives reasons";
  auto returned = Move("office", *done, MeasureState::kPlanned, "请补充腾退前后照片和面积测量表。");
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->measure.content.return_note, "请补充腾退前后照片和面积测量表。");
  EXPECT_EQ(returned->measure.done_at, 0);
  EXPECT_TRUE(app_.rectification->Problem(app_.As("unit1"), problem_)->measure_list[0].editable);

  auto again = Move("unit1", *returned, MeasureState::kDone, "已补充照片和测量表。");
  ASSERT_TRUE(again.ok());
  auto stale = Move("office", *done, MeasureState::kAccepted);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto accepted = Move("office", *again, MeasureState::kAccepted);
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->accepted_by_name, "巡察办·王晓");

  auto list = app_.rectification->Problems(app_.As("leadership"), {}, {1, 20});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].status, ProblemStatus::kClosedOut);
  EXPECT_EQ(list->items[0].accepted, 1);
  ProblemListFilter open;
  open.status = ProblemStatus::kInProgress;
  EXPECT_EQ(app_.rectification->Problems(app_.As("office"), open, {1, 20})->total, 0);
}

TEST_F(RectificationTest, AClosedRoundsLedgerIsReadOnly) {
  SetRound(RoundStatus::kRectification);
  auto m = app_.rectification->Create(app_.As("unit1"), Draft("建立办公用房管理制度"));
  ASSERT_TRUE(m.ok());
  SetRound(RoundStatus::kClosed);
  auto p = app_.rectification->Problem(app_.As("unit1"), problem_);
  ASSERT_TRUE(p.ok()) << "still readable";
  EXPECT_FALSE(p->can_add_measure);
  EXPECT_FALSE(p->measure_list[0].editable);
  EXPECT_TRUE(p->measure_list[0].allowed_transitions.empty());
  auto done = Move("unit1", *m, MeasureState::kDone, "已完成");
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().key, "round_not_in_rectification");
}

TEST_F(RectificationTest, OverdueMeasuresAreCounted) {
  SetRound(RoundStatus::kRectification);
  const Date today = Date::OfTimestamp(app_.clock.Now(), 8 * 3600);
  ASSERT_TRUE(
      app_.rectification->Create(app_.As("unit1"), Draft("逾期措施", today.AddDays(-1))).ok());
  ASSERT_TRUE(app_.rectification->Create(app_.As("unit1"), Draft("当天到期", today)).ok());
  auto p = app_.rectification->Problem(app_.As("office"), problem_);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->overdue, 1);
  EXPECT_TRUE(p->measure_list[0].overdue);
  EXPECT_FALSE(p->measure_list[1].overdue);
  EXPECT_EQ(app_.rectification->Problems(app_.As("office"), {}, {1, 20})->items[0].overdue, 1);
}

TEST_F(RectificationTest, MeasuresAreSealedLoggedAndSearchableInScope) {
  SetRound(RoundStatus::kRectification);
  auto m = app_.rectification->Create(app_.As("unit1"), Draft("整改措施壬癸子丑，腾退办公室"));
  ASSERT_TRUE(m.ok());
  ASSERT_TRUE(Move("unit1", *m, MeasureState::kDone, "完成情况寅卯辰巳").ok());
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  for (const std::string secret : {"壬癸子丑", "寅卯辰巳"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "in the database file: " << secret;
  }
  EXPECT_EQ(Searched("unit1", "腾退"), 1);
  EXPECT_EQ(Searched("unit1", "寅卯"), 1) << "the completion is indexed too";
  EXPECT_EQ(Searched("office", "腾退"), 1);
  EXPECT_EQ(Searched("leadership", "腾退"), 1);
  EXPECT_EQ(Searched("member1", "腾退"), 1);
  EXPECT_EQ(Searched("member2", "腾退"), 0);
  SearchRequest by_discipline;
  by_discipline.q = "腾退";
  by_discipline.discipline = "integrity";
  EXPECT_EQ(app_.search->Search(app_.As("office"), by_discipline, {1, 10})->total, 0)
      << "a measure has no discipline of its own";
  auto tx = app_.store->Begin(TxMode::kRead);
  auto log = (*tx)->ListAudit({1, 50});
  ASSERT_TRUE(log.ok());
  std::set<std::string> actions;
  for (const auto& e : log->items) actions.insert(e.action);
  EXPECT_TRUE(actions.count("measure.create"));
  EXPECT_TRUE(actions.count("measure.move"));
}

TEST_F(RectificationTest, AnotherUnitsLiaisonSeesNothingOfIt) {
  SetRound(RoundStatus::kRectification);
  auto m = app_.rectification->Create(app_.As("unit1"), Draft("腾退超标办公用房"));
  ASSERT_TRUE(m.ok());
  // A liaison of 市交通运输局, the other unit stationed in round 9.
  UnitId transport;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    Scope all;
    all.all = true;
    auto units = (*tx)->ListUnits(all, "", {1, 50});
    ASSERT_TRUE(units.ok());
    for (const auto& u : units->items) {
      if (u.name == "市交通运输局") transport = u.id;
    }
  }
  ASSERT_TRUE(transport.valid());
  NewUser nu;
  nu.username = "unit2";
  nu.display_name = "市交通运输局联络人";
  nu.role = Role::kUnit;
  nu.unit_id = transport;
  nu.password = kDemoPassword;
  nu.must_change_password = false;
  ASSERT_TRUE(app_.auth->CreateUser(app_.As("admin"), nu).ok());
  EXPECT_EQ(Outcome("unit2"), "not_found");
  EXPECT_EQ(app_.rectification->Problems(app_.As("unit2"), {}, {1, 20})->total, 0);
  auto create = app_.rectification->Create(app_.As("unit2"), Draft("代为整改"));
  ASSERT_FALSE(create.ok());
  EXPECT_EQ(create.error().fields.at("finding_id"), "not_found");
  auto edit =
      app_.rectification->Update(app_.As("unit2"), m->measure.id, m->measure.version, Draft("改"));
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, ErrorCode::kNotFound);
  auto move = Move("unit2", *m, MeasureState::kDone, "已完成");
  ASSERT_FALSE(move.ok());
  EXPECT_EQ(move.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Searched("unit2", "腾退"), 0);
  EXPECT_EQ(Searched("unit1", "腾退"), 1);
}

TEST_F(RectificationTest, ARoundTakenBackOutOfRectificationTakesItsMeasuresWithIt) {
  SetRound(RoundStatus::kRectification);
  auto m = app_.rectification->Create(app_.As("unit1"), Draft("腾退超标办公用房"));
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(Searched("unit1", "腾退"), 1);
  SetRound(RoundStatus::kReporting);
  EXPECT_EQ(Outcome("unit1"), "not_found");
  EXPECT_EQ(Searched("unit1", "腾退"), 0) << "the problem is the group's draft material again";
  EXPECT_EQ(Searched("office", "腾退"), 0);
  auto move = Move("unit1", *m, MeasureState::kDone, "已完成");
  ASSERT_FALSE(move.ok());
  EXPECT_EQ(move.error().code, ErrorCode::kNotFound);
  SetRound(RoundStatus::kRectification);
  EXPECT_EQ(Searched("unit1", "腾退"), 1);
  EXPECT_TRUE(Move("unit1", *m, MeasureState::kDone, "已完成").ok());
}

}  // namespace
}  // namespace xuncha
