#include "app/planning_service.h"

#include <nlohmann/json.hpp>

#include "app/scope.h"

namespace xuncha {
namespace {
constexpr int kChinaUtcOffset = 8 * 3600;

Error Recusal(const std::vector<RecusalConflict>& conflicts) {
  Error e = Error::Make(ErrorCode::kFailedPrecondition, "recusal conflict", "recusal");
  nlohmann::json j = nlohmann::json::array();
  for (const auto& c : conflicts) {
    j.push_back({{"unit_id", c.unit_id.value}, {"unit_name", c.unit_name}, {"reason", c.reason}});
  }
  e.detail_json = nlohmann::json{{"conflicts", j}}.dump();
  return e;
}

std::string Reasons(const std::vector<RecusalConflict>& conflicts) {
  std::string s;
  for (const auto& c : conflicts) s += c.unit_name + "：" + c.reason + "；";
  return s;
}
}  // namespace

Date PlanningService::Today() const { return Date::OfTimestamp(clock_.Now(), kChinaUtcOffset); }

Status PlanningService::RequirePlanner(const Actor& a) const {
  if (!CanPlan(a.user)) return Forbidden("planning needs the office role");
  return Ok();
}

Status PlanningService::Log(Transaction& tx, const Actor& a, const std::string& action,
                            const std::string& type, std::int64_t id, const std::string& detail) {
  return audit_.Append(tx, a, action, type, std::to_string(id), detail);
}

// ---- terms and rounds ----

Result<std::vector<Term>> PlanningService::ListTerms(const Actor& a) {
  if (a.user.role == Role::kAdmin) return Forbidden("no case content for admin");
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListTerms();
}

Result<Term> PlanningService::CreateTerm(const Actor& a, Term t) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateTerm(t); !e.empty()) return ValidationError(std::move(e));
  t.version = 1;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(t.id, tx->InsertTerm(t));
  XUNCHA_TRY(Log(*tx, a, "term.create", "term", t.id.value, t.name));
  XUNCHA_TRY(tx->Commit());
  return t;
}

// Statistics obey scopes too: outside the office's full view, a round's counts are of the groups
// and assignments the actor can see.
Status PlanningService::ScopeCounts(Transaction& tx, const User& u, const Scope& s,
                                    RoundSummary& r) {
  if (s.all) return Ok();
  XUNCHA_ASSIGN_OR_RETURN(auto groups, tx.ListGroups(s, r.round.id));
  Scope visible = s;
  if (IsGroupRole(u.role)) visible.units.clear();
  if (u.role == Role::kUnit) visible.groups.clear();
  AssignmentFilter f;
  f.round_id = r.round.id;
  XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx.ListAssignments(visible, f));
  r.group_count = static_cast<int>(groups.size());
  r.unit_count = static_cast<int>(assignments.size());
  return Ok();
}

Result<Page<RoundSummary>> PlanningService::ListRounds(const Actor& a, const RoundFilter& f,
                                                       const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListRounds(s, f, p));
  for (auto& r : page.items) XUNCHA_TRY(ScopeCounts(*tx, a.user, s, r));
  return page;
}

Result<RoundSummary> PlanningService::GetRound(const Actor& a, RoundId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeRound(s, id)) return NotFound("round");
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary r, tx->GetRound(id));
  XUNCHA_TRY(ScopeCounts(*tx, a.user, s, r));
  return r;
}

