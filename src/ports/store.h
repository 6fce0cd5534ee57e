// The storage port: what the app needs from a database. SQLite (src/storage/sqlite) implements it
// today, PostgreSQL later; both must pass tests/storage_contract_test.cc.
//
// Unit of work: Store::Begin() opens a transaction; every repository call goes through it; the
// work becomes visible and durable only at Commit(), and is rolled back if the Transaction is
// destroyed uncommitted. A Transaction is used by one thread at a time. Write transactions are
// serialised by the store; read transactions see a consistent snapshot.
//
// Versions: Update* calls take the record with the version the caller read. If the stored version
// differs the call returns kAborted and changes nothing; on success the stored version is +1.
// Get* return kNotFound for a missing id. Data scopes are applied by the app layer, which passes
// them down as filters (`Scope`), so that lists are filtered in the query itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/assignment.h"
#include "domain/audit.h"
#include "domain/calendar.h"
#include "domain/clue.h"
#include "domain/deadline.h"
#include "domain/finding.h"
#include "domain/group.h"
#include "domain/inspector.h"
#include "domain/mail_intake.h"
#include "domain/overview.h"
#include "domain/rectification.h"
#include "domain/report.h"
#include "domain/round.h"
#include "domain/unit.h"
#include "domain/user.h"

namespace xuncha {

struct PageRequest {
  int page = 1;        // 1-based
  int page_size = 20;  // 1..200
  int offset() const { return (page - 1) * page_size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Restricts a query to records a caller may see. `all` = no restriction; otherwise only ids in
// the lists (an empty list matches nothing).
struct Scope {
  bool all = false;
  std::vector<RoundId> rounds;
  std::vector<GroupId> groups;
  std::vector<UnitId> units;
};

struct RoundFilter {
  std::optional<TermId> term_id;
  std::optional<RoundStatus> status;
  std::string q;  // substring of the name
};

struct RoundSummary {
  Round round;
  std::string term_name;
  int group_count = 0;
  int unit_count = 0;
};

struct AssignmentFilter {
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
};

struct AssignmentView {
  Assignment assignment;
  std::string group_name;
  std::string unit_name;
};

// A user's key pair: the secret key locked by a key derived from his password and `salt`.
struct UserKeys {
  std::string public_key;
  std::string locked_secret_key;
  std::string salt;
};

// An enabled user who has a key pair: to whom a report's keys may be sealed.
struct KeyHolder {
  UserId user_id;
  Role role = Role::kOffice;
  bool custodian = false;
  std::optional<InspectorId> inspector_id;
  std::string public_key;
};

// A report as stored: its plain columns and the ciphertexts the app decrypts.
struct ReportRecord {
  Report report;                   // body left empty
  std::string query_hash;          // keyed hash of the query code
  std::string content_box;         // ReportContent, server key
  std::string identity_box;        // ReporterIdentity, identity key; empty when anonymous
  std::string group_name;          // filled on read
  std::string unit_name;           // filled on read
  std::string registered_by_name;  // filled on read
};

// Which reports a caller may see: groups (or all), and of those the sealed ones only in
// `sealed_groups` (or all when sealed_all).
struct ReportScope {
  bool all = false;
  std::vector<GroupId> groups;
  bool sealed_all = false;
  std::vector<GroupId> sealed_groups;
};

struct ReportFilter {
  std::optional<Channel> channel;
  std::optional<ReportState> state;
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  // Only reports with a deadline running: real-name reports that still owe the reporter a
  // notice, and sealed reports not yet transferred.
  bool notice_pending = false;
};

struct ReportEventRecord {
  ReportEvent event;       // reason and letter left empty
  std::string detail_box;  // {reason, letter}, server key
};

struct ReportMessageRecord {
  ReportMessage message;  // text left empty
  std::string text_box;   // server key
};

struct ReportFileRecord {
  AttachmentInfo info;  // filename left empty
  ReportId report_id;
  std::optional<UserId> added_by;
  std::string key_box;   // file key, sealed with the report key
  std::string name_box;  // file name, file key
  std::string data_box;  // content, file key (only filled by GetReportFile)
};

struct RevealFilter {
  std::optional<RevealState> state;
  std::optional<UserId> requested_by;
  std::optional<ReportId> report_id;
};

// A message from a group's mailbox as stored.
struct MailRecord {
  MailMessage message;
  std::string dedup_key;   // keyed hash of the Message-ID, else of the raw bytes
  std::string raw_box;     // quarantined only (only filled by GetMail)
  std::string group_name;  // filled on read
};

struct MailFilter {
  bool all_groups = false;  // else only `groups`
  std::vector<GroupId> groups;
  std::optional<GroupId> group_id;
  std::optional<MailState> state;
};

// A group's mailbox polled over IMAP.
struct MailAccountRecord {
  GroupId group_id;
  std::string url;
  std::string username;
  std::string password_box;  // server key
  std::string ca_file;
  bool enabled = true;
  std::uint64_t uid_validity = 0;
  std::uint64_t last_uid = 0;
  std::optional<UnixSeconds> last_poll_at;
  std::string last_error;
};

// One sealed segment of the search index (docs/search.md).
struct SearchSegmentRow {
  std::int64_t id = 0;
  std::int64_t docs = 0;
  std::string box;  // empty when listed without it
  UnixSeconds created_at = 0;
};

// A record changed since it was last indexed.
struct SearchOutboxRow {
  std::int64_t seq = 0;
  std::string kind;  // "report", "finding" or "clue"
  std::int64_t record_id = 0;
};

// A finding as stored: its plain columns and the sealed content.
struct FindingRecord {
  Finding finding;              // content left empty
  std::string content_box;      // FindingContent, server key
  std::string group_name;       // filled on read
  std::string unit_name;        // filled on read
  std::string round_name;       // filled on read
  std::string focus_title;      // filled on read; empty without a focus item
  std::string focus_order;      // filled on read: sorts by the checklist's order, none last
  std::string created_by_name;  // filled on read
  std::string updated_by_name;  // filled on read
};

struct FindingFilter {
  bool all_groups = false;  // else only `groups`
  std::vector<GroupId> groups;
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<FindingState> state;
  std::optional<FocusItemId> focus_item_id;
  std::optional<Discipline> discipline;
};

// A clue as stored: its plain columns and the sealed boxes.
struct ClueRecord {
  Clue clue;                        // content and disposal note left empty
  std::string content_box;          // ClueContent, server key
  std::string disposal_box;         // the disposal note, server key; empty before the disposal
  std::string group_name;           // filled on read
  std::string unit_name;            // filled on read
  std::string round_name;           // filled on read
  std::string created_by_name;      // filled on read
  std::string updated_by_name;      // filled on read
  std::string handed_over_by_name;  // filled on read
  std::string received_by_name;     // filled on read
};

struct ClueFilter {
  bool all_groups = false;  // else only `groups`
  std::vector<GroupId> groups;
  // A recipient's view: only clues handed to this organ (state handed over or later).
  std::optional<Organ> with_organ;
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<ClueState> state;
  std::optional<Organ> organ;
  std::optional<Discipline> discipline;
};

// A measure as stored: its plain columns and the sealed content.
struct MeasureRecord {
  Measure measure;               // content left empty
  std::string content_box;       // MeasureContent, server key
  std::string unit_name;         // filled on read
  std::string created_by_name;   // filled on read
  std::string updated_by_name;   // filled on read
  std::string accepted_by_name;  // filled on read
};

// Which records of rectification a caller may read: all, his groups', or his unit's.
struct RectificationFilter {
  bool all = false;
  std::vector<GroupId> groups;      // when not all and no unit
  std::optional<UnitId> only_unit;  // a unit's liaison
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<ProblemStatus> status;  // problems only
};

// An item of a problem list: a confirmed finding of a round fed back to the unit, with the
// counts of its measures.
struct ProblemRow {
  FindingRecord finding;
  RoundStatus round_status = RoundStatus::kRectification;
  int measures = 0;
  int done = 0;      // reported done, awaiting acceptance
  int accepted = 0;  // closed out
  int overdue = 0;   // planned and past the deadline on the day asked
};

// What the staff decided about a report's triage (db/migrations/0007_triage.sql).
struct TriageDecisionRecord {
  ReportId report_id;
  int version = 1;
  std::string scope;                     // in_scope | transfer | above_level | unclear
  std::vector<std::string> disciplines;  // keys
  std::vector<int> articles;
  std::string persons_box;  // sealed {"leaders": [...], "note": ...}
  UserId decided_by;
  std::string decided_by_name;  // filled on read
  UnixSeconds decided_at = 0;
};

struct RepeatLinkRecord {
  ReportId a;  // a < b
  ReportId b;
  double similarity = 0;
  std::string origin;  // automatic | staff
  std::string state;   // linked | split
  std::optional<UserId> changed_by;
  UnixSeconds changed_at = 0;
  std::string basis = "text";  // text | facts (automatic), staff
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  [[nodiscard]] virtual Status Commit() = 0;

  // Users and sessions.
  virtual Result<User> GetUser(UserId id) = 0;
  virtual Result<std::optional<User>> FindUserByName(const std::string& username) = 0;
  virtual Result<UserId> InsertUser(const User& u) = 0;  // kAlreadyExists on a taken username
  virtual Status UpdateUser(const User& u) = 0;
  // Records login attempts without a version check (counters are not user-edited).
  virtual Status SetLoginState(UserId id, int failed_logins, UnixSeconds locked_until) = 0;
  virtual Result<Page<User>> ListUsers(const PageRequest& page) = 0;
  virtual Status InsertSession(const Session& s) = 0;
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, UnixSeconds at) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteSessionsOf(UserId id) = 0;

  // Terms and rounds.
  virtual Result<TermId> InsertTerm(const Term& t) = 0;
  virtual Result<Term> GetTerm(TermId id) = 0;
  virtual Result<std::vector<Term>> ListTerms() = 0;
  virtual Result<RoundId> InsertRound(const Round& r) = 0;
  virtual Result<RoundSummary> GetRound(RoundId id) = 0;
  virtual Status UpdateRound(const Round& r) = 0;
  virtual Result<Page<RoundSummary>> ListRounds(const Scope& scope, const RoundFilter& f,
                                                const PageRequest& page) = 0;

  // Focus checklist.
  virtual Result<FocusItemId> InsertFocusItem(const FocusItem& f) = 0;
  virtual Result<FocusItem> GetFocusItem(FocusItemId id) = 0;
  virtual Status UpdateFocusItem(const FocusItem& f) = 0;
  virtual Status DeleteFocusItem(FocusItemId id) = 0;  // and its descendants
  virtual Result<std::vector<FocusItem>> ListFocusItems(RoundId round) = 0;

  // Groups; members are stored with the group but changed by their own calls.
  virtual Result<GroupId> InsertGroup(const Group& g) = 0;
  virtual Result<Group> GetGroup(GroupId id) = 0;
  virtual Status UpdateGroup(const Group& g) = 0;  // channels and name; not members
  virtual Result<std::vector<Group>> ListGroups(const Scope& scope,
                                                std::optional<RoundId> round) = 0;
  virtual Status UpsertGroupMember(GroupId g, InspectorId i, MemberRole role) = 0;
  virtual Status RemoveGroupMember(GroupId g, InspectorId i) = 0;
  // Groups (in any round) that `inspector` belongs to.
  virtual Result<std::vector<GroupId>> GroupsOfInspector(InspectorId inspector) = 0;

  // Units and rosters.
  virtual Result<UnitId> InsertUnit(const Unit& u) = 0;
  virtual Result<Unit> GetUnit(UnitId id) = 0;
  virtual Status UpdateUnit(const Unit& u) = 0;
  virtual Result<Page<Unit>> ListUnits(const Scope& scope, const std::string& q,
                                       const PageRequest& page) = 0;
  virtual Result<LeaderId> InsertLeader(const Leader& l) = 0;
  virtual Result<Leader> GetLeader(LeaderId id) = 0;
  virtual Status UpdateLeader(const Leader& l) = 0;
  virtual Status DeleteLeader(LeaderId id) = 0;
  virtual Result<std::vector<Leader>> ListLeaders(UnitId unit) = 0;

  // Inspector pool.
  virtual Result<InspectorId> InsertInspector(const Inspector& i) = 0;
  virtual Result<Inspector> GetInspector(InspectorId id) = 0;
  virtual Status UpdateInspector(const Inspector& i) = 0;
  virtual Result<Page<Inspector>> ListInspectors(const std::string& q, const PageRequest& page) = 0;

  // Assignments.
  virtual Result<AssignmentId> InsertAssignment(const Assignment& a) = 0;
  virtual Result<AssignmentView> GetAssignment(AssignmentId id) = 0;
  virtual Status UpdateAssignment(const Assignment& a) = 0;
  virtual Result<std::vector<AssignmentView>> ListAssignments(const Scope& scope,
                                                              const AssignmentFilter& f) = 0;

  // Logs. AppendAudit stores `e` as given (seq, hashes computed by the caller, who holds the
  // write transaction); LastAudit returns the newest entry, if any.
  virtual Result<std::optional<AuditEntry>> LastAudit() = 0;
  virtual Status AppendAudit(const AuditEntry& e) = 0;
  virtual Result<Page<AuditEntry>> ListAudit(const PageRequest& page) = 0;  // newest first
  // All entries in seq order, for verification.
  virtual Result<std::vector<AuditEntry>> AllAudit() = 0;
  virtual Status AppendLogin(const LoginRecord& r) = 0;
  virtual Result<Page<LoginRecord>> ListLogins(const PageRequest& page) = 0;

  // Keys.
  virtual Result<std::optional<UserKeys>> GetUserKeys(UserId id) = 0;
  virtual Status PutUserKeys(UserId id, const UserKeys& k) = 0;  // inserts or replaces
  virtual Status DeleteUserKeys(UserId id) = 0;
  virtual Result<std::vector<KeyHolder>> ListKeyHolders() = 0;

  // Reports. NextReportSeq returns 1, 2, ... per year.
  virtual Result<std::int64_t> NextReportSeq(int year) = 0;
  virtual Result<ReportId> InsertReport(const ReportRecord& r) = 0;
  virtual Result<ReportRecord> GetReport(ReportId id) = 0;
  virtual Result<std::optional<ReportRecord>> FindReportByQueryHash(const std::string& hash) = 0;
  // Updates state, sealed, result_at and the notice times (version-checked).
  virtual Status UpdateReport(const Report& r) = 0;
  // Newest first.
  virtual Result<Page<ReportRecord>> ListReports(const ReportScope& scope, const ReportFilter& f,
                                                 const PageRequest& page) = 0;
  virtual Status PutReportKey(ReportId id, const std::string& kind, const std::string& holder,
                              const std::string& sealed_key) = 0;
  virtual Result<std::optional<std::string>> GetReportKey(ReportId id, const std::string& kind,
                                                          const std::string& holder) = 0;
  // The holders of a report's keys of `kind` ("user:<id>", "escrow"), sorted.
  virtual Result<std::vector<std::string>> ListReportKeyHolders(ReportId id,
                                                                const std::string& kind) = 0;
  // Removes one sealed key; nothing happens when there is none.
  virtual Status DeleteReportKey(ReportId id, const std::string& kind,
                                 const std::string& holder) = 0;
  virtual Status InsertReportEvent(const ReportEventRecord& e) = 0;
  virtual Result<std::vector<ReportEventRecord>> ListReportEvents(ReportId id) = 0;
  virtual Result<std::int64_t> InsertReportFile(const ReportFileRecord& f) = 0;
  // Without data_box, by position.
  virtual Result<std::vector<ReportFileRecord>> ListReportFiles(ReportId id) = 0;
  virtual Result<ReportFileRecord> GetReportFile(ReportId report, std::int64_t file_id) = 0;
  virtual Result<std::int64_t> InsertReportMessage(const ReportMessageRecord& m) = 0;
  virtual Result<std::vector<ReportMessageRecord>> ListReportMessages(ReportId id) = 0;

  // Requests to see a reporter's identity.
  virtual Result<RevealRequestId> InsertRevealRequest(const RevealRequest& r) = 0;
  virtual Result<RevealRequest> GetRevealRequest(RevealRequestId id) = 0;
  virtual Status UpdateRevealRequest(const RevealRequest& r) = 0;  // the decision
  virtual Result<Page<RevealRequest>> ListRevealRequests(const RevealFilter& f,
                                                         const PageRequest& page) = 0;

  // Email: messages taken from group mailboxes, the keys of quarantined ones, IMAP accounts.
  virtual Result<std::optional<MailId>> FindMail(GroupId group, const std::string& dedup_key) = 0;
  virtual Result<MailId> InsertMail(const MailRecord& m) = 0;
  virtual Result<MailRecord> GetMail(MailId id) = 0;                            // with raw_box
  virtual Result<std::optional<MailRecord>> FindMailByReport(ReportId id) = 0;  // with raw_box
  // Updates state, reason, report_id, raw_box (cleared when empty), handled_by/at.
  virtual Status UpdateMail(const MailRecord& m) = 0;
  virtual Result<Page<MailRecord>> ListMail(const MailFilter& f, const PageRequest& page) = 0;
  virtual Status PutMailKey(MailId id, const std::string& holder, const std::string& box) = 0;
  virtual Result<std::optional<std::string>> GetMailKey(MailId id, const std::string& holder) = 0;
  virtual Status DeleteMailKeys(MailId id) = 0;
  virtual Result<std::vector<MailAccountRecord>> ListMailAccounts() = 0;
  virtual Result<std::optional<MailAccountRecord>> GetMailAccount(GroupId group) = 0;
  virtual Status PutMailAccount(const MailAccountRecord& a) = 0;  // inserts or replaces
  virtual Status DeleteMailAccount(GroupId group) = 0;            // kNotFound when absent
  // Records a poll: the position reached and the last error (empty when it went well).
  virtual Status UpdateMailAccountPoll(GroupId group, std::uint64_t uid_validity,
                                       std::uint64_t last_uid, UnixSeconds at,
                                       const std::string& error) = 0;

  // Search index: sealed segments and the outbox of records to (re)index. The outbox is filled
  // by the storage itself (triggers) in the same transaction as each record change.
  virtual Result<std::vector<SearchSegmentRow>> ListSearchSegments(bool with_box) = 0;
  // One segment with its box; kNotFound when absent.
  virtual Result<SearchSegmentRow> GetSearchSegment(std::int64_t id) = 0;
  virtual Status PutSearchSegment(const SearchSegmentRow& s) = 0;  // kAlreadyExists on a taken id
  virtual Status DeleteSearchSegment(std::int64_t id) = 0;         // kNotFound when absent
  virtual Status DeleteAllSearchSegments() = 0;
  // The oldest `limit` rows, by seq.
  virtual Result<std::vector<SearchOutboxRow>> ListSearchOutbox(int limit) = 0;
  virtual Result<std::int64_t> CountSearchOutbox() = 0;
  virtual Status DeleteSearchOutboxThrough(std::int64_t seq) = 0;
  // Queues every record of every indexed kind (for a rebuild).
  virtual Status QueueAllForSearch() = 0;
  // Every report's plain columns (body empty), by id: what search filters and scopes use.
  virtual Result<std::vector<Report>> ListAllReportColumns() = 0;

  // Findings. NextFindingId is the id the next InsertFinding in this (write) transaction will
  // use when given it (content is sealed to its id before the row exists).
  virtual Result<FindingId> NextFindingId() = 0;
  virtual Result<FindingId> InsertFinding(const FindingRecord& f) = 0;
  virtual Result<FindingRecord> GetFinding(FindingId id) = 0;
  // Updates everything but where it was found and who created it (version-checked).
  virtual Status UpdateFinding(const FindingRecord& f) = 0;
  // Newest first.
  virtual Result<Page<FindingRecord>> ListFindings(const FindingFilter& f,
                                                   const PageRequest& page) = 0;
  // Every finding's plain columns (content empty), by id: what search filters and scopes use.
  virtual Result<std::vector<Finding>> ListAllFindingColumns() = 0;

  // Clues, as findings: NextClueId is the id the next InsertClue in this write transaction uses.
  virtual Result<ClueId> NextClueId() = 0;
  virtual Result<ClueId> InsertClue(const ClueRecord& c) = 0;
  virtual Result<ClueRecord> GetClue(ClueId id) = 0;
  // Updates everything but where it was found and who created it (version-checked).
  virtual Status UpdateClue(const ClueRecord& c) = 0;
  // Newest first.
  virtual Result<Page<ClueRecord>> ListClues(const ClueFilter& f, const PageRequest& page) = 0;
  // Every clue's plain columns, by id: what search filters and scopes use.
  virtual Result<std::vector<Clue>> ListAllClueColumns() = 0;

  // Rectification: the problem lists (confirmed findings of rounds in rectification or closed)
  // and the measures. `today` (YYYY-MM-DD, China time) decides what is overdue.
  virtual Result<Page<ProblemRow>> ListProblems(const RectificationFilter& f, Date today,
                                                const PageRequest& page) = 0;
  // The ids of every finding on a problem list, whatever the scope.
  virtual Result<std::vector<FindingId>> ListProblemIds() = 0;
  virtual Result<MeasureId> NextMeasureId() = 0;
  virtual Result<MeasureId> InsertMeasure(const MeasureRecord& m) = 0;
  virtual Result<MeasureRecord> GetMeasure(MeasureId id) = 0;
  virtual Status UpdateMeasure(const MeasureRecord& m) = 0;  // version-checked
  // A problem's measures, oldest first.
  virtual Result<std::vector<MeasureRecord>> ListMeasures(FindingId finding) = 0;
  virtual Result<std::vector<Measure>> ListAllMeasureColumns() = 0;

  // The plain columns (states, channels, keys; no content) of a round's reports, findings,
  // clues and measures, of every group or only of `groups`: what the overview counts.
  virtual Result<RoundFacts> ReadRoundFacts(RoundId round, bool all_groups,
                                            const std::vector<GroupId>& groups) = 0;

  // Triage decisions and repeat links.
  virtual Result<std::optional<TriageDecisionRecord>> GetTriageDecision(ReportId id) = 0;
  // Inserts (version 1) or updates when `version` matches the stored one (then stores
  // version + 1); kAborted for a stale version.
  virtual Status PutTriageDecision(const TriageDecisionRecord& d) = 0;
  virtual Result<std::vector<TriageDecisionRecord>> ListTriageDecisions() = 0;
  // Reports whose decided disciplines include `key`.
  virtual Result<std::vector<ReportId>> ReportsWithDiscipline(const std::string& key) = 0;
  virtual Result<std::vector<RepeatLinkRecord>> ListRepeatLinks() = 0;
  virtual Status PutRepeatLink(const RepeatLinkRecord& l) = 0;  // inserts or replaces

  // Working-day calendar and notice deadlines.
  virtual Result<std::vector<CalendarDay>> ListCalendarDays() = 0;
  virtual Status PutCalendarDay(const CalendarDay& d) = 0;  // inserts or replaces by date
  virtual Status DeleteCalendarDay(Date d) = 0;             // kNotFound when absent
  virtual Result<std::vector<DeadlineRule>> ListDeadlineRules() = 0;
  virtual Result<std::int64_t> InsertDeadlineRule(const DeadlineRule& r) = 0;
  virtual Status UpdateDeadlineRule(const DeadlineRule& r) = 0;

  // Settings (key/value), e.g. "demo" = "1".
  virtual Result<std::optional<std::string>> GetSetting(const std::string& key) = 0;
  virtual Status PutSetting(const std::string& key, const std::string& value) = 0;
};

enum class TxMode { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  virtual Result<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;
};

}  // namespace xuncha
