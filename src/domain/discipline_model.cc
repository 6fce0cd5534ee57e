// Training (one-vs-rest logistic regression, Nesterov gradient descent, thresholds by k-fold
// cross-validation) and the model's text form.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "domain/discipline_classifier.h"

namespace xuncha {

namespace {

using SparseVector = std::vector<std::pair<std::size_t, double>>;

double Sigmoid(double z) {
  if (z >= 0) return 1 / (1 + std::exp(-z));
  double e = std::exp(z);
  return e / (1 + e);
}

// The learnt part of a model, indexed by feature number.
struct Weights {
  std::vector<std::array<double, kDisciplineCount>> w;
  std::array<double, kDisciplineCount> b{};
};

// One-vs-rest L2-regularised logistic regression by Nesterov's accelerated gradient descent on
// the mean log loss. Step 1/L with L the gradient's Lipschitz bound, so no tuning is needed.
Weights Fit(const std::vector<SparseVector>& x, const std::vector<DisciplineSet>& y,
            std::size_t features, const TrainOptions& o) {
  Weights cur;
  cur.w.assign(features, {});
  Weights prev = cur;
  const auto n = static_cast<double>(x.size());
  double max_norm = 0;
  for (const SparseVector& v : x) {
    double s = 1;  // the bias
    for (const auto& [f, val] : v) s += val * val;
    max_norm = std::max(max_norm, s);
  }
  const double step = 1 / (0.25 * max_norm + o.l2);
  Weights z = cur;
  Weights grad = cur;
  for (int t = 1; t <= o.iterations; ++t) {
    const double mu = (t - 1.0) / (t + 2.0);
    for (std::size_t f = 0; f < features; ++f) {
      for (std::size_t k = 0; k < kDisciplineCount; ++k) {
        z.w[f][k] = cur.w[f][k] + mu * (cur.w[f][k] - prev.w[f][k]);
        grad.w[f][k] = o.l2 * z.w[f][k];
      }
    }
    for (std::size_t k = 0; k < kDisciplineCount; ++k) {
      z.b[k] = cur.b[k] + mu * (cur.b[k] - prev.b[k]);
      grad.b[k] = 0;
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
      std::array<double, kDisciplineCount> margin = z.b;
      for (const auto& [f, val] : x[i]) {
        for (std::size_t k = 0; k < kDisciplineCount; ++k) margin[k] += z.w[f][k] * val;
      }
      for (std::size_t k = 0; k < kDisciplineCount; ++k) {
        double r = (Sigmoid(margin[k]) - (y[i][k] ? 1.0 : 0.0)) / n;
        grad.b[k] += r;
        for (const auto& [f, val] : x[i]) grad.w[f][k] += r * val;
      }
    }
    prev = cur;
    for (std::size_t f = 0; f < features; ++f) {
      for (std::size_t k = 0; k < kDisciplineCount; ++k) {
        cur.w[f][k] = z.w[f][k] - step * grad.w[f][k];
      }
    }
    for (std::size_t k = 0; k < kDisciplineCount; ++k) cur.b[k] = z.b[k] - step * grad.b[k];
  }
  return cur;
}

std::array<double, kDisciplineCount> Predict(const Weights& m, const SparseVector& v) {
  std::array<double, kDisciplineCount> margin = m.b;
  for (const auto& [f, val] : v) {
    for (std::size_t k = 0; k < kDisciplineCount; ++k) margin[k] += m.w[f][k] * val;
  }
  for (double& p : margin) p = Sigmoid(p);
  return margin;
}

// Feature numbering for one training set: n-grams seen in at least min_count texts, and every
// cue feature seen at all.
struct Vocabulary {
  std::map<std::string, std::size_t> index;
  std::vector<std::string> names;

  static Vocabulary Build(const std::vector<std::vector<std::pair<std::string, double>>>& docs,
                          int min_count) {
    std::map<std::string, int> df;
    for (const auto& d : docs) {
      for (const auto& [name, v] : d) ++df[name];
    }
    Vocabulary voc;
    for (const auto& [name, count] : df) {
      if (name[0] != 'n' || count >= min_count) {
        voc.index[name] = voc.names.size();
        voc.names.push_back(name);
      }
    }
    return voc;
  }

