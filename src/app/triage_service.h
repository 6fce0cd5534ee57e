// Triage (研判): for one report, who it is about (roster matches), whether it is in scope, which
// disciplines and articles it may concern, and which other reports repeat it — all suggestions,
// decided by people (docs/triage.md). Staff decisions are stored and teach the classifier.
//
// Repeat detection runs on the texts the search index holds (SearchService::SetObserver): every
// report indexed is fingerprinted into an in-memory LSH index, and a new or changed one is
// linked to the reports it repeats (repeat_links). Links are never merges; staff split wrong
// ones and a split pair is never linked again automatically.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/actor.h"
#include "app/audit_log.h"
#include "app/discipline_catalogue.h"
#include "app/report_service.h"
#include "app/search_service.h"
#include "core/clock.h"
#include "domain/discipline_classifier.h"
#include "domain/discipline_metrics.h"
#include "domain/near_duplicate.h"
#include "domain/person_match.h"
#include "domain/scope_suggestion.h"
#include "ports/crypto.h"
#include "ports/store.h"

namespace xuncha {

struct TriagePerson {
  Leader leader;
  PersonMatch match;
};

struct TriageDiscipline {
  DisciplineSuggestion suggestion;
  std::vector<Article> articles;  // from the catalogue, same order as suggestion.articles
};

struct RepeatMember {
  ReportView report;
  double similarity = 0;  // of the direct link to the report asked about; 0 when indirect
  std::string origin;     // automatic | staff; empty when indirect
  std::string basis;      // text | facts | staff; empty when indirect
  std::vector<std::string> shared_facts;  // for a facts link: the facts both state, rarest
                                          // kinds first (places, amounts, dates, numbers)
};

struct TriageDecision {
  int version = 0;  // 0: none yet
  std::string scope;
  std::vector<std::string> disciplines;
  std::vector<int> articles;
  std::vector<LeaderId> leaders;
  std::string note;
  std::string decided_by_name;
  UnixSeconds decided_at = 0;
};

struct TriageView {
  ReportId report_id;
  // "trained": the learnt model; "cues": catalogue cue phrases only (the model is being trained
  // in the background and is used from the next view on).
  std::string classifier;
  std::vector<TriagePerson> persons;
  std::vector<std::string> unmatched;  // named persons on no roster
  ScopeSuggestion scope;
  std::vector<TriageDiscipline> disciplines;  // empty: unclear
  std::vector<RepeatMember> repeats;          // the other members of its repeat group in scope
  std::vector<Leader> roster;                 // to choose from when correcting
  std::optional<TriageDecision> decision;
};

struct TriageInput {
  int version = 0;  // of the decision being replaced; 0 for the first
  std::string scope;
  std::vector<std::string> disciplines;
  std::vector<int> articles;
  std::vector<LeaderId> leaders;
  std::string note;
};

struct ModelReport {
  std::size_t train_examples = 0;  // labelled train split + staff decisions
  std::size_t staff_examples = 0;
  DisciplineMetrics test;  // on the labelled set's test split, never trained on
};

class TriageService {
 public:
  using Normalizer = SearchService::Normalizer;
  // One Han character to its toneless pinyin ("" for none).
  using PinyinFn = std::function<std::string(std::string_view)>;

  TriageService(Store& store, Crypto& crypto, AuditLog& audit, const Clock& clock,
                ReportService& reports, SearchService& search, std::string content_key,
                Normalizer normalize, PinyinFn pinyin)
      : store_(store),
        crypto_(crypto),
        audit_(audit),
        clock_(clock),
        reports_(reports),
        search_(search),
        content_key_(std::move(content_key)),
        normalize_(std::move(normalize)),
        pinyin_(std::move(pinyin)) {}

  ~TriageService();
  TriageService(const TriageService&) = delete;
  TriageService& operator=(const TriageService&) = delete;

