// Repeat reports (重复件), the pure core (docs/repeats.md): MinHash signatures over character
// shingles of normalised text, an LSH banding index that finds the reports whose signatures are
// likely similar without scanning them all, a verification rule that combines the estimated
// Jaccard similarity with the persons each report names, and repeat groups made of links that
// staff can split. No I/O and no ICU: texts arrive already normalised (text::Normalize), person
// keys arrive already matched (e.g. "leader:17" for a roster leader).
//
// Thread safety: RepeatSignature is a value; RepeatIndex and RepeatGroups are not synchronised
// (const calls may run concurrently with each other, never with a mutating call).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "domain/repeat_facts.h"

namespace xuncha {

// The tunables, with the defaults chosen on the benchmark (bench/repeat/RESULTS.md).
struct RepeatParams {
  // Code points per shingle (1..4). Whitespace and punctuation are dropped before shingling.
  int shingle_length = 3;
  // Number of MinHash values per signature (8..1024); must equal bands * rows.
  int hash_count = 128;
  // LSH banding: `bands` groups of `rows` values; two signatures become candidates when all the
  // values of at least one band agree. Probability ≈ 1 - (1 - s^rows)^bands at Jaccard s.
  int bands = 32;
  int rows = 4;
  // Texts with fewer distinct shingles than this are never linked (a 5-character text carries
  // too little to call anything a repeat of it).
  int min_shingles = 12;
  // Verification: estimated Jaccard needed to call two reports repeats ...
  double threshold = 0.45;
  // ... lowered by this much when both name persons and share at least one,
  double shared_person_bonus = 0.10;
  // ... raised by this much when both name persons and share none.
  double different_person_penalty = 0.40;

  // Facts (repeat_facts.h): a paraphrase keeps the facts and rewords the text. Two reports
  // whose texts differ are repeats when their facts agree: with a person named by both, a
  // weighted Jaccard of at least `fact_threshold` over shared facts of at least
  // `fact_min_weight` bits; when one side or both name nobody, `fact_threshold_alone` and
  // shared facts worth `fact_margin_alone` bits more than log2 of the number of reports (so that
  // a chance agreement stays unlikely however many reports there are) and at least
  // `fact_min_weight`. Never when both name persons and share none.
  // Tuned by bench/repeat (repeat_bench --fact-sweep, seed 1; recorded in RESULTS.md).
  double fact_threshold = 0.30;
  double fact_min_weight = 12;
  double fact_threshold_alone = 0.60;
  double fact_margin_alone = 8;
};

// The MinHash signature of one normalised text.
class RepeatSignature {
 public:
  RepeatSignature() = default;

  // Fingerprints valid, normalised UTF-8 `text` (bytes that are not valid UTF-8 count as one
  // U+FFFD each rather than failing: the caller normalised already). REQUIRES: params valid
  // (ValidateRepeatParams).
  static RepeatSignature Of(std::string_view text, const RepeatParams& params);

  // Compact form: 8 header bytes (version, shingle length, hash count, distinct shingles)
  // then hash_count little-endian uint32 values; 520 bytes for 128 hashes.
  std::string Encode() const;
  // kInvalidArgument "bad_repeat_signature" for anything Encode did not produce.
  static Result<RepeatSignature> Decode(std::string_view bytes);

  // Estimated Jaccard similarity of the two texts' shingle sets: the share of equal values.
  // 0 when the signatures were made with different shingle lengths or hash counts.
  double Similarity(const RepeatSignature& other) const;

  int shingle_length() const { return shingle_length_; }
  std::uint32_t shingle_count() const { return shingle_count_; }  // distinct shingles
  const std::vector<std::uint32_t>& values() const { return values_; }

 private:
  int shingle_length_ = 0;
  std::uint32_t shingle_count_ = 0;
  std::vector<std::uint32_t> values_;
};

// kInvalidArgument when the parameters are out of range or bands * rows != hash_count.
Status ValidateRepeatParams(const RepeatParams& params);

// What a verified match rests on.
enum class RepeatBasis {
  kText,                  // similar text; one side or both name no person
  kTextAndSharedPerson,   // similar text and at least one person named by both
  kTextDifferentPersons,  // very similar text although the named persons differ
  kFactsAndSharedPerson,  // other words, the same facts and a person named by both
  kFacts,                 // other words, the same facts; one side or both name no person
};

// The similarity a pair needs under the person rule (docs/repeats.md): `threshold`, minus
// `shared_person_bonus` if both name persons and share one, plus `different_person_penalty` if
// both name persons and share none. Person lists must be sorted and free of duplicates.
double RepeatBar(const RepeatParams& params, const std::vector<std::string>& persons_a,
                 const std::vector<std::string>& persons_b);

struct RepeatMatch;

// The bits of shared facts a pair needs when one side names nobody, among `indexed` reports:
// fact_margin_alone above log2(indexed + 1), and never below fact_min_weight.
double FactWeightAlone(const RepeatParams& params, std::size_t indexed);

// Whether `m` is a repeat under the rule of `params` given the persons each side names (sorted,
// distinct): its text similarity reaches RepeatBar, or its facts agree as the fact_* fields
// require. The server verifies loosely in the index and applies this with the persons it
// matches for the candidates only.
bool RepeatAccepted(const RepeatParams& params, const RepeatMatch& m,
                    const std::vector<std::string>& persons_a,
                    const std::vector<std::string>& persons_b);

struct RepeatMatch {
  ReportId report;
  double similarity = 0;  // estimated Jaccard of the shingle sets
  RepeatBasis basis = RepeatBasis::kText;
  std::vector<std::string> shared_persons;
  double fact_similarity = 0;             // weighted Jaccard of the fact sets (0 when not compared)
  double fact_weight = 0;                 // bits of the shared facts
  double fact_surprise = 0;               // fact_weight - log2(number of indexed reports + 1)
  std::vector<std::string> shared_facts;  // rarest first
  std::string reason;  // short, for the log and as a fallback label: "text 0.82; shared leader:17"
};

// Reports' signatures in LSH buckets: adding, removing and finding cost a few bucket look-ups
// per band plus the verification of the candidates found, independent of the number of reports.
class RepeatIndex {
 public:
  // kInvalidArgument for invalid parameters.
  static Result<RepeatIndex> Create(const RepeatParams& params = {});

