// Data scopes and role permissions: who may see and change which planning records.
// Every service call asks here first; an out-of-scope record is reported as kNotFound.
#pragma once

#include <algorithm>
#include <vector>

#include "app/actor.h"
#include "ports/store.h"

namespace xuncha {

// The records `user` may read:
//   office, leadership      everything;
//   group_leader/member     rounds where he sits in a group, those groups, their units;
//   unit                    his unit, its assignments' rounds and groups;
//   clue_recipient          rounds only;
//   admin                   nothing (accounts only; no case content).
Result<Scope> ScopeFor(Transaction& tx, const User& user);

template <typename IdT>
bool Contains(const std::vector<IdT>& ids, IdT id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
inline bool CanSeeRound(const Scope& s, RoundId id) { return s.all || Contains(s.rounds, id); }
inline bool CanSeeGroup(const Scope& s, GroupId id) { return s.all || Contains(s.groups, id); }
inline bool CanSeeUnit(const Scope& s, UnitId id) { return s.all || Contains(s.units, id); }

// The office plans: rounds, groups, units, inspectors, assignments.
inline bool CanPlan(const User& u) { return u.role == Role::kOffice; }

}  // namespace xuncha
