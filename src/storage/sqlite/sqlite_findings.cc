// Findings (db/migrations/0009_findings.sql). The content is stored as the sealed BLOB the app
// hands over; only the plain columns take part in queries.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

// Where the focus item stands in the round's checklist: a root item by its position, a sub-item
// after its parent by its own; no focus item sorts last.
#define FOCUS_ORDER                                      \
  "CASE WHEN fi.id IS NULL THEN '~' WHEN pf.id IS NULL " \
  "THEN printf('%09d.%012d', fi.position, fi.id) "       \
  "ELSE printf('%09d.%012d.%09d.%012d', pf.position, pf.id, fi.position, fi.id) END"

constexpr const char* kFindingSelect =
    "SELECT f.id, f.version, f.assignment_id, f.round_id, f.group_id, f.unit_id, "
    "f.focus_item_id, f.state, f.disciplines, f.created_by, f.created_at, f.updated_by, "
    "f.updated_at, f.demo, f.content_box, g.name, un.name, r.name, coalesce(fi.title, ''), "
    "coalesce(cu.display_name, ''), coalesce(uu.display_name, ''), " FOCUS_ORDER
    " "
    "FROM findings f JOIN groups g ON g.id=f.group_id JOIN units un ON un.id=f.unit_id "
    "JOIN rounds r ON r.id=f.round_id LEFT JOIN focus_items fi ON fi.id=f.focus_item_id "
    "LEFT JOIN focus_items pf ON pf.id=fi.parent_id "
    "LEFT JOIN users cu ON cu.id=f.created_by LEFT JOIN users uu ON uu.id=f.updated_by ";

// The plain columns, read from the first 14 columns of kFindingSelect (or the same order).
Finding ReadColumns(const Statement& st) {
  Finding f;
  f.id = FindingId(st.Int(0));
  f.version = static_cast<int>(st.Int(1));
  f.assignment_id = AssignmentId(st.Int(2));
  f.round_id = RoundId(st.Int(3));
  f.group_id = GroupId(st.Int(4));
  f.unit_id = UnitId(st.Int(5));
  if (auto v = st.OptInt(6)) f.focus_item_id = FocusItemId(*v);
  f.state = ParseFindingState(st.Text(7)).value_or(FindingState::kDraft);
  f.disciplines = ParseDisciplines(st.Text(8));
  f.created_by = UserId(st.Int(9));
  f.created_at = st.Int(10);
  if (auto v = st.OptInt(11)) f.updated_by = UserId(*v);
  f.updated_at = st.Int(12);
  f.demo = st.Int(13) != 0;
  return f;
}

FindingRecord ReadFinding(const Statement& st) {
  FindingRecord rec;
  rec.finding = ReadColumns(st);
  rec.content_box = st.Blob(14);
  rec.group_name = st.Text(15);
  rec.unit_name = st.Text(16);
  rec.round_name = st.Text(17);
  rec.focus_title = st.Text(18);
  rec.created_by_name = st.Text(19);
  rec.updated_by_name = st.Text(20);
  rec.focus_order = st.Text(21);
  return rec;
}

std::optional<std::int64_t> FocusOrNull(const std::optional<FocusItemId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

}  // namespace

Result<FindingId> SqliteTransaction::NextFindingId() {
  // Writers are serialised, so no one else takes this id before the insert.
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("SELECT coalesce(max(id), 0) + 1 FROM findings"));
  return OneRow<FindingId>(
      *st, [](const Statement& s) { return FindingId(s.Int(0)); }, "finding");
}

