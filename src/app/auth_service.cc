#include "app/auth_service.h"

#include <cctype>

#include "app/user_keys.h"

namespace xuncha {

Result<SignedIn> AuthService::Login(const std::string& username, const std::string& password,
                                    const std::string& ip) {
  const UnixSeconds now = clock_.Now();
  // The Argon2id check runs outside any transaction so that it never holds the write lock.
  std::optional<User> found;
  std::optional<UserKeys> keys;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(found, rtx->FindUserByName(username));
    if (found) {
      XUNCHA_ASSIGN_OR_RETURN(keys, rtx->GetUserKeys(found->id));
    }
  }
  bool password_ok = false;
  std::string secret_key;
  std::optional<UserKeys> new_keys;
  if (found) {
    password_ok = hasher_.Verify(found->password_hash, password);
    if (password_ok) {
      // Unlock his key pair with the password, or make one (first sign-in, or after a reset).
      auto unlocked = keys ? UnlockSecretKey(crypto_, hasher_, *keys, password)
                           : Result<std::string>(Error::Make(ErrorCode::kNotFound, "no keys"));
      if (unlocked.ok()) {
        secret_key = *std::move(unlocked);
      } else {
        XUNCHA_ASSIGN_OR_RETURN(NewKeys nk, MakeUserKeys(crypto_, hasher_, password));
        new_keys = nk.stored;
        secret_key = nk.secret_key;
      }
    }
  } else {
    // Spend the same time as a real check so that timing does not reveal which names exist.
    std::call_once(dummy_once_, [this] { dummy_hash_ = hasher_.Hash("xuncha-dummy").value(); });
    (void)hasher_.Verify(dummy_hash_, password);
  }

  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  LoginRecord rec{0, now, username.substr(0, 64), false, "", ip};
  auto fail = [&](std::string reason, Error err) -> Result<SignedIn> {
    rec.reason = std::move(reason);
    XUNCHA_TRY(tx->AppendLogin(rec));
    XUNCHA_TRY(tx->Commit());
    return err;
  };
  const Error bad = Error::Make(ErrorCode::kUnauthenticated, "bad credentials", "bad_credentials");
  if (!found) return fail("unknown_user", bad);
  // Re-read: the counters may have moved while the hash was checked.
  XUNCHA_ASSIGN_OR_RETURN(User u, tx->GetUser(found->id));
  if (u.disabled) return fail("disabled", bad);
  if (IsLocked(u, now)) {
    return fail("locked", Error::Make(ErrorCode::kResourceExhausted, "account locked", "locked"));
  }
  if (!password_ok || u.password_hash != found->password_hash) {
    int failures = u.failed_logins + 1;
    UnixSeconds locked_until = 0;
    if (failures >= policy_.max_failed_logins) {
      locked_until = now + policy_.lockout_seconds;
      failures = 0;
    }
    XUNCHA_TRY(tx->SetLoginState(u.id, failures, locked_until));
    return fail(locked_until != 0 ? "bad_password_now_locked" : "bad_password", bad);
  }
  XUNCHA_TRY(tx->SetLoginState(u.id, 0, 0));
  if (new_keys) XUNCHA_TRY(tx->PutUserKeys(u.id, *new_keys));
  SignedIn out;
  out.token = crypto_.RandomToken(32);
  out.csrf_token = crypto_.RandomToken(24);
  XUNCHA_TRY(tx->InsertSession({crypto_.HashHex(out.token), u.id, out.csrf_token, now, now,
                                LockForSession(crypto_, out.token, secret_key)}));
  rec.ok = true;
  rec.reason = "ok";
  XUNCHA_TRY(tx->AppendLogin(rec));
  XUNCHA_TRY(tx->Commit());
  u.failed_logins = 0;
  u.locked_until = 0;
  out.user = u;
  return out;
}

