// Rectification (整改): once a round is fed back, every confirmed finding of a unit is an item
// of its problem list (问题清单), and the unit answers each with measures (整改措施) that the
// office accepts and closes out (验收销号) or returns. Pure rules; the sealing of the measures'
// text lives in src/app/rectification_service.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"
#include "domain/finding.h"
#include "domain/round.h"

namespace xuncha {

using MeasureId = Id<struct MeasureTag>;

// 立行立改 (at once), 限期整改 (by a deadline), 长期坚持 (ongoing, no end date).
enum class MeasureKind { kImmediate, kByDeadline, kOngoing };
std::string_view MeasureKindName(MeasureKind k);
std::optional<MeasureKind> ParseMeasureKind(std::string_view s);
std::string_view MeasureKindChinese(MeasureKind k);

// 整改中 → 已完成 (the unit reports it done, 待验收) → 已销号 (the office accepts it); the office
// may return a done measure to 整改中 with its reasons.
enum class MeasureState { kPlanned, kDone, kAccepted };
std::string_view MeasureStateName(MeasureState s);
std::optional<MeasureState> ParseMeasureState(std::string_view s);
std::string_view MeasureStateChinese(MeasureState s);

// Who moves a measure: the unit's liaison, or the office.
enum class MeasureMover { kUnit, kOffice };
std::vector<MeasureState> AllowedMeasureTransitions(MeasureState from, MeasureMover who);

// The feedback reaches the unit when its round enters rectification; the ledger stays readable
// once the round is closed, but only a round in rectification takes measures and moves.
inline bool FedBack(RoundStatus s) {
  return s == RoundStatus::kRectification || s == RoundStatus::kClosed;
}
inline bool RectificationOpen(RoundStatus s) { return s == RoundStatus::kRectification; }

// The text of a measure, sealed at rest like the finding it answers.
struct MeasureContent {
  std::string content;                 // 整改措施: what the unit will do
  std::string responsible_department;  // 责任部门
  std::string responsible_leader;      // 责任领导 (and 责任人), as written
  std::string completion;              // 完成情况: what was done, when reported done
  std::string return_note;             // the office's reasons when it returned the measure
};

struct MeasureDraft {
  FindingId finding_id;
  std::optional<MeasureKind> kind;
  std::optional<Date> deadline;  // required for by_deadline
  MeasureContent content;        // content and responsibilities only
  bool demo = false;
};

inline constexpr std::size_t kMaxMeasureChars = 5000;
inline constexpr std::size_t kMaxResponsibleChars = 100;
inline constexpr std::size_t kMaxCompletionChars = 5000;

// Field names as in the API: "finding_id", "kind", "deadline", "content",
// "responsible_department", "responsible_leader".
FieldErrors ValidateMeasureDraft(const MeasureDraft& d);

struct Measure {
  MeasureId id;
  int version = 1;
  FindingId finding_id;
  AssignmentId assignment_id;
  RoundId round_id;
  GroupId group_id;
  UnitId unit_id;
  MeasureKind kind = MeasureKind::kByDeadline;
  std::optional<Date> deadline;
  MeasureState state = MeasureState::kPlanned;
  UnixSeconds done_at = 0;
  std::optional<UserId> accepted_by;
  UnixSeconds accepted_at = 0;
  UserId created_by;
  UnixSeconds created_at = 0;
  std::optional<UserId> updated_by;
  UnixSeconds updated_at = 0;
  bool demo = false;
  MeasureContent content;  // stored sealed
};

// Where a problem-list item stands, from its measures: none yet, being rectified, or every
// measure accepted (销号).
enum class ProblemStatus { kNoMeasures, kInProgress, kClosedOut };
std::string_view ProblemStatusName(ProblemStatus s);
std::optional<ProblemStatus> ParseProblemStatus(std::string_view s);
ProblemStatus StatusOf(const std::vector<MeasureState>& measures);

// A measure past its deadline and not yet done (逾期), on `today` (China time).
inline bool Overdue(const Measure& m, Date today) {
  return m.state == MeasureState::kPlanned && m.deadline && *m.deadline < today;
}

}  // namespace xuncha
