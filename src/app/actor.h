// Who is making a request: the signed-in user and where the request came from (staff only: the
// address of a public reporter is never recorded).
#pragma once

#include <string>

#include "domain/user.h"

namespace xuncha {

struct Actor {
  User user;
  std::string ip;
  // The user's X25519 secret key, unlocked by his session for this request; empty when he has
  // none yet (he gets one at his next sign-in). Never stored or logged.
  std::string secret_key;
};

// The actor for work the system does by itself (migrations, the demo, the CLI).
inline Actor SystemActor(std::string what) {
  Actor a;
  a.user.username = std::move(what);
  a.user.role = Role::kOffice;
  a.ip = "local";
  return a;
}

}  // namespace xuncha
