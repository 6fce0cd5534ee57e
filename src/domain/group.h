// Inspection groups (巡察组) of a round, their members and their public channels.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"

namespace xuncha {

enum class MemberRole { kLeader, kDeputy, kMember };  // 组长 / 副组长 / 组员
std::string_view MemberRoleName(MemberRole r);
std::optional<MemberRole> ParseMemberRole(std::string_view s);

struct GroupMember {
  InspectorId inspector_id;
  std::string name;  // filled on read
  MemberRole role = MemberRole::kMember;
};

struct Group {
  GroupId id;
  int version = 1;
  RoundId round_id;
  int number = 0;    // 1 for 第一巡察组
  std::string name;  // 第一巡察组
  std::string duty_phone;
  std::string phone_hours;  // e.g. 工作日 8:30-17:30
  std::string mailbox;
  std::string postal_address;
  std::vector<std::string> suggestion_boxes;
  std::optional<Date> intake_cutoff;
  std::vector<GroupMember> members;
  bool demo = false;
};

FieldErrors ValidateGroup(const Group& g);

}  // namespace xuncha
