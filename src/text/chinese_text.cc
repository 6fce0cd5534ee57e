#include "text/chinese_text.h"

#include <unicode/brkiter.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace xuncha::text {
namespace {

Error BadUtf8() { return InvalidArgument("text is not valid UTF-8", "bad_utf8"); }

Error IcuFailed(const char* what, UErrorCode status) {
  return Error::Make(ErrorCode::kInternal,
                     std::string("ICU ") + what + " failed: " + u_errorName(status), "internal");
}

// Per-thread ICU objects: transliterators and break iterators are not safe to share.
struct IcuObjects {
  std::unique_ptr<icu::Transliterator> normalize;
  std::unique_ptr<icu::Transliterator> pinyin;
  std::unique_ptr<icu::BreakIterator> words;
  // What `normalize` makes of each code point seen so far (see Normalize).
  std::unordered_map<UChar32, icu::UnicodeString> normalized_chars;
  UErrorCode status = U_ZERO_ERROR;
  const char* failed = nullptr;

  IcuObjects() {
    normalize.reset(icu::Transliterator::createInstance("NFKC; Traditional-Simplified; Any-Lower",
                                                        UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      failed = "normalizer";
      return;
    }
    pinyin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Any-Lower",
                                                     UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      failed = "Han-Latin";
      return;
    }
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) failed = "word break iterator";
  }
};

Result<IcuObjects*> Icu() {
  thread_local IcuObjects objects;
  if (objects.failed != nullptr) return IcuFailed(objects.failed, objects.status);
  return &objects;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) != 0 || c == 0x3000; }

}  // namespace

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i - 1 < n) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points above U+10FFFF.
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// One code point at a time, each mapped once per thread and cached: the same character always
// becomes the same text whatever surrounds it. ICU's Traditional-Simplified also has phrase
// rules that rewrite correct Simplified words (巡察 → 巡查, the very name of our work); mapping
// characters alone avoids them, keeps the output aligned with the input character by character,
// and makes repeated characters cheap.
Result<std::string> Normalize(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return BadUtf8();
  XUNCHA_ASSIGN_OR_RETURN(IcuObjects * icu, Icu());
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  auto put = [&out, &space](UChar32 c) {
    // White space (including the ideographic space and line breaks) to single spaces, trimmed.
    if (IsSpace(c)) {
      space = !out.empty();
      return;
    }
    if (space) out.push_back(' ');
    space = false;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      icu::UnicodeString(c).toUTF8String(out);
    }
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const uint8_t b = bytes[i];
    if (b < 0x80) {
      put(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    auto it = icu->normalized_chars.find(c);
    if (it == icu->normalized_chars.end()) {
      icu::UnicodeString one(c);
      icu->normalize->transliterate(one);
      it = icu->normalized_chars.emplace(c, one).first;
    }
    const icu::UnicodeString& mapped = it->second;
    for (int32_t k = 0; k < mapped.length();) {
      const UChar32 m = mapped.char32At(k);
      k += U16_LENGTH(m);
      put(m);
    }
  }
  return out;
}

Result<std::vector<std::string>> Words(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return BadUtf8();
  XUNCHA_ASSIGN_OR_RETURN(IcuObjects * icu, Icu());
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator& it = *icu->words;
  it.setText(u);
  std::vector<std::string> out;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    // UBRK_WORD_NONE: spaces and punctuation. Emoji and other symbols are not words either.
    if (it.getRuleStatus() == UBRK_WORD_NONE) continue;
    icu::UnicodeString w;
    u.extractBetween(start, end, w);
    out.push_back(ToUtf8(w));
  }
  return out;
}

Result<std::string> Pinyin(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return BadUtf8();
  XUNCHA_ASSIGN_OR_RETURN(IcuObjects * icu, Icu());
  // Han-Latin separates the syllables of adjacent characters with spaces.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu->pinyin->transliterate(u);
  return ToUtf8(u);
}

std::vector<std::string> Characters(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace xuncha::text
