#include "domain/deadline.h"

#include <array>
#include <utility>

namespace xuncha {
namespace {

constexpr std::array<std::pair<DeadlineKind, std::string_view>, 3> kKinds = {{
    {DeadlineKind::kAcceptanceNotice, "acceptance_notice"},
    {DeadlineKind::kResultNotice, "result_notice"},
    {DeadlineKind::kSealedTransfer, "sealed_transfer"},
}};

bool InEffect(const DeadlineRule& r, Date on) {
  return r.effective_from <= on && (!r.effective_to || on <= *r.effective_to);
}

}  // namespace

std::string_view DeadlineKindName(DeadlineKind k) {
  for (const auto& [kind, name] : kKinds) {
    if (kind == k) return name;
  }
  return kKinds[0].second;
}

std::optional<DeadlineKind> ParseDeadlineKind(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

FieldErrors ValidateDeadlineRule(const DeadlineRule& r) {
  FieldErrors e;
  if (r.working_days < 1 || r.working_days > 90) e["working_days"] = "out_of_range";
  if (r.effective_to && *r.effective_to < r.effective_from) e["effective_to"] = "before_start";
  CheckText(e, "note", r.note, false, 200);
  return e;
}

std::optional<DeadlineRule> RuleInEffect(const std::vector<DeadlineRule>& rules, DeadlineKind kind,
                                         Date on) {
  const DeadlineRule* best = nullptr;
  for (const DeadlineRule& r : rules) {
    if (r.kind != kind || !InEffect(r, on)) continue;
    if (best == nullptr || r.effective_from > best->effective_from ||
        (r.effective_from == best->effective_from && r.id > best->id)) {
      best = &r;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::vector<DeadlineRule> DefaultDeadlineRules() {
  // The 15 working days come from 纪检监察机关处理检举控告工作规则 (中共中央办公厅, 2020), which
  // governs named reports (实名检举控告); the notes quote it for the office.
  const Date since = Date::FromYmd(2000, 1, 1);
  DeadlineRule acceptance;
  acceptance.kind = DeadlineKind::kAcceptanceNotice;
  acceptance.working_days = 15;
  acceptance.effective_from = since;
  acceptance.note =
      "实名检举控告：自收到之日起15个工作日内告知检举控告人受理情况"
      "（《纪检监察机关处理检举控告工作规则》）。重复检举控告的，不再告知。";
  DeadlineRule result;
  result.kind = DeadlineKind::kResultNotice;
  result.working_days = 15;
  result.effective_from = since;
  result.note =
      "实名检举控告：自办结之日起15个工作日内向检举控告人反馈处理结果"
      "（《纪检监察机关处理检举控告工作规则》）。";
  DeadlineRule sealed;
  sealed.kind = DeadlineKind::kSealedTransfer;
  sealed.working_days = 5;
  sealed.effective_from = since;
  sealed.note = "反映上级管理干部的问题（越级）：登记时密封，5个工作日内按规定移交。";
  return {acceptance, result, sealed};
}

std::optional<Deadline> DeadlineFor(const std::vector<DeadlineRule>& rules, const WorkCalendar& cal,
                                    DeadlineKind kind, Date start, Date today) {
  const std::optional<DeadlineRule> rule = RuleInEffect(rules, kind, start);
  if (!rule) return std::nullopt;
  Deadline d;
  d.kind = kind;
  d.due = cal.AddWorkingDays(start, rule->working_days);
  d.overdue = today > d.due;
  d.working_days_left =
      d.overdue ? -cal.WorkingDaysBetween(d.due, today) : cal.WorkingDaysBetween(today, d.due);
  return d;
}

}  // namespace xuncha
