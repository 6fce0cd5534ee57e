#include "app/rectification_service.h"

#include <nlohmann/json.hpp>

#include "app/scope.h"

namespace xuncha {
namespace {
using nlohmann::json;

constexpr int kChinaUtcOffset = 8 * 3600;

std::string Context(MeasureId id) { return "measure:" + std::to_string(id.value); }
std::string IdText(MeasureId id) { return std::to_string(id.value); }

std::string Encode(const MeasureContent& c) {
  return json{{"content", c.content},
              {"responsible_department", c.responsible_department},
              {"responsible_leader", c.responsible_leader},
              {"completion", c.completion},
              {"return_note", c.return_note}}
      .dump();
}

Result<MeasureContent> Decode(const std::string& s) {
  try {
    const json j = json::parse(s);
    MeasureContent c;
    c.content = j.value("content", "");
    c.responsible_department = j.value("responsible_department", "");
    c.responsible_leader = j.value("responsible_leader", "");
    c.completion = j.value("completion", "");
    c.return_note = j.value("return_note", "");
    return c;
  } catch (const json::exception&) {
    return Error::Make(ErrorCode::kInternal, "measure cannot be decoded", "decrypt_failed");
  }
}

bool ReadsAll(Role r) { return r == Role::kOffice || r == Role::kLeadership; }

}  // namespace

Date RectificationService::Today() const {
  return Date::OfTimestamp(clock_.Now(), kChinaUtcOffset);
}

std::string RectificationService::Seal(const MeasureContent& c, MeasureId id) {
  return crypto_.Seal(content_key_, Encode(c), Context(id));
}

Result<MeasureContent> RectificationService::Open(const MeasureRecord& rec) {
  auto plain = crypto_.Open(content_key_, rec.content_box, Context(rec.measure.id));
  if (!plain.ok()) {
    return Error::Make(ErrorCode::kInternal, "measure cannot be opened", "decrypt_failed");
  }
  return Decode(*plain);
}

Result<RectificationScope> RectificationService::ScopeFor(Transaction& tx, const Actor& a) {
  RectificationScope s;
  if (ReadsAll(a.user.role)) {
    s.all = true;
    return s;
  }
  if (a.user.role == Role::kUnit) {
    if (!a.user.unit_id) return Forbidden("this liaison's unit is not set");
    s.unit = a.user.unit_id;
    return s;
  }
  if (!IsGroupRole(a.user.role)) {
    return Forbidden("rectification is for the office, the groups and the units");
  }
  if (a.user.inspector_id) {
    XUNCHA_ASSIGN_OR_RETURN(s.groups, tx.GroupsOfInspector(*a.user.inspector_id));
  }
  return s;
}

Result<FindingRecord> RectificationService::LoadProblem(Transaction& tx, const Actor& a,
                                                        FindingId id) {
  XUNCHA_ASSIGN_OR_RETURN(RectificationScope s, ScopeFor(tx, a));
  auto rec = tx.GetFinding(id);
  if (!rec.ok()) return rec.error();
  // Only a confirmed finding of a round fed back is on a problem list; anything else is, to
  // this use case, as missing as a record out of scope.
  if (!s.Sees(rec->finding.group_id, rec->finding.unit_id) ||
      rec->finding.state != FindingState::kConfirmed) {
    return NotFound("problem");
  }
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx.GetRound(rec->finding.round_id));
  if (!FedBack(round.round.status)) return NotFound("problem");
  return std::move(*rec);
}

Result<MeasureRecord> RectificationService::LoadMeasure(Transaction& tx, const Actor& a,
                                                        MeasureId id) {
  XUNCHA_ASSIGN_OR_RETURN(RectificationScope s, ScopeFor(tx, a));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord rec, tx.GetMeasure(id));
  if (!s.Sees(rec.measure.group_id, rec.measure.unit_id)) return NotFound("measure");
  // A measure stands while its problem is on a list: should the office take the round back out
  // of rectification, its finding is the group's draft material again.
  auto problem = LoadProblem(tx, a, rec.measure.finding_id);
  if (!problem.ok()) {
    if (problem.error().code == ErrorCode::kNotFound) return NotFound("measure");
    return problem.error();
  }
  return rec;
}

