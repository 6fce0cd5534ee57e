#include "http/report_dto.h"

#include <charconv>

namespace xuncha::http {
namespace {
using nlohmann::json;

json Ts(UnixSeconds t) { return t > 0 ? json(FormatTimestamp(t)) : json(nullptr); }

json PersonsJson(const std::vector<ReportedPerson>& persons) {
  json out = json::array();
  for (const auto& p : persons)
    out.push_back({{"name", p.name}, {"unit", p.unit}, {"post", p.post}});
  return out;
}

json DeadlineJson(const std::optional<Deadline>& d) {
  if (!d) return nullptr;
  return {{"kind", DeadlineKindName(d->kind)},
          {"due", d->due.ToString()},
          {"overdue", d->overdue},
          {"working_days_left", d->working_days_left}};
}

std::string Str(const json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool ParseInt(std::string_view s, int& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}
}  // namespace

std::string Excerpt(std::string_view s, std::size_t n) {
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    len = std::min(len, s.size() - i);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      ++i;
      continue;
    }
    if (chars >= n) {
      out += "…";
      break;
    }
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    out.append(s.substr(i, len));
    ++chars;
    i += len;
  }
  return out;
}

json ReportSummaryJson(const ReportView& v) {
  const Report& r = v.report;
  const bool hide = r.sealed;  // sealed reports are never excerpted into lists
  return {{"id", r.id.value},
          {"version", r.version},
          {"number", r.number},
          {"channel", ChannelName(r.channel)},
          {"state", ReportStateName(r.state)},
          {"received_at", Ts(r.received_at)},
          {"registered_at", Ts(r.registered_at)},
          {"assignment_id", r.assignment_id.value},
          {"round_id", r.round_id.value},
          {"group_id", r.group_id.value},
          {"group_name", v.group_name},
          {"unit_id", r.unit_id.value},
          {"unit_name", v.unit_name},
          {"anonymous", r.anonymous},
          {"reporter_masked", r.anonymous ? "匿名" : "实名（身份已加密）"},
          {"sealed", r.sealed},
          {"excerpt", hide ? "" : Excerpt(r.body.content, 60)},
          {"persons", hide ? json::array() : PersonsJson(r.body.persons)},
          {"due", DeadlineJson(v.due)},
          {"acceptance_notified_at", Ts(r.acceptance_notified_at)},
          {"result_notified_at", Ts(r.result_notified_at)},
          {"registered_by", v.registered_by_name},
          {"demo", r.demo}};
}

json ReportDetailJson(const ReportView& v) {
  json j = ReportSummaryJson(v);
  const Report& r = v.report;
  j["persons"] = PersonsJson(r.body.persons);
  j["excerpt"] = Excerpt(r.body.content, 60);
  j["content"] = r.body.content;
  j["happened"] = r.body.happened;
  j["place"] = r.body.place;
  j["box_location"] = r.body.box_location;
  j["visitor_count"] = r.body.visitor_count;
  j["received_by"] = r.body.received_by;
  j["replies_allowed"] = v.replies_allowed;
  json allowed = json::array();
  for (ReportState s : v.allowed_transitions) allowed.push_back(ReportStateName(s));
  j["allowed_transitions"] = allowed;
  json events = json::array();
  for (const auto& e : v.events) {
    events.push_back({{"at", Ts(e.at)},
                      {"from", e.from ? json(ReportStateName(*e.from)) : json(nullptr)},
                      {"to", ReportStateName(e.to)},
                      {"reason", e.reason},
                      {"department", e.department},
                      {"letter", e.letter},
                      {"by", e.by_name}});
  }
  j["events"] = events;
  json messages = json::array();
  for (const auto& m : v.messages) messages.push_back(ToJson(m));
  j["messages"] = messages;
  json files = json::array();
  for (const auto& f : v.files) {
    files.push_back({{"id", f.id},
                     {"position", f.position},
                     {"filename", f.filename},
                     {"mime", f.mime},
                     {"size", f.size},
                     {"stripped", f.stripped},
                     {"added_at", Ts(f.added_at)}});
  }
  j["files"] = files;
  j["files_readable"] = v.files_readable;
  j["reporter"] = {
      {"anonymous", r.anonymous},
      {"masked", r.anonymous ? "匿名" : "实名（身份已加密）"},
      {"identity_available", v.identity_available},
      {"reveal_request", v.reveal_request ? ToJson(*v.reveal_request) : json(nullptr)}};
  if (!v.query_code.empty()) j["query_code"] = v.query_code;
  return j;
}