  SparseVector Map(const std::vector<std::pair<std::string, double>>& doc) const {
    SparseVector v;
    for (const auto& [name, val] : doc) {
      auto it = index.find(name);
      if (it != index.end()) v.emplace_back(it->second, val);
    }
    return v;
  }
};

Weights FitOn(const std::vector<std::vector<std::pair<std::string, double>>>& docs,
              const std::vector<DisciplineSet>& labels, const std::vector<std::size_t>& rows,
              const TrainOptions& o, Vocabulary& voc) {
  std::vector<std::vector<std::pair<std::string, double>>> part;
  std::vector<DisciplineSet> y;
  for (std::size_t r : rows) {
    part.push_back(docs[r]);
    y.push_back(labels[r]);
  }
  voc = Vocabulary::Build(part, o.min_count);
  std::vector<SparseVector> x;
  for (const auto& d : part) x.push_back(voc.Map(d));
  return Fit(x, y, voc.names.size(), o);
}

// Out-of-fold probabilities over k folds, then per discipline the threshold with the best F1
// (ties: the one nearest the default).
std::array<double, kDisciplineCount> ChooseThresholds(
    const std::vector<std::vector<std::pair<std::string, double>>>& docs,
    const std::vector<DisciplineSet>& labels, const TrainOptions& o) {
  std::array<double, kDisciplineCount> out;
  out.fill(o.default_threshold);
  const std::size_t k = static_cast<std::size_t>(o.threshold_folds);
  if (k < 2 || docs.size() < k) return out;
  // Fisher-Yates with std::mt19937_64, whose output the standard fixes: the same seed gives
  // the same folds with every library (std::shuffle's algorithm is unspecified).
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(o.seed);
  for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng() % (i + 1)]);
  std::vector<std::array<double, kDisciplineCount>> oof(docs.size());
  TrainOptions inner = o;
  inner.threshold_folds = 0;
  for (std::size_t fold = 0; fold < k; ++fold) {
    std::vector<std::size_t> train;
    std::vector<std::size_t> held;
    for (std::size_t i = 0; i < order.size(); ++i)
      (i % k == fold ? held : train).push_back(order[i]);
    Vocabulary voc;
    Weights w = FitOn(docs, labels, train, inner, voc);
    for (std::size_t r : held) oof[r] = Predict(w, voc.Map(docs[r]));
  }
  for (std::size_t d = 0; d < kDisciplineCount; ++d) {
    double best_f1 = -1;
    for (int step = 2; step <= 14; ++step) {
      const double t = step * 0.05;
      int tp = 0, fp = 0, fn = 0;
      for (std::size_t i = 0; i < docs.size(); ++i) {
        bool predicted = oof[i][d] >= t;
        tp += predicted && labels[i][d];
        fp += predicted && !labels[i][d];
        fn += !predicted && labels[i][d];
      }
      if (tp + fn == 0) break;  // no positives: keep the default
      double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
      bool nearer = std::abs(t - o.default_threshold) < std::abs(out[d] - o.default_threshold);
      if (f1 > best_f1 + 1e-12 || (std::abs(f1 - best_f1) <= 1e-12 && nearer)) {
        best_f1 = f1;
        out[d] = t;
      }
    }
  }
  return out;
}

constexpr std::string_view kMagic = "xuncha-discipline-model";

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ' ':
        out += "\\s";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool Unescape(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case '\\':
        out += '\\';
        break;
      case 's':
        out += ' ';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        return false;
    }
  }
  return !out.empty();
}

