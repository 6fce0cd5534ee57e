#include "domain/deadline.h"

#include <gtest/gtest.h>

namespace xuncha {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

const WorkCalendar& China() {
  static const WorkCalendar calendar(DefaultChinaCalendar());
  return calendar;
}

DeadlineRule Rule(std::int64_t id, DeadlineKind kind, int working_days, const char* from,
                  const char* to = nullptr) {
  DeadlineRule r;
  r.id = id;
  r.kind = kind;
  r.working_days = working_days;
  r.effective_from = D(from);
  if (to != nullptr) r.effective_to = D(to);
  return r;
}

constexpr DeadlineKind kAccept = DeadlineKind::kAcceptanceNotice;
constexpr DeadlineKind kResult = DeadlineKind::kResultNotice;

TEST(DeadlineTest, KindNamesRoundTrip) {
  EXPECT_EQ(DeadlineKindName(kAccept), "acceptance_notice");
  EXPECT_EQ(DeadlineKindName(kResult), "result_notice");
  for (DeadlineKind k : {kAccept, kResult}) EXPECT_EQ(ParseDeadlineKind(DeadlineKindName(k)), k);
  EXPECT_FALSE(ParseDeadlineKind("acceptance").has_value());
}

TEST(DeadlineTest, ValidationNamesEachBadField) {
  DeadlineRule r = Rule(1, kAccept, 0, "2021-01-01", "2020-12-31");
  r.note = std::string(201, 'x');
  auto e = ValidateDeadlineRule(r);
  EXPECT_EQ(e.at("working_days"), "out_of_range");
  EXPECT_EQ(e.at("effective_to"), "before_start");
  EXPECT_EQ(e.at("note"), "too_long");

  r.working_days = 91;
  EXPECT_EQ(ValidateDeadlineRule(r).at("working_days"), "out_of_range");
  r.working_days = 90;
  r.effective_to = r.effective_from;  // a rule for a single day
  r.note.clear();
  for (int i = 0; i < 200; ++i) r.note += "日";
  EXPECT_TRUE(ValidateDeadlineRule(r).empty());
  r.working_days = 1;
  r.effective_to.reset();
  r.note.clear();  // the note is optional
  EXPECT_TRUE(ValidateDeadlineRule(r).empty());
}

TEST(DeadlineTest, DefaultRulesAreFifteenWorkingDaysForEachKind) {
  const auto rules = DefaultDeadlineRules();
  ASSERT_EQ(rules.size(), 3u);
  auto sealed = RuleInEffect(rules, DeadlineKind::kSealedTransfer, D("2026-11-27"));
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->working_days, 5) << "越级 reports are transferred within 5 working days";
  for (DeadlineKind k : {kAccept, kResult}) {
    auto r = RuleInEffect(rules, k, D("2020-05-29"));
    ASSERT_TRUE(r.has_value()) << DeadlineKindName(k);
    EXPECT_EQ(r->working_days, 15);
    EXPECT_EQ(r->effective_from, D("2000-01-01"));
    EXPECT_FALSE(r->effective_to.has_value());
    EXPECT_NE(r->note.find("15个工作日"), std::string::npos);
    EXPECT_TRUE(ValidateDeadlineRule(*r).empty()) << DeadlineKindName(k);
  }
  EXPECT_FALSE(RuleInEffect(rules, kAccept, D("1999-12-31")).has_value());
}

TEST(DeadlineTest, RuleInEffectSwitchesOnItsEffectiveDates) {
  const std::vector<DeadlineRule> rules = {
      Rule(1, kAccept, 15, "2000-01-01"),
      Rule(2, kAccept, 10, "2021-01-01", "2021-12-31"),
      Rule(3, kResult, 30, "2021-06-01"),
  };
  EXPECT_EQ(RuleInEffect(rules, kAccept, D("2020-12-31"))->id, 1);
  EXPECT_EQ(RuleInEffect(rules, kAccept, D("2021-01-01"))->id, 2);  // first day included
  EXPECT_EQ(RuleInEffect(rules, kAccept, D("2021-12-31"))->id, 2);  // last day included
  EXPECT_EQ(RuleInEffect(rules, kAccept, D("2022-01-01"))->id, 1);  // the open rule again
  EXPECT_EQ(RuleInEffect(rules, kResult, D("2021-06-01"))->id, 3);
  EXPECT_FALSE(RuleInEffect(rules, kResult, D("2021-05-31")).has_value());
  EXPECT_FALSE(RuleInEffect({}, kAccept, D("2021-05-31")).has_value());
}

