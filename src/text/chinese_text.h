// Chinese text as the search index, the person matcher and the repeat detector need it, done by
// ICU (no hand-written tables where ICU has the data):
//   Normalize — NFKC (full-width letters, digits and punctuation to half-width, compatibility
//               forms folded), Traditional → Simplified, lower case, runs of white space to one
//               space; emoji and other symbols are kept;
//   Words     — word segmentation with ICU's dictionary-based BreakIterator, words only (no
//               punctuation or spaces);
//   Pinyin    — Han → Latin without tones, one syllable per character separated by spaces, so
//               names written with a different character of the same sound compare equal
//               (王胜宏 / 王胜弘 → "wang sheng hong").
// Input must be valid UTF-8: anything else is refused (kInvalidArgument "bad_utf8"), never
// repaired silently. Thread-safe: each thread builds its own ICU objects on first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xuncha::text {

bool IsValidUtf8(std::string_view s);

Result<std::string> Normalize(std::string_view utf8);

// Segments `utf8` (normalise it first for search) into words, in order.
Result<std::vector<std::string>> Words(std::string_view utf8);

// Toneless pinyin of `utf8`'s Han characters; other characters pass through lower-cased.
Result<std::string> Pinyin(std::string_view utf8);

// The code points of valid UTF-8 `s`, each as its own UTF-8 string (for character n-grams).
std::vector<std::string> Characters(std::string_view s);

}  // namespace xuncha::text
