#include "domain/discipline.h"

#include <algorithm>
#include <set>

namespace xuncha {

namespace {

constexpr std::array<const char*, kDisciplineCount> kKeys = {
    "political", "organizational", "integrity", "mass", "work", "personal"};

std::string At(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

}  // namespace

const char* DisciplineKey(Discipline d) { return kKeys[Index(d)]; }

const char* DisciplineChinese(Discipline d) {
  static constexpr std::array<const char*, kDisciplineCount> kChinese = {
      "政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律"};
  return kChinese[Index(d)];
}

std::optional<Discipline> DisciplineFromKey(std::string_view key) {
  for (std::size_t i = 0; i < kDisciplineCount; ++i) {
    if (key == kKeys[i]) return static_cast<Discipline>(i);
  }
  return std::nullopt;
}

bool IsEmpty(const DisciplineSet& s) {
  return std::none_of(s.begin(), s.end(), [](bool b) { return b; });
}

const Article* ArticleCatalogue::Find(int number) const {
  auto it = std::lower_bound(articles.begin(), articles.end(), number,
                             [](const Article& a, int n) { return a.number < n; });
  return it != articles.end() && it->number == number ? &*it : nullptr;
}

FieldErrors CheckCatalogue(const ArticleCatalogue& c) {
  FieldErrors errors;
  std::array<const Chapter*, kDisciplineCount> chapter_of{};
  for (std::size_t i = 0; i < c.chapters.size(); ++i) {
    const Chapter& ch = c.chapters[i];
    if (ch.from <= 0 || ch.to < ch.from) errors[At("chapters", i, "to")] = "bad_range";
    if (chapter_of[Index(ch.discipline)] != nullptr) {
      errors[At("chapters", i, "discipline")] = "duplicate";
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (ch.from <= c.chapters[j].to && c.chapters[j].from <= ch.to) {
        errors[At("chapters", i, "from")] = "overlap";
      }
    }
    chapter_of[Index(ch.discipline)] = &ch;
  }
  std::set<int> numbers;
  for (std::size_t i = 0; i < c.articles.size(); ++i) {
    const Article& a = c.articles[i];
    if (a.number <= 0) {
      errors[At("articles", i, "number")] = "out_of_range";
    } else if (!numbers.insert(a.number).second) {
      errors[At("articles", i, "number")] = "duplicate";
    } else if (const Chapter* ch = chapter_of[Index(a.discipline)];
               ch != nullptr && (a.number < ch->from || a.number > ch->to)) {
      errors[At("articles", i, "number")] = "outside_chapter";
    }
    CheckText(errors, At("articles", i, "description"), a.description, true, 200);
    if (a.cues.empty() || a.cues.size() > 20) errors[At("articles", i, "cues")] = "count";
    std::set<std::string> seen;
    for (std::size_t k = 0; k < a.cues.size(); ++k) {
      const std::string& cue = a.cues[k];
      const std::string field = At("articles", i, "cues") + "[" + std::to_string(k) + "]";
      if (cue.empty()) {
        errors[field] = "required";
      } else if (Utf8Length(cue) > 30) {
        errors[field] = "too_long";
      } else if (cue.find_first_of(" \t\r\n") != std::string::npos) {
        errors[field] = "white_space";
      } else if (!seen.insert(cue).second) {
        errors[field] = "duplicate";
      }
    }
  }
  return errors;
}

}  // namespace xuncha
