// Planning records: terms, rounds, focus items, groups, units, leaders, inspectors, assignments.
#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {
namespace {

Date DateCol(const Statement& st, int col) { return Date::Parse(st.Text(col)).value_or(Date()); }

std::optional<std::int64_t> RawOpt(const std::optional<UnitId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

std::string LikePattern(const std::string& q) {
  std::string p = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

// ---- terms ----

Result<TermId> SqliteTransaction::InsertTerm(const Term& t) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO terms (name, number, start_date, end_date, demo) VALUES (?,?,?,?,?)"));
  st->Bind(1, t.name)
      .Bind(2, t.number)
      .Bind(3, t.start_date.ToString())
      .Bind(4, OptDateText(t.end_date))
      .Bind(5, t.demo);
  XUNCHA_TRY(st->Run());
  return TermId(conn_->LastInsertId());
}

namespace {
constexpr const char* kTermCols = "id, version, name, number, start_date, end_date, demo";
Term ReadTerm(const Statement& st) {
  Term t;
  t.id = TermId(st.Int(0));
  t.version = static_cast<int>(st.Int(1));
  t.name = st.Text(2);
  t.number = static_cast<int>(st.Int(3));
  t.start_date = DateCol(st, 4);
  t.end_date = OptDate(st.OptText(5));
  t.demo = st.Int(6) != 0;
  return t;
}
}  // namespace

Result<Term> SqliteTransaction::GetTerm(TermId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kTermCols + " FROM terms WHERE id=?"));
  st->Bind(1, id.value);
  return OneRow<Term>(*st, ReadTerm, "term");
}

Result<std::vector<Term>> SqliteTransaction::ListTerms() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kTermCols + " FROM terms ORDER BY number"));
  return AllRows<Term>(*st, ReadTerm);
}

// ---- rounds ----

namespace {
constexpr const char* kRoundSelect =
    "SELECT r.id, r.version, r.term_id, r.number, r.name, r.type, r.start_date, r.end_date, "
    "r.status, r.demo, t.name, "
    "(SELECT count(*) FROM groups g WHERE g.round_id=r.id), "
    "(SELECT count(*) FROM assignments a WHERE a.round_id=r.id), r.reporter_replies "
    "FROM rounds r JOIN terms t ON t.id=r.term_id ";

RoundSummary ReadRound(const Statement& st) {
  RoundSummary s;
  Round& r = s.round;
  r.id = RoundId(st.Int(0));
  r.version = static_cast<int>(st.Int(1));
  r.term_id = TermId(st.Int(2));
  r.number = static_cast<int>(st.Int(3));
  r.name = st.Text(4);
  r.type = ParseRoundType(st.Text(5)).value_or(RoundType::kRegular);
  r.start_date = DateCol(st, 6);
  r.end_date = DateCol(st, 7);
  r.status = ParseRoundStatus(st.Text(8)).value_or(RoundStatus::kPlanning);
  r.demo = st.Int(9) != 0;
  s.term_name = st.Text(10);
  s.group_count = static_cast<int>(st.Int(11));
  s.unit_count = static_cast<int>(st.Int(12));
  r.reporter_replies = st.Int(13) != 0;
  return s;
}
}  // namespace

Result<RoundId> SqliteTransaction::InsertRound(const Round& r) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO rounds (term_id, number, name, type, start_date,"
           " end_date, status, demo, reporter_replies) VALUES (?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, r.term_id.value)
      .Bind(2, r.number)
      .Bind(3, r.name)
      .Bind(4, RoundTypeName(r.type))
      .Bind(5, r.start_date.ToString())
      .Bind(6, r.end_date.ToString())
      .Bind(7, RoundStatusName(r.status))
      .Bind(8, r.demo)
      .Bind(9, r.reporter_replies);
  XUNCHA_TRY(st->Run());
  return RoundId(conn_->LastInsertId());
}

Result<RoundSummary> SqliteTransaction::GetRound(RoundId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kRoundSelect) + "WHERE r.id=?"));
  st->Bind(1, id.value);
  return OneRow<RoundSummary>(*st, ReadRound, "round");
}

