// JSON for reports: what the staff and the public see (never a reporter's identity, except the
// identity endpoint itself), and the parsing of report drafts.
#pragma once

#include <nlohmann/json.hpp>

#include "app/mailbox_service.h"
#include "app/report_service.h"
#include "http/json_fields.h"

namespace xuncha::http {

nlohmann::json ReportSummaryJson(const ReportView& v);
nlohmann::json ReportDetailJson(const ReportView& v);
nlohmann::json ToJson(const RevealRequest& q);
nlohmann::json ToJson(const ReportMessage& m);
nlohmann::json ToJson(const ReporterIdentity& r);
nlohmann::json ToJson(const IntakeView& v, bool demo);
nlohmann::json ToJson(const PublicStatus& s);
nlohmann::json ToJson(const CalendarDay& d);
nlohmann::json ToJson(const DeadlineRule& r);
nlohmann::json ToJson(const MailView& m);
nlohmann::json ToJson(const MailAccountView& a);
nlohmann::json ToJson(const MailPollResult& r);

// Reads assignment_id, anonymous, reporter, persons, content, happened, place (and, for staff,
// channel, received_at, box_location, visitor_count, received_by, sealed).
ReportDraft DraftFromJson(Fields& f, bool staff);
DeadlineRule DeadlineRuleFromJson(Fields& f);

// "2026-11-27T09:30" (China time), with optional ":SS", or a UTC time ending in "Z".
std::optional<UnixSeconds> ParseLocalDateTime(std::string_view s);
// The first `n` characters (code points) of `s`, whitespace runs folded to one space.
std::string Excerpt(std::string_view s, std::size_t n);

}  // namespace xuncha::http
