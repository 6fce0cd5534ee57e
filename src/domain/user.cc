#include "domain/user.h"

#include <array>
#include <utility>

namespace xuncha {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 7> kRoles = {{
    {Role::kOffice, "office"},
    {Role::kGroupLeader, "group_leader"},
    {Role::kGroupMember, "group_member"},
    {Role::kUnit, "unit"},
    {Role::kClueRecipient, "clue_recipient"},
    {Role::kLeadership, "leadership"},
    {Role::kAdmin, "admin"},
}};
}  // namespace

std::string_view RoleName(Role r) {
  for (const auto& [role, name] : kRoles) {
    if (role == r) return name;
  }
  return "office";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (const auto& [role, name] : kRoles) {
    if (name == s) return role;
  }
  return std::nullopt;
}

bool IsGroupRole(Role r) { return r == Role::kGroupLeader || r == Role::kGroupMember; }

}  // namespace xuncha