Status SqliteTransaction::UpdateRound(const Round& r) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE rounds SET term_id=?, number=?, name=?, type=?, start_date=?, end_date=?,"
           " status=?, reporter_replies=?, version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, r.term_id.value)
      .Bind(2, r.number)
      .Bind(3, r.name)
      .Bind(4, RoundTypeName(r.type))
      .Bind(5, r.start_date.ToString())
      .Bind(6, r.end_date.ToString())
      .Bind(7, RoundStatusName(r.status))
      .Bind(8, r.reporter_replies)
      .Bind(9, r.id.value)
      .Bind(10, r.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("rounds", r.id.value, "round");
}

Result<Page<RoundSummary>> SqliteTransaction::ListRounds(const Scope& scope, const RoundFilter& f,
                                                         const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR r.id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR r.term_id=?2) AND (?3 IS NULL OR r.status=?3) "
      "AND (?4 IS NULL OR r.name LIKE ?4 ESCAPE '\\') ";
  auto bind = [&](Statement& st) {
    st.Bind(1, IdsJson(scope.all, scope.rounds));
    if (f.term_id) st.Bind(2, f.term_id->value);
    if (f.status) st.Bind(3, RoundStatusName(*f.status));
    if (!f.q.empty()) st.Bind(4, LikePattern(f.q));
  };
  Page<RoundSummary> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM rounds r " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string(kRoundSelect) + where +
                               "ORDER BY r.start_date DESC, r.id DESC LIMIT ?5 OFFSET ?6"));
  bind(*st);
  st->Bind(5, page.page_size).Bind(6, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<RoundSummary>(*st, ReadRound));
  return out;
}

// ---- focus items ----

namespace {
constexpr const char* kFocusCols = "id, version, round_id, parent_id, position, title";
FocusItem ReadFocus(const Statement& st) {
  FocusItem f;
  f.id = FocusItemId(st.Int(0));
  f.version = static_cast<int>(st.Int(1));
  f.round_id = RoundId(st.Int(2));
  if (auto p = st.OptInt(3)) f.parent_id = FocusItemId(*p);
  f.position = static_cast<int>(st.Int(4));
  f.title = st.Text(5);
  return f;
}
}  // namespace

Result<FocusItemId> SqliteTransaction::InsertFocusItem(const FocusItem& f) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO focus_items (round_id, parent_id, position, title) VALUES (?,?,?,?)"));
  std::optional<std::int64_t> parent;
  if (f.parent_id) parent = f.parent_id->value;
  st->Bind(1, f.round_id.value).Bind(2, parent).Bind(3, f.position).Bind(4, f.title);
  XUNCHA_TRY(st->Run());
  return FocusItemId(conn_->LastInsertId());
}

Result<FocusItem> SqliteTransaction::GetFocusItem(FocusItemId id) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep(std::string("SELECT ") + kFocusCols + " FROM focus_items WHERE id=?"));
  st->Bind(1, id.value);
  return OneRow<FocusItem>(*st, ReadFocus, "focus item");
}

Status SqliteTransaction::UpdateFocusItem(const FocusItem& f) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("UPDATE focus_items SET title=?, position=?, version=version+1"
                               " WHERE id=? AND version=?"));
  st->Bind(1, f.title).Bind(2, f.position).Bind(3, f.id.value).Bind(4, f.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("focus_items", f.id.value, "focus item");
}

Status SqliteTransaction::DeleteFocusItem(FocusItemId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM focus_items WHERE id=?"));
  st->Bind(1, id.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("focus item");
  return Ok();
}

Result<std::vector<FocusItem>> SqliteTransaction::ListFocusItems(RoundId round) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kFocusCols +
                               " FROM focus_items WHERE round_id=? ORDER BY position, id"));
  st->Bind(1, round.value);
  return AllRows<FocusItem>(*st, ReadFocus);
}

// ---- groups ----

