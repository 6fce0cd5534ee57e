// What findings and clues share: who works in a group, who leads it, and how the roster leaders
// a record concerns are checked and kept.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/actor.h"
#include "ports/store.h"

namespace xuncha {

// The caller is a member or the leader of `group` (group roles only).
Result<bool> WorksInGroup(Transaction& tx, const Actor& a, GroupId group);
// The caller is the leader (组长) of `group`: a group_leader account whose inspector leads it.
Result<bool> LeadsGroup(Transaction& tx, const Actor& a, GroupId group);

// Sets e["leaders"] = "not_in_unit" for a leader not on `unit`'s roster; fills in the others'
// names and posts as the roster has them now (a later roster change must not rename them).
Status FillRosterLeaders(Transaction& tx, UnitId unit, std::vector<FindingLeader>& leaders,
                         FieldErrors& e);

nlohmann::json LeadersJson(const std::vector<FindingLeader>& leaders);
// Also reads the older form, a bare id.
std::vector<FindingLeader> LeadersFromJson(const nlohmann::json& arr);

// The roster entries as a view shows them.
std::vector<Leader> LeaderViews(const std::vector<FindingLeader>& leaders, UnitId unit);

}  // namespace xuncha