Status RectificationService::CheckOpen(Transaction& tx, RoundId round) {
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary r, tx.GetRound(round));
  if (RectificationOpen(r.round.status)) return Ok();
  return Error::Make(ErrorCode::kFailedPrecondition,
                     "measures are written and moved while the round is in rectification",
                     "round_not_in_rectification");
}

Result<MeasureView> RectificationService::View(Transaction& tx, const Actor& a,
                                               const MeasureRecord& rec) {
  MeasureView v;
  v.measure = rec.measure;
  XUNCHA_ASSIGN_OR_RETURN(v.measure.content, Open(rec));
  v.unit_name = rec.unit_name;
  v.created_by_name = rec.created_by_name;
  v.updated_by_name = rec.updated_by_name;
  v.accepted_by_name = rec.accepted_by_name;
  v.overdue = Overdue(rec.measure, Today());
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord problem, tx.GetFinding(rec.measure.finding_id));
  XUNCHA_ASSIGN_OR_RETURN(FindingContent pc, findings_.Content(problem));
  v.problem_title = pc.title;
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx.GetRound(rec.measure.round_id));
  if (!RectificationOpen(round.round.status)) return v;  // the ledger is fixed
  const bool liaison = a.user.role == Role::kUnit && a.user.unit_id == rec.measure.unit_id;
  v.editable = liaison && rec.measure.state == MeasureState::kPlanned;
  if (liaison) {
    v.allowed_transitions = AllowedMeasureTransitions(rec.measure.state, MeasureMover::kUnit);
  } else if (a.user.role == Role::kOffice) {
    v.allowed_transitions = AllowedMeasureTransitions(rec.measure.state, MeasureMover::kOffice);
  }
  return v;
}

Result<ProblemView> RectificationService::ProblemOf(Transaction& tx, const Actor& a,
                                                    const ProblemRow& row, bool detail) {
  ProblemView p;
  const FindingRecord& rec = row.finding;
  p.finding.finding = rec.finding;
  XUNCHA_ASSIGN_OR_RETURN(p.finding.finding.content, findings_.Content(rec));
  // The unit reads what was found, not where it came from: evidence can point to a reporter.
  p.finding.finding.content.evidence.clear();
  p.finding.finding.content.leaders.clear();
  if (!detail) p.finding.finding.content.description.clear();
  p.finding.group_name = rec.group_name;
  p.finding.unit_name = rec.unit_name;
  p.finding.round_name = rec.round_name;
  p.finding.focus_title = rec.focus_title;
  p.round_status = row.round_status;
  p.measures = row.measures;
  p.done = row.done;
  p.accepted = row.accepted;
  p.overdue = row.overdue;
  p.status = row.measures == 0              ? ProblemStatus::kNoMeasures
             : row.accepted == row.measures ? ProblemStatus::kClosedOut
                                            : ProblemStatus::kInProgress;
  if (detail) {
    p.can_add_measure = a.user.role == Role::kUnit && a.user.unit_id == rec.finding.unit_id &&
                        RectificationOpen(row.round_status);
  }
  (void)tx;
  return p;
}

Result<Page<ProblemView>> RectificationService::Problems(const Actor& a, const ProblemListFilter& f,
                                                         const PageRequest& p) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(RectificationScope s, ScopeFor(*tx, a));
  RectificationFilter rf;
  rf.all = s.all;
  rf.groups = std::move(s.groups);
  rf.only_unit = s.unit;
  rf.round_id = f.round_id;
  rf.group_id = f.group_id;
  rf.unit_id = f.unit_id;
  rf.status = f.status;
  XUNCHA_ASSIGN_OR_RETURN(auto page, tx->ListProblems(rf, Today(), p));
  Page<ProblemView> out;
  out.total = page.total;
  for (const auto& row : page.items) {
    XUNCHA_ASSIGN_OR_RETURN(ProblemView v, ProblemOf(*tx, a, row, false));
    out.items.push_back(std::move(v));
  }
  XUNCHA_TRY(audit_.Append(*tx, a, "rectification.list", "finding", "",
                           "results=" + std::to_string(out.total)));
  XUNCHA_TRY(tx->Commit());
  return out;
}

