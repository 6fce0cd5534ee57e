// /api/v1/rectification over real HTTP: the unit's problem list as feedback, a measure from
// written to closed out, field errors in Chinese, and who may do what.
#include <gtest/gtest.h>

#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiRectificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    server_ = std::make_unique<testing::TestServer>(app_);
    // Round 9 enters rectification: its one confirmed finding is fed back to 市财政局.
    Scope all;
    all.all = true;
    auto tx = app_.store->Begin(TxMode::kWrite);
    RoundFilter rf;
    rf.status = RoundStatus::kStationing;
    auto rounds = (*tx)->ListRounds(all, rf, {1, 10});
    ASSERT_TRUE(rounds.ok() && rounds->total == 1);
    Round r = rounds->items[0].round;
    r.status = RoundStatus::kRectification;
    ASSERT_TRUE((*tx)->UpdateRound(r).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  Client SignedIn(const std::string& user) {
    Client c(server_->port());
    HttpResult r = c.Login(user, "Demo@12345");
    EXPECT_EQ(r.status, 200u) << r.body;
    return c;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(ApiRectificationTest, TheUnitAnswersItsProblemAndTheOfficeClosesItOut) {
  Client unit = SignedIn("unit1");
  json list = unit.Get("/api/v1/rectification/problems").json();
  ASSERT_EQ(list["total"], 1) << list.dump();
  EXPECT_EQ(list["items"][0]["status"], "no_measures");
  EXPECT_EQ(list["items"][0]["round_status"], "rectification");
  const std::int64_t problem = list["items"][0]["finding_id"];
  const std::string at = "/api/v1/rectification/problems/" + std::to_string(problem);
  HttpResult detail = unit.Get(at);
  ASSERT_EQ(detail.status, 200u) << detail.body;
  EXPECT_EQ(detail.json()["can_add_measure"], true);
  EXPECT_EQ(detail.body.find("实地查看办公楼三层"), std::string::npos) << "no evidence";

  HttpResult bad = unit.Post("/api/v1/rectification/measures",
                             {{"finding_id", problem}, {"kind", "by_deadline"}, {"content", ""}});
  ASSERT_EQ(bad.status, 422u);
  json fields = bad.json()["error"]["fields"];
  EXPECT_EQ(fields["deadline"], "必填");
  EXPECT_EQ(fields["content"], "必填");
  EXPECT_EQ(fields["responsible_department"], "必填");
  HttpResult bad_kind =
      unit.Post("/api/v1/rectification/measures", {{"finding_id", problem}, {"kind", "someday"}});
  EXPECT_EQ(bad_kind.json()["error"]["fields"]["kind"], "取值不在允许范围内");

  HttpResult made =
      unit.Post("/api/v1/rectification/measures", {{"finding_id", problem},
                                                   {"kind", "by_deadline"},
                                                   {"deadline", "2027-01-31"},
                                                   {"content", "腾退超标办公用房"},
                                                   {"responsible_department", "办公室"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  json m = made.json();
  EXPECT_EQ(m["state"], "planned");
  EXPECT_EQ(m["deadline"], "2027-01-31");
  const std::string mat = "/api/v1/rectification/measures/" + std::to_string(m["id"].get<int>());
  HttpResult edited = unit.Put(mat, {{"version", m["version"]},
                                     {"kind", "ongoing"},
                                     {"deadline", "2027-01-31"},
                                     {"content", "腾退超标办公用房并建立台账"},
                                     {"responsible_department", "办公室"}});
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(edited.json()["deadline"], nullptr) << "an ongoing measure has no end date";

  Client office = SignedIn("office");
  HttpResult too_early = office.Post(mat + "/transitions",
                                     {{"to", "accepted"}, {"version", edited.json()["version"]}});
  EXPECT_EQ(too_early.status, 422u);
  HttpResult done = unit.Post(
      mat + "/transitions",
      {{"to", "done"}, {"version", edited.json()["version"]}, {"note", "已腾退并建立台账"}});
  ASSERT_EQ(done.status, 200u) << done.body;
  Client leader = SignedIn("leader1");
  HttpResult by_leader =
      leader.Post(mat + "/transitions", {{"to", "accepted"}, {"version", done.json()["version"]}});
  EXPECT_EQ(by_leader.status, 403u);
  EXPECT_EQ(by_leader.json()["error"]["key"], "measure_move_forbidden");
  HttpResult accepted =
      office.Post(mat + "/transitions", {{"to", "accepted"}, {"version", done.json()["version"]}});
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  EXPECT_EQ(office.Get("/api/v1/rectification/problems?status=closed_out").json()["total"], 1);
  EXPECT_EQ(office.Get("/api/v1/rectification/problems?status=open").status, 400u);

  // The measure is found by its words, inside the scope.
  json found = unit.Get("/api/v1/search?q=%E5%8F%B0%E8%B4%A6&kind=rectification").json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  EXPECT_EQ(found["items"][0]["kind"], "rectification");
  EXPECT_EQ(found["items"][0]["measure_kind"], "ongoing") << "the measure keeps its own kind";
  EXPECT_EQ(found["items"][0]["finding_id"], problem);
}

TEST_F(ApiRectificationTest, OtherUnitsGroupsAndRolesSeeNothing) {
  Client office = SignedIn("office");
  const std::int64_t problem =
      office.Get("/api/v1/rectification/problems").json()["items"][0]["finding_id"];
  const std::string at = "/api/v1/rectification/problems/" + std::to_string(problem);
  Client member2 = SignedIn("member2");
  EXPECT_EQ(member2.Get(at).status, 404u);
  EXPECT_EQ(member2.Get("/api/v1/rectification/problems").json()["total"], 0);
  for (const std::string who : {"clue", "admin"}) {
    Client c = SignedIn(who);
    EXPECT_EQ(c.Get("/api/v1/rectification/problems").status, 403u) << who;
    EXPECT_EQ(c.Get(at).status, 403u) << who;
  }
  HttpResult by_office =
      office.Post("/api/v1/rectification/measures", {{"finding_id", problem},
                                                     {"kind", "immediate"},
                                                     {"content", "代为整改"},
                                                     {"responsible_department", "办公室"}});
  EXPECT_EQ(by_office.status, 403u);
  Client anon(server_->port());
  EXPECT_EQ(anon.Get("/api/v1/rectification/problems").status, 401u);
}

}  // namespace
}  // namespace xuncha