  // Loads the catalogue (the office's edited copy, else `shipped_catalogue_json`), the labelled
  // set, the stored model (trained on the labelled train split plus staff decisions; when there
  // is none, the first triage view trains one in the background and cue phrases answer until
  // it is ready), loads the repeat links and registers with the search service for repeat
  // detection. Call once, before the search service's first Sync.
  Status Start(const std::string& shipped_catalogue_json, const std::string& labelled_jsonl);
  // Off: no background training (tests); the model comes only from Retrain or PutCatalogue.
  void SetBackgroundTraining(bool on) { background_training_ = on; }
  // Where failures that have no caller to answer go (repeat links written by the indexer's
  // observer, background training): the server logs them. Set before Start.
  void SetWarningSink(std::function<void(const std::string&)> sink) { warn_ = std::move(sink); }

  // Suggestions and the decision for one report the caller may see (kNotFound otherwise).
  // Logged like a read of the report.
  Result<TriageView> Get(const Actor& a, ReportId id);
  // Stores the staff's decision (validated against the roster and catalogue); kAborted for a
  // stale version. Logged.
  Result<TriageView> Decide(const Actor& a, ReportId id, const TriageInput& in);
  // Staff say `id` and `other` are not repeats (both must be in the caller's scope).
  Status Split(const Actor& a, ReportId id, ReportId other);
  // Staff link two reports as repeats by hand.
  Status Link(const Actor& a, ReportId id, ReportId other);

  Result<ArticleCatalogue> Catalogue(const Actor& a);
  // The office replaces the catalogue (JSON as in share/discipline/articles.json); the
  // classifier is retrained. Validation errors name the bad entries.
  Result<ModelReport> PutCatalogue(const Actor& a, const std::string& json);
  // Retrains on the labelled train split and all staff decisions; reports test-split metrics.
  Result<ModelReport> Retrain(const Actor& a);
  Result<ModelReport> LastModelReport(const Actor& a);

 private:
  // Trains on the labelled train split plus staff decisions, evaluates on the test split and
  // stores the model; then installs it.
  Result<ModelReport> Train();
  void TrainInBackground();
  void Observe(std::int64_t report_id, const std::string* text, bool changed);
  // The person keys ("leader:27") of a report for the repeat rule: the roster persons its
  // indexed (normalised) text names with at least kRepeatPersonConfidence, sorted. Empty when
  // unknown. `fresh` reads the roster again; otherwise a roster read in the last minute is
  // reused.
  std::vector<std::string> PersonKeys(ReportId id, const std::string& text, bool fresh);
  // PersonKeys of an indexed report, from its text in the search index, remembered until the
  // report changes: only the candidates of a new report need them, never a whole replay.
  std::vector<std::string> PersonsOf(ReportId id);
  std::string NormalizeOr(std::string_view s) const;
  Result<std::vector<Leader>> Roster(Transaction& tx, const Report& r);
  Status CheckHandler(const Actor& a) const;
  Status CheckVisible(const Actor& a, const std::vector<ReportId>& ids);

  Store& store_;
  Crypto& crypto_;
  AuditLog& audit_;
  const Clock& clock_;
  ReportService& reports_;
  SearchService& search_;
  std::string content_key_;
  Normalizer normalize_;
  PinyinFn pinyin_;

  std::mutex train_mu_;  // one training at a time
  std::thread trainer_;
  std::atomic<bool> training_started_{false};
  bool background_training_ = true;
  std::function<void(const std::string&)> warn_;
  void Warn(const std::string& what, const Error& e) {
    if (warn_) warn_(what + ": " + e.message);
  }

  mutable std::shared_mutex mu_;  // guards everything below
  ArticleCatalogue catalogue_;
  std::vector<LabelledExample> labelled_;
  std::unique_ptr<DisciplineClassifier> classifier_;  // null until trained
  ModelReport model_report_;
  std::unique_ptr<RepeatIndex> repeats_;

  struct CachedRoster {
    std::vector<Leader> leaders;  // normalised
    UnixSeconds read_at = 0;
  };
  std::mutex roster_mu_;  // guards the two caches below
  std::map<std::pair<std::int64_t, std::int64_t>, CachedRoster> rosters_;  // (unit, round)
  std::map<std::int64_t, std::vector<std::string>> persons_of_;            // report -> keys
  // The person rule's bars; the index itself verifies at the lowest of them (docs/triage.md).
  RepeatParams rule_;
  RepeatGroups groups_;
  std::map<std::pair<std::int64_t, std::int64_t>, RepeatLinkRecord> links_;  // by (a, b)
};

}  // namespace xuncha
