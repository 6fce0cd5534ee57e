// Repeat-detection benchmark (issue 4): generates the seeded set of bench/repeat/repeat_corpus.h,
// normalises and fingerprints every report, registers them one by one in a RepeatIndex in a
// shuffled order — each report is first looked up against those registered before it, as at
// registration, then added — and scores the links found against the ground truth.
//
//   repeat_bench --docs 20000 --seed 2 [--shingle 3 --hashes 128 --bands 32 --rows 4
//                --threshold 0.45 --bonus 0.10 --penalty 0.20 --min-shingles 12]
//                [--no-persons] [--no-facts] [--sweep] [--fact-sweep]
//                [--fact-threshold 0.5 --fact-min-weight 12 --fact-threshold-alone 0.75
//                 --fact-margin 16] [--han-rate 0.3: paraphrases in Chinese numerals]
//
// Prints `key=value` lines (what run.sh tabulates) and a short human summary. --sweep instead
// tries the shingle/hash/band configurations and a grid of thresholds on the same corpus (for
// tuning: do it on another seed than the one reported).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/near_duplicate.h"
#include "repeat_corpus.h"
#include "text/chinese_text.h"

namespace xuncha::bench {
namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long RssKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  }
  return -1;
}

std::uint64_t PairKey(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// A link the system made, with what the person rule saw.
struct Found {
  std::uint32_t a, b;
  RepeatMatch match;
};

struct Scores {
  std::size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Evaluation {
  Scores edited, paraphrase, overall;
  std::size_t hard_person_linked = 0, hard_person_total = 0;
  std::size_t hard_template_linked = 0, hard_template_total = 0;
  std::size_t fp_base_base = 0;  // links between two unrelated bases
};

bool IsKind(const RepeatDoc& d, DocKind k) { return d.kind == k; }

// Ground truth: all pairs inside a cluster. A pair is "paraphrase" if either side is one,
// otherwise "edited". A false link counts against "edited" if either side is an edited copy and
// against "paraphrase" if either side is a paraphrase; every false link counts in "overall".
Evaluation Evaluate(const std::vector<RepeatDoc>& docs, const std::vector<Found>& found) {
  Evaluation e;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> clusters;
  for (std::uint32_t i = 0; i < docs.size(); ++i) clusters[docs[i].cluster].push_back(i);
  std::unordered_set<std::uint64_t> linked;
  for (const Found& f : found) linked.insert(PairKey(f.a, f.b));
  for (const auto& [cluster, members] : clusters) {
    (void)cluster;
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const RepeatDoc& a = docs[members[x]];
        const RepeatDoc& b = docs[members[y]];
        const bool para = IsKind(a, DocKind::kParaphrase) || IsKind(b, DocKind::kParaphrase);
        Scores& s = para ? e.paraphrase : e.edited;
        const bool hit = linked.count(PairKey(members[x], members[y])) != 0;
        (hit ? s.tp : s.fn)++;
        (hit ? e.overall.tp : e.overall.fn)++;
      }
    }
  }
  std::unordered_set<std::uint64_t> hard_linked;
  for (const Found& f : found) {
    const RepeatDoc& a = docs[f.a];
    const RepeatDoc& b = docs[f.b];
    if (a.cluster == b.cluster) continue;
    e.overall.fp++;
    if (IsKind(a, DocKind::kEdited) || IsKind(b, DocKind::kEdited)) e.edited.fp++;
    if (IsKind(a, DocKind::kParaphrase) || IsKind(b, DocKind::kParaphrase)) e.paraphrase.fp++;
    if (IsKind(a, DocKind::kBase) && IsKind(b, DocKind::kBase)) e.fp_base_base++;
    for (const auto& [x, y] : {std::pair{f.a, f.b}, std::pair{f.b, f.a}}) {
      const RepeatDoc& hard = docs[x];
      const bool hn = IsKind(hard, DocKind::kSamePersonOtherAct) ||
                      IsKind(hard, DocKind::kSameTemplateOtherPerson);
      // Linked to its own source, or to any report of the source's cluster.
      if (hn && docs[hard.source].cluster == docs[y].cluster) hard_linked.insert(x);
    }
  }
  for (std::uint32_t i = 0; i < docs.size(); ++i) {
    if (IsKind(docs[i], DocKind::kSamePersonOtherAct)) {
      e.hard_person_total++;
      e.hard_person_linked += hard_linked.count(i);
    } else if (IsKind(docs[i], DocKind::kSameTemplateOtherPerson)) {
      e.hard_template_total++;
      e.hard_template_linked += hard_linked.count(i);
    }
  }
  return e;
}

