// Full-text search (检索) over the records a caller may see (docs/search.md).
//
// The index is held in memory: every indexed record's normalised text, its n-gram postings in
// segments, and the plain columns that scopes and filters need. At rest it is a list of
// segments sealed with the search key; the storage queues every record change in an outbox in
// the same transaction, and Sync() folds the outbox into a new segment (in one transaction
// that also empties those outbox rows), so the index never misses a committed change, even
// across a crash. Reindex() rebuilds everything; a generation number in the settings tells
// other processes (a running server) to reload.
//
// Thread-safe: searches run concurrently; Sync, Merge and Reindex are serialised.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "app/clue_service.h"
#include "app/finding_service.h"
#include "app/rectification_service.h"
#include "app/report_service.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/search_index.h"
#include "domain/search_result.h"
#include "domain/search_segment_file.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct SearchRequest {
  std::string q;
  // "report", "finding", "clue" or "rectification" (a measure); every kind when unset.
  std::optional<std::string> kind;
  std::optional<RoundId> round_id;
  std::optional<GroupId> group_id;
  std::optional<UnitId> unit_id;
  std::optional<Channel> channel;  // reports only: a finding has no channel
  // A report state (registered, ...), a finding state (draft, confirmed, withdrawn) or a clue
  // state (draft, handed_over, ...).
  std::optional<std::string> state;
  std::optional<std::string> discipline;  // decided at triage, or given to a finding or clue
  std::optional<Date> from;               // received (written) on or after (China time)
  std::optional<Date> to;                 // received (written) on or before
  enum class Order { kRelevance, kDate };
  Order order = Order::kRelevance;
};

struct SearchHit {
  std::string kind;                  // "report", "finding", "clue" or "rectification"
  ReportView report;                 // kind report
  FindingView finding;               // kind finding
  ClueView clue;                     // kind clue
  MeasureView measure;               // kind rectification
  double score = 0;                  // relevance (0 when ordered by date beyond the ranked set)
  std::vector<SnippetPart> snippet;  // empty for sealed reports (never excerpted into lists)
};

struct SearchResults {
  std::int64_t total = 0;  // matches in the caller's scope, all pages
  std::vector<SearchHit> items;
  std::vector<std::string> terms;  // the normalised positive terms, for highlighting
};

struct SearchStats {
  std::size_t docs = 0;      // live indexed records
  std::size_t segments = 0;  // stored segments
  std::int64_t outbox = 0;   // records waiting to be indexed
};

class SearchService {
 public:
  // Normalises text as the index does (text::Normalize); errors for invalid UTF-8.
  using Normalizer = std::function<Result<std::string>(std::string_view)>;

  SearchService(Store& store, Crypto& crypto, AuditLog& audit, const Clock& clock,
                ReportService& reports, FindingService& findings, ClueService& clues,
                RectificationService& rectification, std::string search_key, Normalizer normalize)
      : store_(store),
        crypto_(crypto),
        audit_(audit),
        clock_(clock),
        reports_(reports),
        findings_(findings),
        clues_(clues),
        rectification_(rectification),
        key_(std::move(search_key)),
        normalize_(std::move(normalize)) {}

  // Told of every report text the index holds: after a (re)load of the whole index with
  // `changed` false for each record, and after each indexing pass with `changed` true for each
  // record whose text is new or changed; `text` null when the record is gone. Runs on the
  // thread that syncs, one call at a time. Set before the first Sync.
  using Observer =
      std::function<void(std::int64_t report_id, const std::string* text, bool changed)>;
  void SetObserver(Observer o) { observer_ = std::move(o); }
  // The normalised text the index holds of a report, if it holds one. For the observer (repeat
  // detection reads its candidates' texts); never answers a user.
  std::optional<std::string> ReportText(std::int64_t report_id) const;

  // Folds every queued change into the index (loading it first if needed, or again when
  // another process rebuilt it) and merges small segments. Returns the records (re)indexed.
  Result<int> Sync();

  // Reports, findings and clues matching `r.q` within the caller's scope and the filters, a page of
  // them with snippets. Brings the index up to date first, so a caller finds what he just saved.
  // kInvalidArgument "bad_search_query" for a query that cannot be parsed. Logged.
  Result<SearchResults> Search(const Actor& a, const SearchRequest& r, const PageRequest& page);

  // Drops every segment and indexes every record again (xuncha reindex). Returns the records.
  Result<int> Reindex();

  Result<SearchStats> Stats();

  // Beyond this many matches, relevance ranks the most recent ones; the rest follow by date.
  static constexpr std::size_t kRankLimit = 5000;
  // More segments than this are merged after a sync.
  static constexpr std::size_t kMaxSegments = 8;

 private:
  // The plain columns of a record that scopes and filters use, whatever its kind.
  struct Columns {
    RoundId round_id;
    GroupId group_id;
    UnitId unit_id;
    std::optional<Channel> channel;              // reports
    std::string state;                           // the kind's state name
    bool sealed = false;                         // reports: 越级, seen by few and never excerpted
    UnixSeconds at = 0;                          // received (report) or written (finding, clue)
    std::vector<Discipline> disciplines;         // findings, clues (a report's are in its triage)
    std::optional<ClueState> clue_state;         // clues: with the organ or not
    Organ organ = Organ::kDisciplineCommission;  // clues: to whom it is handed
    std::int64_t finding_id = 0;                 // measures: the problem they answer
  };
  static Columns ColumnsOf(const Report& r);
  static Columns ColumnsOf(const Finding& f);
  static Columns ColumnsOf(const Clue& c);
  static Columns ColumnsOf(const Measure& m);
  struct Doc {
    std::string kind;
    std::int64_t record_id = 0;
    std::string text;
    Columns columns;
    bool has_columns = false;
  };
  struct Segment {
    std::int64_t id = 0;
    std::shared_ptr<const SearchSegment> postings;
    std::vector<DocNo> docs;            // every doc number it holds (tombstones included)
    std::vector<SearchDoc> tombstones;  // records deleted: kept while older segments remain
  };
  struct State {
    std::string generation;
    std::map<DocNo, Doc> docs;  // live documents
    std::map<std::pair<std::string, std::int64_t>, DocNo> by_record;
    std::vector<Segment> segments;  // ascending id
    DocNo next_doc = 1;
    SearchIndex index;
    std::size_t total_chars = 0;  // of live texts, for BM25's average length
  };

  // Reads every segment and the report columns into a fresh state. REQUIRES sync_mu_.
  Result<std::unique_ptr<State>> Load();
  // Indexes one batch of the outbox; false when the outbox was empty. REQUIRES sync_mu_.
  Result<bool> DrainBatch(int& indexed);
  // Merges segments when there are too many. REQUIRES sync_mu_.
  Status MaybeMerge();
  Result<std::string> Generation(Transaction& tx);
  std::string SegmentContext(std::int64_t id) const;
  static void RebuildIndex(State& s);
  Result<int> SyncLocked();

  Store& store_;
  Crypto& crypto_;
  AuditLog& audit_;
  const Clock& clock_;
  ReportService& reports_;
  FindingService& findings_;
  ClueService& clues_;
  RectificationService& rectification_;
  std::string key_;
  Normalizer normalize_;
  Observer observer_;

  std::mutex sync_mu_;            // one Sync / Reindex at a time
  mutable std::shared_mutex mu_;  // guards state_ (searches read, Sync swaps and edits)
  std::unique_ptr<State> state_;  // null until the first Sync
};

}  // namespace xuncha
