#include "mail/imap_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace xuncha::mail {
namespace {

// ---------------------------------------------------------------------------------------------
// Errors

Error ConfigError(const std::string& why) {
  return Error::Make(ErrorCode::kInvalidArgument, "imap: " + why, "imap_connect");
}
Error ConnectError(const std::string& why) {
  return Error::Make(ErrorCode::kUnavailable, "imap: " + why, "imap_connect");
}
Error AuthError(const std::string& why) {
  return Error::Make(ErrorCode::kFailedPrecondition, "imap: " + why, "imap_auth");
}
Error ProtocolError(const std::string& why) {
  return Error::Make(ErrorCode::kInternal, "imap: " + why, "imap_protocol");
}

// Answers of custom commands (STATUS, SEARCH) are read whole; a SEARCH over a million messages
// is about 8 MiB.
constexpr std::size_t kMaxAnswerBytes = std::size_t{32} << 20;
// IMAP UIDs are 32-bit non-zero numbers (RFC 3501 nz-number).
constexpr std::uint64_t kMaxUid = std::numeric_limits<std::uint32_t>::max();

// ---------------------------------------------------------------------------------------------
// Parsing helpers

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
    if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
    if (a != b) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithNoCase(a, b);
}

// The lines of `text` without their CR/LF ends.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  while (!s.empty()) {
    std::size_t start = s.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    s.remove_prefix(start);
    std::size_t end = s.find(' ');
    tokens.push_back(s.substr(0, end));
    if (end == std::string_view::npos) break;
    s.remove_prefix(end);
  }
  return tokens;
}

// A decimal number of digits only (no sign, no spaces) that fits 64 bits.
std::optional<std::uint64_t> ParseNumber(std::string_view s) {
  if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// For the log: at most 80 printable characters of what the server said.
std::string Excerpt(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 80)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  if (s.size() > 80) out += "...";
  return out;
}

// ---------------------------------------------------------------------------------------------
// libcurl plumbing

// curl_global_init is not thread-safe and must run once per process.
CURLcode GlobalInit() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