// Registration in a shuffled order: look up, then add. Returns the links and the seconds spent.
// `facts`: each report's facts (ExtractFacts), or empty for text alone.
std::vector<Found> Register(const std::vector<RepeatDoc>& docs,
                            const std::vector<RepeatSignature>& sigs,
                            const std::vector<std::vector<std::string>>& facts,
                            const std::vector<std::uint32_t>& order, RepeatIndex& index,
                            bool use_persons, double* seconds) {
  std::vector<Found> found;
  const std::vector<std::string> none;
  const auto t0 = Clock::now();
  for (const std::uint32_t i : order) {
    const auto& persons = use_persons ? docs[i].persons : none;
    const auto& mine = facts.empty() ? none : facts[i];
    for (RepeatMatch& m : index.Find(sigs[i], persons, ReportId{}, mine)) {
      const auto other = static_cast<std::uint32_t>(m.report.value - 1);
      found.push_back({i, other, std::move(m)});
    }
    if (!index.Add(ReportId{static_cast<std::int64_t>(i) + 1}, sigs[i], persons, mine).ok()) {
      std::fprintf(stderr, "repeat_bench: Add failed\n");
      std::exit(1);
    }
  }
  *seconds = Seconds(t0);
  return found;
}

std::vector<std::uint32_t> ShuffledOrder(std::size_t n, std::uint64_t seed) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::uint64_t s = seed * 0x9e3779b97f4a7c15ULL + 1;
  for (std::size_t i = n; i > 1; --i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    std::swap(order[i - 1], order[(s >> 33) % i]);
  }
  return order;
}

std::vector<RepeatSignature> Fingerprint(const std::vector<std::string>& texts,
                                         const RepeatParams& p, double* seconds) {
  std::vector<RepeatSignature> sigs;
  sigs.reserve(texts.size());
  const auto t0 = Clock::now();
  for (const std::string& t : texts) sigs.push_back(RepeatSignature::Of(t, p));
  *seconds = Seconds(t0);
  return sigs;
}

void PrintScores(const char* name, const Scores& s) {
  std::printf("%s_precision=%.4f %s_recall=%.4f %s_f1=%.4f %s_tp=%zu %s_fp=%zu %s_fn=%zu\n", name,
              s.Precision(), name, s.Recall(), name, s.F1(), name, s.tp, name, s.fp, name, s.fn);
}

