// Who a report is about: the persons and posts a report names, matched against the unit's roster
// for the report's round (领导班子成员 and 下一级党组织领导干部). Four kinds of evidence, strongest
// first (docs/persons.md has the confidence table and the limits):
//   exact name    王胜弘 in the text or among the persons the reporter named;
//   same pinyin   王胜宏 for the roster's 王胜弘: a window of the roster name's length, Han
//                 characters only, sharing at least one character with the name (for a
//                 two-character name, the surname), and not covered by another roster name;
//   surname+post  张局长, 欧阳副主任, 李某某书记 → the roster person with that surname whose post
//                 holds that title; a deputy called by the full title (张局长 for 副局长 张) or
//                 several persons with that surname and title lower the confidence;
//   post alone    一把手 / 主要负责人 / 主要领导 → the top post (书记, else the head); 书记 → the
//                 secretary; 局长, 主任, 院长 ... → the head. Deputies and 分管领导 are too vague:
//                 no match.
// One match per roster person: the strongest evidence, the weaker ones listed with it.
// Everything is a suggestion that staff confirm or correct. Pure: no I/O, no ICU; the caller
// passes the pinyin function (text::Pinyin in production).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "domain/report.h"
#include "domain/unit.h"

namespace xuncha {

// Toneless pinyin of one Han character ("弘" → "hong"); empty when it has none or on failure
// (then that character matches no other by sound).
using PinyinFn = std::function<std::string(std::string_view)>;

enum class MatchKind { kExactName, kSamePinyin, kSurnamePost, kPostAlone };
// "exact_name", "same_pinyin", "surname_post", "post_alone".
std::string_view MatchKindName(MatchKind k);

struct MatchEvidence {
  MatchKind kind = MatchKind::kExactName;
  std::string text;  // the span that matched, e.g. "张局长", "王胜宏", "一把手"
  double confidence = 0;
  bool named = false;  // found among the persons the reporter named, not in the free text
};

struct PersonMatch {
  LeaderId leader_id;
  LeaderTier tier = LeaderTier::kLeadership;
  MatchEvidence best;                 // the strongest evidence; its confidence is the match's
  std::vector<MatchEvidence> others;  // weaker evidence for the same person, strongest first
};

struct PersonMatches {
  std::vector<PersonMatch> matches;  // strongest first, then by leader id
  // Names the reporter gave (ReportedPerson::name) that matched nobody on the roster, in the
  // order given, so staff see them.
  std::vector<std::string> unmatched;
};

// Matches `text` (the report's content) and `persons` (the persons the reporter named: name,
// post; the unit is not used) against `roster`.
// REQUIRES: every string — text, persons' names and posts, roster names and posts — normalised
// the same way (text::Normalize) and valid UTF-8; invalid bytes are read as characters that
// match nothing. Never fails; time is linear in the text times the roster size.
PersonMatches MatchPersons(std::string_view text, const std::vector<ReportedPerson>& persons,
                           const std::vector<Leader>& roster, const PinyinFn& pinyin);

}  // namespace xuncha
