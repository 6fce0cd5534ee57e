// Search through the app layer on a real database: exact answers for short terms, data scopes
// (nothing out of scope in results or counts), filters, ranking, snippets, and an index that
// survives restarts, crashes between a change and its indexing, merges and a rebuild — with
// nothing of it in the clear in the database file.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app/demo.h"
#include "test_support.h"
#include "text/chinese_text.h"

namespace xuncha {
namespace {

using testing::TestApp;

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }

  AssignmentId Assignment(const std::string& unit) {
    auto intake = app_.reports->Intake();
    EXPECT_TRUE(intake.ok());
    for (const auto& i : intake->items) {
      if (i.unit_name == unit) return i.assignment_id;
    }
    ADD_FAILURE() << "no open assignment for " << unit;
    return AssignmentId();
  }

  // Registers a call about `unit` with `content`, by the office, received `days_ago` days ago.
  ReportId Add(const std::string& unit, const std::string& content, int days_ago = 0,
               Channel channel = Channel::kCall, bool sealed = false) {
    ReportDraft d;
    d.assignment_id = Assignment(unit);
    d.channel = channel;
    d.anonymous = true;
    d.sealed = sealed;
    d.received_at = app_.clock.Now() - days_ago * 86400 - 60;
    d.body.persons = {{"测试某", unit, "科长"}};
    d.body.content = content;
    auto r = app_.reports->Register(app_.As("office"), d);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->report.id : ReportId();
  }

  Result<SearchResults> Find(const std::string& who, const std::string& q, SearchRequest r = {},
                             PageRequest page = {1, 200}) {
    r.q = q;
    return app_.search->Search(app_.As(who), r, page);
  }

  static constexpr std::int64_t kClueBase = 1000000;
  static constexpr std::int64_t kMeasureBase = 2000000;

  // Report ids, finding ids negated, clue ids negated below -kClueBase, measure ids below
  // -kMeasureBase.
  std::set<std::int64_t> Ids(const SearchResults& out) {
    std::set<std::int64_t> ids;
    for (const auto& h : out.items) {
      if (h.kind == "finding") {
        ids.insert(-h.finding.finding.id.value);
      } else if (h.kind == "clue") {
        ids.insert(-kClueBase - h.clue.clue.id.value);
      } else if (h.kind == "rectification") {
        ids.insert(-kMeasureBase - h.measure.measure.id.value);
      } else {
        ids.insert(h.report.report.id.value);
      }
    }
    return ids;
  }

