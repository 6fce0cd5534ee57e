// GET /api/v1/search over real HTTP: results with snippets inside the caller's scope, the
// query language's errors as JSON with a Chinese message, filters checked, roles refused.
#include <gtest/gtest.h>

#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;
using testing::HttpResult;

std::string Enc(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class ApiSearchTest : public ::testing::Test {
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
  HttpResult Search(Client& c, const std::string& q, const std::string& extra = "") {
    return c.Get("/api/v1/search?q=" + Enc(q) + extra);
  }

  testing::TestApp app_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(ApiSearchTest, FindsTheDemoReportsOfTheCallersGroupWithMarkedSnippets) {
  Client member = SignedIn("member1");  // group 1: 市财政局
  HttpResult r = Search(member, "宴请");
  ASSERT_EQ(r.status, 200u) << r.body;
  json body = r.json();
  EXPECT_EQ(body["total"], 1);
  ASSERT_EQ(body["items"].size(), 1u);
  json item = body["items"][0];
  EXPECT_EQ(item["kind"], "report");
  EXPECT_EQ(item["unit_name"], "市财政局");
  EXPECT_TRUE(item["demo"].get<bool>());
  bool marked = false;
  for (const auto& part : item["snippet"]) {
    marked = marked || (part["hit"].get<bool>() && part["text"] == "宴请");
  }
  EXPECT_TRUE(marked) << item["snippet"].dump();
  EXPECT_EQ(body["terms"], json::array({"宴请"}));

  // 公车私用 is a transport report: group 1 neither sees nor counts it.
  HttpResult other = Search(member, "公车");
  ASSERT_EQ(other.status, 200u);
  EXPECT_EQ(other.json()["total"], 0);
  Client transport = SignedIn("member2");
  EXPECT_EQ(Search(transport, "公车").json()["total"], 1);
}

TEST_F(ApiSearchTest, OneCharacterQueriesAndFiltersWork) {
  Client office = SignedIn("office");
  HttpResult all = Search(office, "某");
  ASSERT_EQ(all.status, 200u) << all.body;
  const int total = all.json()["total"];
  EXPECT_GE(total, 3);
  HttpResult calls = Search(office, "某", "&channel=call&sort=date&page_size=5");
  ASSERT_EQ(calls.status, 200u) << calls.body;
  EXPECT_LT(calls.json()["total"].get<int>(), total);
  const nlohmann::json body = calls.json();
  for (const auto& it : body["items"]) EXPECT_EQ(it["channel"], "call");
}

TEST_F(ApiSearchTest, ErrorsAreJsonWithAKeyAndAChineseMessage) {
  Client office = SignedIn("office");
  struct Case {
    std::string target;
    std::string key;
  };
  for (const Case& c : std::vector<Case>{
           {"/api/v1/search", "search_query_required"},
           {"/api/v1/search?q=%20%20", "search_query_required"},
           {"/api/v1/search?q=" + Enc("-公款"), "bad_search_query"},
           {"/api/v1/search?q=" + Enc("\"未闭合"), "bad_search_query"},
           {"/api/v1/search?q=x&channel=fax", "bad_query"},
           {"/api/v1/search?q=x&from=2026-13-01", "bad_query"},
           {"/api/v1/search?q=x&sort=random", "bad_query"},
           {"/api/v1/search?q=x&group_id=abc", "bad_query"},
       }) {
    HttpResult r = office.Get(c.target);
    EXPECT_EQ(r.status, 400u) << c.target << " " << r.body;
    json b = json::parse(r.body, nullptr, false)["error"];
    ASSERT_TRUE(b.is_object()) << r.body;
    EXPECT_EQ(b["key"], c.key) << c.target;
    const std::string msg = b.value("message", "");
    EXPECT_FALSE(msg.empty());
    EXPECT_GE(static_cast<unsigned char>(msg[0]), 0xE0u) << "a Chinese message: " << msg;
  }
}

TEST_F(ApiSearchTest, RolesWithoutRecordsToSearchAndAnonymousCallersAreRefused) {
  Client anon(server_->port());
  EXPECT_EQ(Search(anon, "公款").status, 401u);
  for (const std::string who : {"admin"}) {
    Client c = SignedIn(who);
    EXPECT_EQ(Search(c, "公款").status, 403u) << who;
  }
}

TEST_F(ApiSearchTest, FindingsAndCluesAreFoundBesideReportsAndTheLeadingGroupFindsOnlyFindings) {
  // 示例数据 is in every demo report and every demo finding.
  Client office = SignedIn("office");
  json all = Search(office, "示例数据", "&page_size=100").json();
  int reports = 0;
  int findings = 0;
  int clues = 0;
  for (const auto& item : all["items"]) {
    if (item["kind"] == "report") ++reports;
    if (item["kind"] == "clue") ++clues;
    if (item["kind"] == "finding") {
      ++findings;
      EXPECT_TRUE(item.contains("title") && item.contains("focus_title")) << item.dump();
      EXPECT_FALSE(item.contains("description")) << "search lists no facts";
    }
  }
  EXPECT_GT(reports, 0);
  EXPECT_EQ(findings, 3);
  EXPECT_EQ(clues, 2);
  json only = Search(office, "示例数据", "&kind=finding&state=confirmed").json();
  ASSERT_EQ(only["total"], 1) << only.dump();
  EXPECT_EQ(only["items"][0]["state"], "confirmed");
  EXPECT_EQ(Search(office, "示例数据", "&kind=measure").status, 400u);
  EXPECT_EQ(Search(office, "示例数据", "&state=open").status, 400u);

  Client leading = SignedIn("leadership");
  HttpResult r = Search(leading, "示例数据");
  ASSERT_EQ(r.status, 200u) << r.body;
  const json leading_body = r.json();  // named: a loop over a temporary's member would dangle
  EXPECT_EQ(leading_body["total"], 3);
  for (const auto& item : leading_body["items"]) EXPECT_EQ(item["kind"], "finding");

  Client member2 = SignedIn("member2");  // group 2: one demo finding at 市交通运输局
  json theirs = Search(member2, "示例数据", "&kind=finding").json();
  ASSERT_EQ(theirs["total"], 1);
  EXPECT_EQ(theirs["items"][0]["unit_name"], "市交通运输局");
}

TEST_F(ApiSearchTest, ARecipientFindsOnlyTheCluesHandedToHisOrgan) {
  // The demo hands one clue of group 1 to 纪委监委; the other is a draft for 组织部.
  Client commission = SignedIn("clue");
  HttpResult r = Search(commission, "示例数据");
  ASSERT_EQ(r.status, 200u) << r.body;
  const json body = r.json();
  ASSERT_EQ(body["total"], 1) << body.dump();
  EXPECT_EQ(body["items"][0]["kind"], "clue");
  EXPECT_EQ(body["items"][0]["organ"], "discipline_commission");
  EXPECT_EQ(body["items"][0]["state"], "handed_over");
  EXPECT_FALSE(body["items"][0].contains("description")) << "search lists no facts";
  // The draft's own words find nothing for either recipient: it is not handed over.
  EXPECT_EQ(Search(commission, "民主推荐").json()["total"], 0);
  Client department = SignedIn("clue_org");
  EXPECT_EQ(Search(department, "民主推荐").json()["total"], 0);
  EXPECT_EQ(Search(department, "示例数据").json()["total"], 0);
  // Group 1 finds both of its clues by a word in the facts; group 2 and the leading group none.
  Client member1 = SignedIn("member1");
  EXPECT_EQ(Search(member1, "民主推荐", "&kind=clue").json()["total"], 1);
  EXPECT_EQ(Search(member1, "示例数据", "&kind=clue").json()["total"], 2);
  Client member2 = SignedIn("member2");
  EXPECT_EQ(Search(member2, "示例数据", "&kind=clue").json()["total"], 0);
  Client leading = SignedIn("leadership");
  EXPECT_EQ(Search(leading, "妻弟").json()["total"], 0);
}

}  // namespace
}  // namespace xuncha
