#include "queries.h"

#include <algorithm>

#include "../common/split_mix.h"
#include "corpus.h"

namespace xuncha::bench {
namespace {

using Rng = SplitMix64;

std::vector<std::string> CodePoints(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Characters the generator never writes, for terms that must find nothing.
const std::vector<std::string> kAbsentChars = {"龘", "靐", "齉", "爩", "麤", "鱻",
                                               "犇", "骉", "羴", "猋", "蟲", "叒"};

std::string Sample(const std::vector<std::string>& texts, Rng& rng, std::size_t len) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const auto cps = CodePoints(texts[rng.Below(texts.size())]);
    if (cps.size() < len) continue;
    const std::size_t start = rng.Below(cps.size() - len + 1);
    std::string term;
    for (std::size_t i = 0; i < len; ++i) term += cps[start + i];
    if (term.front() == ' ' || term.back() == ' ' || term.find('"') != std::string::npos) {
      continue;
    }
    return term;
  }
  return {};
}

}  // namespace

std::size_t CodePointCount(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

int LengthBucket(const std::string& normalised_term) {
  return static_cast<int>(std::min<std::size_t>(CodePointCount(normalised_term), 4));
}

std::vector<BenchQuery> MakeQueries(const std::vector<std::string>& texts, std::uint64_t seed,
                                    std::size_t count) {
  Rng rng(seed ^ 0x5EA4C4ULL);
  std::vector<BenchQuery> out;
  const auto& vocab = Vocabulary();
  const auto& surnames = Surnames();
  const auto& given = GivenNameChars();
  // Fixed proportions: half sampled text (1, 2, 3 and 4-8 characters in turn), then vocabulary,
  // names, Traditional and full-width spellings, absent terms.
  const std::size_t n_sample = count / 2, n_vocab = count * 15 / 100, n_name = count / 10,
                    n_trad = count * 8 / 100, n_full = count * 5 / 100;
  const std::size_t n_absent = count - n_sample - n_vocab - n_name - n_trad - n_full;
  for (std::size_t i = 0; i < n_sample && !texts.empty(); ++i) {
    const std::size_t len = i % 4 < 3 ? i % 4 + 1 : 4 + rng.Below(5);
    auto term = Sample(texts, rng, len);
    if (!term.empty()) out.push_back({"sample", std::move(term)});
  }
  for (std::size_t i = 0; i < n_vocab; ++i) {
    out.push_back({"vocab", std::string(vocab[rng.Below(vocab.size())])});
  }
  for (std::size_t i = 0; i < n_name; ++i) {
    std::string name(surnames[rng.Below(surnames.size())]);
    name += given[rng.Below(given.size())];
    if (i % 2 == 1) name += given[rng.Below(given.size())];  // half two, half three characters
    out.push_back({"name", std::move(name)});
  }
  for (std::size_t i = 0; i < n_trad; ++i) {
    // A vocabulary term or a sampled one that has a Traditional form.
    for (int attempt = 0; attempt < 50; ++attempt) {
      const std::string src = attempt % 2 == 0 ? std::string(vocab[rng.Below(vocab.size())])
                                               : Sample(texts, rng, 2 + rng.Below(3));
      const auto trad = ToTraditional(src);
      if (!src.empty() && trad != src) {
        out.push_back({"traditional", trad});
        break;
      }
    }
  }
  for (std::size_t i = 0; i < n_full; ++i) {
    for (int attempt = 0; attempt < 50; ++attempt) {
      const std::string src = attempt % 2 == 0 ? std::string(vocab[rng.Below(vocab.size())])
                                               : Sample(texts, rng, 2 + rng.Below(4));
      const auto full = ToFullWidth(src);
      if (!src.empty() && full != src) {
        out.push_back({"full_width", full});
        break;
      }
    }
  }
  for (std::size_t i = 0; i < n_absent; ++i) {
    std::string term;
    const std::size_t len = 1 + i % 4;
    for (std::size_t k = 0; k < len; ++k) term += kAbsentChars[rng.Below(kAbsentChars.size())];
    if (i % 3 == 2) term = std::string(surnames[rng.Below(surnames.size())]) + term;
    out.push_back({"absent", std::move(term)});
  }
  return out;
}

}  // namespace xuncha::bench