  // What a substring scan of every report, finding and clue the office can see gives for one
  // term (ids as Ids gives them).
  std::set<std::int64_t> Scan(const std::string& term) {
    const std::string t = *text::Normalize(term);
    std::set<std::int64_t> ids;
    auto tx = app_.store->Begin(TxMode::kRead);
    auto all = (*tx)->ListAllReportColumns();
    for (const auto& r : *all) {
      auto rec = (*tx)->GetReport(r.id);
      auto raw = app_.reports->SearchText(*rec);
      if (text::Normalize(*raw)->find(t) != std::string::npos) ids.insert(r.id.value);
    }
    auto findings = (*tx)->ListAllFindingColumns();
    for (const auto& f : *findings) {
      auto rec = (*tx)->GetFinding(f.id);
      auto raw = app_.findings->SearchText(**tx, *rec);
      if (text::Normalize(*raw)->find(t) != std::string::npos) ids.insert(-f.id.value);
    }
    auto clues = (*tx)->ListAllClueColumns();
    for (const auto& c : *clues) {
      auto rec = (*tx)->GetClue(c.id);
      auto raw = app_.clues->SearchText(*rec);
      if (text::Normalize(*raw)->find(t) != std::string::npos) {
        ids.insert(-kClueBase - c.id.value);
      }
    }
    auto measures = (*tx)->ListAllMeasureColumns();
    for (const auto& m : *measures) {
      auto rec = (*tx)->GetMeasure(m.id);
      auto raw = app_.rectification->SearchText(*rec);
      if (text::Normalize(*raw)->find(t) != std::string::npos) {
        ids.insert(-kMeasureBase - m.id.value);
      }
    }
    return ids;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  TestApp app_;
};

TEST_F(SearchTest, OneAndTwoCharacterTermsReturnExactlyWhatASubstringScanReturns) {
  Add("市财政局", "反映某科长公款吃喝，违规发放津贴补贴。");
  Add("市财政局", "公车私用，周末开公车去钓鱼。");
  Add("市交通运输局", "吃拿卡要，收受礼金。公款旅游。");
  Add("市交通运输局", "违规选人用人，搞小圈子。");
  for (const std::string term : {"公", "款", "公款", "吃喝", "违规", "车", "钓鱼", "示例", "小圈子",
                                 "公款吃喝", "某科", "没有", "凭证", "整改"}) {
    auto out = Find("office_head", term);
    ASSERT_TRUE(out.ok()) << term << ": " << out.error().message;
    EXPECT_EQ(Ids(*out), Scan(term)) << term;
    EXPECT_EQ(out->total, static_cast<std::int64_t>(Scan(term).size())) << term;
  }
}

TEST_F(SearchTest, TraditionalFullWidthAndCaseAreFoldedOnBothSides) {
  const ReportId id = Add("市财政局", "反映其在ＫＴＶ多次貪污公款，金額达３万元。");
  for (const std::string q : {"贪污", "貪污", "ktv", "KTV", "ＫＴＶ", "3万", "金额"}) {
    auto out = Find("office", q);
    ASSERT_TRUE(out.ok()) << q;
    EXPECT_EQ(Ids(*out), std::set<std::int64_t>{id.value}) << q;
  }
}

TEST_F(SearchTest, BooleanOperatorsAndPhrases) {
  const ReportId a = Add("市财政局", "公款吃喝问题突出。");
  const ReportId b = Add("市财政局", "公款旅游，吃喝玩乐。");
  const ReportId c = Add("市财政局", "乱吃喝。");
  auto both = Find("office", "公款 吃喝");
  EXPECT_EQ(Ids(*both), (std::set<std::int64_t>{a.value, b.value}));
  auto either = Find("office", "旅游 OR 乱吃");
  EXPECT_EQ(Ids(*either), (std::set<std::int64_t>{b.value, c.value}));
  auto without = Find("office", "吃喝 -旅游 -乱吃 -示例");
  EXPECT_EQ(Ids(*without), (std::set<std::int64_t>{a.value}));
  auto phrase = Find("office", "\"公款吃喝\"");
  EXPECT_EQ(Ids(*phrase), (std::set<std::int64_t>{a.value}));
}

TEST_F(SearchTest, AGroupSeesOnlyItsOwnReportsAndCountsNothingElse) {
  Add("市财政局", "独有词甲乙丙在财政。");
  Add("市交通运输局", "独有词甲乙丙在交通。");
  auto office = Find("office", "甲乙丙");
  EXPECT_EQ(office->total, 2);
  auto finance = Find("member1", "甲乙丙");
  ASSERT_TRUE(finance.ok());
  EXPECT_EQ(finance->total, 1);
  ASSERT_EQ(finance->items.size(), 1u);
  EXPECT_EQ(finance->items[0].report.unit_name, "市财政局");
  auto transport = Find("member2", "在财政");
  ASSERT_TRUE(transport.ok());
  EXPECT_EQ(transport->total, 0) << "another group's report must not even be counted";
  EXPECT_TRUE(transport->items.empty());
  // Asking for the other group by filter changes nothing.
  SearchRequest other;
  other.group_id = finance->items[0].report.report.group_id;
  EXPECT_EQ(Find("member2", "甲乙丙", other)->total, 0);
}

TEST_F(SearchTest, RolesWithoutRecordsToSearchAreRefused) {
  auto out = Find("admin", "公款");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kPermissionDenied);
  // The unit searches its own rectification records, never the reports about it.
  Add("市财政局", "公款吃喝。");
  auto unit = Find("unit1", "公款");
  ASSERT_TRUE(unit.ok()) << unit.error().message;
  EXPECT_EQ(unit->total, 0);
}

