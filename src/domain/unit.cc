#include "domain/unit.h"

namespace xuncha {

std::string_view PartyOrgKindName(PartyOrgKind k) {
  switch (k) {
    case PartyOrgKind::kPartyGroup:
      return "party_group";
    case PartyOrgKind::kPartyCommittee:
      return "party_committee";
    case PartyOrgKind::kGeneralBranch:
      return "general_branch";
    case PartyOrgKind::kPartyBranch:
      return "party_branch";
  }
  return "party_group";
}

std::optional<PartyOrgKind> ParsePartyOrgKind(std::string_view s) {
  if (s == "party_group") return PartyOrgKind::kPartyGroup;
  if (s == "party_committee") return PartyOrgKind::kPartyCommittee;
  if (s == "general_branch") return PartyOrgKind::kGeneralBranch;
  if (s == "party_branch") return PartyOrgKind::kPartyBranch;
  return std::nullopt;
}

std::string_view LeaderTierName(LeaderTier t) {
  return t == LeaderTier::kLeadership ? "leadership" : "subordinate";
}

std::optional<LeaderTier> ParseLeaderTier(std::string_view s) {
  if (s == "leadership") return LeaderTier::kLeadership;
  if (s == "subordinate") return LeaderTier::kSubordinate;
  return std::nullopt;
}

FieldErrors ValidateUnit(const Unit& u) {
  FieldErrors e;
  CheckText(e, "name", u.name, true, 100);
  CheckText(e, "kind", u.kind, false, 50);
  CheckText(e, "party_org_name", u.party_org_name, false, 100);
  if (u.parent_id && *u.parent_id == u.id && u.id.valid()) e["parent_id"] = "self_parent";
  return e;
}

FieldErrors ValidateLeader(const Leader& l) {
  FieldErrors e;
  CheckText(e, "name", l.name, true, 50);
  CheckText(e, "post", l.post, true, 100);
  CheckText(e, "org_name", l.org_name, l.tier == LeaderTier::kSubordinate, 100);
  if (l.term_to && *l.term_to < l.term_from) e["term_to"] = "date_order";
  return e;
}

}  // namespace xuncha
