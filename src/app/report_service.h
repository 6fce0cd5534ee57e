// Use cases of public reports (来信来电来访): the public intake, staff registration, the inbox,
// the workflow and its notice deadlines, messages with the reporter, and the custodian-approved
// reveal of a reporter's identity.
//
// Protection (docs/reports.md): report content, events and messages are sealed with the server's
// content key (held outside the database); the reporter's identity with a per-report identity key
// that is sealed only to custodians and to the escrow key, and re-sealed to a requester when a
// custodian approves. Query codes are stored as keyed hashes. No reporter IP is ever passed in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "ports/attachments.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

// Keys the server holds outside the database.
struct ReportKeyring {
  std::string content_key;        // 32 bytes: report content, events, messages
  std::string lookup_key;         // 32 bytes: keyed hash of query codes
  std::string escrow_public_key;  // X25519: every identity key is also sealed to it
};

// The office's 信访 department, named on the form once intake has closed.
struct PetitionOffice {
  std::string name;
  std::string address;
  std::string phone;
};

struct IntakeItem {
  AssignmentId assignment_id;
  std::string round_name;
  Group group;
  std::string unit_name;
  Date station_start;
  Date station_end;
  bool open = false;
  bool replies_allowed = true;
};

struct IntakeView {
  PetitionOffice petition_office;
  std::vector<IntakeItem> items;
};

struct Submitted {
  ReportId id;
  std::string number;
  std::string query_code;  // shown once; only its keyed hash is stored
  UnixSeconds received_at = 0;
};

struct ReportView {
  Report report;  // with body decrypted
  std::string group_name;
  std::string unit_name;
  std::string registered_by_name;
  std::optional<Deadline> due;  // the next notice owed to a real-name reporter
  // Detail only.
  bool replies_allowed = false;
  std::vector<ReportState> allowed_transitions;
  std::vector<ReportEvent> events;
  std::vector<ReportMessage> messages;
  std::vector<AttachmentInfo> files;
  bool files_readable = false;      // the caller holds the report key (file names and contents)
  bool identity_available = false;  // the caller may open the identity now
  std::optional<RevealRequest> reveal_request;  // the caller's latest request
  std::string query_code;                       // only in the answer to a staff registration
};

struct PublicStatus {
  std::string number;
  ReportState state = ReportState::kRegistered;
  UnixSeconds received_at = 0;
  std::string group_name;
  std::string unit_name;
  bool replies_allowed = false;
  std::vector<ReportEvent> events;  // at and to only
  std::vector<ReportMessage> messages;
};

struct ReportListFilter {
  ReportFilter store;
  // "overdue" or "soon" (due within kSoonWorkingDays); empty for all.
  std::string due;
};
inline constexpr int kSoonWorkingDays = 3;

enum class NoticeKind { kAcceptance, kResult };

class ReportService {
 public:
  // `attachments` may be null: files are then refused.
  ReportService(Store& store, Crypto& crypto, const Clock& clock, AuditLog& audit,
                ReportKeyring keys, AttachmentProcessor* attachments = nullptr)
      : store_(store),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        keys_(std::move(keys)),
        attachments_(attachments) {}

  // ---- public (no account) ----
  Result<IntakeView> Intake();
  // kFailedPrecondition "intake_closed" when the assignment is not open now.
  Result<Submitted> Submit(ReportDraft d);
  // kNotFound for an unknown or malformed code.
  Result<PublicStatus> Lookup(const std::string& query_code);
  Result<ReportMessage> ReporterMessage(const std::string& query_code, const std::string& text);

  // Registers a report as given (any channel, no intake check), on behalf of `a` or nobody.
  // For the demo and for importers; not reachable from the API.
  Result<Submitted> Import(const Actor* a, ReportDraft d);

