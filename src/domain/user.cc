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
constexpr std::array<std::pair<Organ, std::string_view>, 2> kOrgans = {{
    {Organ::kDisciplineCommission, "discipline_commission"},
    {Organ::kOrganisationDepartment, "organisation_department"},
}};
}  // namespace

std::string_view OrganName(Organ o) {
  for (const auto& [organ, name] : kOrgans) {
    if (organ == o) return name;
  }
  return "discipline_commission";
}

std::optional<Organ> ParseOrgan(std::string_view s) {
  for (const auto& [organ, name] : kOrgans) {
    if (name == s) return organ;
  }
  return std::nullopt;
}

std::string_view OrganChinese(Organ o) {
  return o == Organ::kOrganisationDepartment ? "组织部" : "纪委监委";
}

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
