// search_bench: the programs of the search benchmark (run.sh drives them, each step in its own
// process so that every engine's peak RSS is its own).
//   search_bench prepare --corpus corpus.tsv --dir W --seed S --queries N
//       normalise the corpus's texts (text::Normalize) into W/texts.txt, draw W/queries.tsv
//   search_bench truth --dir W      exact substring scan of the normalised texts → W/truth.bin
//   search_bench run ENGINE --dir W [--pg CONNINFO]   xuncha, fts5, xapian or pg_trgm
//   search_bench score --dir W --engine NAME          recall / precision per length bucket
// Every step prints one line (or one a variant) of key=value pairs on stdout.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string_view>
#include <thread>

#include "bench_io.h"
#include "corpus.h"
#include "engines.h"
#include "queries.h"
#include "text/chinese_text.h"

namespace xuncha::bench {
namespace {

// Runs fn(i) for i in [0, n) on two threads (the machine has two cores).
void Parallel(std::size_t n, const std::function<void(std::size_t)>& fn) {
  std::thread other([&] {
    for (std::size_t i = 1; i < n; i += 2) fn(i);
  });
  for (std::size_t i = 0; i < n; i += 2) fn(i);
  other.join();
}

Status Prepare(const std::string& corpus_path, const std::string& dir, std::uint64_t seed,
               std::size_t query_count) {
  std::ifstream in(corpus_path, std::ios::binary);
  if (!in) return Internal("cannot read " + corpus_path);
  std::vector<std::string> texts;
  std::uint64_t raw_bytes = 0;
  std::string error;
  while (auto r = ReadCorpusRecord(in, &error)) {
    raw_bytes += r->text.size();
    texts.push_back(std::move(r->text));
  }
  if (!error.empty()) return Internal(error);

  const double t0 = NowSeconds();
  std::vector<std::string> failures(2);
  Parallel(texts.size(), [&](std::size_t i) {
    auto n = text::Normalize(texts[i]);
    if (!n.ok()) {
      failures[i % 2] = "document " + std::to_string(i + 1) + ": " + n.error().message;
      return;
    }
    texts[i] = *std::move(n);
  });
  const double normalise_s = NowSeconds() - t0;
  for (const auto& f : failures) {
    if (!f.empty()) return Internal("normalise " + f);
  }
  std::ofstream out(dir + "/texts.txt", std::ios::binary);
  std::uint64_t text_bytes = 0, chars = 0;
  for (const auto& t : texts) {
    if (t.find('\n') != std::string::npos) return Internal("a normalised text holds a newline");
    out << t << '\n';
    text_bytes += t.size();
    chars += CodePointCount(t);
  }
  out.flush();
  if (!out) return Internal("cannot write texts.txt");

  std::vector<QueryRow> rows;
  std::size_t per_bucket[5] = {};
  for (auto& q : MakeQueries(texts, seed, query_count)) {
    auto term = text::Normalize(q.raw);
    if (!term.ok() || term->empty() || term->find_first_of("\t\n") != std::string::npos) continue;
    const int bucket = LengthBucket(*term);
    ++per_bucket[bucket];
    rows.push_back({bucket, q.kind, q.raw, *std::move(term)});
  }
  XUNCHA_TRY(WriteQueries(dir + "/queries.tsv", rows));
  std::cout << "prepare docs=" << texts.size() << " raw_bytes=" << raw_bytes
            << " text_bytes=" << text_bytes << " chars=" << chars << " avg_chars="
            << Fixed(static_cast<double>(chars) / static_cast<double>(texts.size()), 0)
            << " normalise_s=" << Fixed(normalise_s, 2) << " normalise_docs_per_s_2_threads="
            << Fixed(static_cast<double>(texts.size()) / normalise_s, 0)
            << " queries=" << rows.size() << " b1=" << per_bucket[1] << " b2=" << per_bucket[2]
            << " b3=" << per_bucket[3] << " b4=" << per_bucket[4] << "\n";
  return Ok();
}

Status Truth(const std::string& dir) {
  XUNCHA_ASSIGN_OR_RETURN(auto texts, ReadTexts(dir + "/texts.txt"));
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(dir + "/queries.tsv"));
  const double t0 = NowSeconds();
  std::vector<DocIds> answers(queries.size());
  Parallel(queries.size(), [&](std::size_t qi) {
    const std::string_view term = queries[qi].term;
    for (std::size_t d = 0; d < texts.size(); ++d) {
      if (std::string_view(texts[d]).find(term) != std::string_view::npos) {
        answers[qi].push_back(static_cast<std::uint32_t>(d + 1));
      }
    }
  });
  const double scan_s = NowSeconds() - t0;
  XUNCHA_ASSIGN_OR_RETURN(auto w, ResultsWriter::Open(dir + "/truth.bin"));
  std::uint64_t matches[5] = {}, empty = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    matches[queries[i].bucket] += answers[i].size();
    empty += answers[i].empty();
    XUNCHA_TRY(w.Write(std::move(answers[i])));
  }
  XUNCHA_TRY(w.Close());
  std::cout << "truth scan_s=" << Fixed(scan_s, 2) << " queries_with_no_match=" << empty
            << " matches_b1=" << matches[1] << " matches_b2=" << matches[2]
            << " matches_b3=" << matches[3] << " matches_b4=" << matches[4] << "\n";
  return Ok();
}

