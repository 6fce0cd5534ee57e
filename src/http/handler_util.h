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
Result<nlohmann::json> Body(const Ctx& ctx);
// The field errors as a kValidation error, or Ok.
Status Check(Fields& f);

// The body's "organ": nullopt when absent or null; an unknown value fails the field
// (invalid_value).
std::optional<Organ> OptOrgan(Fields& f);
// Compares without an early exit so that timing does not reveal how much of a token matched.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace xuncha::http
