// A seeded generator of synthetic complaint-like reports (信访举报) for the benchmarks of issue 4
// (search; later repeat detection and classification). Everything is fictional: names are drawn
// from surname and given-name character lists, units are generic city departments.
//
// Each record names an official of a city department and one or two acts (公款吃喝,
// 违规发放津贴补贴, 收受礼品礼金, ...), each act tied to the discipline it falls under, written
// as a reporter would: 150-600 characters, dates, amounts, Latin letters and digits mixed in, and
// in some records Traditional characters, full-width digits/Latin, emoji, or the target's name
// written with a character of the same sound.
//
// Deterministic: record `id` of seed `seed` is the same on every machine and every run, and does
// not depend on the other records (GenerateRecord needs no state), so corpora of different sizes
// share their first records. Pure: no I/O except ReadCorpus/WriteCorpusRecord.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::bench {

struct CorpusRecord {
  std::uint32_t id = 0;
  std::string date;                      // the report's date, YYYY-MM-DD
  std::string unit;                      // the department, e.g. 市交通运输局
  std::string target;                    // the named official, as the roster would spell him
  std::string target_written;            // as the report writes him (a homophone at times)
  std::string post;                      // e.g. 副局长
  std::vector<std::string> acts;         // the act keys the text was built from, e.g. 公款吃喝
  std::vector<std::string> disciplines;  // their disciplines, distinct, e.g. 廉洁纪律
  bool traditional = false;              // some characters written in Traditional form
  bool full_width = false;               // digits and Latin letters written full-width
  std::string text;                      // the report as written (not normalised), one line
};

// "20k", "200k", "2M" (or a plain number) → record count; nullopt for anything else.
std::optional<std::size_t> CorpusSizeFromFlag(std::string_view flag);

CorpusRecord GenerateRecord(std::uint64_t seed, std::uint32_t id);

// The act keys and the discipline each belongs to, in a fixed order.
struct ActInfo {
  std::string_view key;
  std::string_view discipline;
};
const std::vector<ActInfo>& Acts();

// Vocabulary a query generator may sample (units, posts, act keys, names, phrases).
const std::vector<std::string_view>& Vocabulary();
// Surnames and given-name characters the names are built from.
const std::vector<std::string_view>& Surnames();
const std::vector<std::string_view>& GivenNameChars();

// Traditional / full-width spelling of `s` (the same tables the generator uses), for queries
// that must find the Simplified / half-width text after normalisation.
std::string ToTraditional(std::string_view s);
std::string ToFullWidth(std::string_view s);

// TSV, one record a line: id, date, unit, target, target_written, post, acts (comma-separated),
// disciplines (comma-separated), flags (t = traditional, f = full-width, - = none), text.
// Text never holds a tab or a newline.
void WriteCorpusHeader(std::ostream& out);
void WriteCorpusRecord(std::ostream& out, const CorpusRecord& r);
// Reads the next record (skipping the header); nullopt at the end or on a malformed line
// (`error`, if given, is set for a malformed one).
std::optional<CorpusRecord> ReadCorpusRecord(std::istream& in, std::string* error = nullptr);

}  // namespace xuncha::bench
