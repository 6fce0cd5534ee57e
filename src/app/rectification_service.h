// Use cases of rectification (整改, docs/rectification.md): the problem list a unit receives as
// feedback (the confirmed findings of its round once the round is in rectification), the
// measures (整改措施) the unit takes against each item, and the office's acceptance (验收销号).
//
// Who may do what:
//   office               reads every ledger; accepts a measure reported done, or returns it;
//   leadership           reads every ledger;
//   group leader/member  read their own groups' ledgers;
//   unit (liaison)       reads his unit's problem list (title, facts, focus item, disciplines:
//                        never the evidence, which may point to a reporter), writes and edits
//                        measures while they are planned, reports them done;
//   clue recipient, admin: nothing.
// Measures are written and moved only while the round is in rectification. Out of scope answers
// like a missing record (kNotFound).
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "app/finding_service.h"
#include "core/clock.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct MeasureView {
  Measure measure;  // content opened
  std::string unit_name;
  std::string problem_title;  // the finding it answers
  std::string created_by_name;
  std::string updated_by_name;
  std::string accepted_by_name;
  bool overdue = false;
  // For the caller.
  bool editable = false;
  std::vector<MeasureState> allowed_transitions;
};

struct ProblemView {
  FindingView finding;  // title, facts, focus item, disciplines; never the evidence
  RoundStatus round_status = RoundStatus::kRectification;
  int measures = 0;
  int done = 0;
  int accepted = 0;
  int overdue = 0;
  ProblemStatus status = ProblemStatus::kNoMeasures;
  std::vector<MeasureView> measure_list;  // a detail only
  bool can_add_measure = false;           // a detail only
};

struct ProblemListFilter {
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<ProblemStatus> status;
};

// Which rectification records a caller may read.
struct RectificationScope {
  bool all = false;
  std::vector<GroupId> groups;
  std::optional<UnitId> unit;
  bool Sees(GroupId group, UnitId u) const {
    if (all) return true;
    if (unit) return *unit == u;
    return std::find(groups.begin(), groups.end(), group) != groups.end();
  }
};

struct MeasureMove {
  int version = 0;
  MeasureState to = MeasureState::kPlanned;
  std::string note;  // the completion (unit → done) or the reasons (office → planned)
};

class RectificationService {
 public:
  RectificationService(Store& store, Crypto& crypto, const Clock& clock, AuditLog& audit,
                       FindingService& findings, std::string content_key)
      : store_(store),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        findings_(findings),
        content_key_(std::move(content_key)) {}

  // The problem lists within the caller's scope, by round (newest), unit and checklist order.
  Result<Page<ProblemView>> Problems(const Actor& a, const ProblemListFilter& f,
                                     const PageRequest& p);
  // One item with its facts and measures (logged).
  Result<ProblemView> Problem(const Actor& a, FindingId id);

  // The unit's liaison, for an item of his unit's list while the round is in rectification.
  Result<MeasureView> Create(const Actor& a, const MeasureDraft& d);
  // The unit's liaison, while the measure is planned (kFailedPrecondition
  // "measure_not_editable"); kAborted for a stale version.
  Result<MeasureView> Update(const Actor& a, MeasureId id, int version, const MeasureDraft& d);
  // The unit reports done (note: the completion, required); the office accepts, or returns with
  // its reasons (note required). Others who may read it: kPermissionDenied
  // "measure_move_forbidden".
  Result<MeasureView> Move(const Actor& a, MeasureId id, const MeasureMove& m);

  // ---- for search ----
  Result<RectificationScope> ScopeFor(Transaction& tx, const Actor& a);
  // The findings now on a problem list (confirmed, round in rectification or closed): a
  // measure is searched only while its problem is one of them.
  static Result<std::set<std::int64_t>> ProblemIds(Transaction& tx);
  Result<std::string> SearchText(const MeasureRecord& rec);
  Result<std::vector<MeasureView>> Summaries(const Actor& a, const std::vector<MeasureId>& ids);

 private:
  // The confirmed, fed-back finding `id` within the caller's scope (kNotFound otherwise).
  Result<FindingRecord> LoadProblem(Transaction& tx, const Actor& a, FindingId id);
  Result<MeasureRecord> LoadMeasure(Transaction& tx, const Actor& a, MeasureId id);
  Status CheckOpen(Transaction& tx, RoundId round);
  Result<MeasureView> View(Transaction& tx, const Actor& a, const MeasureRecord& rec);
  Result<ProblemView> ProblemOf(Transaction& tx, const Actor& a, const ProblemRow& row,
                                bool detail);
  std::string Seal(const MeasureContent& c, MeasureId id);
  Result<MeasureContent> Open(const MeasureRecord& rec);
  Date Today() const;

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  FindingService& findings_;
  std::string content_key_;
};

}  // namespace xuncha
