// A seeded generator of a repeat-detection benchmark set (issue 4): complaint-like reports about
// fictional officials of city departments, and, for a fraction of them, repeats and hard
// negatives with ground truth.
//
//   base                  a report: intro, 3-4 fact sentences of one act (公款吃喝, 违规发放补贴,
//                         收受礼金, 插手工程, 违规用人, 公车私用, 借考察旅游, 优亲厚友), 1-6
//                         filler sentences, closing; 150-600 characters. Every sentence is
//                         rendered from a template with variants and alternatives ({a|b}, [opt]).
//   edited copy           the base's text edited: characters substituted, deleted and inserted,
//                         phrases inserted, sentences swapped or dropped, greetings and signature
//                         lines added, Traditional characters, full-width digits, line breaks.
//   paraphrase            the base's facts (person, place, amounts, dates, firm) rendered again
//                         with other template variants and alternatives, other intro, fillers
//                         and closing.
//   same person, other act      (hard negative) the base's official, another act, new facts.
//   same template, other person (hard negative) the base's act rendered with the very same
//                         template choices but another official and new facts: a form letter.
//
// Ground truth: the base, its edited copies and its paraphrases form one cluster; every pair in
// a cluster is a repeat; nothing else is. Deterministic for a given (count, seed).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xuncha::bench {

enum class DocKind { kBase, kEdited, kParaphrase, kSamePersonOtherAct, kSameTemplateOtherPerson };

const char* DocKindName(DocKind kind);

struct RepeatDoc {
  std::string text;  // as written (not normalised)
  DocKind kind = DocKind::kBase;
  std::uint32_t cluster;             // repeats share it
  std::uint32_t source;              // index of the base it derives from (itself for a base)
  std::vector<std::string> persons;  // "leader:N" as a person matcher would find them; may be
                                     // empty (the matcher missed)
};

struct CorpusOptions {
  std::size_t count = 20000;
  std::uint64_t seed = 1;
  double edited_rate = 0.20;         // share of bases that get an edited copy (30%: two)
  double paraphrase_rate = 0.08;     // ... a paraphrase
  double same_person_rate = 0.05;    // ... a same-person hard negative
  double same_template_rate = 0.05;  // ... a same-template hard negative
  double person_miss_rate = 0.15;    // share of docs whose person the matcher misses
  // Share of paraphrases that write their numbers in Chinese numerals (三千五百元, 二〇二三年,
  // 五月十二日). Drawn from the paraphrase's own seed, so 0 gives the same corpus as before.
  double han_rate = 0;
};

std::vector<RepeatDoc> GenerateRepeatCorpus(const CorpusOptions& options);

}  // namespace xuncha::bench
