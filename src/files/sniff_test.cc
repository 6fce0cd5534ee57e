#include "files/sniff.h"

#include <gtest/gtest.h>

#include <thread>

#include "domain/unit.h"
#include "files/test_files.h"
#include "xlsx/roster_xlsx.h"

namespace xuncha::files {
namespace {

using testing::ContentTypesXml;
using testing::TinyJpeg;
using testing::TinyPng;
using testing::Zip;

std::string ElfExecutable() {
  std::string h(128, '\0');
  h.replace(0, 4,
            "\x7F"
            "ELF");
  h[4] = 2;      // 64-bit
  h[5] = 1;      // little endian
  h[6] = 1;      // version
  h[16] = 2;     // ET_EXEC
  h[18] = 0x3E;  // x86-64
  h[20] = 1;
  return h;
}

std::string Docx(bool content_types_first, bool macros = false) {
  std::vector<std::pair<std::string, std::string>> entries = {
      {"_rels/.rels", "<Relationships/>"}, {"word/document.xml", "<w:document/>"}};
  if (macros) entries.emplace_back("word/vbaProject.bin", "VBA");
  if (content_types_first) {
    entries.insert(entries.begin(), {"[Content_Types].xml", ContentTypesXml()});
  } else {
    entries.emplace_back("[Content_Types].xml", ContentTypesXml());
  }
  return Zip(entries);
}

TEST(SniffTest, ImagesAndPdfByContent) {
  auto jpeg = Sniff(TinyJpeg());
  ASSERT_TRUE(jpeg.ok()) << jpeg.error().message;
  EXPECT_EQ(jpeg->mime, "image/jpeg");
  EXPECT_EQ(jpeg->extension, "jpg");
  EXPECT_EQ(Sniff(TinyPng())->mime, "image/png");
  EXPECT_EQ(Sniff(std::string("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"))->mime, "application/pdf");
  EXPECT_EQ(Sniff(std::string("GIF89a\x01\0\x01\0\0\0\0;", 13))->mime, "image/gif");
  EXPECT_EQ(Sniff("")->mime, "application/x-empty");
}

TEST(SniffTest, TextStaysTextInAnyCommonEncoding) {
  EXPECT_EQ(Sniff("举报材料：某局长违规收受礼金。\n")->mime, "text/plain");
  // The same sentence in GBK, as Windows Notepad in China saves it.
  auto gbk = HexDecode("bed9b1a8b2c4c1cfa3bac4b3bed6b3a4cea5b9e6cad5cadcc0f1bdf0a1a30d0a");
  EXPECT_EQ(Sniff(*gbk)->mime, "text/plain");
  EXPECT_EQ(Sniff("单位,金额\n市财政局,1000\n市统计局,2000\n")->mime, "text/plain");
  EXPECT_EQ(Sniff("<html><script>alert(1)</script></html>\n")->mime, "text/html");
}

TEST(SniffTest, AnExecutableNamedJpgIsRefusedAsWhatItIs) {
  // The name "photo.jpg" is nowhere in the call: only the bytes count.
  auto r = CheckFile(FilePolicy{}, ElfExecutable());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().key, "file_type_not_allowed");
  EXPECT_NE(r.error().message.find("application/x-executable"), std::string::npos)
      << r.error().message;
}

TEST(SniffTest, AZipIsAZipWhateverItIsCalled) {
  auto zip = Zip({{"photo.jpg", TinyJpeg()}});
  EXPECT_EQ(Sniff(zip)->mime, "application/zip");
  auto r = CheckFile(FilePolicy{}, zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "file_type_not_allowed");
  EXPECT_NE(r.error().message.find("application/zip"), std::string::npos);
}

TEST(SniffTest, OfficeZipsAreRecognisedByTheirParts) {
  const std::string docx_mime =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  // libmagic names this one itself ([Content_Types].xml first, as Word writes it) ...
  auto a = CheckFile(FilePolicy{}, Docx(true));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->mime, docx_mime);
  EXPECT_EQ(a->extension, "docx");
  // ... and says application/zip for this one; the central directory settles it.
  auto b = CheckFile(FilePolicy{}, Docx(false));
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->mime, docx_mime);

  // Macros are refused even inside a .docx.
  auto m = CheckFile(FilePolicy{}, Docx(true, true));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find("macroEnabled"), std::string::npos) << m.error().message;

  // A workbook as this project writes it (libxlsxwriter).
  Leader l;
  l.name = "王胜宏";
  l.post = "局长";
  l.term_from = *Date::Parse("2019-01-15");
  auto xlsx = xlsx::WriteRoster("市财政局", {l});
  ASSERT_TRUE(xlsx.ok());
  auto x = CheckFile(FilePolicy{}, *xlsx);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->mime, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(x->extension, "xlsx");
}

TEST(SniffTest, AZipBombDirectoryIsRefused) {
  auto bomb = Zip(
      {{"[Content_Types].xml", ContentTypesXml()}, {"word/document.xml", std::string(1000, '0')}},
      0xF0000000u);
  auto s = Sniff(bomb);
  ASSERT_TRUE(s.ok());
  EXPECT_GT(s->unpacked_bytes, 256u << 20);
  auto r = CheckFile(FilePolicy{}, bomb);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "file_type_not_allowed");
}

TEST(SniffTest, ADamagedZipDirectoryIsJustAZip) {
  auto docx = Docx(true);
  for (std::size_t cut : {docx.size() - 1, docx.size() - 30, docx.size() / 2, std::size_t{30}}) {
    auto s = Sniff(std::string_view(docx).substr(0, cut));
    ASSERT_TRUE(s.ok());
    EXPECT_NE(s->extension, "docx") << cut;
  }
}

TEST(SniffTest, SizesOverTheLimitAreRefusedBeforeSniffing) {
  FilePolicy policy;
  std::string big = TinyJpeg();
  big.resize(policy.max_file_bytes + 1, '\0');
  auto r = CheckFile(policy, big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(r.error().key, "file_too_large");

  big.resize(policy.max_file_bytes);
  EXPECT_TRUE(CheckFile(policy, big).ok());
}

TEST(SniffTest, PerSubmissionLimits) {
  FilePolicy policy;
  policy.max_files = 2;
  policy.max_total_bytes = 1000;
  const std::string jpeg = TinyJpeg(), png = TinyPng();
  auto ok = CheckFiles(policy, {jpeg, png});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ((*ok)[1].mime, "image/png");

  auto many = CheckFiles(policy, {jpeg, png, png});
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().key, "too_many_files");

  const std::string large(700, 'a');
  auto total = CheckFiles(policy, {large, large});
  ASSERT_FALSE(total.ok());
  EXPECT_EQ(total.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(total.error().key, "files_too_large");

  auto second_bad = CheckFiles(policy, {jpeg, ElfExecutable()});
  ASSERT_FALSE(second_bad.ok());
  EXPECT_EQ(second_bad.error().message.rfind("attachment 2:", 0), 0u);
}

TEST(SniffTest, EachThreadHasItsOwnMagicHandle) {
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&good, t] {
      for (int i = 0; i < 50; ++i) {
        auto s = Sniff(i % 2 == 0 ? TinyJpeg() : TinyPng());
        if (s.ok() && s->mime == (i % 2 == 0 ? "image/jpeg" : "image/png")) ++good[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int g : good) EXPECT_EQ(g, 50);
}

}  // namespace
}  // namespace xuncha::files
