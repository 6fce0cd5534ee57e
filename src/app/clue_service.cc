#include "app/clue_service.h"

#include <nlohmann/json.hpp>

#include "app/group_work.h"
#include "app/scope.h"

namespace xuncha {
namespace {
using nlohmann::json;

constexpr const char* kContentPart = "content";
constexpr const char* kDisposalPart = "disposal";

std::string Encode(const ClueContent& c) {
  return json{{"title", c.title},
              {"description", c.description},
              {"evidence", c.evidence},
              {"leaders", LeadersJson(c.leaders)},
              {"other_persons", c.other_persons}}
      .dump();
}

Result<ClueContent> Decode(const std::string& s) {
  try {
    const json j = json::parse(s);
    ClueContent c;
    c.title = j.value("title", "");
    c.description = j.value("description", "");
    c.evidence = j.value("evidence", "");
    c.leaders = LeadersFromJson(j.value("leaders", json::array()));
    c.other_persons = j.value("other_persons", "");
    return c;
  } catch (const json::exception&) {
    return Error::Make(ErrorCode::kInternal, "clue content cannot be decoded", "decrypt_failed");
  }
}

std::string StateChange(ClueState from, ClueState to) {
  return std::string(ClueStateName(from)) + "->" + std::string(ClueStateName(to));
}

std::string IdText(ClueId id) { return std::to_string(id.value); }

}  // namespace

std::string ClueService::Seal(const std::string& plain, ClueId id, const char* part) {
  return crypto_.Seal(content_key_, plain, "clue:" + IdText(id) + ":" + part);
}

Result<std::string> ClueService::OpenBox(const std::string& box, ClueId id, const char* part) {
  auto plain = crypto_.Open(content_key_, box, "clue:" + IdText(id) + ":" + part);
  if (!plain.ok()) {
    return Error::Make(ErrorCode::kInternal, "clue cannot be opened", "decrypt_failed");
  }
  return std::move(*plain);
}

Result<ClueContent> ClueService::OpenContent(const ClueRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(std::string plain, OpenBox(rec.content_box, rec.clue.id, kContentPart));
  return Decode(plain);
}

Result<ClueScope> ClueService::ScopeFor(Transaction& tx, const Actor& a) {
  ClueScope s;
  switch (a.user.role) {
    case Role::kOffice:
      s.all = true;
      return s;
    case Role::kClueRecipient:
      // An account without its organ receives nothing until the office sets it.
      if (!a.user.organ) return Forbidden("this recipient's organ is not set", "organ_not_set");
      s.organ = a.user.organ;
      return s;
    case Role::kGroupLeader:
    case Role::kGroupMember:
      if (a.user.inspector_id) {
        XUNCHA_ASSIGN_OR_RETURN(s.groups, tx.GroupsOfInspector(*a.user.inspector_id));
      }
      return s;
    default:
      return Forbidden("clues are for the office, the groups and their recipients");
  }
}

Result<ClueRecord> ClueService::Load(Transaction& tx, const Actor& a, ClueId id) {
  XUNCHA_ASSIGN_OR_RETURN(ClueScope s, ScopeFor(tx, a));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord rec, tx.GetClue(id));
  // Out of scope answers exactly like a missing clue.
  if (!s.Sees(rec.clue.group_id, rec.clue.organ, rec.clue.state)) return NotFound("clue");
  return rec;
}

Result<std::optional<ClueMover>> ClueService::MoverFor(Transaction& tx, const Actor& a,
                                                       const Clue& c) {
  if (a.user.role == Role::kClueRecipient) {
    if (a.user.organ == c.organ) return std::optional<ClueMover>(ClueMover::kRecipient);
    return std::optional<ClueMover>();
  }
  XUNCHA_ASSIGN_OR_RETURN(bool leads, LeadsGroup(tx, a, c.group_id));
  if (leads) return std::optional<ClueMover>(ClueMover::kGroupLeader);
  return std::optional<ClueMover>();
}

Status ClueService::CheckReferences(Transaction& tx, ClueDraft& d, UnitId unit) {
  FieldErrors e;
  XUNCHA_TRY(FillRosterLeaders(tx, unit, d.content.leaders, e));
  if (!e.empty()) return ValidationError(std::move(e));
  return Ok();
}

Result<ClueView> ClueService::View(Transaction& tx, const Actor& a, const ClueRecord& rec,
                                   ViewFor what) {
  ClueView v;
  v.clue = rec.clue;
  XUNCHA_ASSIGN_OR_RETURN(v.clue.content, OpenContent(rec));
  v.group_name = rec.group_name;
  v.unit_name = rec.unit_name;
  v.round_name = rec.round_name;
  v.created_by_name = rec.created_by_name;
  v.updated_by_name = rec.updated_by_name;
  v.handed_over_by_name = rec.handed_over_by_name;
  v.received_by_name = rec.received_by_name;
  // Lists name whom a clue concerns (that is what it is about), not the facts.
  v.leaders = LeaderViews(v.clue.content.leaders, rec.clue.unit_id);
  if (what == ViewFor::kDetail) {
    if (!rec.disposal_box.empty()) {
      XUNCHA_ASSIGN_OR_RETURN(v.clue.disposal_note,
                              OpenBox(rec.disposal_box, rec.clue.id, kDisposalPart));
    }
    XUNCHA_ASSIGN_OR_RETURN(bool works, WorksInGroup(tx, a, rec.clue.group_id));
    v.editable = works && ClueEditable(rec.clue.state);
    XUNCHA_ASSIGN_OR_RETURN(auto mover, MoverFor(tx, a, rec.clue));
    if (mover) v.allowed_transitions = AllowedClueTransitions(rec.clue.state, *mover);
  } else if (what == ViewFor::kList) {
    v.clue.content.description.clear();
    v.clue.content.evidence.clear();
  }
  return v;
}