// Tuning: for each configuration, register with a low bar (0.2, no person adjustment) to
// collect every candidate pair's similarity and basis once, then apply each rule offline.
void Sweep(const std::vector<RepeatDoc>& docs, const std::vector<std::string>& texts,
           const std::vector<std::uint32_t>& order, bool use_persons, bool all_rows) {
  struct Config {
    int shingle, hashes, bands, rows;
  };
  const std::vector<Config> configs = {{2, 64, 16, 4},  {3, 64, 16, 4},  {2, 128, 32, 4},
                                       {3, 128, 32, 4}, {3, 126, 42, 3}, {4, 128, 32, 4},
                                       {3, 128, 16, 8}, {3, 96, 24, 4}};
  std::printf(
      "| k | hashes | bands×rows | fp docs/s | register s | T | bonus | penalty | "
      "edited P | edited R | edited F1 | para R | para F1 | overall F1 | hard linked |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Config& c : configs) {
    RepeatParams p;
    p.shingle_length = c.shingle;
    p.hash_count = c.hashes;
    p.bands = c.bands;
    p.rows = c.rows;
    p.threshold = 0.2;
    p.shared_person_bonus = 0;
    p.different_person_penalty = 0;
    double fp_s = 0, reg_s = 0;
    const auto sigs = Fingerprint(texts, p, &fp_s);
    auto index = RepeatIndex::Create(p);
    if (!index.ok()) std::exit(2);
    const std::vector<Found> all = Register(docs, sigs, {}, order, *index, use_persons, &reg_s);
    struct Row {
      double t, bonus, penalty;
      Evaluation e;
    };
    std::vector<Row> rows;
    for (const double t : {0.40, 0.45, 0.50, 0.55, 0.60, 0.65}) {
      for (const double bonus : {0.0, 0.05, 0.10, 0.15}) {
        for (const double penalty : {0.0, 0.20, 0.30, 0.40, 0.55}) {
          std::vector<Found> kept;
          for (const Found& f : all) {
            const RepeatBasis basis = f.match.basis;
            const double bar = basis == RepeatBasis::kTextAndSharedPerson    ? t - bonus
                               : basis == RepeatBasis::kTextDifferentPersons ? t + penalty
                                                                             : t;
            if (f.match.similarity >= bar) kept.push_back(f);
          }
          rows.push_back({t, bonus, penalty, Evaluate(docs, kept)});
        }
      }
    }
    // The best rule by edited F1 (ties: overall F1), and the defaults' row.
    const RepeatParams defaults;
    for (const Row& r : rows) {
      const bool is_default = r.t == defaults.threshold &&
                              r.bonus == defaults.shared_person_bonus &&
                              r.penalty == defaults.different_person_penalty;
      const bool is_best = std::none_of(rows.begin(), rows.end(), [&r](const Row& o) {
        return o.e.edited.F1() > r.e.edited.F1() ||
               (o.e.edited.F1() == r.e.edited.F1() && o.e.overall.F1() > r.e.overall.F1());
      });
      if (!is_default && !is_best && !all_rows) continue;
      const Evaluation& e = r.e;
      std::printf(
          "| %d | %d | %d×%d | %.0f | %.1f | %.2f | %.2f | %.2f | %.4f | %.4f | %.4f | "
          "%.4f | %.4f | %.4f | %zu/%zu |%s\n",
          c.shingle, c.hashes, c.bands, c.rows, double(texts.size()) / fp_s, reg_s, r.t, r.bonus,
          r.penalty, e.edited.Precision(), e.edited.Recall(), e.edited.F1(), e.paraphrase.Recall(),
          e.paraphrase.F1(), e.overall.F1(), e.hard_person_linked + e.hard_template_linked,
          e.hard_person_total + e.hard_template_total,
          is_best      ? " best"
          : is_default ? " default"
                       : "");
    }
    std::fflush(stdout);
  }
}

