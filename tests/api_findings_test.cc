// /api/v1/findings over real HTTP: writing, editing and moving a finding, the field errors in
// Chinese, scopes (another group 404, roles without findings 403) and the leader-only moves.
#include <gtest/gtest.h>

#include "test_support.h"
#include "xlsx/xlsx_reader.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiFindingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    server_ = std::make_unique<testing::TestServer>(app_);
  }
  Client SignedIn(const std::string& user) {
    Client c(server_->port());
    HttpResult r = c.Login(user, "Demo@12345");
    EXPECT_EQ(r.status, 200u) << r.body;
    return c;
  }
  // The assignment of group 1 at 市财政局 in the current round, as the member lists it.
  std::int64_t FinanceAssignment(Client& c) {
    json list = c.Get("/api/v1/assignments").json();
    std::int64_t best = 0;
    for (const auto& a : list["items"]) {
      if (a["unit_name"] == "市财政局") best = std::max(best, a["id"].get<std::int64_t>());
    }
    EXPECT_GT(best, 0) << list.dump();
    return best;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(ApiFindingsTest, AMemberWritesEditsAndTheLeaderConfirms) {
  Client member = SignedIn("member1");
  const std::int64_t where = FinanceAssignment(member);
  HttpResult created =
      member.Post("/api/v1/findings", {{"assignment_id", where},
                                       {"title", "会议室超标准装饰"},
                                       {"description", "会议室装饰费用超出预算30万元。"},
                                       {"evidence", "调阅合同2份"},
                                       {"disciplines", {"integrity"}}});
  ASSERT_EQ(created.status, 201u) << created.body;
  json f = created.json();
  EXPECT_EQ(f["state"], "draft");
  EXPECT_EQ(f["unit_name"], "市财政局");
  EXPECT_EQ(f["editable"], true);
  EXPECT_EQ(f["disciplines"], json::array({"integrity"}));
  const std::string at = "/api/v1/findings/" + std::to_string(f["id"].get<std::int64_t>());

  HttpResult edited = member.Put(at, {{"version", f["version"]},
                                      {"title", "会议室超标准装饰（核实）"},
                                      {"description", "经核实超出预算28万元。"},
                                      {"disciplines", {"integrity", "work"}}});
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(edited.json()["title"], "会议室超标准装饰（核实）");
  EXPECT_EQ(edited.json()["assignment_id"], where);

  HttpResult by_member = member.Post(at + "/transitions",
                                     {{"to", "confirmed"}, {"version", edited.json()["version"]}});
  EXPECT_EQ(by_member.status, 403u);
  EXPECT_EQ(by_member.json()["error"]["key"], "group_leader_only");

  Client leader = SignedIn("leader1");
  HttpResult moved = leader.Post(at + "/transitions",
                                 {{"to", "confirmed"}, {"version", edited.json()["version"]}});
  ASSERT_EQ(moved.status, 200u) << moved.body;
  EXPECT_EQ(moved.json()["state"], "confirmed");
  EXPECT_EQ(moved.json()["allowed_transitions"], json::array({"draft"}));

  HttpResult locked = member.Put(
      at, {{"version", moved.json()["version"]}, {"title", "再改"}, {"description", "再改"}});
  EXPECT_EQ(locked.status, 409u);
  EXPECT_EQ(locked.json()["error"]["key"], "finding_not_editable");
  EXPECT_FALSE(locked.json()["error"]["message"].get<std::string>().empty());

  HttpResult stale = leader.Post(at + "/transitions", {{"to", "draft"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409u);
  EXPECT_EQ(stale.json()["error"]["key"], "stale_version");

  json list = member
                  .Get("/api/v1/findings?state=confirmed&unit_id=" +
                       std::to_string(f["unit_id"].get<std::int64_t>()))
                  .json();
  bool listed = false;
  for (const auto& item : list["items"]) {
    listed = listed || item["id"] == f["id"];
    EXPECT_FALSE(item.contains("description"));
  }
  EXPECT_TRUE(listed) << list.dump();
}

TEST_F(ApiFindingsTest, BadFieldsAreNamedInChineseAndNothingIsStored) {
  Client member = SignedIn("member1");
  const std::int64_t before = member.Get("/api/v1/findings").json()["total"];
  HttpResult bad = member.Post("/api/v1/findings", {{"assignment_id", FinanceAssignment(member)},
                                                    {"title", "第一行\n第二行"},
                                                    {"description", ""},
                                                    {"disciplines", {"integrity", "bribery"}},
                                                    {"leaders", {"张三"}}});
  ASSERT_EQ(bad.status, 422u) << bad.body;
  json fields = bad.json()["error"]["fields"];
  EXPECT_EQ(fields["title"], "只能填写一行");
  EXPECT_EQ(fields["description"], "必填");
  EXPECT_EQ(fields["disciplines"], "纪律类别不正确");
  EXPECT_EQ(fields["leaders"], "取值不在允许范围内");
  EXPECT_EQ(member.Post("/api/v1/findings", json::array()).status, 400u);
  EXPECT_EQ(member.Get("/api/v1/findings?state=open").status, 400u);
  EXPECT_EQ(member.Get("/api/v1/findings").json()["total"], before);
}

TEST_F(ApiFindingsTest, ScopesAndRoles) {
  Client member = SignedIn("member1");
  json mine = member.Get("/api/v1/findings").json();
  ASSERT_GE(mine["total"].get<int>(), 1);
  const std::string at =
      "/api/v1/findings/" + std::to_string(mine["items"][0]["id"].get<std::int64_t>());

  Client other = SignedIn("member2");
  EXPECT_EQ(other.Get(at).status, 404u);
  EXPECT_EQ(other.Put(at, {{"version", 1}, {"title", "x"}, {"description", "y"}}).status, 404u);
  EXPECT_EQ(other.Post(at + "/transitions", {{"to", "withdrawn"}, {"version", 1}}).status, 404u);
  HttpResult foreign = other.Post(
      "/api/v1/findings",
      {{"assignment_id", FinanceAssignment(member)}, {"title", "x"}, {"description", "y"}});
  EXPECT_EQ(foreign.status, 422u);
  EXPECT_EQ(foreign.json()["error"]["fields"]["assignment_id"], "所选记录不存在");

  for (const std::string who : {"unit1", "clue", "admin"}) {
    Client c = SignedIn(who);
    EXPECT_EQ(c.Get("/api/v1/findings").status, 403u) << who;
    EXPECT_EQ(c.Get(at).status, 403u) << who;
  }
  Client office = SignedIn("office");
  EXPECT_EQ(office.Get(at).status, 200u);
  EXPECT_EQ(office.Put(at, {{"version", 1}, {"title", "x"}, {"description", "y"}}).status, 403u);
  Client anon(server_->port());
  EXPECT_EQ(anon.Get("/api/v1/findings").status, 401u);
}

TEST_F(ApiFindingsTest, TheProblemListExportHoldsTheCallersFindingsWithTheirFacts) {
  Client member = SignedIn("member1");
  HttpResult created =
      member.Post("/api/v1/findings", {{"assignment_id", FinanceAssignment(member)},
                                       {"title", "=HYPERLINK(\"http://x\")"},
                                       {"description", "违规发放通讯补贴，人均每月300元。"},
                                       {"disciplines", {"integrity", "work"}}});
  ASSERT_EQ(created.status, 201u) << created.body;

  HttpResult r = member.Get("/api/v1/findings.xlsx");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto rows = xlsx::ReadFirstSheet(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u) << "the header, two demo findings and this one";
  EXPECT_EQ((*rows)[0][4], "问题概述");
  bool found = false;
  for (std::size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    EXPECT_EQ(row[1], "市财政局");
    if (row[4] == "=HYPERLINK(\"http://x\")") {
      found = true;  // kept as text, not turned into a formula
      EXPECT_EQ(row[5], "违规发放通讯补贴，人均每月300元。");
      EXPECT_EQ(row[7], "廉洁纪律、工作纪律");
      EXPECT_EQ(row[9], "底稿");
    }
  }
  EXPECT_TRUE(found);

  // Another group exports only its own; filters apply; roles without findings are refused.
  Client other = SignedIn("member2");
  auto theirs = xlsx::ReadFirstSheet(other.Get("/api/v1/findings.xlsx").body);
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->size(), 2u);
  EXPECT_EQ((*theirs)[1][1], "市交通运输局");
  auto confirmed = xlsx::ReadFirstSheet(member.Get("/api/v1/findings.xlsx?state=confirmed").body);
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->size(), 2u);
  EXPECT_EQ(member.Get("/api/v1/findings.xlsx?state=open").status, 400u);
  Client unit = SignedIn("unit1");
  EXPECT_EQ(unit.Get("/api/v1/findings.xlsx").status, 403u);

  auto tx = app_.store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto log = (*tx)->ListAudit({1, 20});
  ASSERT_TRUE(log.ok());
  int exports = 0;
  for (const auto& e : log->items) exports += e.action == "finding.export" ? 1 : 0;
  EXPECT_EQ(exports, 3) << "each export is logged";
}

}  // namespace
}  // namespace xuncha
