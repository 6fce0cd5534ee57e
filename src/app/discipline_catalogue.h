// The discipline data the office edits, decoded from JSON (docs/triage.md):
//   share/discipline/articles.json   — the article catalogue (ArticleCatalogue);
//   share/discipline/labelled.jsonl  — labelled complaint texts for training and evaluation.
// Decoding never throws: bad JSON is kInvalidArgument "bad_json"; well-formed JSON with bad
// entries is kValidation whose `fields` name each bad entry, e.g. "articles[3].discipline" ->
// "unknown_discipline", "line 12.split" -> "required". Text is returned as written: the caller
// normalises texts (text::Normalize) before training or classifying.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/discipline.h"

namespace xuncha {

// Articles come back sorted by number; CheckCatalogue's rules apply.
Result<ArticleCatalogue> DecodeArticleCatalogue(std::string_view json);

// Which part of the labelled set an example belongs to; fixed in the file, never reassigned.
enum class DataSplit { kTrain, kTest };

struct LabelledExample {
  std::string id;
  std::string text;
  std::vector<Discipline> labels;  // first = primary; empty = unclear / out of scope
  DataSplit split = DataSplit::kTrain;
};

// One JSON object per line: {"id", "text", "labels": [keys], "split": "train"|"test"}; blank
// lines are skipped; ids must be unique.
Result<std::vector<LabelledExample>> DecodeLabelledExamples(std::string_view jsonl);

}  // namespace xuncha
