#include "app/search_service.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>

#include "app/scope.h"
#include "domain/search_query.h"

namespace xuncha {
namespace {

constexpr int kChinaUtcOffset = 8 * 3600;
constexpr int kBatch = 5000;  // outbox rows folded per transaction
constexpr const char* kReportKind = "report";
constexpr const char* kFindingKind = "finding";
constexpr const char* kClueKind = "clue";
constexpr const char* kMeasureKind = "rectification";
constexpr const char* kGenerationSetting = "search_generation";

using RecordKey = std::pair<std::string, std::int64_t>;

Status NormalizeTerms(QueryNode& n, const SearchService::Normalizer& normalize) {
  if (n.kind == QueryNode::Kind::kTerm || n.kind == QueryNode::Kind::kPhrase) {
    auto norm = normalize(n.text);
    if (!norm.ok()) return InvalidArgument("term is not valid text", "bad_search_query");
    if (norm->empty())
      return InvalidArgument("a term is empty once normalised", "bad_search_query");
    n.text = std::move(*norm);
    return Ok();
  }
  for (auto& c : n.children) XUNCHA_TRY(NormalizeTerms(c, normalize));
  return Ok();
}

}  // namespace

SearchService::Columns SearchService::ColumnsOf(const Report& r) {
  Columns c;
  c.round_id = r.round_id;
  c.group_id = r.group_id;
  c.unit_id = r.unit_id;
  c.channel = r.channel;
  c.state = std::string(ReportStateName(r.state));
  c.sealed = r.sealed;
  c.at = r.received_at;
  return c;
}

SearchService::Columns SearchService::ColumnsOf(const Finding& f) {
  Columns c;
  c.round_id = f.round_id;
  c.group_id = f.group_id;
  c.unit_id = f.unit_id;
  c.state = std::string(FindingStateName(f.state));
  c.at = f.created_at;
  c.disciplines = f.disciplines;
  return c;
}

SearchService::Columns SearchService::ColumnsOf(const Clue& c) {
  Columns out;
  out.round_id = c.round_id;
  out.group_id = c.group_id;
  out.unit_id = c.unit_id;
  out.state = std::string(ClueStateName(c.state));
  out.at = c.created_at;
  out.disciplines = c.disciplines;
  out.clue_state = c.state;
  out.organ = c.organ;
  return out;
}

SearchService::Columns SearchService::ColumnsOf(const Measure& m) {
  Columns out;
  out.round_id = m.round_id;
  out.group_id = m.group_id;
  out.unit_id = m.unit_id;
  out.state = std::string(MeasureStateName(m.state));
  out.at = m.created_at;
  out.finding_id = m.finding_id.value;
  return out;
}

namespace {

bool HasDiscipline(const std::vector<Discipline>& ds, const std::optional<Discipline>& d) {
  return !d || std::find(ds.begin(), ds.end(), *d) != ds.end();
}

bool PassesFilters(const SearchRequest& f, const std::string& kind, const auto& c) {
  if (f.kind && kind != *f.kind) return false;
  if (f.round_id && c.round_id != *f.round_id) return false;
  if (f.group_id && c.group_id != *f.group_id) return false;
  if (f.unit_id && c.unit_id != *f.unit_id) return false;
  if (f.channel && c.channel != f.channel) return false;
  if (f.state && c.state != *f.state) return false;
  if (f.from || f.to) {
    const Date d = Date::OfTimestamp(c.at, kChinaUtcOffset);
    if (f.from && d < *f.from) return false;
    if (f.to && *f.to < d) return false;
  }
  return true;
}

std::vector<std::int64_t> SegmentIds(const std::vector<SearchSegmentRow>& rows) {
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

}  // namespace

std::string SearchService::SegmentContext(std::int64_t id) const {
  return "search-segment:" + std::to_string(id);
}

Result<std::string> SearchService::Generation(Transaction& tx) {
  XUNCHA_ASSIGN_OR_RETURN(auto g, tx.GetSetting(kGenerationSetting));
  return g.value_or("0");
}

void SearchService::RebuildIndex(State& s) {
  s.index = SearchIndex();
  s.total_chars = 0;
  for (const auto& seg : s.segments) {
    s.index.Add(seg.postings);
    for (DocNo no : seg.docs) {
      if (s.docs.count(no) == 0) s.index.Remove(no);
    }
  }
  for (const auto& [no, d] : s.docs) s.total_chars += d.text.size();
}

Result<std::unique_ptr<SearchService::State>> SearchService::Load() {
  auto s = std::make_unique<State>();
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(s->generation, Generation(*tx));
  // One sealed box in memory at a time: the boxes together are as large as the index.
  XUNCHA_ASSIGN_OR_RETURN(auto listed, tx->ListSearchSegments(/*with_box=*/false));
  for (const auto& entry : listed) {
    XUNCHA_ASSIGN_OR_RETURN(SearchSegmentRow row, tx->GetSearchSegment(entry.id));
    auto damaged = [&row] {
      return Error::Make(
          ErrorCode::kFailedPrecondition,
          "search segment " + std::to_string(row.id) + " cannot be read (run: xuncha reindex)",
          "search_index_damaged");
    };
    auto plain = crypto_.Open(key_, row.box, SegmentContext(row.id));
    if (!plain.ok()) return damaged();
    std::string().swap(row.box);
    auto file = DecodeSegmentFile(*plain);
    std::string().swap(*plain);
    if (!file.ok()) return damaged();
    Segment seg;
    seg.id = row.id;
    for (auto& d : file->docs) {
      seg.docs.push_back(d.no);
      s->next_doc = std::max<DocNo>(s->next_doc, d.no + 1);
      RecordKey key{d.kind, d.record_id};
      if (auto it = s->by_record.find(key); it != s->by_record.end()) {
        s->docs.erase(it->second);
        s->by_record.erase(it);
      }
      if (d.deleted) {
        seg.tombstones.push_back(d);
        continue;
      }
      s->by_record[key] = d.no;
      s->docs[d.no] = Doc{std::move(d.kind), d.record_id, std::move(d.text), {}, false};
    }
    seg.postings = std::make_shared<const SearchSegment>(std::move(file->segment));
    s->segments.push_back(std::move(seg));
  }
  XUNCHA_ASSIGN_OR_RETURN(auto columns, tx->ListAllReportColumns());
  for (const auto& r : columns) {
    auto it = s->by_record.find({kReportKind, r.id.value});
    if (it == s->by_record.end()) continue;
    Doc& d = s->docs[it->second];
    d.columns = ColumnsOf(r);
    d.has_columns = true;
  }
  auto fill = [&s](const char* kind, std::int64_t id, Columns c) {
    auto it = s->by_record.find({kind, id});
    if (it == s->by_record.end()) return;
    Doc& d = s->docs[it->second];
    d.columns = std::move(c);
    d.has_columns = true;
  };
  XUNCHA_ASSIGN_OR_RETURN(auto finding_columns, tx->ListAllFindingColumns());
  for (const auto& f : finding_columns) fill(kFindingKind, f.id.value, ColumnsOf(f));
  XUNCHA_ASSIGN_OR_RETURN(auto clue_columns, tx->ListAllClueColumns());
  for (const auto& c : clue_columns) fill(kClueKind, c.id.value, ColumnsOf(c));
  XUNCHA_ASSIGN_OR_RETURN(auto measure_columns, tx->ListAllMeasureColumns());
  for (const auto& m : measure_columns) fill(kMeasureKind, m.id.value, ColumnsOf(m));
  RebuildIndex(*s);
  return s;
}

Result<bool> SearchService::DrainBatch(int& indexed) {
  State& cur = *state_;
  {
    // Cheap check first, so that a search with nothing pending takes no write lock.
    XUNCHA_ASSIGN_OR_RETURN(auto rtx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(std::int64_t pending, rtx->CountSearchOutbox());
    if (pending == 0) return false;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(auto rows, tx->ListSearchOutbox(kBatch));
  if (rows.empty()) return false;

  // The newest row of each record decides; the record is read as it is now.
  std::vector<RecordKey> keys;
  std::map<RecordKey, bool> seen;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    RecordKey k{it->kind, it->record_id};
    if (seen.emplace(k, true).second) keys.push_back(std::move(k));
  }
  std::reverse(keys.begin(), keys.end());

  DocNo next = cur.next_doc;
  std::vector<SearchDoc> new_docs;
  std::vector<std::pair<RecordKey, Columns>> columns;
  for (const auto& key : keys) {
    const auto existing = cur.by_record.find(key);
    std::optional<std::string> raw;  // nullopt: the record is gone
    Columns cols;
    std::string fallback;  // indexed should the text fail to normalise
    if (key.first == kReportKind) {
      auto rec = tx->GetReport(ReportId(key.second));
      if (rec.ok()) {
        XUNCHA_ASSIGN_OR_RETURN(raw, reports_.SearchText(*rec));
        cols = ColumnsOf(rec->report);
        fallback = rec->report.number;
      } else if (rec.error().code != ErrorCode::kNotFound) {
        return rec.error();
      }
    } else if (key.first == kFindingKind) {
      auto rec = tx->GetFinding(FindingId(key.second));
      if (rec.ok()) {
        XUNCHA_ASSIGN_OR_RETURN(raw, findings_.SearchText(*tx, *rec));
        cols = ColumnsOf(rec->finding);
      } else if (rec.error().code != ErrorCode::kNotFound) {
        return rec.error();
      }
    } else if (key.first == kClueKind) {
      auto rec = tx->GetClue(ClueId(key.second));
      if (rec.ok()) {
        XUNCHA_ASSIGN_OR_RETURN(raw, clues_.SearchText(*rec));
        cols = ColumnsOf(rec->clue);
      } else if (rec.error().code != ErrorCode::kNotFound) {
        return rec.error();
      }
    } else if (key.first == kMeasureKind) {
      auto rec = tx->GetMeasure(MeasureId(key.second));
      if (rec.ok()) {
        XUNCHA_ASSIGN_OR_RETURN(raw, rectification_.SearchText(*rec));
        cols = ColumnsOf(rec->measure);
      } else if (rec.error().code != ErrorCode::kNotFound) {
        return rec.error();
      }
    } else {
      continue;  // a kind this version does not index
    }
    if (!raw) {
      if (existing != cur.by_record.end()) {
        new_docs.push_back({next++, key.first, key.second, /*deleted=*/true, ""});
      }
      continue;
    }
    auto norm = normalize_(*raw);
    // Stored text was valid UTF-8 when it was saved; should one still fail, the record stays
    // findable by its filters (and a report by its number).
    std::string text = norm.ok() ? std::move(*norm) : fallback;
    const bool same = existing != cur.by_record.end() && cur.docs.at(existing->second).text == text;
    if (!same) new_docs.push_back({next++, key.first, key.second, false, std::move(text)});
    columns.emplace_back(key, std::move(cols));
  }

  Segment seg;
  if (!new_docs.empty()) {
    seg.id = cur.segments.empty() ? 1 : cur.segments.back().id + 1;
    auto postings = std::make_shared<SearchSegment>(BuildPostings(new_docs));
    SearchSegmentRow row;
    row.id = seg.id;
    row.docs = static_cast<std::int64_t>(new_docs.size());
    row.created_at = clock_.Now();
    row.box = crypto_.Seal(key_, EncodeSegmentFile(new_docs, *postings), SegmentContext(seg.id));
    XUNCHA_TRY(tx->PutSearchSegment(row));
    seg.postings = std::move(postings);
    for (const auto& d : new_docs) {
      seg.docs.push_back(d.no);
      if (d.deleted) seg.tombstones.push_back(d);
    }
  }
  XUNCHA_TRY(tx->DeleteSearchOutboxThrough(rows.back().seq));
  XUNCHA_TRY(tx->Commit());
  tx.reset();  // the observer below may write (repeat links): the write lock must be free

  std::unique_lock lock(mu_);
  for (auto& d : new_docs) {
    RecordKey key{d.kind, d.record_id};
    if (auto it = cur.by_record.find(key); it != cur.by_record.end()) {
      cur.total_chars -= cur.docs.at(it->second).text.size();
      cur.index.Remove(it->second);
      cur.docs.erase(it->second);
      cur.by_record.erase(it);
    }
    if (d.deleted) continue;
    cur.total_chars += d.text.size();
    cur.by_record[key] = d.no;
    cur.docs[d.no] = Doc{d.kind, d.record_id, std::move(d.text), {}, false};
    ++indexed;
  }
  for (auto& [key, r] : columns) {
    auto it = cur.by_record.find(key);
    if (it == cur.by_record.end()) continue;
    Doc& d = cur.docs.at(it->second);
    d.columns = std::move(r);
    d.has_columns = true;
  }
  if (seg.postings) {
    cur.index.Add(seg.postings);
    cur.segments.push_back(std::move(seg));
  }
  cur.next_doc = next;
  lock.unlock();
  if (observer_) {
    for (const auto& d : new_docs) {
      if (d.kind != kReportKind) continue;
      auto it = cur.by_record.find({d.kind, d.record_id});
      observer_(d.record_id, it == cur.by_record.end() ? nullptr : &cur.docs.at(it->second).text,
                true);
    }
  }
  return true;
}

Status SearchService::MaybeMerge() {
  State& cur = *state_;
  if (cur.segments.size() <= kMaxSegments) return Ok();
  // Merge the small segments into one; the largest stays unless it is not much larger than
  // the rest together (a log-structured merge: each document is rewritten O(log n) times).
  std::size_t largest = 0;
  std::size_t rest = 0;
  for (std::size_t i = 0; i < cur.segments.size(); ++i) {
    if (cur.segments[i].docs.size() > cur.segments[largest].docs.size()) largest = i;
  }
  for (std::size_t i = 0; i < cur.segments.size(); ++i) {
    if (i != largest) rest += cur.segments[i].docs.size();
  }
  const bool keep_largest = cur.segments[largest].docs.size() >= 4 * rest;
  std::vector<std::int64_t> merged_ids;
  // The live texts are read where the state holds them (nothing else changes the state while
  // sync_mu_ is held): a merge of everything must not hold several copies of every text.
  std::vector<SearchDocView> docs;
  for (std::size_t i = 0; i < cur.segments.size(); ++i) {
    if (keep_largest && i == largest) continue;
    merged_ids.push_back(cur.segments[i].id);
    for (DocNo no : cur.segments[i].docs) {
      auto it = cur.docs.find(no);
      if (it != cur.docs.end()) {
        docs.push_back({no, it->second.kind, it->second.record_id, false, it->second.text});
      }
    }
  }
  // A record deleted since the largest segment was written must stay deleted when that
  // segment stays: its tombstones move into the merged segment. Merging everything drops them.
  if (keep_largest) {
    for (std::size_t i = 0; i < cur.segments.size(); ++i) {
      if (i == largest) continue;
      for (const auto& t : cur.segments[i].tombstones) {
        docs.push_back({t.no, t.kind, t.record_id, true, t.text});
      }
    }
  }
  std::sort(docs.begin(), docs.end(),
            [](const SearchDocView& a, const SearchDocView& b) { return a.no < b.no; });
  auto postings = std::make_shared<SearchSegment>(BuildPostings(docs));
  Segment seg;
  seg.id = cur.segments.back().id + 1;
  seg.postings = postings;
  for (const auto& d : docs) {
    seg.docs.push_back(d.no);
    if (d.deleted) {
      seg.tombstones.push_back({d.no, std::string(d.kind), d.record_id, true, std::string(d.text)});
    }
  }
  SearchSegmentRow row;
  row.id = seg.id;
  row.docs = static_cast<std::int64_t>(docs.size());
  row.created_at = clock_.Now();
  row.box = crypto_.Seal(key_, EncodeSegmentFile(docs, *postings), SegmentContext(seg.id));
  docs.clear();

  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(std::string gen, Generation(*tx));
  XUNCHA_ASSIGN_OR_RETURN(auto rows, tx->ListSearchSegments(false));
  std::vector<std::int64_t> known;
  for (const auto& s : cur.segments) known.push_back(s.id);
  // Someone else changed the index meanwhile: leave it; the next Sync reloads.
  if (gen != cur.generation || SegmentIds(rows) != known) return Ok();
  for (std::int64_t id : merged_ids) XUNCHA_TRY(tx->DeleteSearchSegment(id));
  XUNCHA_TRY(tx->PutSearchSegment(row));
  XUNCHA_TRY(tx->Commit());

  std::unique_lock lock(mu_);
  std::vector<Segment> kept;
  for (auto& s : cur.segments) {
    if (std::find(merged_ids.begin(), merged_ids.end(), s.id) == merged_ids.end()) {
      kept.push_back(std::move(s));
    }
  }
  kept.push_back(std::move(seg));
  cur.segments = std::move(kept);
  RebuildIndex(cur);
  return Ok();
}

Result<int> SearchService::SyncLocked() {
  int indexed = 0;
  for (int reloads = 0;; ++reloads) {
    if (reloads > 3) {
      return Error::Make(ErrorCode::kUnavailable, "search index keeps changing underneath",
                         "search_busy");
    }
    bool stale = state_ == nullptr;
    if (!stale) {
      // Another process (xuncha reindex, a second server) may have rewritten the segments.
      XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
      XUNCHA_ASSIGN_OR_RETURN(std::string gen, Generation(*tx));
      XUNCHA_ASSIGN_OR_RETURN(auto rows, tx->ListSearchSegments(false));
      std::vector<std::int64_t> known;
      for (const auto& s : state_->segments) known.push_back(s.id);
      stale = gen != state_->generation || SegmentIds(rows) != known;
    }
    if (stale) {
      XUNCHA_ASSIGN_OR_RETURN(auto fresh, Load());
      {
        std::unique_lock lock(mu_);
        state_ = std::move(fresh);
      }
      if (observer_) {
        for (const auto& [no, d] : state_->docs) {
          if (d.kind == kReportKind) observer_(d.record_id, &d.text, false);
        }
      }
    }
    // Drain; a segment written by someone else between the check and the write shows up as
    // a taken id (kAlreadyExists): reload and go on.
    bool again = false;
    while (true) {
      auto more = DrainBatch(indexed);
      if (!more.ok()) {
        if (more.error().code == ErrorCode::kAlreadyExists) {
          again = true;
          break;
        }
        return more.error();
      }
      if (!*more) break;
    }
    if (again) {
      std::unique_lock lock(mu_);
      state_.reset();
      continue;
    }
    break;
  }
  XUNCHA_TRY(MaybeMerge());
  return indexed;
}

Result<int> SearchService::Sync() {
  std::lock_guard lock(sync_mu_);
  return SyncLocked();
}

Result<int> SearchService::Reindex() {
  std::lock_guard lock(sync_mu_);
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    XUNCHA_ASSIGN_OR_RETURN(std::string gen, Generation(*tx));
    std::int64_t n = 0;
    try {
      n = std::stoll(gen);
    } catch (const std::exception&) {
      n = 0;
    }
    XUNCHA_TRY(tx->DeleteAllSearchSegments());
    XUNCHA_TRY(tx->DeleteSearchOutboxThrough(std::numeric_limits<std::int64_t>::max()));
    XUNCHA_TRY(tx->QueueAllForSearch());
    XUNCHA_TRY(tx->PutSetting(kGenerationSetting, std::to_string(n + 1)));
    XUNCHA_TRY(tx->Commit());
  }
  {
    std::unique_lock state_lock(mu_);
    state_.reset();
  }
  return SyncLocked();
}

Result<SearchStats> SearchService::Stats() {
  XUNCHA_TRY(Sync());
  SearchStats out;
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(out.outbox, tx->CountSearchOutbox());
  std::shared_lock lock(mu_);
  if (state_) {
    out.docs = state_->docs.size();
    out.segments = state_->segments.size();
  }
  return out;
}

Result<SearchResults> SearchService::Search(const Actor& a, const SearchRequest& r,
                                            const PageRequest& page) {
  XUNCHA_ASSIGN_OR_RETURN(QueryNode q, ParseSearchQuery(r.q));
  XUNCHA_TRY(NormalizeTerms(q, normalize_));
  SearchResults out;
  out.terms = PositiveTerms(q);
  // Each kind the caller may read at all, with its scope; a role that reads neither is refused.
  std::optional<ReportScope> report_scope;
  std::optional<FindingScope> finding_scope;
  std::optional<ClueScope> clue_scope;
  std::optional<RectificationScope> measure_scope;
  std::set<std::int64_t> problems;  // measures count while their problem is on a list
  std::optional<std::set<std::int64_t>> with_discipline;
  std::optional<Discipline> discipline;
  if (r.discipline) discipline = DisciplineFromKey(*r.discipline);
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    auto rs = reports_.ScopeFor(*tx, a);
    if (rs.ok()) {
      report_scope = std::move(*rs);
    } else if (rs.error().code != ErrorCode::kPermissionDenied) {
      return rs.error();
    }
    auto fs = findings_.ScopeFor(*tx, a);
    if (fs.ok()) {
      finding_scope = std::move(*fs);
    } else if (fs.error().code != ErrorCode::kPermissionDenied) {
      return fs.error();
    }
    auto cs = clues_.ScopeFor(*tx, a);
    if (cs.ok()) {
      clue_scope = std::move(*cs);
    } else if (cs.error().code != ErrorCode::kPermissionDenied) {
      return cs.error();
    }
    auto ms = rectification_.ScopeFor(*tx, a);
    if (ms.ok()) {
      measure_scope = std::move(*ms);
      XUNCHA_ASSIGN_OR_RETURN(problems, RectificationService::ProblemIds(*tx));
    } else if (ms.error().code != ErrorCode::kPermissionDenied) {
      return ms.error();
    }
    if (!report_scope && !finding_scope && !clue_scope && !measure_scope) {
      return Forbidden("search is for the office, the groups, the units and the clue recipients");
    }
    if (r.discipline && report_scope) {
      XUNCHA_ASSIGN_OR_RETURN(auto ids, tx->ReportsWithDiscipline(*r.discipline));
      with_discipline.emplace();
      for (ReportId id : ids) with_discipline->insert(id.value);
    }
  }
  XUNCHA_TRY(Sync());

