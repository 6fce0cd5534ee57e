#include "app/discipline_catalogue.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace xuncha {

namespace {

using nlohmann::json;

// Reads an optional boolean / required string or integer member, recording what is wrong.
bool GetString(const json& o, const char* key, const std::string& field, FieldErrors& errors,
               std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_string()) {
    errors[field] = it == o.end() ? "required" : "not_a_string";
    return false;
  }
  out = it->get<std::string>();
  return true;
}

bool GetInt(const json& o, const char* key, const std::string& field, FieldErrors& errors,
            int& out) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) {
    errors[field] = it == o.end() ? "required" : "not_an_integer";
    return false;
  }
  auto v = it->get<long long>();
  if (v < 1 || v > 100000) {
    errors[field] = "out_of_range";
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool GetDiscipline(const json& o, const std::string& field, FieldErrors& errors, Discipline& out) {
  std::string key;
  if (!GetString(o, "discipline", field, errors, key)) return false;
  auto d = DisciplineFromKey(key);
  if (!d) {
    errors[field] = "unknown_discipline";
    return false;
  }
  out = *d;
  return true;
}

bool GetVerified(const json& o, const std::string& field, FieldErrors& errors) {
  auto it = o.find("verified");
  if (it == o.end()) return false;
  if (!it->is_boolean()) {
    errors[field] = "not_a_boolean";
    return false;
  }
  return it->get<bool>();
}

Article DecodeArticle(const json& a, const std::string& at, FieldErrors& errors) {
  Article out;
  if (!a.is_object()) {
    errors[at] = "not_an_object";
    return out;
  }
  (void)GetInt(a, "number", at + ".number", errors, out.number);
  (void)GetDiscipline(a, at + ".discipline", errors, out.discipline);
  (void)GetString(a, "description", at + ".description", errors, out.description);
  out.verified = GetVerified(a, at + ".verified", errors);
  auto cues = a.find("cues");
  if (cues == a.end() || !cues->is_array()) {
    errors[at + ".cues"] = cues == a.end() ? "required" : "not_an_array";
    return out;
  }
  for (std::size_t k = 0; k < cues->size(); ++k) {
    const json& c = (*cues)[k];
    if (!c.is_string()) {
      errors[at + ".cues[" + std::to_string(k) + "]"] = "not_a_string";
      continue;
    }
    out.cues.push_back(c.get<std::string>());
  }
  return out;
}

}  // namespace

Result<ArticleCatalogue> DecodeArticleCatalogue(std::string_view text) {
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return InvalidArgument("article catalogue: not a JSON object", "bad_json");
  }
  ArticleCatalogue out;
  FieldErrors errors;
  (void)GetString(doc, "regulation", "regulation", errors, out.regulation);
  (void)GetString(doc, "revision", "revision", errors, out.revision);
  if (auto it = doc.find("chapters"); it != doc.end()) {
    if (!it->is_array()) {
      errors["chapters"] = "not_an_array";
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& c = (*it)[i];
        const std::string at = "chapters[" + std::to_string(i) + "]";
        if (!c.is_object()) {
          errors[at] = "not_an_object";
          continue;
        }
        Chapter ch;
        (void)GetInt(c, "chapter", at + ".chapter", errors, ch.number);
        (void)GetDiscipline(c, at + ".discipline", errors, ch.discipline);
        (void)GetInt(c, "from", at + ".from", errors, ch.from);
        (void)GetInt(c, "to", at + ".to", errors, ch.to);
        ch.verified = GetVerified(c, at + ".verified", errors);
        out.chapters.push_back(ch);
      }
    }
  }
  auto articles = doc.find("articles");
  if (articles == doc.end() || !articles->is_array() || articles->empty()) {
    errors["articles"] = articles == doc.end() ? "required" : "not_a_non_empty_array";
  } else {
    for (std::size_t i = 0; i < articles->size(); ++i) {
      out.articles.push_back(
          DecodeArticle((*articles)[i], "articles[" + std::to_string(i) + "]", errors));
    }
  }
  if (errors.empty()) errors = CheckCatalogue(out);
  if (!errors.empty()) return ValidationError(std::move(errors));
  std::stable_sort(out.articles.begin(), out.articles.end(),
                   [](const Article& a, const Article& b) { return a.number < b.number; });
  return out;
}

Result<std::vector<LabelledExample>> DecodeLabelledExamples(std::string_view jsonl) {
  std::vector<LabelledExample> out;
  FieldErrors errors;
  std::set<std::string> ids;
  std::size_t line_no = 0;
  while (!jsonl.empty()) {
    std::size_t nl = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, nl);
    jsonl.remove_prefix(nl == std::string_view::npos ? jsonl.size() : nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string at = "line " + std::to_string(line_no);
    json o = json::parse(line.begin(), line.end(), nullptr, false);
    if (o.is_discarded() || !o.is_object()) {
      errors[at] = "bad_json";
      continue;
    }
    LabelledExample e;
    if (GetString(o, "id", at + ".id", errors, e.id) && !ids.insert(e.id).second) {
      errors[at + ".id"] = "duplicate";
    }
    if (GetString(o, "text", at + ".text", errors, e.text)) {
      CheckText(errors, at + ".text", e.text, true, 2000);
    }
    std::string split;
    if (GetString(o, "split", at + ".split", errors, split)) {
      if (split == "train") {
        e.split = DataSplit::kTrain;
      } else if (split == "test") {
        e.split = DataSplit::kTest;
      } else {
        errors[at + ".split"] = "unknown_split";
      }
    }
    auto labels = o.find("labels");
    if (labels == o.end() || !labels->is_array()) {
      errors[at + ".labels"] = labels == o.end() ? "required" : "not_an_array";
    } else {
      for (const json& l : *labels) {
        auto d = l.is_string() ? DisciplineFromKey(l.get<std::string>()) : std::nullopt;
        if (!d) {
          errors[at + ".labels"] = "unknown_discipline";
        } else if (std::find(e.labels.begin(), e.labels.end(), *d) != e.labels.end()) {
          errors[at + ".labels"] = "duplicate";
        } else {
          e.labels.push_back(*d);
        }
      }
    }
    out.push_back(std::move(e));
  }
  if (!errors.empty()) return ValidationError(std::move(errors));
  return out;
}

}  // namespace xuncha
