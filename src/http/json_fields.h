// Reading request JSON into domain values while collecting per-field errors, so that one
// response names every bad field. Nothing here throws.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/field_errors.h"

namespace xuncha::http {

// Parses a request body: kInvalidArgument (malformed_json) unless it is a JSON object.
Result<nlohmann::json> ParseJsonObject(const std::string& body);

class Fields {
 public:
  explicit Fields(const nlohmann::json& j) : j_(j) {}

  bool Has(const char* name) const;
  std::string Str(const char* name, const std::string& fallback = "");
  int Int(const char* name, int fallback = 0);
  std::int64_t Id(const char* name);  // 0 when absent or null
  std::optional<std::int64_t> OptId(const char* name);
  bool Bool(const char* name, bool fallback = false);
  std::optional<Date> OptDate(const char* name);
  Date ReqDate(const char* name);
  std::vector<std::string> StrList(const char* name);
  // A nested object (empty object when absent).
  nlohmann::json Obj(const char* name);
  const nlohmann::json* Arr(const char* name);

  void Fail(const std::string& field, const std::string& key) { errors_.emplace(field, key); }
  FieldErrors& errors() { return errors_; }
  const nlohmann::json& json() const { return j_; }

 private:
  const nlohmann::json* Get(const char* name) const;
  const nlohmann::json& j_;
  FieldErrors errors_;
};

}  // namespace xuncha::http