  // Indexes `report`. `persons`: the keys of the persons it names (any order, duplicates
  // ignored). kAlreadyExists if it is indexed; kInvalidArgument if the signature was made with
  // other parameters.
  // `facts`: ExtractFacts of its text (empty: text alone).
  Status Add(ReportId report, const RepeatSignature& signature,
             std::vector<std::string> persons = {}, const std::vector<std::string>& facts = {});
  // Forgets `report`; false if it was not indexed.
  bool Remove(ReportId report);

  // The indexed reports sharing at least one band with `signature`, ascending, unverified.
  // Empty for a signature with fewer than min_shingles shingles or other parameters.
  std::vector<ReportId> Candidates(const RepeatSignature& signature) const;

  // The candidates that pass verification under the person rule (RepeatAccepted), found by
  // their text or by their facts, most similar text first (ties by id), excluding `self` (pass
  // ReportId{} for none).
  std::vector<RepeatMatch> Find(const RepeatSignature& signature, std::vector<std::string> persons,
                                ReportId self = ReportId{},
                                const std::vector<std::string>& facts = {}) const;

  std::size_t size() const { return slot_of_.size(); }
  const RepeatParams& params() const { return params_; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Slot {
    ReportId report;
    RepeatSignature signature;
    std::vector<std::string> persons;
  };
  explicit RepeatIndex(const RepeatParams& params) : params_(params) {}
  std::uint64_t BandKey(const RepeatSignature& s, int band) const;

  RepeatParams params_;
  std::vector<Slot> slots_;          // a removed report leaves an empty slot
  std::vector<std::uint32_t> next_;  // [slot * bands + band]: next slot in the same bucket
  std::vector<std::uint32_t> free_;  // empty slots to reuse
  std::unordered_map<std::uint64_t, std::uint32_t> head_;  // band key -> first slot
  std::unordered_map<ReportId, std::uint32_t> slot_of_;
  FactIndex facts_;
  std::unordered_map<std::string, std::vector<ReportId>> by_person_;  // person -> reports
};

// Repeat groups: links between reports, never merges. A group is a connected component of the
// live links; its id is its smallest report id, so it is stable under any order of linking.
// Staff can split a link: the pair is remembered as "not a repeat" and an automatic link
// between the two is refused from then on (a staff link overrides it).
class RepeatGroups {
 public:
  enum class LinkOrigin { kAutomatic, kStaff };
  enum class LinkOutcome { kLinked, kUpdated, kRefusedSplit, kRefusedSelf };
  struct Link {
    ReportId a, b;  // a < b
    double similarity = 0;
    LinkOrigin origin = LinkOrigin::kAutomatic;
  };

  // Links a and b (in either order). kUpdated when they were linked already (similarity and
  // origin are replaced); kRefusedSplit for an automatic link of a split pair.
  LinkOutcome Connect(ReportId a, ReportId b, double similarity, LinkOrigin origin);
  // Staff say a and b are not repeats: removes their link, if any, and remembers the pair.
  void Split(ReportId a, ReportId b);
  bool IsSplit(ReportId a, ReportId b) const;
  // Forgets every link of `report` (its split marks stay, in case it comes back).
  void RemoveReport(ReportId report);

  // The group's id: the smallest report of `report`'s group (`report` itself when unlinked).
  ReportId GroupId(ReportId report) const;
  // The members of `report`'s group, ascending ({report} when unlinked).
  std::vector<ReportId> Members(ReportId report) const;
  // Every group of two or more reports, each ascending, ordered by group id.
  std::vector<std::vector<ReportId>> Groups() const;
  // Every live link, ordered by (a, b).
  std::vector<Link> Links() const;

 private:
  static std::pair<ReportId, ReportId> Ordered(ReportId a, ReportId b);
  std::map<std::pair<ReportId, ReportId>, Link> links_;
  std::map<ReportId, std::set<ReportId>> adjacent_;
  std::set<std::pair<ReportId, ReportId>> split_;
};

}  // namespace xuncha
