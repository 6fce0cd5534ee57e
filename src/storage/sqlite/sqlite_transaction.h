// Internal to the SQLite adapter: the Transaction implementation, split over
// sqlite_transaction.cc (lifecycle, accounts, logs) and sqlite_planning.cc (planning records).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "ports/store.h"
#include "storage/sqlite/db.h"

namespace xuncha::sqlite {

class SqliteTransaction final : public Transaction {
 public:
  // `conn` is used for the transaction's lifetime; `release` runs at destruction (returns a
  // pooled reader, or unlocks the writer).
  SqliteTransaction(Connection* conn, std::function<void()> release)
      : conn_(conn), release_(std::move(release)) {}
  ~SqliteTransaction() override;

  Status Commit() override;

  Result<User> GetUser(UserId id) override;
  Result<std::optional<User>> FindUserByName(const std::string& username) override;
  Result<UserId> InsertUser(const User& u) override;
  Status UpdateUser(const User& u) override;
  Status SetLoginState(UserId id, int failed_logins, UnixSeconds locked_until) override;
  Result<Page<User>> ListUsers(const PageRequest& page) override;
  Status InsertSession(const Session& s) override;
  Result<std::optional<Session>> FindSession(const std::string& token_hash) override;
  Status TouchSession(const std::string& token_hash, UnixSeconds at) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteSessionsOf(UserId id) override;

  Result<TermId> InsertTerm(const Term& t) override;
  Result<Term> GetTerm(TermId id) override;
  Result<std::vector<Term>> ListTerms() override;
  Result<RoundId> InsertRound(const Round& r) override;
  Result<RoundSummary> GetRound(RoundId id) override;
  Status UpdateRound(const Round& r) override;
  Result<Page<RoundSummary>> ListRounds(const Scope& scope, const RoundFilter& f,
                                        const PageRequest& page) override;

  Result<FocusItemId> InsertFocusItem(const FocusItem& f) override;
  Result<FocusItem> GetFocusItem(FocusItemId id) override;
  Status UpdateFocusItem(const FocusItem& f) override;
  Status DeleteFocusItem(FocusItemId id) override;
  Result<std::vector<FocusItem>> ListFocusItems(RoundId round) override;

  Result<GroupId> InsertGroup(const Group& g) override;
  Result<Group> GetGroup(GroupId id) override;
  Status UpdateGroup(const Group& g) override;
  Result<std::vector<Group>> ListGroups(const Scope& scope, std::optional<RoundId> round) override;
  Status UpsertGroupMember(GroupId g, InspectorId i, MemberRole role) override;
  Status RemoveGroupMember(GroupId g, InspectorId i) override;
  Result<std::vector<GroupId>> GroupsOfInspector(InspectorId inspector) override;

  Result<UnitId> InsertUnit(const Unit& u) override;
  Result<Unit> GetUnit(UnitId id) override;
  Status UpdateUnit(const Unit& u) override;
  Result<Page<Unit>> ListUnits(const Scope& scope, const std::string& q,
                               const PageRequest& page) override;
  Result<LeaderId> InsertLeader(const Leader& l) override;
  Result<Leader> GetLeader(LeaderId id) override;
  Status UpdateLeader(const Leader& l) override;
  Status DeleteLeader(LeaderId id) override;
  Result<std::vector<Leader>> ListLeaders(UnitId unit) override;

  Result<InspectorId> InsertInspector(const Inspector& i) override;
  Result<Inspector> GetInspector(InspectorId id) override;
  Status UpdateInspector(const Inspector& i) override;
  Result<Page<Inspector>> ListInspectors(const std::string& q, const PageRequest& page) override;

  Result<AssignmentId> InsertAssignment(const Assignment& a) override;
  Result<AssignmentView> GetAssignment(AssignmentId id) override;
  Status UpdateAssignment(const Assignment& a) override;
  Result<std::vector<AssignmentView>> ListAssignments(const Scope& scope,
                                                      const AssignmentFilter& f) override;

  Result<std::optional<AuditEntry>> LastAudit() override;
  Status AppendAudit(const AuditEntry& e) override;
  Result<Page<AuditEntry>> ListAudit(const PageRequest& page) override;
  Result<std::vector<AuditEntry>> AllAudit() override;
  Status AppendLogin(const LoginRecord& r) override;
  Result<Page<LoginRecord>> ListLogins(const PageRequest& page) override;