template <typename T>
void Append(std::string& out, T v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Reads the next line of `in` (without its '\n') into `line`; false at the end.
bool NextLine(std::string_view& in, std::string_view& line) {
  if (in.empty()) return false;
  std::size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return false;  // every line ends with '\n'
  line = in.substr(0, nl);
  in.remove_prefix(nl + 1);
  return true;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= line.size()) {
    std::size_t sp = line.find(' ', i);
    if (sp == std::string_view::npos) sp = line.size();
    out.push_back(line.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

template <typename T>
bool ParseNumber(std::string_view s, T& v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
  if constexpr (std::is_floating_point_v<T>) return std::isfinite(v);
  return true;
}

// "name v0 v1 ... v5" with exactly kDisciplineCount numbers.
template <typename T>
bool ParseRow(std::string_view line, std::string_view name, std::array<T, kDisciplineCount>& v) {
  std::vector<std::string_view> f = Fields(line);
  if (f.size() != kDisciplineCount + 1 || f[0] != name) return false;
  for (std::size_t k = 0; k < kDisciplineCount; ++k) {
    if (!ParseNumber(f[k + 1], v[k])) return false;
  }
  return true;
}

Error BadModel(const std::string& why) {
  return InvalidArgument("discipline model: " + why, "bad_model");
}

}  // namespace

Result<DisciplineModel> DisciplineModel::Train(const ArticleCatalogue& catalogue,
                                               const std::vector<LabelledText>& examples,
                                               const TrainOptions& o) {
  if (examples.empty()) return InvalidArgument("no training examples", "no_examples");
  if (o.max_ngram < 1 || o.max_ngram > 3 || o.min_count < 1 || o.iterations < 1 || o.l2 < 0 ||
      o.cue_value < 0 || o.threshold_folds < 0 || o.default_threshold <= 0 ||
      o.default_threshold >= 1) {
    return InvalidArgument("training options out of range", "bad_options");
  }
  std::vector<std::vector<std::pair<std::string, double>>> docs;
  std::vector<DisciplineSet> labels;
  for (const LabelledText& e : examples) {
    docs.push_back(ExtractFeatures(catalogue, e.text, o.max_ngram, o.cue_value));
    labels.push_back(e.labels);
  }
  DisciplineModel m;
  m.max_ngram_ = o.max_ngram;
  m.cue_value_ = o.cue_value;
  m.thresholds_ = ChooseThresholds(docs, labels, o);
  std::vector<std::size_t> all(docs.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  Vocabulary voc;
  Weights w = FitOn(docs, labels, all, o, voc);
  for (std::size_t k = 0; k < kDisciplineCount; ++k) m.bias_[k] = static_cast<float>(w.b[k]);
  for (std::size_t f = 0; f < voc.names.size(); ++f) {
    std::array<float, kDisciplineCount> row;
    for (std::size_t k = 0; k < kDisciplineCount; ++k) row[k] = static_cast<float>(w.w[f][k]);
    m.weights_.emplace(voc.names[f], row);
  }
  return m;
}

std::array<double, kDisciplineCount> DisciplineModel::Scores(
    const std::vector<std::pair<std::string, double>>& features) const {
  std::array<double, kDisciplineCount> margin;
  for (std::size_t k = 0; k < kDisciplineCount; ++k) margin[k] = bias_[k];
  for (const auto& [name, val] : features) {
    auto it = weights_.find(name);
    if (it == weights_.end()) continue;
    for (std::size_t k = 0; k < kDisciplineCount; ++k) margin[k] += it->second[k] * val;
  }
  for (double& p : margin) p = Sigmoid(p);
  return margin;
}

double DisciplineModel::Weight(const std::string& feature, Discipline d) const {
  auto it = weights_.find(feature);
  return it == weights_.end() ? 0 : it->second[Index(d)];
}

std::string DisciplineModel::Encode() const {
  std::string out;
  out += kMagic;
  out += ' ';
  Append(out, kFormatVersion);
  out += "\nmax_ngram ";
  Append(out, max_ngram_);
  out += "\ncue_value ";
  Append(out, cue_value_);
  out += "\nthresholds";
  for (double t : thresholds_) {
    out += ' ';
    Append(out, t);
  }
  out += "\nbias";
  for (float b : bias_) {
    out += ' ';
    Append(out, b);
  }
  out += "\nfeatures ";
  Append(out, weights_.size());
  out += '\n';
  // Sorted, so that the same model always has the same bytes.
  std::vector<const std::string*> names;
  for (const auto& [name, row] : weights_) names.push_back(&name);
  std::sort(names.begin(), names.end(), [](auto* a, auto* b) { return *a < *b; });
  for (const std::string* name : names) {
    out += Escape(*name);
    for (float w : weights_.at(*name)) {
      out += ' ';
      Append(out, w);
    }
    out += '\n';
  }
  out += "end\n";
  return out;
}

Result<DisciplineModel> DisciplineModel::Decode(std::string_view in) {
  DisciplineModel m;
  std::string_view line;
  std::vector<std::string_view> f;
  int version = 0;
  if (!NextLine(in, line) || (f = Fields(line)).size() != 2 || f[0] != kMagic) {
    return BadModel("not a discipline model");
  }
  if (!ParseNumber(f[1], version) || version != kFormatVersion) {
    return BadModel("unsupported version " + std::string(f[1]));
  }
  if (!NextLine(in, line) || (f = Fields(line)).size() != 2 || f[0] != "max_ngram" ||
      !ParseNumber(f[1], m.max_ngram_) || m.max_ngram_ < 1 || m.max_ngram_ > 3) {
    return BadModel("bad max_ngram");
  }
  if (!NextLine(in, line) || (f = Fields(line)).size() != 2 || f[0] != "cue_value" ||
      !ParseNumber(f[1], m.cue_value_) || m.cue_value_ < 0) {
    return BadModel("bad cue_value");
  }
  if (!NextLine(in, line) || !ParseRow(line, "thresholds", m.thresholds_) ||
      std::any_of(m.thresholds_.begin(), m.thresholds_.end(),
                  [](double t) { return t <= 0 || t >= 1; })) {
    return BadModel("bad thresholds");
  }
  if (!NextLine(in, line) || !ParseRow(line, "bias", m.bias_)) return BadModel("bad bias");
  std::size_t count = 0;
  if (!NextLine(in, line) || (f = Fields(line)).size() != 2 || f[0] != "features" ||
      !ParseNumber(f[1], count) || count > in.size()) {
    return BadModel("bad feature count");
  }
  std::string name;
  for (std::size_t i = 0; i < count; ++i) {
    if (!NextLine(in, line)) return BadModel("truncated at feature " + std::to_string(i));
    std::size_t sp = line.find(' ');
    std::array<float, kDisciplineCount> row;
    if (sp == std::string_view::npos || !Unescape(line.substr(0, sp), name) ||
        !ParseRow("w" + std::string(line.substr(sp)), "w", row)) {
      return BadModel("bad feature line " + std::to_string(i));
    }
    if (!m.weights_.emplace(name, row).second) return BadModel("duplicate feature");
  }
  if (!NextLine(in, line) || line != "end" || !in.empty()) return BadModel("bad ending");
  return m;
}

}  // namespace xuncha
