#include "domain/discipline_metrics.h"

#include <cstdio>

namespace xuncha {

namespace {

double Ratio(int a, int b) { return b == 0 ? 0 : static_cast<double>(a) / b; }

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string Pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

const char* RowName(std::size_t i) {
  return i == kUnclearRow ? "unclear" : DisciplineKey(static_cast<Discipline>(i));
}

}  // namespace

DisciplineMetrics EvaluateDisciplines(const std::vector<DisciplineOutcome>& truth,
                                      const std::vector<DisciplineOutcome>& predicted) {
  DisciplineMetrics m;
  m.examples = truth.size();
  std::array<int, kDisciplineCount> tp{}, fp{}, fn{};
  int unclear_tp = 0, unclear_fp = 0, unclear_fn = 0;
  for (std::size_t i = 0; i < truth.size() && i < predicted.size(); ++i) {
    const DisciplineOutcome& t = truth[i];
    const DisciplineOutcome& p = predicted[i];
    if (t.labels == p.labels) ++m.exact;
    for (std::size_t k = 0; k < kDisciplineCount; ++k) {
      tp[k] += t.labels[k] && p.labels[k];
      fp[k] += !t.labels[k] && p.labels[k];
      fn[k] += t.labels[k] && !p.labels[k];
    }
    bool t_empty = IsEmpty(t.labels), p_empty = IsEmpty(p.labels);
    unclear_tp += t_empty && p_empty;
    unclear_fp += !t_empty && p_empty;
    unclear_fn += t_empty && !p_empty;
    std::size_t row = t.primary ? Index(*t.primary) : kUnclearRow;
    std::size_t col = p.primary ? Index(*p.primary) : kUnclearRow;
    ++m.confusion[row][col];
  }
  m.accuracy = Ratio(static_cast<int>(m.exact), static_cast<int>(m.examples));
  int counted = 0;
  double sum = 0;
  for (std::size_t k = 0; k < kDisciplineCount; ++k) {
    m.support[k] = tp[k] + fn[k];
    m.precision[k] = Ratio(tp[k], tp[k] + fp[k]);
    m.recall[k] = Ratio(tp[k], tp[k] + fn[k]);
    m.f1[k] = Ratio(2 * tp[k], 2 * tp[k] + fp[k] + fn[k]);
    if (m.support[k] > 0) {
      sum += m.f1[k];
      ++counted;
    }
  }
  m.macro_f1 = counted == 0 ? 0 : sum / counted;
  m.unclear_precision = Ratio(unclear_tp, unclear_tp + unclear_fp);
  m.unclear_recall = Ratio(unclear_tp, unclear_tp + unclear_fn);
  return m;
}

std::string FormatDisciplineMetrics(const DisciplineMetrics& m) {
  std::string out;
  out += "examples " + std::to_string(m.examples) + ", exact-set matches " +
         std::to_string(m.exact) + ", accuracy " + Fixed(m.accuracy) + ", macro-F1 " +
         Fixed(m.macro_f1) + "\n";
  out += "unclear: precision " + Fixed(m.unclear_precision) + ", recall " +
         Fixed(m.unclear_recall) + "\n\n";
  out += Pad("discipline", 16) + Pad("support", 9) + Pad("precision", 11) + Pad("recall", 8) +
         Pad("F1", 7) + "\n";
  for (std::size_t k = 0; k < kDisciplineCount; ++k) {
    out += Pad(RowName(k), 16) + Pad(std::to_string(m.support[k]), 9) +
           Pad(Fixed(m.precision[k]), 11) + Pad(Fixed(m.recall[k]), 8) + Pad(Fixed(m.f1[k]), 7) +
           "\n";
  }
  out += "\nconfusion of the primary label (rows: true, columns: predicted)\n";
  static constexpr const char* kShort[] = {"pol", "org", "integ", "mass", "work", "pers", "uncl"};
  out += Pad("", 16);
  for (const char* name : kShort) out += Pad(name, 7);
  out += "\n";
  for (std::size_t r = 0; r <= kUnclearRow; ++r) {
    out += Pad(RowName(r), 16);
    for (std::size_t c = 0; c <= kUnclearRow; ++c) out += Pad(std::to_string(m.confusion[r][c]), 7);
    out += "\n";
  }
  return out;
}

}  // namespace xuncha