Status Score(const std::string& dir, const std::string& engine) {
  XUNCHA_ASSIGN_OR_RETURN(auto queries, ReadQueries(dir + "/queries.tsv"));
  XUNCHA_ASSIGN_OR_RETURN(auto truth, ReadResults(dir + "/truth.bin"));
  XUNCHA_ASSIGN_OR_RETURN(auto got, ReadResults(dir + "/results-" + engine + ".bin"));
  if (truth.size() != queries.size() || got.size() != queries.size()) {
    return Internal("truth/results do not match the queries for " + engine);
  }
  struct Tally {
    std::uint64_t tp = 0, fp = 0, fn = 0, queries = 0, exact = 0;
  };
  Tally by[5];
  for (std::size_t i = 0; i < queries.size(); ++i) {
    DocIds common;
    std::set_intersection(truth[i].begin(), truth[i].end(), got[i].begin(), got[i].end(),
                          std::back_inserter(common));
    for (auto* t : {&by[queries[i].bucket], &by[0]}) {
      t->tp += common.size();
      t->fp += got[i].size() - common.size();
      t->fn += truth[i].size() - common.size();
      t->queries += 1;
      t->exact += got[i] == truth[i];
    }
  }
  const auto ratio = [](std::uint64_t a, std::uint64_t b) {
    return b == 0 ? std::string("-") : Fixed(static_cast<double>(a) / static_cast<double>(b), 4);
  };
  std::cout << "engine=" << engine;
  for (int b = 0; b <= 4; ++b) {
    const auto& t = by[b];
    const std::string s = b == 0 ? "all" : "b" + std::to_string(b);
    std::cout << " recall_" << s << "=" << ratio(t.tp, t.tp + t.fn) << " precision_" << s << "="
              << ratio(t.tp, t.tp + t.fp) << " exact_" << s << "=" << t.exact << "/" << t.queries;
  }
  std::cout << "\n";
  return Ok();
}

}  // namespace
}  // namespace xuncha::bench

int main(int argc, char** argv) {
  using namespace xuncha::bench;
  CLI::App app{"The search benchmark's steps (bench/search/run.sh drives them)"};
  app.require_subcommand(1);
  std::string dir, corpus, engine, pg;
  std::uint64_t seed = 42;
  std::size_t queries = 400;
  auto* prepare = app.add_subcommand("prepare", "normalise the corpus, draw the queries");
  prepare->add_option("--corpus", corpus)->required();
  prepare->add_option("--dir", dir)->required();
  prepare->add_option("--seed", seed)->capture_default_str();
  prepare->add_option("--queries", queries)->capture_default_str();
  auto* truth = app.add_subcommand("truth", "exact substring scan → truth.bin");
  truth->add_option("--dir", dir)->required();
  auto* run = app.add_subcommand("run", "build one engine's index and answer the queries");
  run->add_option("engine", engine, "xuncha, fts5, xapian or pg_trgm")->required();
  run->add_option("--dir", dir)->required();
  run->add_option("--pg", pg, "libpq connection string (pg_trgm)");
  auto* score = app.add_subcommand("score", "recall and precision against truth.bin");
  score->add_option("--dir", dir)->required();
  score->add_option("--engine", engine)->required();
  CLI11_PARSE(app, argc, argv);

  xuncha::Status st;
  if (prepare->parsed()) {
    st = Prepare(corpus, dir, seed, queries);
  } else if (truth->parsed()) {
    st = Truth(dir);
  } else if (score->parsed()) {
    st = Score(dir, engine);
  } else {
    const EngineArgs args{dir, pg};
    xuncha::Result<std::vector<std::string>> lines =
        engine == "xuncha"    ? RunXuncha(args)
        : engine == "fts5"    ? RunFts5(args)
        : engine == "xapian"  ? RunXapian(args)
        : engine == "pg_trgm" ? RunPgTrgm(args)
                              : xuncha::InvalidArgument("unknown engine " + engine);
    if (lines.ok()) {
      for (const auto& l : *lines) std::cout << l << "\n";
    } else {
      st = lines.error();
    }
  }
  if (!st.ok()) {
    std::cerr << "search_bench: " << st.error().message << "\n";
    return 1;
  }
  return 0;
}
