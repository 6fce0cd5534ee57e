#include "app/report_codec.h"

#include <nlohmann/json.hpp>

namespace xuncha {
namespace {
using nlohmann::json;

std::string S(const json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::string EncodeContent(const ReportContent& c) {
  json persons = json::array();
  for (const auto& p : c.persons) {
    persons.push_back({{"name", p.name}, {"unit", p.unit}, {"post", p.post}});
  }
  return json{{"persons", persons},
              {"content", c.content},
              {"happened", c.happened},
              {"place", c.place},
              {"box_location", c.box_location},
              {"visitor_count", c.visitor_count},
              {"received_by", c.received_by}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ReportContent> DecodeContent(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Internal("report content is damaged");
  ReportContent c;
  if (auto it = j.find("persons"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      if (p.is_object()) c.persons.push_back({S(p, "name"), S(p, "unit"), S(p, "post")});
    }
  }
  c.content = S(j, "content");
  c.happened = S(j, "happened");
  c.place = S(j, "place");
  c.box_location = S(j, "box_location");
  if (auto it = j.find("visitor_count"); it != j.end() && it->is_number_integer()) {
    c.visitor_count = it->get<int>();
  }
  c.received_by = S(j, "received_by");
  return c;
}

std::string EncodeIdentity(const ReporterIdentity& r) {
  return json{{"name", r.name},
              {"phone", r.phone},
              {"id_number", r.id_number},
              {"address", r.address},
              {"email", r.email}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ReporterIdentity> DecodeIdentity(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Internal("identity is damaged");
  return ReporterIdentity{S(j, "name"), S(j, "phone"), S(j, "id_number"), S(j, "address"),
                          S(j, "email")};
}

std::string EncodeEventDetail(const std::string& reason, const std::string& letter) {
  return json{{"reason", reason}, {"letter", letter}}.dump(-1, ' ', false,
                                                           json::error_handler_t::replace);
}

void DecodeEventDetail(const std::string& text, std::string& reason, std::string& letter) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return;
  reason = S(j, "reason");
  letter = S(j, "letter");
}

}  // namespace xuncha
