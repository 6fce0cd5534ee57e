// Triage over real HTTP: suggestions for a report in the caller's scope, decisions versioned
// and validated with Chinese field messages, the catalogue readable by the groups and
// replaceable by the office only, and what GET answers is what PUT takes.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/discipline_catalogue.h"
#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiTriageTest : public ::testing::Test {
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
  // The demo letter about 宴请 at 市财政局 (group 1).
  std::int64_t BanquetReport(Client& c) {
    HttpResult r = c.Get("/api/v1/search?q=%E5%AE%B4%E8%AF%B7");
    EXPECT_EQ(r.status, 200u) << r.body;
    const json body = r.json();
    EXPECT_EQ(body["total"], 1);
    return body["items"].empty() ? 0 : body["items"][0]["id"].get<std::int64_t>();
  }

  // Registers a report at `unit` through the app, as the office's intake desk would.
  std::int64_t Register(const std::string& unit, const std::string& content, bool sealed = false) {
    auto intake = app_.reports->Intake();
    EXPECT_TRUE(intake.ok());
    ReportDraft d;
    for (const auto& i : intake->items) {
      if (i.unit_name == unit) d.assignment_id = i.assignment_id;
    }
    d.channel = Channel::kLetter;
    d.anonymous = true;
    d.received_at = app_.clock.Now() - 60;
    d.body.content = content;
    d.sealed = sealed;
    auto r = app_.reports->Register(app_.As("office"), d);
    EXPECT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(app_.search->Sync().ok());
    return r.ok() ? r->report.id.value : 0;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

// All persons, places and amounts are fictional.
TEST_F(ApiTriageTest, AParaphraseWithTheSameFactsIsLinkedAndShowsThem) {
  const std::int64_t first =
      Register("市财政局",
               "反映市财政局局长王胜弘2023年5月12日在聚福楼宴请管理服务对象，一顿饭花费8600元，"
               "费用在专项资金中列支，请巡察组核查。");
  // Other words, the same official, restaurant, date and amount.
  const std::int64_t retold = Register(
      "市财政局",
      "听说财政局的王胜弘局长去年5月12日那天（2023年）跑到聚福楼摆了一桌，请的都是找局里办事"
      "的老板，8600元的饭钱最后走的是专项资金的账。");
  // The same official, another act with other facts: not a repeat.
  const std::int64_t other_act = Register(
      "市财政局",
      "市财政局局长王胜弘2021年让其亲属入股宏达建材公司，该公司此后承接局里办公楼维修工程，"
      "合同金额46万元。");
  Client member = SignedIn("member1");
  HttpResult r = member.Get("/api/v1/reports/" + std::to_string(retold) + "/triage");
  ASSERT_EQ(r.status, 200u) << r.body;
  const json repeats = r.json()["repeats"];
  ASSERT_EQ(repeats.size(), 1u) << repeats.dump();
  EXPECT_EQ(repeats[0]["id"], first);
  EXPECT_EQ(repeats[0]["link_origin"], "automatic");
  EXPECT_EQ(repeats[0]["link_basis"], "facts");
  EXPECT_TRUE(repeats[0]["direct"].get<bool>());
  const auto facts = repeats[0]["shared_facts"].get<std::vector<std::string>>();
  ASSERT_FALSE(facts.empty());
  EXPECT_EQ(facts.front(), "聚福楼");  // places first
  EXPECT_NE(std::find(facts.begin(), facts.end(), "8600元"), facts.end());
  // The report numbers (XC2026-…) are not facts of the matter.
  EXPECT_EQ(std::find(facts.begin(), facts.end(), "2026"), facts.end()) << repeats.dump();

  // Stored with its basis, and without the facts (report content stays in the sealed report).
  auto tx = app_.store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto links = (*tx)->ListRepeatLinks();
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ(links->front().a.value, first);
  EXPECT_EQ(links->front().basis, "facts");
  // Showing the other report's excerpt and the facts it shares is a logged read of it.
  auto log = (*tx)->ListAudit({1, 20});
  ASSERT_TRUE(log.ok());
  bool logged = false;
  for (const auto& e : log->items) {
    logged |= e.action == "report.list" && e.object_id == std::to_string(retold) &&
              e.detail == std::to_string(first) && e.username == "member1";
  }
  EXPECT_TRUE(logged);
  tx->reset();

  HttpResult apart = member.Get("/api/v1/reports/" + std::to_string(other_act) + "/triage");
  ASSERT_EQ(apart.status, 200u);
  EXPECT_TRUE(apart.json()["repeats"].empty()) << apart.body;
  // Another group sees neither report nor the facts they share.
  Client other = SignedIn("member2");
  EXPECT_EQ(other.Get("/api/v1/reports/" + std::to_string(retold) + "/triage").status, 404u);
}

TEST_F(ApiTriageTest, ASealedReportSharesNoFactsInTheRepeatList) {
  const std::int64_t open =
      Register("市财政局",
               "反映市财政局局长王胜弘2023年5月12日在聚福楼宴请管理服务对象，一顿饭花费8600元，"
               "费用在专项资金中列支，请巡察组核查。");
  const std::int64_t sealed =
      Register("市财政局",
               "听说财政局的王胜弘局长去年5月12日那天（2023年）跑到聚福楼摆了一桌，8600元的饭钱最后"
               "走的是专项资金的账。",
               /*sealed=*/true);
  // The group leader may open the sealed report, yet lists never show its content.
  Client leader = SignedIn("leader1");
  for (const auto& [from, to] : {std::pair{open, sealed}, std::pair{sealed, open}}) {
    HttpResult r = leader.Get("/api/v1/reports/" + std::to_string(from) + "/triage");
    ASSERT_EQ(r.status, 200u) << r.body;
    const json repeats = r.json()["repeats"];
    ASSERT_EQ(repeats.size(), 1u) << repeats.dump();
    EXPECT_EQ(repeats[0]["id"], to);
    EXPECT_EQ(repeats[0]["link_basis"], "facts");
    EXPECT_TRUE(repeats[0]["shared_facts"].empty()) << repeats.dump();
  }
}

TEST_F(ApiTriageTest, SuggestsForReportsInScopeOnly) {
  Client member = SignedIn("member1");
  const std::int64_t id = BanquetReport(member);
  ASSERT_GT(id, 0);
  const std::string path = "/api/v1/reports/" + std::to_string(id) + "/triage";
  HttpResult r = member.Get(path);
  ASSERT_EQ(r.status, 200u) << r.body;
  const json t = r.json();
  EXPECT_EQ(t["report_id"], id);
  EXPECT_TRUE(t["decision"].is_null());
  bool mass = false;  // 优亲厚友 in 专项资金拨付
  for (const auto& d : t["disciplines"]) mass |= d["discipline"] == "mass";
  EXPECT_TRUE(mass) << t["disciplines"].dump();
  EXPECT_FALSE(t["unclear"].get<bool>());

  // Another group's member: the same answer as for a report that does not exist.
  Client other = SignedIn("member2");
  HttpResult hidden = other.Get(path);
  EXPECT_EQ(hidden.status, 404u);
  EXPECT_EQ(hidden.json()["error"]["key"], "not_found");
  EXPECT_EQ(other.Get("/api/v1/reports/999999/triage").body, hidden.body);
}

TEST_F(ApiTriageTest, DecisionsAreVersionedAndValidated) {
  Client member = SignedIn("member1");
  const std::int64_t id = BanquetReport(member);
  const std::string path = "/api/v1/reports/" + std::to_string(id) + "/triage";

  HttpResult bad = member.Put(path, {{"version", 0},
                                     {"scope", "somewhere"},
                                     {"disciplines", {"integrity", "integrity"}},
                                     {"articles", {"x"}}});
  ASSERT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(bad.json()["error"]["fields"]["articles"], "取值不在允许范围内");
  HttpResult invalid = member.Put(
      path, {{"version", 0}, {"scope", "somewhere"}, {"disciplines", {"integrity", "integrity"}}});
  ASSERT_EQ(invalid.status, 422u) << invalid.body;
  const json fields = invalid.json()["error"]["fields"];
  EXPECT_EQ(fields["scope"], "取值不在允许范围内");
  EXPECT_EQ(fields["disciplines"], "不能重复");

  HttpResult ok = member.Put(path, {{"version", 0},
                                    {"scope", "in_scope"},
                                    {"disciplines", {"integrity"}},
                                    {"note", "（示例）与来电反映的问题一并核实"}});
  ASSERT_EQ(ok.status, 200u) << ok.body;
  const json decision = ok.json()["decision"];
  EXPECT_EQ(decision["version"], 1);
  EXPECT_EQ(decision["scope"], "in_scope");
  EXPECT_EQ(decision["note"], "（示例）与来电反映的问题一并核实");

  HttpResult stale = member.Put(path, {{"version", 0}, {"scope", "transfer"}});
  ASSERT_EQ(stale.status, 409u) << stale.body;
  EXPECT_EQ(stale.json()["error"]["key"], "stale_version");
  EXPECT_EQ(member.Get(path).json()["decision"]["scope"], "in_scope");
}

TEST_F(ApiTriageTest, TheCatalogueIsReadByGroupsAndReplacedByTheOfficeOnly) {
  Client member = SignedIn("member1");
  HttpResult got = member.Get("/api/v1/discipline-articles");
  ASSERT_EQ(got.status, 200u) << got.body;
  const json catalogue = got.json();
  EXPECT_FALSE(catalogue["articles"].empty());
  // What GET answers is what PUT takes: an edit starts from it.
  auto decoded = DecodeArticleCatalogue(catalogue.dump());
  EXPECT_TRUE(decoded.ok()) << (decoded.ok() ? "" : decoded.error().message);

  EXPECT_EQ(member.Put("/api/v1/discipline-articles", catalogue).status, 403u);
  EXPECT_EQ(member.Post("/api/v1/discipline-model/retrain", json::object()).status, 403u);

  Client office = SignedIn("office");
  json broken = catalogue;
  broken["articles"][0]["cues"] = {"两个 词"};
  HttpResult refused = office.Put("/api/v1/discipline-articles", broken);
  ASSERT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(refused.json()["error"]["fields"]["articles[0].cues[0]"], "提示词不能含空白字符");
  // Nothing changed.
  EXPECT_EQ(office.Get("/api/v1/discipline-articles").json(), catalogue);
}

}  // namespace
}  // namespace xuncha
