// Report deadlines: how many working days the office has to tell a named reporter (实名举报人)
// that his report was accepted, and what came of it. The periods are rules with effective dates,
// kept in the database, so that a change of regulation does not move the deadlines of reports
// received before it. Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/calendar.h"
#include "domain/field_errors.h"

namespace xuncha {

// kAcceptanceNotice counts from the day the report is received (受理情况告知); kResultNotice from
// the day its handling is closed (处理结果反馈).
// kSealedTransfer: a sealed (越级) report must be transferred within N working days.
enum class DeadlineKind { kAcceptanceNotice, kResultNotice, kSealedTransfer };
// "acceptance_notice" / "result_notice".
std::string_view DeadlineKindName(DeadlineKind k);
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view s);

struct DeadlineRule {
  std::int64_t id = 0;
  int version = 1;
  DeadlineKind kind = DeadlineKind::kAcceptanceNotice;
  int working_days = 15;
  Date effective_from;
  std::optional<Date> effective_to;  // last day in effect, included; nullopt: open-ended
  std::string note;                  // the regulation it implements
};

// "working_days": "out_of_range" outside 1..90; "effective_to": "before_start" when it precedes
// effective_from; "note": "too_long" above 200 characters.
FieldErrors ValidateDeadlineRule(const DeadlineRule& r);

// Among the rules of `kind` in effect on `on` (effective_from <= on <= effective_to), the one with
// the latest effective_from, ties going to the highest id; nullopt when none is.
std::optional<DeadlineRule> RuleInEffect(const std::vector<DeadlineRule>& rules, DeadlineKind kind,
                                         Date on);

// Seed data: 15 working days for each kind, in effect from 2000-01-01 (ids 0, not yet stored).
std::vector<DeadlineRule> DefaultDeadlineRules();

struct Deadline {
  DeadlineKind kind = DeadlineKind::kAcceptanceNotice;
  Date due;
  bool overdue = false;  // today > due
  // Working days in (today, due] while not overdue (0 on the due day itself); once overdue, minus
  // the working days in (due, today].
  int working_days_left = 0;
};

// The deadline of `kind` for a period starting on `start` (receipt or closure), seen on `today`:
// due is the rule's working_days-th working day after `start`, using the rule in effect on
// `start`. nullopt when no rule of `kind` is in effect on `start`.
std::optional<Deadline> DeadlineFor(const std::vector<DeadlineRule>& rules, const WorkCalendar& cal,
                                    DeadlineKind kind, Date start, Date today);

}  // namespace xuncha
