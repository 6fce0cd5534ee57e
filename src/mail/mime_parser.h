// Parses one email message (RFC 5322 + MIME) into what a report needs: sender, subject, date,
// the body as UTF-8 text and the attachments. GMime 3 does the MIME work (structure, transfer
// encodings, RFC 2047/2231, addresses, dates); this adapter adds the rules Chinese mail needs
// (GB2312 and GBK read as GB18030, undeclared 8-bit text tried as UTF-8 then GB18030), HTML to
// text, safe attachment names and hard limits. The input is outside input: nothing in it is
// trusted, and no input makes ParseMail crash, hang or use memory far beyond its size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace xuncha::mail {

struct MailAttachment {
  // A safe base name: no path, no control or bidi characters, at most 100 code points; "附件N"
  // (N counting attachments from 1) when the message names none.
  std::string filename;
  std::string content_type;  // lower case "type/subtype", e.g. "application/pdf"
  std::string data;          // decoded bytes (base64/quoted-printable undone), never recoded
};

struct ParsedMail {
  std::string message_id;  // without <>; empty if none
  std::string from_name, from_address;
  std::string subject;  // decoded to UTF-8
  std::optional<UnixSeconds> date;
  // The body as UTF-8 with "\n" line ends, no trailing whitespace: text/plain preferred within
  // multipart/alternative, else text/html converted to plain text. Each forwarded message
  // (message/rfc822 part) follows after a blank line as
  //   ---------- 转发的邮件 ----------
  //   发件人: name <address>
  //   主题: subject
  //   日期: 2024-03-01 09:00:00 +0800
  //   (blank line, then its own text, forwards included)
  std::string text;
  // Non-text leaf parts, and text parts marked as attachments (Content-Disposition: attachment,
  // or a file name without a disposition), in message order, forwarded messages' included.
  std::vector<MailAttachment> attachments;
  // What was repaired or guessed, for the log and the registering staff member, e.g.
  // "charset x-unknown decoded as GB18030", "message truncated". At most 32, no duplicates.
  std::vector<std::string> warnings;
};

struct MimeLimits {
  std::size_t max_parts = 100;  // MIME objects in the tree, forwarded messages' included
  int max_depth = 10;           // nesting of multiparts and forwarded messages below the body
  std::size_t max_attachment_bytes = std::size_t{64} << 20;  // decoded, all attachments
  // Guards checked on the raw bytes before GMime builds its tree, because GMime builds all of it
  // before anything can be counted (about 1.3 KiB per part and 0.6 KiB per header field, so
  // 64 MiB of "--x\n\nx\n" would cost 12 GiB). A part starts only after a line beginning with
  // "--", and GMime makes a header field only of a line "name: ..." with a name of no spaces.
  std::size_t max_delimiter_lines = 10000;
  std::size_t max_header_lines = 50000;
};

// Parses `raw` (the whole message as received; the caller bounds its size, 64 MiB at most).
// Never throws. Errors:
//   kInvalidArgument key "bad_mime"    — empty input, or nothing GMime can read as a message
//                                         with at least one header field;
//   kInvalidArgument key "mime_limits" — a limit above is exceeded (no partial result).
// Broken but readable MIME (truncated, wrong boundary, bad charset) parses with warnings.
// Every string in the result is valid UTF-8 (invalid sequences become U+FFFD).
// Thread-safe: GMime is initialised once, on first use, and each call has its own objects.
Result<ParsedMail> ParseMail(std::string_view raw, const MimeLimits& limits = {});

}  // namespace xuncha::mail