Result<RoundSummary> PlanningService::CreateRound(const Actor& a, Round r) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateRound(r); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (auto t = tx->GetTerm(r.term_id); !t.ok()) return ValidationError({{"term_id", "not_found"}});
  auto id = tx->InsertRound(r);
  if (!id.ok()) {
    Error e = std::move(id).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"number", "round_taken"}});
    return e;
  }
  r.id = *id;
  std::vector<FocusItemId> ids;
  int pos = 0;
  for (const auto& item : DefaultFocusTemplate()) {
    FocusItem f;
    f.round_id = r.id;
    if (item.parent >= 0) f.parent_id = ids[static_cast<std::size_t>(item.parent)];
    f.position = pos++;
    f.title = item.title;
    XUNCHA_ASSIGN_OR_RETURN(FocusItemId fid, tx->InsertFocusItem(f));
    ids.push_back(fid);
  }
  XUNCHA_TRY(Log(*tx, a, "round.create", "round", r.id.value, r.name));
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary out, tx->GetRound(r.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<RoundSummary> PlanningService::UpdateRound(const Actor& a, const Round& r) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateRound(r); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (auto t = tx->GetTerm(r.term_id); !t.ok()) return ValidationError({{"term_id", "not_found"}});
  Status st = tx->UpdateRound(r);
  if (!st.ok()) {
    Error e = std::move(st).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"number", "round_taken"}});
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "round.update", "round", r.id.value, r.name));
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary out, tx->GetRound(r.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

// ---- focus ----

Result<std::vector<FocusItem>> PlanningService::ListFocus(const Actor& a, RoundId round) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeRound(s, round)) return NotFound("round");
  XUNCHA_TRY(tx->GetRound(round));
  return tx->ListFocusItems(round);
}

Result<FocusItem> PlanningService::AddFocus(const Actor& a, FocusItem f) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateFocusItem(f); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->GetRound(f.round_id));
  if (f.parent_id) {
    auto parent = tx->GetFocusItem(*f.parent_id);
    if (!parent.ok() || parent->round_id != f.round_id) {
      return ValidationError({{"parent_id", "not_found"}});
    }
  }
  XUNCHA_ASSIGN_OR_RETURN(f.id, tx->InsertFocusItem(f));
  XUNCHA_TRY(Log(*tx, a, "focus.create", "focus_item", f.id.value, f.title));
  XUNCHA_TRY(tx->Commit());
  return f;
}

Result<FocusItem> PlanningService::UpdateFocus(const Actor& a, const FocusItem& f) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateFocusItem(f); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->UpdateFocusItem(f));
  XUNCHA_TRY(Log(*tx, a, "focus.update", "focus_item", f.id.value, f.title));
  XUNCHA_ASSIGN_OR_RETURN(FocusItem out, tx->GetFocusItem(f.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Status PlanningService::DeleteFocus(const Actor& a, FocusItemId id) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FocusItem f, tx->GetFocusItem(id));
  XUNCHA_TRY(tx->DeleteFocusItem(id));
  XUNCHA_TRY(Log(*tx, a, "focus.delete", "focus_item", id.value, f.title));
  return tx->Commit();
}

// ---- groups ----

Result<bool> PlanningService::IsLeaderOf(Transaction& tx, const User& u, GroupId g) {
  if (u.role != Role::kGroupLeader || !u.inspector_id) return false;
  XUNCHA_ASSIGN_OR_RETURN(Group group, tx.GetGroup(g));
  for (const auto& m : group.members) {
    if (m.inspector_id == *u.inspector_id && m.role == MemberRole::kLeader) return true;
  }
  return false;
}

Result<std::vector<Group>> PlanningService::ListGroups(const Actor& a, const GroupFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  return tx->ListGroups(s, f.round_id);
}

Result<Group> PlanningService::GetGroup(const Actor& a, GroupId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeGroup(s, id)) return NotFound("group");
  return tx->GetGroup(id);
}