  Result<std::optional<UserKeys>> GetUserKeys(UserId id) override;
  Status PutUserKeys(UserId id, const UserKeys& k) override;
  Status DeleteUserKeys(UserId id) override;
  Result<std::vector<KeyHolder>> ListKeyHolders() override;

  Result<std::int64_t> NextReportSeq(int year) override;
  Result<ReportId> InsertReport(const ReportRecord& r) override;
  Result<ReportRecord> GetReport(ReportId id) override;
  Result<std::optional<ReportRecord>> FindReportByQueryHash(const std::string& hash) override;
  Status UpdateReport(const Report& r) override;
  Result<Page<ReportRecord>> ListReports(const ReportScope& scope, const ReportFilter& f,
                                         const PageRequest& page) override;
  Status PutReportKey(ReportId id, const std::string& kind, const std::string& holder,
                      const std::string& sealed_key) override;
  Result<std::optional<std::string>> GetReportKey(ReportId id, const std::string& kind,
                                                  const std::string& holder) override;
  Result<std::vector<std::string>> ListReportKeyHolders(ReportId id,
                                                        const std::string& kind) override;
  Status DeleteReportKey(ReportId id, const std::string& kind, const std::string& holder) override;
  Status InsertReportEvent(const ReportEventRecord& e) override;
  Result<std::vector<ReportEventRecord>> ListReportEvents(ReportId id) override;
  Result<std::int64_t> InsertReportFile(const ReportFileRecord& f) override;
  Result<std::vector<ReportFileRecord>> ListReportFiles(ReportId id) override;
  Result<ReportFileRecord> GetReportFile(ReportId report, std::int64_t file_id) override;
  Result<std::int64_t> InsertReportMessage(const ReportMessageRecord& m) override;
  Result<std::vector<ReportMessageRecord>> ListReportMessages(ReportId id) override;

  Result<RevealRequestId> InsertRevealRequest(const RevealRequest& r) override;
  Result<RevealRequest> GetRevealRequest(RevealRequestId id) override;
  Status UpdateRevealRequest(const RevealRequest& r) override;
  Result<Page<RevealRequest>> ListRevealRequests(const RevealFilter& f,
                                                 const PageRequest& page) override;

  Result<std::optional<MailId>> FindMail(GroupId group, const std::string& dedup_key) override;
  Result<MailId> InsertMail(const MailRecord& m) override;
  Result<MailRecord> GetMail(MailId id) override;
  Result<std::optional<MailRecord>> FindMailByReport(ReportId id) override;
  Status UpdateMail(const MailRecord& m) override;
  Result<Page<MailRecord>> ListMail(const MailFilter& f, const PageRequest& page) override;
  Status PutMailKey(MailId id, const std::string& holder, const std::string& box) override;
  Result<std::optional<std::string>> GetMailKey(MailId id, const std::string& holder) override;
  Status DeleteMailKeys(MailId id) override;
  Result<std::vector<MailAccountRecord>> ListMailAccounts() override;
  Result<std::optional<MailAccountRecord>> GetMailAccount(GroupId group) override;
  Status PutMailAccount(const MailAccountRecord& a) override;
  Status DeleteMailAccount(GroupId group) override;
  Status UpdateMailAccountPoll(GroupId group, std::uint64_t uid_validity, std::uint64_t last_uid,
                               UnixSeconds at, const std::string& error) override;
  Result<std::vector<SearchSegmentRow>> ListSearchSegments(bool with_box) override;
  Result<SearchSegmentRow> GetSearchSegment(std::int64_t id) override;
  Status PutSearchSegment(const SearchSegmentRow& s) override;
  Status DeleteSearchSegment(std::int64_t id) override;
  Status DeleteAllSearchSegments() override;
  Result<std::vector<SearchOutboxRow>> ListSearchOutbox(int limit) override;
  Result<std::int64_t> CountSearchOutbox() override;
  Status DeleteSearchOutboxThrough(std::int64_t seq) override;
  Status QueueAllForSearch() override;
  Result<std::vector<Report>> ListAllReportColumns() override;
  Result<FindingId> NextFindingId() override;
  Result<FindingId> InsertFinding(const FindingRecord& f) override;
  Result<FindingRecord> GetFinding(FindingId id) override;
  Status UpdateFinding(const FindingRecord& f) override;
  Result<Page<FindingRecord>> ListFindings(const FindingFilter& f,
                                           const PageRequest& page) override;
  Result<std::vector<Finding>> ListAllFindingColumns() override;

