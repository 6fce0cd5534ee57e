// The inspector pool (巡察干部人才库) and the recusal rule (回避).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"
#include "domain/unit.h"

namespace xuncha {

struct WorkHistoryEntry {
  std::string org_name;
  std::optional<UnitId> unit_id;  // set when the organisation is a unit in the system
  Date from;
  std::optional<Date> to;  // nullopt: still there
};

enum class RelationKind { kKin, kSuperior };  // 亲属关系 / 上下级关系
std::string_view RelationKindName(RelationKind k);
std::optional<RelationKind> ParseRelationKind(std::string_view s);

// A relation the inspector declared with someone in a unit's leadership.
struct DeclaredRelation {
  std::string person_name;
  UnitId unit_id;
  RelationKind relation = RelationKind::kKin;
  std::string note;
};

struct Inspector {
  InspectorId id;
  int version = 1;
  std::string name;
  std::string employer;
  std::string post;
  std::string phone;
  std::vector<WorkHistoryEntry> history;
  std::vector<DeclaredRelation> relations;
  bool demo = false;
};

FieldErrors ValidateInspector(const Inspector& i);

// Why an inspector must not inspect a unit.
struct RecusalConflict {
  UnitId unit_id;
  std::string unit_name;
  std::string reason;  // Chinese, shown to the office as is
};

// Years after leaving a unit during which an inspector may not inspect it.
inline constexpr int kRecusalYears = 3;

// The recusal rule: `inspector` may not inspect `unit` (whose current roster is `leaders`) on
// `today` if he worked there within kRecusalYears (or still does), or declared a kin or superior
// relation with someone in its leadership. Returns one conflict per reason; empty means allowed.
std::vector<RecusalConflict> CheckRecusal(const Inspector& inspector, const Unit& unit,
                                          const std::vector<Leader>& leaders, Date today);

}  // namespace xuncha