Result<Group> PlanningService::CreateGroup(const Actor& a, Group g) {
  XUNCHA_TRY(RequirePlanner(a));
  g.members.clear();  // members join through AddMember, which checks recusal
  if (auto e = ValidateGroup(g); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (auto r = tx->GetRound(g.round_id); !r.ok()) {
    return ValidationError({{"round_id", "not_found"}});
  }
  auto id = tx->InsertGroup(g);
  if (!id.ok()) {
    Error e = std::move(id).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"number", "group_taken"}});
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "group.create", "group", id->value, g.name));
  XUNCHA_ASSIGN_OR_RETURN(Group out, tx->GetGroup(*id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<Group> PlanningService::UpdateGroup(const Actor& a, const Group& g) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeGroup(s, g.id)) return NotFound("group");
  XUNCHA_ASSIGN_OR_RETURN(Group current, tx->GetGroup(g.id));
  Group next = g;
  next.round_id = current.round_id;
  if (!CanPlan(a.user)) {
    XUNCHA_ASSIGN_OR_RETURN(bool leader, IsLeaderOf(*tx, a.user, g.id));
    if (!leader) return Forbidden("only the office or the group leader may edit a group");
    next.number = current.number;  // a leader edits the channels, not the group's identity
    next.name = current.name;
  }
  if (auto e = ValidateGroup(next); !e.empty()) return ValidationError(std::move(e));
  Status st = tx->UpdateGroup(next);
  if (!st.ok()) {
    Error e = std::move(st).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"number", "group_taken"}});
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "group.update", "group", g.id.value, next.name));
  XUNCHA_ASSIGN_OR_RETURN(Group out, tx->GetGroup(g.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::vector<RecusalConflict>> PlanningService::Conflicts(Transaction& tx,
                                                                const Inspector& inspector,
                                                                const std::vector<UnitId>& units) {
  std::vector<RecusalConflict> out;
  const Date today = Today();
  for (UnitId uid : units) {
    XUNCHA_ASSIGN_OR_RETURN(Unit unit, tx.GetUnit(uid));
    XUNCHA_ASSIGN_OR_RETURN(auto leaders, tx.ListLeaders(uid));
    for (auto& c : CheckRecusal(inspector, unit, leaders, today)) out.push_back(std::move(c));
  }
  return out;
}

Result<Group> PlanningService::AddMember(const Actor& a, GroupId g, InspectorId i, MemberRole role,
                                         const std::string& override_reason) {
  XUNCHA_TRY(RequirePlanner(a));
  if (Utf8Length(override_reason) > 2000) return ValidationError({{"override_reason", "too_long"}});
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Group group, tx->GetGroup(g));
  auto inspector = tx->GetInspector(i);
  if (!inspector.ok()) return ValidationError({{"inspector_id", "not_found"}});
  AssignmentFilter f;
  f.group_id = g;
  Scope all;
  all.all = true;
  XUNCHA_ASSIGN_OR_RETURN(auto assignments, tx->ListAssignments(all, f));
  std::vector<UnitId> units;
  for (const auto& as : assignments) units.push_back(as.assignment.unit_id);
  XUNCHA_ASSIGN_OR_RETURN(auto conflicts, Conflicts(*tx, *inspector, units));
  bool blank_reason = override_reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!conflicts.empty() && blank_reason) return Recusal(conflicts);
  XUNCHA_TRY(tx->UpsertGroupMember(g, i, role));
  XUNCHA_TRY(Log(*tx, a, "group.member.add", "group", g.value,
                 inspector->name + " " + std::string(MemberRoleName(role))));
  if (!conflicts.empty()) {
    XUNCHA_TRY(Log(*tx, a, "group.member.recusal_override", "group", g.value,
                   inspector->name + "；回避情形：" + Reasons(conflicts) + "强制指派理由：" +
                       override_reason));
  }
  XUNCHA_ASSIGN_OR_RETURN(Group out, tx->GetGroup(g));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<Group> PlanningService::RemoveMember(const Actor& a, GroupId g, InspectorId i) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->GetGroup(g));
  XUNCHA_TRY(tx->RemoveGroupMember(g, i));
  XUNCHA_TRY(Log(*tx, a, "group.member.remove", "group", g.value, std::to_string(i.value)));
  XUNCHA_ASSIGN_OR_RETURN(Group out, tx->GetGroup(g));
  XUNCHA_TRY(tx->Commit());
  return out;
}

// ---- units ----

Result<Page<Unit>> PlanningService::ListUnits(const Actor& a, const std::string& q,
                                              const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  return tx->ListUnits(s, q, p);
}

Result<Unit> PlanningService::GetUnit(const Actor& a, UnitId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeUnit(s, id)) return NotFound("unit");
  return tx->GetUnit(id);
}

