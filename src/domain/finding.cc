#include "domain/finding.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xuncha {
namespace {
constexpr std::array<std::pair<FindingState, std::string_view>, 3> kStates = {{
    {FindingState::kDraft, "draft"},
    {FindingState::kConfirmed, "confirmed"},
    {FindingState::kWithdrawn, "withdrawn"},
}};
}  // namespace

std::string_view FindingStateName(FindingState s) {
  for (const auto& [v, n] : kStates) {
    if (v == s) return n;
  }
  return "draft";
}

std::optional<FindingState> ParseFindingState(std::string_view s) {
  for (const auto& [v, n] : kStates) {
    if (n == s) return v;
  }
  return std::nullopt;
}

std::string_view FindingStateChinese(FindingState s) {
  switch (s) {
    case FindingState::kDraft:
      return "底稿";
    case FindingState::kConfirmed:
      return "已确认";
    case FindingState::kWithdrawn:
      return "已撤销";
  }
  return "";
}

std::vector<FindingState> AllowedFindingTransitions(FindingState from) {
  switch (from) {
    case FindingState::kDraft:
      return {FindingState::kConfirmed, FindingState::kWithdrawn};
    case FindingState::kConfirmed:
    case FindingState::kWithdrawn:
      return {FindingState::kDraft};
  }
  return {};
}

FieldErrors ValidateFindingDraft(const FindingDraft& d) {
  FieldErrors e;
  if (!d.assignment_id.valid()) e["assignment_id"] = "required";
  CheckText(e, "title", d.content.title, true, kMaxFindingTitleChars);
  if (!e.count("title") && d.content.title.find_first_of("\r\n") != std::string::npos) {
    e["title"] = "one_line";
  }
  CheckText(e, "description", d.content.description, true, kMaxFindingTextChars);
  CheckText(e, "evidence", d.content.evidence, false, kMaxFindingEvidenceChars);
  auto ds = d.disciplines;
  std::sort(ds.begin(), ds.end());
  if (std::adjacent_find(ds.begin(), ds.end()) != ds.end()) e["disciplines"] = "duplicate";
  CheckLeaderIds(e, d.content.leaders);
  return e;
}

void CheckLeaderIds(FieldErrors& e, const std::vector<FindingLeader>& leaders) {
  if (leaders.size() > kMaxFindingLeaders) {
    e["leaders"] = "too_many";
    return;
  }
  std::vector<LeaderId> ls;
  for (const auto& l : leaders) ls.push_back(l.id);
  std::sort(ls.begin(), ls.end());
  if (std::adjacent_find(ls.begin(), ls.end()) != ls.end()) e["leaders"] = "duplicate";
  for (LeaderId l : ls) {
    if (!l.valid()) e["leaders"] = "invalid_value";
  }
}

}  // namespace xuncha
