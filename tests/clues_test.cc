// Clues (问题线索) through the app layer: who writes, hands over, signs for and disposes of them,
// who reads them (never the unit, never another group, a recipient only his organ's once handed
// over), their text sealed at rest, every access logged, and search inside the same scope.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "app/scope.h"
#include "test_support.h"

namespace xuncha {
namespace {

class CluesTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }

  // The current round's assignment at `unit`.
  AssignmentView Stationing(const std::string& unit) {
    auto tx = app_.store->Begin(TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    Scope all;
    all.all = true;
    auto list = (*tx)->ListAssignments(all, {});
    EXPECT_TRUE(list.ok());
    const AssignmentView* best = nullptr;
    for (const auto& a : *list) {
      if (a.unit_name == unit && (best == nullptr || a.assignment.id > best->assignment.id)) {
        best = &a;
      }
    }
    EXPECT_NE(best, nullptr) << unit;
    return best == nullptr ? AssignmentView{} : *best;
  }

  std::vector<Leader> Roster(UnitId unit) {
    auto tx = app_.store->Begin(TxMode::kRead);
    auto out = (*tx)->ListLeaders(unit);
    EXPECT_TRUE(out.ok());
    return out.ok() ? *out : std::vector<Leader>{};
  }

  ClueDraft Draft(const std::string& title, const std::string& description,
                  Organ organ = Organ::kDisciplineCommission) {
    const AssignmentView a = Stationing("市财政局");
    ClueDraft d;
    d.assignment_id = a.assignment.id;
    d.organ = organ;
    d.disciplines = {Discipline::kIntegrity};
    d.content.title = title;
    d.content.description = description;
    d.content.evidence = "来信1件；个别谈话2人";
    d.content.leaders = {FindingLeader(Roster(a.assignment.unit_id).front().id)};
    return d;
  }

  Result<ClueView> Write(const std::string& who, const ClueDraft& d) {
    return app_.clues->Create(app_.As(who), d);
  }

  Result<ClueView> Move(const std::string& who, const ClueView& c, ClueState to,
                        std::optional<ClueDisposal> disposal = std::nullopt,
                        const std::string& note = "") {
    ClueMove m;
    m.version = c.clue.version;
    m.to = to;
    m.disposal = disposal;
    m.disposal_note = note;
    return app_.clues->Move(app_.As(who), c.clue.id, m);
  }

  // "ok", or the error's key (not_found, permission_denied, ...).
  std::string GetCode(const std::string& who, ClueId id) {
    auto r = app_.clues->Get(app_.As(who), id);
    return r.ok() ? "ok" : r.error().key;
  }

  std::int64_t Searched(const std::string& who, const std::string& q) {
    SearchRequest r;
    r.q = q;
    r.kind = "clue";
    auto out = app_.search->Search(app_.As(who), r, {1, 50});
    EXPECT_TRUE(out.ok()) << who;
    return out.ok() ? out->total : -1;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  testing::TestApp app_;
};

TEST_F(CluesTest, ADraftIsSeenByItsGroupAndTheOfficeOnly) {
  auto c = Write("member1", Draft("反映某局长违规收受购物卡", "春节期间收受购物卡5张。"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->clue.state, ClueState::kDraft);
  EXPECT_EQ(c->clue.version, 1);
  EXPECT_TRUE(c->editable);
  EXPECT_TRUE(c->allowed_transitions.empty()) << "a member does not hand over";
  ASSERT_EQ(c->leaders.size(), 1u);
  EXPECT_FALSE(c->leaders[0].name.empty()) << "kept with the roster's name";
  EXPECT_EQ(GetCode("leader1", c->clue.id), "ok");
  EXPECT_EQ(GetCode("office", c->clue.id), "ok");
  // Another group, and a recipient before the hand-over: as if it did not exist.
  EXPECT_EQ(GetCode("member2", c->clue.id), "not_found");
  EXPECT_EQ(GetCode("clue", c->clue.id), "not_found");
  // The unit it concerns never sees it; the leading group and the admin read no clues.
  for (const std::string who : {"unit1", "leadership", "admin"}) {
    EXPECT_EQ(GetCode(who, c->clue.id), "permission_denied") << who;
    auto list = app_.clues->List(app_.As(who), {}, {1, 20});
    ASSERT_FALSE(list.ok()) << who;
    EXPECT_EQ(list.error().code, ErrorCode::kPermissionDenied) << who;
  }
  auto theirs = app_.clues->List(app_.As("member2"), {}, {1, 20});
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->total, 0);
  auto ours = app_.clues->List(app_.As("member1"), {}, {1, 20});
  ASSERT_TRUE(ours.ok());
  EXPECT_EQ(ours->total, 3) << "two demo clues and the new one";
  EXPECT_TRUE(ours->items[0].clue.content.description.empty()) << "lists carry no facts";
  EXPECT_FALSE(ours->items[0].leaders.empty()) << "lists name whom it concerns";
  auto write = Write("office", Draft("标题", "内容"));
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(CluesTest, TheLeaderHandsOverTheRecipientSignsAndReportsTheDisposal) {
  auto c = Write("member1", Draft("反映某副局长插手工程项目", "为其亲属承揽道路工程提供便利。"));
  ASSERT_TRUE(c.ok());
  auto by_member = Move("member1", *c, ClueState::kHandedOver);
  ASSERT_FALSE(by_member.ok());
  EXPECT_EQ(by_member.error().key, "clue_move_forbidden");

  auto handed = Move("leader1", *c, ClueState::kHandedOver);
  ASSERT_TRUE(handed.ok()) << handed.error().message;
  EXPECT_EQ(handed->clue.state, ClueState::kHandedOver);
  EXPECT_GT(handed->clue.handed_over_at, 0);
  EXPECT_EQ(handed->handed_over_by_name, "陈国栋");
  EXPECT_FALSE(handed->editable);

  // The discipline commission has it; the organisation department does not.
  auto seen = app_.clues->Get(app_.As("clue"), c->clue.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->allowed_transitions, std::vector<ClueState>{ClueState::kReceived});
  EXPECT_EQ(GetCode("clue_org", c->clue.id), "not_found");

  auto too_soon = Move("clue", *handed, ClueState::kDisposed, ClueDisposal::kClose);
  ASSERT_FALSE(too_soon.ok());
  EXPECT_EQ(too_soon.error().fields.at("to"), "transition_not_allowed");
  auto received = Move("clue", *handed, ClueState::kReceived);
  ASSERT_TRUE(received.ok()) << received.error().message;
  EXPECT_EQ(received->received_by_name, "市纪委监委·何静");

  // Signed for: the group can no longer take it back.
  auto back = Move("leader1", *received, ClueState::kDraft);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().fields.at("to"), "transition_not_allowed");

  auto no_disposal = Move("clue", *received, ClueState::kDisposed);
  ASSERT_FALSE(no_disposal.ok());
  EXPECT_EQ(no_disposal.error().fields.at("disposal"), "required");
  auto stale = Move("clue", *handed, ClueState::kDisposed, ClueDisposal::kTalkInquiry);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto disposed =
      Move("clue", *received, ClueState::kDisposed, ClueDisposal::kPreliminaryVerification,
           "已报委领导批准，转第三审查调查室初核。");
  ASSERT_TRUE(disposed.ok()) << disposed.error().message;
  EXPECT_EQ(disposed->clue.disposal, ClueDisposal::kPreliminaryVerification);
  EXPECT_TRUE(disposed->allowed_transitions.empty());
  // The group and the office read how it was disposed of.
  auto office = app_.clues->Get(app_.As("office"), c->clue.id);
  ASSERT_TRUE(office.ok());
  EXPECT_EQ(office->clue.disposal_note, "已报委领导批准，转第三审查调查室初核。");
  EXPECT_EQ(office->clue.state, ClueState::kDisposed);
  auto group = app_.clues->Get(app_.As("member1"), c->clue.id);
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->clue.disposal, ClueDisposal::kPreliminaryVerification);
}

TEST_F(CluesTest, AClueTakenBackBeforeReceiptLeavesTheRecipientAndHisSearch) {
  auto c = Write("member1", Draft("反映干部违规经商甲乙丙丁", "在外兼职取酬。"));
  ASSERT_TRUE(c.ok());
  auto handed = Move("leader1", *c, ClueState::kHandedOver);
  ASSERT_TRUE(handed.ok());
  EXPECT_EQ(Searched("clue", "甲乙丙丁"), 1);
  EXPECT_EQ(Searched("clue_org", "甲乙丙丁"), 0);
  auto back = Move("leader1", *handed, ClueState::kDraft);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->clue.handed_over_at, 0);
  EXPECT_EQ(GetCode("clue", c->clue.id), "not_found");
  EXPECT_EQ(Searched("clue", "甲乙丙丁"), 0) << "the index follows the state";
  EXPECT_EQ(Searched("member1", "甲乙丙丁"), 1);
  EXPECT_EQ(Searched("member2", "甲乙丙丁"), 0);
  // Back to a draft it is edited again; the organ may change before the next hand-over.
  ClueDraft d = Draft("反映干部违规经商甲乙丙丁", "在外兼职取酬，另涉选人用人。",
                      Organ::kOrganisationDepartment);
  auto edited = app_.clues->Update(app_.As("member1"), c->clue.id, back->clue.version, d);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  auto again = Move("leader1", *edited, ClueState::kHandedOver);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Searched("clue_org", "甲乙丙丁"), 1);
  EXPECT_EQ(Searched("clue", "甲乙丙丁"), 0);
}