  // ---- staff ----
  Result<ReportView> Register(const Actor& a, ReportDraft d);
  Result<Page<ReportView>> List(const Actor& a, const ReportListFilter& f, const PageRequest& p);
  // Logged: every read of a report's content is in the audit log.
  Result<ReportView> Get(const Actor& a, ReportId id);
  Result<ReportView> Move(const Actor& a, ReportId id, int version, const Transition& t);
  Result<ReportView> RecordNotice(const Actor& a, ReportId id, int version, NoticeKind kind);
  Result<ReportMessage> Reply(const Actor& a, ReportId id, const std::string& text);
  // Adds files (e.g. the scans of a letter) to a report; the caller must hold its key.
  Result<ReportView> AddFiles(const Actor& a, ReportId id, std::vector<Attachment> files);
  // One file with its content, decrypted with the caller's key. Logged.
  Result<Attachment> File(const Actor& a, ReportId id, std::int64_t file_id);

  Result<RevealRequest> RequestReveal(const Actor& a, ReportId id, const std::string& reason);
  Result<Page<RevealRequest>> ListReveals(const Actor& a, const RevealFilter& f,
                                          const PageRequest& p);
  // Custodians only; approving re-seals the identity key to the requester.
  Result<RevealRequest> Decide(const Actor& a, RevealRequestId id, bool approve,
                               const std::string& note);
  Result<ReporterIdentity> Identity(const Actor& a, ReportId id);

  // ---- calendar and deadline rules (office edits, report handlers read) ----
  Result<std::vector<CalendarDay>> ListCalendar(const Actor& a);
  Result<CalendarDay> PutCalendarDay(const Actor& a, const CalendarDay& d);
  Status DeleteCalendarDay(const Actor& a, Date d);
  Result<std::vector<DeadlineRule>> ListRules(const Actor& a);
  Result<DeadlineRule> CreateRule(const Actor& a, DeadlineRule r);
  Result<DeadlineRule> UpdateRule(const Actor& a, const DeadlineRule& r);
  // Seeds the default calendar and rules into an empty database.
  Status SeedDefaults();

  Result<PetitionOffice> GetPetitionOffice();
  Status SetPetitionOffice(const Actor& a, const PetitionOffice& p);

 private:
  Result<ReportScope> ScopeOf(Transaction& tx, const Actor& a);
  Result<ReportRecord> Load(Transaction& tx, const Actor& a, ReportId id);
  Result<Submitted> Create(Transaction& tx, const Actor* a, ReportDraft& d,
                           const AssignmentView& av);
  Result<ReportView> View(Transaction& tx, const ReportRecord& rec, bool detail, const Actor* a,
                          const std::vector<CalendarDay>& days,
                          const std::vector<DeadlineRule>& rules);
  Result<ReportView> Detail(Transaction& tx, const Actor& a, const ReportRecord& rec);
  Result<std::optional<ReportRecord>> FindByCode(Transaction& tx, const std::string& code);
  Status CheckHandler(const Actor& a) const;
  // Files: type by content, limits, metadata stripped (outside any transaction).
  Result<std::vector<Attachment>> ProcessFiles(std::vector<Attachment> raw, std::size_t already);
  // The users who handle a report (the office and the group; for a sealed report only the
  // custodians and the group leader) and their public keys, as report_keys holders.
  Result<std::vector<std::pair<std::string, std::string>>> Handlers(Transaction& tx,
                                                                    const Report& r);
  // Seals the report key to every handler (that lacks it, when `only_missing`) and to escrow.
  Status SealReportKey(Transaction& tx, const Report& r, const std::string& report_key,
                       bool only_missing);
  // The report key as the caller's session opens it; nullopt when he holds none.
  Result<std::optional<std::string>> OpenReportKey(Transaction& tx, const Actor& a,
                                                   const Report& r);
  Status StoreFiles(Transaction& tx, const Report& r, const std::string& report_key,
                    std::vector<Attachment>& files, std::optional<UserId> by);
  Date Today() const;

  std::string SealContent(const ReportContent& c, const std::string& number);
  Result<ReportContent> OpenContent(const ReportRecord& rec);
  std::string SealText(const std::string& text, const std::string& context);
  Result<std::string> OpenText(const std::string& box, const std::string& context);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  ReportKeyring keys_;
  AttachmentProcessor* attachments_;
};

}  // namespace xuncha
