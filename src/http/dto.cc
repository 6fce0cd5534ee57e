#include "http/dto.h"

namespace xuncha::http {
namespace {
using nlohmann::json;

json OptDateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }
template <typename IdT>
json OptIdJson(const std::optional<IdT>& id) {
  return id ? json(id->value) : json(nullptr);
}
}  // namespace

json ToJson(const User& u) {
  return {{"id", u.id.value},
          {"version", u.version},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", RoleName(u.role)},
          {"must_change_password", u.must_change_password},
          {"disabled", u.disabled},
          {"inspector_id", OptIdJson(u.inspector_id)},
          {"unit_id", OptIdJson(u.unit_id)},
          {"organ", u.organ ? json(OrganName(*u.organ)) : json(nullptr)},
          {"custodian", u.custodian},
          {"demo", u.demo}};
}

json ToJson(const Term& t) {
  return {{"id", t.id.value},
          {"version", t.version},
          {"name", t.name},
          {"number", t.number},
          {"start_date", t.start_date.ToString()},
          {"end_date", OptDateJson(t.end_date)},
          {"demo", t.demo}};
}

json ToJson(const RoundSummary& s) {
  const Round& r = s.round;
  return {{"id", r.id.value},
          {"version", r.version},
          {"term_id", r.term_id.value},
          {"term_name", s.term_name},
          {"number", r.number},
          {"name", r.name},
          {"type", RoundTypeName(r.type)},
          {"start_date", r.start_date.ToString()},
          {"end_date", r.end_date.ToString()},
          {"status", RoundStatusName(r.status)},
          {"reporter_replies", r.reporter_replies},
          {"demo", r.demo},
          {"group_count", s.group_count},
          {"unit_count", s.unit_count}};
}

json ToJson(const FocusItem& f) {
  return {{"id", f.id.value},
          {"version", f.version},
          {"round_id", f.round_id.value},
          {"parent_id", OptIdJson(f.parent_id)},
          {"position", f.position},
          {"title", f.title}};
}

json ToJson(const Group& g) {
  json members = json::array();
  for (const auto& m : g.members) {
    members.push_back({{"inspector_id", m.inspector_id.value},
                       {"name", m.name},
                       {"role", MemberRoleName(m.role)}});
  }
  return {{"id", g.id.value},
          {"version", g.version},
          {"round_id", g.round_id.value},
          {"number", g.number},
          {"name", g.name},
          {"duty_phone", g.duty_phone},
          {"phone_hours", g.phone_hours},
          {"mailbox", g.mailbox},
          {"postal_address", g.postal_address},
          {"suggestion_boxes", g.suggestion_boxes},
          {"intake_cutoff", OptDateJson(g.intake_cutoff)},
          {"members", members},
          {"demo", g.demo}};
}

json ToJson(const Unit& u) {
  return {{"id", u.id.value},
          {"version", u.version},
          {"name", u.name},
          {"kind", u.kind},
          {"parent_id", OptIdJson(u.parent_id)},
          {"party_org_name", u.party_org_name},
          {"party_org_kind", PartyOrgKindName(u.party_org_kind)},
          {"demo", u.demo}};
}

json ToJson(const Leader& l) {
  return {{"id", l.id.value},
          {"version", l.version},
          {"unit_id", l.unit_id.value},
          {"name", l.name},
          {"post", l.post},
          {"tier", LeaderTierName(l.tier)},
          {"org_name", l.org_name},
          {"term_from", l.term_from.ToString()},
          {"term_to", OptDateJson(l.term_to)}};
}

json ToJson(const Inspector& i) {
  json history = json::array();
  for (const auto& h : i.history) {
    history.push_back({{"org_name", h.org_name},
                       {"unit_id", OptIdJson(h.unit_id)},
                       {"from", h.from.ToString()},
                       {"to", OptDateJson(h.to)}});
  }
  json relations = json::array();
  for (const auto& r : i.relations) {
    relations.push_back({{"person_name", r.person_name},
                         {"unit_id", r.unit_id.value},
                         {"relation", RelationKindName(r.relation)},
                         {"note", r.note}});
  }
  return {{"id", i.id.value},       {"version", i.version},   {"name", i.name},
          {"employer", i.employer}, {"post", i.post},         {"phone", i.phone},
          {"history", history},     {"relations", relations}, {"demo", i.demo}};
}

json ToJson(const AssignmentView& v) {
  const Assignment& a = v.assignment;
  return {{"id", a.id.value},
          {"version", a.version},
          {"round_id", a.round_id.value},
          {"group_id", a.group_id.value},
          {"group_name", v.group_name},
          {"unit_id", a.unit_id.value},
          {"unit_name", v.unit_name},
          {"station_start", a.station_start.ToString()},
          {"station_end", a.station_end.ToString()},
          {"notice_date", OptDateJson(a.notice_date)},
          {"meeting",
           {{"date", OptDateJson(a.meeting.date)},
            {"place", a.meeting.place},
            {"attendees", a.meeting.attendees},
            {"leader_remarks", a.meeting.leader_remarks},
            {"pledge", a.meeting.pledge}}},
          {"warnings", AssignmentWarnings(a)},
          {"demo", a.demo}};
}

json ToJson(const AuditEntry& e) {
  return {{"seq", e.seq},
          {"at", FormatTimestamp(e.at)},
          {"username", e.username},
          {"action", e.action},
          {"object_type", e.object_type},
          {"object_id", e.object_id},
          {"detail", e.detail},
          {"ip", e.ip},
          {"hash", e.hash}};
}