namespace {
constexpr const char* kGroupCols =
    "id, version, round_id, number, name, duty_phone, phone_hours, mailbox, postal_address, "
    "suggestion_boxes, intake_cutoff, demo";

Group ReadGroup(const Statement& st) {
  Group g;
  g.id = GroupId(st.Int(0));
  g.version = static_cast<int>(st.Int(1));
  g.round_id = RoundId(st.Int(2));
  g.number = static_cast<int>(st.Int(3));
  g.name = st.Text(4);
  g.duty_phone = st.Text(5);
  g.phone_hours = st.Text(6);
  g.mailbox = st.Text(7);
  g.postal_address = st.Text(8);
  auto boxes = nlohmann::json::parse(st.Text(9), nullptr, false);
  if (boxes.is_array()) {
    for (const auto& b : boxes) {
      if (b.is_string()) g.suggestion_boxes.push_back(b.get<std::string>());
    }
  }
  g.intake_cutoff = OptDate(st.OptText(10));
  g.demo = st.Int(11) != 0;
  return g;
}

std::string BoxesJson(const std::vector<std::string>& boxes) {
  return nlohmann::json(boxes).dump();
}
}  // namespace

Result<GroupId> SqliteTransaction::InsertGroup(const Group& g) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO groups (round_id, number, name, duty_phone, phone_hours, mailbox,"
           " postal_address, suggestion_boxes, intake_cutoff, demo) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, g.round_id.value)
      .Bind(2, g.number)
      .Bind(3, g.name)
      .Bind(4, g.duty_phone)
      .Bind(5, g.phone_hours)
      .Bind(6, g.mailbox)
      .Bind(7, g.postal_address)
      .Bind(8, BoxesJson(g.suggestion_boxes))
      .Bind(9, OptDateText(g.intake_cutoff))
      .Bind(10, g.demo);
  XUNCHA_TRY(st->Run());
  GroupId id(conn_->LastInsertId());
  for (const auto& m : g.members) XUNCHA_TRY(UpsertGroupMember(id, m.inspector_id, m.role));
  return id;
}

Result<Group> SqliteTransaction::GetGroup(GroupId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kGroupCols + " FROM groups WHERE id=?"));
  st->Bind(1, id.value);
  XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("group");
  Group g = ReadGroup(*st);
  st->Reset();
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * ms,
      Prep("SELECT m.inspector_id, i.name, m.role FROM group_members m JOIN inspectors i ON "
           "i.id=m.inspector_id WHERE m.group_id=? ORDER BY CASE m.role WHEN 'leader' THEN 0 "
           "WHEN 'deputy' THEN 1 ELSE 2 END, i.id"));
  ms->Bind(1, id.value);
  while (true) {
    XUNCHA_ASSIGN_OR_RETURN(bool mrow, ms->Step());
    if (!mrow) break;
    g.members.push_back({InspectorId(ms->Int(0)), ms->Text(1),
                         ParseMemberRole(ms->Text(2)).value_or(MemberRole::kMember)});
  }
  return g;
}

Status SqliteTransaction::UpdateGroup(const Group& g) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE groups SET number=?, name=?, duty_phone=?, phone_hours=?, mailbox=?,"
           " postal_address=?, suggestion_boxes=?, intake_cutoff=?, version=version+1"
           " WHERE id=? AND version=?"));
  st->Bind(1, g.number)
      .Bind(2, g.name)
      .Bind(3, g.duty_phone)
      .Bind(4, g.phone_hours)
      .Bind(5, g.mailbox)
      .Bind(6, g.postal_address)
      .Bind(7, BoxesJson(g.suggestion_boxes))
      .Bind(8, OptDateText(g.intake_cutoff))
      .Bind(9, g.id.value)
      .Bind(10, g.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("groups", g.id.value, "group");
}

Result<std::vector<Group>> SqliteTransaction::ListGroups(const Scope& scope,
                                                         std::optional<RoundId> round) {
  std::vector<GroupId> ids;
  {
    XUNCHA_ASSIGN_OR_RETURN(
        Statement * st,
        Prep("SELECT id FROM groups WHERE (?1 IS NULL OR id IN (SELECT value FROM json_each(?1)))"
             " AND (?2 IS NULL OR round_id=?2) ORDER BY round_id DESC, number"));
    st->Bind(1, IdsJson(scope.all, scope.groups));
    if (round) st->Bind(2, round->value);
    while (true) {
      XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ids.emplace_back(st->Int(0));
    }
  }
  std::vector<Group> out;
  for (GroupId id : ids) {
    XUNCHA_ASSIGN_OR_RETURN(Group g, GetGroup(id));
    out.push_back(std::move(g));
  }
  return out;
}