Result<Unit> PlanningService::CreateUnit(const Actor& a, Unit u) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateUnit(u); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (u.parent_id && !tx->GetUnit(*u.parent_id).ok()) {
    return ValidationError({{"parent_id", "not_found"}});
  }
  auto id = tx->InsertUnit(u);
  if (!id.ok()) {
    Error e = std::move(id).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"name", "name_taken"}});
    return e;
  }
  u.id = *id;
  XUNCHA_TRY(Log(*tx, a, "unit.create", "unit", u.id.value, u.name));
  XUNCHA_TRY(tx->Commit());
  return u;
}

Result<Unit> PlanningService::UpdateUnit(const Actor& a, const Unit& u) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateUnit(u); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  if (u.parent_id && !tx->GetUnit(*u.parent_id).ok()) {
    return ValidationError({{"parent_id", "not_found"}});
  }
  Status st = tx->UpdateUnit(u);
  if (!st.ok()) {
    Error e = std::move(st).error();
    if (e.code == ErrorCode::kAlreadyExists) return ValidationError({{"name", "name_taken"}});
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "unit.update", "unit", u.id.value, u.name));
  XUNCHA_ASSIGN_OR_RETURN(Unit out, tx->GetUnit(u.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::vector<Leader>> PlanningService::ListLeaders(const Actor& a, UnitId unit) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  if (!CanSeeUnit(s, unit)) return NotFound("unit");
  XUNCHA_TRY(tx->GetUnit(unit));
  return tx->ListLeaders(unit);
}

Result<Leader> PlanningService::AddLeader(const Actor& a, Leader l) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateLeader(l); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->GetUnit(l.unit_id));
  XUNCHA_ASSIGN_OR_RETURN(l.id, tx->InsertLeader(l));
  XUNCHA_TRY(Log(*tx, a, "leader.create", "leader", l.id.value, l.name + " " + l.post));
  XUNCHA_TRY(tx->Commit());
  return l;
}

Result<Leader> PlanningService::UpdateLeader(const Actor& a, const Leader& l) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Leader current, tx->GetLeader(l.id));
  Leader next = l;
  next.unit_id = current.unit_id;
  if (auto e = ValidateLeader(next); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_TRY(tx->UpdateLeader(next));
  XUNCHA_TRY(Log(*tx, a, "leader.update", "leader", l.id.value, next.name + " " + next.post));
  XUNCHA_ASSIGN_OR_RETURN(Leader out, tx->GetLeader(l.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Status PlanningService::DeleteLeader(const Actor& a, LeaderId id) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Leader l, tx->GetLeader(id));
  XUNCHA_TRY(tx->DeleteLeader(id));
  XUNCHA_TRY(Log(*tx, a, "leader.delete", "leader", id.value, l.name + " " + l.post));
  return tx->Commit();
}

Result<int> PlanningService::ReplaceRoster(const Actor& a, UnitId unit,
                                           std::vector<Leader> leaders) {
  XUNCHA_TRY(RequirePlanner(a));
  FieldErrors errors;
  for (std::size_t i = 0; i < leaders.size(); ++i) {
    leaders[i].unit_id = unit;
    for (const auto& [field, key] : ValidateLeader(leaders[i])) {
      errors["row" + std::to_string(i + 2) + "." + field] = key;  // row 1 is the header
    }
  }
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->GetUnit(unit));
  XUNCHA_ASSIGN_OR_RETURN(auto old, tx->ListLeaders(unit));
  for (const auto& l : old) XUNCHA_TRY(tx->DeleteLeader(l.id));
  for (const auto& l : leaders) XUNCHA_TRY(tx->InsertLeader(l));
  XUNCHA_TRY(Log(*tx, a, "unit.roster.import", "unit", unit.value,
                 std::to_string(leaders.size()) + " rows"));
  XUNCHA_TRY(tx->Commit());
  return static_cast<int>(leaders.size());
}

// ---- inspectors ----

Result<Page<Inspector>> PlanningService::ListInspectors(const Actor& a, const std::string& q,
                                                        const PageRequest& p) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListInspectors(q, p);
}

Result<Inspector> PlanningService::GetInspector(const Actor& a, InspectorId id) {
  XUNCHA_TRY(RequirePlanner(a));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->GetInspector(id);
}

