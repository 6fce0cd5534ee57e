// Clues (db/migrations/0010_clues.sql). The content and the disposal note are stored as the
// sealed BLOBs the app hands over; only the plain columns take part in queries.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

constexpr const char* kClueColumns =
    "c.id, c.version, c.assignment_id, c.round_id, c.group_id, c.unit_id, c.organ, c.state, "
    "c.disciplines, c.handed_over_by, c.handed_over_at, c.received_by, c.received_at, "
    "c.disposal, c.disposed_at, c.created_by, c.created_at, c.updated_by, c.updated_at, c.demo";
constexpr int kClueColumnCount = 20;

std::string ClueSelect() {
  return std::string("SELECT ") + kClueColumns +
         ", c.content_box, coalesce(c.disposal_box, x''), g.name, un.name, r.name, "
         "coalesce(cu.display_name, ''), coalesce(uu.display_name, ''), "
         "coalesce(hu.display_name, ''), coalesce(ru.display_name, '') "
         "FROM clues c JOIN groups g ON g.id=c.group_id JOIN units un ON un.id=c.unit_id "
         "JOIN rounds r ON r.id=c.round_id LEFT JOIN users cu ON cu.id=c.created_by "
         "LEFT JOIN users uu ON uu.id=c.updated_by LEFT JOIN users hu ON hu.id=c.handed_over_by "
         "LEFT JOIN users ru ON ru.id=c.received_by ";
}

std::optional<std::int64_t> Raw(const std::optional<UserId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

// The plain columns, read from the first kClueColumnCount columns.
Clue ReadColumns(const Statement& st) {
  Clue c;
  c.id = ClueId(st.Int(0));
  c.version = static_cast<int>(st.Int(1));
  c.assignment_id = AssignmentId(st.Int(2));
  c.round_id = RoundId(st.Int(3));
  c.group_id = GroupId(st.Int(4));
  c.unit_id = UnitId(st.Int(5));
  c.organ = ParseOrgan(st.Text(6)).value_or(Organ::kDisciplineCommission);
  c.state = ParseClueState(st.Text(7)).value_or(ClueState::kDraft);
  c.disciplines = ParseDisciplines(st.Text(8));
  if (auto v = st.OptInt(9)) c.handed_over_by = UserId(*v);
  c.handed_over_at = st.Int(10);
  if (auto v = st.OptInt(11)) c.received_by = UserId(*v);
  c.received_at = st.Int(12);
  if (auto v = st.OptText(13)) c.disposal = ParseClueDisposal(*v);
  c.disposed_at = st.Int(14);
  c.created_by = UserId(st.Int(15));
  c.created_at = st.Int(16);
  if (auto v = st.OptInt(17)) c.updated_by = UserId(*v);
  c.updated_at = st.Int(18);
  c.demo = st.Int(19) != 0;
  return c;
}

ClueRecord ReadClue(const Statement& st) {
  ClueRecord rec;
  rec.clue = ReadColumns(st);
  int i = kClueColumnCount;
  rec.content_box = st.Blob(i++);
  rec.disposal_box = st.Blob(i++);
  rec.group_name = st.Text(i++);
  rec.unit_name = st.Text(i++);
  rec.round_name = st.Text(i++);
  rec.created_by_name = st.Text(i++);
  rec.updated_by_name = st.Text(i++);
  rec.handed_over_by_name = st.Text(i++);
  rec.received_by_name = st.Text(i++);
  return rec;
}

std::optional<std::string> DisposalOrNull(const std::optional<ClueDisposal>& d) {
  if (!d) return std::nullopt;
  return std::string(ClueDisposalName(*d));
}

}  // namespace

Result<ClueId> SqliteTransaction::NextClueId() {
  // Writers are serialised, so no one else takes this id before the insert.
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("SELECT coalesce(max(id), 0) + 1 FROM clues"));
  return OneRow<ClueId>(
      *st, [](const Statement& s) { return ClueId(s.Int(0)); }, "clue");
}

