// Result<T>: a value or an Error. Functions that can fail return it and are [[nodiscard]].
// XUNCHA_TRY / XUNCHA_ASSIGN_OR_RETURN propagate errors as Abseil's status macros do.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.h"

namespace xuncha {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // On a temporary, `*F()` yields the value itself, so that `for (x : *F())` cannot dangle.
  T operator*() && { return std::move(value()); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok().
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : err_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return err_; }
  Error&& error() && { return std::move(err_); }

 private:
  Error err_;
  bool ok_ = true;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace xuncha

#define XUNCHA_CONCAT_INNER(a, b) a##b
#define XUNCHA_CONCAT(a, b) XUNCHA_CONCAT_INNER(a, b)

// Evaluates `expr` (a Result); returns its error from the enclosing function if it failed.
#define XUNCHA_TRY(expr)                                            \
  do {                                                              \
    auto xuncha_try_r = (expr);                                     \
    if (!xuncha_try_r.ok()) return std::move(xuncha_try_r).error(); \
  } while (0)

// `XUNCHA_ASSIGN_OR_RETURN(auto x, F())`: binds the value or returns the error.
#define XUNCHA_ASSIGN_OR_RETURN(lhs, expr) \
  XUNCHA_ASSIGN_OR_RETURN_IMPL(XUNCHA_CONCAT(xuncha_r_, __LINE__), lhs, expr)
#define XUNCHA_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return std::move(tmp).error();      \
  lhs = std::move(tmp).value()
