#include "xlsx/roster_xlsx.h"

#include <gtest/gtest.h>

#include "xlsx/xlsx_reader.h"

namespace xuncha::xlsx {
namespace {

std::vector<Leader> Sample() {
  Leader a;
  a.name = "王胜宏";
  a.post = "党组书记、局长";
  a.tier = LeaderTier::kLeadership;
  a.term_from = *Date::Parse("2019-01-15");
  Leader b;
  b.name = "赵磊";
  b.post = "书记";
  b.tier = LeaderTier::kSubordinate;
  b.org_name = "市财政投资评审中心党支部";
  b.term_from = *Date::Parse("2020-03-01");
  b.term_to = *Date::Parse("2025-12-31");
  return {a, b};
}

TEST(RosterXlsxTest, WhatWeExportWeImport) {
  auto bytes = WriteRoster("市财政局", Sample());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto back = ParseRoster(*bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].name, "王胜宏");
  EXPECT_EQ((*back)[0].post, "党组书记、局长");
  EXPECT_EQ((*back)[0].tier, LeaderTier::kLeadership);
  EXPECT_EQ((*back)[1].org_name, "市财政投资评审中心党支部");
  EXPECT_EQ((*back)[1].tier, LeaderTier::kSubordinate);
  EXPECT_EQ((*back)[1].term_to->ToString(), "2025-12-31");
}

TEST(RosterXlsxTest, BadRowsAreNamedByRowAndField) {
  auto rows = Sample();
  rows[1].name = "";
  auto bytes = WriteRoster("x", rows);
  auto back = ParseRoster(*bytes);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, ErrorCode::kValidation);
  EXPECT_EQ(back.error().fields.at("row3.name"), "required");
}

TEST(RosterXlsxTest, GarbageIsAClearErrorNotACrash) {
  for (std::string bad : {std::string(""), std::string("PK"), std::string("hello world"),
                          std::string("PK\x03\x04garbage-garbage-garbage", 27)}) {
    auto r = ParseRoster(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().key, "bad_xlsx");
  }
  // A valid workbook truncated anywhere never crashes.
  auto bytes = WriteRoster("x", Sample()).value();
  for (std::size_t cut = 0; cut < bytes.size(); cut += 97) {
    auto r = ParseRoster(std::string_view(bytes).substr(0, cut));
    EXPECT_FALSE(r.ok());
  }
}

TEST(RosterXlsxTest, RowLimitGuardsAgainstHugeSheets) {
  auto bytes = WriteRoster("x", Sample()).value();
  ReadLimits tiny;
  tiny.max_rows = 2;
  auto r = ReadFirstSheet(bytes, tiny);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "bad_xlsx");
}

}  // namespace
}  // namespace xuncha::xlsx