Status SqliteTransaction::UpsertGroupMember(GroupId g, InspectorId i, MemberRole role) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO group_members (group_id, inspector_id, role) VALUES (?,?,?)"
           " ON CONFLICT(group_id, inspector_id) DO UPDATE SET role=excluded.role"));
  st->Bind(1, g.value).Bind(2, i.value).Bind(3, MemberRoleName(role));
  return st->Run();
}

Status SqliteTransaction::RemoveGroupMember(GroupId g, InspectorId i) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("DELETE FROM group_members WHERE group_id=? AND inspector_id=?"));
  st->Bind(1, g.value).Bind(2, i.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("group member");
  return Ok();
}

Result<std::vector<GroupId>> SqliteTransaction::GroupsOfInspector(InspectorId inspector) {
  std::vector<GroupId> out;
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT group_id FROM group_members WHERE inspector_id=?"));
  st->Bind(1, inspector.value);
  while (true) {
    XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(st->Int(0));
  }
  return out;
}

// ---- units and leaders ----

namespace {
constexpr const char* kUnitCols =
    "id, version, name, kind, parent_id, party_org_name, "
    "party_org_kind, demo";
Unit ReadUnit(const Statement& st) {
  Unit u;
  u.id = UnitId(st.Int(0));
  u.version = static_cast<int>(st.Int(1));
  u.name = st.Text(2);
  u.kind = st.Text(3);
  if (auto p = st.OptInt(4)) u.parent_id = UnitId(*p);
  u.party_org_name = st.Text(5);
  u.party_org_kind = ParsePartyOrgKind(st.Text(6)).value_or(PartyOrgKind::kPartyGroup);
  u.demo = st.Int(7) != 0;
  return u;
}

constexpr const char* kLeaderCols =
    "id, version, unit_id, name, post, tier, org_name, term_from, term_to";
Leader ReadLeader(const Statement& st) {
  Leader l;
  l.id = LeaderId(st.Int(0));
  l.version = static_cast<int>(st.Int(1));
  l.unit_id = UnitId(st.Int(2));
  l.name = st.Text(3);
  l.post = st.Text(4);
  l.tier = ParseLeaderTier(st.Text(5)).value_or(LeaderTier::kLeadership);
  l.org_name = st.Text(6);
  l.term_from = DateCol(st, 7);
  l.term_to = OptDate(st.OptText(8));
  return l;
}
}  // namespace

Result<UnitId> SqliteTransaction::InsertUnit(const Unit& u) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO units (name, kind, parent_id, party_org_name,"
                               " party_org_kind, demo) VALUES (?,?,?,?,?,?)"));
  st->Bind(1, u.name)
      .Bind(2, u.kind)
      .Bind(3, RawOpt(u.parent_id))
      .Bind(4, u.party_org_name)
      .Bind(5, PartyOrgKindName(u.party_org_kind))
      .Bind(6, u.demo);
  XUNCHA_TRY(st->Run());
  return UnitId(conn_->LastInsertId());
}

Result<Unit> SqliteTransaction::GetUnit(UnitId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kUnitCols + " FROM units WHERE id=?"));
  st->Bind(1, id.value);
  return OneRow<Unit>(*st, ReadUnit, "unit");
}

Status SqliteTransaction::UpdateUnit(const Unit& u) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE units SET name=?, kind=?, parent_id=?, party_org_name=?, party_org_kind=?,"
           " version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, u.name)
      .Bind(2, u.kind)
      .Bind(3, RawOpt(u.parent_id))
      .Bind(4, u.party_org_name)
      .Bind(5, PartyOrgKindName(u.party_org_kind))
      .Bind(6, u.id.value)
      .Bind(7, u.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("units", u.id.value, "unit");
}

Result<Page<Unit>> SqliteTransaction::ListUnits(const Scope& scope, const std::string& q,
                                                const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR id IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR name LIKE ?2 ESCAPE '\\') ";
  auto bind = [&](Statement& st) {
    st.Bind(1, IdsJson(scope.all, scope.units));
    if (!q.empty()) st.Bind(2, LikePattern(q));
  };
  Page<Unit> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM units " + where, bind));
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string("SELECT ") + kUnitCols + " FROM units " +
                                               where + "ORDER BY id LIMIT ?3 OFFSET ?4"));
  bind(*st);
  st->Bind(3, page.page_size).Bind(4, page.offset());
  XUNCHA_ASSIGN_OR_RETURN(out.items, AllRows<Unit>(*st, ReadUnit));
  return out;
}