struct CurlEasyCleanup {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using CurlPtr = std::unique_ptr<CURL, CurlEasyCleanup>;

struct CurlUrlCleanup {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using CurlUrlPtr = std::unique_ptr<CURLU, CurlUrlCleanup>;

struct CurlFree {
  void operator()(char* p) const { curl_free(p); }
};
using CurlString = std::unique_ptr<char, CurlFree>;

// One part of `url`; nullopt when absent (or on any other error of the URL API).
std::optional<std::string> UrlPart(CURLU* url, CURLUPart part, unsigned int flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return std::nullopt;
  CurlString owned(raw);
  return std::string(owned.get());
}

// Where the answer of one transfer goes: at most `cap` bytes; more sets `overflow` and stops it.
struct Sink {
  std::string data;
  std::size_t cap = 0;
  bool overflow = false;
};

std::size_t WriteToSink(char* ptr, std::size_t size, std::size_t nmemb, void* userdata) {
  auto* sink = static_cast<Sink*>(userdata);
  std::size_t n = size * nmemb;
  if (n > sink->cap - sink->data.size()) {
    sink->overflow = true;
    return 0;  // CURLE_WRITE_ERROR: libcurl stops the transfer
  }
  sink->data.append(ptr, n);
  return n;
}

std::size_t Discard(char*, std::size_t size, std::size_t nmemb, void*) { return size * nmemb; }

// For a FETCH libcurl announces the literal's size as the download size before the body
// arrives: a message known to be too large is refused without reading it.
int CheckAnnouncedSize(void* userdata, curl_off_t dltotal, curl_off_t, curl_off_t, curl_off_t) {
  auto* sink = static_cast<Sink*>(userdata);
  if (dltotal > 0 && static_cast<std::uint64_t>(dltotal) > sink->cap) {
    sink->overflow = true;
    return 1;  // CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

// Maps a failed transfer to the error vocabulary of imap_client.h. `what` names the step.
Error TransferError(CURLcode rc, const char* errbuf, const std::string& what) {
  std::string why = what + ": " + curl_easy_strerror(rc);
  // libcurl's error texts name hosts, codes and server answers, never the credentials.
  if (errbuf != nullptr && errbuf[0] != '\0') why += std::string(" (") + errbuf + ")";
  switch (rc) {
    case CURLE_LOGIN_DENIED:
    case CURLE_AUTH_ERROR:
      return AuthError(why);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return ConfigError(why);
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return ConnectError(why);
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
      return Internal("imap: " + why);
    default:  // CURLE_QUOTE_ERROR (a command refused), CURLE_WEIRD_SERVER_REPLY, ...
      return ProtocolError(why);
  }
}

// "INBOX" -> "\"INBOX\"": an IMAP quoted string. REQUIRES: printable ASCII only.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Parsers

Result<MailboxStatus> ParseStatusResponse(std::string_view untagged) {
  for (std::string_view line : Lines(untagged)) {
    if (!StartsWithNoCase(line, "* STATUS ")) continue;
    // The folder name may itself hold "(" (quoted), the item list never does: the list is the
    // last parenthesised group, at the end of the line.
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    std::size_t open = line.rfind('(');
    if (open == std::string_view::npos || line.back() != ')') {
      return ProtocolError("STATUS answer without an item list: " + Excerpt(line));
    }
    std::vector<std::string_view> items = Tokens(line.substr(open + 1, line.size() - open - 2));
    if (items.size() % 2 != 0) return ProtocolError("odd STATUS item list: " + Excerpt(line));
    MailboxStatus status;
    for (std::size_t i = 0; i < items.size(); i += 2) {
      std::optional<std::uint64_t> value = ParseNumber(items[i + 1]);
      if (!value) return ProtocolError("STATUS item is not a number: " + Excerpt(line));
      if (EqualsNoCase(items[i], "UIDVALIDITY")) status.uid_validity = *value;
      if (EqualsNoCase(items[i], "UIDNEXT")) status.uid_next = *value;
    }
    if (status.uid_validity == 0 || status.uid_next == 0) {
      return ProtocolError("STATUS answer lacks UIDVALIDITY or UIDNEXT: " + Excerpt(line));
    }
    return status;
  }
  return ProtocolError("no STATUS answer: " + Excerpt(untagged));
}

Result<std::vector<std::uint64_t>> ParseSearchResponse(std::string_view untagged) {
  std::vector<std::uint64_t> uids;
  bool seen = false;
  for (std::string_view line : Lines(untagged)) {
    if (!StartsWithNoCase(line, "* SEARCH")) continue;
    std::string_view rest = line.substr(8);
    if (!rest.empty() && rest.front() != ' ') continue;  // e.g. "* SEARCHRES", not ours
    seen = true;
    for (std::string_view token : Tokens(rest)) {
      std::optional<std::uint64_t> uid = ParseNumber(token);
      if (!uid || *uid == 0) return ProtocolError("SEARCH answer: " + Excerpt(line));
      uids.push_back(*uid);
    }
  }
  if (!seen) return ProtocolError("no SEARCH answer: " + Excerpt(untagged));
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

// ---------------------------------------------------------------------------------------------
// ImapClient

struct ImapClient::Impl {
  ImapAccount account;
  std::optional<Error> config_error;  // the account is unusable; every call returns it
  std::string server_url;   // "imaps://host:993/": commands that name the folder themselves
  std::string folder_url;   // "imaps://host:993/INBOX": libcurl selects the folder first
  std::string folder_atom;  // "\"INBOX\"", for STATUS and EXAMINE
  CurlPtr curl;

  explicit Impl(ImapAccount a) : account(std::move(a)) {
    if (account.timeout_seconds < 1) account.timeout_seconds = 30;
    if (auto error = ReadUrl()) config_error = std::move(error);
  }

  std::optional<Error> ReadUrl() {
    CurlUrlPtr url(curl_url());
    if (!url) return Internal("imap: curl_url failed");
    if (curl_url_set(url.get(), CURLUPART_URL, account.url.c_str(), 0) != CURLUE_OK) {
      return ConfigError("the account URL is not a URL");
    }
    std::string scheme = UrlPart(url.get(), CURLUPART_SCHEME).value_or("");
    if (scheme != "imaps" && !(scheme == "imap" && account.allow_plain)) {
      return ConfigError("the account URL must start with imaps:// (imap:// needs allow_plain)");
    }
    if (UrlPart(url.get(), CURLUPART_USER) || UrlPart(url.get(), CURLUPART_PASSWORD) ||
        UrlPart(url.get(), CURLUPART_OPTIONS)) {
      return ConfigError("the account URL must not carry credentials; use username/password");
    }
    if (UrlPart(url.get(), CURLUPART_QUERY) || UrlPart(url.get(), CURLUPART_FRAGMENT)) {
      return ConfigError("the account URL must name a folder only (no query or fragment)");
    }
    std::string path = UrlPart(url.get(), CURLUPART_PATH).value_or("/");
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (path.size() <= 1) return ConfigError("the account URL names no folder");
    if (path.find(';') != std::string::npos) {
      return ConfigError("the account URL must name a folder only (no ;UID= or ;UIDVALIDITY=)");
    }
    if (curl_url_set(url.get(), CURLUPART_PATH, path.c_str(), 0) != CURLUE_OK) {
      return ConfigError("the account URL's folder is malformed");
    }
    std::optional<std::string> folder = UrlPart(url.get(), CURLUPART_PATH, CURLU_URLDECODE);
    if (!folder || folder->size() <= 1) return ConfigError("the account URL names no folder");
    folder->erase(0, 1);
    if (!std::all_of(folder->begin(), folder->end(),
                     [](char c) { return c >= 0x20 && c < 0x7F; })) {
      return ConfigError("the folder name must be printable ASCII (modified UTF-7)");
    }
    folder_atom = Quote(*folder);
    std::optional<std::string> with_folder = UrlPart(url.get(), CURLUPART_URL);
    if (curl_url_set(url.get(), CURLUPART_PATH, "/", 0) != CURLUE_OK) {
      return ConfigError("the account URL is malformed");
    }
    std::optional<std::string> server = UrlPart(url.get(), CURLUPART_URL);
    if (!with_folder || !server) return ConfigError("the account URL is malformed");
    folder_url = *with_folder;
    server_url = *server;
    return std::nullopt;
  }

  struct Transfer {
    CURLcode rc = CURLE_OK;
    Sink sink;
    char errbuf[CURL_ERROR_SIZE] = {};
  };

  // One libcurl transfer on the object's handle: `custom` is an IMAP command ("" for a URL
  // driven FETCH). The handle's options are reset every time; its connection survives.
  xuncha::Status Perform(const std::string& url, const std::string& custom, std::size_t cap,
                         Transfer& t) {
    if (config_error) return *config_error;
    if (GlobalInit() != CURLE_OK) return Internal("imap: curl_global_init failed");
    if (!curl) curl.reset(curl_easy_init());
    if (!curl) return Internal("imap: curl_easy_init failed");
    CURL* c = curl.get();
    curl_easy_reset(c);
    t.sink.cap = cap;
    bool ok = true;
    auto set = [&ok](CURLcode rc) { ok = ok && rc == CURLE_OK; };
    set(curl_easy_setopt(c, CURLOPT_URL, url.c_str()));
    set(curl_easy_setopt(c, CURLOPT_USERNAME, account.username.c_str()));
    set(curl_easy_setopt(c, CURLOPT_PASSWORD, account.password.c_str()));
    set(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, account.allow_plain ? "imaps,imap" : "imaps"));
    set(curl_easy_setopt(c, CURLOPT_USE_SSL,
                         account.allow_plain ? long{CURLUSESSL_NONE} : long{CURLUSESSL_ALL}));
    set(curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L));
    set(curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L));
    set(curl_easy_setopt(c, CURLOPT_SSLVERSION, long{CURL_SSLVERSION_TLSv1_2}));
    if (!account.ca_file.empty()) set(curl_easy_setopt(c, CURLOPT_CAINFO, account.ca_file.c_str()));
    set(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, account.timeout_seconds));
    set(curl_easy_setopt(c, CURLOPT_TIMEOUT, account.timeout_seconds));
    set(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteToSink));
    set(curl_easy_setopt(c, CURLOPT_WRITEDATA, &t.sink));
    set(curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L));
    set(curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &CheckAnnouncedSize));
    set(curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t.sink));
    set(curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t.errbuf));
    if (!custom.empty()) set(curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, custom.c_str()));
    if (!ok) return Internal("imap: curl_easy_setopt failed (libcurl without IMAP or TLS?)");
    t.rc = curl_easy_perform(c);
    // The sink and the error buffer live in `t`, which dies now; the LOGOUT libcurl sends when
    // the handle is cleaned up must not reach them.
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &Discard);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 1L);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, nullptr);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    return Ok();
  }

  // A custom command's untagged answer lines.
  Result<std::string> Command(const std::string& url, const std::string& command,
                              const std::string& what) {
    Transfer t;
    XUNCHA_TRY(Perform(url, command, kMaxAnswerBytes, t));
    if (t.sink.overflow) return ProtocolError(what + ": answer larger than 32 MiB");
    if (t.rc != CURLE_OK) return TransferError(t.rc, t.errbuf, what);
    return std::move(t.sink.data);
  }
};