TEST(DeadlineTest, RuleInEffectBreaksTiesByHighestId) {
  const std::vector<DeadlineRule> rules = {
      Rule(7, kAccept, 12, "2021-01-01"), Rule(3, kAccept, 15, "2021-01-01"),
      Rule(9, kAccept, 20, "2020-01-01"),  // higher id, but older
  };
  auto r = RuleInEffect(rules, kAccept, D("2021-03-01"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->id, 7);
  EXPECT_EQ(r->working_days, 12);
}

TEST(DeadlineTest, AcceptanceNoticeAcrossLabourDay2020) {
  // Received Friday 24 April 2020; the fifteenth working day is Monday 18 May (calendar_test.cc
  // counts it day by day: two make-up weekend days worked, 1-5 May off).
  const auto rules = DefaultDeadlineRules();
  auto d = DeadlineFor(rules, China(), kAccept, D("2020-04-24"), D("2020-05-10"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, kAccept);
  EXPECT_EQ(d->due, D("2020-05-18"));
  EXPECT_FALSE(d->overdue);
  EXPECT_EQ(d->working_days_left, 6);  // 11-15 May and 18 May

  d = DeadlineFor(rules, China(), kAccept, D("2020-04-24"), D("2020-04-24"));
  EXPECT_EQ(d->working_days_left, 15);
  d = DeadlineFor(rules, China(), kAccept, D("2020-04-24"), D("2020-05-18"));
  EXPECT_FALSE(d->overdue);  // the due day itself is still in time
  EXPECT_EQ(d->working_days_left, 0);
}

TEST(DeadlineTest, OverdueCountsTheWorkingDaysPastDue) {
  const auto rules = DefaultDeadlineRules();
  auto d = DeadlineFor(rules, China(), kAccept, D("2020-04-24"), D("2020-05-20"));
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->overdue);
  EXPECT_EQ(d->working_days_left, -2);  // 19 and 20 May
  // Overdue over a weekend: (18 May, 24 May] holds 19-22 May.
  d = DeadlineFor(rules, China(), kAccept, D("2020-04-24"), D("2020-05-24"));
  EXPECT_TRUE(d->overdue);
  EXPECT_EQ(d->working_days_left, -4);
  // Received on make-up Saturday 9 May, due Friday 29 May (11-15, 18-22, 25-29 May); on the
  // Saturday after, late though no working day has passed yet.
  d = DeadlineFor(rules, China(), kAccept, D("2020-05-09"), D("2020-05-30"));
  EXPECT_EQ(d->due, D("2020-05-29"));
  EXPECT_TRUE(d->overdue);
  EXPECT_EQ(d->working_days_left, 0);
}

TEST(DeadlineTest, ResultNoticeAcrossDragonBoat2020) {
  // Closed Wednesday 10 June 2020: 11-12 June 1-2, 15-19 June 3-7, 22-24 June 8-10, 25-27 June
  // off, Sunday 28 June (make-up) 11, 29-30 June 12-13, 1 July 14, 2 July 15.
  auto d = DeadlineFor(DefaultDeadlineRules(), China(), kResult, D("2020-06-10"), D("2020-06-28"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, kResult);
  EXPECT_EQ(d->due, D("2020-07-02"));
  EXPECT_EQ(d->working_days_left, 4);
}

TEST(DeadlineTest, UsesTheRuleInEffectOnTheStartDay) {
  const std::vector<DeadlineRule> rules = {
      Rule(1, kAccept, 15, "2000-01-01", "2020-04-30"),
      Rule(2, kAccept, 5, "2020-05-01"),
  };
  // Received on the old rule's last day: 15 working days, 6 May to 25 May (9 May worked).
  auto d = DeadlineFor(rules, China(), kAccept, D("2020-04-30"), D("2020-05-06"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->due, D("2020-05-25"));
  // Received under the new rule: 7, 8, 9 (make-up), 11, 12 May.
  d = DeadlineFor(rules, China(), kAccept, D("2020-05-06"), D("2020-05-06"));
  EXPECT_EQ(d->due, D("2020-05-12"));
  EXPECT_EQ(d->working_days_left, 5);
  // No result-notice rule at all.
  EXPECT_FALSE(DeadlineFor(rules, China(), kResult, D("2020-05-06"), D("2020-05-06")).has_value());
  // Nor an acceptance rule before the first one starts.
  EXPECT_FALSE(DeadlineFor(rules, China(), kAccept, D("1999-06-01"), D("2020-05-06")).has_value());
}

TEST(DeadlineTest, HundredsOfReportsAcrossYears) {
  // The list view computes one deadline per report; every one must land on a working day exactly
  // the rule's count away, whatever the start.
  const auto rules = DefaultDeadlineRules();
  for (Date start = D("2019-12-20"); start <= D("2026-12-31"); start = start.AddDays(3)) {
    auto d = DeadlineFor(rules, China(), kAccept, start, start);
    ASSERT_TRUE(d.has_value());
    ASSERT_TRUE(China().IsWorkingDay(d->due)) << start.ToString();
    ASSERT_EQ(China().WorkingDaysBetween(start, d->due), 15) << start.ToString();
    ASSERT_EQ(d->working_days_left, 15) << start.ToString();
    ASSERT_FALSE(d->overdue);
  }
}

}  // namespace
}  // namespace xuncha
