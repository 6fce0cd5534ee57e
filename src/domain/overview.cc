#include "domain/overview.h"

#include <algorithm>
#include <map>
#include <set>

namespace xuncha {
namespace {

template <typename E>
std::size_t At(E e) {
  return static_cast<std::size_t>(e);
}

// Each checklist item's top-level point (itself for a point). An item whose parent is missing,
// or whose ancestors form a cycle (damaged rows), counts as a point of its own.
std::map<FocusItemId, FocusItemId> PointsOf(const std::vector<FocusItem>& focus) {
  std::map<FocusItemId, std::optional<FocusItemId>> parent;
  for (const auto& f : focus) parent[f.id] = f.parent_id;
  std::map<FocusItemId, FocusItemId> out;
  for (const auto& f : focus) {
    FocusItemId at = f.id;
    std::set<FocusItemId> seen{at};
    while (true) {
      auto it = parent.find(at);
      if (it == parent.end() || !it->second || !parent.contains(*it->second)) break;
      if (!seen.insert(*it->second).second) {
        at = f.id;  // a cycle
        break;
      }
      at = *it->second;
    }
    out[f.id] = at;
  }
  return out;
}

}  // namespace

RoundOverview BuildOverview(const OverviewInput& in) {
  RoundOverview o;
  std::map<AssignmentId, std::size_t> row_of;
  for (const auto& a : in.stationings) {
    row_of.emplace(a.id, o.units.size());
    o.units.push_back(OverviewUnitRow{a, {}});
  }
  auto row = [&](AssignmentId id) -> OverviewFigures* {
    auto it = row_of.find(id);
    return it == row_of.end() ? nullptr : &o.units[it->second].figures;
  };

  std::map<AssignmentId, GroupId> group_of;
  for (const auto& a : in.stationings) group_of.emplace(a.id, a.group_id);
  auto sealed_visible = [&](AssignmentId at) {
    if (in.sealed_all) return true;
    auto g = group_of.find(at);
    return g != group_of.end() && std::find(in.sealed_groups.begin(), in.sealed_groups.end(),
                                            g->second) != in.sealed_groups.end();
  };
  for (const auto& r : in.facts.reports) {
    OverviewFigures* f = row(r.assignment_id);
    if (f == nullptr) continue;
    if (r.sealed && !sealed_visible(r.assignment_id)) continue;
    ++f->reports;
    if (r.sealed) ++f->sealed_reports;
    ++o.reports_by_channel.at(At(r.channel));
    ++o.reports_by_state.at(At(r.state));
  }

  // Findings; the confirmed ones are the problem list once the round is fed back.
  const bool fed_back = FedBack(in.round_status);
  const auto points = PointsOf(in.focus);
  std::map<FocusItemId, int> by_point;
  int unfiled = 0;
  std::map<FindingId, OverviewFigures*> problems;
  for (const auto& x : in.facts.findings) {
    if (x.state == FindingState::kWithdrawn) continue;
    OverviewFigures* f = row(x.assignment_id);
    if (f == nullptr) continue;
    ++f->findings;
    for (Discipline d : x.disciplines) ++o.findings_by_discipline.at(Index(d));
    auto point = x.focus_item_id ? points.find(*x.focus_item_id) : points.end();
    if (point != points.end()) {
      ++by_point[point->second];
    } else {
      ++unfiled;
    }
    if (x.state != FindingState::kConfirmed) continue;
    ++f->findings_confirmed;
    if (fed_back) {
      ++f->problems;
      problems.emplace(x.id, f);
    }
  }
  for (const auto& p : in.focus) {
    if (p.parent_id && points.at(p.id) != p.id) continue;
    o.findings_by_focus.push_back(FocusTally{p.id, p.title, by_point[p.id]});
  }
  if (unfiled > 0) o.findings_by_focus.push_back(FocusTally{std::nullopt, "", unfiled});

  // Measures count only against a problem on the list (a round taken back out of
  // rectification has none).
  std::map<FindingId, std::vector<MeasureState>> states;
  for (const auto& m : in.facts.measures) {
    auto p = problems.find(m.finding_id);
    if (p == problems.end()) continue;
    OverviewFigures* f = p->second;
    ++f->measures;
    if (m.state == MeasureState::kAccepted) ++f->measures_accepted;
    Measure probe;
    probe.state = m.state;
    probe.deadline = m.deadline;
    if (Overdue(probe, in.today)) ++f->measures_overdue;
    states[m.finding_id].push_back(m.state);
  }
  for (const auto& [id, f] : problems) {
    if (StatusOf(states[id]) == ProblemStatus::kClosedOut) ++f->problems_closed;
  }

  for (const auto& c : in.facts.clues) {
    if (c.state == ClueState::kWithdrawn) continue;
    OverviewFigures* f = row(c.assignment_id);
    if (f == nullptr) continue;
    ++f->clues;
    if (c.state != ClueState::kDraft) ++f->clues_handed_over;
    ++o.clues_by_organ.at(At(c.organ));
  }

  for (const auto& u : o.units) {
    const OverviewFigures& f = u.figures;
    OverviewFigures& t = o.totals;
    t.reports += f.reports;
    t.sealed_reports += f.sealed_reports;
    t.findings += f.findings;
    t.findings_confirmed += f.findings_confirmed;
    t.clues += f.clues;
    t.clues_handed_over += f.clues_handed_over;
    t.problems += f.problems;
    t.problems_closed += f.problems_closed;
    t.measures += f.measures;
    t.measures_accepted += f.measures_accepted;
    t.measures_overdue += f.measures_overdue;
  }
  return o;
}

}  // namespace xuncha
