#include "domain/report.h"

#include <array>
#include <cstdio>
#include <utility>

namespace xuncha {
namespace {

constexpr std::array<std::pair<Channel, std::string_view>, 6> kChannels = {{
    {Channel::kWeb, "web"},
    {Channel::kCall, "call"},
    {Channel::kLetter, "letter"},
    {Channel::kBox, "box"},
    {Channel::kVisit, "visit"},
    {Channel::kEmail, "email"},
}};

struct StateInfo {
  ReportState state;
  std::string_view name;
  std::string_view chinese;
};
constexpr std::array<StateInfo, 5> kStates = {{
    {ReportState::kRegistered, "registered", "已登记"},
    {ReportState::kAccepted, "accepted", "已受理"},
    {ReportState::kTransferred, "transferred", "已转办"},
    {ReportState::kFiled, "filed", "已存查"},
    {ReportState::kClosed, "closed", "已了结"},
}};

constexpr std::array<std::pair<RevealState, std::string_view>, 3> kRevealStates = {{
    {RevealState::kPending, "pending"},
    {RevealState::kApproved, "approved"},
    {RevealState::kRejected, "rejected"},
}};

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string_view ChannelName(Channel c) {
  for (const auto& [v, n] : kChannels) {
    if (v == c) return n;
  }
  return "web";
}

std::optional<Channel> ParseChannel(std::string_view s) {
  for (const auto& [v, n] : kChannels) {
    if (n == s) return v;
  }
  return std::nullopt;
}

std::string_view ReportStateName(ReportState s) {
  for (const auto& i : kStates) {
    if (i.state == s) return i.name;
  }
  return "registered";
}

std::optional<ReportState> ParseReportState(std::string_view s) {
  for (const auto& i : kStates) {
    if (i.name == s) return i.state;
  }
  return std::nullopt;
}

std::string_view ReportStateChinese(ReportState s) {
  for (const auto& i : kStates) {
    if (i.state == s) return i.chinese;
  }
  return "";
}

std::vector<ReportState> AllowedTransitions(ReportState from) {
  switch (from) {
    case ReportState::kRegistered:
      return {ReportState::kAccepted, ReportState::kTransferred, ReportState::kFiled,
              ReportState::kClosed};
    case ReportState::kAccepted:
      return {ReportState::kTransferred, ReportState::kFiled, ReportState::kClosed};
    case ReportState::kTransferred:
    case ReportState::kFiled:
      return {ReportState::kClosed};
    case ReportState::kClosed:
      return {};
  }
  return {};
}

bool HasResult(ReportState s) {
  return s == ReportState::kTransferred || s == ReportState::kFiled || s == ReportState::kClosed;
}

FieldErrors ValidateReportDraft(const ReportDraft& d) {
  FieldErrors e;
  if (!d.assignment_id.valid()) e["assignment_id"] = "required";
  CheckText(e, "content", d.body.content, true, kMaxContentChars);
  CheckText(e, "happened", d.body.happened, false, 200);
  CheckText(e, "place", d.body.place, false, 200);
  CheckText(e, "received_by", d.body.received_by, false, 100);
  if (d.body.persons.size() > kMaxPersons) e["persons"] = "too_many";
  bool any_name = false;
  for (std::size_t i = 0; i < d.body.persons.size() && i < kMaxPersons; ++i) {
    const auto& p = d.body.persons[i];
    const std::string at = "persons." + std::to_string(i) + ".";
    CheckText(e, at + "name", p.name, false, 50);
    CheckText(e, at + "unit", p.unit, false, 100);
    CheckText(e, at + "post", p.post, false, 100);
    if (p.name.find_first_not_of(" \t") != std::string::npos ||
        p.post.find_first_not_of(" \t") != std::string::npos) {
      any_name = true;
    }
  }
  // A web report must say whom it is about; staff may register a letter that names nobody yet.
  if (d.channel == Channel::kWeb && !any_name && !e.count("persons")) e["persons"] = "required";
  if (d.channel == Channel::kBox) CheckText(e, "box_location", d.body.box_location, true, 100);
  if (d.channel == Channel::kVisit && (d.body.visitor_count < 1 || d.body.visitor_count > 500)) {
    e["visitor_count"] = "out_of_range";
  }
  if (!d.anonymous) {
    // A web reporter who signs must leave a way to reach him; staff take what the caller gives.
    const bool web = d.channel == Channel::kWeb;
    CheckText(e, "reporter.name", d.reporter.name, web || d.channel == Channel::kVisit, 100);
    CheckText(e, "reporter.phone", d.reporter.phone, web, 40);
    if (!d.reporter.phone.empty() && !e.count("reporter.phone")) {
      for (char c : d.reporter.phone) {
        if (!(c >= '0' && c <= '9') && c != '-' && c != ' ' && c != '+' && c != '(' && c != ')') {
          e["reporter.phone"] = "bad_phone";
          break;
        }
      }
    }
    CheckText(e, "reporter.id_number", d.reporter.id_number, false, 18);
    if (!d.reporter.id_number.empty() && !e.count("reporter.id_number")) {
      const std::string& id = d.reporter.id_number;
      bool ok = id.size() == 18 && IsDigits(std::string_view(id).substr(0, 17)) &&
                (IsDigits(id.substr(17)) || id[17] == 'X' || id[17] == 'x');
      if (!ok) e["reporter.id_number"] = "bad_id_number";
    }
    CheckText(e, "reporter.address", d.reporter.address, false, 200);
    CheckText(e, "reporter.email", d.reporter.email, false, 200);
  }
  return e;
}

std::string ReportNumber(int year, std::int64_t seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "XC%04d-%06lld", year, static_cast<long long>(seq));
  return buf;
}

FieldErrors ValidateTransition(ReportState from, const Transition& t) {
  FieldErrors e;
  bool allowed = false;
  for (ReportState s : AllowedTransitions(from)) allowed = allowed || s == t.to;
  if (!allowed) e["to"] = "transition_not_allowed";
  CheckText(e, "reason", t.reason, true, 1000);
  const bool transfer = t.to == ReportState::kTransferred;
  CheckText(e, "department", t.department, transfer, 100);
  CheckText(e, "letter", t.letter, transfer, kMaxContentChars);
  return e;
}

std::string_view RevealStateName(RevealState s) {
  for (const auto& [v, n] : kRevealStates) {
    if (v == s) return n;
  }
  return "pending";
}

std::optional<RevealState> ParseRevealState(std::string_view s) {
  for (const auto& [v, n] : kRevealStates) {
    if (n == s) return v;
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeQueryCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') return std::nullopt;
    out.push_back(c);
    if (out.size() > 16) return std::nullopt;
  }
  if (out.size() != 16) return std::nullopt;
  return out;
}

}  // namespace xuncha
