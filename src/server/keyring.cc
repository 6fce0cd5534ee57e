#include "server/keyring.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hex.h"

namespace xuncha {
namespace {
constexpr const char* kCheckSetting = "server_key_check";
constexpr const char* kEscrowPublic = "escrow_public_key";
constexpr const char* kEscrowLocked = "escrow_locked_secret_key";
constexpr const char* kEscrowSalt = "escrow_salt";

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
}  // namespace

ReportKeyring DeriveKeyring(Crypto& crypto, const std::string& master) {
  ReportKeyring k;
  k.content_key = crypto.KeyedHash(master, "xuncha:content:v1");
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

}  // namespace xuncha
