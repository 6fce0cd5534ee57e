// Is a report in the group's scope (受理范围)? A suggestion with its cue phrases; staff decide.
//   in scope     the report is about the unit's leadership team or its members (matched on the
//                roster, or named by a leadership post: 副局长, 一把手), its subordinate leaders
//                or its key posts (财务, 采购, 招投标 ...), on the six disciplines;
//   transfer     个人诉求 (wages owed to the reporter, neighbour and family disputes), 涉法涉诉
//                (court judgements, lawsuits, arbitration) or a matter of another organ (police
//                cases, traffic fines): 转办 to the competent department;
//   above level  a cadre above the city committee's management (市委书记, 市长, 副市长, 省...,
//                中管干部): sealed (越级) and handed up, per docs/reports.md;
//   unclear      none of the above.
// The cue lists are data (ScopeCues, documented in docs/persons.md); a caller may pass its own.
// Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/person_match.h"

namespace xuncha {

enum class ScopeKind { kInScope, kTransfer, kAboveLevel, kUnclear };
// "in_scope", "transfer", "above_level", "unclear".
std::string_view ScopeKindName(ScopeKind k);

// Why a report would be transferred.
enum class TransferKind { kNone, kPersonalClaim, kLegal, kOtherOrgan };
// "none", "personal_claim", "legal", "other_organ".
std::string_view TransferKindName(TransferKind k);

// What a cue phrase says.
enum class CueKind {
  kLeader,         // a roster match (the phrase is its evidence text)
  kLeaderPost,     // a leadership post named without a roster match (副局长孙某)
  kKeyPost,        // a key post
  kPersonalClaim,  // 个人诉求
  kLegal,          // 涉法涉诉
  kOtherOrgan,     // another organ's matter
  kAboveLevel,     // a cadre above the committee's level
};
std::string_view CueKindName(CueKind k);

struct ScopeCue {
  CueKind kind = CueKind::kLeader;
  std::string phrase;
};

// Phrases looked for as substrings of the normalised text. A phrase inside one of `not_cues`
// (市长热线 holds 市长) does not count.
struct ScopeCues {
  std::vector<std::string> leader_posts;
  std::vector<std::string> key_posts;
  std::vector<std::string> personal_claims;
  std::vector<std::string> legal;
  std::vector<std::string> other_organs;
  std::vector<std::string> above_level;
  std::vector<std::string> not_cues;
};
// The lists of docs/persons.md.
const ScopeCues& DefaultScopeCues();

struct ScopeSuggestion {
  ScopeKind kind = ScopeKind::kUnclear;
  TransferKind transfer = TransferKind::kNone;  // set when kind is kTransfer
  double confidence = 0;                        // in [0, 1]; 0 when unclear
  std::vector<ScopeCue> cues;                   // what drove it, in text order per kind
};

// Matches count as persons from `min_person_confidence` up. The default counts every unshared
// match, a post alone (一把手, 0.40) included, but not a surname + post shared by three or a
// deputy beside a namesake head (0.20); 0.5 would count names and unshared surname + post only.
struct ScopeOptions {
  double min_person_confidence = 0.3;
};

// `text`: the report's content, normalised (text::Normalize). `matches`: MatchPersons' result for
// it. `disciplines`: how many of the six disciplines the classifier suggested (0 = none).
// Never fails.
ScopeSuggestion SuggestScope(std::string_view text, const PersonMatches& matches, int disciplines,
                             const ScopeCues& cues = DefaultScopeCues(),
                             const ScopeOptions& options = {});

}  // namespace xuncha
