// Discipline classification on the labelled set (share/discipline/labelled.jsonl): trains on the
// train split only, reports on the test split, for the learnt model and for the cue-phrases-only
// baseline, so that what learning adds is visible. Usage:
//   classify_bench [DATA_DIR [L2 CUE_VALUE ITERATIONS]]   (default: share/discipline and the
//   TrainOptions defaults; the extra arguments are for sweeping the options)
// Prints the metrics (accuracy, per-discipline P/R/F1, macro-F1, confusion of the primary label),
// the thresholds the training chose, timings, and a few explained test predictions.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "app/discipline_catalogue.h"
#include "domain/discipline_classifier.h"
#include "domain/discipline_metrics.h"
#include "text/chinese_text.h"

namespace {

using namespace xuncha;
using Clock = std::chrono::steady_clock;

bool Read(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

void Fail(const std::string& what, const Error& e) {
  std::cerr << "classify_bench: " << what << ": " << e.message;
  for (const auto& [k, v] : e.fields) std::cerr << "\n  " << k << ": " << v;
  std::cerr << "\n";
  std::exit(1);
}

std::string Labels(const DisciplineSet& s) {
  std::string out;
  for (Discipline d : kAllDisciplines) {
    if (!s[Index(d)]) continue;
    if (!out.empty()) out += ",";
    out += DisciplineKey(d);
  }
  return out.empty() ? "unclear" : out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "share/discipline";
  std::string catalogue_json, labelled_jsonl;
  if (!Read(dir + "/articles.json", catalogue_json) ||
      !Read(dir + "/labelled.jsonl", labelled_jsonl)) {
    std::cerr << "classify_bench: cannot read " << dir << "/articles.json or labelled.jsonl\n";
    return 1;
  }
  auto catalogue = DecodeArticleCatalogue(catalogue_json);
  if (!catalogue.ok()) Fail("articles.json", catalogue.error());
  auto examples = DecodeLabelledExamples(labelled_jsonl);
  if (!examples.ok()) Fail("labelled.jsonl", examples.error());

  std::vector<LabelledText> train;
  std::vector<std::string> test_text, test_id;
  std::vector<DisciplineOutcome> truth;
  std::set<std::string> train_texts;
  for (const LabelledExample& e : *examples) {
    auto t = text::Normalize(e.text);
    if (!t.ok()) Fail(e.id, t.error());
    DisciplineOutcome o;
    for (Discipline d : e.labels) o.labels[Index(d)] = true;
    if (!e.labels.empty()) o.primary = e.labels.front();
    if (e.split == DataSplit::kTrain) {
      train.push_back({*t, o.labels});
      train_texts.insert(*t);
    } else {
      test_text.push_back(*t);
      test_id.push_back(e.id);
      truth.push_back(o);
    }
  }
  std::size_t leaked = 0;
  for (const std::string& t : test_text) leaked += train_texts.count(t);
  std::printf("labelled set: %zu examples, %zu train, %zu test, test texts also in train: %zu\n",
              examples->size(), train.size(), test_text.size(), leaked);
  std::printf("catalogue: %zu articles, %s %s\n\n", catalogue->articles.size(),
              catalogue->regulation.c_str(), catalogue->revision.c_str());

  auto t0 = Clock::now();
  TrainOptions options;
  if (argc > 4) {
    options.l2 = std::atof(argv[2]);
    options.cue_value = std::atof(argv[3]);
    options.iterations = std::atoi(argv[4]);
  }
  std::printf("options: l2=%g cue_value=%g iterations=%d max_ngram=%d min_count=%d folds=%d\n",
              options.l2, options.cue_value, options.iterations, options.max_ngram,
              options.min_count, options.threshold_folds);
  auto model = DisciplineModel::Train(*catalogue, train, options);
  if (!model.ok()) Fail("train", model.error());
  double train_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::string encoded = model->Encode();
  std::printf(
      "model: %zu features, serialised %zu bytes, trained in %.2f s (4-fold threshold "
      "search included)\nthresholds:",
      model->feature_count(), encoded.size(), train_s);
  for (Discipline d : kAllDisciplines)
    std::printf(" %s=%.2f", DisciplineKey(d), model->threshold(d));
  std::printf("\n\n");

  DisciplineClassifier cl(*catalogue, std::move(*model));
  std::vector<DisciplineOutcome> learnt, cues;
  std::vector<Classification> explained;
  auto t1 = Clock::now();
  for (const std::string& t : test_text) {
    Classification c = cl.Classify(t);
    learnt.push_back({c.labels(), c.primary()});
    explained.push_back(std::move(c));
  }
  double classify_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count() /
                       static_cast<double>(test_text.size());
  for (const std::string& t : test_text) {
    Classification c = ClassifyByCues(*catalogue, t);
    cues.push_back({c.labels(), c.primary()});
  }
  std::printf("== learnt model (train split only), test split ==\n%s\n",
              FormatDisciplineMetrics(EvaluateDisciplines(truth, learnt)).c_str());
  std::printf("== baseline: cue phrases only, no training, test split ==\n%s\n",
              FormatDisciplineMetrics(EvaluateDisciplines(truth, cues)).c_str());
  std::printf("classification: %.3f ms per test text (mean)\n\n", classify_ms);

  std::printf("== first 8 test texts, explained ==\n");
  for (std::size_t i = 0; i < test_text.size() && i < 8; ++i) {
    const Classification& c = explained[i];
    std::printf("%s true=%s predicted=%s\n", test_id[i].c_str(), Labels(truth[i].labels).c_str(),
                Labels(c.labels()).c_str());
    for (const DisciplineSuggestion& s : c.suggestions) {
      std::printf("  %s %.2f articles:", DisciplineKey(s.discipline), s.score);
      for (const auto& a : s.articles) std::printf(" %d%s", a.number, a.cue_matched ? "" : "?");
      std::printf(" cues:");
      for (const auto& p : s.evidence_cues) std::printf(" %s", p.c_str());
      std::printf(" n-grams:");
      for (const auto& g : s.evidence_ngrams) std::printf(" %s", g.c_str());
      std::printf("\n");
    }
  }
  return 0;
}