Result<LeaderId> SqliteTransaction::InsertLeader(const Leader& l) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("INSERT INTO leaders (unit_id, name, post, tier, org_name,"
                               " term_from, term_to) VALUES (?,?,?,?,?,?,?)"));
  st->Bind(1, l.unit_id.value)
      .Bind(2, l.name)
      .Bind(3, l.post)
      .Bind(4, LeaderTierName(l.tier))
      .Bind(5, l.org_name)
      .Bind(6, l.term_from.ToString())
      .Bind(7, OptDateText(l.term_to));
  XUNCHA_TRY(st->Run());
  return LeaderId(conn_->LastInsertId());
}

Result<Leader> SqliteTransaction::GetLeader(LeaderId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kLeaderCols + " FROM leaders WHERE id=?"));
  st->Bind(1, id.value);
  return OneRow<Leader>(*st, ReadLeader, "leader");
}

Status SqliteTransaction::UpdateLeader(const Leader& l) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE leaders SET name=?, post=?, tier=?, org_name=?, term_from=?, term_to=?,"
           " version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, l.name)
      .Bind(2, l.post)
      .Bind(3, LeaderTierName(l.tier))
      .Bind(4, l.org_name)
      .Bind(5, l.term_from.ToString())
      .Bind(6, OptDateText(l.term_to))
      .Bind(7, l.id.value)
      .Bind(8, l.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("leaders", l.id.value, "leader");
}

Status SqliteTransaction::DeleteLeader(LeaderId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM leaders WHERE id=?"));
  st->Bind(1, id.value);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("leader");
  return Ok();
}

Result<std::vector<Leader>> SqliteTransaction::ListLeaders(UnitId unit) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep(std::string("SELECT ") + kLeaderCols +
                               " FROM leaders WHERE unit_id=? ORDER BY "
                               "CASE tier WHEN 'leadership' THEN 0 ELSE 1 END, id"));
  st->Bind(1, unit.value);
  return AllRows<Leader>(*st, ReadLeader);
}

// ---- inspectors ----

Status SqliteTransaction::WriteInspectorChildren(const Inspector& i) {
  {
    XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                            Prep("DELETE FROM inspector_history WHERE inspector_id=?"));
    st->Bind(1, i.id.value);
    XUNCHA_TRY(st->Run());
  }
  {
    XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                            Prep("DELETE FROM inspector_relations WHERE inspector_id=?"));
    st->Bind(1, i.id.value);
    XUNCHA_TRY(st->Run());
  }
  int pos = 0;
  for (const auto& h : i.history) {
    XUNCHA_ASSIGN_OR_RETURN(
        Statement * st,
        Prep("INSERT INTO inspector_history (inspector_id, position, org_name, unit_id, from_date,"
             " to_date) VALUES (?,?,?,?,?,?)"));
    st->Bind(1, i.id.value)
        .Bind(2, pos++)
        .Bind(3, h.org_name)
        .Bind(4, RawOpt(h.unit_id))
        .Bind(5, h.from.ToString())
        .Bind(6, OptDateText(h.to));
    XUNCHA_TRY(st->Run());
  }
  pos = 0;
  for (const auto& r : i.relations) {
    XUNCHA_ASSIGN_OR_RETURN(
        Statement * st,
        Prep("INSERT INTO inspector_relations (inspector_id, position, person_name, unit_id,"
             " relation, note) VALUES (?,?,?,?,?,?)"));
    st->Bind(1, i.id.value)
        .Bind(2, pos++)
        .Bind(3, r.person_name)
        .Bind(4, r.unit_id.value)
        .Bind(5, RelationKindName(r.relation))
        .Bind(6, r.note);
    XUNCHA_TRY(st->Run());
  }
  return Ok();
}

