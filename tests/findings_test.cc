// Findings (问题底稿) through the app layer: who writes, edits, confirms and reads them, their
// content sealed at rest and every read logged, and search finding them inside the scope.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "app/scope.h"
#include "test_support.h"

namespace xuncha {
namespace {

class FindingsTest : public ::testing::Test {
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

  FindingDraft Draft(const std::string& unit, const std::string& title,
                     const std::string& description) {
    FindingDraft d;
    d.assignment_id = Stationing(unit).assignment.id;
    d.disciplines = {Discipline::kIntegrity};
    d.content.title = title;
    d.content.description = description;
    d.content.evidence = "个别谈话3人";
    return d;
  }

  Result<FindingView> Write(const std::string& who, const FindingDraft& d) {
    return app_.findings->Create(app_.As(who), d);
  }

  Result<SearchResults> Find(const std::string& who, const std::string& q, SearchRequest r = {}) {
    r.q = q;
    return app_.search->Search(app_.As(who), r, {1, 200});
  }

  static std::set<std::int64_t> FindingIds(const SearchResults& out) {
    std::set<std::int64_t> ids;
    for (const auto& h : out.items) {
      if (h.kind == "finding") ids.insert(h.finding.finding.id.value);
    }
    return ids;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  testing::TestApp app_;
};

TEST_F(FindingsTest, AMemberWritesADraftOnlyHisGroupSees) {
  auto f =
      Write("member1", Draft("市财政局", "违规发放津贴补贴", "2025年违规发放加班补贴12万元。"));
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->finding.state, FindingState::kDraft);
  EXPECT_EQ(f->finding.version, 1);
  EXPECT_FALSE(f->finding.updated_by);
  EXPECT_EQ(f->unit_name, "市财政局");
  EXPECT_EQ(f->finding.content.description, "2025年违规发放加班补贴12万元。");
  EXPECT_TRUE(f->editable);
  EXPECT_TRUE(f->allowed_transitions.empty()) << "a member does not confirm";

  auto leader = app_.findings->Get(app_.As("leader1"), f->finding.id);
  ASSERT_TRUE(leader.ok());
  EXPECT_EQ(leader->allowed_transitions,
            (std::vector<FindingState>{FindingState::kConfirmed, FindingState::kWithdrawn}));

  // Another group: as if it did not exist.
  auto other = app_.findings->Get(app_.As("member2"), f->finding.id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto list = app_.findings->List(app_.As("member2"), {}, {1, 100});
  ASSERT_TRUE(list.ok());
  for (const auto& v : list->items) EXPECT_NE(v.finding.id, f->finding.id);
  for (const auto& v : list->items) EXPECT_EQ(v.unit_name, "市交通运输局");

  // The office and the leading group read every finding, read-only.
  for (const char* who : {"office", "leadership"}) {
    auto all = app_.findings->List(app_.As(who), {}, {1, 100});
    ASSERT_TRUE(all.ok()) << who;
    EXPECT_EQ(all->total, 4) << who << ": three demo findings and this one";
    EXPECT_TRUE(all->items.front().finding.content.description.empty()) << "lists carry titles";
    auto read = app_.findings->Get(app_.As(who), f->finding.id);
    ASSERT_TRUE(read.ok());
    EXPECT_FALSE(read->editable);
    EXPECT_TRUE(read->allowed_transitions.empty());
  }
  auto by_office = Write("office", Draft("市财政局", "标题", "内容"));
  ASSERT_FALSE(by_office.ok());
  EXPECT_EQ(by_office.error().code, ErrorCode::kPermissionDenied);

  for (const char* who : {"unit1", "clue", "admin"}) {
    auto none = app_.findings->List(app_.As(who), {}, {1, 10});
    ASSERT_FALSE(none.ok()) << who;
    EXPECT_EQ(none.error().code, ErrorCode::kPermissionDenied) << who;
  }
}

TEST_F(FindingsTest, AnotherGroupsStationingIsUnknownToTheWriter) {
  auto f = Write("member2", Draft("市财政局", "标题", "内容"));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::kValidation);
  EXPECT_EQ(f.error().fields.at("assignment_id"), "not_found");
}

TEST_F(FindingsTest, APastRoundTakesNoNewFindings) {
  // member1 also sat in a group of the seed's round 8 (2020), long past its stationing.
  std::optional<AssignmentId> past;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    auto scope = ScopeFor(**tx, app_.As("member1").user);
    ASSERT_TRUE(scope.ok());
    Scope groups;
    groups.groups = scope->groups;
    auto list = (*tx)->ListAssignments(groups, {});
    ASSERT_TRUE(list.ok());
    for (const auto& a : *list) {
      auto round = (*tx)->GetRound(a.assignment.round_id);
      ASSERT_TRUE(round.ok());
      if (!FindingsOpen(round->round.status)) past = a.assignment.id;
    }
  }
  ASSERT_TRUE(past) << "the demo gives member1 a past stationing";
  FindingDraft d = Draft("市财政局", "补记的问题", "内容。");
  d.assignment_id = *past;
  auto f = Write("member1", d);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().fields.at("assignment_id"), "round_not_open_for_findings");
}

