#include "domain/inspector.h"

namespace xuncha {

std::string_view RelationKindName(RelationKind k) {
  return k == RelationKind::kKin ? "kin" : "superior";
}

std::optional<RelationKind> ParseRelationKind(std::string_view s) {
  if (s == "kin") return RelationKind::kKin;
  if (s == "superior") return RelationKind::kSuperior;
  return std::nullopt;
}

FieldErrors ValidateInspector(const Inspector& i) {
  FieldErrors e;
  CheckText(e, "name", i.name, true, 50);
  CheckText(e, "employer", i.employer, false, 100);
  CheckText(e, "post", i.post, false, 100);
  CheckText(e, "phone", i.phone, false, 40);
  if (i.history.size() > 100) e["history"] = "too_many";
  for (const auto& h : i.history) {
    if (h.org_name.empty() || Utf8Length(h.org_name) > 100) e["history"] = "required";
    if (h.to && *h.to < h.from) e["history"] = "date_order";
  }
  if (i.relations.size() > 100) e["relations"] = "too_many";
  for (const auto& r : i.relations) {
    if (r.person_name.empty() || Utf8Length(r.person_name) > 50 || !r.unit_id.valid()) {
      e["relations"] = "required";
    }
  }
  return e;
}

std::vector<RecusalConflict> CheckRecusal(const Inspector& inspector, const Unit& unit,
                                          const std::vector<Leader>& leaders, Date today) {
  std::vector<RecusalConflict> out;
  const Date cutoff = today.AddMonths(-12 * kRecusalYears);
  for (const auto& h : inspector.history) {
    bool same_unit = (h.unit_id && *h.unit_id == unit.id) || h.org_name == unit.name;
    if (!same_unit) continue;
    if (!h.to || *h.to >= cutoff) {
      std::string period = h.from.ToString() + " 至 " + (h.to ? h.to->ToString() : "今");
      out.push_back(
          {unit.id, unit.name,
           "曾在该单位工作（" + period + "），离开未满" + std::to_string(kRecusalYears) + "年"});
    }
  }
  for (const auto& r : inspector.relations) {
    if (r.unit_id != unit.id) continue;
    std::string post;
    for (const auto& l : leaders) {
      if (l.name == r.person_name && l.tier == LeaderTier::kLeadership) post = l.post;
    }
    std::string kind = r.relation == RelationKind::kKin ? "亲属关系" : "上下级关系";
    std::string who = post.empty() ? r.person_name : r.person_name + "（" + post + "）";
    out.push_back({unit.id, unit.name, "与该单位" + who + "存在" + kind + "（本人申报）"});
  }
  return out;
}

}  // namespace xuncha