Result<Authenticated> AuthService::Authenticate(const std::string& token) {
  const Error unauth = Error::Make(ErrorCode::kUnauthenticated, "no session", "unauthenticated");
  if (token.empty() || token.size() > 128) return unauth;
  const UnixSeconds now = clock_.Now();
  const std::string hash = crypto_.HashHex(token);
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto s, tx->FindSession(hash));
  if (!s) return unauth;
  if (now - s->last_seen_at > policy_.idle_timeout_seconds ||
      now - s->created_at > policy_.absolute_timeout_seconds) {
    XUNCHA_TRY(tx->DeleteSession(hash));
    XUNCHA_TRY(tx->Commit());
    return Error::Make(ErrorCode::kUnauthenticated, "session expired", "session_expired");
  }
  XUNCHA_ASSIGN_OR_RETURN(User u, tx->GetUser(s->user_id));
  if (u.disabled) return unauth;
  // Touch at most once a minute: saves a disk sync on every request.
  if (now - s->last_seen_at >= 60) {
    XUNCHA_TRY(tx->TouchSession(hash, now));
    XUNCHA_TRY(tx->Commit());
  }
  // A session from before keys existed, or whose box does not open, simply has no key.
  auto secret = UnlockForSession(crypto_, token, s->key_box);
  return Authenticated{std::move(u), s->csrf_token, secret.ok() ? *std::move(secret) : ""};
}

Status AuthService::Logout(const std::string& token) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->DeleteSession(crypto_.HashHex(token)));
  return tx->Commit();
}

FieldErrors AuthService::CheckPassword(const std::string& password) const {
  FieldErrors e;
  if (Utf8Length(password) < policy_.min_password_length) {
    e["password"] = "password_too_short";
  } else if (password.size() > 256) {
    e["password"] = "too_long";
  }
  return e;
}

Status AuthService::ChangePassword(const Actor& actor, const std::string& old_password,
                                   const std::string& new_password) {
  FieldErrors errors = CheckPassword(new_password);
  if (errors.count("password")) {
    errors["new_password"] = errors["password"];
    errors.erase("password");
  }
  if (new_password == old_password) errors["new_password"] = "password_unchanged";
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(User u, tx->GetUser(actor.user.id));
  if (!hasher_.Verify(u.password_hash, old_password)) {
    return ValidationError({{"old_password", "wrong_password"}});
  }
  XUNCHA_ASSIGN_OR_RETURN(u.password_hash, hasher_.Hash(new_password));
  u.must_change_password = false;
  XUNCHA_TRY(tx->UpdateUser(u));
  // Re-lock his secret key under the new password (the key pair itself stays the same).
  XUNCHA_ASSIGN_OR_RETURN(auto keys, tx->GetUserKeys(u.id));
  if (keys) {
    auto secret = UnlockSecretKey(crypto_, hasher_, *keys, old_password);
    if (secret.ok()) {
      XUNCHA_ASSIGN_OR_RETURN(
          UserKeys relocked,
          LockUserKeys(crypto_, hasher_, KeyPair{keys->public_key, *secret}, new_password));
      XUNCHA_TRY(tx->PutUserKeys(u.id, relocked));
    } else {
      XUNCHA_TRY(tx->DeleteUserKeys(u.id));
    }
  }
  XUNCHA_TRY(
      audit_.Append(*tx, actor, "user.password.change", "user", std::to_string(u.id.value), ""));
  return tx->Commit();
}

Status AuthService::CheckAccountAdmin(const Actor& actor) const {
  if (actor.user.role != Role::kAdmin && actor.user.role != Role::kOffice) {
    return Forbidden("account administration needs admin or office");
  }
  return Ok();
}

namespace {
bool ValidUsername(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}
}  // namespace

Result<User> AuthService::CreateUser(const Actor& actor, const NewUser& nu) {
  XUNCHA_TRY(CheckAccountAdmin(actor));
  FieldErrors errors = CheckPassword(nu.password);
  if (!ValidUsername(nu.username)) errors["username"] = "username_format";
  CheckText(errors, "display_name", nu.display_name, true, 50);
  if (nu.role == Role::kUnit && !nu.unit_id) errors["unit_id"] = "required";
  if (IsGroupRole(nu.role) && !nu.inspector_id) errors["inspector_id"] = "required";
  if (nu.role == Role::kClueRecipient && !nu.organ) errors["organ"] = "required";
  if (!errors.empty()) return ValidationError(std::move(errors));
  User u;
  u.username = nu.username;
  u.display_name = nu.display_name;
  u.role = nu.role;
  u.must_change_password = nu.must_change_password;
  u.inspector_id = IsGroupRole(nu.role) ? nu.inspector_id : std::nullopt;
  u.unit_id = nu.role == Role::kUnit ? nu.unit_id : std::nullopt;
  u.organ = nu.role == Role::kClueRecipient ? nu.organ : std::nullopt;
  u.demo = nu.demo;
  u.custodian = nu.role == Role::kOffice && nu.custodian;
  XUNCHA_ASSIGN_OR_RETURN(u.password_hash, hasher_.Hash(nu.password));
  XUNCHA_ASSIGN_OR_RETURN(NewKeys keys, MakeUserKeys(crypto_, hasher_, nu.password));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (u.unit_id) XUNCHA_TRY(tx->GetUnit(*u.unit_id));
  if (u.inspector_id) XUNCHA_TRY(tx->GetInspector(*u.inspector_id));
  auto id = tx->InsertUser(u);
  if (!id.ok()) {
    Error e = std::move(id).error();
    if (e.code == ErrorCode::kAlreadyExists) e.fields["username"] = "username_taken";
    return e;
  }
  u.id = *id;
  XUNCHA_TRY(tx->PutUserKeys(u.id, keys.stored));
  XUNCHA_TRY(audit_.Append(*tx, actor, "user.create", "user", std::to_string(u.id.value),
                           u.username + " " + std::string(RoleName(u.role)) +
                               (u.organ ? " organ " + std::string(OrganName(*u.organ)) : "")));
  XUNCHA_TRY(tx->Commit());
  return u;
}