TEST_F(FindingsTest, FindingsAreFixedOnceTheRoundLeavesReporting) {
  auto f = Write("member1", Draft("市财政局", "会议费超支", "超支8万元。"));
  ASSERT_TRUE(f.ok());
  {
    auto tx = app_.store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto round = (*tx)->GetRound(f->finding.round_id);
    ASSERT_TRUE(round.ok());
    round->round.status = RoundStatus::kRectification;
    ASSERT_TRUE((*tx)->UpdateRound(round->round).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto edit = app_.findings->Update(app_.As("member1"), f->finding.id, f->finding.version,
                                    Draft("市财政局", "会议费超支（改）", "改。"));
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().key, "round_closed_for_findings");
  auto move = app_.findings->Move(app_.As("leader1"), f->finding.id, f->finding.version,
                                  FindingState::kConfirmed);
  ASSERT_FALSE(move.ok());
  EXPECT_EQ(move.error().key, "round_closed_for_findings");
  EXPECT_TRUE(app_.findings->Get(app_.As("member1"), f->finding.id).ok()) << "still readable";
}

TEST_F(FindingsTest, TheLeadersConcernedKeepTheirNamesWhenTheRosterChanges) {
  const AssignmentView finance = Stationing("市财政局");
  Leader first;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    auto roster = (*tx)->ListLeaders(finance.assignment.unit_id);
    ASSERT_TRUE(roster.ok() && !roster->empty());
    first = roster->front();
  }
  FindingDraft d = Draft("市财政局", "违规兼职取酬", "在企业兼职并领取报酬。");
  d.content.leaders = {first.id};
  auto f = Write("member1", d);
  ASSERT_TRUE(f.ok()) << f.error().message;
  {
    // The roster is edited afterwards: that row now names someone else.
    auto tx = app_.store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    Leader renamed = first;
    renamed.name = "（改名后）钱某某";
    ASSERT_TRUE((*tx)->UpdateLeader(renamed).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto read = app_.findings->Get(app_.As("member1"), f->finding.id);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->leaders.size(), 1u);
  EXPECT_EQ(read->leaders[0].name, first.name) << "as named when the finding was written";
  EXPECT_EQ(read->leaders[0].post, first.post);
  EXPECT_TRUE(FindingIds(*Find("member1", first.name)).count(f->finding.id.value));
}

TEST_F(FindingsTest, FocusItemAndLeadersMustBelongToTheRoundAndTheUnit) {
  const AssignmentView finance = Stationing("市财政局");
  const AssignmentView transport = Stationing("市交通运输局");
  std::optional<FocusItemId> old_round_item;
  LeaderId transport_leader;
  LeaderId finance_leader;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    auto rounds = (*tx)->ListRounds(Scope{true, {}, {}, {}}, {}, {1, 10});
    ASSERT_TRUE(rounds.ok());
    for (const auto& r : rounds->items) {
      if (r.round.id == finance.assignment.round_id) continue;
      auto items = (*tx)->ListFocusItems(r.round.id);
      ASSERT_TRUE(items.ok());
      if (!items->empty()) old_round_item = items->front().id;
    }
    auto t = (*tx)->ListLeaders(transport.assignment.unit_id);
    auto f = (*tx)->ListLeaders(finance.assignment.unit_id);
    ASSERT_TRUE(t.ok() && !t->empty() && f.ok() && !f->empty());
    transport_leader = t->front().id;
    finance_leader = f->front().id;
  }
  ASSERT_TRUE(old_round_item);
  FindingDraft d = Draft("市财政局", "标题", "内容");
  d.focus_item_id = old_round_item;
  d.content.leaders = {transport_leader};
  auto bad = Write("member1", d);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at("focus_item_id"), "not_in_round");
  EXPECT_EQ(bad.error().fields.at("leaders"), "not_in_unit");

  d.focus_item_id.reset();
  d.content.leaders = {finance_leader};
  auto good = Write("member1", d);
  ASSERT_TRUE(good.ok()) << good.error().message;
  ASSERT_EQ(good->leaders.size(), 1u);
  EXPECT_EQ(good->leaders[0].id, finance_leader);
}

