#include "app/finding_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/group_work.h"
#include "app/scope.h"

namespace xuncha {
namespace {
using nlohmann::json;

std::string Context(FindingId id) { return "finding:" + std::to_string(id.value); }

std::string Encode(const FindingContent& c) {
  return json{{"title", c.title},
              {"description", c.description},
              {"evidence", c.evidence},
              {"leaders", LeadersJson(c.leaders)}}
      .dump();
}

Result<FindingContent> Decode(const std::string& s) {
  try {
    const json j = json::parse(s);
    FindingContent c;
    c.title = j.value("title", "");
    c.description = j.value("description", "");
    c.evidence = j.value("evidence", "");
    c.leaders = LeadersFromJson(j.value("leaders", json::array()));
    return c;
  } catch (const json::exception&) {
    return Error::Make(ErrorCode::kInternal, "finding content cannot be decoded", "decrypt_failed");
  }
}

bool ReadsAll(Role r) { return r == Role::kOffice || r == Role::kLeadership; }

std::string StateChange(FindingState from, FindingState to) {
  return std::string(FindingStateName(from)) + "->" + std::string(FindingStateName(to));
}

}  // namespace

std::string FindingService::Seal(const FindingContent& c, FindingId id) {
  return crypto_.Seal(content_key_, Encode(c), Context(id));
}

Result<FindingContent> FindingService::Open(const FindingRecord& rec) {
  auto plain = crypto_.Open(content_key_, rec.content_box, Context(rec.finding.id));
  if (!plain.ok()) {
    return Error::Make(ErrorCode::kInternal, "finding content cannot be opened", "decrypt_failed");
  }
  return Decode(*plain);
}

Result<FindingScope> FindingService::ScopeFor(Transaction& tx, const Actor& a) {
  FindingScope s;
  if (ReadsAll(a.user.role)) {
    s.all = true;
    return s;
  }
  if (!IsGroupRole(a.user.role)) return Forbidden("findings are for the office and the groups");
  if (!a.user.inspector_id) return s;
  XUNCHA_ASSIGN_OR_RETURN(s.groups, tx.GroupsOfInspector(*a.user.inspector_id));
  return s;
}

Result<FindingRecord> FindingService::Load(Transaction& tx, const Actor& a, FindingId id) {
  XUNCHA_ASSIGN_OR_RETURN(FindingScope s, ScopeFor(tx, a));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord rec, tx.GetFinding(id));
  // Out of scope answers exactly like a missing finding.
  if (!s.all && !Contains(s.groups, rec.finding.group_id)) return NotFound("finding");
  return rec;
}

Status FindingService::CheckReferences(Transaction& tx, FindingDraft& d, RoundId round,
                                       UnitId unit) {
  FieldErrors e;
  if (d.focus_item_id) {
    auto item = tx.GetFocusItem(*d.focus_item_id);
    if (!item.ok()) {
      if (item.error().code != ErrorCode::kNotFound) return item.error();
      e["focus_item_id"] = "not_found";
    } else if (item->round_id != round) {
      e["focus_item_id"] = "not_in_round";
    }
  }
  XUNCHA_TRY(FillRosterLeaders(tx, unit, d.content.leaders, e));
  if (!e.empty()) return ValidationError(std::move(e));
  return Ok();
}

Result<FindingView> FindingService::View(Transaction& tx, const Actor& a, const FindingRecord& rec,
                                         bool detail) {
  FindingView v;
  v.finding = rec.finding;
  XUNCHA_ASSIGN_OR_RETURN(v.finding.content, Open(rec));
  v.group_name = rec.group_name;
  v.unit_name = rec.unit_name;
  v.round_name = rec.round_name;
  v.focus_title = rec.focus_title;
  v.focus_order = rec.focus_order;
  v.created_by_name = rec.created_by_name;
  v.updated_by_name = rec.updated_by_name;
  if (detail) {
    v.leaders = LeaderViews(v.finding.content.leaders, rec.finding.unit_id);
    XUNCHA_ASSIGN_OR_RETURN(bool writes, WorksInGroup(tx, a, rec.finding.group_id));
    v.editable = writes && FindingEditable(rec.finding.state);
    XUNCHA_ASSIGN_OR_RETURN(bool leads, LeadsGroup(tx, a, rec.finding.group_id));
    if (leads) v.allowed_transitions = AllowedFindingTransitions(rec.finding.state);
  } else {
    // Lists carry no facts or evidence: the title says what it is about.
    v.finding.content.description.clear();
    v.finding.content.evidence.clear();
  }
  return v;
}

