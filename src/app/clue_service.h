// Use cases of clues (问题线索, docs/clues.md): a group's members write the clues they find at a
// unit, the group's leader hands them over (移交) to the discipline commission or the
// organisation department, whose recipients sign for them and report how they were disposed of.
//
// Who may do what:
//   office               reads every clue;
//   group leader/member  read, write and edit the drafts of their own groups' clues;
//   the group's leader   hands over, withdraws, takes back (before the organ signs for it);
//   clue recipient       reads the clues handed to his organ; signs for them, reports disposal;
//   leadership, unit, admin: nothing. A clue names a cadre of the unit: it never reaches the
//   unit, and the leading group reads the office's statistics, not the clues.
// A clue outside the caller's scope answers exactly like a missing one (kNotFound).
//
// Protection: the content and the disposal note are sealed with the server's content key, bound
// to the clue's id; every read and change is in the audit log.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct ClueView {
  Clue clue;  // content and disposal note opened (the note in a detail only)
  std::string group_name;
  std::string unit_name;
  std::string round_name;
  std::string created_by_name;
  std::string updated_by_name;
  std::string handed_over_by_name;
  std::string received_by_name;
  std::vector<Leader> leaders;
  // For the caller (a detail only).
  bool editable = false;
  std::vector<ClueState> allowed_transitions;
};

struct ClueListFilter {
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<ClueState> state;
  std::optional<Organ> organ;
  std::optional<Discipline> discipline;
};

// Which clues a caller may read: all, those of `groups`, or those handed to `organ`.
struct ClueScope {
  bool all = false;
  std::vector<GroupId> groups;
  std::optional<Organ> organ;
  bool Sees(GroupId group, Organ o, ClueState s) const {
    if (all) return true;
    if (organ) return *organ == o && ClueWithOrgan(s);
    return std::find(groups.begin(), groups.end(), group) != groups.end();
  }
};

// A move as sent: the disposal fields only for `disposed`.
struct ClueMove {
  int version = 0;
  ClueState to = ClueState::kDraft;
  std::optional<ClueDisposal> disposal;
  std::string disposal_note;
};

class ClueService {
 public:
  ClueService(Store& store, Crypto& crypto, const Clock& clock, AuditLog& audit,
              std::string content_key)
      : store_(store),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        content_key_(std::move(content_key)) {}

  // A member of the assignment's group, while the round is stationing or reporting
  // (422 assignment_id round_not_open_for_clues otherwise).
  Result<ClueView> Create(const Actor& a, const ClueDraft& d);
  // Replaces organ, disciplines and content of a draft (kFailedPrecondition "clue_not_editable"
  // otherwise); kAborted for a stale version.
  Result<ClueView> Update(const Actor& a, ClueId id, int version, const ClueDraft& d);
  // The group's leader or a recipient of the clue's organ, as AllowedClueTransitions says;
  // others who may read it get kPermissionDenied "clue_move_forbidden".
  Result<ClueView> Move(const Actor& a, ClueId id, const ClueMove& m);
  // Logged reads.
  Result<ClueView> Get(const Actor& a, ClueId id);
  Result<Page<ClueView>> List(const Actor& a, const ClueListFilter& f, const PageRequest& p);
  // The hand-over list (移交清单): every clue the caller may read that the filters select, with
  // its content (not the disposal note), by organ, unit and time written; at most kMaxExport
  // (kInvalidArgument "export_too_large" beyond: narrow the filters). Logged with the count.
  Result<std::vector<ClueView>> Export(const Actor& a, const ClueListFilter& f);
  static constexpr int kMaxExport = 2000;

  // ---- for search (app/search_service.h) ----
  // kPermissionDenied for roles that read no clues.
  Result<ClueScope> ScopeFor(Transaction& tx, const Actor& a);
  // What the index holds of a clue, in the clear: title, facts, evidence, the persons named.
  Result<std::string> SearchText(const ClueRecord& rec);
  // List views of those of `ids` the caller may read, in the order asked; others left out.
  Result<std::vector<ClueView>> Summaries(const Actor& a, const std::vector<ClueId>& ids);

 private:
  Result<ClueRecord> Load(Transaction& tx, const Actor& a, ClueId id);
  // The caller's scope and the filters, for the store.
  Result<ClueFilter> StoreFilter(Transaction& tx, const Actor& a, const ClueListFilter& f);
  // What the caller may do to `c`: the moves, by who he is to it.
  Result<std::optional<ClueMover>> MoverFor(Transaction& tx, const Actor& a, const Clue& c);
  Status CheckReferences(Transaction& tx, ClueDraft& d, UnitId unit);
  // A list names whom a clue concerns, not its facts; a detail adds the disposal note and what
  // the caller may do; an export has the facts and evidence but not the disposal note.
  enum class ViewFor { kList, kDetail, kExport };
  Result<ClueView> View(Transaction& tx, const Actor& a, const ClueRecord& rec, ViewFor what);
  std::string Seal(const std::string& plain, ClueId id, const char* part);
  Result<std::string> OpenBox(const std::string& box, ClueId id, const char* part);
  Result<ClueContent> OpenContent(const ClueRecord& rec);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  std::string content_key_;
};

}  // namespace xuncha