TEST_F(FindingsTest, OnlyTheLeaderConfirmsAndOnlyADraftIsEdited) {
  auto f = Write("member1", Draft("市财政局", "公务接待超标准", "接待标准超出规定。"));
  ASSERT_TRUE(f.ok());
  const FindingId id = f->finding.id;
  auto by_member =
      app_.findings->Move(app_.As("member1"), id, f->finding.version, FindingState::kConfirmed);
  ASSERT_FALSE(by_member.ok());
  EXPECT_EQ(by_member.error().key, "group_leader_only");

  auto stale =
      app_.findings->Move(app_.As("leader1"), id, f->finding.version - 1, FindingState::kConfirmed);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);

  auto confirmed =
      app_.findings->Move(app_.As("leader1"), id, f->finding.version, FindingState::kConfirmed);
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_EQ(confirmed->finding.state, FindingState::kConfirmed);
  EXPECT_FALSE(confirmed->editable);

  FindingDraft edit = Draft("市财政局", "公务接待超标准（改）", "改后的内容。");
  auto locked = app_.findings->Update(app_.As("member1"), id, confirmed->finding.version, edit);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().key, "finding_not_editable");
  // A member still holding the draft he read hears why, not just that it changed.
  auto behind = app_.findings->Update(app_.As("member1"), id, f->finding.version, edit);
  ASSERT_FALSE(behind.ok());
  EXPECT_EQ(behind.error().key, "finding_not_editable");

  auto again = app_.findings->Move(app_.As("leader1"), id, confirmed->finding.version,
                                   FindingState::kConfirmed);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().fields.at("to"), "transition_not_allowed");

  auto reopened =
      app_.findings->Move(app_.As("leader1"), id, confirmed->finding.version, FindingState::kDraft);
  ASSERT_TRUE(reopened.ok());
  auto edited = app_.findings->Update(app_.As("member1"), id, reopened->finding.version, edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->finding.content.title, "公务接待超标准（改）");
  EXPECT_EQ(edited->finding.assignment_id, f->finding.assignment_id);
}

TEST_F(FindingsTest, ContentIsSealedAtRestAndEveryReadIsLogged) {
  auto f = Write("member1", Draft("市财政局", "绝密标题壬癸子丑", "底稿事实寅卯辰巳。"));
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(app_.findings->Get(app_.As("office"), f->finding.id).ok());
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  for (const std::string secret : {"壬癸子丑", "寅卯辰巳", "个别谈话3人"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "in the database file: " << secret;
  }
  auto tx = app_.store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto log = (*tx)->ListAudit({1, 20});
  ASSERT_TRUE(log.ok());
  std::set<std::string> actions;
  for (const auto& e : log->items) {
    if (e.object_type == "finding") actions.insert(e.action);
  }
  EXPECT_TRUE(actions.count("finding.create"));
  EXPECT_TRUE(actions.count("finding.view"));
}

TEST_F(FindingsTest, SearchFindsFindingsInsideTheScopeWithTheirFilters) {
  auto f = Write("member1", Draft("市财政局", "违规发放购物卡", "年节期间向职工发放购物卡。"));
  ASSERT_TRUE(f.ok());
  const std::int64_t id = f->finding.id.value;

  // Two-character and one-character terms, exact.
  auto mine = Find("member1", "购物卡");
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  EXPECT_TRUE(FindingIds(*mine).count(id));
  auto one = Find("member1", "卡");
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(FindingIds(*one).count(id));
  for (const auto& h : mine->items) {
    if (h.kind == "finding") {
      EXPECT_FALSE(h.snippet.empty());
    }
  }

  // Another group neither sees nor counts it; leadership reads findings (not reports).
  auto other = Find("member2", "购物卡");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(FindingIds(*other).empty());
  auto leading = Find("leadership", "购物卡");
  ASSERT_TRUE(leading.ok()) << leading.error().message;
  EXPECT_TRUE(FindingIds(*leading).count(id));
  for (const auto& h : leading->items) EXPECT_EQ(h.kind, "finding");
  // The unit searches its rectification records only: a draft finding about it stays unknown.
  auto unit = Find("unit1", "购物卡");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->total, 0);

  SearchRequest reports_only;
  reports_only.kind = "report";
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", reports_only)).empty());
  SearchRequest confirmed;
  confirmed.state = "confirmed";
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", confirmed)).empty());
  SearchRequest drafts;
  drafts.state = "draft";
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", drafts)).count(id));
  SearchRequest work;
  work.discipline = "work";
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", work)).empty());
  SearchRequest integrity;
  integrity.discipline = "integrity";
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", integrity)).count(id));
  SearchRequest by_call;
  by_call.channel = Channel::kCall;
  EXPECT_TRUE(FindingIds(*Find("member1", "购物卡", by_call)).empty()) << "no channel";

  // An edit reaches the index: the old words no longer find it, the new ones do.
  FindingDraft edit = Draft("市财政局", "违规发放消费券", "年节期间向职工发放消费券。");
  ASSERT_TRUE(
      app_.findings->Update(app_.As("member1"), f->finding.id, f->finding.version, edit).ok());
  EXPECT_FALSE(FindingIds(*Find("member1", "购物卡")).count(id));
  EXPECT_TRUE(FindingIds(*Find("member1", "消费券")).count(id));

  // A rebuilt index (xuncha reindex) holds findings too.
  ASSERT_TRUE(app_.search->Reindex().ok());
  EXPECT_TRUE(FindingIds(*Find("member1", "消费券")).count(id));
  auto fresh = app_.NewSearch();
  SearchRequest r;
  r.q = "消费券";
  auto reloaded = fresh->Search(app_.As("member1"), r, {1, 50});
  ASSERT_TRUE(reloaded.ok());
  EXPECT_TRUE(FindingIds(*reloaded).count(id)) << "loaded from the sealed segments";
}