Status FindingService::CheckRoundOpen(Transaction& tx, RoundId round) {
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary r, tx.GetRound(round));
  if (FindingsOpen(r.round.status)) return Ok();
  return Error::Make(ErrorCode::kFailedPrecondition,
                     "the round is in rectification or closed: its findings are fixed",
                     "round_closed_for_findings");
}

Result<FindingView> FindingService::Create(const Actor& a, const FindingDraft& sent) {
  if (!IsGroupRole(a.user.role)) return Forbidden("only the group's members write findings");
  FieldErrors errors = ValidateFindingDraft(sent);
  if (!errors.empty()) return ValidationError(std::move(errors));
  FindingDraft d = sent;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  auto av = tx->GetAssignment(d.assignment_id);
  if (!av.ok()) {
    if (av.error().code != ErrorCode::kNotFound) return av.error();
    return ValidationError({{"assignment_id", "not_found"}});
  }
  XUNCHA_ASSIGN_OR_RETURN(bool writes, WorksInGroup(*tx, a, av->assignment.group_id));
  // Another group's stationing is as unknown to the caller as a missing one.
  if (!writes) return ValidationError({{"assignment_id", "not_found"}});
  // Findings are established while the group is stationed and reports on them; a round in
  // planning, in rectification or closed takes no new ones.
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(av->assignment.round_id));
  if (!FindingsOpen(round.round.status)) {
    return ValidationError({{"assignment_id", "round_not_open_for_findings"}});
  }
  XUNCHA_TRY(CheckReferences(*tx, d, av->assignment.round_id, av->assignment.unit_id));

  FindingRecord rec;
  Finding& f = rec.finding;
  f.assignment_id = av->assignment.id;
  f.round_id = av->assignment.round_id;
  f.group_id = av->assignment.group_id;
  f.unit_id = av->assignment.unit_id;
  f.focus_item_id = d.focus_item_id;
  f.state = FindingState::kDraft;
  f.disciplines = d.disciplines;
  f.created_by = a.user.id;
  f.created_at = clock_.Now();
  f.demo = d.demo;
  // The box is bound to the id the row will have.
  XUNCHA_ASSIGN_OR_RETURN(f.id, tx->NextFindingId());
  rec.content_box = Seal(d.content, f.id);
  XUNCHA_ASSIGN_OR_RETURN(FindingId stored_id, tx->InsertFinding(rec));
  if (stored_id != f.id) return Internal("finding stored under another id");
  XUNCHA_TRY(audit_.Append(*tx, a, "finding.create", "finding", std::to_string(f.id.value),
                           av->group_name + " / " + av->unit_name));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord stored, tx->GetFinding(f.id));
  XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, stored, true));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<FindingView> FindingService::Update(const Actor& a, FindingId id, int version,
                                           const FindingDraft& d) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(bool writes, WorksInGroup(*tx, a, rec.finding.group_id));
  if (!writes) return Forbidden("only the group's members edit its findings");
  XUNCHA_TRY(CheckRoundOpen(*tx, rec.finding.round_id));
  // Where it was found does not change; the draft is checked as the caller sent it.
  FindingDraft checked = d;
  checked.assignment_id = rec.finding.assignment_id;
  FieldErrors errors = ValidateFindingDraft(checked);
  if (!errors.empty()) return ValidationError(std::move(errors));
  // Not a draft says more than a stale version (a leader's confirmation changes both).
  if (!FindingEditable(rec.finding.state)) {
    return Error::Make(ErrorCode::kFailedPrecondition, "only a draft is edited",
                       "finding_not_editable");
  }
  if (rec.finding.version != version) return Stale("finding");
  XUNCHA_TRY(CheckReferences(*tx, checked, rec.finding.round_id, rec.finding.unit_id));
  rec.finding.focus_item_id = checked.focus_item_id;
  rec.finding.disciplines = checked.disciplines;
  rec.finding.updated_by = a.user.id;
  rec.finding.updated_at = clock_.Now();
  rec.content_box = Seal(checked.content, id);
  XUNCHA_TRY(tx->UpdateFinding(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "finding.update", "finding", std::to_string(id.value), ""));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord stored, tx->GetFinding(id));
  XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, stored, true));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<FindingView> FindingService::Move(const Actor& a, FindingId id, int version,
                                         FindingState to) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(bool leads, LeadsGroup(*tx, a, rec.finding.group_id));
  if (!leads) return Forbidden("only the group's leader moves findings", "group_leader_only");
  XUNCHA_TRY(CheckRoundOpen(*tx, rec.finding.round_id));
  if (rec.finding.version != version) return Stale("finding");
  const auto allowed = AllowedFindingTransitions(rec.finding.state);
  if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
    return ValidationError({{"to", "transition_not_allowed"}});
  }
  const FindingState from = rec.finding.state;
  rec.finding.state = to;
  rec.finding.updated_by = a.user.id;
  rec.finding.updated_at = clock_.Now();
  XUNCHA_TRY(tx->UpdateFinding(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "finding.move", "finding", std::to_string(id.value),
                           StateChange(from, to)));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord stored, tx->GetFinding(id));
  XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, stored, true));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<FindingView> FindingService::Get(const Actor& a, FindingId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, rec, true));
  XUNCHA_TRY(audit_.Append(*tx, a, "finding.view", "finding", std::to_string(id.value), ""));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<FindingFilter> FindingService::StoreFilter(Transaction& tx, const Actor& a,
                                                  const FindingListFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(FindingScope s, ScopeFor(tx, a));
  FindingFilter sf;
  sf.all_groups = s.all;
  sf.groups = std::move(s.groups);
  sf.round_id = f.round_id;
  sf.group_id = f.group_id;
  sf.unit_id = f.unit_id;
  sf.state = f.state;
  sf.focus_item_id = f.focus_item_id;
  sf.discipline = f.discipline;
  return sf;
}

