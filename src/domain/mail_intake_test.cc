#include "domain/mail_intake.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

std::vector<MailCandidate> TwoUnits() {
  return {{AssignmentId(1), "市财政局", D("2026-11-01"), D("2026-12-20"), std::nullopt},
          {AssignmentId(2), "市审计局", D("2026-11-01"), D("2026-12-20"), std::nullopt},
          {AssignmentId(3), "市统计局", D("2026-03-01"), D("2026-04-20"), std::nullopt}};
}

TEST(MailIntakeTest, TheOnlyAssignmentStationedThatDayTakesTheMail) {
  auto c = TwoUnits();
  EXPECT_EQ(std::get<AssignmentId>(ChooseAssignment(c, D("2026-03-15"), "", "反映问题")),
            AssignmentId(3));
  // Nothing stationed: a person decides.
  EXPECT_EQ(std::get<std::string_view>(ChooseAssignment(c, D("2026-06-01"), "", "")),
            kQuarantineNoAssignment);
  // Up to the group's intake cut-off when it is later than the end of stationing.
  c[2].intake_cutoff = D("2026-05-01");
  EXPECT_EQ(std::get<AssignmentId>(ChooseAssignment(c, D("2026-04-30"), "", "")), AssignmentId(3));
  EXPECT_EQ(std::get<std::string_view>(ChooseAssignment(c, D("2026-05-02"), "", "")),
            kQuarantineNoAssignment);
}

TEST(MailIntakeTest, OfSeveralTheUnitTheMailNamesIsChosenElseAPersonDecides) {
  const auto c = TwoUnits();
  EXPECT_EQ(std::get<AssignmentId>(
                ChooseAssignment(c, D("2026-11-27"), "反映市审计局某科长", "收受礼金")),
            AssignmentId(2));
  EXPECT_EQ(std::get<AssignmentId>(ChooseAssignment(c, D("2026-11-27"), "", "市财政局的问题")),
            AssignmentId(1));
  EXPECT_EQ(std::get<std::string_view>(ChooseAssignment(c, D("2026-11-27"), "举报", "某局")),
            kQuarantineUnitAmbiguous);
  EXPECT_EQ(
      std::get<std::string_view>(ChooseAssignment(c, D("2026-11-27"), "市财政局和市审计局", "")),
      kQuarantineUnitAmbiguous);
}

TEST(MailIntakeTest, ADraftKeepsSenderSubjectAndTextAndCutsOverlongText) {
  std::vector<std::string> warnings;
  ReportDraft d = MailToDraft({"一名职工", "a@example.com", "反映问题", "正文内容"},
                              AssignmentId(7), 1000, warnings);
  EXPECT_EQ(d.channel, Channel::kEmail);
  EXPECT_EQ(d.assignment_id, AssignmentId(7));
  EXPECT_FALSE(d.anonymous);
  EXPECT_EQ(d.reporter.name, "一名职工");
  EXPECT_EQ(d.reporter.email, "a@example.com");
  EXPECT_EQ(d.body.content, "主题：反映问题\n\n正文内容");
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(ValidateReportDraft(d).empty());

  // No sender: anonymous. No text: a placeholder that points to the original.
  d = MailToDraft({"", "", "", " \n"}, AssignmentId(7), 1000, warnings);
  EXPECT_TRUE(d.anonymous);
  EXPECT_NE(d.body.content.find("原始邮件"), std::string::npos);

  std::string longtext;
  for (int i = 0; i < 30000; ++i) longtext += "字";
  d = MailToDraft({"x", "x@example.com", "长", longtext}, AssignmentId(7), 1000, warnings);
  EXPECT_EQ(Utf8Length(d.body.content), kMaxContentChars);
  EXPECT_NE(d.body.content.find("全文见原始邮件"), std::string::npos);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(ValidateReportDraft(d).empty());
}

TEST(MailIntakeTest, ImplausibleDateHeadersGiveWayToTheFetchTime) {
  const UnixSeconds now = 1795744800;
  EXPECT_EQ(MailReceivedAt(std::nullopt, now), now);
  EXPECT_EQ(MailReceivedAt(now - 3600, now), now - 3600);
  EXPECT_EQ(MailReceivedAt(now + 3600, now), now);               // from the future
  EXPECT_EQ(MailReceivedAt(now - 400LL * 24 * 3600, now), now);  // more than a year old
}

TEST(MailIntakeTest, StateAndSourceNamesRoundTrip) {
  for (auto s : {MailState::kImported, MailState::kQuarantined, MailState::kRegistered}) {
    EXPECT_EQ(ParseMailState(MailStateName(s)), s);
  }
  EXPECT_EQ(ParseMailSource("imap"), MailSource::kImap);
  EXPECT_FALSE(ParseMailSource("pop3").has_value());
}

}  // namespace
}  // namespace xuncha