Result<InspectorId> SqliteTransaction::InsertInspector(const Inspector& i) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO inspectors (name, employer, post, phone, demo) VALUES (?,?,?,?,?)"));
  st->Bind(1, i.name).Bind(2, i.employer).Bind(3, i.post).Bind(4, i.phone).Bind(5, i.demo);
  XUNCHA_TRY(st->Run());
  Inspector copy = i;
  copy.id = InspectorId(conn_->LastInsertId());
  XUNCHA_TRY(WriteInspectorChildren(copy));
  return copy.id;
}

Result<Inspector> SqliteTransaction::GetInspector(InspectorId id) {
  Inspector i;
  {
    XUNCHA_ASSIGN_OR_RETURN(
        Statement * st,
        Prep("SELECT id, version, name, employer, post, phone, demo FROM inspectors WHERE id=?"));
    st->Bind(1, id.value);
    XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return NotFound("inspector");
    i.id = InspectorId(st->Int(0));
    i.version = static_cast<int>(st->Int(1));
    i.name = st->Text(2);
    i.employer = st->Text(3);
    i.post = st->Text(4);
    i.phone = st->Text(5);
    i.demo = st->Int(6) != 0;
    st->Reset();
  }
  {
    XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                            Prep("SELECT org_name, unit_id, from_date, to_date FROM "
                                 "inspector_history WHERE inspector_id=? ORDER BY position"));
    st->Bind(1, id.value);
    while (true) {
      XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      WorkHistoryEntry h;
      h.org_name = st->Text(0);
      if (auto u = st->OptInt(1)) h.unit_id = UnitId(*u);
      h.from = DateCol(*st, 2);
      h.to = OptDate(st->OptText(3));
      i.history.push_back(std::move(h));
    }
  }
  {
    XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                            Prep("SELECT person_name, unit_id, relation, note FROM "
                                 "inspector_relations WHERE inspector_id=? ORDER BY position"));
    st->Bind(1, id.value);
    while (true) {
      XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      i.relations.push_back({st->Text(0), UnitId(st->Int(1)),
                             ParseRelationKind(st->Text(2)).value_or(RelationKind::kKin),
                             st->Text(3)});
    }
  }
  return i;
}

Status SqliteTransaction::UpdateInspector(const Inspector& i) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("UPDATE inspectors SET name=?, employer=?, post=?, phone=?,"
                               " version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, i.name)
      .Bind(2, i.employer)
      .Bind(3, i.post)
      .Bind(4, i.phone)
      .Bind(5, i.id.value)
      .Bind(6, i.version);
  XUNCHA_TRY(st->Run());
  XUNCHA_TRY(CheckVersioned("inspectors", i.id.value, "inspector"));
  return WriteInspectorChildren(i);
}

Result<Page<Inspector>> SqliteTransaction::ListInspectors(const std::string& q,
                                                          const PageRequest& page) {
  const std::string where =
      "WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR employer LIKE ?1 "
      "ESCAPE '\\') ";
  auto bind = [&](Statement& st) {
    if (!q.empty()) st.Bind(1, LikePattern(q));
  };
  Page<Inspector> out;
  XUNCHA_ASSIGN_OR_RETURN(out.total, Count("SELECT count(*) FROM inspectors " + where, bind));
  std::vector<InspectorId> ids;
  {
    XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("SELECT id FROM inspectors " + where +
                                                 "ORDER BY id LIMIT ?2 OFFSET ?3"));
    bind(*st);
    st->Bind(2, page.page_size).Bind(3, page.offset());
    while (true) {
      XUNCHA_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ids.emplace_back(st->Int(0));
    }
  }
  for (InspectorId id : ids) {
    XUNCHA_ASSIGN_OR_RETURN(Inspector i, GetInspector(id));
    out.items.push_back(std::move(i));
  }
  return out;
}

// ---- assignments ----