Result<FindingId> SqliteTransaction::InsertFinding(const FindingRecord& rec) {
  const Finding& f = rec.finding;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO findings (id, assignment_id, round_id, group_id, unit_id, focus_item_id, "
           "state, disciplines, content_box, created_by, created_at, updated_at, demo) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  std::optional<std::int64_t> id;  // NULL: SQLite picks the next rowid
  if (f.id.valid()) id = f.id.value;
  st->Bind(1, id);
  st->Bind(2, f.assignment_id.value)
      .Bind(3, f.round_id.value)
      .Bind(4, f.group_id.value)
      .Bind(5, f.unit_id.value)
      .Bind(6, FocusOrNull(f.focus_item_id))
      .Bind(7, FindingStateName(f.state))
      .Bind(8, DisciplineKeys(f.disciplines))
      .BindBlob(9, rec.content_box)
      .Bind(10, f.created_by.value)
      .Bind(11, f.created_at)
      .Bind(12, f.created_at)
      .Bind(13, f.demo);
  XUNCHA_TRY(st->Run());
  return FindingId(conn_->LastInsertId());
}

Result<FindingRecord> SqliteTransaction::GetFinding(FindingId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kFindingSelect) + "WHERE f.id=?"));
  st->Bind(1, id.value);
  return OneRow<FindingRecord>(*st, ReadFinding, "finding");
}

Status SqliteTransaction::UpdateFinding(const FindingRecord& rec) {
  const Finding& f = rec.finding;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE findings SET focus_item_id=?, state=?, disciplines=?, content_box=?, "
           "updated_by=?, updated_at=?, version=version+1 WHERE id=? AND version=?"));
  std::optional<std::int64_t> by;
  if (f.updated_by) by = f.updated_by->value;
  st->Bind(1, FocusOrNull(f.focus_item_id))
      .Bind(2, FindingStateName(f.state))
      .Bind(3, DisciplineKeys(f.disciplines))
      .BindBlob(4, rec.content_box)
      .Bind(5, by)
      .Bind(6, f.updated_at)
      .Bind(7, f.id.value)
      .Bind(8, f.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("findings", f.id.value, "finding");
}

Result<Page<FindingRecord>> SqliteTransaction::ListFindings(const FindingFilter& f,
                                                            const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR f.group_id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR f.round_id=?2) AND (?3 IS NULL OR f.group_id=?3) "
      "AND (?4 IS NULL OR f.unit_id=?4) AND (?5 IS NULL OR f.state=?5) "
      // A focus item selects the findings filed under it or under any of its sub-items.
      "AND (?6 IS NULL OR f.focus_item_id IN (WITH RECURSIVE sub(id) AS (SELECT ?6 UNION "
      "SELECT c.id FROM focus_items c JOIN sub ON c.parent_id=sub.id) SELECT id FROM sub)) "
      "AND (?7 IS NULL OR (',' || f.disciplines || ',') LIKE ('%,' || ?7 || ',%')) ";
  auto bind = [&](Statement& st) {
    st.Bind(1, IdsJson(f.all_groups, f.groups));
    std::optional<std::int64_t> round;
    std::optional<std::int64_t> group;
    std::optional<std::int64_t> unit;
    if (f.round_id) round = f.round_id->value;
    if (f.group_id) group = f.group_id->value;
    if (f.unit_id) unit = f.unit_id->value;
    st.Bind(2, round).Bind(3, group).Bind(4, unit);
    if (f.state) st.Bind(5, FindingStateName(*f.state));
    st.Bind(6, FocusOrNull(f.focus_item_id));
    if (f.discipline) st.Bind(7, std::string(DisciplineKey(*f.discipline)));
  };
  Page<FindingRecord> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM findings f " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kFindingSelect) + where +
                               "ORDER BY f.created_at DESC, f.id DESC LIMIT ?8 OFFSET ?9"));
  bind(*st);
  st->Bind(8, page.page_size).Bind(9, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<FindingRecord>(*st, ReadFinding));
  return out;
}

Result<std::vector<Finding>> SqliteTransaction::ListAllFindingColumns() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT f.id, f.version, f.assignment_id, f.round_id, f.group_id, f.unit_id, "
           "f.focus_item_id, f.state, f.disciplines, f.created_by, f.created_at, f.updated_by, "
           "f.updated_at, f.demo FROM findings f ORDER BY f.id"));
  return AllRows<Finding>(*st, ReadColumns);
}

}  // namespace xuncha::sqlite

