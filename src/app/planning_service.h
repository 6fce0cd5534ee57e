// Use cases of round planning: terms, rounds and their focus checklist, groups and members
// (with the recusal rule), units and rosters, the inspector pool, assignments and announcements.
//
// Every call takes the Actor first, checks the role, computes the actor's data scope and applies
// it to the query. Out-of-scope records answer kNotFound. Every change is written to the audit
// log in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "ports/store.h"

namespace xuncha {

struct GroupFilter {
  std::optional<RoundId> round_id;
};

class PlanningService {
 public:
  PlanningService(Store& store, const Clock& clock, AuditLog& audit)
      : store_(store), clock_(clock), audit_(audit) {}

  Result<std::vector<Term>> ListTerms(const Actor& a);
  Result<Term> CreateTerm(const Actor& a, Term t);

  Result<Page<RoundSummary>> ListRounds(const Actor& a, const RoundFilter& f, const PageRequest& p);
  Result<RoundSummary> GetRound(const Actor& a, RoundId id);
  // Seeds the focus checklist from the default template.
  Result<RoundSummary> CreateRound(const Actor& a, Round r);
  Result<RoundSummary> UpdateRound(const Actor& a, const Round& r);

  Result<std::vector<FocusItem>> ListFocus(const Actor& a, RoundId round);
  Result<FocusItem> AddFocus(const Actor& a, FocusItem f);
  Result<FocusItem> UpdateFocus(const Actor& a, const FocusItem& f);
  Status DeleteFocus(const Actor& a, FocusItemId id);

  Result<std::vector<Group>> ListGroups(const Actor& a, const GroupFilter& f);
  Result<Group> GetGroup(const Actor& a, GroupId id);
  Result<Group> CreateGroup(const Actor& a, Group g);
  // Office, or the group's own leader (channels only).
  Result<Group> UpdateGroup(const Actor& a, const Group& g);
  // Refuses with kFailedPrecondition (key "recusal", detail_json = the conflicts) when the
  // inspector must recuse from a unit the group holds; an office override with a reason is
  // accepted and logged.
  Result<Group> AddMember(const Actor& a, GroupId g, InspectorId i, MemberRole role,
                          const std::string& override_reason);
  Result<Group> RemoveMember(const Actor& a, GroupId g, InspectorId i);

  Result<Page<Unit>> ListUnits(const Actor& a, const std::string& q, const PageRequest& p);
  Result<Unit> GetUnit(const Actor& a, UnitId id);
  Result<Unit> CreateUnit(const Actor& a, Unit u);
  Result<Unit> UpdateUnit(const Actor& a, const Unit& u);
  Result<std::vector<Leader>> ListLeaders(const Actor& a, UnitId unit);
  Result<Leader> AddLeader(const Actor& a, Leader l);
  Result<Leader> UpdateLeader(const Actor& a, const Leader& l);
  Status DeleteLeader(const Actor& a, LeaderId id);
  // Replaces the unit's roster with `leaders` in one transaction.
  Result<int> ReplaceRoster(const Actor& a, UnitId unit, std::vector<Leader> leaders);

  Result<Page<Inspector>> ListInspectors(const Actor& a, const std::string& q,
                                         const PageRequest& p);
  Result<Inspector> GetInspector(const Actor& a, InspectorId id);
  Result<Inspector> CreateInspector(const Actor& a, Inspector i);
  Result<Inspector> UpdateInspector(const Actor& a, const Inspector& i);

  Result<std::vector<AssignmentView>> ListAssignments(const Actor& a, const AssignmentFilter& f);
  Result<AssignmentView> GetAssignment(const Actor& a, AssignmentId id);
  // Checks recusal of the group's members against the unit, like AddMember.
  Result<AssignmentView> CreateAssignment(const Actor& a, Assignment as,
                                          const std::string& override_reason);
  // Office, or the leader of the assignment's group (meeting details and notice date only).
  // Moving it to another group or unit checks recusal again, like CreateAssignment.
  Result<AssignmentView> UpdateAssignment(const Actor& a, const Assignment& as,
                                          const std::string& override_reason = "");
  Result<Announcement> GetAnnouncement(const Actor& a, AssignmentId id);

  Result<Page<AuditEntry>> ListAudit(const Actor& a, const PageRequest& p);
  Result<Page<LoginRecord>> ListLogins(const Actor& a, const PageRequest& p);

  Date Today() const;

 private:
  Status RequirePlanner(const Actor& a) const;
  Status ScopeCounts(Transaction& tx, const User& u, const Scope& s, RoundSummary& r);
  Result<bool> IsLeaderOf(Transaction& tx, const User& u, GroupId g);
  // Recusal conflicts of `inspector` against every unit in `units`.
  Result<std::vector<RecusalConflict>> Conflicts(Transaction& tx, const Inspector& inspector,
                                                 const std::vector<UnitId>& units);
  // Recusal conflicts of every member of `group` against `unit`, each prefixed by the name.
  Result<std::vector<RecusalConflict>> GroupConflicts(Transaction& tx, const Group& group,
                                                      UnitId unit);
  Status Log(Transaction& tx, const Actor& a, const std::string& action, const std::string& type,
             std::int64_t id, const std::string& detail = "");

  Store& store_;
  const Clock& clock_;
  AuditLog& audit_;
};

}  // namespace xuncha
