// /api/v1/clues over real HTTP: a member writes, the leader hands over, the organ's recipient
// signs for it and reports the disposal; field errors in Chinese; scopes (another group and
// another organ 404; the unit, the leading group and the admin 403); the recipient's organ on
// his account; the hand-over list (移交清单) as a workbook, in each caller's scope.
#include <gtest/gtest.h>

#include "test_support.h"
#include "xlsx/xlsx_reader.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiCluesTest : public ::testing::Test {
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

TEST_F(ApiCluesTest, FromTheGroupToTheCommissionAndBack) {
  Client member = SignedIn("member1");
  const std::int64_t where = FinanceAssignment(member);
  HttpResult created = member.Post("/api/v1/clues", {{"assignment_id", where},
                                                     {"organ", "discipline_commission"},
                                                     {"title", "反映某科长收受服务商礼金"},
                                                     {"description", "2025年收受礼金3次。"},
                                                     {"evidence", "来信1件"},
                                                     {"other_persons", "采购科科长王某"},
                                                     {"disciplines", {"integrity"}}});
  ASSERT_EQ(created.status, 201u) << created.body;
  json c = created.json();
  EXPECT_EQ(c["state"], "draft");
  EXPECT_EQ(c["organ"], "discipline_commission");
  EXPECT_EQ(c["other_persons"], "采购科科长王某");
  EXPECT_EQ(c["handed_over_at"], nullptr);
  EXPECT_EQ(c["editable"], true);
  const std::string at = "/api/v1/clues/" + std::to_string(c["id"].get<std::int64_t>());

  Client commission = SignedIn("clue");
  EXPECT_EQ(commission.Get(at).status, 404u) << "a draft is the group's own";

  Client leader = SignedIn("leader1");
  HttpResult handed =
      leader.Post(at + "/transitions", {{"to", "handed_over"}, {"version", c["version"]}});
  ASSERT_EQ(handed.status, 200u) << handed.body;
  EXPECT_EQ(handed.json()["handed_over_by"], "陈国栋");
  EXPECT_EQ(handed.json()["allowed_transitions"], json::array({"draft"}));

  HttpResult seen = commission.Get(at);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(seen.json()["description"], "2025年收受礼金3次。");
  EXPECT_EQ(seen.json()["allowed_transitions"], json::array({"received"}));
  json list = commission.Get("/api/v1/clues").json();
  EXPECT_EQ(list["total"], 2) << "the demo clue and this one";
  EXPECT_FALSE(list["items"][0].contains("description")) << "lists carry no facts";

  Client department = SignedIn("clue_org");
  EXPECT_EQ(department.Get(at).status, 404u);
  EXPECT_EQ(department.Get("/api/v1/clues").json()["total"], 0);

  HttpResult signed_for = commission.Post(
      at + "/transitions", {{"to", "received"}, {"version", handed.json()["version"]}});
  ASSERT_EQ(signed_for.status, 200u) << signed_for.body;
  HttpResult no_disposal = commission.Post(
      at + "/transitions", {{"to", "disposed"}, {"version", signed_for.json()["version"]}});
  EXPECT_EQ(no_disposal.status, 422u);
  EXPECT_EQ(no_disposal.json()["error"]["fields"]["disposal"], "必填");
  HttpResult bad_disposal = commission.Post(
      at + "/transitions",
      {{"to", "disposed"}, {"version", signed_for.json()["version"]}, {"disposal", "shelve"}});
  EXPECT_EQ(bad_disposal.status, 422u);
  HttpResult disposed =
      commission.Post(at + "/transitions", {{"to", "disposed"},
                                            {"version", signed_for.json()["version"]},
                                            {"disposal", "talk_inquiry"},
                                            {"disposal_note", "已约谈函询。"}});
  ASSERT_EQ(disposed.status, 200u) << disposed.body;
  EXPECT_EQ(disposed.json()["disposal"], "talk_inquiry");
  EXPECT_EQ(member.Get(at).json()["disposal_note"], "已约谈函询。");

  HttpResult by_member =
      member.Post(at + "/transitions", {{"to", "draft"}, {"version", disposed.json()["version"]}});
  EXPECT_EQ(by_member.status, 403u);
  EXPECT_EQ(by_member.json()["error"]["key"], "clue_move_forbidden");
  EXPECT_FALSE(by_member.json()["error"]["message"].get<std::string>().empty());
}

