// JSON <-> domain for the API. ToJson never includes secrets (password hashes, session tokens).
// The *FromJson readers record field errors in `f` instead of failing on the first one.
#pragma once

#include <nlohmann/json.hpp>

#include "http/json_fields.h"
#include "ports/store.h"

namespace xuncha::http {

nlohmann::json ToJson(const User& u);
nlohmann::json ToJson(const Term& t);
nlohmann::json ToJson(const RoundSummary& r);
nlohmann::json ToJson(const FocusItem& f);
nlohmann::json ToJson(const Group& g);
nlohmann::json ToJson(const Unit& u);
nlohmann::json ToJson(const Leader& l);
nlohmann::json ToJson(const Inspector& i);
nlohmann::json ToJson(const AssignmentView& a);
nlohmann::json ToJson(const AuditEntry& e);
nlohmann::json ToJson(const LoginRecord& r);

Term TermFromJson(Fields& f);
Round RoundFromJson(Fields& f);
Group GroupFromJson(Fields& f);
Unit UnitFromJson(Fields& f);
Leader LeaderFromJson(Fields& f);
Inspector InspectorFromJson(Fields& f);
Assignment AssignmentFromJson(Fields& f);

// A page as JSON, each item converted by `to_json` (for types whose ToJson this header cannot
// see, e.g. those of report_dto.h).
template <typename T, typename F>
nlohmann::json PageJson(const Page<T>& p, const PageRequest& req, F to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& x : p.items) items.push_back(to_json(x));
  return {{"items", items}, {"total", p.total}, {"page", req.page}, {"page_size", req.page_size}};
}

template <typename T>
nlohmann::json PageJson(const Page<T>& p, const PageRequest& req) {
  return PageJson(p, req, [](const T& x) { return ToJson(x); });
}

template <typename T>
nlohmann::json ItemsJson(const std::vector<T>& v) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& x : v) items.push_back(ToJson(x));
  return {{"items", items}, {"total", v.size()}};
}

}  // namespace xuncha::http