json ToJson(const RevealRequest& q) {
  return {{"id", q.id.value},
          {"report_id", q.report_id.value},
          {"report_number", q.report_number},
          {"requested_by", q.requested_by_name},
          {"requested_at", Ts(q.requested_at)},
          {"reason", q.reason},
          {"state", RevealStateName(q.state)},
          {"decided_by", q.decided_by_name},
          {"decided_at", Ts(q.decided_at)},
          {"note", q.note}};
}

json ToJson(const ReportMessage& m) {
  return {{"id", m.id},
          {"at", Ts(m.at)},
          {"from", m.from == MessageSender::kReporter ? "reporter" : "group"},
          {"author", m.author_name},
          {"text", m.text}};
}

json ToJson(const ReporterIdentity& r) {
  return {{"name", r.name},
          {"phone", r.phone},
          {"id_number", r.id_number},
          {"address", r.address},
          {"email", r.email}};
}

json ToJson(const IntakeView& v, bool demo) {
  json items = json::array();
  for (const auto& i : v.items) {
    items.push_back(
        {{"assignment_id", i.assignment_id.value},
         {"round_name", i.round_name},
         {"group_name", i.group.name},
         {"unit_name", i.unit_name},
         {"station_start", i.station_start.ToString()},
         {"station_end", i.station_end.ToString()},
         {"intake_cutoff",
          i.group.intake_cutoff ? json(i.group.intake_cutoff->ToString()) : json(nullptr)},
         {"open", i.open},
         {"duty_phone", i.group.duty_phone},
         {"phone_hours", i.group.phone_hours},
         {"mailbox", i.group.mailbox},
         {"postal_address", i.group.postal_address},
         {"suggestion_boxes", i.group.suggestion_boxes},
         {"replies_allowed", i.replies_allowed}});
  }
  return {{"demo", demo},
          {"petition_office",
           {{"name", v.petition_office.name},
            {"address", v.petition_office.address},
            {"phone", v.petition_office.phone}}},
          {"items", items}};
}

json ToJson(const PublicStatus& s) {
  json events = json::array();
  for (const auto& e : s.events)
    events.push_back({{"at", Ts(e.at)}, {"state", ReportStateName(e.to)}});
  json messages = json::array();
  for (const auto& m : s.messages) {
    messages.push_back({{"at", Ts(m.at)},
                        {"from", m.from == MessageSender::kReporter ? "reporter" : "group"},
                        {"text", m.text}});
  }
  return {{"number", s.number},
          {"state", ReportStateName(s.state)},
          {"received_at", Ts(s.received_at)},
          {"group_name", s.group_name},
          {"unit_name", s.unit_name},
          {"replies_allowed", s.replies_allowed},
          {"events", events},
          {"messages", messages}};
}

json ToJson(const CalendarDay& d) {
  return {{"date", d.date.ToString()}, {"kind", DayKindName(d.kind)}, {"name", d.name}};
}

json ToJson(const DeadlineRule& r) {
  return {{"id", r.id},
          {"version", r.version},
          {"kind", DeadlineKindName(r.kind)},
          {"working_days", r.working_days},
          {"effective_from", r.effective_from.ToString()},
          {"effective_to", r.effective_to ? json(r.effective_to->ToString()) : json(nullptr)},
          {"note", r.note}};
}