Result<ClueView> ClueService::Create(const Actor& a, const ClueDraft& sent) {
  if (!IsGroupRole(a.user.role)) return Forbidden("only the group's members write clues");
  FieldErrors errors = ValidateClueDraft(sent);
  if (!errors.empty()) return ValidationError(std::move(errors));
  ClueDraft d = sent;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  auto av = tx->GetAssignment(d.assignment_id);
  if (!av.ok()) {
    if (av.error().code != ErrorCode::kNotFound) return av.error();
    return ValidationError({{"assignment_id", "not_found"}});
  }
  XUNCHA_ASSIGN_OR_RETURN(bool works, WorksInGroup(*tx, a, av->assignment.group_id));
  // Another group's stationing is as unknown to the caller as a missing one.
  if (!works) return ValidationError({{"assignment_id", "not_found"}});
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(av->assignment.round_id));
  if (!CluesOpen(round.round.status)) {
    return ValidationError({{"assignment_id", "round_not_open_for_clues"}});
  }
  XUNCHA_TRY(CheckReferences(*tx, d, av->assignment.unit_id));

  ClueRecord rec;
  Clue& c = rec.clue;
  c.assignment_id = av->assignment.id;
  c.round_id = av->assignment.round_id;
  c.group_id = av->assignment.group_id;
  c.unit_id = av->assignment.unit_id;
  c.organ = *d.organ;
  c.state = ClueState::kDraft;
  c.disciplines = d.disciplines;
  c.created_by = a.user.id;
  c.created_at = clock_.Now();
  c.demo = d.demo;
  XUNCHA_ASSIGN_OR_RETURN(c.id, tx->NextClueId());
  rec.content_box = Seal(Encode(d.content), c.id, kContentPart);
  XUNCHA_ASSIGN_OR_RETURN(ClueId stored_id, tx->InsertClue(rec));
  if (stored_id != c.id) return Internal("clue stored under another id");
  XUNCHA_TRY(audit_.Append(*tx, a, "clue.create", "clue", IdText(c.id),
                           av->group_name + " / " + av->unit_name));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord stored, tx->GetClue(c.id));
  XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, stored, ViewFor::kDetail));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<ClueView> ClueService::Update(const Actor& a, ClueId id, int version, const ClueDraft& d) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(bool works, WorksInGroup(*tx, a, rec.clue.group_id));
  if (!works) return Forbidden("only the group's members edit its clues");
  ClueDraft checked = d;
  checked.assignment_id = rec.clue.assignment_id;
  FieldErrors errors = ValidateClueDraft(checked);
  if (!errors.empty()) return ValidationError(std::move(errors));
  // Not a draft says more than a stale version (a hand-over changes both).
  if (!ClueEditable(rec.clue.state)) {
    return Error::Make(ErrorCode::kFailedPrecondition, "only a draft is edited",
                       "clue_not_editable");
  }
  if (rec.clue.version != version) return Stale("clue");
  XUNCHA_TRY(CheckReferences(*tx, checked, rec.clue.unit_id));
  rec.clue.organ = *checked.organ;
  rec.clue.disciplines = checked.disciplines;
  rec.clue.updated_by = a.user.id;
  rec.clue.updated_at = clock_.Now();
  rec.content_box = Seal(Encode(checked.content), id, kContentPart);
  XUNCHA_TRY(tx->UpdateClue(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "clue.update", "clue", IdText(id), ""));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord stored, tx->GetClue(id));
  XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, stored, ViewFor::kDetail));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<ClueView> ClueService::Move(const Actor& a, ClueId id, const ClueMove& m) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(auto mover, MoverFor(*tx, a, rec.clue));
  if (!mover) {
    return Forbidden("only the group's leader or the organ's recipient moves a clue",
                     "clue_move_forbidden");
  }
  if (rec.clue.version != m.version) return Stale("clue");
  const auto allowed = AllowedClueTransitions(rec.clue.state, *mover);
  if (std::find(allowed.begin(), allowed.end(), m.to) == allowed.end()) {
    return ValidationError({{"to", "transition_not_allowed"}});
  }
  if (m.to == ClueState::kDisposed) {
    FieldErrors e;
    if (!m.disposal) e["disposal"] = "required";
    CheckText(e, "disposal_note", m.disposal_note, false, kMaxClueDisposalNoteChars);
    if (!e.empty()) return ValidationError(std::move(e));
  }
  const ClueState from = rec.clue.state;
  const UnixSeconds now = clock_.Now();
  Clue& c = rec.clue;
  c.state = m.to;
  c.updated_by = a.user.id;
  c.updated_at = now;
  switch (m.to) {
    case ClueState::kHandedOver:
      c.handed_over_by = a.user.id;
      c.handed_over_at = now;
      break;
    case ClueState::kReceived:
      c.received_by = a.user.id;
      c.received_at = now;
      break;
    case ClueState::kDisposed:
      c.disposal = m.disposal;
      c.disposed_at = now;
      rec.disposal_box = Seal(m.disposal_note, id, kDisposalPart);
      break;
    case ClueState::kDraft:  // taken back: it is no longer with the organ
      c.handed_over_by.reset();
      c.handed_over_at = 0;
      break;
    case ClueState::kWithdrawn:
      break;
  }
  XUNCHA_TRY(tx->UpdateClue(rec));
  std::string detail = StateChange(from, m.to);
  if (m.to == ClueState::kHandedOver) detail += " " + std::string(OrganName(c.organ));
  if (m.disposal && m.to == ClueState::kDisposed) {
    detail += " " + std::string(ClueDisposalName(*m.disposal));
  }
  XUNCHA_TRY(audit_.Append(*tx, a, "clue.move", "clue", IdText(id), detail));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord stored, tx->GetClue(id));
  XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, stored, ViewFor::kDetail));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<ClueView> ClueService::Get(const Actor& a, ClueId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ClueRecord rec, Load(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, rec, ViewFor::kDetail));
  XUNCHA_TRY(audit_.Append(*tx, a, "clue.view", "clue", IdText(id), ""));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<ClueFilter> ClueService::StoreFilter(Transaction& tx, const Actor& a,
                                            const ClueListFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(ClueScope s, ScopeFor(tx, a));
  ClueFilter sf;
  sf.all_groups = s.all;
  sf.groups = std::move(s.groups);
  sf.with_organ = s.organ;
  sf.round_id = f.round_id;
  sf.group_id = f.group_id;
  sf.unit_id = f.unit_id;
  sf.state = f.state;
  sf.organ = f.organ;
  sf.discipline = f.discipline;
  return sf;
}