ImapClient::ImapClient(ImapAccount account) : impl_(std::make_unique<Impl>(std::move(account))) {}
ImapClient::~ImapClient() = default;
ImapClient::ImapClient(ImapClient&&) noexcept = default;
ImapClient& ImapClient::operator=(ImapClient&&) noexcept = default;

Result<MailboxStatus> ImapClient::Status() {
  // STATUS names the folder itself: on the server URL libcurl sends it without selecting.
  XUNCHA_ASSIGN_OR_RETURN(
      std::string answer,
      impl_->Command(impl_->server_url, "STATUS " + impl_->folder_atom + " (UIDVALIDITY UIDNEXT)",
                     "STATUS " + impl_->folder_atom));
  return ParseStatusResponse(answer);
}

Result<std::vector<std::uint64_t>> ImapClient::UidsFrom(std::uint64_t first_uid) {
  if (first_uid == 0) first_uid = 1;
  if (first_uid > kMaxUid) return std::vector<std::uint64_t>{};
  // On the folder URL libcurl selects the folder, then sends the command.
  XUNCHA_ASSIGN_OR_RETURN(
      std::string answer,
      impl_->Command(impl_->folder_url, "UID SEARCH UID " + std::to_string(first_uid) + ":*",
                     "UID SEARCH in " + impl_->folder_atom));
  XUNCHA_ASSIGN_OR_RETURN(std::vector<std::uint64_t> uids, ParseSearchResponse(answer));
  // "N:*" means "N to the last UID, or the last one alone if it is below N" (RFC 3501, seq-range).
  uids.erase(std::remove_if(uids.begin(), uids.end(), [&](auto uid) { return uid < first_uid; }),
             uids.end());
  return uids;
}