  struct Ranked {
    DocNo no;
    std::int64_t record_id;
    UnixSeconds at;
    double score;
  };
  std::vector<Ranked> ranked;
  std::vector<SearchHit> hits;
  std::vector<ReportId> report_ids;
  std::vector<FindingId> finding_ids;
  std::vector<ClueId> clue_ids;
  std::vector<MeasureId> measure_ids;
  {
    std::shared_lock lock(mu_);
    const State& s = *state_;
    // The caller's scope and the filters first: what lies outside is never counted, ranked
    // or verified.
    std::vector<DocNo> within;
    auto visible = [&](const Doc& d) {
      if (!d.has_columns) return false;
      const Columns& c = d.columns;
      if (d.kind == kReportKind) {
        if (!report_scope) return false;
        const bool group_ok = report_scope->all || Contains(report_scope->groups, c.group_id);
        const bool sealed_ok = !c.sealed || report_scope->sealed_all ||
                               Contains(report_scope->sealed_groups, c.group_id);
        return group_ok && sealed_ok &&
               (!with_discipline || with_discipline->count(d.record_id) > 0);
      }
      if (d.kind == kFindingKind) {
        if (!finding_scope) return false;
        if (!finding_scope->all && !Contains(finding_scope->groups, c.group_id)) return false;
        return HasDiscipline(c.disciplines, discipline);
      }
      if (d.kind == kClueKind) {
        if (!clue_scope || !c.clue_state) return false;
        if (!clue_scope->Sees(c.group_id, c.organ, *c.clue_state)) return false;
        return HasDiscipline(c.disciplines, discipline);
      }
      if (d.kind == kMeasureKind) {
        // A measure has no discipline of its own.
        return measure_scope && measure_scope->Sees(c.group_id, c.unit_id) && !discipline &&
               problems.count(c.finding_id) > 0;
      }
      return false;
    };
    for (const auto& [no, d] : s.docs) {
      if (visible(d) && PassesFilters(r, d.kind, d.columns)) within.push_back(no);
    }
    auto text_of = [&s](DocNo no) -> const std::string* {
      auto it = s.docs.find(no);
      return it == s.docs.end() ? nullptr : &it->second.text;
    };
    const std::vector<DocNo> matches = s.index.Evaluate(q, text_of, &within);
    out.total = static_cast<std::int64_t>(matches.size());
    ranked.reserve(matches.size());
    for (DocNo no : matches) {
      const Doc& d = s.docs.at(no);
      ranked.push_back({no, d.record_id, d.columns.at, 0});
    }
    auto newer = [](const Ranked& x, const Ranked& y) {
      return x.at != y.at ? x.at > y.at : x.record_id > y.record_id;
    };
    std::sort(ranked.begin(), ranked.end(), newer);
    if (r.order == SearchRequest::Order::kRelevance && !out.terms.empty()) {
      const std::size_t n = std::min(ranked.size(), kRankLimit);
      std::vector<std::vector<std::size_t>> tf(n, std::vector<std::size_t>(out.terms.size()));
      std::vector<std::size_t> df(out.terms.size());
      for (std::size_t i = 0; i < n; ++i) {
        const std::string& text = s.docs.at(ranked[i].no).text;
        for (std::size_t t = 0; t < out.terms.size(); ++t) {
          tf[i][t] = CountOccurrences(text, out.terms[t]);
          df[t] += tf[i][t] > 0 ? 1 : 0;
        }
      }
      const double avg =
          s.docs.empty() ? 0
                         : static_cast<double>(s.total_chars) / static_cast<double>(s.docs.size());
      for (std::size_t i = 0; i < n; ++i) {
        std::vector<Bm25Term> terms;
        for (std::size_t t = 0; t < out.terms.size(); ++t) terms.push_back({tf[i][t], df[t]});
        ranked[i].score = Bm25(terms, s.docs.at(ranked[i].no).text.size(), avg, s.docs.size());
      }
      std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n),
                       [](const Ranked& x, const Ranked& y) { return x.score > y.score; });
    }
    const auto from = static_cast<std::size_t>(std::max(0, page.offset()));
    for (std::size_t i = from;
         i < ranked.size() && hits.size() < static_cast<std::size_t>(page.page_size); ++i) {
      const Doc& d = s.docs.at(ranked[i].no);
      SearchHit h;
      h.kind = d.kind;
      h.score = ranked[i].score;
      if (!d.columns.sealed) h.snippet = MakeSnippet(d.text, out.terms);
      if (d.kind == kReportKind) {
        h.report.report.id = ReportId(ranked[i].record_id);
        report_ids.push_back(h.report.report.id);
      } else if (d.kind == kFindingKind) {
        h.finding.finding.id = FindingId(ranked[i].record_id);
        finding_ids.push_back(h.finding.finding.id);
      } else if (d.kind == kClueKind) {
        h.clue.clue.id = ClueId(ranked[i].record_id);
        clue_ids.push_back(h.clue.clue.id);
      } else {
        h.measure.measure.id = MeasureId(ranked[i].record_id);
        measure_ids.push_back(h.measure.measure.id);
      }
      hits.push_back(std::move(h));
    }
  }

  // The rows as the caller may see them now (the scope is checked again against the database).
  std::vector<ReportView> reports;
  std::vector<FindingView> findings;
  std::vector<ClueView> clues;
  std::vector<MeasureView> measures;
  if (!report_ids.empty()) {
    XUNCHA_ASSIGN_OR_RETURN(reports, reports_.Summaries(a, report_ids));
  }
  if (!finding_ids.empty()) {
    XUNCHA_ASSIGN_OR_RETURN(findings, findings_.Summaries(a, finding_ids));
  }
  if (!clue_ids.empty()) {
    XUNCHA_ASSIGN_OR_RETURN(clues, clues_.Summaries(a, clue_ids));
  }
  if (!measure_ids.empty()) {
    XUNCHA_ASSIGN_OR_RETURN(measures, rectification_.Summaries(a, measure_ids));
  }
  std::size_t mv = 0;
  std::size_t rv = 0;
  std::size_t fv = 0;
  std::size_t cv = 0;
  for (auto& h : hits) {
    if (h.kind == kReportKind) {
      if (rv < reports.size() && reports[rv].report.id == h.report.report.id) {
        h.report = std::move(reports[rv++]);
        out.items.push_back(std::move(h));
      }
    } else if (h.kind == kFindingKind) {
      if (fv < findings.size() && findings[fv].finding.id == h.finding.finding.id) {
        h.finding = std::move(findings[fv++]);
        out.items.push_back(std::move(h));
      }
    } else if (h.kind == kClueKind) {
      if (cv < clues.size() && clues[cv].clue.id == h.clue.clue.id) {
        h.clue = std::move(clues[cv++]);
        out.items.push_back(std::move(h));
      }
    } else if (mv < measures.size() && measures[mv].measure.id == h.measure.measure.id) {
      h.measure = std::move(measures[mv++]);
      out.items.push_back(std::move(h));
    }
  }
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    // The query itself is not written: it is report content (names, acts) and the log is
    // stored in the clear. Who searched, when, how broadly and how much was found is.
    const int filters = (r.kind ? 1 : 0) + (r.discipline ? 1 : 0) + (r.round_id ? 1 : 0) +
                        (r.group_id ? 1 : 0) + (r.unit_id ? 1 : 0) + (r.channel ? 1 : 0) +
                        (r.state ? 1 : 0) + (r.from ? 1 : 0) + (r.to ? 1 : 0);
    XUNCHA_TRY(audit_.Append(*tx, a, "search", "search", "",
                             "terms=" + std::to_string(out.terms.size()) +
                                 " filters=" + std::to_string(filters) +
                                 " results=" + std::to_string(out.total)));
    XUNCHA_TRY(tx->Commit());
  }
  return out;
}

std::optional<std::string> SearchService::ReportText(std::int64_t report_id) const {
  std::shared_lock lock(mu_);
  if (!state_) return std::nullopt;
  auto it = state_->by_record.find({std::string(kReportKind), report_id});
  if (it == state_->by_record.end()) return std::nullopt;
  return state_->docs.at(it->second).text;
}

}  // namespace xuncha
