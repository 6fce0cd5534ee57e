// How well discipline suggestions match staff labels (bench/classify, the regression test):
// exact-set accuracy, per-discipline precision / recall / F1, macro-F1, and the confusion matrix
// of the primary label with "unclear" as a seventh class.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/discipline.h"

namespace xuncha {

// The labels of one report, true or predicted. `primary` is nullopt exactly when `labels` is
// empty (unclear / out of scope).
struct DisciplineOutcome {
  DisciplineSet labels{};
  std::optional<Discipline> primary;
};

inline constexpr std::size_t kUnclearRow = kDisciplineCount;  // row/column of "unclear"

struct DisciplineMetrics {
  std::size_t examples = 0;
  std::size_t exact = 0;                        // predicted set == true set (both empty counts)
  double accuracy = 0;                          // exact / examples
  std::array<int, kDisciplineCount> support{};  // true positives + false negatives
  std::array<double, kDisciplineCount> precision{}, recall{}, f1{};
  // Mean F1 over the disciplines with support > 0 (a discipline absent from the truth and never
  // predicted says nothing either way).
  double macro_f1 = 0;
  // Unclear as its own label: precision and recall of "predicted empty" against "true empty".
  double unclear_precision = 0, unclear_recall = 0;
  // confusion[true primary][predicted primary], index kUnclearRow = unclear.
  std::array<std::array<int, kDisciplineCount + 1>, kDisciplineCount + 1> confusion{};
};

// REQUIRES: truth.size() == predicted.size().
DisciplineMetrics EvaluateDisciplines(const std::vector<DisciplineOutcome>& truth,
                                      const std::vector<DisciplineOutcome>& predicted);

// A plain-text report of `m` (fixed-width tables) for logs and results files.
std::string FormatDisciplineMetrics(const DisciplineMetrics& m);

}  // namespace xuncha
