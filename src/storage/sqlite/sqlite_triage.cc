// Triage decisions and repeat links (db/migrations/0007_triage.sql).
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

constexpr const char* kDecisionSelect =
    "SELECT d.report_id, d.version, d.scope, d.disciplines, d.articles, d.persons_box, "
    "d.decided_by, coalesce(u.display_name, ''), d.decided_at "
    "FROM triage_decisions d LEFT JOIN users u ON u.id=d.decided_by ";

TriageDecisionRecord ReadDecision(const Statement& st) {
  TriageDecisionRecord d;
  d.report_id = ReportId(st.Int(0));
  d.version = static_cast<int>(st.Int(1));
  d.scope = st.Text(2);
  d.disciplines = SplitComma(st.Text(3));
  for (const auto& a : SplitComma(st.Text(4))) {
    try {
      d.articles.push_back(std::stoi(a));
    } catch (const std::exception&) {
      // Written by PutTriageDecision only; a damaged entry is dropped rather than fatal.
    }
  }
  d.persons_box = st.Blob(5);
  d.decided_by = UserId(st.Int(6));
  d.decided_by_name = st.Text(7);
  d.decided_at = st.Int(8);
  return d;
}

}  // namespace

Result<std::optional<TriageDecisionRecord>> SqliteTransaction::GetTriageDecision(ReportId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kDecisionSelect) + "WHERE d.report_id=?"));
  st->Bind(1, id.value);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<TriageDecisionRecord>();
  TriageDecisionRecord d = ReadDecision(*st);
  st->Reset();
  return std::optional<TriageDecisionRecord>(std::move(d));
}

Status SqliteTransaction::PutTriageDecision(const TriageDecisionRecord& d) {
  std::vector<std::string> articles;
  for (int a : d.articles) articles.push_back(std::to_string(a));
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO triage_decisions (report_id, version, scope, disciplines, articles, "
           "persons_box, decided_by, decided_at) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7) "
           "ON CONFLICT (report_id) DO UPDATE SET version=version+1, scope=?2, disciplines=?3, "
           "articles=?4, persons_box=?5, decided_by=?6, decided_at=?7 WHERE version=?8"));
  st->Bind(1, d.report_id.value)
      .Bind(2, d.scope)
      .Bind(3, JoinComma(d.disciplines))
      .Bind(4, JoinComma(articles))
      .BindBlob(5, d.persons_box)
      .Bind(6, d.decided_by.value)
      .Bind(7, d.decided_at)
      .Bind(8, d.version);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return Stale("triage_decision");
  return Ok();
}

Result<std::vector<TriageDecisionRecord>> SqliteTransaction::ListTriageDecisions() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kDecisionSelect) + "ORDER BY d.report_id"));
  return AllRows<TriageDecisionRecord>(*st, ReadDecision);
}

Result<std::vector<ReportId>> SqliteTransaction::ReportsWithDiscipline(const std::string& key) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT report_id FROM triage_decisions "
           "WHERE instr(',' || disciplines || ',', ',' || ? || ',') > 0 ORDER BY report_id"));
  st->Bind(1, key);
  return AllRows<ReportId>(*st, [](const Statement& s) { return ReportId(s.Int(0)); });
}

Result<std::vector<RepeatLinkRecord>> SqliteTransaction::ListRepeatLinks() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT report_a, report_b, similarity, origin, state, changed_by, changed_at, basis "
           "FROM repeat_links ORDER BY report_a, report_b"));
  return AllRows<RepeatLinkRecord>(*st, [](const Statement& s) {
    RepeatLinkRecord l;
    l.a = ReportId(s.Int(0));
    l.b = ReportId(s.Int(1));
    l.similarity = s.Double(2);
    l.origin = s.Text(3);
    l.state = s.Text(4);
    if (auto u = s.OptInt(5)) l.changed_by = UserId(*u);
    l.changed_at = s.Int(6);
    l.basis = s.Text(7);
    return l;
  });
}

Status SqliteTransaction::PutRepeatLink(const RepeatLinkRecord& l) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT OR REPLACE INTO repeat_links (report_a, report_b, similarity, origin, state, "
           "changed_by, changed_at, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, l.a.value)
      .Bind(2, l.b.value)
      .Bind(3, l.similarity)
      .Bind(4, l.origin)
      .Bind(5, l.state);
  if (l.changed_by) {
    st->Bind(6, l.changed_by->value);
  } else {
    st->BindNull(6);
  }
  st->Bind(7, l.changed_at).Bind(8, l.basis);
  return st->Run();
}

}  // namespace xuncha::sqlite