TEST_F(SearchTest, SealedReportsOnlyForTheGroupLeaderAndCustodiansAndNeverExcerpted) {
  Add("市财政局", "越级举报密封词丁戊己。", 0, Channel::kLetter, /*sealed=*/true);
  EXPECT_EQ(Find("member1", "丁戊己")->total, 0);
  EXPECT_EQ(Find("office", "丁戊己")->total, 0) << "an office member who is not a custodian";
  auto leader = Find("leader1", "丁戊己");
  ASSERT_EQ(leader->total, 1);
  EXPECT_TRUE(leader->items[0].snippet.empty());
  EXPECT_EQ(Find("office_head", "丁戊己")->total, 1);
}

TEST_F(SearchTest, FiltersNarrowTheMatches) {
  const ReportId old_call = Add("市财政局", "过滤词庚辛。", 40, Channel::kCall);
  const ReportId new_letter = Add("市财政局", "过滤词庚辛。", 1, Channel::kLetter);
  const ReportId other_unit = Add("市交通运输局", "过滤词庚辛。", 1, Channel::kCall);
  SearchRequest by_channel;
  by_channel.channel = Channel::kLetter;
  EXPECT_EQ(Ids(*Find("office", "庚辛", by_channel)), std::set<std::int64_t>{new_letter.value});
  SearchRequest by_date;
  by_date.from = Date::OfTimestamp(app_.clock.Now(), 8 * 3600).AddDays(-10);
  EXPECT_EQ(Ids(*Find("office", "庚辛", by_date)),
            (std::set<std::int64_t>{new_letter.value, other_unit.value}));
  SearchRequest until;
  until.to = Date::OfTimestamp(app_.clock.Now(), 8 * 3600).AddDays(-10);
  EXPECT_EQ(Ids(*Find("office", "庚辛", until)), std::set<std::int64_t>{old_call.value});
  SearchRequest by_state;
  by_state.state = "accepted";
  EXPECT_EQ(Find("office", "庚辛", by_state)->total, 0);
  // A state change is seen by the next search.
  auto v = app_.reports->Get(app_.As("leader1"), old_call);
  auto moved = app_.reports->Move(app_.As("leader1"), old_call, v->report.version,
                                  {ReportState::kAccepted, "属于巡察范围", "", ""});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(Ids(*Find("office", "庚辛", by_state)), std::set<std::int64_t>{old_call.value});
}

TEST_F(SearchTest, RelevanceFavoursMoreOccurrencesAndDateOrderIsNewestFirst) {
  const ReportId once =
      Add("市财政局", "提到一次报销问题，其他都是别的事情，内容很长很长很长。", 1);
  const ReportId thrice = Add("市财政局", "报销报销，还是报销。", 5);
  auto rel = Find("office", "报销");
  ASSERT_GE(rel->items.size(), 2u);
  EXPECT_EQ(rel->items[0].report.report.id, thrice);
  EXPECT_GT(rel->items[0].score, rel->items[1].score);
  SearchRequest by_date;
  by_date.order = SearchRequest::Order::kDate;
  auto date = Find("office", "报销", by_date);
  EXPECT_EQ(date->items[0].report.report.id, once);
}

TEST_F(SearchTest, SnippetsMarkTheTermsAndPagesSliceTheTotal) {
  for (int i = 0; i < 5; ++i) Add("市财政局", "第" + std::to_string(i) + "件：分页词壬癸出现。");
  auto p1 = Find("office", "壬癸", {}, {1, 2});
  auto p3 = Find("office", "壬癸", {}, {3, 2});
  ASSERT_TRUE(p1.ok() && p3.ok());
  EXPECT_EQ(p1->total, 5);
  EXPECT_EQ(p1->items.size(), 2u);
  EXPECT_EQ(p3->items.size(), 1u);
  bool marked = false;
  for (const auto& part : p1->items[0].snippet) marked |= part.hit && part.text == "壬癸";
  EXPECT_TRUE(marked);
  EXPECT_EQ(p1->terms, std::vector<std::string>{"壬癸"});
}