// Tuning of the fact rule: register once with the default text rule and a loose fact rule, then
// apply each fact rule offline (RepeatAccepted with each side's persons).
void FactSweep(const std::vector<RepeatDoc>& docs, const std::vector<RepeatSignature>& sigs,
               const std::vector<std::vector<std::string>>& facts,
               const std::vector<std::uint32_t>& order, bool use_persons) {
  RepeatParams loose;
  loose.fact_threshold = 0.2;
  loose.fact_min_weight = 0;
  loose.fact_threshold_alone = 0.2;
  loose.fact_margin_alone = -100;
  auto index = RepeatIndex::Create(loose);
  if (!index.ok()) std::exit(2);
  double reg_s = 0;
  const std::vector<Found> all = Register(docs, sigs, facts, order, *index, use_persons, &reg_s);
  const std::vector<std::string> none;
  std::printf(
      "| fact T | min bits | T alone | margin alone | edited F1 | para P | para R | para F1 | "
      "overall P | overall R | overall F1 | hard same person | hard same template |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  const RepeatParams defaults;
  for (const double t : {0.2, 0.3, 0.4, 0.5, 0.6}) {
    for (const double bits : {4.0, 8.0, 12.0, 16.0}) {
      for (const double ta : {0.4, 0.5, 0.6, 0.75}) {
        for (const double margin : {0.0, 4.0, 8.0, 12.0, 16.0}) {
          RepeatParams r;
          r.fact_threshold = t;
          r.fact_min_weight = bits;
          r.fact_threshold_alone = ta;
          r.fact_margin_alone = margin;
          std::vector<Found> kept;
          for (const Found& f : all) {
            const auto& pa = use_persons ? docs[f.a].persons : none;
            const auto& pb = use_persons ? docs[f.b].persons : none;
            if (RepeatAccepted(r, f.match, pa, pb)) kept.push_back(f);
          }
          const Evaluation e = Evaluate(docs, kept);
          const bool is_default =
              t == defaults.fact_threshold && bits == defaults.fact_min_weight &&
              ta == defaults.fact_threshold_alone && margin == defaults.fact_margin_alone;
          std::printf(
              "| %.2f | %.0f | %.2f | %.0f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | "
              "%zu/%zu | %zu/%zu |%s\n",
              t, bits, ta, margin, e.edited.F1(), e.paraphrase.Precision(), e.paraphrase.Recall(),
              e.paraphrase.F1(), e.overall.Precision(), e.overall.Recall(), e.overall.F1(),
              e.hard_person_linked, e.hard_person_total, e.hard_template_linked,
              e.hard_template_total, is_default ? " default" : "");
        }
      }
    }
  }
}

// Similarity quantiles per kind of pair (derived doc vs its base), to see the margins.
void Diagnose(const std::vector<RepeatDoc>& docs, const std::vector<std::string>& texts,
              const RepeatParams& p) {
  std::vector<std::vector<double>> sims(5);
  for (std::uint32_t i = 0; i < docs.size(); ++i) {
    if (docs[i].kind == DocKind::kBase) continue;
    const double s =
        RepeatSignature::Of(texts[i], p).Similarity(RepeatSignature::Of(texts[docs[i].source], p));
    sims[static_cast<int>(docs[i].kind)].push_back(s);
  }
  for (int k = 1; k < 5; ++k) {
    auto& v = sims[k];
    if (v.empty()) continue;
    std::sort(v.begin(), v.end());
    const auto at = [&v](double q) {
      return v[static_cast<std::size_t>(q * double(v.size() - 1))];
    };
    std::printf(
        "similarity to base, %s: n=%zu min=%.2f p01=%.2f p05=%.2f p25=%.2f p50=%.2f "
        "p75=%.2f p95=%.2f p99=%.2f max=%.2f\n",
        DocKindName(static_cast<DocKind>(k)), v.size(), v.front(), at(0.01), at(0.05), at(0.25),
        at(0.5), at(0.75), at(0.95), at(0.99), v.back());
  }
}

int Main(int argc, char** argv) {
  CorpusOptions corpus;
  RepeatParams p;
  bool sweep = false, use_persons = true, diagnose = false, all_rows = false;
  bool use_facts = true, fact_sweep = false;
  std::size_t dump = 0;
  std::size_t queries = 20000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "repeat_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--docs")
      corpus.count = std::strtoull(next(), nullptr, 10);
    else if (a == "--seed")
      corpus.seed = std::strtoull(next(), nullptr, 10);
    else if (a == "--han-rate")
      corpus.han_rate = std::atof(next());
    else if (a == "--shingle")
      p.shingle_length = std::atoi(next());
    else if (a == "--hashes")
      p.hash_count = std::atoi(next());
    else if (a == "--bands")
      p.bands = std::atoi(next());
    else if (a == "--rows")
      p.rows = std::atoi(next());
    else if (a == "--threshold")
      p.threshold = std::atof(next());
    else if (a == "--bonus")
      p.shared_person_bonus = std::atof(next());
    else if (a == "--penalty")
      p.different_person_penalty = std::atof(next());
    else if (a == "--min-shingles")
      p.min_shingles = std::atoi(next());
    else if (a == "--queries")
      queries = std::strtoull(next(), nullptr, 10);
    else if (a == "--no-persons")
      use_persons = false;
    else if (a == "--no-facts")
      use_facts = false;
    else if (a == "--fact-threshold")
      p.fact_threshold = std::atof(next());
    else if (a == "--fact-min-weight")
      p.fact_min_weight = std::atof(next());
    else if (a == "--fact-threshold-alone")
      p.fact_threshold_alone = std::atof(next());
    else if (a == "--fact-margin")
      p.fact_margin_alone = std::atof(next());
    else if (a == "--fact-sweep")
      fact_sweep = true;
    else if (a == "--sweep")
      sweep = true;
    else if (a == "--all-rows")
      all_rows = true;
    else if (a == "--diagnose")
      diagnose = true;
    else if (a == "--dump")
      dump = std::strtoull(next(), nullptr, 10);
    else {
      std::fprintf(stderr, "repeat_bench: unknown option %s (see the comment at the top)\n",
                   a.c_str());
      return 2;
    }
  }
  if (auto ok = ValidateRepeatParams(p); !ok.ok()) {
    std::fprintf(stderr, "repeat_bench: %s\n", ok.error().message.c_str());
    return 2;
  }

  auto t0 = Clock::now();
  const std::vector<RepeatDoc> docs = GenerateRepeatCorpus(corpus);
  const double gen_s = Seconds(t0);
  std::size_t kinds[5] = {};
  std::size_t chars = 0;
  for (const RepeatDoc& d : docs) {
    kinds[static_cast<int>(d.kind)]++;
    chars += text::Characters(d.text).size();
  }
  std::printf("docs=%zu seed=%llu generate_s=%.2f avg_chars=%.0f", docs.size(),
              static_cast<unsigned long long>(corpus.seed), gen_s,
              double(chars) / double(docs.size()));
  for (int k = 0; k < 5; ++k)
    std::printf(" %s=%zu", DocKindName(static_cast<DocKind>(k)), kinds[k]);
  std::printf("\n");

  t0 = Clock::now();
  std::vector<std::string> texts;
  texts.reserve(docs.size());
  for (const RepeatDoc& d : docs) {
    auto n = text::Normalize(d.text);
    if (!n.ok()) {
      std::fprintf(stderr, "repeat_bench: Normalize: %s\n", n.error().message.c_str());
      return 1;
    }
    texts.push_back(*std::move(n));
  }
  const double norm_s = Seconds(t0);
  std::printf("normalize_docs_per_s=%.0f\n", double(docs.size()) / norm_s);
  const std::vector<std::uint32_t> order = ShuffledOrder(docs.size(), corpus.seed);

  for (std::size_t i = 0; i < std::min(dump, docs.size()); ++i) {
    std::printf("[%zu %s cluster=%u source=%u] %s\n", i, DocKindName(docs[i].kind), docs[i].cluster,
                docs[i].source, docs[i].text.c_str());
  }
  if (diagnose) {
    Diagnose(docs, texts, p);
    return 0;
  }
  if (sweep) {
    Sweep(docs, texts, order, use_persons, all_rows);
    return 0;
  }

  double fp_s = 0, reg_s = 0;
  const std::vector<RepeatSignature> sigs = Fingerprint(texts, p, &fp_s);
  std::vector<std::vector<std::string>> facts;
  if (use_facts || fact_sweep) {
    t0 = Clock::now();
    facts.reserve(texts.size());
    std::size_t count = 0;
    for (const std::string& t : texts) {
      facts.push_back(ExtractFacts(t));
      count += facts.back().size();
    }
    std::printf("facts_docs_per_s=%.0f facts_per_doc=%.2f\n", double(texts.size()) / Seconds(t0),
                double(count) / double(texts.size()));
  }
  if (fact_sweep) {
    FactSweep(docs, sigs, facts, order, use_persons);
    return 0;
  }
  std::printf(
      "params: shingle=%d hashes=%d bands=%d rows=%d threshold=%.2f bonus=%.2f "
      "penalty=%.2f min_shingles=%d persons=%s facts=%s fact_threshold=%.2f "
      "fact_min_weight=%.0f fact_threshold_alone=%.2f fact_margin_alone=%.0f\n",
      p.shingle_length, p.hash_count, p.bands, p.rows, p.threshold, p.shared_person_bonus,
      p.different_person_penalty, p.min_shingles, use_persons ? "on" : "off",
      use_facts ? "on" : "off", p.fact_threshold, p.fact_min_weight, p.fact_threshold_alone,
      p.fact_margin_alone);
  std::printf("fingerprint_docs_per_s=%.0f signature_bytes=%zu\n", double(docs.size()) / fp_s,
              sigs.front().Encode().size());
  auto index = RepeatIndex::Create(p);
  if (!index.ok()) return 2;
  const long rss_before = RssKb("VmRSS:");
  const std::vector<Found> found = Register(docs, sigs, facts, order, *index, use_persons, &reg_s);
  const long rss_after = RssKb("VmRSS:");
  std::size_t by_facts = 0;
  for (const Found& f : found) {
    by_facts +=
        f.match.basis == RepeatBasis::kFacts || f.match.basis == RepeatBasis::kFactsAndSharedPerson;
  }
  std::printf("links_by_facts=%zu\n", by_facts);
  std::printf("register_docs_per_s=%.0f links=%zu index_rss_mb=%.0f\n", double(docs.size()) / reg_s,
              found.size(), double(rss_after - rss_before) / 1024.0);

  // Lookups against the full index: a sample of the reports, each excluding itself.
  const std::size_t q = std::min(queries, docs.size());
  std::size_t candidates = 0, matches = 0;
  t0 = Clock::now();
  for (std::size_t k = 0; k < q; ++k) {
    const std::uint32_t i = order[k * docs.size() / q];
    const auto& persons = use_persons ? docs[i].persons : std::vector<std::string>{};
    matches += index
                   ->Find(sigs[i], persons, ReportId{static_cast<std::int64_t>(i) + 1},
                          facts.empty() ? std::vector<std::string>{} : facts[i])
                   .size();
  }
  const double find_s = Seconds(t0);
  for (std::size_t k = 0; k < q; ++k)
    candidates += index->Candidates(sigs[order[k * docs.size() / q]]).size();
  std::printf(
      "lookups=%zu lookups_per_s=%.0f lookup_us=%.1f avg_candidates=%.2f avg_matches=%.3f\n", q,
      double(q) / find_s, 1e6 * find_s / double(q), double(candidates) / double(q) - 1,
      double(matches) / double(q));

  // The same question answered by a scan of every signature, for 200 queries: what the index
  // saves.
  const std::size_t scans = std::min<std::size_t>(200, docs.size());
  std::size_t scan_hits = 0;
  t0 = Clock::now();
  for (std::size_t k = 0; k < scans; ++k) {
    const RepeatSignature& s = sigs[order[k * docs.size() / scans]];
    for (const RepeatSignature& other : sigs) scan_hits += s.Similarity(other) >= p.threshold;
  }
  std::printf("scan_us=%.0f scan_hits=%zu\n", 1e6 * Seconds(t0) / double(scans), scan_hits);

  const Evaluation e = Evaluate(docs, found);
  PrintScores("edited", e.edited);
  PrintScores("paraphrase", e.paraphrase);
  PrintScores("overall", e.overall);
  std::printf(
      "hard_same_person_linked=%zu/%zu hard_same_template_linked=%zu/%zu "
      "fp_between_unrelated_bases=%zu\n",
      e.hard_person_linked, e.hard_person_total, e.hard_template_linked, e.hard_template_total,
      e.fp_base_base);
  std::printf("peak_rss_mb=%.0f\n", double(RssKb("VmHWM:")) / 1024.0);
  return 0;
}

}  // namespace
}  // namespace xuncha::bench

int main(int argc, char** argv) { return xuncha::bench::Main(argc, argv); }
