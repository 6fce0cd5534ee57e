// What the app needs from an email parser: a raw message (RFC 5322 + MIME, outside input) as
// decoded UTF-8 text, sender, subject, date and attachments. Implemented in src/mail/ (GMime).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace xuncha {

struct InboundAttachment {
  std::string filename;  // a safe base name
  std::string content_type;
  std::string data;
};

struct InboundMail {
  std::string message_id;  // without <>; empty when the message has none
  std::string from_name, from_address;
  std::string subject;
  std::optional<UnixSeconds> date;
  std::string text;
  std::vector<InboundAttachment> attachments;
  std::vector<std::string> warnings;  // what was repaired or guessed
};

class MailParser {
 public:
  virtual ~MailParser() = default;
  // kInvalidArgument "bad_mime" (not a message) or "mime_limits" (too many parts, too deep,
  // attachments too large). Never throws.
  virtual Result<InboundMail> Parse(std::string_view raw) = 0;
};

}  // namespace xuncha

namespace xuncha {

// One folder of a mailbox on a mail server (IMAP), read-only: the poller never deletes or
// flags mail, so the server keeps every message whatever happens here.
struct MailboxLogin {
  std::string url;  // imaps://host:port/FOLDER
  std::string username;
  std::string password;
  std::string ca_file;  // extra trusted CA bundle (PEM); empty for the system's only
};

struct MailboxPosition {
  std::uint64_t uid_validity = 0;
  std::uint64_t uid_next = 0;
};

class Mailbox {
 public:
  virtual ~Mailbox() = default;
  virtual Result<MailboxPosition> Status() = 0;
  // UIDs >= first_uid, ascending.
  virtual Result<std::vector<std::uint64_t>> UidsFrom(std::uint64_t first_uid) = 0;
  // kPayloadTooLarge "mail_too_large" above max_bytes.
  virtual Result<std::string> Fetch(std::uint64_t uid, std::size_t max_bytes) = 0;
};

class MailboxOpener {
 public:
  virtual ~MailboxOpener() = default;
  virtual std::unique_ptr<Mailbox> Open(const MailboxLogin& login) = 0;
};

}  // namespace xuncha
