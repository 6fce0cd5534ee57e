// The group mailbox over real HTTP: the quarantine list is scoped to the caller's groups, the raw
// message is a download (never rendered), and registering it by hand makes an email report.
#include <gtest/gtest.h>

#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiMailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    auto intake = app_.reports->Intake();
    ASSERT_TRUE(intake.ok());
    for (const auto& i : intake->items) {
      if (i.unit_name == "市财政局") {
        group_ = i.group.id;
        assignment_ = i.assignment_id;
      }
    }
    server_ = std::make_unique<testing::TestServer>(app_);
  }
  Client SignedIn(const std::string& user) {
    Client c(server_->port());
    HttpResult r = c.Login(user, "Demo@12345");
    EXPECT_EQ(r.status, 200u) << r.body;
    return c;
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
  GroupId group_;
  AssignmentId assignment_;
};

TEST_F(ApiMailTest, QuarantineIsListedReadAndRegisteredByHandWithinTheGroup) {
  const std::string hostile = "<script>alert('x')</script> no headers here\n";
  auto q = app_.reports->ImportMail(group_, hostile, MailSource::kImap);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->kind, MailImportResult::Kind::kQuarantined);
  const std::string id = std::to_string(q->mail_id.value);

  Client leader = SignedIn("leader1");
  HttpResult list = leader.Get("/api/v1/mail?state=quarantined");
  ASSERT_EQ(list.status, 200u) << list.body;
  json items = list.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["reason"], "bad_mime");
  EXPECT_EQ(items[0]["source"], "imap");
  EXPECT_EQ(items[0]["state"], "quarantined");
  EXPECT_EQ(list.json()["total"], 1);

  HttpResult raw = leader.Get("/api/v1/mail/" + id + "/raw");
  ASSERT_EQ(raw.status, 200u) << raw.body;
  EXPECT_EQ(raw.body, hostile);
  EXPECT_EQ(raw.headers["content-type"], "message/rfc822");
  EXPECT_EQ(raw.headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(raw.headers["content-disposition"].rfind("attachment;", 0), 0u);

  // Another group: no such message; a unit liaison: no mail at all.
  Client other = SignedIn("member2");
  EXPECT_EQ(other.Get("/api/v1/mail?state=quarantined").json()["total"], 0);
  EXPECT_EQ(other.Get("/api/v1/mail/" + id + "/raw").status, 404u);
  EXPECT_EQ(SignedIn("unit1").Get("/api/v1/mail").status, 403u);
  EXPECT_EQ(Client(server_->port()).Get("/api/v1/mail").status, 401u);
  EXPECT_EQ(leader.Get("/api/v1/mail?state=lost").status, 400u);

  // Registering needs what any registration needs, and names each bad field.
  HttpResult bad = leader.Post("/api/v1/mail/" + id + "/register", {{"anonymous", true}});
  ASSERT_EQ(bad.status, 422u) << bad.body;
  EXPECT_TRUE(bad.json()["error"]["fields"].contains("assignment_id")) << bad.body;
  EXPECT_TRUE(bad.json()["error"]["fields"].contains("content")) << bad.body;
  EXPECT_FALSE(bad.json()["error"]["fields"].contains("channel")) << bad.body;

  json draft = {{"assignment_id", assignment_.value},
                {"anonymous", true},
                {"received_at", "2026-11-27T09:00:00"},
                {"content", "人工登记：邮件无法解析，原件见附件。"}};
  HttpResult reg = leader.Post("/api/v1/mail/" + id + "/register", draft);
  ASSERT_EQ(reg.status, 201u) << reg.body;
  EXPECT_EQ(reg.json()["channel"], "email");
  EXPECT_EQ(reg.json()["files"].size(), 0u);
  // The original names the sender: the custodian downloads it, the group leader cannot.
  const std::string original =
      "/api/v1/reports/" + std::to_string(reg.json()["id"].get<std::int64_t>()) + "/original";
  HttpResult by_leader = leader.Get(original);
  EXPECT_EQ(by_leader.status, 409u) << by_leader.body;
  Client custodian = SignedIn("office_head");
  HttpResult by_custodian = custodian.Get(original);
  ASSERT_EQ(by_custodian.status, 200u) << by_custodian.body;
  EXPECT_EQ(by_custodian.body, hostile);
  EXPECT_EQ(by_custodian.headers["content-type"], "message/rfc822");
  EXPECT_EQ(by_custodian.headers["content-disposition"].rfind("attachment;", 0), 0u);
  EXPECT_EQ(other.Get(original).status, 404u);
  HttpResult again = leader.Post("/api/v1/mail/" + id + "/register", draft);
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(again.json()["error"]["key"], "mail_not_quarantined") << again.body;
  HttpResult done = leader.Get("/api/v1/mail?state=registered");
  ASSERT_EQ(done.json()["items"].size(), 1u);
  EXPECT_EQ(done.json()["items"][0]["report_number"], reg.json()["number"]);
}

}  // namespace
}  // namespace xuncha