Result<ClueId> SqliteTransaction::InsertClue(const ClueRecord& rec) {
  const Clue& c = rec.clue;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO clues (id, assignment_id, round_id, group_id, unit_id, organ, state, "
           "disciplines, content_box, created_by, created_at, updated_at, demo) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  std::optional<std::int64_t> id;  // NULL: SQLite picks the next rowid
  if (c.id.valid()) id = c.id.value;
  st->Bind(1, id);
  st->Bind(2, c.assignment_id.value)
      .Bind(3, c.round_id.value)
      .Bind(4, c.group_id.value)
      .Bind(5, c.unit_id.value)
      .Bind(6, OrganName(c.organ))
      .Bind(7, ClueStateName(c.state))
      .Bind(8, DisciplineKeys(c.disciplines))
      .BindBlob(9, rec.content_box)
      .Bind(10, c.created_by.value)
      .Bind(11, c.created_at)
      .Bind(12, c.created_at)
      .Bind(13, c.demo);
  XUNCHA_TRY(st->Run());
  return ClueId(conn_->LastInsertId());
}

Result<ClueRecord> SqliteTransaction::GetClue(ClueId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(ClueSelect() + "WHERE c.id=?"));
  st->Bind(1, id.value);
  return OneRow<ClueRecord>(*st, ReadClue, "clue");
}

Status SqliteTransaction::UpdateClue(const ClueRecord& rec) {
  const Clue& c = rec.clue;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE clues SET organ=?, state=?, disciplines=?, content_box=?, handed_over_by=?, "
           "handed_over_at=?, received_by=?, received_at=?, disposal=?, disposal_box=?, "
           "disposed_at=?, updated_by=?, updated_at=?, version=version+1 "
           "WHERE id=? AND version=?"));
  st->Bind(1, OrganName(c.organ))
      .Bind(2, ClueStateName(c.state))
      .Bind(3, DisciplineKeys(c.disciplines))
      .BindBlob(4, rec.content_box)
      .Bind(5, Raw(c.handed_over_by))
      .Bind(6, c.handed_over_at)
      .Bind(7, Raw(c.received_by))
      .Bind(8, c.received_at)
      .Bind(9, DisposalOrNull(c.disposal));
  if (rec.disposal_box.empty()) {
    st->Bind(10, std::optional<std::string>());
  } else {
    st->BindBlob(10, rec.disposal_box);
  }
  st->Bind(11, c.disposed_at)
      .Bind(12, Raw(c.updated_by))
      .Bind(13, c.updated_at)
      .Bind(14, c.id.value)
      .Bind(15, c.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("clues", c.id.value, "clue");
}

Result<Page<ClueRecord>> SqliteTransaction::ListClues(const ClueFilter& f,
                                                      const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR c.group_id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR (c.organ=?2 AND c.state IN ('handed_over', 'received', 'disposed'))) "
      "AND (?3 IS NULL OR c.round_id=?3) AND (?4 IS NULL OR c.group_id=?4) "
      "AND (?5 IS NULL OR c.unit_id=?5) AND (?6 IS NULL OR c.state=?6) "
      "AND (?7 IS NULL OR c.organ=?7) "
      "AND (?8 IS NULL OR (',' || c.disciplines || ',') LIKE ('%,' || ?8 || ',%')) ";
  auto bind = [&](Statement& st) {
    // A recipient's view is by organ, not by group.
    st.Bind(1, IdsJson(f.all_groups || f.with_organ.has_value(), f.groups));
    if (f.with_organ) st.Bind(2, OrganName(*f.with_organ));
    std::optional<std::int64_t> round;
    std::optional<std::int64_t> group;
    std::optional<std::int64_t> unit;
    if (f.round_id) round = f.round_id->value;
    if (f.group_id) group = f.group_id->value;
    if (f.unit_id) unit = f.unit_id->value;
    st.Bind(3, round).Bind(4, group).Bind(5, unit);
    if (f.state) st.Bind(6, ClueStateName(*f.state));
    if (f.organ) st.Bind(7, OrganName(*f.organ));
    if (f.discipline) st.Bind(8, std::string(DisciplineKey(*f.discipline)));
  };
  Page<ClueRecord> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM clues c " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep(ClueSelect() + where + "ORDER BY c.created_at DESC, c.id DESC LIMIT ?9 OFFSET ?10"));
  bind(*st);
  st->Bind(9, page.page_size).Bind(10, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<ClueRecord>(*st, ReadClue));
  return out;
}

Result<std::vector<Clue>> SqliteTransaction::ListAllClueColumns() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep(std::string("SELECT ") + kClueColumns + " FROM clues c ORDER BY c.id"));
  return AllRows<Clue>(*st, ReadColumns);
}

}  // namespace xuncha::sqlite