TEST_F(CluesTest, OnlyADraftIsEditedAndAStaleVersionIsRefused) {
  auto c = Write("member1", Draft("原标题", "原内容。"));
  ASSERT_TRUE(c.ok());
  ClueDraft d = Draft("新标题", "新内容。");
  auto edited = app_.clues->Update(app_.As("member1"), c->clue.id, c->clue.version, d);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->clue.content.title, "新标题");
  auto stale = app_.clues->Update(app_.As("member1"), c->clue.id, c->clue.version, d);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto handed = Move("leader1", *edited, ClueState::kHandedOver);
  ASSERT_TRUE(handed.ok());
  auto late = app_.clues->Update(app_.As("member1"), c->clue.id, handed->clue.version, d);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().key, "clue_not_editable");
  auto other = app_.clues->Update(app_.As("member2"), c->clue.id, handed->clue.version, d);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(CluesTest, WritingChecksTheRoundTheGroupAndTheRoster) {
  auto other = app_.clues->Create(app_.As("member2"), Draft("标题", "内容"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().fields.at("assignment_id"), "not_found");

  ClueDraft stranger = Draft("标题", "内容");
  stranger.content.leaders = {
      FindingLeader(Roster(Stationing("市交通运输局").assignment.unit_id).front().id)};
  auto bad = Write("member1", stranger);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at("leaders"), "not_in_unit");

  // member1 also sat in a group of the seed's round 8, long past.
  std::optional<AssignmentId> past;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    auto scope = ScopeFor(**tx, app_.As("member1").user);
    ASSERT_TRUE(scope.ok());
    Scope groups;
    groups.groups = scope->groups;
    auto list = (*tx)->ListAssignments(groups, {});
    ASSERT_TRUE(list.ok());
    for (const auto& a : *list) {
      auto round = (*tx)->GetRound(a.assignment.round_id);
      if (!CluesOpen(round->round.status)) past = a.assignment.id;
    }
  }
  ASSERT_TRUE(past);
  ClueDraft old = Draft("补记线索", "内容。");
  old.assignment_id = *past;
  old.content.leaders.clear();
  old.content.other_persons = "某科长";
  auto late = Write("member1", old);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().fields.at("assignment_id"), "round_not_open_for_clues");
}

