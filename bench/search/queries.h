// The search benchmark's query set, fixed per seed: terms of 1, 2, 3 and 4+ characters cut from
// the corpus text, taken from the generator's vocabulary, names (surname + one or two given-name
// characters), terms that occur nowhere, and Traditional / full-width spellings of present terms
// (which only normalisation makes findable).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xuncha::bench {

struct BenchQuery {
  std::string kind;  // sample, vocab, name, absent, traditional, full_width
  std::string raw;   // as a user would type it (normalise before use)
};

// `count` queries drawn with `seed` from `texts` (the corpus's normalised texts, which the
// sampled terms are cut from). Deterministic for the same seed, texts and count. Sampled terms
// never begin or end with a space and never hold a double quote (a peer's query syntax).
std::vector<BenchQuery> MakeQueries(const std::vector<std::string>& texts, std::uint64_t seed,
                                    std::size_t count);

// Code points in valid UTF-8 `s`.
std::size_t CodePointCount(const std::string& s);

// The length bucket of a normalised term: 1, 2, 3, or 4 for four and more characters.
int LengthBucket(const std::string& normalised_term);

}  // namespace xuncha::bench