  Result<ClueId> NextClueId() override;
  Result<ClueId> InsertClue(const ClueRecord& c) override;
  Result<ClueRecord> GetClue(ClueId id) override;
  Status UpdateClue(const ClueRecord& c) override;
  Result<Page<ClueRecord>> ListClues(const ClueFilter& f, const PageRequest& page) override;
  Result<std::vector<Clue>> ListAllClueColumns() override;

  Result<Page<ProblemRow>> ListProblems(const RectificationFilter& f, Date today,
                                        const PageRequest& page) override;
  Result<std::vector<FindingId>> ListProblemIds() override;
  Result<RoundFacts> ReadRoundFacts(RoundId round, bool all_groups,
                                    const std::vector<GroupId>& groups) override;
  Result<MeasureId> NextMeasureId() override;
  Result<MeasureId> InsertMeasure(const MeasureRecord& m) override;
  Result<MeasureRecord> GetMeasure(MeasureId id) override;
  Status UpdateMeasure(const MeasureRecord& m) override;
  Result<std::vector<MeasureRecord>> ListMeasures(FindingId finding) override;
  Result<std::vector<Measure>> ListAllMeasureColumns() override;
  Result<std::optional<TriageDecisionRecord>> GetTriageDecision(ReportId id) override;
  Status PutTriageDecision(const TriageDecisionRecord& d) override;
  Result<std::vector<TriageDecisionRecord>> ListTriageDecisions() override;
  Result<std::vector<ReportId>> ReportsWithDiscipline(const std::string& key) override;
  Result<std::vector<RepeatLinkRecord>> ListRepeatLinks() override;
  Status PutRepeatLink(const RepeatLinkRecord& l) override;

  Result<std::vector<CalendarDay>> ListCalendarDays() override;
  Status PutCalendarDay(const CalendarDay& d) override;
  Status DeleteCalendarDay(Date d) override;
  Result<std::vector<DeadlineRule>> ListDeadlineRules() override;
  Result<std::int64_t> InsertDeadlineRule(const DeadlineRule& r) override;
  Status UpdateDeadlineRule(const DeadlineRule& r) override;

  Result<std::optional<std::string>> GetSetting(const std::string& key) override;
  Status PutSetting(const std::string& key, const std::string& value) override;

 private:
  Result<Statement*> Prep(const std::string& sql) { return conn_->Prepare(sql); }
  // After an UPDATE ... WHERE id=? AND version=?: kNotFound or kAborted when nothing changed.
  Status CheckVersioned(const char* table, std::int64_t id, const char* what);
  Status WriteInspectorChildren(const Inspector& i);
  Result<std::int64_t> Count(const std::string& sql, const std::function<void(Statement&)>& bind);

  Connection* conn_;
  std::function<void()> release_;
  bool done_ = false;
};

// JSON array of ids for `x IN (SELECT value FROM json_each(?))`, or nullopt when `all`.
template <typename IdT>
std::optional<std::string> IdsJson(bool all, const std::vector<IdT>& ids) {
  if (all) return std::nullopt;
  std::string s = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += ',';
    s += std::to_string(ids[i].value);
  }
  return s + "]";
}

// Steps `st` once: the row as `read` makes it, or kNotFound naming `what`.
template <typename T, typename ReadFn>
Result<T> OneRow(Statement& st, ReadFn read, const char* what) {
  XUNCHA_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFound(what);
  T out = read(st);
  st.Reset();
  return out;
}

// Steps `st` to the end, reading every row with `read`.
template <typename T, typename ReadFn>
Result<std::vector<T>> AllRows(Statement& st, ReadFn read) {
  std::vector<T> out;
  while (true) {
    XUNCHA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(read(st));
  }
  return out;
}

// Lists of keys stored in one TEXT column: "a,b,c" (keys never contain a comma).
std::string JoinComma(const std::vector<std::string>& items);
std::vector<std::string> SplitComma(const std::string& s);
// Disciplines as such a list; an unknown key (a damaged row) is dropped on reading.
std::string DisciplineKeys(const std::vector<Discipline>& ds);
std::vector<Discipline> ParseDisciplines(const std::string& s);

std::optional<Date> OptDate(const std::optional<std::string>& s);
std::optional<std::string> OptDateText(const std::optional<Date>& d);

}  // namespace xuncha::sqlite
