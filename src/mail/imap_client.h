// Reads one folder of a group's mailbox over IMAP, for the mail poller: the folder's UIDVALIDITY
// and UIDNEXT, the UIDs from a given one on, and one message's raw bytes. An adapter over
// libcurl's IMAP support: libcurl does TLS (peer and host always verified), SASL login and the
// commands; this file adds the IMAP answers libcurl leaves to its caller, the size cap and the
// error vocabulary. Nothing it reads from the server is trusted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha::mail {

struct ImapAccount {
  // "imaps://imap.example.org:993/INBOX": scheme, host, optional port and one folder, nothing
  // else (no credentials, query or ";UID=" parts). The folder name must be printable ASCII (IMAP
  // names other folders in modified UTF-7, e.g. "&UXZO1mWHTvZZOQ-"). imap:// (no TLS at all) is
  // refused unless allow_plain.
  std::string url;
  std::string username, password;
  // An extra CA bundle (PEM) trusted besides the system's (/etc/ssl/certs); empty for none. The
  // peer certificate and the host name are verified in every case.
  std::string ca_file;
  bool allow_plain = false;  // tests and development only
  // Bounds each call (connect, login and transfer); values below 1 mean 30.
  long timeout_seconds = 30;
};

struct MailboxStatus {
  std::uint64_t uid_validity = 0;
  std::uint64_t uid_next = 0;
};

// Errors of every call below (the password never appears in a message):
//   kInvalidArgument  "imap_connect"   the account is unusable: bad URL, imap:// without
//                                      allow_plain, credentials in the URL, a non-ASCII folder;
//   kUnavailable      "imap_connect"   no connection: DNS, TCP, TLS, an untrusted certificate or
//                                      host name, a timeout, the server hanging up;
//   kFailedPrecondition "imap_auth"    the server refused the login;
//   kInternal         "imap_protocol"  an answer this client cannot use, or a command the server
//                                      refused (e.g. the folder does not exist);
//   kNotFound         "imap_protocol"  Fetch: no message with that UID (expunged meanwhile);
//   kPayloadTooLarge  "mail_too_large" Fetch: the message exceeds max_bytes.
//
// Not thread-safe: one thread at a time per object. Objects on different threads are
// independent. Each object keeps one libcurl handle, so consecutive calls reuse the connection.
// A moved-from object may only be destroyed or assigned to.
class ImapClient {
 public:
  explicit ImapClient(ImapAccount account);
  ~ImapClient();
  ImapClient(ImapClient&&) noexcept;
  ImapClient& operator=(ImapClient&&) noexcept;
  ImapClient(const ImapClient&) = delete;
  ImapClient& operator=(const ImapClient&) = delete;

  // STATUS of the folder in the URL.
  [[nodiscard]] Result<MailboxStatus> Status();

  // UID SEARCH UID first_uid:* — the UIDs >= first_uid, ascending, without duplicates. IMAP
  // answers "N:*" with the last message even when N is above every UID; that one is filtered
  // out. first_uid 0 counts as 1.
  [[nodiscard]] Result<std::vector<std::uint64_t>> UidsFrom(std::uint64_t first_uid);

  // The raw message (RFC 5322 bytes as the server stores them; servers may turn LF into CRLF).
  // Does not set \Seen: the folder is opened read-only (EXAMINE) on the connection before the
  // fetch. libcurl only fetches with BODY[], so should the connection drop between the two steps
  // libcurl reconnects with SELECT and the server may set \Seen on that one message; the bytes
  // are returned all the same. The transfer stops as soon as the message is known to exceed
  // max_bytes (from the size the server announces, or from the bytes received): at most
  // max_bytes are ever buffered.
  [[nodiscard]] Result<std::string> Fetch(std::uint64_t uid, std::size_t max_bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Pure parsers of the untagged lines libcurl hands over for a command (one or more lines, each
// ending in CRLF or LF). Errors: kInternal "imap_protocol".

// Reads "* STATUS <folder> (UIDVALIDITY 123 UIDNEXT 9 ...)": both items must be present and
// non-zero; other items and other untagged lines are ignored.
[[nodiscard]] Result<MailboxStatus> ParseStatusResponse(std::string_view untagged);

// Reads the numbers of every "* SEARCH n n ..." line (there may be none after "SEARCH"), sorted
// ascending without duplicates. Other untagged lines ("* 4 EXISTS") are ignored; no SEARCH line
// at all, or a token that is not a number, is an error.
[[nodiscard]] Result<std::vector<std::uint64_t>> ParseSearchResponse(std::string_view untagged);

}  // namespace xuncha::mail