json ToJson(const MailView& v) {
  const MailMessage& m = v.message;
  return {{"id", m.id.value},
          {"group_id", m.group_id.value},
          {"group_name", v.group_name},
          {"source", MailSourceName(m.source)},
          {"fetched_at", Ts(m.fetched_at)},
          {"size", m.size},
          {"state", MailStateName(m.state)},
          {"reason", m.reason},
          {"warnings", m.warnings},
          {"report_id", m.report_id ? json(m.report_id->value) : json(nullptr)},
          {"report_number", v.report_number.empty() ? json(nullptr) : json(v.report_number)},
          {"handled_at", m.handled_at ? Ts(*m.handled_at) : json(nullptr)}};
}

json ToJson(const MailAccountView& v) {
  const MailAccountRecord& a = v.account;
  return {{"group_id", a.group_id.value},
          {"group_name", v.group_name},
          {"url", a.url},
          {"username", a.username},
          {"ca_file", a.ca_file},
          {"enabled", a.enabled},
          {"last_poll_at", a.last_poll_at ? Ts(*a.last_poll_at) : json(nullptr)},
          {"last_uid", a.last_uid},
          {"last_error", a.last_error}};
}

json ToJson(const MailPollResult& r) {
  return {{"imported", r.imported},
          {"duplicates", r.duplicates},
          {"quarantined", r.quarantined},
          {"error", r.error}};
}

std::optional<UnixSeconds> ParseLocalDateTime(std::string_view s) {
  bool utc = false;
  if (!s.empty() && s.back() == 'Z') {
    utc = true;
    s.remove_suffix(1);
  }
  if (s.size() != 16 && s.size() != 19) return std::nullopt;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  auto date = Date::Parse(s.substr(0, 10));
  if (!date || s[13] != ':') return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (!ParseInt(s.substr(11, 2), hh) || !ParseInt(s.substr(14, 2), mm)) return std::nullopt;
  if (s.size() == 19 && (s[16] != ':' || !ParseInt(s.substr(17, 2), ss))) return std::nullopt;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
  UnixSeconds t = date->days() * 86400 + hh * 3600 + mm * 60 + ss;
  return utc ? t : t - 8 * 3600;
}

ReportDraft DraftFromJson(Fields& f, bool staff) {
  ReportDraft d;
  d.assignment_id = AssignmentId(f.Id("assignment_id"));
  d.anonymous = f.Bool("anonymous", true);
  json reporter = f.Obj("reporter");
  d.reporter = {Str(reporter, "name"), Str(reporter, "phone"), Str(reporter, "id_number"),
                Str(reporter, "address"), Str(reporter, "email")};
  if (const json* persons = f.Arr("persons")) {
    if (persons->size() > kMaxPersons) {
      f.Fail("persons", "too_many");
    } else {
      for (const auto& p : *persons) {
        if (!p.is_object()) {
          f.Fail("persons", "invalid_value");
          break;
        }
        d.body.persons.push_back({Str(p, "name"), Str(p, "unit"), Str(p, "post")});
      }
    }
  }
  d.body.content = f.Str("content");
  d.body.happened = f.Str("happened");
  d.body.place = f.Str("place");
  if (!staff) return d;
  std::string channel = f.Str("channel");
  if (auto c = ParseChannel(channel)) {
    d.channel = *c;
  } else {
    f.Fail("channel", channel.empty() ? "required" : "invalid_value");
  }
  std::string at = f.Str("received_at");
  if (auto t = ParseLocalDateTime(at)) {
    d.received_at = *t;
  } else {
    f.Fail("received_at", at.empty() ? "required" : "invalid_datetime");
  }
  d.body.box_location = f.Str("box_location");
  d.body.visitor_count = f.Int("visitor_count");
  d.body.received_by = f.Str("received_by");
  d.sealed = f.Bool("sealed");
  return d;
}

DeadlineRule DeadlineRuleFromJson(Fields& f) {
  DeadlineRule r;
  r.version = f.Int("version", 1);
  if (auto k = ParseDeadlineKind(f.Str("kind"))) {
    r.kind = *k;
  } else {
    f.Fail("kind", "invalid_value");
  }
  r.working_days = f.Int("working_days");
  r.effective_from = f.ReqDate("effective_from");
  r.effective_to = f.OptDate("effective_to");
  r.note = f.Str("note");
  return r;
}

}  // namespace xuncha::http
