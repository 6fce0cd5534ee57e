#include "http/handler_util.h"

#include <charconv>
#include <cstdio>

#include "http/error_response.h"

namespace xuncha::http {
using nlohmann::json;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

Result<std::int64_t> ParseId(const std::string& s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size() || v <= 0) return NotFound("id");
  return v;
}

Result<std::int64_t> PathId(const Ctx& ctx, const char* name) {
  auto it = ctx.params.find(name);
  if (it == ctx.params.end()) return NotFound("id");
  return ParseId(it->second);
}

Result<std::optional<std::int64_t>> QueryId(const Ctx& ctx, const char* name) {
  auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return std::optional<std::int64_t>();
  auto id = ParseId(it->second);
  if (!id.ok()) return InvalidArgument(std::string("bad ") + name, "bad_query");
  return std::optional<std::int64_t>(*id);
}

Result<PageRequest> QueryPage(const Ctx& ctx) {
  PageRequest p;
  auto num = [&](const char* name, int lo, int hi, int& out) -> Status {
    auto it = ctx.query.find(name);
    if (it == ctx.query.end() || it->second.empty()) return Ok();
    int v = 0;
    auto r = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (r.ec != std::errc{} || r.ptr != it->second.data() + it->second.size() || v < lo || v > hi) {
      return InvalidArgument(std::string("bad ") + name, "bad_query");
    }
    out = v;
    return Ok();
  };
  XUNCHA_TRY(num("page", 1, 1000000, p.page));
  XUNCHA_TRY(num("page_size", 1, 200, p.page_size));
  return p;
}

std::string QueryStr(const Ctx& ctx, const char* name) {
  auto it = ctx.query.find(name);
  if (it == ctx.query.end()) return {};
  return it->second.substr(0, 200);
}

Response Json(const Ctx& ctx, const json& body, unsigned status) {
  return JsonResponse(status, body, ctx.req.version(), ctx.req.keep_alive());
}

Response NoContent(const Ctx& ctx) {
  Response res{bhttp::status::no_content, ctx.req.version()};
  res.keep_alive(ctx.req.keep_alive());
  res.set(bhttp::field::cache_control, "no-store");
  res.prepare_payload();
  return res;
}

Response Xlsx(const Ctx& ctx, std::string bytes, const char* filename) {
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type,
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  res.set(bhttp::field::content_disposition,
          std::string("attachment; filename=\"") + filename + "\"");
  res.set(bhttp::field::cache_control, "no-store");
  res.keep_alive(ctx.req.keep_alive());
  res.body() = std::move(bytes);
  res.prepare_payload();
  return res;
}

std::string ChinaTime(UnixSeconds t) {
  if (t <= 0) return "";
  constexpr int kOffset = 8 * 3600;
  const std::int64_t in_day = ((t + kOffset) % 86400 + 86400) % 86400;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day % 3600 / 60));
  return Date::OfTimestamp(t, kOffset).ToString() + " " + hm;
}

Result<json> Body(const Ctx& ctx) { return ParseJsonObject(ctx.req.body()); }

// Returns the field errors as a kValidation error, or Ok.
Status Check(Fields& f) {
  if (f.errors().empty()) return Ok();
  return ValidationError(f.errors());
}

// Compares without an early exit so that timing does not reveal how much of a token matched.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

std::optional<Organ> OptOrgan(Fields& f) {
  if (!f.Has("organ") || f.json()["organ"].is_null()) return std::nullopt;
  const auto& v = f.json()["organ"];
  std::optional<Organ> o;
  if (v.is_string()) o = ParseOrgan(v.get<std::string>());
  if (!o) f.Fail("organ", "invalid_value");
  return o;
}

Result<PlaceFilter> QueryPlace(const Ctx& ctx) {
  PlaceFilter p;
  XUNCHA_ASSIGN_OR_RETURN(auto round, QueryId(ctx, "round_id"));
  if (round) p.round_id = RoundId(*round);
  XUNCHA_ASSIGN_OR_RETURN(auto group, QueryId(ctx, "group_id"));
  if (group) p.group_id = GroupId(*group);
  XUNCHA_ASSIGN_OR_RETURN(auto unit, QueryId(ctx, "unit_id"));
  if (unit) p.unit_id = UnitId(*unit);
  return p;
}

void ReadDisciplines(Fields& f, std::vector<Discipline>& out) {
  for (const auto& key : f.StrList("disciplines")) {
    auto d = DisciplineFromKey(key);
    if (!d) {
      f.Fail("disciplines", "unknown_discipline");
      continue;
    }
    out.push_back(*d);
  }
}

void ReadLeaderIds(Fields& f, std::vector<FindingLeader>& out) {
  const nlohmann::json* arr = f.Arr("leaders");
  if (arr == nullptr) return;
  for (const auto& x : *arr) {
    if (!x.is_number_integer()) {
      f.Fail("leaders", "invalid_value");
      continue;
    }
    out.emplace_back(LeaderId(x.get<std::int64_t>()));
  }
}

}  // namespace xuncha::http