json ToJson(const LoginRecord& r) {
  return {{"id", r.id}, {"at", FormatTimestamp(r.at)}, {"username", r.username},
          {"ok", r.ok}, {"reason", r.reason},          {"ip", r.ip}};
}

Term TermFromJson(Fields& f) {
  Term t;
  t.version = f.Int("version", 1);
  t.name = f.Str("name");
  t.number = f.Int("number");
  t.start_date = f.ReqDate("start_date");
  t.end_date = f.OptDate("end_date");
  return t;
}

Round RoundFromJson(Fields& f) {
  Round r;
  r.version = f.Int("version", 1);
  r.term_id = TermId(f.Id("term_id"));
  r.number = f.Int("number");
  r.name = f.Str("name");
  std::string type = f.Str("type", "regular");
  if (auto t = ParseRoundType(type)) {
    r.type = *t;
  } else {
    f.Fail("type", "invalid_value");
  }
  std::string status = f.Str("status", "planning");
  if (auto s = ParseRoundStatus(status)) {
    r.status = *s;
  } else {
    f.Fail("status", "invalid_value");
  }
  r.start_date = f.ReqDate("start_date");
  r.end_date = f.ReqDate("end_date");
  r.reporter_replies = f.Bool("reporter_replies", true);
  return r;
}

Group GroupFromJson(Fields& f) {
  Group g;
  g.version = f.Int("version", 1);
  g.round_id = RoundId(f.Id("round_id"));
  g.number = f.Int("number");
  g.name = f.Str("name");
  g.duty_phone = f.Str("duty_phone");
  g.phone_hours = f.Str("phone_hours");
  g.mailbox = f.Str("mailbox");
  g.postal_address = f.Str("postal_address");
  g.suggestion_boxes = f.StrList("suggestion_boxes");
  g.intake_cutoff = f.OptDate("intake_cutoff");
  return g;
}

Unit UnitFromJson(Fields& f) {
  Unit u;
  u.version = f.Int("version", 1);
  u.name = f.Str("name");
  u.kind = f.Str("kind");
  if (auto p = f.OptId("parent_id")) u.parent_id = UnitId(*p);
  u.party_org_name = f.Str("party_org_name");
  if (auto k = ParsePartyOrgKind(f.Str("party_org_kind", "party_group"))) {
    u.party_org_kind = *k;
  } else {
    f.Fail("party_org_kind", "invalid_value");
  }
  return u;
}

Leader LeaderFromJson(Fields& f) {
  Leader l;
  l.version = f.Int("version", 1);
  l.name = f.Str("name");
  l.post = f.Str("post");
  if (auto t = ParseLeaderTier(f.Str("tier", "leadership"))) {
    l.tier = *t;
  } else {
    f.Fail("tier", "invalid_value");
  }
  l.org_name = f.Str("org_name");
  l.term_from = f.ReqDate("term_from");
  l.term_to = f.OptDate("term_to");
  return l;
}

Inspector InspectorFromJson(Fields& f) {
  Inspector i;
  i.version = f.Int("version", 1);
  i.name = f.Str("name");
  i.employer = f.Str("employer");
  i.post = f.Str("post");
  i.phone = f.Str("phone");
  if (const auto* hs = f.Arr("history")) {
    for (const auto& h : *hs) {
      if (!h.is_object()) {
        f.Fail("history", "invalid_type");
        break;
      }
      Fields hf(h);
      WorkHistoryEntry e;
      e.org_name = hf.Str("org_name");
      if (auto u = hf.OptId("unit_id")) e.unit_id = UnitId(*u);
      e.from = hf.ReqDate("from");
      e.to = hf.OptDate("to");
      if (!hf.errors().empty()) f.Fail("history", hf.errors().begin()->second);
      i.history.push_back(std::move(e));
    }
  }
  if (const auto* rs = f.Arr("relations")) {
    for (const auto& r : *rs) {
      if (!r.is_object()) {
        f.Fail("relations", "invalid_type");
        break;
      }
      Fields rf(r);
      DeclaredRelation d;
      d.person_name = rf.Str("person_name");
      d.unit_id = UnitId(rf.Id("unit_id"));
      if (auto k = ParseRelationKind(rf.Str("relation", "kin"))) {
        d.relation = *k;
      } else {
        rf.Fail("relation", "invalid_value");
      }
      d.note = rf.Str("note");
      if (!rf.errors().empty()) f.Fail("relations", rf.errors().begin()->second);
      i.relations.push_back(std::move(d));
    }
  }
  return i;
}

Assignment AssignmentFromJson(Fields& f) {
  Assignment a;
  a.version = f.Int("version", 1);
  a.group_id = GroupId(f.Id("group_id"));
  a.unit_id = UnitId(f.Id("unit_id"));
  a.station_start = f.ReqDate("station_start");
  a.station_end = f.ReqDate("station_end");
  a.notice_date = f.OptDate("notice_date");
  json m = f.Obj("meeting");
  Fields mf(m);
  a.meeting.date = mf.OptDate("date");
  a.meeting.place = mf.Str("place");
  a.meeting.attendees = mf.Str("attendees");
  a.meeting.leader_remarks = mf.Str("leader_remarks");
  a.meeting.pledge = mf.Str("pledge");
  for (const auto& [k, v] : mf.errors()) f.Fail("meeting." + k, v);
  return a;
}

}  // namespace xuncha::http
