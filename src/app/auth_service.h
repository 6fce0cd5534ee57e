// Sign-in, sessions and accounts.
//
// Sessions: the cookie carries a random 256-bit token; storage keeps only its hash, so a copy of
// the database does not let anyone sign in. A session ends after `idle_timeout` without use or
// `absolute_timeout` after sign-in, whichever comes first. Each session has its own CSRF token
// that state-changing requests must echo in a header.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "domain/user.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct SignedIn {
  std::string token;  // goes into the cookie; never stored
  std::string csrf_token;
  User user;
};

struct Authenticated {
  User user;
  std::string csrf_token;
  std::string secret_key;  // the user's key pair's secret, unlocked by the session token
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kOffice;
  std::string password;
  std::optional<InspectorId> inspector_id;
  std::optional<UnitId> unit_id;
  std::optional<Organ> organ;  // clue_recipient only
  bool must_change_password = true;
  bool custodian = false;  // office only
  bool demo = false;
};

class AuthService {
 public:
  AuthService(Store& store, PasswordHasher& hasher, Crypto& crypto, const Clock& clock,
              AuditLog& audit, LoginPolicy policy)
      : store_(store),
        hasher_(hasher),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        policy_(policy) {}

  // kUnauthenticated for a wrong username or password (the same answer for both),
  // kResourceExhausted while locked out. Every attempt goes to the login log.
  Result<SignedIn> Login(const std::string& username, const std::string& password,
                         const std::string& ip);
  // kUnauthenticated when the token is unknown, expired or the account disabled.
  Result<Authenticated> Authenticate(const std::string& token);
  Status Logout(const std::string& token);
  // Checks the old password; the new one must be long enough and differ from the old.
  Status ChangePassword(const Actor& actor, const std::string& old_password,
                        const std::string& new_password);

  // Accounts (admin and office).
  Result<User> CreateUser(const Actor& actor, const NewUser& nu);
  Result<User> UpdateUser(const Actor& actor, const User& changes);
  Status ResetPassword(const Actor& actor, UserId id, const std::string& password);
  Result<Page<User>> ListUsers(const Actor& actor, const PageRequest& page);
  Result<User> GetUser(const Actor& actor, UserId id);

  const LoginPolicy& policy() const { return policy_; }

 private:
  Status CheckAccountAdmin(const Actor& actor) const;
  FieldErrors CheckPassword(const std::string& password) const;

  Store& store_;
  PasswordHasher& hasher_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  LoginPolicy policy_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

}  // namespace xuncha
