#include "app/scope.h"

namespace xuncha {
namespace {
template <typename IdT>
void AddUnique(std::vector<IdT>& v, IdT id) {
  if (!Contains(v, id)) v.push_back(id);
}
}  // namespace

Result<Scope> ScopeFor(Transaction& tx, const User& user) {
  Scope s;
  switch (user.role) {
    case Role::kOffice:
    case Role::kLeadership:
      s.all = true;
      return s;
    case Role::kAdmin:
      return s;
    case Role::kClueRecipient: {
      Scope all;
      all.all = true;
      XUNCHA_ASSIGN_OR_RETURN(auto page, tx.ListRounds(all, {}, {1, 100000}));
      for (const auto& r : page.items) s.rounds.push_back(r.round.id);
      return s;
    }
    case Role::kGroupLeader:
    case Role::kGroupMember: {
      if (!user.inspector_id) return s;
      XUNCHA_ASSIGN_OR_RETURN(s.groups, tx.GroupsOfInspector(*user.inspector_id));
      if (s.groups.empty()) return s;
      Scope by_group;
      by_group.groups = s.groups;
      XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx.ListAssignments(by_group, {}));
      for (const auto& a : assignments) AddUnique(s.units, a.assignment.unit_id);
      for (GroupId g : s.groups) {
        XUNCHA_ASSIGN_OR_RETURN(Group group, tx.GetGroup(g));
        AddUnique(s.rounds, group.round_id);
      }
      return s;
    }
    case Role::kUnit: {
      if (!user.unit_id) return s;
      s.units.push_back(*user.unit_id);
      Scope by_unit;
      by_unit.units = s.units;
      XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx.ListAssignments(by_unit, {}));
      for (const auto& a : assignments) {
        AddUnique(s.rounds, a.assignment.round_id);
        AddUnique(s.groups, a.assignment.group_id);
      }
      return s;
    }
  }
  return s;
}

}  // namespace xuncha
