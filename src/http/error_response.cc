#include "http/error_response.h"

#include "http/messages.h"

namespace xuncha::http {

unsigned HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kValidation:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kAborted:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

nlohmann::json ErrorJson(const Error& e) {
  std::string key = e.key.empty() ? ErrorCodeName(e.code) : e.key;
  nlohmann::json body = {
      {"code", ErrorCodeName(e.code)}, {"key", key}, {"message", ErrorMessage(key)}};
  if (!e.fields.empty()) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, fkey] : e.fields) fields[name] = FieldMessage(fkey);
    body["fields"] = fields;
  }
  if (!e.detail_json.empty()) {
    auto detail = nlohmann::json::parse(e.detail_json, nullptr, false);
    if (detail.is_object()) {
      for (auto& [k, v] : detail.items()) body[k] = v;
    }
  }
  return {{"error", body}};
}

Response JsonResponse(unsigned status, const nlohmann::json& body, unsigned version,
                      bool keep_alive) {
  Response res{static_cast<bhttp::status>(status), version};
  res.set(bhttp::field::content_type, "application/json; charset=utf-8");
  res.set(bhttp::field::cache_control, "no-store");
  res.keep_alive(keep_alive);
  // Non-ASCII stays UTF-8; invalid UTF-8 from storage is replaced rather than thrown on.
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  res.prepare_payload();
  return res;
}

Response ErrorResponse(const Error& e, unsigned version, bool keep_alive) {
  return JsonResponse(HttpStatus(e.code), ErrorJson(e), version, keep_alive);
}

}  // namespace xuncha::http
