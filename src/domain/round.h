// Terms (届) and rounds (轮) of inspection, and the round's focus checklist (巡察重点).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"

namespace xuncha {

struct Term {
  TermId id;
  int version = 1;
  std::string name;  // 五届市委
  int number = 0;    // 5
  Date start_date;
  std::optional<Date> end_date;
  bool demo = false;
};

enum class RoundType { kRegular, kSpecial, kMobile, kLookback };  // 常规/专项/机动/回头看
enum class RoundStatus { kPlanning, kStationing, kReporting, kRectification, kClosed };

std::string_view RoundTypeName(RoundType t);
std::optional<RoundType> ParseRoundType(std::string_view s);
std::string_view RoundStatusName(RoundStatus s);
std::optional<RoundStatus> ParseRoundStatus(std::string_view s);

struct Round {
  RoundId id;
  int version = 1;
  TermId term_id;
  int number = 0;    // 8 for 第八轮
  std::string name;  // 五届市委第八轮巡察
  RoundType type = RoundType::kRegular;
  Date start_date;
  Date end_date;
  RoundStatus status = RoundStatus::kPlanning;
  // The groups answer reporters' messages (some rounds take reports without replying).
  bool reporter_replies = true;
  bool demo = false;
};

FieldErrors ValidateTerm(const Term& t);
FieldErrors ValidateRound(const Round& r);

// One item of a round's focus checklist; items form a tree through parent_id.
struct FocusItem {
  FocusItemId id;
  int version = 1;
  RoundId round_id;
  std::optional<FocusItemId> parent_id;
  int position = 0;
  std::string title;
};

FieldErrors ValidateFocusItem(const FocusItem& f);

// The template seeded into every new round: the four implementations (四个落实) of the seed
// article with their sub-items. Parents come before their children; `parent` indexes into the
// returned vector (-1 for a root).
struct FocusTemplateItem {
  int parent;
  std::string title;
};
const std::vector<FocusTemplateItem>& DefaultFocusTemplate();

// "第八轮" style Chinese ordinal for small numbers.
std::string ChineseNumber(int n);

}  // namespace xuncha
