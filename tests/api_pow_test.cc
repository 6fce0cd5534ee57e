// The optional proof of work on the public form, over real HTTP: the intake says how much work
// is asked, a submission without a solved challenge is refused before anything is stored, a
// solved one goes through once.
#include <gtest/gtest.h>

#include "http/proof_of_work.h"
#include "test_support.h"

namespace xuncha {
namespace {

using nlohmann::json;
using testing::Client;

TEST(ApiPowTest, PublicSubmissionsPayWithWorkWhenAsked) {
  testing::TestApp app;
  app.LoadDemo();
  http::ApiOptions opts;
  opts.pow_bits = 8;
  testing::TestServer server(app, {}, opts);
  Client anon(server.port());
  json intake = anon.Get("/api/v1/public/intake").json();
  EXPECT_EQ(intake["pow_bits"], 8);
  std::int64_t assignment = 0;
  for (const auto& i : intake["items"]) {
    if (i["open"] == true) assignment = i["assignment_id"];
  }
  ASSERT_GT(assignment, 0);
  json report = {{"assignment_id", assignment},
                 {"anonymous", true},
                 {"persons", {{{"name", "某某"}, {"post", "科长"}}}},
                 {"content", "反映某科长违规收受礼金。"}};
  auto before = app.reports->List(app.As("office_head"), {}, {1, 1});
  ASSERT_TRUE(before.ok());

  auto refused = anon.Post("/api/v1/public/reports", report);
  EXPECT_EQ(refused.status, 400u) << refused.body;
  EXPECT_EQ(refused.json()["error"]["key"], "pow_invalid");

  json pow = anon.Get("/api/v1/public/pow").json();
  ASSERT_EQ(pow["bits"], 8);
  const std::string challenge = pow["challenge"];
  std::string solution;
  for (int i = 0; solution.empty(); ++i) {
    if (http::PowZeroBits(challenge, std::to_string(i)) >= 8) solution = std::to_string(i);
  }
  report["pow_challenge"] = challenge;
  report["pow_solution"] = solution;
  auto ok = anon.Post("/api/v1/public/reports", report);
  EXPECT_EQ(ok.status, 201u) << ok.body;
  // The same solved challenge does not buy a second report.
  auto replay = anon.Post("/api/v1/public/reports", report);
  EXPECT_EQ(replay.status, 400u) << replay.body;

  auto after = app.reports->List(app.As("office_head"), {}, {1, 1});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, before->total + 1);
}

}  // namespace
}  // namespace xuncha