Result<Page<ClueView>> ClueService::List(const Actor& a, const ClueListFilter& f,
                                         const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ClueFilter sf, StoreFilter(*tx, a, f));
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListClues(sf, p));
  Page<ClueView> out;
  out.total = page.total;
  for (const auto& rec : page.items) {
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, rec, ViewFor::kList));
    out.items.push_back(std::move(v));
  }
  XUNCHA_TRY(
      audit_.Append(*tx, a, "clue.list", "clue", "", "results=" + std::to_string(out.total)));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::vector<ClueView>> ClueService::Export(const Actor& a, const ClueListFilter& f) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ClueFilter sf, StoreFilter(*tx, a, f));
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListClues(sf, {1, kMaxExport + 1}));
  if (page.total > kMaxExport) {
    return InvalidArgument("more clues than one export holds", "export_too_large");
  }
  std::vector<ClueView> out;
  out.reserve(page.items.size());
  for (const auto& rec : page.items) {
    // The facts and the evidence, not the disposal note (the organ's own account).
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, rec, ViewFor::kExport));
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const ClueView& x, const ClueView& y) {
    if (x.clue.organ != y.clue.organ) return x.clue.organ < y.clue.organ;
    if (x.unit_name != y.unit_name) return x.unit_name < y.unit_name;
    if (x.clue.created_at != y.clue.created_at) return x.clue.created_at < y.clue.created_at;
    return x.clue.id < y.clue.id;
  });
  // The export shows each clue's facts and source: the log names every clue it held.
  std::string ids;
  for (const auto& v : out) ids += (ids.empty() ? "" : ",") + IdText(v.clue.id);
  XUNCHA_TRY(audit_.Append(*tx, a, "clue.export", "clue", "",
                           "results=" + std::to_string(out.size()) + " ids=" + ids));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<std::string> ClueService::SearchText(const ClueRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(ClueContent c, OpenContent(rec));
  std::string out = c.title + "\n" + c.description;
  if (!c.evidence.empty()) out += "\n" + c.evidence;
  for (const auto& l : c.leaders) out += "\n" + l.name + " " + l.post;
  if (!c.other_persons.empty()) out += "\n" + c.other_persons;
  return out;
}

Result<std::vector<ClueView>> ClueService::Summaries(const Actor& a,
                                                     const std::vector<ClueId>& ids) {
  std::vector<ClueView> out;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  for (ClueId id : ids) {
    auto rec = Load(*tx, a, id);
    if (!rec.ok()) {
      if (rec.error().code == ErrorCode::kNotFound) continue;
      return rec.error();
    }
    XUNCHA_ASSIGN_OR_RETURN(ClueView v, View(*tx, a, *rec, ViewFor::kList));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace xuncha
