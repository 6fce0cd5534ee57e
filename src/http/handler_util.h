// Small helpers every route handler uses: ids and paging from the path and query, JSON bodies
// and responses, field checks.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/http_types.h"
#include "http/json_fields.h"
#include "ports/store.h"

namespace xuncha::http {

std::string_view Trim(std::string_view s);
// A positive decimal id; kNotFound otherwise (a malformed id is a missing record).
Result<std::int64_t> ParseId(const std::string& s);
Result<std::int64_t> PathId(const Ctx& ctx, const char* name = "id");
// kInvalidArgument "bad_query" for a malformed value; nullopt when absent.
Result<std::optional<std::int64_t>> QueryId(const Ctx& ctx, const char* name);
Result<PageRequest> QueryPage(const Ctx& ctx);
// The query parameter, at most 200 bytes; "" when absent.
std::string QueryStr(const Ctx& ctx, const char* name);
Response Json(const Ctx& ctx, const nlohmann::json& body, unsigned status = 200);
Response NoContent(const Ctx& ctx);
// An .xlsx download named `filename` (never cached: exports hold sealed content in the clear).
Response Xlsx(const Ctx& ctx, std::string bytes, const char* filename);
// "2026-11-29 17:52" in China time, as a spreadsheet reader expects it; "" for 0 (not yet).
std::string ChinaTime(UnixSeconds t);
Result<nlohmann::json> Body(const Ctx& ctx);
// The field errors as a kValidation error, or Ok.
Status Check(Fields& f);

// The optional query parameter `name` parsed by `parse` (returning std::optional<E>): nullopt
// when absent, kInvalidArgument "bad_query" when it names nothing `parse` knows.
template <typename Parse>
auto QueryEnum(const Ctx& ctx, const char* name, Parse parse)
    -> Result<decltype(parse(std::string_view()))> {
  const std::string v = QueryStr(ctx, name);
  if (v.empty()) return decltype(parse(std::string_view()))();
  auto out = parse(v);
  if (!out) return InvalidArgument(std::string("bad ") + name, "bad_query");
  return out;
}

// Where a list looks: the optional round_id, group_id and unit_id query parameters.
struct PlaceFilter {
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
};
Result<PlaceFilter> QueryPlace(const Ctx& ctx);

// The body's "disciplines" (keys; unknown_discipline for one it does not know) and "leaders"
// (roster leader ids; invalid_value for anything else), appended to `out`.
void ReadDisciplines(Fields& f, std::vector<Discipline>& out);
void ReadLeaderIds(Fields& f, std::vector<FindingLeader>& out);

// The body's "organ": nullopt when absent or null; an unknown value fails the field
// (invalid_value).
std::optional<Organ> OptOrgan(Fields& f);
// Compares without an early exit so that timing does not reveal how much of a token matched.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace xuncha::http