Result<Inspector> PlanningService::CreateInspector(const Actor& a, Inspector i) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateInspector(i); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  for (const auto& r : i.relations) {
    if (!tx->GetUnit(r.unit_id).ok()) return ValidationError({{"relations", "not_found"}});
  }
  for (const auto& h : i.history) {
    if (h.unit_id && !tx->GetUnit(*h.unit_id).ok()) {
      return ValidationError({{"history", "not_found"}});
    }
  }
  XUNCHA_ASSIGN_OR_RETURN(i.id, tx->InsertInspector(i));
  XUNCHA_TRY(Log(*tx, a, "inspector.create", "inspector", i.id.value, i.name));
  XUNCHA_TRY(tx->Commit());
  return i;
}

Result<Inspector> PlanningService::UpdateInspector(const Actor& a, const Inspector& i) {
  XUNCHA_TRY(RequirePlanner(a));
  if (auto e = ValidateInspector(i); !e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  for (const auto& r : i.relations) {
    if (!tx->GetUnit(r.unit_id).ok()) return ValidationError({{"relations", "not_found"}});
  }
  for (const auto& h : i.history) {
    if (h.unit_id && !tx->GetUnit(*h.unit_id).ok()) {
      return ValidationError({{"history", "not_found"}});
    }
  }
  XUNCHA_TRY(tx->UpdateInspector(i));
  XUNCHA_TRY(Log(*tx, a, "inspector.update", "inspector", i.id.value, i.name));
  XUNCHA_ASSIGN_OR_RETURN(Inspector out, tx->GetInspector(i.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

// ---- assignments ----

Result<std::vector<AssignmentView>> PlanningService::ListAssignments(const Actor& a,
                                                                     const AssignmentFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  // A group sees the assignments of its own groups, not other groups' work at the same unit.
  if (IsGroupRole(a.user.role)) s.units.clear();
  if (a.user.role == Role::kUnit) s.groups.clear();
  return tx->ListAssignments(s, f);
}

Result<AssignmentView> PlanningService::GetAssignment(const Actor& a, AssignmentId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  auto v = tx->GetAssignment(id);
  if (!v.ok()) return v;
  bool visible = s.all || (IsGroupRole(a.user.role) && CanSeeGroup(s, v->assignment.group_id)) ||
                 (a.user.role == Role::kUnit && CanSeeUnit(s, v->assignment.unit_id));
  if (!visible) return NotFound("assignment");
  return v;
}

Result<std::vector<RecusalConflict>> PlanningService::GroupConflicts(Transaction& tx,
                                                                     const Group& group,
                                                                     UnitId unit) {
  std::vector<RecusalConflict> conflicts;
  for (const auto& m : group.members) {
    XUNCHA_ASSIGN_OR_RETURN(Inspector inspector, tx.GetInspector(m.inspector_id));
    XUNCHA_ASSIGN_OR_RETURN(auto c, Conflicts(tx, inspector, {unit}));
    for (auto& x : c) {
      x.reason = inspector.name + "：" + x.reason;
      conflicts.push_back(std::move(x));
    }
  }
  return conflicts;
}

Result<AssignmentView> PlanningService::CreateAssignment(const Actor& a, Assignment as,
                                                         const std::string& override_reason) {
  XUNCHA_TRY(RequirePlanner(a));
  FieldErrors errors = ValidateAssignment(as);
  CheckText(errors, "override_reason", override_reason, false, 2000);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  auto group = tx->GetGroup(as.group_id);
  if (!group.ok()) return ValidationError({{"group_id", "not_found"}});
  if (!tx->GetUnit(as.unit_id).ok()) return ValidationError({{"unit_id", "not_found"}});
  as.round_id = group->round_id;
  XUNCHA_ASSIGN_OR_RETURN(auto conflicts, GroupConflicts(*tx, *group, as.unit_id));
  bool blank_reason = override_reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!conflicts.empty() && blank_reason) return Recusal(conflicts);
  auto id = tx->InsertAssignment(as);
  if (!id.ok()) {
    Error e = std::move(id).error();
    if (e.code == ErrorCode::kAlreadyExists) {
      return ValidationError({{"unit_id", "unit_already_assigned"}});
    }
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "assignment.create", "assignment", id->value,
                 group->name + " → " + std::to_string(as.unit_id.value)));
  if (!conflicts.empty()) {
    XUNCHA_TRY(Log(*tx, a, "assignment.recusal_override", "assignment", id->value,
                   "回避情形：" + Reasons(conflicts) + "强制指派理由：" + override_reason));
  }
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView out, tx->GetAssignment(*id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<AssignmentView> PlanningService::UpdateAssignment(const Actor& a, const Assignment& as,
                                                         const std::string& override_reason) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(Scope s, ScopeFor(*tx, a.user));
  auto current = tx->GetAssignment(as.id);
  if (!current.ok()) return std::move(current).error();
  Assignment next = as;
  next.round_id = current->assignment.round_id;
  if (!CanPlan(a.user)) {
    if (!IsGroupRole(a.user.role) || !CanSeeGroup(s, current->assignment.group_id)) {
      return NotFound("assignment");
    }
    XUNCHA_ASSIGN_OR_RETURN(bool leader, IsLeaderOf(*tx, a.user, current->assignment.group_id));
    if (!leader) return Forbidden("only the office or the group leader may edit");
    // The leader records the meeting; who goes where and when is the office's decision.
    next.group_id = current->assignment.group_id;
    next.unit_id = current->assignment.unit_id;
    next.station_start = current->assignment.station_start;
    next.station_end = current->assignment.station_end;
  }
  if (auto e = ValidateAssignment(next); !e.empty()) return ValidationError(std::move(e));
  if (Utf8Length(override_reason) > 2000) return ValidationError({{"override_reason", "too_long"}});
  std::vector<RecusalConflict> conflicts;
  if (next.group_id != current->assignment.group_id ||
      next.unit_id != current->assignment.unit_id) {
    auto g = tx->GetGroup(next.group_id);
    if (!g.ok() || g->round_id != next.round_id) {
      return ValidationError({{"group_id", "not_found"}});
    }
    if (!tx->GetUnit(next.unit_id).ok()) return ValidationError({{"unit_id", "not_found"}});
    XUNCHA_ASSIGN_OR_RETURN(conflicts, GroupConflicts(*tx, *g, next.unit_id));
    bool blank_reason = override_reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!conflicts.empty() && blank_reason) return Recusal(conflicts);
  }
  Status st = tx->UpdateAssignment(next);
  if (!st.ok()) {
    Error e = std::move(st).error();
    if (e.code == ErrorCode::kAlreadyExists) {
      return ValidationError({{"unit_id", "unit_already_assigned"}});
    }
    return e;
  }
  XUNCHA_TRY(Log(*tx, a, "assignment.update", "assignment", as.id.value));
  if (!conflicts.empty()) {
    XUNCHA_TRY(Log(*tx, a, "assignment.recusal_override", "assignment", as.id.value,
                   "回避情形：" + Reasons(conflicts) + "强制指派理由：" + override_reason));
  }
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView out, tx->GetAssignment(as.id));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<Announcement> PlanningService::GetAnnouncement(const Actor& a, AssignmentId id) {
  XUNCHA_ASSIGN_OR_RETURN(AssignmentView v, GetAssignment(a, id));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary r, tx->GetRound(v.assignment.round_id));
  XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(v.assignment.group_id));
  XUNCHA_ASSIGN_OR_RETURN(Unit u, tx->GetUnit(v.assignment.unit_id));
  return MakeAnnouncement(r.round, g, u, v.assignment);
}

// ---- logs ----

Result<Page<AuditEntry>> PlanningService::ListAudit(const Actor& a, const PageRequest& p) {
  if (a.user.role != Role::kOffice) return Forbidden("the operation log is for the office");
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListAudit(p);
}

Result<Page<LoginRecord>> PlanningService::ListLogins(const Actor& a, const PageRequest& p) {
  if (a.user.role != Role::kOffice && a.user.role != Role::kAdmin) {
    return Forbidden("the login log is for the office and the administrator");
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  return tx->ListLogins(p);
}

}  // namespace xuncha
