// Error vocabulary shared by every layer. Modelled on Abseil's canonical status codes, cut down
// to the ones Xuncha uses. Each code says *when* to use it; ErrorCode -> HTTP status is mapped
// in exactly one place (src/http/error_response.cc).
#pragma once

#include <map>
#include <string>
#include <utility>

namespace xuncha {

enum class ErrorCode {
  // The request is malformed independent of system state: bad JSON, a bad query parameter.
  kInvalidArgument,
  // One or more fields of an otherwise well-formed request are invalid; `fields` says which.
  kValidation,
  // The caller is not logged in, or the session has expired.
  kUnauthenticated,
  // The caller is logged in but may not do this (role, CSRF). Never used for data scopes:
  // an out-of-scope record answers kNotFound so that its existence is not revealed.
  kPermissionDenied,
  // The record does not exist, or lies outside the caller's data scope.
  kNotFound,
  // A record with the same unique key exists.
  kAlreadyExists,
  // The system is not in the state the operation needs (recusal conflict, password change due).
  kFailedPrecondition,
  // A write conflict: the caller's `version` is stale. Retry after re-reading.
  kAborted,
  // The request body exceeds the configured limit.
  kPayloadTooLarge,
  // Too many attempts (login lockout, rate limit).
  kResourceExhausted,
  // A dependency is down or the server is shutting down; retrying later may succeed.
  kUnavailable,
  // A bug or an unexpected failure of a dependency.
  kInternal,
};

// Stable wire name of a code, e.g. "not_found".
const char* ErrorCodeName(ErrorCode code);

// An error value. `message` is for the log (English, may hold detail); `key` names the user-facing
// Chinese text (see src/http/messages.cc); `fields` maps a field name to its Chinese message;
// `detail` carries structured extra data (JSON text) some errors hand to the client, e.g. recusal
// conflicts.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string key;
  std::map<std::string, std::string> fields;
  std::string detail_json;

  static Error Make(ErrorCode c, std::string msg, std::string k = {}) {
    Error e;
    e.code = c;
    e.message = std::move(msg);
    e.key = std::move(k);
    return e;
  }
};

inline Error NotFound(std::string what) {
  return Error::Make(ErrorCode::kNotFound, std::move(what) + " not found", "not_found");
}
inline Error Internal(std::string what) {
  return Error::Make(ErrorCode::kInternal, std::move(what), "internal");
}
inline Error InvalidArgument(std::string what, std::string key = "invalid_argument") {
  return Error::Make(ErrorCode::kInvalidArgument, std::move(what), std::move(key));
}
inline Error Forbidden(std::string what, std::string key = "permission_denied") {
  return Error::Make(ErrorCode::kPermissionDenied, std::move(what), std::move(key));
}
inline Error Stale(std::string what) {
  return Error::Make(ErrorCode::kAborted, std::move(what) + ": stale version", "stale_version");
}

}  // namespace xuncha