TEST_F(CluesTest, TextIsSealedAtRestAndEveryAccessIsLogged) {
  auto c = Write("member1", Draft("线索标题壬癸子丑", "线索事实寅卯辰巳。"));
  ASSERT_TRUE(c.ok());
  auto handed = Move("leader1", *c, ClueState::kHandedOver);
  auto received = Move("clue", *handed, ClueState::kReceived);
  ASSERT_TRUE(received.ok());
  ASSERT_TRUE(
      Move("clue", *received, ClueState::kDisposed, ClueDisposal::kHold, "处置说明午未申酉").ok());
  ASSERT_TRUE(app_.clues->Get(app_.As("office"), c->clue.id).ok());
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  for (const std::string secret : {"壬癸子丑", "寅卯辰巳", "午未申酉", "来信1件"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "in the database file: " << secret;
  }
  auto tx = app_.store->Begin(TxMode::kRead);
  auto log = (*tx)->ListAudit({1, 50});
  ASSERT_TRUE(log.ok());
  std::multiset<std::string> actions;
  for (const auto& e : log->items) {
    if (e.object_type == "clue") actions.insert(e.action);
  }
  EXPECT_EQ(actions.count("clue.create"), 3u) << "two demo clues and this one";
  EXPECT_GE(actions.count("clue.move"), 4u);
  EXPECT_EQ(actions.count("clue.view"), 1u);
}

TEST_F(CluesTest, ARecipientNeedsHisOrgan) {
  NewUser nu;
  nu.username = "jw2";
  nu.display_name = "纪委新同事";
  nu.role = Role::kClueRecipient;
  nu.password = "Longenough#1";
  auto missing = app_.auth->CreateUser(app_.As("admin"), nu);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.at("organ"), "required");
  // An account left without one (written before organs existed) receives nothing.
  Actor a = app_.As("clue");
  a.user.organ.reset();
  auto list = app_.clues->List(a, {}, {1, 20});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().key, "organ_not_set");
}

