// Use cases of public reports (来信来电来访): the public intake, staff registration, the inbox,
// the workflow and its notice deadlines, messages with the reporter, and the custodian-approved
// reveal of a reporter's identity.
//
// Protection (docs/reports.md): report content, events and messages are sealed with the server's
// content key (held outside the database); the reporter's identity with a per-report identity key
// that is sealed only to custodians and to the escrow key, and re-sealed to a requester when a
// custodian approves. Query codes are stored as keyed hashes. No reporter IP is ever passed in.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "ports/attachments.h"
#include "ports/crypto.h"
#include "ports/mail.h"
#include "ports/store.h"

namespace xuncha {

// Keys the server holds outside the database.
struct ReportKeyring {
  std::string content_key;        // 32 bytes: report content, events, messages
  std::string lookup_key;         // 32 bytes: keyed hash of query codes
  std::string escrow_public_key;  // X25519: every identity key is also sealed to it
  std::string search_key;         // 32 bytes: the search index's segments (not used here)
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

// What became of one message from a group's mailbox.
struct MailImportResult {
  enum class Kind { kImported, kDuplicate, kQuarantined };
  Kind kind = Kind::kQuarantined;
  MailId mail_id;
  std::string report_number;  // kImported
  std::string reason;         // kQuarantined: the error key
  std::vector<std::string> warnings;
};

struct MailView {
  MailMessage message;
  std::string group_name;
  std::string report_number;  // once it is a report
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

  // ---- email (电子信箱) ----
  // The parser for mail; without one, every message goes to quarantine as unreadable.
  void SetMailParser(MailParser* p) { mail_parser_ = p; }
  // Turns one raw message from `group`'s mailbox into a report (channel email, the original
  // kept as an encrypted file of it), or records it in quarantine with the reason and its raw
  // bytes; a message seen before (same Message-ID, else same bytes) adds nothing. For the
  // importer and the IMAP poller; not reachable from the API.
  Result<MailImportResult> ImportMail(GroupId group, std::string raw, MailSource source);
  // Messages of the caller's groups (the office: all), newest first.
  Result<Page<MailView>> ListMail(const Actor& a, MailFilter f, const PageRequest& p);
  // A quarantined message's raw bytes, opened with the caller's key. Logged.
  Result<std::string> MailRaw(const Actor& a, MailId id);
  // Registers a quarantined message by hand as a report of its group (channel email); it
  // leaves quarantine and its original stays for the custodians.
  Result<ReportView> RegisterMail(const Actor& a, MailId id, ReportDraft d);
  // An email report's original message (it names the sender): only for those who hold its key
  // — the custodians (and, through the escrow code, the office). Logged.
  Result<std::string> MailOriginal(const Actor& a, ReportId id);

  // ---- for search (app/search_service.h) ----
  // Which reports `a` may see; kPermissionDenied for roles that handle no reports.
  Result<ReportScope> ScopeFor(Transaction& tx, const Actor& a) { return ScopeOf(tx, a); }
  // What the index holds of a report: its number, the persons named and its text, in the clear
  // (the caller normalises and seals it). Never the reporter's identity.
  Result<std::string> SearchText(const ReportRecord& rec);
  // List views (as List gives them) of those of `ids` the caller may see, in the order asked;
  // the others (gone, or out of scope since the index was read) are left out.
  Result<std::vector<ReportView>> Summaries(const Actor& a, const std::vector<ReportId>& ids);

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

  // ---- staff change: re-granting keys through the escrow key (xuncha keys regrant) ----
  struct RegrantSummary {
    int reports = 0;        // reports whose report or identity key was re-sealed
    int report_keys = 0;    // report-key boxes sealed to current handlers
    int identity_keys = 0;  // identity-key boxes sealed to custodians and approved requesters
    int stale_removed = 0;  // boxes of users who no longer handle the report (or have no key)
    int skipped = 0;        // reports with a key the escrow key cannot open: left as they were
    int mail_keys = 0;      // email originals whose key was re-sealed to their current holders
  };
  // Opens every report's report and identity keys with the escrow secret key (unlocked from the
  // recovery code, see server/keyring.h) and seals them again to the current holders' public
  // keys, overwriting what was there: the report key to every handler (Handlers()), the
  // identity key to the custodians and to users with an approved reveal request who still
  // handle the report. Boxes of anyone else (left the group, disabled, or without a key pair
  // since a password reset) are removed; the escrow boxes stay. All reports, sealed ones and
  // past rounds included, in write transactions of a few hundred reports each, so a running
  // server is never blocked for long; running it again is harmless. One "keys.regrant" audit
  // entry at the end. kPermissionDenied "bad_recovery_code" before anything changes when the
  // secret key does not belong to this database's escrow public key; kFailedPrecondition when
  // the database has no escrow key.
  Result<RegrantSummary> Regrant(const std::string& escrow_secret_key);

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
  // Register() with, inside its transaction, the original message stored as a file and
  // `in_tx` run before the commit.
  Result<ReportView> RegisterWith(
      const Actor& a, ReportDraft d, const Attachment* original,
      const std::function<Status(Transaction&, const AssignmentView&, const Submitted&)>& in_tx);
  Result<MailImportResult> Quarantine(Transaction& tx, MailRecord rec, const std::string& raw);
  // Who holds a message's key: the custodians and escrow; with `leaders`, also the group's
  // leader (while the message waits in quarantine for someone to register it).
  Result<std::vector<std::pair<std::string, std::string>>> MailHolders(Transaction& tx,
                                                                       GroupId group, bool leaders);
  // Replaces the message's key boxes by boxes for MailHolders().
  Status SealMailKey(Transaction& tx, MailId id, GroupId group, const std::string& mail_key,
                     bool leaders);
  // The mail's attachments as report files: each one type-checked and stripped on its own; one
  // that is refused is left out with a warning (the original message still holds it).
  std::vector<Attachment> MailFiles(std::vector<InboundAttachment> in,
                                    std::vector<std::string>& warnings);

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
  MailParser* mail_parser_ = nullptr;
};

}  // namespace xuncha
