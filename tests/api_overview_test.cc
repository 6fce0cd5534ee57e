// GET /api/v1/rounds/{id}/overview over real HTTP: the counts agree with the lists each role
// reads, each role counts within its scope, sealed reports only where they are listed, the
// ledger once the round is in rectification, and who is refused.
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

// The figures each unit row and the totals carry.
const char* const kFigures[] = {
    "reports",  "sealed_reports",    "findings",        "findings_confirmed",
    "clues",    "clues_handed_over", "problems",        "problems_closed",
    "measures", "measures_accepted", "measures_overdue"};

class ApiOverviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    server_ = std::make_unique<testing::TestServer>(app_);
    Client office = SignedIn("office");
    json rounds = office.Get("/api/v1/rounds?status=stationing").json();
    ASSERT_EQ(rounds["total"], 1) << rounds.dump();
    round_ = rounds["items"][0]["id"];
    at_ = "/api/v1/rounds/" + std::to_string(round_) + "/overview";
  }
  Client SignedIn(const std::string& user) {
    Client c(server_->port());
    HttpResult r = c.Login(user, "Demo@12345");
    EXPECT_EQ(r.status, 200u) << r.body;
    return c;
  }
  // How many reports of this round `c` lists.
  int ListedReports(Client& c) {
    return c.Get("/api/v1/reports?page_size=1&round_id=" + std::to_string(round_))
        .json()["total"]
        .get<int>();
  }
  // How many items of a list of this round are not withdrawn.
  int NotWithdrawn(Client& c, const std::string& list) {
    json page = c.Get(list + "?page_size=200&round_id=" + std::to_string(round_)).json();
    int n = 0;
    for (const auto& item : page["items"]) {
      if (item["state"] != "withdrawn") ++n;
    }
    return n;
  }
  static void ExpectRowsSumToTotals(const json& o) {
    for (const char* k : kFigures) {
      int sum = 0;
      for (const auto& row : o["units"]) sum += row[k].get<int>();
      EXPECT_EQ(sum, o["totals"][k].get<int>()) << k;
    }
  }
  static int Sum(const json& tally) {
    int n = 0;
    for (const auto& t : tally) n += t["count"].get<int>();
    return n;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
  std::int64_t round_ = 0;
  std::string at_;
};

TEST_F(ApiOverviewTest, TheOfficeCountsTheWholeRoundAsItsListsShowIt) {
  Client office = SignedIn("office");
  HttpResult r = office.Get(at_);
  ASSERT_EQ(r.status, 200u) << r.body;
  json o = r.json();
  EXPECT_EQ(o["scope"], "all");
  EXPECT_EQ(o["demo"], true);
  EXPECT_EQ(o["round_status"], "stationing");
  EXPECT_EQ(o["totals"]["reports"], ListedReports(office)) << "what the office lists";
  EXPECT_EQ(o["totals"]["sealed_reports"], 0) << "only a custodian lists sealed reports";
  EXPECT_EQ(o["totals"]["findings"], NotWithdrawn(office, "/api/v1/findings"));
  EXPECT_EQ(o["totals"]["clues"], NotWithdrawn(office, "/api/v1/clues"));
  EXPECT_EQ(o["totals"]["problems"], 0) << "no problem list before rectification";
  ExpectRowsSumToTotals(o);
  EXPECT_EQ(Sum(o["reports_by_channel"]), o["totals"]["reports"]);
  EXPECT_EQ(Sum(o["reports_by_state"]), o["totals"]["reports"]);
  EXPECT_EQ(Sum(o["clues_by_organ"]), o["totals"]["clues"]);
  EXPECT_EQ(Sum(o["findings_by_focus"]), o["totals"]["findings"]);
  EXPECT_EQ(o["reports_by_channel"].size(), 6u) << "every channel, zeros included";
  EXPECT_EQ(o["findings_by_discipline"].size(), 6u);
  EXPECT_EQ(o["findings_by_discipline"][0]["key"], "political");
  std::set<std::string> groups;
  for (const auto& row : o["units"]) groups.insert(row["group_name"].get<std::string>());
  EXPECT_EQ(groups.size(), 4u) << "the demo round's four groups";
  std::vector<std::string> order;  // each group's rows together, 第一巡察组 first
  for (const auto& row : o["units"]) {
    if (order.empty() || order.back() != row["group_name"]) order.push_back(row["group_name"]);
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{"第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组"}));
  EXPECT_EQ(r.body.find("王胜宏"), std::string::npos) << "counts only, no names";

  json log = office.Get("/api/v1/audit?page_size=5").json();
  EXPECT_NE(log.dump().find("round.overview"), std::string::npos) << log.dump();

  // The custodian (巡察办主任) lists the sealed demo report, so his figures count it.
  Client head = SignedIn("office_head");
  json h = head.Get(at_).json();
  EXPECT_EQ(h["totals"]["reports"], ListedReports(head));
  EXPECT_GE(h["totals"]["sealed_reports"].get<int>(), 1) << "the demo holds a sealed report";
  EXPECT_EQ(h["totals"]["reports"].get<int>(),
            o["totals"]["reports"].get<int>() + h["totals"]["sealed_reports"].get<int>());
  ExpectRowsSumToTotals(h);
}

