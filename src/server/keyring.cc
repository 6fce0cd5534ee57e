#include "server/keyring.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "core/hex.h"

namespace xuncha {
namespace {
constexpr const char* kCheckSetting = "server_key_check";
constexpr const char* kEscrowPublic = "escrow_public_key";
constexpr const char* kEscrowLocked = "escrow_locked_secret_key";
constexpr const char* kEscrowSalt = "escrow_salt";
constexpr std::size_t kRecoveryDigits = 32;  // as LoadKeyring makes it

Error KeyProblem(const std::string& what) {
  return Error::Make(ErrorCode::kFailedPrecondition, what, "server_key");
}

std::string GroupDigits(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += digits[i];
  }
  return out;
}

// The recovery code as printed (groups of four digits joined by '-'), from what was typed:
// ASCII or full-width digits, with any spaces and dashes. nullopt unless 32 digits remain.
std::optional<std::string> NormalizeRecoveryCode(std::string_view typed) {
  // Full-width forms a Chinese input method may type, in UTF-8.
  constexpr std::string_view kWideDigit = "\xEF\xBC";             // U+FF10..U+FF19: EF BC 90..99
  constexpr std::string_view kWideHyphen = "\xEF\xBC\x8D";        // U+FF0D
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
  constexpr std::string_view kIgnored = " \t\r\n-";
  std::string digits;
  while (!typed.empty()) {
    const char c = typed.front();
    if (c >= '0' && c <= '9') {
      digits += c;
      typed.remove_prefix(1);
    } else if (kIgnored.find(c) != std::string_view::npos) {
      typed.remove_prefix(1);
    } else if (typed.starts_with(kWideHyphen) || typed.starts_with(kIdeographicSpace)) {
      typed.remove_prefix(3);
    } else if (typed.size() >= 3 && typed.starts_with(kWideDigit) &&
               static_cast<unsigned char>(typed[2]) >= 0x90 &&
               static_cast<unsigned char>(typed[2]) <= 0x99) {
      digits += static_cast<char>('0' + (static_cast<unsigned char>(typed[2]) - 0x90));
      typed.remove_prefix(3);
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() != kRecoveryDigits) return std::nullopt;
  return GroupDigits(digits);
}
}  // namespace

ReportKeyring DeriveKeyring(Crypto& crypto, const std::string& master) {
  ReportKeyring k;
  k.content_key = crypto.KeyedHash(master, "xuncha:content:v1");
  k.search_key = crypto.KeyedHash(master, "xuncha:search:v1");
  k.lookup_key = crypto.KeyedHash(master, "xuncha:lookup:v1");
  return k;
}

Result<LoadedKeyring> LoadKeyring(const std::string& key_file, Store& store, Crypto& crypto,
                                  PasswordHasher& hasher) {
  std::error_code ec;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto check, tx->GetSetting(kCheckSetting));
  std::string master;
  if (std::filesystem::exists(key_file, ec)) {
    std::ifstream in(key_file);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string hex = ss.str();
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) {
      hex.pop_back();
    }
    auto bytes = HexDecode(hex);
    if (!bytes || bytes->size() != 32) {
      return KeyProblem("the server key file " + key_file + " is damaged (want 64 hex digits)");
    }
    master = *bytes;
  } else if (check) {
    return KeyProblem("the server key file " + key_file +
                      " is missing, but this database was encrypted with one: restore it "
                      "(or pass --key-file)");
  } else {
    master = crypto.RandomBytes(32);
    const auto dir = std::filesystem::path(key_file).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    {
      std::ofstream out(key_file, std::ios::trunc);
      out << HexEncode(master) << "\n";
      if (!out.good()) return KeyProblem("cannot write the server key file " + key_file);
    }
    ::chmod(key_file.c_str(), 0600);
  }
  const std::string check_value = HexEncode(crypto.KeyedHash(master, "xuncha:check:v1"));
  if (check && *check != check_value) {
    return KeyProblem("the server key file " + key_file + " does not belong to this database");
  }
  if (!check) XUNCHA_TRY(tx->PutSetting(kCheckSetting, check_value));

  LoadedKeyring out;
  out.keys = DeriveKeyring(crypto, master);
  XUNCHA_ASSIGN_OR_RETURN(auto escrow, tx->GetSetting(kEscrowPublic));
  if (escrow) {
    auto pk = HexDecode(*escrow);
    if (!pk) return KeyProblem("the escrow public key in the database is damaged");
    out.keys.escrow_public_key = *pk;
  } else {
    // The escrow key re-grants access when staff change. Its secret half is locked by a
    // recovery code that is printed once and kept offline by the office.
    KeyPair kp = crypto.NewKeyPair();
    out.new_recovery_code = GroupDigits(crypto.RandomDigits(32));
    const std::string salt = crypto.RandomBytes(16);
    XUNCHA_ASSIGN_OR_RETURN(std::string lock, hasher.DeriveKey(out.new_recovery_code, salt));
    XUNCHA_TRY(tx->PutSetting(kEscrowPublic, HexEncode(kp.public_key)));
    XUNCHA_TRY(tx->PutSetting(kEscrowSalt, HexEncode(salt)));
    XUNCHA_TRY(tx->PutSetting(kEscrowLocked,
                              HexEncode(crypto.Seal(lock, kp.secret_key, "xuncha:escrow:v1"))));
    out.keys.escrow_public_key = kp.public_key;
  }
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::string> UnlockEscrowSecret(Store& store, PasswordHasher& hasher, Crypto& crypto,
                                       const std::string& recovery_code) {
  std::optional<std::string> pub, salt_hex, locked_hex;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(pub, tx->GetSetting(kEscrowPublic));
    XUNCHA_ASSIGN_OR_RETURN(salt_hex, tx->GetSetting(kEscrowSalt));
    XUNCHA_ASSIGN_OR_RETURN(locked_hex, tx->GetSetting(kEscrowLocked));
  }
  if (!pub || !salt_hex || !locked_hex) {
    return Error::Make(ErrorCode::kFailedPrecondition, "this database has no escrow key",
                       "no_escrow_key");
  }
  auto salt = HexDecode(*salt_hex);
  auto locked = HexDecode(*locked_hex);
  if (!salt || !locked) return KeyProblem("the escrow key in the database is damaged");
  auto code = NormalizeRecoveryCode(recovery_code);
  if (!code) {
    return Error::Make(ErrorCode::kPermissionDenied,
                       "a recovery code is " + std::to_string(kRecoveryDigits) +
                           " digits (dashes and spaces are ignored)",
                       "bad_recovery_code");
  }
  // The lock key is derived exactly as at creation: from the code as printed, with dashes.
  XUNCHA_ASSIGN_OR_RETURN(std::string lock, hasher.DeriveKey(*code, *salt));
  auto secret = crypto.Open(lock, *locked, "xuncha:escrow:v1");  // LoadKeyring's context
  if (!secret.ok()) {
    return Error::Make(ErrorCode::kPermissionDenied,
                       "the recovery code does not open the escrow key", "bad_recovery_code");
  }
  return secret;
}

}  // namespace xuncha