namespace xuncha::sqlite {

Result<Page<ProblemRow>> SqliteTransaction::ListProblems(const RectificationFilter& f, Date today,
                                                         const PageRequest& page) {
  // Each finding's measure counts, joined to the finding rows as kFindingSelect reads them.
  const std::string counts =
      "WITH mc AS (SELECT finding_id, count(*) AS n, sum(state='done') AS done, "
      "sum(state='accepted') AS acc, "
      "sum(state='planned' AND deadline IS NOT NULL AND deadline < ?10) AS late "
      "FROM rectification_measures GROUP BY finding_id) ";
  const std::string from = "LEFT JOIN mc ON mc.finding_id=f.id ";
  const std::string where =
      "WHERE f.state='confirmed' AND r.status IN ('rectification', 'closed') "
      "AND (?1 IS NULL OR f.group_id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR f.unit_id=?2) "
      "AND (?3 IS NULL OR f.round_id=?3) AND (?4 IS NULL OR f.group_id=?4) "
      "AND (?5 IS NULL OR f.unit_id=?5) "
      "AND (?6 IS NULL OR (?6='no_measures' AND coalesce(mc.n, 0)=0) "
      "  OR (?6='in_progress' AND mc.n>0 AND mc.acc<mc.n) "
      "  OR (?6='closed_out' AND mc.n>0 AND mc.acc=mc.n)) ";
  auto bind = [&](Statement& st) {
    // A unit's liaison is scoped by his unit, not by groups.
    st.Bind(1, IdsJson(f.all || f.only_unit.has_value(), f.groups));
    std::optional<std::int64_t> only;
    std::optional<std::int64_t> round;
    std::optional<std::int64_t> group;
    std::optional<std::int64_t> unit;
    if (f.only_unit) only = f.only_unit->value;
    if (f.round_id) round = f.round_id->value;
    if (f.group_id) group = f.group_id->value;
    if (f.unit_id) unit = f.unit_id->value;
    st.Bind(2, only).Bind(3, round).Bind(4, group).Bind(5, unit);
    if (f.status) st.Bind(6, ProblemStatusName(*f.status));
    st.Bind(10, today.ToString());
  };
  Page<ProblemRow> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count(counts +
                                               "SELECT count(*) FROM findings f JOIN rounds r ON "
                                               "r.id=f.round_id " +
                                               from + where,
                                           bind));
  std::string select = kFindingSelect;
  select.insert(select.find("FROM findings"),
                ", r.status, coalesce(mc.n, 0), coalesce(mc.done, 0), coalesce(mc.acc, 0), "
                "coalesce(mc.late, 0) ");
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep(counts + select + from + where +
                           "ORDER BY r.start_date DESC, r.id DESC, un.name, " FOCUS_ORDER ", f.id "
                           "LIMIT ?8 OFFSET ?9"));
  bind(*st);
  st->Bind(8, page.page_size).Bind(9, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<ProblemRow>(*st, [](const Statement& s) {
                            ProblemRow row;
                            row.finding = ReadFinding(s);
                            row.round_status =
                                ParseRoundStatus(s.Text(22)).value_or(RoundStatus::kClosed);
                            row.measures = static_cast<int>(s.Int(23));
                            row.done = static_cast<int>(s.Int(24));
                            row.accepted = static_cast<int>(s.Int(25));
                            row.overdue = static_cast<int>(s.Int(26));
                            return row;
                          }));
  return out;
}

Result<std::vector<FindingId>> SqliteTransaction::ListProblemIds() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT f.id FROM findings f JOIN rounds r ON r.id=f.round_id "
           "WHERE f.state='confirmed' AND r.status IN ('rectification', 'closed') ORDER BY f.id"));
  return AllRows<FindingId>(*st, [](const Statement& s) { return FindingId(s.Int(0)); });
}

}  // namespace xuncha::sqlite
