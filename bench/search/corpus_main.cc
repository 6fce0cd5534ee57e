// search_corpus: writes a synthetic corpus of complaint-like reports (corpus.h) as TSV.
//   search_corpus --size 200k --seed 42 --out corpus.tsv
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "corpus.h"

int main(int argc, char** argv) {
  CLI::App app{"Synthetic complaint-like reports (信访举报) with ground truth, as TSV"};
  std::string size = "20k", out_path;
  std::uint64_t seed = 42;
  app.add_option("--size", size, "20k, 200k, 2M or a record count")->capture_default_str();
  app.add_option("--seed", seed, "the corpus seed")->capture_default_str();
  app.add_option("--out", out_path, "file to write (default: stdout)");
  CLI11_PARSE(app, argc, argv);
  const auto n = xuncha::bench::CorpusSizeFromFlag(size);
  if (!n) {
    std::cerr << "search_corpus: --size must be 20k, 200k, 2M or a positive number\n";
    return 2;
  }
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary);
    if (!file) {
      std::cerr << "search_corpus: cannot write " << out_path << "\n";
      return 1;
    }
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  xuncha::bench::WriteCorpusHeader(out);
  for (std::uint32_t id = 1; id <= *n; ++id) {
    xuncha::bench::WriteCorpusRecord(out, xuncha::bench::GenerateRecord(seed, id));
  }
  out.flush();
  if (!out) {
    std::cerr << "search_corpus: write failed\n";
    return 1;
  }
  return 0;
}
