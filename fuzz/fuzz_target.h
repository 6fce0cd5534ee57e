// XUNCHA_FUZZ_TARGET(Name) defines `int FuzzName(const uint8_t*, size_t)`. In the libFuzzer build
// (XUNCHA_LIBFUZZER) it also defines LLVMFuzzerTestOneInput; in the ordinary test build
// tests/fuzz_corpus_test.cc replays the committed corpus through every target under ASan+UBSan.
#pragma once

#include <cstddef>
#include <cstdint>

#define XUNCHA_FUZZ_DECLARE(Name) int Fuzz##Name(const std::uint8_t* data, std::size_t size)

#ifdef XUNCHA_LIBFUZZER
#define XUNCHA_FUZZ_TARGET(Name)                                                      \
  XUNCHA_FUZZ_DECLARE(Name);                                                          \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return Fuzz##Name(data, size);                                                    \
  }                                                                                   \
  XUNCHA_FUZZ_DECLARE(Name)
#else
#define XUNCHA_FUZZ_TARGET(Name) XUNCHA_FUZZ_DECLARE(Name)
#endif

XUNCHA_FUZZ_DECLARE(Xlsx);
XUNCHA_FUZZ_DECLARE(RequestBody);
XUNCHA_FUZZ_DECLARE(Query);
XUNCHA_FUZZ_DECLARE(ReportBody);
XUNCHA_FUZZ_DECLARE(Email);
XUNCHA_FUZZ_DECLARE(Multipart);
XUNCHA_FUZZ_DECLARE(Strip);
XUNCHA_FUZZ_DECLARE(SearchQuery);
XUNCHA_FUZZ_DECLARE(RepeatFacts);
