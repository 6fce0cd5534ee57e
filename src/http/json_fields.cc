#include "http/json_fields.h"

namespace xuncha::http {

Result<nlohmann::json> ParseJsonObject(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgument("request body is not a JSON object", "malformed_json");
  }
  return j;
}

const nlohmann::json* Fields::Get(const char* name) const {
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::Has(const char* name) const { return Get(name) != nullptr; }

std::string Fields::Str(const char* name, const std::string& fallback) {
  const auto* v = Get(name);
  if (v == nullptr) return fallback;
  if (!v->is_string()) {
    Fail(name, "invalid_type");
    return fallback;
  }
  return v->get<std::string>();
}

int Fields::Int(const char* name, int fallback) {
  const auto* v = Get(name);
  if (v == nullptr) return fallback;
  if (!v->is_number_integer()) {
    Fail(name, "invalid_type");
    return fallback;
  }
  auto n = v->get<std::int64_t>();
  if (n < -1000000000 || n > 1000000000) {
    Fail(name, "out_of_range");
    return fallback;
  }
  return static_cast<int>(n);
}

std::optional<std::int64_t> Fields::OptId(const char* name) {
  const auto* v = Get(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer() || v->get<std::int64_t>() <= 0) {
    Fail(name, "invalid_type");
    return std::nullopt;
  }
  return v->get<std::int64_t>();
}

std::int64_t Fields::Id(const char* name) { return OptId(name).value_or(0); }

bool Fields::Bool(const char* name, bool fallback) {
  const auto* v = Get(name);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    Fail(name, "invalid_type");
    return fallback;
  }
  return v->get<bool>();
}

std::optional<Date> Fields::OptDate(const char* name) {
  const auto* v = Get(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fail(name, "invalid_date");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.empty()) return std::nullopt;
  auto d = Date::Parse(s);
  if (!d) Fail(name, "invalid_date");
  return d;
}

Date Fields::ReqDate(const char* name) {
  bool present = Has(name);
  auto d = OptDate(name);
  if (!d && !errors_.count(name)) Fail(name, present ? "invalid_date" : "required");
  (void)present;
  return d.value_or(Date());
}

std::vector<std::string> Fields::StrList(const char* name) {
  std::vector<std::string> out;
  const auto* v = Get(name);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    Fail(name, "invalid_type");
    return out;
  }
  for (const auto& x : *v) {
    if (!x.is_string()) {
      Fail(name, "invalid_type");
      return {};
    }
    out.push_back(x.get<std::string>());
  }
  return out;
}

nlohmann::json Fields::Obj(const char* name) {
  const auto* v = Get(name);
  if (v == nullptr) return nlohmann::json::object();
  if (!v->is_object()) {
    Fail(name, "invalid_type");
    return nlohmann::json::object();
  }
  return *v;
}

const nlohmann::json* Fields::Arr(const char* name) {
  const auto* v = Get(name);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    Fail(name, "invalid_type");
    return nullptr;
  }
  return v;
}

}  // namespace xuncha::http