TEST_F(SearchTest, BadQueriesAreRefusedWithAKey) {
  for (const std::string q : {"-公款", "\"未闭合", "(公款", "公款 OR"}) {
    auto out = Find("office", q);
    ASSERT_FALSE(out.ok()) << q;
    EXPECT_EQ(out.error().key, "bad_search_query") << q;
  }
}

TEST_F(SearchTest, EverySearchIsInTheAuditLog) {
  ASSERT_TRUE(Find("member1", "公款").ok());
  auto tx = app_.store->Begin(TxMode::kRead);
  auto page = (*tx)->ListAudit({1, 10});
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->items.empty());
  EXPECT_EQ(page->items[0].action, "search");
  EXPECT_EQ(page->items[0].username, "member1");
  EXPECT_EQ(page->items[0].detail.find("公款"), std::string::npos) << "no content in the log";
}

TEST_F(SearchTest, AChangeCommittedButNotYetIndexedIsFoundAfterARestart) {
  ASSERT_TRUE(app_.search->Sync().ok());
  // The report is committed with its outbox row; no search service runs (as if the server
  // died right after the commit).
  const ReportId id = Add("市财政局", "崩溃前登记的举报子丑寅。");
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    EXPECT_GE(*(*tx)->CountSearchOutbox(), 1);
  }
  auto restarted = app_.NewSearch();
  SearchRequest r;
  r.q = "子丑寅";
  auto out = restarted->Search(app_.As("office"), r, {1, 20});
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(Ids(*out), std::set<std::int64_t>{id.value});
  auto tx = app_.store->Begin(TxMode::kRead);
  EXPECT_EQ(*(*tx)->CountSearchOutbox(), 0);
}

TEST_F(SearchTest, ManySmallSegmentsAreMergedAndTheMergedIndexIsExactAfterReload) {
  std::vector<ReportId> ids;
  for (int i = 0; i < 12; ++i) {
    ids.push_back(Add("市财政局", "合并测试卯辰巳第" + std::to_string(i) + "件。"));
    ASSERT_TRUE(app_.search->Sync().ok());
  }
  auto stats = app_.search->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_LE(stats->segments, SearchService::kMaxSegments);
  EXPECT_EQ(Find("office", "卯辰巳")->total, 12);
  auto reloaded = app_.NewSearch();
  SearchRequest r;
  r.q = "卯辰巳";
  EXPECT_EQ(reloaded->Search(app_.As("office"), r, {1, 50})->total, 12);
  r.q = "第11件";
  EXPECT_EQ(reloaded->Search(app_.As("office"), r, {1, 50})->total, 1);
}

TEST_F(SearchTest, ReindexRebuildsAndAnotherProcessReloads) {
  Add("市财政局", "重建索引午未申。");
  ASSERT_EQ(Find("office", "午未申")->total, 1);
  auto other = app_.NewSearch();  // e.g. `xuncha reindex` while the server runs
  auto n = other->Reindex();
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, static_cast<int>(Scan("").size()));
  EXPECT_EQ(Find("office", "午未申")->total, 1) << "the first service reloads after the rebuild";
  EXPECT_EQ(Ids(*Find("office_head", "示例")), Scan("示例"));
}

TEST_F(SearchTest, TheDatabaseFileHoldsNoIndexedTextInTheClear) {
  Add("市财政局", "索引明文探针XYZZY8842与酉戌亥。");
  ASSERT_EQ(Find("office", "酉戌亥")->total, 1);
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  for (const std::string probe : {"xyzzy8842", "XYZZY8842", "酉戌亥", "明文探针"}) {
    EXPECT_EQ(bytes.find(probe), std::string::npos) << probe;
  }
}

}  // namespace
}  // namespace xuncha
