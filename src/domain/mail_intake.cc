#include "domain/mail_intake.h"

#include <array>
#include <utility>

namespace xuncha {
namespace {

constexpr std::array<std::pair<MailState, std::string_view>, 3> kStates{{
    {MailState::kImported, "imported"},
    {MailState::kQuarantined, "quarantined"},
    {MailState::kRegistered, "registered"},
}};

constexpr std::array<std::pair<MailSource, std::string_view>, 2> kSources{{
    {MailSource::kMaildir, "maildir"},
    {MailSource::kImap, "imap"},
}};

// The first `max_chars` code points of valid UTF-8 `s`.
std::string Utf8Prefix(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size() && chars < max_chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  return std::string(s.substr(0, i));
}

bool Covers(const MailCandidate& c, Date d) {
  Date last = c.station_end;
  if (c.intake_cutoff && last < *c.intake_cutoff) last = *c.intake_cutoff;
  return !(d < c.station_start) && !(last < d);
}

}  // namespace

std::string_view MailStateName(MailState s) {
  for (const auto& [v, name] : kStates) {
    if (v == s) return name;
  }
  return "quarantined";
}

std::optional<MailState> ParseMailState(std::string_view s) {
  for (const auto& [v, name] : kStates) {
    if (name == s) return v;
  }
  return std::nullopt;
}

std::string_view MailSourceName(MailSource s) {
  for (const auto& [v, name] : kSources) {
    if (v == s) return name;
  }
  return "maildir";
}

std::optional<MailSource> ParseMailSource(std::string_view s) {
  for (const auto& [v, name] : kSources) {
    if (name == s) return v;
  }
  return std::nullopt;
}

std::variant<AssignmentId, std::string_view> ChooseAssignment(
    const std::vector<MailCandidate>& candidates, Date received, std::string_view subject,
    std::string_view text) {
  std::vector<const MailCandidate*> covering;
  for (const auto& c : candidates) {
    if (Covers(c, received)) covering.push_back(&c);
  }
  if (covering.empty()) return kQuarantineNoAssignment;
  if (covering.size() == 1) return covering.front()->assignment_id;
  const MailCandidate* named = nullptr;
  for (const MailCandidate* c : covering) {
    if (c->unit_name.empty()) continue;
    const bool mentioned = subject.find(c->unit_name) != std::string_view::npos ||
                           text.find(c->unit_name) != std::string_view::npos;
    if (!mentioned) continue;
    if (named != nullptr) return kQuarantineUnitAmbiguous;
    named = c;
  }
  if (named == nullptr) return kQuarantineUnitAmbiguous;
  return named->assignment_id;
}

ReportDraft MailToDraft(const MailContent& m, AssignmentId assignment, UnixSeconds received_at,
                        std::vector<std::string>& warnings) {
  ReportDraft d;
  d.assignment_id = assignment;
  d.channel = Channel::kEmail;
  d.received_at = received_at;
  d.anonymous = m.from_address.empty() && m.from_name.empty();
  if (!d.anonymous) {
    d.reporter.name = Utf8Prefix(m.from_name, 100);
    d.reporter.email = Utf8Prefix(m.from_address, 200);
  }
  std::string content;
  if (!m.subject.empty()) content = "主题：" + m.subject + "\n\n";
  content += m.text;
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
    content = "（邮件没有正文，内容见原始邮件及其附件）";
  }
  if (Utf8Length(content) > kMaxContentChars) {
    static constexpr std::string_view kNote = "\n\n……（正文过长，已截断；全文见原始邮件）";
    content = Utf8Prefix(content, kMaxContentChars - Utf8Length(kNote)) + std::string(kNote);
    warnings.emplace_back("正文超过 " + std::to_string(kMaxContentChars) +
                          " 字，已截断；全文见原始邮件");
  }
  d.body.content = std::move(content);
  return d;
}

UnixSeconds MailReceivedAt(std::optional<UnixSeconds> date_header, UnixSeconds fetched_at) {
  if (!date_header) return fetched_at;
  constexpr UnixSeconds kYear = 366 * 24 * 3600;
  if (*date_header > fetched_at + 300 || *date_header < fetched_at - kYear) return fetched_at;
  return *date_header;
}

}  // namespace xuncha
