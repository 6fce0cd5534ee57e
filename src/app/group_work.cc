#include "app/group_work.h"

#include <algorithm>

#include "app/scope.h"

namespace xuncha {

Result<bool> WorksInGroup(Transaction& tx, const Actor& a, GroupId group) {
  if (!IsGroupRole(a.user.role) || !a.user.inspector_id) return false;
  XUNCHA_ASSIGN_OR_RETURN(auto groups, tx.GroupsOfInspector(*a.user.inspector_id));
  return Contains(groups, group);
}

Result<bool> LeadsGroup(Transaction& tx, const Actor& a, GroupId group) {
  // As PlanningService::IsLeaderOf: the account's role and the group's record must agree.
  if (a.user.role != Role::kGroupLeader) return false;
  XUNCHA_ASSIGN_OR_RETURN(bool works, WorksInGroup(tx, a, group));
  if (!works) return false;
  XUNCHA_ASSIGN_OR_RETURN(Group g, tx.GetGroup(group));
  for (const auto& m : g.members) {
    if (m.inspector_id == *a.user.inspector_id && m.role == MemberRole::kLeader) return true;
  }
  return false;
}

Status FillRosterLeaders(Transaction& tx, UnitId unit, std::vector<FindingLeader>& leaders,
                         FieldErrors& e) {
  if (leaders.empty()) return Ok();
  XUNCHA_ASSIGN_OR_RETURN(auto roster, tx.ListLeaders(unit));
  for (auto& l : leaders) {
    const auto on =
        std::find_if(roster.begin(), roster.end(), [&l](const Leader& x) { return x.id == l.id; });
    if (on == roster.end()) {
      e["leaders"] = "not_in_unit";
      continue;
    }
    l.name = on->name;
    l.post = on->post;
  }
  return Ok();
}

nlohmann::json LeadersJson(const std::vector<FindingLeader>& leaders) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : leaders) {
    out.push_back({{"id", l.id.value}, {"name", l.name}, {"post", l.post}});
  }
  return out;
}

std::vector<FindingLeader> LeadersFromJson(const nlohmann::json& arr) {
  std::vector<FindingLeader> out;
  if (!arr.is_array()) return out;
  for (const auto& l : arr) {
    FindingLeader fl;
    if (l.is_number_integer()) {  // written before names were kept: the id alone
      fl.id = LeaderId(l.get<std::int64_t>());
    } else if (l.is_object()) {
      fl.id = LeaderId(l.value("id", std::int64_t{0}));
      fl.name = l.value("name", "");
      fl.post = l.value("post", "");
    }
    out.push_back(std::move(fl));
  }
  return out;
}

std::vector<Leader> LeaderViews(const std::vector<FindingLeader>& leaders, UnitId unit) {
  std::vector<Leader> out;
  for (const auto& l : leaders) {
    Leader x;
    x.id = l.id;
    x.unit_id = unit;
    x.name = l.name;
    x.post = l.post;
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace xuncha
