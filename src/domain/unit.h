// Inspected units (被巡察单位), their Party organisation and leadership roster.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"

namespace xuncha {

enum class PartyOrgKind { kPartyGroup, kPartyCommittee, kGeneralBranch, kPartyBranch };
std::string_view PartyOrgKindName(PartyOrgKind k);
std::optional<PartyOrgKind> ParsePartyOrgKind(std::string_view s);

struct Unit {
  UnitId id;
  int version = 1;
  std::string name;  // 市应急管理局
  std::string kind;  // free text: 党委部门 / 政府部门 / 审判机关 / 事业单位 ...
  std::optional<UnitId> parent_id;
  std::string party_org_name;  // 中共XX市应急管理局党组
  PartyOrgKind party_org_kind = PartyOrgKind::kPartyGroup;
  bool demo = false;
};

// 领导班子成员 or 下一级党组织领导干部.
enum class LeaderTier { kLeadership, kSubordinate };
std::string_view LeaderTierName(LeaderTier t);
std::optional<LeaderTier> ParseLeaderTier(std::string_view s);

struct Leader {
  LeaderId id;
  int version = 1;
  UnitId unit_id;
  std::string name;
  std::string post;  // 党组书记、局长
  LeaderTier tier = LeaderTier::kLeadership;
  std::string org_name;  // for subordinates: the subordinate organisation
  Date term_from;
  std::optional<Date> term_to;
};

FieldErrors ValidateUnit(const Unit& u);
FieldErrors ValidateLeader(const Leader& l);

}  // namespace xuncha
