// The six disciplines (六大纪律) and the catalogue of articles of the Party's disciplinary
// regulations (《中国共产党纪律处分条例》, 2023 revision) that triage suggests (docs/triage.md).
// Pure data and rules: the catalogue comes from share/discipline/articles.json, decoded by
// src/app/discipline_catalogue.h; nothing here reads a file.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field_errors.h"

namespace xuncha {

// Order is the chapter order of the regulations; the values index per-discipline arrays.
enum class Discipline {
  kPolitical = 0,       // 政治纪律
  kOrganizational = 1,  // 组织纪律
  kIntegrity = 2,       // 廉洁纪律
  kMass = 3,            // 群众纪律
  kWork = 4,            // 工作纪律
  kPersonal = 5,        // 生活纪律
};
inline constexpr std::size_t kDisciplineCount = 6;
inline constexpr std::array<Discipline, kDisciplineCount> kAllDisciplines = {
    Discipline::kPolitical, Discipline::kOrganizational, Discipline::kIntegrity,
    Discipline::kMass,      Discipline::kWork,           Discipline::kPersonal};

inline std::size_t Index(Discipline d) { return static_cast<std::size_t>(d); }

// Stable key used in JSON, SQL and i18n: "political", "organizational", "integrity", "mass",
// "work", "personal" (shared GLOSSARY).
const char* DisciplineKey(Discipline d);
// nullopt for anything but one of the six keys.
std::optional<Discipline> DisciplineFromKey(std::string_view key);
// 政治纪律, 组织纪律, 廉洁纪律, 群众纪律, 工作纪律, 生活纪律 (for exports; the UI has its own).
const char* DisciplineChinese(Discipline d);

// A set of disciplines, e.g. the labels of one report. Empty = unclear / out of scope.
using DisciplineSet = std::array<bool, kDisciplineCount>;
inline DisciplineSet NoDisciplines() { return DisciplineSet{}; }
bool IsEmpty(const DisciplineSet& s);

struct Article {
  int number = 0;  // 第N条
  Discipline discipline = Discipline::kPolitical;
  std::string description;        // one plain sentence in the office's own words
  std::vector<std::string> cues;  // normalised phrases a complaint would contain
  bool verified = false;          // number checked against the official text
};

// The chapter of the regulations that holds one discipline: articles `from`..`to`.
struct Chapter {
  int number = 0;
  Discipline discipline = Discipline::kPolitical;
  int from = 0;
  int to = 0;
  bool verified = false;
};

struct ArticleCatalogue {
  std::string regulation;
  std::string revision;
  std::vector<Chapter> chapters;
  std::vector<Article> articles;  // ascending by number

  // nullptr when the catalogue has no such article.
  const Article* Find(int number) const;
};

// The rules an edited catalogue must keep; keys name the bad entry, e.g.
// "articles[3].number" -> "duplicate". Checked: numbers positive and unique, each article inside
// its discipline's chapter (when chapters are given), a description of 1..200 characters, 1..20
// cue phrases of 1..30 characters without white space and without duplicates, chapters not
// overlapping and one per discipline at most.
FieldErrors CheckCatalogue(const ArticleCatalogue& c);

}  // namespace xuncha