Result<ProblemView> RectificationService::Problem(const Actor& a, FindingId id) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(FindingRecord rec, LoadProblem(*tx, a, id));
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx->GetRound(rec.finding.round_id));
  XUNCHA_ASSIGN_OR_RETURN(auto measures, tx->ListMeasures(id));
  ProblemRow row;
  row.round_status = round.round.status;
  const Date today = Today();
  for (const auto& m : measures) {
    ++row.measures;
    if (m.measure.state == MeasureState::kDone) ++row.done;
    if (m.measure.state == MeasureState::kAccepted) ++row.accepted;
    if (Overdue(m.measure, today)) ++row.overdue;
  }
  row.finding = std::move(rec);
  XUNCHA_ASSIGN_OR_RETURN(ProblemView p, ProblemOf(*tx, a, row, true));
  for (const auto& m : measures) {
    XUNCHA_ASSIGN_OR_RETURN(MeasureView v, View(*tx, a, m));
    p.measure_list.push_back(std::move(v));
  }
  XUNCHA_TRY(audit_.Append(*tx, a, "rectification.view", "finding", std::to_string(id.value), ""));
  XUNCHA_TRY(tx->Commit());
  return p;
}

Result<MeasureView> RectificationService::Create(const Actor& a, const MeasureDraft& d) {
  if (a.user.role != Role::kUnit) return Forbidden("only the unit writes its measures");
  FieldErrors errors = ValidateMeasureDraft(d);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  auto problem = LoadProblem(*tx, a, d.finding_id);
  if (!problem.ok()) {
    if (problem.error().code != ErrorCode::kNotFound) return problem.error();
    return ValidationError({{"finding_id", "not_found"}});
  }
  XUNCHA_TRY(CheckOpen(*tx, problem->finding.round_id));
  MeasureRecord rec;
  Measure& m = rec.measure;
  m.finding_id = d.finding_id;
  m.assignment_id = problem->finding.assignment_id;
  m.round_id = problem->finding.round_id;
  m.group_id = problem->finding.group_id;
  m.unit_id = problem->finding.unit_id;
  m.kind = *d.kind;
  m.deadline = m.kind == MeasureKind::kOngoing ? std::nullopt : d.deadline;
  m.state = MeasureState::kPlanned;
  m.created_by = a.user.id;
  m.created_at = clock_.Now();
  m.demo = d.demo;
  XUNCHA_ASSIGN_OR_RETURN(m.id, tx->NextMeasureId());
  MeasureContent c;
  c.content = d.content.content;
  c.responsible_department = d.content.responsible_department;
  c.responsible_leader = d.content.responsible_leader;
  rec.content_box = Seal(c, m.id);
  XUNCHA_ASSIGN_OR_RETURN(MeasureId stored, tx->InsertMeasure(rec));
  if (stored != m.id) return Internal("measure stored under another id");
  XUNCHA_TRY(audit_.Append(*tx, a, "measure.create", "measure", IdText(m.id),
                           "finding " + std::to_string(d.finding_id.value)));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord saved, tx->GetMeasure(m.id));
  XUNCHA_ASSIGN_OR_RETURN(MeasureView v, View(*tx, a, saved));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<MeasureView> RectificationService::Update(const Actor& a, MeasureId id, int version,
                                                 const MeasureDraft& d) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord rec, LoadMeasure(*tx, a, id));
  if (a.user.role != Role::kUnit) return Forbidden("only the unit edits its measures");
  MeasureDraft checked = d;
  checked.finding_id = rec.measure.finding_id;
  FieldErrors errors = ValidateMeasureDraft(checked);
  if (!errors.empty()) return ValidationError(std::move(errors));
  XUNCHA_TRY(CheckOpen(*tx, rec.measure.round_id));
  if (rec.measure.state != MeasureState::kPlanned) {
    return Error::Make(ErrorCode::kFailedPrecondition, "only a planned measure is edited",
                       "measure_not_editable");
  }
  if (rec.measure.version != version) return Stale("measure");
  XUNCHA_ASSIGN_OR_RETURN(MeasureContent c, Open(rec));
  c.content = checked.content.content;
  c.responsible_department = checked.content.responsible_department;
  c.responsible_leader = checked.content.responsible_leader;
  rec.measure.kind = *checked.kind;
  rec.measure.deadline =
      rec.measure.kind == MeasureKind::kOngoing ? std::nullopt : checked.deadline;
  rec.measure.updated_by = a.user.id;
  rec.measure.updated_at = clock_.Now();
  rec.content_box = Seal(c, id);
  XUNCHA_TRY(tx->UpdateMeasure(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "measure.update", "measure", IdText(id), ""));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord saved, tx->GetMeasure(id));
  XUNCHA_ASSIGN_OR_RETURN(MeasureView v, View(*tx, a, saved));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<MeasureView> RectificationService::Move(const Actor& a, MeasureId id, const MeasureMove& m) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord rec, LoadMeasure(*tx, a, id));
  std::optional<MeasureMover> who;
  if (a.user.role == Role::kUnit) who = MeasureMover::kUnit;
  if (a.user.role == Role::kOffice) who = MeasureMover::kOffice;
  if (!who) {
    return Forbidden("the unit reports measures done and the office accepts them",
                     "measure_move_forbidden");
  }
  XUNCHA_TRY(CheckOpen(*tx, rec.measure.round_id));
  if (rec.measure.version != m.version) return Stale("measure");
  const auto allowed = AllowedMeasureTransitions(rec.measure.state, *who);
  if (std::find(allowed.begin(), allowed.end(), m.to) == allowed.end()) {
    return ValidationError({{"to", "transition_not_allowed"}});
  }
  // Done needs what was done; a return needs the reasons.
  const bool needs_note = m.to == MeasureState::kDone || m.to == MeasureState::kPlanned;
  FieldErrors e;
  CheckText(e, "note", m.note, needs_note, kMaxCompletionChars);
  if (!e.empty()) return ValidationError(std::move(e));
  XUNCHA_ASSIGN_OR_RETURN(MeasureContent c, Open(rec));
  const MeasureState from = rec.measure.state;
  const UnixSeconds now = clock_.Now();
  Measure& x = rec.measure;
  switch (m.to) {
    case MeasureState::kDone:
      c.completion = m.note;
      x.done_at = now;
      break;
    case MeasureState::kAccepted:
      x.accepted_by = a.user.id;
      x.accepted_at = now;
      break;
    case MeasureState::kPlanned:
      c.return_note = m.note;
      x.done_at = 0;
      break;
  }
  x.state = m.to;
  x.updated_by = a.user.id;
  x.updated_at = now;
  rec.content_box = Seal(c, id);
  XUNCHA_TRY(tx->UpdateMeasure(rec));
  XUNCHA_TRY(audit_.Append(
      *tx, a, "measure.move", "measure", IdText(id),
      std::string(MeasureStateName(from)) + "->" + std::string(MeasureStateName(m.to))));
  XUNCHA_ASSIGN_OR_RETURN(MeasureRecord saved, tx->GetMeasure(id));
  XUNCHA_ASSIGN_OR_RETURN(MeasureView v, View(*tx, a, saved));
  XUNCHA_TRY(tx->Commit());
  return v;
}

