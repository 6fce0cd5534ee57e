#include "domain/round.h"

#include <array>
#include <utility>

namespace xuncha {
namespace {
constexpr std::array<std::pair<RoundType, std::string_view>, 4> kTypes = {{
    {RoundType::kRegular, "regular"},
    {RoundType::kSpecial, "special"},
    {RoundType::kMobile, "mobile"},
    {RoundType::kLookback, "lookback"},
}};
constexpr std::array<std::pair<RoundStatus, std::string_view>, 5> kStatuses = {{
    {RoundStatus::kPlanning, "planning"},
    {RoundStatus::kStationing, "stationing"},
    {RoundStatus::kReporting, "reporting"},
    {RoundStatus::kRectification, "rectification"},
    {RoundStatus::kClosed, "closed"},
}};

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, name] : table) {
    if (e == v) return name;
  }
  return table[0].second;
}
template <typename E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}
}  // namespace

std::string_view RoundTypeName(RoundType t) { return NameOf(kTypes, t); }
std::optional<RoundType> ParseRoundType(std::string_view s) { return Parse(kTypes, s); }
std::string_view RoundStatusName(RoundStatus s) { return NameOf(kStatuses, s); }
std::optional<RoundStatus> ParseRoundStatus(std::string_view s) { return Parse(kStatuses, s); }

FieldErrors ValidateTerm(const Term& t) {
  FieldErrors e;
  CheckText(e, "name", t.name, true, 50);
  if (t.number < 1 || t.number > 99) e["number"] = "out_of_range";
  if (t.end_date && *t.end_date < t.start_date) e["end_date"] = "date_order";
  return e;
}

FieldErrors ValidateRound(const Round& r) {
  FieldErrors e;
  CheckText(e, "name", r.name, true, 100);
  if (!r.term_id.valid()) e["term_id"] = "required";
  if (r.number < 1 || r.number > 99) e["number"] = "out_of_range";
  if (r.end_date < r.start_date) e["end_date"] = "date_order";
  return e;
}

FieldErrors ValidateFocusItem(const FocusItem& f) {
  FieldErrors e;
  CheckText(e, "title", f.title, true, 500);
  if (f.position < 0 || f.position > 10000) e["position"] = "out_of_range";
  return e;
}

const std::vector<FocusTemplateItem>& DefaultFocusTemplate() {
  static const std::vector<FocusTemplateItem> kTemplate = {
      {-1, "落实党的路线方针政策和党中央重大决策部署情况"},
      {0, "学习贯彻习近平新时代中国特色社会主义思想和党的重要会议精神情况"},
      {0, "贯彻落实上级重大决策部署情况"},
      {0, "履行核心职能、防范化解重大风险情况"},
      {-1, "落实全面从严治党战略部署情况"},
      {4, "意识形态工作责任制和宗教工作方针政策落实情况"},
      {4, "全面从严治党主体责任和监督责任落实情况"},
      {4, "党风廉政建设和反腐败斗争情况"},
      {4, "整治形式主义、官僚主义等“四风”问题情况"},
      {-1, "落实新时代党的组织路线情况"},
      {9, "领导班子建设情况"},
      {9, "选人用人和干部队伍建设情况"},
      {9, "机关党建和基层党建情况"},
      {-1, "落实巡视巡察、审计、主题教育整改情况"},
      {13, "整改主体责任和监督责任落实情况"},
      {13, "整改实效和长效机制建立情况"},
  };
  return kTemplate;
}

std::string ChineseNumber(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"零", "一", "二", "三", "四",
                                                               "五", "六", "七", "八", "九"};
  if (n < 0 || n >= 100) return std::to_string(n);
  if (n < 10) return std::string(kDigits[static_cast<std::size_t>(n)]);
  std::string s;
  if (n / 10 > 1) s += kDigits[static_cast<std::size_t>(n / 10)];
  s += "十";
  if (n % 10 != 0) s += kDigits[static_cast<std::size_t>(n % 10)];
  return s;
}

}  // namespace xuncha
