#include "domain/rectification.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xuncha {
namespace {
template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<MeasureKind, 3> kKinds = {{
    {MeasureKind::kImmediate, "immediate"},
    {MeasureKind::kByDeadline, "by_deadline"},
    {MeasureKind::kOngoing, "ongoing"},
}};
constexpr Names<MeasureState, 3> kStates = {{
    {MeasureState::kPlanned, "planned"},
    {MeasureState::kDone, "done"},
    {MeasureState::kAccepted, "accepted"},
}};
constexpr Names<ProblemStatus, 3> kStatuses = {{
    {ProblemStatus::kNoMeasures, "no_measures"},
    {ProblemStatus::kInProgress, "in_progress"},
    {ProblemStatus::kClosedOut, "closed_out"},
}};

template <typename E, std::size_t N>
std::string_view NameOf(const Names<E, N>& table, E v) {
  for (const auto& [e, n] : table) {
    if (e == v) return n;
  }
  return table[0].second;
}

template <typename E, std::size_t N>
std::optional<E> Parse(const Names<E, N>& table, std::string_view s) {
  for (const auto& [e, n] : table) {
    if (n == s) return e;
  }
  return std::nullopt;
}
}  // namespace

std::string_view MeasureKindName(MeasureKind k) { return NameOf(kKinds, k); }
std::optional<MeasureKind> ParseMeasureKind(std::string_view s) { return Parse(kKinds, s); }
std::string_view MeasureStateName(MeasureState s) { return NameOf(kStates, s); }
std::optional<MeasureState> ParseMeasureState(std::string_view s) { return Parse(kStates, s); }
std::string_view ProblemStatusName(ProblemStatus s) { return NameOf(kStatuses, s); }
std::optional<ProblemStatus> ParseProblemStatus(std::string_view s) { return Parse(kStatuses, s); }

std::string_view MeasureKindChinese(MeasureKind k) {
  switch (k) {
    case MeasureKind::kImmediate:
      return "立行立改";
    case MeasureKind::kByDeadline:
      return "限期整改";
    case MeasureKind::kOngoing:
      return "长期坚持";
  }
  return "";
}

std::string_view MeasureStateChinese(MeasureState s) {
  switch (s) {
    case MeasureState::kPlanned:
      return "整改中";
    case MeasureState::kDone:
      return "已完成待验收";
    case MeasureState::kAccepted:
      return "已销号";
  }
  return "";
}

std::vector<MeasureState> AllowedMeasureTransitions(MeasureState from, MeasureMover who) {
  if (who == MeasureMover::kUnit) {
    if (from == MeasureState::kPlanned) return {MeasureState::kDone};
    return {};
  }
  if (from == MeasureState::kDone) return {MeasureState::kAccepted, MeasureState::kPlanned};
  return {};
}

FieldErrors ValidateMeasureDraft(const MeasureDraft& d) {
  FieldErrors e;
  if (!d.finding_id.valid()) e["finding_id"] = "required";
  if (!d.kind) e["kind"] = "required";
  if (d.kind == MeasureKind::kByDeadline && !d.deadline) e["deadline"] = "required";
  CheckText(e, "content", d.content.content, true, kMaxMeasureChars);
  CheckText(e, "responsible_department", d.content.responsible_department, true,
            kMaxResponsibleChars);
  CheckText(e, "responsible_leader", d.content.responsible_leader, false, kMaxResponsibleChars);
  return e;
}

ProblemStatus StatusOf(const std::vector<MeasureState>& measures) {
  if (measures.empty()) return ProblemStatus::kNoMeasures;
  const bool all = std::all_of(measures.begin(), measures.end(),
                               [](MeasureState s) { return s == MeasureState::kAccepted; });
  return all ? ProblemStatus::kClosedOut : ProblemStatus::kInProgress;
}

}  // namespace xuncha