Result<std::set<std::int64_t>> RectificationService::ProblemIds(Transaction& tx) {
  XUNCHA_ASSIGN_OR_RETURN(auto ids, tx.ListProblemIds());
  std::set<std::int64_t> out;
  for (FindingId id : ids) out.insert(id.value);
  return out;
}

Result<std::string> RectificationService::SearchText(const MeasureRecord& rec) {
  XUNCHA_ASSIGN_OR_RETURN(MeasureContent c, Open(rec));
  std::string out = c.content + "\n" + c.responsible_department;
  if (!c.responsible_leader.empty()) out += "\n" + c.responsible_leader;
  if (!c.completion.empty()) out += "\n" + c.completion;
  if (!c.return_note.empty()) out += "\n" + c.return_note;
  return out;
}

Result<std::vector<MeasureView>> RectificationService::Summaries(
    const Actor& a, const std::vector<MeasureId>& ids) {
  std::vector<MeasureView> out;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  for (MeasureId id : ids) {
    auto rec = LoadMeasure(*tx, a, id);
    if (!rec.ok()) {
      if (rec.error().code == ErrorCode::kNotFound) continue;
      return rec.error();
    }
    XUNCHA_ASSIGN_OR_RETURN(MeasureView v, View(*tx, a, *rec));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace xuncha
