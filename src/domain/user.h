// Accounts and roles. Who may see what is decided in src/app/scope.*; this file only names things.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/ids.h"

namespace xuncha {

enum class Role {
  kOffice,         // 巡察办
  kGroupLeader,    // 巡察组组长
  kGroupMember,    // 巡察组组员 (and deputies)
  kUnit,           // 被巡察单位联络人
  kClueRecipient,  // 纪委监委 / 组织部
  kLeadership,     // 领导小组: read-only dashboards
  kAdmin,          // system settings and accounts; no case content
};

// The organ a clue recipient (问题线索接收人) works for: clues are handed over (移交) to one.
enum class Organ {
  kDisciplineCommission,    // 纪委监委
  kOrganisationDepartment,  // 组织部
};
std::string_view OrganName(Organ o);
std::optional<Organ> ParseOrgan(std::string_view s);
std::string_view OrganChinese(Organ o);

std::string_view RoleName(Role r);
std::optional<Role> ParseRole(std::string_view s);
bool IsGroupRole(Role r);

struct User {
  UserId id;
  int version = 1;
  std::string username;
  std::string display_name;
  Role role = Role::kOffice;
  std::string password_hash;  // Argon2id string; never leaves the server
  bool must_change_password = false;
  bool custodian = false;  // 巡察办 leader: approves requests to see a reporter's identity
  bool disabled = false;
  int failed_logins = 0;
  UnixSeconds locked_until = 0;
  std::optional<InspectorId> inspector_id;  // group roles: the person in the inspector pool
  std::optional<UnitId> unit_id;            // role unit: the liaison's unit
  std::optional<Organ> organ;               // role clue_recipient: whose clues he receives
  bool demo = false;
};

// Lockout policy: after kMaxFailedLogins consecutive failures the account is locked for
// kLockoutSeconds. Pure rules so the tests can drive them with a fake clock.
struct LoginPolicy {
  int max_failed_logins = 5;
  UnixSeconds lockout_seconds = 15 * 60;
  UnixSeconds idle_timeout_seconds = 30 * 60;
  UnixSeconds absolute_timeout_seconds = 12 * 3600;
  std::size_t min_password_length = 10;
};

inline bool IsLocked(const User& u, UnixSeconds now) { return u.locked_until > now; }

}  // namespace xuncha
