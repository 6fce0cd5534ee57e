// Features, classification and explanation. Training and the model's serialised form are in
// discipline_model.cc.
#include "domain/discipline_classifier.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace xuncha {

namespace {

// The code points of `s`. Input is normalised text, hence valid UTF-8; a stray byte becomes a
// one-byte "code point" rather than a crash.
std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 1;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::uint32_t Value(std::string_view cp) {
  auto b0 = static_cast<unsigned char>(cp[0]);
  if (cp.size() == 1) return b0;
  std::uint32_t v = cp.size() == 2 ? (b0 & 0x1Fu) : cp.size() == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (std::size_t k = 1; k < cp.size(); ++k)
    v = (v << 6) | (static_cast<unsigned char>(cp[k]) & 0x3Fu);
  return v;
}

// White space, ASCII punctuation and the punctuation blocks NFKC leaves alone (。、《》“”…):
// a gram that spans one says nothing about the discipline.
bool IsSeparator(std::string_view cp) {
  std::uint32_t v = Value(cp);
  if (v < 0x80) return !std::isalnum(static_cast<int>(v));
  return (v >= 0x2000 && v <= 0x206F) || (v >= 0x3000 && v <= 0x303F) ||
         (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFFEF);
}

std::vector<std::pair<std::string, double>> FeaturesFrom(std::string_view text,
                                                         const std::vector<CueHit>& hits,
                                                         int max_ngram, double cue_value) {
  std::vector<std::string_view> cps = CodePoints(text);
  std::set<std::string> grams;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    std::string gram;
    for (std::size_t n = 0; n < static_cast<std::size_t>(max_ngram) && i + n < cps.size(); ++n) {
      if (IsSeparator(cps[i + n])) break;
      gram += cps[i + n];
      grams.insert(gram);
    }
  }
  std::vector<std::pair<std::string, double>> out;
  out.reserve(grams.size() + hits.size() + kDisciplineCount);
  const double unit = grams.empty() ? 0 : 1.0 / std::sqrt(static_cast<double>(grams.size()));
  for (const std::string& g : grams) out.emplace_back("n" + g, unit);
  std::set<std::string> phrases;
  DisciplineSet hit{};
  for (const CueHit& h : hits) {
    phrases.insert(h.phrase);
    hit[Index(h.discipline)] = true;
  }
  for (const std::string& p : phrases) out.emplace_back("p" + p, cue_value);
  for (Discipline d : kAllDisciplines) {
    if (hit[Index(d)]) out.emplace_back(std::string("d") + DisciplineKey(d), cue_value);
  }
  return out;
}

// The share of `cue`'s bigrams that occur in `text`: a near miss such as 收了礼金 for 收受礼金
// still points at the article.
double PartialMatch(std::string_view text, std::string_view cue) {
  std::vector<std::string_view> cps = CodePoints(cue);
  if (cps.size() < 2) return 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    std::string bigram(cps[i]);
    bigram += cps[i + 1];
    if (text.find(bigram) != std::string_view::npos) ++found;
  }
  return static_cast<double>(found) / static_cast<double>(cps.size() - 1);
}

// Articles of `d` whose phrases matched, most phrases first; when none matched, up to three
// whose phrases the text nearly contains.
std::vector<ArticleSuggestion> RankArticles(const ArticleCatalogue& c, Discipline d,
                                            std::string_view text,
                                            const std::vector<CueHit>& hits) {
  std::map<int, std::vector<std::string>> matched;
  for (const CueHit& h : hits) {
    if (h.discipline == d) matched[h.article].push_back(h.phrase);
  }
  std::vector<ArticleSuggestion> out;
  for (auto& [number, cues] : matched) out.push_back({number, true, std::move(cues)});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.cues.size() > b.cues.size(); });
  if (!out.empty()) return out;
  std::vector<std::pair<double, int>> near;
  for (const Article& a : c.articles) {
    if (a.discipline != d) continue;
    double best = 0;
    for (const std::string& cue : a.cues) best = std::max(best, PartialMatch(text, cue));
    if (best >= 0.5) near.emplace_back(-best, a.number);
  }
  std::sort(near.begin(), near.end());
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) out.push_back({near[i].second, false, {}});
  return out;
}

bool Overlaps(const std::string& a, const std::vector<std::string>& shown) {
  return std::any_of(shown.begin(), shown.end(), [&](const std::string& s) {
    return s.find(a) != std::string::npos || a.find(s) != std::string::npos;
  });
}

constexpr std::size_t kEvidenceNgrams = 5;