TEST_F(ApiCluesTest, EveryBadFieldIsNamedInChinese) {
  Client member = SignedIn("member1");
  HttpResult bad = member.Post("/api/v1/clues", {{"assignment_id", FinanceAssignment(member)},
                                                 {"organ", "court"},
                                                 {"title", "两行\n标题"},
                                                 {"description", ""},
                                                 {"disciplines", {"theft"}}});
  ASSERT_EQ(bad.status, 422u) << bad.body;
  json fields = bad.json()["error"]["fields"];
  EXPECT_EQ(fields["organ"], "取值不在允许范围内");
  EXPECT_EQ(fields["title"], "只能填写一行");
  EXPECT_EQ(fields["description"], "必填");
  EXPECT_EQ(fields["disciplines"], "纪律类别不正确");
  EXPECT_EQ(fields["leaders"], "请至少选择一名领导人员或填写其他涉及人员");

  Client member2 = SignedIn("member2");
  HttpResult foreign = member2.Post("/api/v1/clues", {{"assignment_id", FinanceAssignment(member)},
                                                      {"organ", "discipline_commission"},
                                                      {"title", "标题"},
                                                      {"description", "内容"},
                                                      {"other_persons", "某人"}});
  EXPECT_EQ(foreign.status, 422u);
  EXPECT_EQ(foreign.json()["error"]["fields"]["assignment_id"], "所选记录不存在");
  EXPECT_EQ(member.Get("/api/v1/clues?state=open").status, 400u);
  EXPECT_EQ(member.Get("/api/v1/clues?organ=court").status, 400u);
}

TEST_F(ApiCluesTest, TheUnitTheLeadingGroupAndTheAdminReadNoClues) {
  Client office = SignedIn("office");
  json all = office.Get("/api/v1/clues").json();
  ASSERT_EQ(all["total"], 2);
  const std::string at =
      "/api/v1/clues/" + std::to_string(all["items"][0]["id"].get<std::int64_t>());
  for (const std::string who : {"unit1", "leadership", "admin"}) {
    Client c = SignedIn(who);
    EXPECT_EQ(c.Get("/api/v1/clues").status, 403u) << who;
    EXPECT_EQ(c.Get(at).status, 403u) << who;
  }
  Client member2 = SignedIn("member2");
  EXPECT_EQ(member2.Get(at).status, 404u);
  EXPECT_EQ(member2.Get("/api/v1/clues").json()["total"], 0);
  Client anon(server_->port());
  EXPECT_EQ(anon.Get("/api/v1/clues").status, 401u);
}