namespace {
constexpr const char* kAssignmentSelect =
    "SELECT a.id, a.version, a.round_id, a.group_id, a.unit_id, a.station_start, a.station_end, "
    "a.notice_date, a.meeting_date, a.meeting_place, a.meeting_attendees, a.leader_remarks, "
    "a.pledge, a.demo, g.name, u.name FROM assignments a JOIN groups g ON g.id=a.group_id "
    "JOIN units u ON u.id=a.unit_id ";

AssignmentView ReadAssignment(const Statement& st) {
  AssignmentView v;
  Assignment& a = v.assignment;
  a.id = AssignmentId(st.Int(0));
  a.version = static_cast<int>(st.Int(1));
  a.round_id = RoundId(st.Int(2));
  a.group_id = GroupId(st.Int(3));
  a.unit_id = UnitId(st.Int(4));
  a.station_start = DateCol(st, 5);
  a.station_end = DateCol(st, 6);
  a.notice_date = OptDate(st.OptText(7));
  a.meeting.date = OptDate(st.OptText(8));
  a.meeting.place = st.Text(9);
  a.meeting.attendees = st.Text(10);
  a.meeting.leader_remarks = st.Text(11);
  a.meeting.pledge = st.Text(12);
  a.demo = st.Int(13) != 0;
  v.group_name = st.Text(14);
  v.unit_name = st.Text(15);
  return v;
}
}  // namespace

Result<AssignmentId> SqliteTransaction::InsertAssignment(const Assignment& a) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO assignments (round_id, group_id, unit_id, station_start, station_end,"
           " notice_date, meeting_date, meeting_place, meeting_attendees, leader_remarks, pledge,"
           " demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
  st->Bind(1, a.round_id.value)
      .Bind(2, a.group_id.value)
      .Bind(3, a.unit_id.value)
      .Bind(4, a.station_start.ToString())
      .Bind(5, a.station_end.ToString())
      .Bind(6, OptDateText(a.notice_date))
      .Bind(7, OptDateText(a.meeting.date))
      .Bind(8, a.meeting.place)
      .Bind(9, a.meeting.attendees)
      .Bind(10, a.meeting.leader_remarks)
      .Bind(11, a.meeting.pledge)
      .Bind(12, a.demo);
  XUNCHA_TRY(st->Run());
  return AssignmentId(conn_->LastInsertId());
}

Result<AssignmentView> SqliteTransaction::GetAssignment(AssignmentId id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep(std::string(kAssignmentSelect) + "WHERE a.id=?"));
  st->Bind(1, id.value);
  return OneRow<AssignmentView>(*st, ReadAssignment, "assignment");
}

Status SqliteTransaction::UpdateAssignment(const Assignment& a) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("UPDATE assignments SET group_id=?, unit_id=?, station_start=?, station_end=?,"
           " notice_date=?, meeting_date=?, meeting_place=?, meeting_attendees=?,"
           " leader_remarks=?, pledge=?, version=version+1 WHERE id=? AND version=?"));
  st->Bind(1, a.group_id.value)
      .Bind(2, a.unit_id.value)
      .Bind(3, a.station_start.ToString())
      .Bind(4, a.station_end.ToString())
      .Bind(5, OptDateText(a.notice_date))
      .Bind(6, OptDateText(a.meeting.date))
      .Bind(7, a.meeting.place)
      .Bind(8, a.meeting.attendees)
      .Bind(9, a.meeting.leader_remarks)
      .Bind(10, a.meeting.pledge)
      .Bind(11, a.id.value)
      .Bind(12, a.version);
  XUNCHA_TRY(st->Run());
  return CheckVersioned("assignments", a.id.value, "assignment");
}

Result<std::vector<AssignmentView>> SqliteTransaction::ListAssignments(const Scope& scope,
                                                                       const AssignmentFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep(std::string(kAssignmentSelect) +
           "WHERE (?1 IS NULL OR a.group_id IN (SELECT value FROM json_each(?1)) "
           "OR a.unit_id IN (SELECT value FROM json_each(?2))) "
           "AND (?3 IS NULL OR a.round_id=?3) AND (?4 IS NULL OR a.group_id=?4) "
           "AND (?5 IS NULL OR a.unit_id=?5) ORDER BY a.station_start, g.number, a.id"));
  st->Bind(1, IdsJson(scope.all, scope.groups));
  st->Bind(2, IdsJson(scope.all, scope.units).value_or("[]"));
  if (f.round_id) st->Bind(3, f.round_id->value);
  if (f.group_id) st->Bind(4, f.group_id->value);
  if (f.unit_id) st->Bind(5, f.unit_id->value);
  return AllRows<AssignmentView>(*st, ReadAssignment);
}

}  // namespace xuncha::sqlite