std::vector<std::string> TopNgrams(const DisciplineModel& m, Discipline d,
                                   const std::vector<std::pair<std::string, double>>& features,
                                   const std::vector<std::string>& cues) {
  std::vector<std::pair<double, std::string>> contrib;
  for (const auto& [name, value] : features) {
    if (name[0] != 'n') continue;
    std::string gram = name.substr(1);
    if (CodePoints(gram).size() < 2) continue;
    // What sets `d` apart: its weight above the best other discipline's, so that words every
    // complaint shares (单位, 领导) do not pass for evidence.
    double other = -1e300;
    for (Discipline k : kAllDisciplines) {
      if (k != d) other = std::max(other, m.Weight(name, k));
    }
    double c = (m.Weight(name, d) - other) * value;
    if (c > 0) contrib.emplace_back(-c, std::move(gram));
  }
  std::sort(contrib.begin(), contrib.end());
  std::vector<std::string> shown = cues;
  std::vector<std::string> out;
  for (auto& [neg, gram] : contrib) {
    if (out.size() == kEvidenceNgrams) break;
    if (Overlaps(gram, shown)) continue;
    shown.push_back(gram);
    out.push_back(std::move(gram));
  }
  return out;
}

std::vector<std::string> CuesOf(Discipline d, const std::vector<CueHit>& hits) {
  std::vector<std::string> out;
  for (const CueHit& h : hits) {
    if (h.discipline == d && std::find(out.begin(), out.end(), h.phrase) == out.end()) {
      out.push_back(h.phrase);
    }
  }
  return out;
}

}  // namespace

DisciplineSet Classification::labels() const {
  DisciplineSet s{};
  for (const DisciplineSuggestion& x : suggestions) s[Index(x.discipline)] = true;
  return s;
}

std::optional<Discipline> Classification::primary() const {
  if (suggestions.empty()) return std::nullopt;
  return suggestions.front().discipline;
}

std::vector<CueHit> FindCues(const ArticleCatalogue& c, std::string_view text) {
  std::vector<CueHit> out;
  for (const Article& a : c.articles) {
    for (const std::string& cue : a.cues) {
      // UTF-8 is self-synchronising: a byte match of valid UTF-8 starts on a code point.
      if (!cue.empty() && text.find(cue) != std::string_view::npos) {
        out.push_back({a.number, a.discipline, cue});
      }
    }
  }
  return out;
}

std::vector<std::pair<std::string, double>> ExtractFeatures(const ArticleCatalogue& c,
                                                            std::string_view text, int max_ngram,
                                                            double cue_value) {
  return FeaturesFrom(text, FindCues(c, text), max_ngram, cue_value);
}

Classification DisciplineClassifier::Classify(std::string_view text) const {
  std::vector<CueHit> hits = FindCues(catalogue_, text);
  auto features = FeaturesFrom(text, hits, model_.max_ngram(), model_.cue_value());
  Classification out;
  out.scores = model_.Scores(features);
  for (Discipline d : kAllDisciplines) {
    double score = out.scores[Index(d)];
    if (score < model_.threshold(d)) continue;
    DisciplineSuggestion s;
    s.discipline = d;
    s.score = score;
    s.threshold = model_.threshold(d);
    s.articles = RankArticles(catalogue_, d, text, hits);
    s.evidence_cues = CuesOf(d, hits);
    s.evidence_ngrams = TopNgrams(model_, d, features, s.evidence_cues);
    out.suggestions.push_back(std::move(s));
  }
  std::stable_sort(out.suggestions.begin(), out.suggestions.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

Classification ClassifyByCues(const ArticleCatalogue& c, std::string_view text) {
  std::vector<CueHit> hits = FindCues(c, text);
  Classification out;
  std::array<std::size_t, kDisciplineCount> count{};
  for (const CueHit& h : hits) ++count[Index(h.discipline)];
  for (Discipline d : kAllDisciplines) {
    if (count[Index(d)] == 0) continue;
    out.scores[Index(d)] = 1;
    DisciplineSuggestion s;
    s.discipline = d;
    s.score = 1;
    s.threshold = 1;
    s.articles = RankArticles(c, d, text, hits);
    s.evidence_cues = CuesOf(d, hits);
    out.suggestions.push_back(std::move(s));
  }
  // The discipline with the most matched phrases comes first (the primary label).
  std::stable_sort(out.suggestions.begin(), out.suggestions.end(),
                   [&](const auto& a, const auto& b) {
                     return count[Index(a.discipline)] > count[Index(b.discipline)];
                   });
  return out;
}

}  // namespace xuncha
