// The facts a report states — amounts, dates, long numbers and named places and firms — and an
// index that finds the earlier reports stating the same facts (docs/repeats.md, "Facts").
//
// A paraphrase of a report keeps its facts (who, where, when, how much) and rewords every
// sentence, so its character shingles are no closer to the original than the same official's
// other acts are. The facts are what it keeps: 聚福楼, 3500元, 2023年5月 again. Each fact is
// weighted by how rare it is among the indexed reports (inverse document frequency, in bits),
// and two reports are compared by the weighted Jaccard similarity of their fact sets.
//
// No I/O and no ICU: texts arrive normalised (text::Normalize: half-width digits, Simplified).
// Thread safety as RepeatIndex: const calls may run concurrently, never with a mutating call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ids.h"

namespace xuncha {

// The facts of normalised `text`, sorted and distinct, each in a readable form:
//   amounts      "3500元" (also from 0.35万元, 3,500块, 3500多元, 三千五百元, 三千五块; 万 and
//                千 multiplied out)
//   dates        "2023年" (1950-2099; 二〇二三年 too), "5月", "12日" (号 too; 十二日), and
//                "5月12日" when adjacent
//   numbers      "13812345678", "3": any other run of digits, without its unit (次, 回 and 桌
//                are reworded freely; the number stays)
//   named places "聚福楼", "宏达建筑公司": a place or organisation suffix (酒店, 山庄, 公司,
//   and firms     小区, 项目, ...) with the up to four Han characters before it, stopping at a
//                function word (在, 到, 的, ...); at least two.
std::vector<std::string> ExtractFacts(std::string_view text);

// The facts in both `a` and `b` (each as ExtractFacts returns them), for people to read: named
// places and firms first, then amounts, dates and other numbers, each kind in sorted order; a
// month or day is left out when the full date containing it is there, and numbers of 7 digits
// or more (phones, ID cards, accounts) are masked (138****5678).
std::vector<std::string> SharedFacts(const std::vector<std::string>& a,
                                     const std::vector<std::string>& b);

// One earlier report sharing facts with the query.
struct FactHit {
  ReportId report;
  double similarity = 0;            // weighted Jaccard of the two fact sets, 0..1
  double shared_weight = 0;         // bits: the sum of the shared facts' weights
  std::vector<std::string> shared;  // the shared facts, rarest first
};

// Reports' facts in postings lists (fact -> reports). Add and Remove cost one postings update
// per fact; Find walks the postings of the query's rarest facts within a budget.
class FactIndex {
 public:
  // Indexes `report` with `facts` (any order, duplicates ignored), replacing what it had.
  void Add(ReportId report, const std::vector<std::string>& facts);
  // Forgets `report`; false if it was not indexed.
  bool Remove(ReportId report);

  // The weight of a fact in bits: log2((N + 1) / (df + 1)) + 1, where N is the number of
  // indexed reports and df the number stating the fact; a fact never seen weighs the most.
  double Weight(std::string_view fact) const;

  // The indexed reports other than `self` that share at least one of the query's rarer facts
  // and reach `min_similarity` and `min_shared_weight`, most similar first (ties by id).
  std::vector<FactHit> Find(const std::vector<std::string>& facts, ReportId self,
                            double min_similarity, double min_shared_weight) const;

  // The reports of `reports` (other than `self`, indexed) whose facts reach both bars against
  // the query's, most similar first: the check for candidates found some other way (by a
  // person both name).
  std::vector<FactHit> Compare(const std::vector<std::string>& facts, ReportId self,
                               const std::vector<ReportId>& reports, double min_similarity,
                               double min_shared_weight) const;

  std::size_t size() const { return facts_of_.size(); }

 private:
  struct QueryFact {
    std::int64_t id;  // -1: never seen
    std::size_t df;   // reports stating it, the query's own report not counted
    double weight;
  };
  struct Query {
    ReportId self;
    const std::vector<std::uint32_t>* mine = nullptr;  // self's stored facts, if indexed
    std::size_t n = 0;                                 // reports, the query's counted once
    std::vector<QueryFact> facts;                      // distinct, rarest first (ties by id)
    std::vector<std::pair<std::uint32_t, std::size_t>> by_id;  // id -> index in facts
    double weight = 0;
  };
  Query Prepare(const std::vector<std::string>& facts, ReportId self) const;
  // The reports stating fact `id`, the query's own not counted.
  std::size_t Others(const Query& query, std::uint32_t id) const;
  // The weight of a fact stated by `count` of `n` reports.
  static double WeightIn(std::size_t n, std::size_t count);
  std::optional<FactHit> Verify(const Query& query, ReportId r, double min_similarity,
                                double min_shared_weight) const;
  double WeightOf(std::size_t df) const;
  std::unordered_map<std::string, std::uint32_t> id_of_;               // fact -> id
  std::vector<std::string> name_of_;                                   // id -> fact
  std::vector<std::vector<ReportId>> postings_;                        // id -> reports stating it
  std::unordered_map<ReportId, std::vector<std::uint32_t>> facts_of_;  // sorted ids
};

}  // namespace xuncha