TEST_F(ApiOverviewTest, AGroupCountsItsOwnStationingsAndTheReportsItLists) {
  Client member = SignedIn("member1");
  HttpResult r = member.Get(at_);
  ASSERT_EQ(r.status, 200u) << r.body;
  json o = r.json();
  EXPECT_EQ(o["scope"], "own_groups");
  ASSERT_GE(o["units"].size(), 1u);
  for (const auto& row : o["units"]) EXPECT_EQ(row["group_name"], "第一巡察组");
  EXPECT_EQ(o["totals"]["sealed_reports"], 0) << "a member lists no sealed report";
  EXPECT_EQ(o["totals"]["reports"], ListedReports(member)) << "what the member lists, no more";
  EXPECT_EQ(o["totals"]["findings"], NotWithdrawn(member, "/api/v1/findings"));
  EXPECT_EQ(o["totals"]["clues"], NotWithdrawn(member, "/api/v1/clues"));
  ExpectRowsSumToTotals(o);

  json other = SignedIn("member2").Get(at_).json();
  for (const auto& row : other["units"]) EXPECT_EQ(row["group_name"], "第二巡察组");

  // The group's leader lists his group's sealed reports, and counts them.
  Client leader = SignedIn("leader1");
  json l = leader.Get(at_).json();
  EXPECT_EQ(l["totals"]["reports"], ListedReports(leader));
  EXPECT_EQ(l["totals"]["reports"].get<int>(),
            o["totals"]["reports"].get<int>() + l["totals"]["sealed_reports"].get<int>());
}

TEST_F(ApiOverviewTest, AnotherGroupAtAUnitHisGroupOnceVisitedIsNotHisRow) {
  // member1's group was stationed at units in round 8; another group now goes to one of them
  // in this round. That stationing is in his planning scope (the unit is), not his overview.
  Client member = SignedIn("member1");
  Client office = SignedIn("office");
  std::int64_t visited = 0;
  json mine = member.Get("/api/v1/assignments?page_size=200").json();
  for (const auto& a : mine["items"]) {
    if (a["round_id"] != round_) visited = a["unit_id"];
  }
  ASSERT_GT(visited, 0) << mine.dump();
  std::int64_t second = 0;
  json groups = office.Get("/api/v1/groups?round_id=" + std::to_string(round_)).json();
  for (const auto& g : groups["items"]) {
    if (g["name"] == "第二巡察组") second = g["id"];
  }
  ASSERT_GT(second, 0) << groups.dump();
  HttpResult a = office.Post("/api/v1/assignments", {{"group_id", second},
                                                     {"unit_id", visited},
                                                     {"station_start", "2026-12-01"},
                                                     {"station_end", "2027-01-25"},
                                                     {"meeting", {{"date", "2026-12-01"}}}});
  ASSERT_EQ(a.status, 201u) << a.body;

  json o = member.Get(at_).json();
  for (const auto& row : o["units"]) {
    EXPECT_EQ(row["group_name"], "第一巡察组") << row.dump();
    EXPECT_NE(row["unit_id"], visited);
  }
  bool counted = false;
  json all = office.Get(at_).json();
  for (const auto& row : all["units"]) {
    counted = counted || row["unit_id"] == visited;
  }
  EXPECT_TRUE(counted) << "the office sees the new stationing";
}

TEST_F(ApiOverviewTest, TheLeadingGroupCountsTheWholeRoundWithoutSealedReports) {
  json office = SignedIn("office_head").Get(at_).json();
  HttpResult r = SignedIn("leadership").Get(at_);
  ASSERT_EQ(r.status, 200u) << r.body;
  json o = r.json();
  EXPECT_EQ(o["scope"], "all");
  EXPECT_EQ(o["totals"]["sealed_reports"], 0);
  EXPECT_EQ(o["totals"]["reports"].get<int>(),
            office["totals"]["reports"].get<int>() - office["totals"]["sealed_reports"].get<int>());
  EXPECT_EQ(o["totals"]["findings"], office["totals"]["findings"]);
  EXPECT_EQ(o["units"].size(), office["units"].size());
}

TEST_F(ApiOverviewTest, InRectificationTheLedgerIsCounted) {
  {
    auto tx = app_.store->Begin(TxMode::kWrite);
    auto summary = (*tx)->GetRound(RoundId(round_));
    ASSERT_TRUE(summary.ok());
    Round r = summary->round;
    r.status = RoundStatus::kRectification;
    ASSERT_TRUE((*tx)->UpdateRound(r).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  Client office = SignedIn("office");
  Client unit = SignedIn("unit1");
  json list = unit.Get("/api/v1/rectification/problems").json();
  ASSERT_EQ(list["total"], 1) << list.dump();
  const std::int64_t problem = list["items"][0]["finding_id"];
  ASSERT_EQ(unit.Post("/api/v1/rectification/measures", {{"finding_id", problem},
                                                         {"kind", "immediate"},
                                                         {"content", "腾退超标办公用房"},
                                                         {"responsible_department", "办公室"}})
                .status,
            201u);

  json o = office.Get(at_).json();
  EXPECT_EQ(o["totals"]["problems"], o["totals"]["findings_confirmed"]);
  EXPECT_EQ(o["totals"]["problems"], 1);
  EXPECT_EQ(o["totals"]["measures"], 1);
  EXPECT_EQ(o["totals"]["problems_closed"], 0) << "its measure is not yet accepted";
  ExpectRowsSumToTotals(o);
}

TEST_F(ApiOverviewTest, OtherRolesAreRefusedAndAnUnknownRoundIsNotFound) {
  for (const char* who : {"unit1", "clue", "admin"}) {
    HttpResult r = SignedIn(who).Get(at_);
    EXPECT_EQ(r.status, 403u) << who;
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty()) << who;
  }
  EXPECT_EQ(SignedIn("office").Get("/api/v1/rounds/999999/overview").status, 404u);
  EXPECT_EQ(SignedIn("member1").Get("/api/v1/rounds/999999/overview").status, 404u);
  EXPECT_EQ(SignedIn("office").Get("/api/v1/rounds/abc/overview").status, 404u);
  Client anon(server_->port());
  EXPECT_EQ(anon.Get(at_).status, 401u);
}

}  // namespace
}  // namespace xuncha
