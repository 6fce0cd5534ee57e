// Email into reports (电子信箱): which of a group's assignments a message belongs to, how a
// message becomes a report draft, and why one goes to quarantine instead. Pure rules; parsing
// MIME is an adapter (src/mail), storage and keys live in src/app.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/ids.h"
#include "domain/report.h"

namespace xuncha {

// imported: became a report; quarantined: could not, kept with its raw bytes; registered: a
// quarantined message someone registered by hand.
enum class MailState { kImported, kQuarantined, kRegistered };
std::string_view MailStateName(MailState s);
std::optional<MailState> ParseMailState(std::string_view s);

enum class MailSource { kMaildir, kImap };
std::string_view MailSourceName(MailSource s);
std::optional<MailSource> ParseMailSource(std::string_view s);

// Why a message is in quarantine (error keys, with Chinese messages in the HTTP layer).
inline constexpr std::string_view kQuarantineBadMime = "bad_mime";    // unreadable as mail
inline constexpr std::string_view kQuarantineLimits = "mime_limits";  // too many parts, too deep
inline constexpr std::string_view kQuarantineTooLarge = "mail_too_large";  // over kMaxMailBytes
inline constexpr std::string_view kQuarantineNoAssignment = "no_assignment";
inline constexpr std::string_view kQuarantineUnitAmbiguous = "unit_ambiguous";
inline constexpr std::string_view kQuarantineInvalid = "invalid_content";

// Messages above this size are not parsed (quarantined with their bytes).
inline constexpr std::size_t kMaxMailBytes = std::size_t{64} << 20;

// A message as recorded (raw bytes and keys stay in the store and the app).
struct MailMessage {
  MailId id;
  GroupId group_id;
  MailSource source = MailSource::kMaildir;
  UnixSeconds fetched_at = 0;
  std::int64_t size = 0;
  MailState state = MailState::kQuarantined;
  std::string reason;
  std::vector<std::string> warnings;
  std::optional<ReportId> report_id;
  std::optional<UserId> handled_by;
  std::optional<UnixSeconds> handled_at;
};

// One of the group's assignments a message may be about.
struct MailCandidate {
  AssignmentId assignment_id;
  std::string unit_name;
  Date station_start;
  Date station_end;
  std::optional<Date> intake_cutoff;  // the group's; mail up to it still counts
};

// The assignment a message received on `received` belongs to: the only one whose stationing
// (up to the intake cut-off, if later) covers that day; of several, the only one whose unit
// name the subject or text mentions. Otherwise a quarantine reason (kQuarantineNoAssignment or
// kQuarantineUnitAmbiguous): a person decides.
std::variant<AssignmentId, std::string_view> ChooseAssignment(
    const std::vector<MailCandidate>& candidates, Date received, std::string_view subject,
    std::string_view text);

// The parts of a message a report draft needs (decoded, UTF-8).
struct MailContent {
  std::string from_name, from_address;
  std::string subject;
  std::string text;
};

// A report draft for channel email: the sender as a real-name reporter (an email address is
// a way to reach him; staff may mark the report anonymous later) unless the message has no
// sender; content "主题：…" + text, cut to kMaxContentChars with a note that the whole text is
// in the original message (and a warning appended to `warnings`). Persons are left empty:
// triage finds them.
ReportDraft MailToDraft(const MailContent& m, AssignmentId assignment, UnixSeconds received_at,
                        std::vector<std::string>& warnings);

// The time a message counts as received: its Date header when plausible (not more than five
// minutes ahead of `fetched_at` and not older than a year before it), else `fetched_at`.
UnixSeconds MailReceivedAt(std::optional<UnixSeconds> date_header, UnixSeconds fetched_at);

}  // namespace xuncha
