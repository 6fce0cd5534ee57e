#include "domain/clue.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xuncha {
namespace {
constexpr std::array<std::pair<ClueState, std::string_view>, 5> kStates = {{
    {ClueState::kDraft, "draft"},
    {ClueState::kHandedOver, "handed_over"},
    {ClueState::kReceived, "received"},
    {ClueState::kDisposed, "disposed"},
    {ClueState::kWithdrawn, "withdrawn"},
}};
constexpr std::array<std::pair<ClueDisposal, std::string_view>, 5> kDisposals = {{
    {ClueDisposal::kTalkInquiry, "talk_inquiry"},
    {ClueDisposal::kPreliminaryVerification, "preliminary_verification"},
    {ClueDisposal::kHold, "hold"},
    {ClueDisposal::kClose, "close"},
    {ClueDisposal::kOther, "other"},
}};

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, n] : table) {
    if (e == v) return n;
  }
  return table[0].second;
}

template <typename E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view s) {
  for (const auto& [e, n] : table) {
    if (n == s) return e;
  }
  return std::nullopt;
}
}  // namespace

std::string_view ClueStateName(ClueState s) { return NameOf(kStates, s); }
std::optional<ClueState> ParseClueState(std::string_view s) { return Parse(kStates, s); }
std::string_view ClueDisposalName(ClueDisposal d) { return NameOf(kDisposals, d); }
std::optional<ClueDisposal> ParseClueDisposal(std::string_view s) { return Parse(kDisposals, s); }

std::string_view ClueStateChinese(ClueState s) {
  switch (s) {
    case ClueState::kDraft:
      return "草稿";
    case ClueState::kHandedOver:
      return "已移交";
    case ClueState::kReceived:
      return "已签收";
    case ClueState::kDisposed:
      return "已反馈处置";
    case ClueState::kWithdrawn:
      return "已撤销";
  }
  return "";
}

std::string_view ClueDisposalChinese(ClueDisposal d) {
  switch (d) {
    case ClueDisposal::kTalkInquiry:
      return "谈话函询";
    case ClueDisposal::kPreliminaryVerification:
      return "初步核实";
    case ClueDisposal::kHold:
      return "暂存待查";
    case ClueDisposal::kClose:
      return "予以了结";
    case ClueDisposal::kOther:
      return "其他";
  }
  return "";
}

std::vector<ClueState> AllowedClueTransitions(ClueState from, ClueMover who) {
  if (who == ClueMover::kRecipient) {
    switch (from) {
      case ClueState::kHandedOver:
        return {ClueState::kReceived};
      case ClueState::kReceived:
        return {ClueState::kDisposed};
      default:
        return {};
    }
  }
  switch (from) {
    case ClueState::kDraft:
      return {ClueState::kHandedOver, ClueState::kWithdrawn};
    case ClueState::kHandedOver:  // taken back before the organ signs for it
    case ClueState::kWithdrawn:
      return {ClueState::kDraft};
    case ClueState::kReceived:
    case ClueState::kDisposed:
      return {};
  }
  return {};
}

FieldErrors ValidateClueDraft(const ClueDraft& d) {
  FieldErrors e;
  if (!d.assignment_id.valid()) e["assignment_id"] = "required";
  if (!d.organ) e["organ"] = "required";
  CheckText(e, "title", d.content.title, true, kMaxClueTitleChars);
  if (!e.count("title") && d.content.title.find_first_of("\r\n") != std::string::npos) {
    e["title"] = "one_line";
  }
  CheckText(e, "description", d.content.description, true, kMaxClueTextChars);
  CheckText(e, "evidence", d.content.evidence, false, kMaxClueEvidenceChars);
  CheckText(e, "other_persons", d.content.other_persons, false, kMaxClueOtherPersonsChars);
  auto ds = d.disciplines;
  std::sort(ds.begin(), ds.end());
  if (std::adjacent_find(ds.begin(), ds.end()) != ds.end()) e["disciplines"] = "duplicate";
  CheckLeaderIds(e, d.content.leaders);
  // A clue is about someone: a roster leader or a person named in other_persons.
  if (!e.count("leaders") && d.content.leaders.empty() && !e.count("other_persons") &&
      d.content.other_persons.find_first_not_of(" \t\r\n") == std::string::npos) {
    e["leaders"] = "persons_required";
  }
  return e;
}

}  // namespace xuncha