Result<std::string> ImapClient::Fetch(std::uint64_t uid, std::size_t max_bytes) {
  if (uid == 0 || uid > kMaxUid) {
    return Error::Make(ErrorCode::kInvalidArgument,
                       "imap: UID " + std::to_string(uid) + " out of range", "imap_protocol");
  }
  // libcurl fetches with BODY[], which sets \Seen in a folder opened read-write. EXAMINE opens
  // it read-only on this connection, and libcurl, believing the folder selected, then fetches
  // on the same connection without selecting it again.
  XUNCHA_TRY(impl_->Command(impl_->folder_url, "EXAMINE " + impl_->folder_atom,
                            "EXAMINE " + impl_->folder_atom));
  Impl::Transfer t;
  XUNCHA_TRY(impl_->Perform(impl_->folder_url + "/;UID=" + std::to_string(uid), "", max_bytes, t));
  std::string what = "FETCH of UID " + std::to_string(uid) + " in " + impl_->folder_atom;
  if (t.sink.overflow) {
    return Error::Make(
        ErrorCode::kPayloadTooLarge,
        "imap: " + what + ": message larger than " + std::to_string(max_bytes) + " bytes",
        "mail_too_large");
  }
  if (t.rc == CURLE_REMOTE_FILE_NOT_FOUND) {
    return Error::Make(ErrorCode::kNotFound, "imap: " + what + ": no such message",
                       "imap_protocol");
  }
  if (t.rc != CURLE_OK) return TransferError(t.rc, t.errbuf, what);
  return std::move(t.sink.data);
}

}  // namespace xuncha::mail