TEST_F(ApiCluesTest, ARecipientAccountCarriesItsOrgan) {
  Client admin = SignedIn("admin");
  HttpResult missing = admin.Post("/api/v1/users", {{"username", "zzb2"},
                                                    {"display_name", "组织部新同事"},
                                                    {"role", "clue_recipient"},
                                                    {"password", "initial-password-1"}});
  ASSERT_EQ(missing.status, 422u) << missing.body;
  EXPECT_EQ(missing.json()["error"]["fields"]["organ"], "必填");
  HttpResult made = admin.Post("/api/v1/users", {{"username", "zzb2"},
                                                 {"display_name", "组织部新同事"},
                                                 {"role", "clue_recipient"},
                                                 {"organ", "organisation_department"},
                                                 {"password", "initial-password-1"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  EXPECT_EQ(made.json()["organ"], "organisation_department");
  // Another role keeps no organ.
  HttpResult other = admin.Put("/api/v1/users/" + std::to_string(made.json()["id"].get<int>()),
                               {{"version", made.json()["version"]},
                                {"display_name", "组织部新同事"},
                                {"role", "leadership"},
                                {"organ", "organisation_department"}});
  ASSERT_EQ(other.status, 200u) << other.body;
  EXPECT_EQ(other.json()["organ"], nullptr);
}

TEST_F(ApiCluesTest, TheHandOverListHoldsWhatEachCallerMayReadWithItsContent) {
  Client member = SignedIn("member1");
  HttpResult created = member.Post("/api/v1/clues", {{"assignment_id", FinanceAssignment(member)},
                                                     {"organ", "discipline_commission"},
                                                     {"title", "=HYPERLINK(\"http://x\")"},
                                                     {"description", "2025年收受礼金3次。"},
                                                     {"evidence", "来信1件"},
                                                     {"other_persons", "采购科科长王某"},
                                                     {"disciplines", {"integrity", "work"}}});
  ASSERT_EQ(created.status, 201u) << created.body;
  json c = created.json();
  const std::string at = "/api/v1/clues/" + std::to_string(c["id"].get<std::int64_t>());
  ASSERT_EQ(SignedIn("leader1")
                .Post(at + "/transitions", {{"to", "handed_over"}, {"version", c["version"]}})
                .status,
            200u);

  // The commission's recipient: its organ's handed-over clues, this one with its content.
  Client commission = SignedIn("clue");
  HttpResult r = commission.Get("/api/v1/clues.xlsx");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto rows = xlsx::ReadFirstSheet(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  const int listed = commission.Get("/api/v1/clues").json()["total"];
  ASSERT_EQ(rows->size(), static_cast<std::size_t>(listed) + 1) << "the header and each clue";
  EXPECT_EQ((*rows)[0][1], "移交机关");
  EXPECT_EQ((*rows)[0][5], "涉及人员");
  bool found = false;
  for (std::size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    EXPECT_EQ(row[1], "纪委监委");
    if (row[4] != "=HYPERLINK(\"http://x\")") continue;  // text, never a formula
    found = true;
    EXPECT_EQ(row[2], "市财政局");
    EXPECT_EQ(row[5], "采购科科长王某");
    EXPECT_EQ(row[6], "2025年收受礼金3次。");
    EXPECT_EQ(row[7], "来信1件");
    EXPECT_EQ(row[8], "廉洁纪律、工作纪律");
    EXPECT_EQ(row[9], "已移交");
    EXPECT_FALSE(row[10].empty()) << "when it was handed over";
    EXPECT_TRUE(row.size() <= 11 || row[11].empty()) << "not yet signed for";
  }
  EXPECT_TRUE(found);

  // Disposed: the way it was disposed of is listed, the organ's own note is not.
  json handed = commission.Get(at).json();
  HttpResult received =
      commission.Post(at + "/transitions", {{"to", "received"}, {"version", handed["version"]}});
  ASSERT_EQ(received.status, 200u) << received.body;
  ASSERT_EQ(commission
                .Post(at + "/transitions", {{"to", "disposed"},
                                            {"version", received.json()["version"]},
                                            {"disposal", "talk_inquiry"},
                                            {"disposal_note", "已约谈函询，不入清单。"}})
                .status,
            200u);
  HttpResult again = commission.Get("/api/v1/clues.xlsx");
  ASSERT_EQ(again.status, 200u);
  auto after = xlsx::ReadFirstSheet(again.body);
  ASSERT_TRUE(after.ok());
  bool disposed = false;
  for (std::size_t i = 1; i < after->size(); ++i) {
    const auto& row = (*after)[i];
    for (const auto& cell : row) EXPECT_EQ(cell.find("不入清单"), std::string::npos);
    if (row[4] != "=HYPERLINK(\"http://x\")") continue;
    disposed = true;
    EXPECT_EQ(row[9], "已反馈处置");
    EXPECT_FALSE(row[11].empty()) << "when it was signed for";
    EXPECT_EQ(row[12], "谈话函询");
  }
  EXPECT_TRUE(disposed);

  // The other organ has none; the group exports its own (drafts too); filters apply.
  auto none = xlsx::ReadFirstSheet(SignedIn("clue_org").Get("/api/v1/clues.xlsx").body);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->size(), 1u) << "the header only";
  auto own = xlsx::ReadFirstSheet(member.Get("/api/v1/clues.xlsx").body);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->size(), member.Get("/api/v1/clues").json()["total"].get<std::size_t>() + 1);
  auto drafts = xlsx::ReadFirstSheet(member.Get("/api/v1/clues.xlsx?state=draft").body);
  ASSERT_TRUE(drafts.ok());
  for (std::size_t i = 1; i < drafts->size(); ++i) EXPECT_EQ((*drafts)[i][9], "草稿");
  EXPECT_EQ(member.Get("/api/v1/clues.xlsx?organ=police").status, 400u);
  for (const std::string who : {"unit1", "leadership", "admin"}) {
    EXPECT_EQ(SignedIn(who).Get("/api/v1/clues.xlsx").status, 403u) << who;
  }

  auto tx = app_.store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto log = (*tx)->ListAudit({1, 50});
  ASSERT_TRUE(log.ok());
  int exports = 0;
  bool named = false;
  const std::string id = std::to_string(c["id"].get<std::int64_t>());
  for (const auto& e : log->items) {
    if (e.action != "clue.export") continue;
    ++exports;
    named = named || e.detail.find(id) != std::string::npos;
  }
  EXPECT_EQ(exports, 5) << "each export is logged";
  EXPECT_TRUE(named) << "the log names the clues an export held";
}

}  // namespace
}  // namespace xuncha
