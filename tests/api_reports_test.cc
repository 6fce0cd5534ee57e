// Public reports over real HTTP: the public form's endpoints without a session, the staff inbox,
// the reveal flow across two accounts, hostile input, and the per-client rate limit.
#include <gtest/gtest.h>

#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

class ApiReportsTest : public ::testing::Test {
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
  std::int64_t FirstOpenAssignment(Client& c) {
    json intake = c.Get("/api/v1/public/intake").json();
    for (const auto& i : intake["items"]) {
      if (i["open"] == true && i["unit_name"] == "市财政局") return i["assignment_id"];
    }
    ADD_FAILURE() << intake.dump();
    return 0;
  }
  json Report(std::int64_t assignment) {
    return {{"assignment_id", assignment},
            {"anonymous", false},
            {"reporter", {{"name", "蒋实名"}, {"phone", "13600002222"}}},
            {"persons", {{{"name", "沈某"}, {"unit", "市财政局"}, {"post", "科长"}}}},
            {"content", "<script>alert(1)</script>沈某收受礼金。"},
            {"happened", "今年"},
            {"place", "办公室"}};
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(ApiReportsTest, PublicSubmitThenStatusWithoutAnyAccount) {
  Client anon(server_->port());
  const auto assignment = FirstOpenAssignment(anon);
  HttpResult r = anon.Post("/api/v1/public/reports", Report(assignment));
  ASSERT_EQ(r.status, 201u) << r.body;
  json j = r.json();
  const std::string code = j["query_code"];
  EXPECT_EQ(code.size(), 16u);
  EXPECT_EQ(r.body.find("蒋实名"), std::string::npos) << "the answer must not echo the identity";
  HttpResult st = anon.Post("/api/v1/public/reports/status", {{"query_code", code}});
  ASSERT_EQ(st.status, 200u) << st.body;
  EXPECT_EQ(st.json()["number"], j["number"]);
  EXPECT_EQ(st.json()["state"], "registered");
  HttpResult wrong =
      anon.Post("/api/v1/public/reports/status", {{"query_code", "0000000000000000"}});
  EXPECT_EQ(wrong.status, 404u);
  EXPECT_EQ(wrong.json()["error"]["key"], "query_code_unknown");
  HttpResult msg =
      anon.Post("/api/v1/public/reports/messages", {{"query_code", code}, {"text", "补充"}});
  EXPECT_EQ(msg.status, 201u) << msg.body;
}

TEST_F(ApiReportsTest, BadBodiesGetFieldErrorsInChinese) {
  Client anon(server_->port());
  HttpResult r = anon.Request("POST", "/api/v1/public/reports", "{not json");
  EXPECT_EQ(r.status, 400u);
  json bad = Report(FirstOpenAssignment(anon));
  bad["content"] = "";
  bad["persons"] = "not a list";
  bad["reporter"]["phone"] = "";
  r = anon.Post("/api/v1/public/reports", bad);
  ASSERT_EQ(r.status, 422u) << r.body;
  json fields = r.json()["error"]["fields"];
  EXPECT_TRUE(fields.contains("persons"));
  EXPECT_TRUE(fields.contains("content"));
  EXPECT_TRUE(fields.contains("reporter.phone"));
  EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  json closed = Report(999999);
  r = anon.Post("/api/v1/public/reports", closed);
  EXPECT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.json()["error"]["key"], "intake_closed");
}

TEST_F(ApiReportsTest, SubmissionsAreRateLimitedPerClient) {
  Client anon(server_->port());
  const auto assignment = FirstOpenAssignment(anon);
  int created = 0, limited = 0;
  for (int i = 0; i < 8; ++i) {
    HttpResult r = anon.Post("/api/v1/public/reports", Report(assignment));
    if (r.status == 201u) ++created;
    if (r.status == 429u) {
      ++limited;
      EXPECT_EQ(r.json()["error"]["key"], "rate_limited");
    }
  }
  EXPECT_EQ(created, 6) << "a burst of six per client";
  EXPECT_EQ(limited, 2);
}

TEST_F(ApiReportsTest, StaffEndpointsNeedASessionAndTheRightRole) {
  Client anon(server_->port());
  EXPECT_EQ(anon.Get("/api/v1/reports").status, 401u);
  Client unit = SignedIn("unit1");
  EXPECT_EQ(unit.Get("/api/v1/reports").status, 403u);
  Client leader = SignedIn("leader1");
  leader.send_csrf = false;
  EXPECT_EQ(leader.Post("/api/v1/reports", json::object()).status, 403u) << "CSRF";
}

TEST_F(ApiReportsTest, RegisterACallRevealAfterApprovalAcrossTwoAccounts) {
  Client leader = SignedIn("leader1");
  json call = Report(FirstOpenAssignment(leader));
  call["channel"] = "call";
  call["received_at"] = "2026-11-27T09:30";
  call["received_by"] = "李明华";
  HttpResult r = leader.Post("/api/v1/reports", call);
  ASSERT_EQ(r.status, 201u) << r.body;
  json rep = r.json();
  EXPECT_EQ(rep["channel"], "call");
  EXPECT_EQ(rep["reporter"]["masked"], "实名（身份已加密）");
  EXPECT_EQ(rep["content"], "<script>alert(1)</script>沈某收受礼金。") << "stored as text";
  const std::string id = std::to_string(rep["id"].get<std::int64_t>());
  // The inbox lists it, masked.
  json list = leader.Get("/api/v1/reports?channel=call").json();
  ASSERT_GE(list["total"].get<int>(), 1);
  EXPECT_EQ(list.dump().find("蒋实名"), std::string::npos);
  EXPECT_EQ(leader.Get("/api/v1/reports/" + id + "/identity").status, 403u);
  HttpResult req =
      leader.Post("/api/v1/reports/" + id + "/reveal-requests", {{"reason", "需要回访核实"}});
  ASSERT_EQ(req.status, 201u) << req.body;
  const std::string rid = std::to_string(req.json()["id"].get<std::int64_t>());
  Client head = SignedIn("office_head");
  json pending = head.Get("/api/v1/reveal-requests?state=pending").json();
  ASSERT_EQ(pending["total"], 1);
  HttpResult ok = head.Post("/api/v1/reveal-requests/" + rid + "/decision",
                            {{"approve", true}, {"note", "同意"}});
  ASSERT_EQ(ok.status, 200u) << ok.body;
  HttpResult who = leader.Get("/api/v1/reports/" + id + "/identity");
  ASSERT_EQ(who.status, 200u) << who.body;
  EXPECT_EQ(who.json()["name"], "蒋实名");
  // The decision is logged and the office can read the log.
  json audit = head.Get("/api/v1/audit?page_size=200").json();
  EXPECT_NE(audit.dump().find("reveal.approve"), std::string::npos);
  EXPECT_NE(audit.dump().find("report.identity.view"), std::string::npos);
}

TEST_F(ApiReportsTest, OtherGroupsGetNotFoundForAReport) {
  Client leader = SignedIn("leader1");
  json list = leader.Get("/api/v1/reports").json();
  ASSERT_GT(list["total"].get<int>(), 0);
  const std::string id = std::to_string(list["items"][0]["id"].get<std::int64_t>());
  Client other = SignedIn("member2");
  HttpResult r = other.Get("/api/v1/reports/" + id);
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(other.Get("/api/v1/reports/abc").status, 404u);
}

TEST_F(ApiReportsTest, MultipartSubmissionWithAFileAndTheFileIsServedSafely) {
  Client anon(server_->port());
  json report = Report(FirstOpenAssignment(anon));
  const std::string boundary = "----xuncha-test-boundary";
  std::string body;
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n";
  body += report.dump() + "\r\n";
  body += "--" + boundary +
          "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../证据.txt\"\r\n"
          "Content-Type: image/png\r\n\r\n";  // a lie: the content decides
  const std::string head = body;
  body += "证据正文：某科长收受购物卡的经过。\r\n";
  body += "--" + boundary + "--\r\n";
  // An HTML page is not an allowed attachment, whatever its name says.
  HttpResult html =
      anon.Request("POST", "/api/v1/public/reports",
                   head + "<html><script>alert(1)</script></html>\r\n--" + boundary + "--\r\n",
                   "multipart/form-data; boundary=" + boundary);
  EXPECT_EQ(html.status, 400u) << html.body;
  EXPECT_EQ(html.json()["error"]["fields"].count("files.0"), 1u);
  HttpResult r = anon.Request("POST", "/api/v1/public/reports", body,
                              "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(r.status, 201u) << r.body;
  Client leader = SignedIn("leader1");
  json list = leader.Get("/api/v1/reports?channel=web").json();
  ASSERT_GT(list["total"].get<int>(), 0);
  const std::string id = std::to_string(list["items"][0]["id"].get<std::int64_t>());
  json detail = leader.Get("/api/v1/reports/" + id).json();
  ASSERT_EQ(detail["files"].size(), 1u) << detail.dump();
  EXPECT_EQ(detail["files"][0]["filename"], "证据.txt");
  const std::string mime = detail["files"][0]["mime"];
  EXPECT_NE(mime, "image/png") << "the claimed type is ignored";
  const std::string fid = std::to_string(detail["files"][0]["id"].get<std::int64_t>());
  HttpResult file = leader.Get("/api/v1/reports/" + id + "/files/" + fid);
  ASSERT_EQ(file.status, 200u) << file.body;
  EXPECT_EQ(file.headers["x-content-type-options"], "nosniff");
  EXPECT_NE(file.headers["content-security-policy"].find("sandbox"), std::string::npos);
  EXPECT_EQ(file.headers["content-type"], mime + "; charset=utf-8");
  EXPECT_NE(file.body.find("证据正文"), std::string::npos);
  // A truncated multipart body is refused and stores nothing.
  HttpResult bad = anon.Request("POST", "/api/v1/public/reports", body.substr(0, body.size() / 2),
                                "multipart/form-data; boundary=" + boundary);
  EXPECT_EQ(bad.status, 400u) << bad.body;
  EXPECT_EQ(leader.Get("/api/v1/reports?channel=web").json()["total"], list["total"]);
}

}  // namespace
}  // namespace xuncha