TEST_F(CluesTest, TheDemoHandsOneClueToTheCommission) {
  auto list = app_.clues->List(app_.As("clue"), {}, {1, 20});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_TRUE(list->items[0].clue.demo);
  EXPECT_EQ(list->items[0].clue.content.title.rfind("（示例数据）", 0), 0u);
  auto none = app_.clues->List(app_.As("clue_org"), {}, {1, 20});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0) << "the 组织部 demo clue is still a draft";
  ClueListFilter f;
  f.organ = Organ::kOrganisationDepartment;
  auto office = app_.clues->List(app_.As("office"), f, {1, 20});
  ASSERT_TRUE(office.ok());
  EXPECT_EQ(office->total, 1);
}

TEST_F(CluesTest, AWithdrawnClueIsNeitherEditedNorSeenByTheOrgan) {
  auto c = Write("member1", Draft("反映干部子丑寅卯违规兼职", "在企业兼职取酬。"));
  ASSERT_TRUE(c.ok());
  auto withdrawn = Move("leader1", *c, ClueState::kWithdrawn);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_FALSE(withdrawn->editable);
  EXPECT_EQ(withdrawn->allowed_transitions, std::vector<ClueState>{ClueState::kDraft});
  auto edit = app_.clues->Update(app_.As("member1"), c->clue.id, withdrawn->clue.version,
                                 Draft("改写", "改写。"));
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().key, "clue_not_editable");
  EXPECT_EQ(GetCode("clue", c->clue.id), "not_found");
  EXPECT_EQ(Searched("clue", "子丑寅卯"), 0);
  EXPECT_EQ(Searched("member1", "子丑寅卯"), 1);
  // The office reads but never moves a clue; another group's leader does not even see it.
  auto by_office = Move("office", *withdrawn, ClueState::kDraft);
  ASSERT_FALSE(by_office.ok());
  EXPECT_EQ(by_office.error().key, "clue_move_forbidden");
  auto restored = Move("leader1", *withdrawn, ClueState::kDraft);
  ASSERT_TRUE(restored.ok());
  EXPECT_TRUE(restored->editable);
}

TEST_F(CluesTest, OnlyAGroupLeaderAccountLeadsTheGroup) {
  // member1's inspector recorded as 组长 does not make a group_member account the leader.
  Actor a = app_.As("leader1");
  a.user.role = Role::kGroupMember;
  auto c = Write("member1", Draft("标题", "内容"));
  ASSERT_TRUE(c.ok());
  ClueMove m;
  m.version = c->clue.version;
  m.to = ClueState::kHandedOver;
  auto moved = app_.clues->Move(a, c->clue.id, m);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().key, "clue_move_forbidden");
}

TEST_F(CluesTest, ASealedBoxMovedToAnotherClueOrPartDoesNotOpen) {
  auto a = Write("member1", Draft("甲线索", "甲的事实。"));
  auto b = Write("member1", Draft("乙线索", "乙的事实。"));
  ASSERT_TRUE(a.ok() && b.ok());
  auto handed = Move("leader1", *a, ClueState::kHandedOver);
  auto received = Move("clue", *handed, ClueState::kReceived);
  ASSERT_TRUE(Move("clue", *received, ClueState::kDisposed, ClueDisposal::kClose, "了结说明").ok());
  {
    auto tx = app_.store->Begin(TxMode::kWrite);
    auto ra = (*tx)->GetClue(a->clue.id);
    auto rb = (*tx)->GetClue(b->clue.id);
    ASSERT_TRUE(ra.ok() && rb.ok());
    // b gets a's content; a's disposal box takes the place of its content.
    ClueRecord moved = *rb;
    moved.content_box = ra->content_box;
    ASSERT_TRUE((*tx)->UpdateClue(moved).ok());
    ClueRecord swapped = *ra;
    swapped.content_box = ra->disposal_box;
    ASSERT_TRUE((*tx)->UpdateClue(swapped).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  for (ClueId id : {a->clue.id, b->clue.id}) {
    auto r = app_.clues->Get(app_.As("office"), id);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().key, "decrypt_failed");
  }
}

}  // namespace
}  // namespace xuncha
