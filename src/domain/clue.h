// Clues (问题线索): a possible violation by a named person that a group establishes at a unit
// and hands over (移交) to the discipline commission or the organisation department, which signs
// for it and reports back how it disposed of it. Pure rules; the sealing of their text lives in
// src/app/clue_service.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "domain/discipline.h"
#include "domain/field_errors.h"
#include "domain/finding.h"
#include "domain/round.h"
#include "domain/user.h"

namespace xuncha {

using ClueId = Id<struct ClueTag>;

// 草稿 → 已移交 (the group's leader hands it over) → 已签收 (the organ's recipient signs for it)
// → 已反馈处置 (the recipient reports the disposal). A draft may be dropped (已撤销) and taken
// back; a clue handed over may be taken back to a draft until it is signed for.
enum class ClueState { kDraft, kHandedOver, kReceived, kDisposed, kWithdrawn };
std::string_view ClueStateName(ClueState s);
std::optional<ClueState> ParseClueState(std::string_view s);
// 草稿, 已移交, 已签收, 已反馈处置, 已撤销.
std::string_view ClueStateChinese(ClueState s);

// Who moves a clue: its group's leader, or a recipient of the organ it was handed to.
enum class ClueMover { kGroupLeader, kRecipient };
std::vector<ClueState> AllowedClueTransitions(ClueState from, ClueMover who);

// Whether the organ has it: what a recipient may read.
inline bool ClueWithOrgan(ClueState s) {
  return s == ClueState::kHandedOver || s == ClueState::kReceived || s == ClueState::kDisposed;
}

// How the organ disposed of it (问题线索处置方式).
enum class ClueDisposal { kTalkInquiry, kPreliminaryVerification, kHold, kClose, kOther };
std::string_view ClueDisposalName(ClueDisposal d);
std::optional<ClueDisposal> ParseClueDisposal(std::string_view s);
// 谈话函询, 初步核实, 暂存待查, 予以了结, 其他.
std::string_view ClueDisposalChinese(ClueDisposal d);

// What a clue says. Sealed at rest with the server's content key: it names a cadre and what he
// may have done.
struct ClueContent {
  std::string title;        // one line: who and what
  std::string description;  // 线索内容: the facts as far as known
  std::string evidence;     // 线索来源: reports, interviews, documents
  // Roster leaders of the clue's unit it concerns, kept with the names and posts the roster had
  // (see FindingLeader).
  std::vector<FindingLeader> leaders;
  std::string other_persons;  // 其他涉及人员: persons not on the roster, as written
};

// A clue as written or edited by a member of its group.
struct ClueDraft {
  AssignmentId assignment_id;
  std::optional<Organ> organ;
  std::vector<Discipline> disciplines;
  ClueContent content;
  bool demo = false;  // set by the demo builder only
};

inline constexpr std::size_t kMaxClueTitleChars = 100;
inline constexpr std::size_t kMaxClueTextChars = 20000;
inline constexpr std::size_t kMaxClueEvidenceChars = 5000;
inline constexpr std::size_t kMaxClueOtherPersonsChars = 500;
inline constexpr std::size_t kMaxClueDisposalNoteChars = 2000;

// Field names as in the API: "assignment_id", "organ", "title", "description", "evidence",
// "other_persons", "disciplines", "leaders" (persons_required when it names no one).
FieldErrors ValidateClueDraft(const ClueDraft& d);

struct Clue {
  ClueId id;
  int version = 1;
  AssignmentId assignment_id;
  RoundId round_id;
  GroupId group_id;
  UnitId unit_id;
  Organ organ = Organ::kDisciplineCommission;
  ClueState state = ClueState::kDraft;
  std::vector<Discipline> disciplines;
  std::optional<UserId> handed_over_by;
  UnixSeconds handed_over_at = 0;
  std::optional<UserId> received_by;
  UnixSeconds received_at = 0;
  std::optional<ClueDisposal> disposal;
  UnixSeconds disposed_at = 0;
  UserId created_by;
  UnixSeconds created_at = 0;
  std::optional<UserId> updated_by;
  UnixSeconds updated_at = 0;
  bool demo = false;
  ClueContent content;        // stored sealed; filled by the app after opening it
  std::string disposal_note;  // the organ's account of the disposal; sealed too
};

// New clues are written while the round is stationed or reporting, as findings are.
inline bool CluesOpen(RoundStatus s) { return FindingsOpen(s); }

inline bool ClueEditable(ClueState s) { return s == ClueState::kDraft; }

}  // namespace xuncha