Result<User> AuthService::UpdateUser(const Actor& actor, const User& changes) {
  XUNCHA_TRY(CheckAccountAdmin(actor));
  FieldErrors errors;
  CheckText(errors, "display_name", changes.display_name, true, 50);
  if (changes.role == Role::kUnit && !changes.unit_id) errors["unit_id"] = "required";
  if (IsGroupRole(changes.role) && !changes.inspector_id) errors["inspector_id"] = "required";
  if (changes.role == Role::kClueRecipient && !changes.organ) errors["organ"] = "required";
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(User u, tx->GetUser(changes.id));
  u.version = changes.version;
  u.display_name = changes.display_name;
  u.role = changes.role;
  u.disabled = changes.disabled;
  u.custodian = changes.role == Role::kOffice && changes.custodian;
  u.inspector_id = IsGroupRole(changes.role) ? changes.inspector_id : std::nullopt;
  u.unit_id = changes.role == Role::kUnit ? changes.unit_id : std::nullopt;
  const std::optional<Organ> old_organ = u.organ;
  u.organ = changes.role == Role::kClueRecipient ? changes.organ : std::nullopt;
  // Which clues the account reads follows its organ: the log keeps both sides of a change.
  std::string organ_change;
  if (old_organ != u.organ) {
    organ_change = " organ " + std::string(old_organ ? OrganName(*old_organ) : "none") + "->" +
                   std::string(u.organ ? OrganName(*u.organ) : "none");
  }
  XUNCHA_TRY(tx->UpdateUser(u));
  if (u.disabled) XUNCHA_TRY(tx->DeleteSessionsOf(u.id));
  XUNCHA_TRY(audit_.Append(*tx, actor, "user.update", "user", std::to_string(u.id.value),
                           std::string(RoleName(u.role)) + (u.disabled ? " disabled" : "") +
                               (u.custodian ? " custodian" : "") + organ_change));
  XUNCHA_TRY(tx->Commit());
  u.version += 1;
  return u;
}

Status AuthService::ResetPassword(const Actor& actor, UserId id, const std::string& password) {
  XUNCHA_TRY(CheckAccountAdmin(actor));
  FieldErrors errors = CheckPassword(password);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(User u, tx->GetUser(id));
  u.password_hash = hash;
  u.must_change_password = true;
  u.failed_logins = 0;
  u.locked_until = 0;
  XUNCHA_TRY(tx->UpdateUser(u));
  XUNCHA_TRY(tx->DeleteSessionsOf(u.id));
  // The old secret key was locked by the old password: it is gone. He gets a new key pair at his
  // next sign-in; reports sealed to the old one are re-granted through the escrow key.
  XUNCHA_TRY(tx->DeleteUserKeys(u.id));
  XUNCHA_TRY(
      audit_.Append(*tx, actor, "user.password.reset", "user", std::to_string(id.value), ""));
  return tx->Commit();
}

Result<Page<User>> AuthService::ListUsers(const Actor& actor, const PageRequest& page) {
  XUNCHA_TRY(CheckAccountAdmin(actor));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListUsers(page);
}

Result<User> AuthService::GetUser(const Actor& actor, UserId id) {
  XUNCHA_TRY(CheckAccountAdmin(actor));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->GetUser(id);
}

}  // namespace xuncha