Result<Page<FindingView>> FindingService::List(const Actor& a, const FindingListFilter& f,
                                               const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingFilter sf, StoreFilter(*tx, a, f));
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListFindings(sf, p));
  Page<FindingView> out;
  out.total = page.total;
  for (const auto& rec : page.items) {
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, rec, false));
    out.items.push_back(std::move(v));
  }
  XUNCHA_TRY(
      audit_.Append(*tx, a, "finding.list", "finding", "", "results=" + std::to_string(out.total)));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::vector<FindingView>> FindingService::Export(const Actor& a,
                                                        const FindingListFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingFilter sf, StoreFilter(*tx, a, f));
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListFindings(sf, {1, kMaxExport + 1}));
  if (page.total > kMaxExport) {
    return InvalidArgument("more findings than one export holds", "export_too_large");
  }
  std::vector<FindingView> out;
  out.reserve(page.items.size());
  for (const auto& rec : page.items) {
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, rec, /*detail=*/true));
    v.editable = false;
    v.allowed_transitions.clear();
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const FindingView& x, const FindingView& y) {
    if (x.unit_name != y.unit_name) return x.unit_name < y.unit_name;
    if (x.focus_order != y.focus_order) return x.focus_order < y.focus_order;
    if (x.finding.created_at != y.finding.created_at) {
      return x.finding.created_at < y.finding.created_at;
    }
    return x.finding.id < y.finding.id;
  });
  // The export shows each finding's facts and evidence: the log names every finding it held.
  std::string ids;
  for (const auto& v : out) ids += (ids.empty() ? "" : ",") + std::to_string(v.finding.id.value);
  XUNCHA_TRY(audit_.Append(*tx, a, "finding.export", "finding", "",
                           "results=" + std::to_string(out.size()) + " ids=" + ids));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::string> FindingService::SearchText(Transaction& /*tx*/, const FindingRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(FindingContent c, Open(rec));
  std::string out = c.title + "\n" + c.description;
  if (!c.evidence.empty()) out += "\n" + c.evidence;
  for (const auto& l : c.leaders) out += "\n" + l.name + " " + l.post;
  return out;
}

Result<std::vector<FindingView>> FindingService::Summaries(const Actor& a,
                                                           const std::vector<FindingId>& ids) {
  std::vector<FindingView> out;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  for (FindingId id : ids) {
    auto rec = Load(*tx, a, id);
    if (!rec.ok()) {
      if (rec.error().code == ErrorCode::kNotFound) continue;
      return rec.error();
    }
    XUNCHA_ASSIGN_OR_RETURN(FindingView v, View(*tx, a, *rec, false));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace xuncha
