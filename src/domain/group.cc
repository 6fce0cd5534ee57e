#include "domain/group.h"

namespace xuncha {

std::string_view MemberRoleName(MemberRole r) {
  switch (r) {
    case MemberRole::kLeader:
      return "leader";
    case MemberRole::kDeputy:
      return "deputy";
    case MemberRole::kMember:
      return "member";
  }
  return "member";
}

std::optional<MemberRole> ParseMemberRole(std::string_view s) {
  if (s == "leader") return MemberRole::kLeader;
  if (s == "deputy") return MemberRole::kDeputy;
  if (s == "member") return MemberRole::kMember;
  return std::nullopt;
}

FieldErrors ValidateGroup(const Group& g) {
  FieldErrors e;
  CheckText(e, "name", g.name, true, 50);
  if (g.number < 1 || g.number > 99) e["number"] = "out_of_range";
  if (!g.round_id.valid()) e["round_id"] = "required";
  CheckText(e, "duty_phone", g.duty_phone, false, 40);
  CheckText(e, "phone_hours", g.phone_hours, false, 100);
  CheckText(e, "postal_address", g.postal_address, false, 200);
  CheckText(e, "mailbox", g.mailbox, false, 120);
  if (!g.mailbox.empty() && g.mailbox.find('@') == std::string::npos) e["mailbox"] = "email";
  if (g.suggestion_boxes.size() > 50) e["suggestion_boxes"] = "too_many";
  for (const auto& b : g.suggestion_boxes) {
    if (Utf8Length(b) > 200 || b.empty()) e["suggestion_boxes"] = "too_long";
  }
  return e;
}

}  // namespace xuncha
