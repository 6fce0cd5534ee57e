// Which discipline a report concerns (docs/triage.md): a multi-label suggestion among the six
// disciplines, with an "unclear" outcome, the articles the facts may fall under, and the phrases
// that drove each suggestion. Pure: the caller normalises text with text::Normalize first
// (Traditional -> Simplified, full-width -> half-width, lower case) and gives the catalogue.
//
// The model is our own one-vs-rest logistic regression over
//   - character 1..3-grams (code points) of the normalised text, the n-gram part scaled to unit
//     length, grams that contain white space or punctuation skipped;
//   - catalogue cue phrases: one feature per matched phrase and one per discipline with a hit.
// Training is full-batch gradient descent (Nesterov) with L2, deterministic: the same examples,
// options and seed give the same model bit for bit. Each discipline's threshold is chosen by
// k-fold cross-validation on the training examples (best out-of-fold F1).
//
// Thread safety: a trained DisciplineModel and a DisciplineClassifier are immutable; Classify may
// run from many threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "domain/discipline.h"

namespace xuncha {

// One matched cue phrase of one article.
struct CueHit {
  int article = 0;
  Discipline discipline = Discipline::kPolitical;
  std::string phrase;
};

// Every cue phrase of the catalogue that `text` (normalised) contains, in catalogue order.
std::vector<CueHit> FindCues(const ArticleCatalogue& c, std::string_view text);

struct ArticleSuggestion {
  int number = 0;
  // true: at least one of the article's cue phrases occurs in the text (`cues` lists them);
  // false: suggested because the model chose its discipline and the text shares most of the
  // characters of one of its cue phrases.
  bool cue_matched = false;
  std::vector<std::string> cues;
};

struct DisciplineSuggestion {
  Discipline discipline = Discipline::kPolitical;
  double score = 0;                         // the model's probability; 1 for the cue-only baseline
  double threshold = 0;                     // the score this discipline needed
  std::vector<ArticleSuggestion> articles;  // best first
  // Why: the matched cue phrases of this discipline, then the n-grams present in the text that
  // favour it most over the other disciplines (two or more characters, none contained in another
  // shown phrase).
  std::vector<std::string> evidence_cues;
  std::vector<std::string> evidence_ngrams;
};

struct Classification {
  std::vector<DisciplineSuggestion> suggestions;  // those over their threshold, best first
  std::array<double, kDisciplineCount> scores{};  // every discipline's score
  bool unclear() const { return suggestions.empty(); }
  DisciplineSet labels() const;
  // The best suggestion's discipline; nullopt when unclear.
  std::optional<Discipline> primary() const;
};

// A training example: normalised text and its disciplines (none = unclear / out of scope).
struct LabelledText {
  std::string text;
  DisciplineSet labels{};
};

struct TrainOptions {
  int max_ngram = 3;        // 1..3
  int min_count = 2;        // an n-gram must occur in this many training texts
  int iterations = 300;     // gradient steps per discipline
  double l2 = 1e-3;         // ridge penalty on the weights (not the bias)
  double cue_value = 0.5;   // feature value of a matched cue phrase / discipline hit
  std::uint64_t seed = 1;   // fold assignment for the threshold search
  int threshold_folds = 4;  // 0 or 1: no search, every threshold = default_threshold
  double default_threshold = 0.5;
};

class DisciplineModel {
 public:
  static constexpr int kFormatVersion = 1;

  // kInvalidArgument "no_examples" when `examples` is empty, "bad_options" for options out of
  // range. The catalogue provides the cue phrases; the model remembers them by text, so a
  // catalogue edited later only changes which phrases are found, not the learnt weights.
  static Result<DisciplineModel> Train(const ArticleCatalogue& catalogue,
                                       const std::vector<LabelledText>& examples,
                                       const TrainOptions& options = {});

  // A line-oriented text form with a version header: thresholds, biases, then one line per
  // feature with its six weights (floats, shortest round-trip form).
  std::string Encode() const;
  // kInvalidArgument "bad_model" for anything Encode did not produce (wrong header or version,
  // bad numbers, wrong counts, duplicate features, trailing garbage).
  static Result<DisciplineModel> Decode(std::string_view bytes);

  double threshold(Discipline d) const { return thresholds_[Index(d)]; }
  // REQUIRES: 0 < t < 1.
  void set_threshold(Discipline d, double t) { thresholds_[Index(d)] = t; }
  std::size_t feature_count() const { return weights_.size(); }
  int max_ngram() const { return max_ngram_; }
  double cue_value() const { return cue_value_; }

  // The probability of each discipline for the features of one text. Features the model does
  // not know are ignored.
  std::array<double, kDisciplineCount> Scores(
      const std::vector<std::pair<std::string, double>>& features) const;
  // The weight of `feature` for `d`; 0 when unknown.
  double Weight(const std::string& feature, Discipline d) const;

 private:
  int max_ngram_ = 3;
  double cue_value_ = 0.5;
  std::array<double, kDisciplineCount> thresholds_{};
  std::array<float, kDisciplineCount> bias_{};
  std::unordered_map<std::string, std::array<float, kDisciplineCount>> weights_;
};

// The features of one normalised text, as the model sees them: names prefixed "n" (n-gram),
// "p" (matched cue phrase) and "d" (discipline key with a cue hit), with their values.
std::vector<std::pair<std::string, double>> ExtractFeatures(const ArticleCatalogue& c,
                                                            std::string_view text, int max_ngram,
                                                            double cue_value);

class DisciplineClassifier {
 public:
  DisciplineClassifier(ArticleCatalogue catalogue, DisciplineModel model)
      : catalogue_(std::move(catalogue)), model_(std::move(model)) {}

  Classification Classify(std::string_view normalised_text) const;
  const DisciplineModel& model() const { return model_; }
  const ArticleCatalogue& catalogue() const { return catalogue_; }

 private:
  ArticleCatalogue catalogue_;
  DisciplineModel model_;
};

// The baseline without learning: every discipline with a matched cue phrase, score 1, articles
// ranked by the number of their phrases found; unclear when no phrase matches.
Classification ClassifyByCues(const ArticleCatalogue& c, std::string_view normalised_text);

}  // namespace xuncha
