// ErrorCode -> HTTP status, in exactly one place, and the JSON error envelope:
// {"error": {"code", "key", "message" (Chinese), "fields": {name: Chinese}, ...detail}}.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "http/http_types.h"

namespace xuncha::http {

unsigned HttpStatus(ErrorCode code);
nlohmann::json ErrorJson(const Error& e);
Response ErrorResponse(const Error& e, unsigned version, bool keep_alive);
Response JsonResponse(unsigned status, const nlohmann::json& body, unsigned version,
                      bool keep_alive);

}  // namespace xuncha::http
