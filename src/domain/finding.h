// Findings (发现问题): the problems a group establishes at a unit during its stationing, each a
// draft (问题底稿) under one focus item until the group leader confirms it for the inspection
// report. Pure rules; the sealing of their text lives in src/app/finding_service.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "domain/discipline.h"
#include "domain/field_errors.h"
#include "domain/round.h"

namespace xuncha {

using FindingId = Id<struct FindingTag>;

// 底稿 → 已确认 (the leader confirms it for the report) or 已撤销 (dropped); either may be
// taken back to a draft by the leader.
enum class FindingState { kDraft, kConfirmed, kWithdrawn };
std::string_view FindingStateName(FindingState s);
std::optional<FindingState> ParseFindingState(std::string_view s);
std::vector<FindingState> AllowedFindingTransitions(FindingState from);
// 底稿, 已确认, 已撤销.
std::string_view FindingStateChinese(FindingState s);

// A roster leader a finding concerns, as the roster named him when the finding was written or
// last edited: a later roster change (a re-import reuses ids) must not put another name on it.
struct FindingLeader {
  LeaderId id;
  std::string name;
  std::string post;
  FindingLeader() = default;
  FindingLeader(LeaderId i) : id(i) {}  // NOLINT(google-explicit-constructor): as sent, by id
};

// What a finding says. Sealed at rest with the server's content key (like a report's content):
// it names the unit's cadres and what they did.
struct FindingContent {
  std::string title;        // one line: what is wrong
  std::string description;  // the facts as established
  std::string evidence;     // where they come from: interviews, documents, reports
  // Roster leaders of the finding's unit it concerns. A draft as sent names them by id; the
  // app fills in name and post from the roster before sealing.
  std::vector<FindingLeader> leaders;
};

// A finding as written or edited by a member of its group.
struct FindingDraft {
  AssignmentId assignment_id;  // the group's stationing at the unit
  std::optional<FocusItemId> focus_item_id;
  std::vector<Discipline> disciplines;
  FindingContent content;
  bool demo = false;  // set by the demo builder only
};

inline constexpr std::size_t kMaxFindingTitleChars = 100;
inline constexpr std::size_t kMaxFindingTextChars = 20000;
inline constexpr std::size_t kMaxFindingEvidenceChars = 5000;
inline constexpr std::size_t kMaxFindingLeaders = 20;

// Field names as in the API: "assignment_id", "title", "description", "evidence",
// "disciplines", "leaders".
FieldErrors ValidateFindingDraft(const FindingDraft& d);
// "leaders": too_many, duplicate, invalid_value (shared with clues).
void CheckLeaderIds(FieldErrors& e, const std::vector<FindingLeader>& leaders);

struct Finding {
  FindingId id;
  int version = 1;
  AssignmentId assignment_id;
  RoundId round_id;
  GroupId group_id;
  UnitId unit_id;
  std::optional<FocusItemId> focus_item_id;
  FindingState state = FindingState::kDraft;
  std::vector<Discipline> disciplines;
  UserId created_by;
  UnixSeconds created_at = 0;
  std::optional<UserId> updated_by;
  UnixSeconds updated_at = 0;
  bool demo = false;
  FindingContent content;  // stored sealed; filled by the app after opening it
};

// New findings are written while the round is stationed (进驻) or reporting (报告).
inline bool FindingsOpen(RoundStatus s) {
  return s == RoundStatus::kStationing || s == RoundStatus::kReporting;
}

// Only a draft is edited; a confirmed or withdrawn finding is taken back to a draft first.
inline bool FindingEditable(FindingState s) { return s == FindingState::kDraft; }

}  // namespace xuncha
