// The search index's tables: sealed segments and the outbox the triggers of 0006_search.sql fill
// (docs/search.md), and the plain report columns that search scopes and filters read.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {

Result<std::vector<SearchSegmentRow>> SqliteTransaction::ListSearchSegments(bool with_box) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep(with_box ? "SELECT id, docs, created_at, box FROM search_segments ORDER BY id"
                    : "SELECT id, docs, created_at FROM search_segments ORDER BY id"));
  return AllRows<SearchSegmentRow>(*st, [with_box](const Statement& s) {
    SearchSegmentRow r;
    r.id = s.Int(0);
    r.docs = s.Int(1);
    r.created_at = s.Int(2);
    if (with_box) r.box = s.Blob(3);
    return r;
  });
}

Result<SearchSegmentRow> SqliteTransaction::GetSearchSegment(std::int64_t id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st,
                          Prep("SELECT id, docs, created_at, box FROM search_segments WHERE id=?"));
  st->Bind(1, id);
  return OneRow<SearchSegmentRow>(
      *st,
      [](const Statement& s) {
        SearchSegmentRow r;
        r.id = s.Int(0);
        r.docs = s.Int(1);
        r.created_at = s.Int(2);
        r.box = s.Blob(3);
        return r;
      },
      "search segment");
}

Status SqliteTransaction::PutSearchSegment(const SearchSegmentRow& s) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("INSERT INTO search_segments (id, docs, box, created_at) VALUES (?, ?, ?, ?)"));
  st->Bind(1, s.id).Bind(2, s.docs).BindBlob(3, s.box).Bind(4, s.created_at);
  return st->Run();
}

Status SqliteTransaction::DeleteSearchSegment(std::int64_t id) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM search_segments WHERE id=?"));
  st->Bind(1, id);
  XUNCHA_TRY(st->Run());
  if (conn_->Changes() == 0) return NotFound("search_segment");
  return Ok();
}

Status SqliteTransaction::DeleteAllSearchSegments() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM search_segments"));
  return st->Run();
}

Result<std::vector<SearchOutboxRow>> SqliteTransaction::ListSearchOutbox(int limit) {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st, Prep("SELECT seq, kind, record_id FROM search_outbox ORDER BY seq LIMIT ?"));
  st->Bind(1, limit);
  return AllRows<SearchOutboxRow>(*st, [](const Statement& s) {
    SearchOutboxRow r;
    r.seq = s.Int(0);
    r.kind = s.Text(1);
    r.record_id = s.Int(2);
    return r;
  });
}

Result<std::int64_t> SqliteTransaction::CountSearchOutbox() {
  return Count("SELECT count(*) FROM search_outbox", [](Statement&) {});
}

Status SqliteTransaction::DeleteSearchOutboxThrough(std::int64_t seq) {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("DELETE FROM search_outbox WHERE seq<=?"));
  st->Bind(1, seq);
  return st->Run();
}

Status SqliteTransaction::QueueAllForSearch() {
  XUNCHA_ASSIGN_OR_RETURN(Statement * st, Prep("INSERT INTO search_outbox (kind, record_id) "
                                               "SELECT 'report', id FROM reports ORDER BY id"));
  XUNCHA_TRY(st->Run());
  XUNCHA_ASSIGN_OR_RETURN(Statement * fst, Prep("INSERT INTO search_outbox (kind, record_id) "
                                                "SELECT 'finding', id FROM findings ORDER BY id"));
  XUNCHA_TRY(fst->Run());
  XUNCHA_ASSIGN_OR_RETURN(Statement * cst, Prep("INSERT INTO search_outbox (kind, record_id) "
                                                "SELECT 'clue', id FROM clues ORDER BY id"));
  XUNCHA_TRY(cst->Run());
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * mst, Prep("INSERT INTO search_outbox (kind, record_id) "
                            "SELECT 'rectification', id FROM rectification_measures ORDER BY id"));
  return mst->Run();
}

Result<std::vector<Report>> SqliteTransaction::ListAllReportColumns() {
  XUNCHA_ASSIGN_OR_RETURN(
      Statement * st,
      Prep("SELECT id, version, number, assignment_id, round_id, group_id, unit_id, channel, "
           "state, received_at, registered_at, anonymous, sealed, demo FROM reports ORDER BY id"));
  return AllRows<Report>(*st, [](const Statement& s) {
    Report r;
    r.id = ReportId(s.Int(0));
    r.version = static_cast<int>(s.Int(1));
    r.number = s.Text(2);
    r.assignment_id = AssignmentId(s.Int(3));
    r.round_id = RoundId(s.Int(4));
    r.group_id = GroupId(s.Int(5));
    r.unit_id = UnitId(s.Int(6));
    r.channel = ParseChannel(s.Text(7)).value_or(Channel::kWeb);
    r.state = ParseReportState(s.Text(8)).value_or(ReportState::kRegistered);
    r.received_at = s.Int(9);
    r.registered_at = s.Int(10);
    r.anonymous = s.Int(11) != 0;
    r.sealed = s.Int(12) != 0;
    r.demo = s.Int(13) != 0;
    return r;
  });
}

}  // namespace xuncha::sqlite