TEST_F(FindingsTest, TheDemoHasFindingsMarkedAsDemoData) {
  auto all = app_.findings->List(app_.As("office"), {}, {1, 100});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 3);
  int confirmed = 0;
  for (const auto& v : all->items) {
    EXPECT_TRUE(v.finding.demo);
    EXPECT_NE(v.finding.content.title.find("示例数据"), std::string::npos);
    EXPECT_FALSE(v.focus_title.empty());
    confirmed += v.finding.state == FindingState::kConfirmed ? 1 : 0;
  }
  EXPECT_EQ(confirmed, 1);
}

}  // namespace
}  // namespace xuncha

namespace xuncha {
namespace {

TEST_F(FindingsTest, TheProblemListFollowsTheChecklistsOrder) {
  const AssignmentView finance = Stationing("市财政局");
  std::vector<FocusItem> items;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    auto list = (*tx)->ListFocusItems(finance.assignment.round_id);
    ASSERT_TRUE(list.ok());
    items = *list;
  }
  // The last root item, the first root item and a sub-item of the first, written in that order.
  std::vector<const FocusItem*> roots;
  const FocusItem* sub = nullptr;
  for (const auto& f : items) {
    if (!f.parent_id) roots.push_back(&f);
  }
  ASSERT_GE(roots.size(), 2u);
  for (const auto& f : items) {
    if (f.parent_id == roots.front()->id) sub = &f;
  }
  ASSERT_NE(sub, nullptr) << "the demo checklist has sub-items";
  std::vector<std::pair<FocusItemId, std::string>> order = {
      {roots.back()->id, "甲末项问题"}, {sub->id, "乙子项问题"}, {roots.front()->id, "丙首项问题"}};
  for (const auto& [focus, title] : order) {
    FindingDraft d = Draft("市财政局", title, "事实。");
    d.focus_item_id = focus;
    ASSERT_TRUE(Write("member1", d).ok()) << title;
  }
  FindingListFilter f;
  f.unit_id = finance.assignment.unit_id;
  auto out = app_.findings->Export(app_.As("office"), f);
  ASSERT_TRUE(out.ok()) << out.error().message;
  std::vector<std::string> titles;
  for (const auto& v : *out) {
    const std::string& t = v.finding.content.title;
    if (t == "甲末项问题" || t == "乙子项问题" || t == "丙首项问题") titles.push_back(t);
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"丙首项问题", "乙子项问题", "甲末项问题"}));

  // The list filtered by a focus item holds what is filed under it and under its sub-items (of
  // the three written here; the demo files more under some items).
  auto titles_under = [&](FocusItemId focus) {
    FindingListFilter by;
    by.unit_id = finance.assignment.unit_id;
    by.focus_item_id = focus;
    auto page = app_.findings->List(app_.As("office"), by, PageRequest{1, 50});
    std::set<std::string> got;
    if (page.ok()) {
      for (const auto& v : page->items) {
        const std::string& t = v.finding.content.title;
        if (t == "甲末项问题" || t == "乙子项问题" || t == "丙首项问题") got.insert(t);
      }
    }
    return got;
  };
  EXPECT_EQ(titles_under(roots.front()->id), (std::set<std::string>{"乙子项问题", "丙首项问题"}));
  EXPECT_EQ(titles_under(sub->id), (std::set<std::string>{"乙子项问题"}));
  EXPECT_EQ(titles_under(roots.back()->id), (std::set<std::string>{"甲末项问题"}));
}

}  // namespace
}  // namespace xuncha
