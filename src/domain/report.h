// Public reports (来信来电来访): what a reporter or the staff register, the states a report goes
// through, and who may move it. Pure rules; the keys that protect the reporter live in src/app.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"

namespace xuncha {

// How a report came in: the online form, the duty phone, a letter, a suggestion box, a visit,
// the group's mailbox.
enum class Channel { kWeb, kCall, kLetter, kBox, kVisit, kEmail };
std::string_view ChannelName(Channel c);
std::optional<Channel> ParseChannel(std::string_view s);

// 已登记 → 已受理 / 转办 / 存查 / 了结.
enum class ReportState { kRegistered, kAccepted, kTransferred, kFiled, kClosed };
std::string_view ReportStateName(ReportState s);
std::optional<ReportState> ParseReportState(std::string_view s);
std::string_view ReportStateChinese(ReportState s);
// The states a report may move to from `from`.
std::vector<ReportState> AllowedTransitions(ReportState from);
// True once a report has a result the reporter must be told of (转办, 存查, 了结).
bool HasResult(ReportState s);

struct ReportedPerson {
  std::string name;
  std::string unit;
  std::string post;
};

// The reporter as he gave himself; empty when anonymous. Encrypted at rest (see
// docs/reports.md): never stored, logged or listed in the clear.
struct ReporterIdentity {
  std::string name;   // for a call, the caller as given; for a visit, the visitors
  std::string phone;  // for a call, the callback number
  std::string id_number;
  std::string address;
  std::string email;
};

// What the report says. Encrypted at rest with the server key; readable by the server for
// triage and search.
struct ReportContent {
  std::vector<ReportedPerson> persons;
  std::string content;   // for a letter, the transcription
  std::string happened;  // when, as the reporter put it
  std::string place;
  std::string box_location;  // channel box: which suggestion box
  int visitor_count = 0;     // channel visit
  std::string received_by;   // staff who took the call or received the visit
};

// A file attached to a report: as received (before processing) or as stored (type sniffed,
// metadata stripped). Encrypted at rest with its own key.
struct Attachment {
  std::string filename;
  std::string mime;
  std::string data;
  bool stripped = false;
};

// An attachment as listed with a report (no content).
struct AttachmentInfo {
  std::int64_t id = 0;
  int position = 0;
  std::string filename;  // empty when the caller holds no key to decrypt it
  std::string mime;
  std::int64_t size = 0;
  bool stripped = false;
  UnixSeconds added_at = 0;
};

// A new report as submitted, before it has a number.
struct ReportDraft {
  AssignmentId assignment_id;
  Channel channel = Channel::kWeb;
  UnixSeconds received_at = 0;
  bool anonymous = true;
  bool sealed = false;  // 越级: about cadres above the committee's level
  ReporterIdentity reporter;
  ReportContent body;
  std::vector<Attachment> files;  // as received; the app sniffs, limits and strips them
  bool demo = false;              // set by the demo builder only
};

inline constexpr std::size_t kMaxContentChars = 20000;
inline constexpr std::size_t kMaxPersons = 20;
inline constexpr std::size_t kMaxMessageChars = 5000;

// Field errors use dotted names: "reporter.name", "persons.0.name", "content".
FieldErrors ValidateReportDraft(const ReportDraft& d);

struct Report {
  ReportId id;
  int version = 1;
  std::string number;  // XC2026-000123
  AssignmentId assignment_id;
  RoundId round_id;
  GroupId group_id;
  UnitId unit_id;
  Channel channel = Channel::kWeb;
  ReportState state = ReportState::kRegistered;
  UnixSeconds received_at = 0;
  UnixSeconds registered_at = 0;
  std::optional<UserId> registered_by;  // none for the public form and mail import
  bool anonymous = true;
  bool sealed = false;
  UnixSeconds result_at = 0;               // first move to a result state; 0 = none yet
  UnixSeconds acceptance_notified_at = 0;  // when the reporter was told of acceptance
  UnixSeconds result_notified_at = 0;
  bool demo = false;
  // Stored encrypted; the app fills these after decrypting.
  ReportContent body;
};

// "XC2026-000123".
std::string ReportNumber(int year, std::int64_t seq);

// A state change as a user asks for it.
struct Transition {
  ReportState to = ReportState::kAccepted;
  std::string reason;
  std::string department;  // 转办: the department it goes to
  std::string letter;      // 转办: the transfer letter
};
FieldErrors ValidateTransition(ReportState from, const Transition& t);

struct ReportEvent {
  std::int64_t id = 0;
  ReportId report_id;
  UnixSeconds at = 0;
  std::optional<ReportState> from;  // none for registration
  ReportState to = ReportState::kRegistered;
  std::string reason;
  std::string department;
  std::string letter;
  std::optional<UserId> by;
  std::string by_name;  // filled on read
};

enum class MessageSender { kReporter, kGroup };
struct ReportMessage {
  std::int64_t id = 0;
  ReportId report_id;
  UnixSeconds at = 0;
  MessageSender from = MessageSender::kReporter;
  std::optional<UserId> author;
  std::string author_name;  // filled on read
  std::string text;
};

// A request to see a reporter's identity; the custodian decides.
enum class RevealState { kPending, kApproved, kRejected };
std::string_view RevealStateName(RevealState s);
std::optional<RevealState> ParseRevealState(std::string_view s);

struct RevealRequest {
  RevealRequestId id;
  ReportId report_id;
  std::string report_number;  // filled on read
  UserId requested_by;
  std::string requested_by_name;  // filled on read
  UnixSeconds requested_at = 0;
  std::string reason;
  RevealState state = RevealState::kPending;
  std::optional<UserId> decided_by;
  std::string decided_by_name;  // filled on read
  UnixSeconds decided_at = 0;
  std::string note;
};

// The 16-digit query code: digits only after removing spaces and dashes; nullopt otherwise.
std::optional<std::string> NormalizeQueryCode(std::string_view typed);

}  // namespace xuncha
