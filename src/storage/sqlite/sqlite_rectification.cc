// Rectification measures (db/migrations/0011_rectification.sql). The text is stored as the
// sealed BLOB the app hands over; only the plain columns take part in queries. The problem
// lists are findings and are listed in sqlite_findings.cc.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

constexpr const char* kMeasureColumns =
    "m.id, m.version, m.finding_id, m.assignment_id, m.round_id, m.group_id, m.unit_id, m.kind, "
    "m.deadline, m.state, m.done_at, m.accepted_by, m.accepted_at, m.created_by, m.created_at, "
    "m.updated_by, m.updated_at, m.demo";
constexpr int kMeasureColumnCount = 18;

std::string MeasureSelect() {
  return std::string("SELECT ") + kMeasureColumns +
         ", m.content_box, un.name, coalesce(cu.display_name, ''), "
         "coalesce(uu.display_name, ''), coalesce(au.display_name, '') "
         "FROM rectification_measures m JOIN units un ON un.id=m.unit_id "
         "LEFT JOIN users cu ON cu.id=m.created_by LEFT JOIN users uu ON uu.id=m.updated_by "
         "LEFT JOIN users au ON au.id=m.accepted_by ";
}

std::optional<std::int64_t> Raw(const std::optional<UserId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

Measure ReadColumns(const Statement& st) {
  Measure m;
  m.id = MeasureId(st.Int(0));
  m.version = static_cast<int>(st.Int(1));
  m.finding_id = FindingId(st.Int(2));
  m.assignment_id = AssignmentId(st.Int(3));
  m.round_id = RoundId(st.Int(4));
  m.group_id = GroupId(st.Int(5));
  m.unit_id = UnitId(st.Int(6));
  m.kind = ParseMeasureKind(st.Text(7)).value_or(MeasureKind::kByDeadline);
  m.deadline = OptDate(st.OptText(8));
  m.state = ParseMeasureState(st.Text(9)).value_or(MeasureState::kPlanned);
  m.done_at = st.Int(10);
  if (auto v = st.OptInt(11)) m.accepted_by = UserId(*v);
  m.accepted_at = st.Int(12);
  m.created_by = UserId(st.Int(13));
  m.created_at = st.Int(14);
  if (auto v = st.OptInt(15)) m.updated_by = UserId(*v);
  m.updated_at = st.Int(16);
  m.demo = st.Int(17) != 0;
  return m;
}

MeasureRecord ReadMeasure(const Statement& st) {
  MeasureRecord rec;
  rec.measure = ReadColumns(st);
  int i = kMeasureColumnCount;
  rec.content_box = st.Blob(i++);
  rec.unit_name = st.Text(i++);
  rec.created_by_name = st.Text(i++);
  rec.updated_by_name = st.Text(i++);
  rec.accepted_by_name = st.Text(i++);
  return rec;
}

}  // namespace

Result<MeasureId> SqliteTransaction::NextMeasureId() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT coalesce(max(id), 0) + 1 FROM rectification_measures"));
  return OneRow<MeasureId>(
      *st, [](const Statement& s) { return MeasureId(s.Int(0)); }, "measure");
}

Result<MeasureId> SqliteTransaction::InsertMeasure(const MeasureRecord& rec) {
  const Measure& m = rec.measure;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO rectification_measures (id, finding_id, assignment_id, round_id, "
           "group_id, unit_id, kind, deadline, state, content_box, created_by, created_at, "
           "updated_at, demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  std::optional<std::int64_t> id;
  if (m.id.valid()) id = m.id.value;
  st->Bind(1, id);
  st->Bind(2, m.finding_id.value)
      .Bind(3, m.assignment_id.value)
      .Bind(4, m.round_id.value)
      .Bind(5, m.group_id.value)
      .Bind(6, m.unit_id.value)
      .Bind(7, MeasureKindName(m.kind))
      .Bind(8, OptDateText(m.deadline))
      .Bind(9, MeasureStateName(m.state))
      .BindBlob(10, rec.content_box)
      .Bind(11, m.created_by.value)
      .Bind(12, m.created_at)
      .Bind(13, m.created_at)
      .Bind(14, m.demo);
  XUNCHA_TRY(st->Run());
  return MeasureId(conn_->LastInsertId());
}

Result<MeasureRecord> SqliteTransaction::GetMeasure(MeasureId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(MeasureSelect() + "WHERE m.id=?"));
  st->Bind(1, id.value);
  return OneRow<MeasureRecord>(*st, ReadMeasure, "measure");
}

Status SqliteTransaction::UpdateMeasure(const MeasureRecord& rec) {
  const Measure& m = rec.measure;
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE rectification_measures SET kind=?, deadline=?, state=?, content_box=?, "
           "done_at=?, accepted_by=?, accepted_at=?, updated_by=?, updated_at=?, "
           "version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, MeasureKindName(m.kind))
      .Bind(2, OptDateText(m.deadline))
      .Bind(3, MeasureStateName(m.state))
      .BindBlob(4, rec.content_box)
      .Bind(5, m.done_at)
      .Bind(6, Raw(m.accepted_by))
      .Bind(7, m.accepted_at)
      .Bind(8, Raw(m.updated_by))
      .Bind(9, m.updated_at)
      .Bind(10, m.id.value)
      .Bind(11, m.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("rectification_measures", m.id.value, "measure");
}

Result<std::vector<MeasureRecord>> SqliteTransaction::ListMeasures(FindingId finding) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(MeasureSelect() + "WHERE m.finding_id=? ORDER BY m.id"));
  st->Bind(1, finding.value);
  return AllRows<MeasureRecord>(*st, ReadMeasure);
}

Result<std::vector<Measure>> SqliteTransaction::ListAllMeasureColumns() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string("SELECT ") + kMeasureColumns +
                                               " FROM rectification_measures m ORDER BY m.id"));
  return AllRows<Measure>(*st, ReadColumns);
}

}  // namespace xuncha::sqlite
