// Use cases of findings (发现问题 / 问题底稿, docs/findings.md): a group's members draft the
// problems they establish at a unit, the group leader confirms or withdraws them, the office and
// the leading group read them.
//
// Who may do what:
//   office, leadership   read every finding;
//   group leader/member  read, write and edit the drafts of their own groups' findings;
//   the group's leader   (member role 组长 in that group) confirms, withdraws, reopens;
//   unit, clue recipient, admin: nothing (feedback to the unit comes with its own issue).
// A finding outside the caller's groups answers exactly like a missing one (kNotFound).
//
// Protection: the content (title, facts, evidence, the cadres concerned) is sealed with the
// server's content key, bound to the finding's id; every read and change is in the audit log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "core/clock.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct FindingView {
  Finding finding;  // content opened
  std::string group_name;
  std::string unit_name;
  std::string round_name;
  std::string focus_title;
  std::string focus_order;  // sorts as the round's checklist does (see FindingRecord)
  std::string created_by_name;
  std::string updated_by_name;
  std::vector<Leader> leaders;  // the roster entries of content.leaders still on the roster
  // For the caller.
  bool editable = false;
  std::vector<FindingState> allowed_transitions;
};

struct FindingListFilter {
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<FindingState> state;
  std::optional<FocusItemId> focus_item_id;
  std::optional<Discipline> discipline;
};

// Which findings a caller may read: all, or those of `groups`.
struct FindingScope {
  bool all = false;
  std::vector<GroupId> groups;
};

class FindingService {
 public:
  FindingService(Store& store, Crypto& crypto, const Clock& clock, AuditLog& audit,
                 std::string content_key)
      : store_(store),
        crypto_(crypto),
        clock_(clock),
        audit_(audit),
        content_key_(std::move(content_key)) {}

  // A member of the assignment's group; validation errors by field.
  Result<FindingView> Create(const Actor& a, const FindingDraft& d);
  // Replaces focus item, disciplines and content of a draft (kFailedPrecondition
  // "finding_not_editable" otherwise); kAborted for a stale version. Edits and moves stop when
  // the round leaves reporting (kFailedPrecondition "round_closed_for_findings").
  Result<FindingView> Update(const Actor& a, FindingId id, int version, const FindingDraft& d);
  // The group's leader only (kPermissionDenied "group_leader_only").
  Result<FindingView> Move(const Actor& a, FindingId id, int version, FindingState to);
  // Logged reads.
  Result<FindingView> Get(const Actor& a, FindingId id);
  Result<Page<FindingView>> List(const Actor& a, const FindingListFilter& f, const PageRequest& p);

  // The findings matching `f` with their facts, evidence and leaders, for the problem list
  // (问题清单) export: by unit, then focus item in the checklist's order, then oldest first. At
  // most kMaxExport (kInvalidArgument "export_too_large" beyond: narrow the filters). Logged with
  // the count.
  Result<std::vector<FindingView>> Export(const Actor& a, const FindingListFilter& f);
  static constexpr int kMaxExport = 2000;

  // ---- for search (app/search_service.h) ----
  // kPermissionDenied for roles that read no findings.
  Result<FindingScope> ScopeFor(Transaction& tx, const Actor& a);
  // What the index holds of a finding, in the clear: title, facts, evidence, the names and
  // posts of the cadres concerned (the caller normalises and seals it).
  Result<std::string> SearchText(Transaction& tx, const FindingRecord& rec);
  // List views of those of `ids` the caller may read, in the order asked; others left out.
  Result<std::vector<FindingView>> Summaries(const Actor& a, const std::vector<FindingId>& ids);

  // A finding's content opened, for the services that show findings in another role (the
  // problem list of rectification). No scope check: the caller has made it.
  Result<FindingContent> Content(const FindingRecord& rec) { return Open(rec); }

 private:
  Result<FindingRecord> Load(Transaction& tx, const Actor& a, FindingId id);
  // The caller's scope (kPermissionDenied for roles that read no findings) with `f`, as the
  // store filters a list.
  Result<FindingFilter> StoreFilter(Transaction& tx, const Actor& a, const FindingListFilter& f);
  // kFailedPrecondition "round_closed_for_findings" once the round is past reporting: what was
  // fed back and rectified against must not change.
  Status CheckRoundOpen(Transaction& tx, RoundId round);
  // Field errors for a focus item outside the round and leaders not on the unit's roster;
  // fills in each leader's name and post as the roster has them.
  Status CheckReferences(Transaction& tx, FindingDraft& d, RoundId round, UnitId unit);
  Result<FindingView> View(Transaction& tx, const Actor& a, const FindingRecord& rec, bool detail);
  std::string Seal(const FindingContent& c, FindingId id);
  Result<FindingContent> Open(const FindingRecord& rec);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog& audit_;
  std::string content_key_;
};

}  // namespace xuncha
