#include "mail/mime_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace xuncha::mail {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(XUNCHA_SOURCE_DIR) / "tests/data/eml";

std::string ReadEml(const std::string& name) {
  std::ifstream in(kCorpus / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Strict UTF-8: no overlong forms, surrogates or values above U+10FFFF. Counts code points.
bool Utf8Length(std::string_view s, std::size_t* length) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80             ? 1
                      : (b & 0xE0) == 0xC0 ? 2
                      : (b & 0xF0) == 0xE0 ? 3
                      : (b & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  *length = n;
  return true;
}

bool IsUtf8(std::string_view s) {
  std::size_t ignored;
  return Utf8Length(s, &ignored);
}

void ExpectSafe(const ParsedMail& m) {
  EXPECT_TRUE(IsUtf8(m.message_id));
  EXPECT_TRUE(IsUtf8(m.from_name));
  EXPECT_TRUE(IsUtf8(m.from_address));
  EXPECT_TRUE(IsUtf8(m.subject));
  EXPECT_TRUE(IsUtf8(m.text));
  for (const auto& w : m.warnings) EXPECT_TRUE(IsUtf8(w)) << w;
  EXPECT_LE(m.warnings.size(), 32u);
  for (const auto& a : m.attachments) {
    std::size_t length = 0;
    EXPECT_TRUE(Utf8Length(a.filename, &length)) << a.filename;
    EXPECT_GE(length, 1u);
    EXPECT_LE(length, 100u) << a.filename;
    EXPECT_EQ(a.filename.find_first_of("/\\"), std::string::npos) << a.filename;
    for (char c : a.filename) EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << a.filename;
    EXPECT_NE(a.filename, "..");
    EXPECT_TRUE(IsUtf8(a.content_type));
  }
}

ParsedMail Parse(const std::string& name) {
  auto r = ParseMail(ReadEml(name));
  EXPECT_TRUE(r.ok()) << name << ": " << (r.ok() ? "" : r.error().message);
  if (!r.ok()) return {};
  ExpectSafe(*r);
  return std::move(r).value();
}

bool HasWarning(const ParsedMail& m, std::string_view needle) {
  for (const auto& w : m.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string Warnings(const ParsedMail& m) {
  std::string all;
  for (const auto& w : m.warnings) all += w + "; ";
  return all;
}

TEST(MimeParserTest, GbkQuotedPrintableBody) {
  ParsedMail m = Parse("gbk_qp.eml");
  EXPECT_EQ(m.message_id, "20240305102000.1001@mail.example.com");
  EXPECT_EQ(m.from_name, "一名知情职工");
  EXPECT_EQ(m.from_address, "reporter01@example.com");
  EXPECT_EQ(m.subject, "反映市某局某科长违规收受礼金问题");  // GBK B encoded-words
  EXPECT_EQ(m.date, 1709605200);                             // 2024-03-05 10:20 +0800
  EXPECT_EQ(m.text,
            "巡察组领导：\n\n我反映市某局办公室某科长（化名李某）在2023年春节前后，先后三次收受下属"
            "单位负责人所送礼金（合计=12000元），并利用职务便利在项目验收中为其提供帮助。\n\n以上"
            "情况属实，请组织调查核实。\n\n一名知情职工\n2024年3月5日");
  EXPECT_TRUE(m.attachments.empty());
  EXPECT_TRUE(m.warnings.empty()) << Warnings(m);
}

TEST(MimeParserTest, Gb18030CharactersOutsideGbk) {
  ParsedMail m = Parse("gb18030_rare.eml");
  // The subject is GB18030 labelled GBK: GMime alone would turn 𠀀 into "?2?6".
  EXPECT_EQ(m.subject, "举报区住建局副局长张𠀀插手工程招投标");
  EXPECT_EQ(m.from_name, "匿名");
  EXPECT_EQ(m.text,
            "巡察组：\n区住建局副局长张𠀀多次插手辖区道路改造工程招投标，指定由其亲属王𪚥实际控制"
            "的公司中标。\n相关合同编号为QJ-2023-017。");
  EXPECT_TRUE(m.warnings.empty()) << Warnings(m);
}

TEST(MimeParserTest, Big5Base64BodyWithCrlf) {
  ParsedMail m = Parse("big5_base64.eml");
  EXPECT_EQ(m.subject, "反映某鎮財政所會計挪用公款");
  EXPECT_EQ(m.from_name, "陳先生");
  EXPECT_EQ(m.text,
            "巡察組：\n某鎮財政所會計陳某自2022年起多次挪用專項資金，用於個人炒股，金額約人民幣三十"
            "萬元。\n請依法查處。");
}

TEST(MimeParserTest, AlternativePrefersPlainText) {
  ParsedMail m = Parse("utf8_alternative.eml");
  EXPECT_EQ(m.subject, "关于某街道办违规发放津贴补贴的情况反映");  // UTF-8 Q encoded-words
  EXPECT_EQ(m.from_name, "赵某");
  EXPECT_EQ(m.date, 1709899200);
  EXPECT_EQ(m.text,
            "某街道办事处2023年以加班费名义违规发放津贴补贴，人均每月800元。\n发放明细另附。");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(MimeParserTest, HtmlOnlyBecomesPlainText) {
  ParsedMail m = Parse("html_only.eml");
  EXPECT_EQ(m.subject, "某区教育局干部公车私用问题");  // UTF-8 B
  EXPECT_EQ(m.text,
            "某区教育局干部李某长期 公车私用，周末驾驶公车往返老家。\n"
            "时间&地点：\n"
            "2024年2月10日<除夕>\n"
            "某县某村\n"
            "车牌：某A·12345\n"
            "\"公务用车\"标识已遮挡\n"
            "日期 里程\n"
            "2月10日 320公里\n"
            "© 一名群众 &unknown; \uFFFD \uFFFD");
}

TEST(MimeParserTest, GbkQSubjectWithoutMessageId) {
  ParsedMail m = Parse("no_message_id.eml");
  EXPECT_EQ(m.message_id, "");
  EXPECT_EQ(m.subject, "反映某乡镇卫生院违规收费");
  EXPECT_EQ(m.from_name, "");
  EXPECT_EQ(m.from_address, "reporter06@example.com");
  EXPECT_EQ(m.text, "某乡镇卫生院对参合农民重复收取检查费，每人次多收50元。");
}

TEST(MimeParserTest, Rfc2047FilenamesAndGb2312Labels) {
  ParsedMail m = Parse("attachment_rfc2047.eml");
  EXPECT_EQ(m.subject, "反映某所所长王喆违规报销");  // 喆 is GBK, labelled gb2312
  EXPECT_EQ(m.from_name, "王喆的同事");
  EXPECT_EQ(m.text, "详见附件。");
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].filename, "举报材料（王喆）.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].data,
            "%PDF-1.4\n% fictional test file\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  EXPECT_EQ(m.attachments[1].filename, "张𠀀收条.jpg");  // GB18030 labelled gbk
  EXPECT_EQ(m.attachments[1].content_type, "image/jpeg");
  EXPECT_EQ(m.attachments[1].data, "\xff\xd8\xff fictional jpeg");
}

TEST(MimeParserTest, Rfc2231Filenames) {
  ParsedMail m = Parse("attachment_rfc2231.eml");
  EXPECT_EQ(m.text, "证据清单和发放明细见附件。");
  ASSERT_EQ(m.attachments.size(), 3u);
  EXPECT_EQ(m.attachments[0].filename, "证据清单.xlsx");
  EXPECT_EQ(m.attachments[0].content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(m.attachments[0].data, "PK\x03\x04 fictional xlsx bytes");
  // A text part marked as attachment stays an attachment, its bytes not recoded.
  EXPECT_EQ(m.attachments[1].filename, "发放明细.csv");
  EXPECT_EQ(m.attachments[1].content_type, "text/csv");
  EXPECT_EQ(m.attachments[1].data, "\xd0\xd5\xc3\xfb,\xbd\xf0\xb6\xee\n\xc0\xee\xc4\xb3,800\n");
  EXPECT_EQ(m.attachments[2].filename, "王𪚥录音.amr");
}

TEST(MimeParserTest, ForwardedMessageFollowsTheText) {
  ParsedMail m = Parse("forwarded.eml");
  EXPECT_EQ(m.subject, "转发：补充材料");
  EXPECT_EQ(m.text,
            "请巡察组关注以下转发的邮件。\n"
            "\n"
            "---------- 转发的邮件 ----------\n"
            "发件人: 某局工作人员 <insider@example.org>\n"
            "主题: 关于某科长收受礼金的补充材料\n"
            "日期: 2024-03-01 09:00:00 +0800\n"
            "\n"
            "礼金分三次送达，均在办公室交接。");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(MimeParserTest, TruncatedMultipartKeepsWhatIsThere) {
  ParsedMail m = Parse("truncated.eml");
  EXPECT_EQ(m.text, "收据扫描件见附件。");
  EXPECT_TRUE(HasWarning(m, "truncated")) << Warnings(m);
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].filename, "receipt.jpg");
  std::string full;
  for (int k = 0; k < 20; ++k) full += "fictional scanned receipt ";
  EXPECT_FALSE(m.attachments[0].data.empty());
  EXPECT_LT(m.attachments[0].data.size(), full.size());
  EXPECT_EQ(full.compare(0, m.attachments[0].data.size(), m.attachments[0].data), 0);
}

TEST(MimeParserTest, WrongBoundaryIsRecoveredFromTheBody) {
  ParsedMail m = Parse("wrong_boundary.eml");
  EXPECT_EQ(m.text, "某村村委会主任虚报冒领低保金。");
  EXPECT_TRUE(HasWarning(m, "boundary")) << Warnings(m);
}

TEST(MimeParserTest, PathTricksAreNeutralised) {
  ParsedMail m = Parse("path_tricks.eml");
  EXPECT_EQ(m.text, "附件若干。");
  std::string stem = "关于某局某科长违规收受礼金问题的详细举报材料";
  std::vector<std::string> expected = {
      "passwd",                                           // ../../etc/passwd
      "a.exe",                                            // C:\evil\a.exe
      "报告.doc",                                         // control characters dropped
      "invoicefdp.exe",                                   // U+202E (right-to-left override) dropped
      "附件5",                                            // ".."
      "附件6",                                            // no name at all
      stem + stem + stem + stem + "关于某局某科长.docx",  // 100 code points, extension kept
  };
  ASSERT_EQ(m.attachments.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(m.attachments[k].filename, expected[k]) << k;
  }
  EXPECT_EQ(m.attachments[0].data, "root:x:0:0");
  EXPECT_EQ(m.attachments[5].content_type, "image/png");
}

TEST(MimeParserTest, UndeclaredEightBitGbk) {
  ParsedMail m = Parse("gbk_8bit_nocharset.eml");
  EXPECT_EQ(m.subject, "反映某局食堂超标准接待");  // raw 8-bit GBK header
  EXPECT_EQ(m.text, "某局机关食堂以工作餐名义超标准接待上级检查组，每桌标准超过2000元。");
  EXPECT_TRUE(HasWarning(m, "no charset declared, decoded as GB18030")) << Warnings(m);
}

TEST(MimeParserTest, UnknownCharsetFallsBackToGb18030) {
  ParsedMail m = Parse("unknown_charset.eml");
  EXPECT_EQ(m.text, "某站站长违规兼职取酬。");
  EXPECT_TRUE(HasWarning(m, "charset x-unknown decoded as GB18030")) << Warnings(m);
}

TEST(MimeParserTest, InvalidUtf8BecomesReplacementCharacters) {
  ParsedMail m = Parse("invalid_utf8.eml");
  EXPECT_EQ(m.text, "违规\uFFFD\uFFFD收费\uFFFD\uFFFD");
  EXPECT_TRUE(HasWarning(m, "U+FFFD")) << Warnings(m);
}

TEST(MimeParserTest, HeadersOnly) {
  ParsedMail m = Parse("headers_only.eml");
  EXPECT_EQ(m.subject, "只有标题");
  EXPECT_EQ(m.text, "");
  EXPECT_EQ(m.message_id, "");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(MimeParserTest, EveryCorpusFileParsesToSafeOutput) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".eml") continue;
    ++files;
    Parse(entry.path().filename().string());
  }
  EXPECT_GE(files, 16);
}

TEST(MimeParserTest, GarbageIsBadMime) {
  for (std::string bad :
       {std::string(""), std::string(" \r\n\r\n"), std::string("no header here\n\nbody\n"),
        std::string("\0\0\0\0", 4), std::string("\n\nSubject: after the blank line\n")}) {
    auto r = ParseMail(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().key, "bad_mime") << bad;
  }
}

TEST(MimeParserTest, CutAnywhereNeverCrashes) {
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".eml") continue;
    std::string bytes = ReadEml(entry.path().filename().string());
    for (std::size_t cut = 0; cut <= bytes.size(); cut += 13) {
      auto r = ParseMail(std::string_view(bytes).substr(0, cut));
      if (r.ok()) {
        ExpectSafe(*r);
      } else {
        EXPECT_EQ(r.error().key, "bad_mime") << entry.path() << " cut at " << cut;
      }
    }
  }
}

std::string Multipart(int children) {
  std::string m = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n";
  for (int k = 0; k < children; ++k) m += "--b\nContent-Type: text/plain\n\npart\n";
  return m + "--b--\n";
}

std::string Nested(int levels) {
  std::string m = "From: a@example.com\n";
  for (int k = 0; k < levels; ++k) {
    m += "Content-Type: multipart/mixed; boundary=b" + std::to_string(k) + "\n\n--b" +
         std::to_string(k) + "\n";
  }
  return m + "Content-Type: text/plain\n\n最深处\n";
}

TEST(MimeParserTest, PartAndDepthLimits) {
  auto ok = ParseMail(Multipart(99));  // the multipart and 99 parts: 100 objects
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto too_many = ParseMail(Multipart(100));
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().key, "mime_limits");

  auto deep = ParseMail(Nested(10));  // the text part at depth 10
  ASSERT_TRUE(deep.ok()) << deep.error().message;
  EXPECT_EQ(deep->text, "最深处");
  auto too_deep = ParseMail(Nested(11));
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.error().key, "mime_limits");
}

TEST(MimeParserTest, DeepForwardChainsAreRefused) {
  std::string m = "From: a@example.com\n";
  for (int k = 0; k < 3000; ++k) m += "Content-Type: message/rfc822\n\n";
  auto r = ParseMail(m + "text\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "mime_limits");
}

TEST(MimeParserTest, AttachmentBytesLimit) {
  std::string m =
      "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
      "MDEyMzQ1Njc4OQ==\n--b--\n";  // 10 bytes
  MimeLimits limits;
  limits.max_attachment_bytes = 10;
  auto ok = ParseMail(m, limits);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->attachments.at(0).data, "0123456789");
  limits.max_attachment_bytes = 9;
  auto r = ParseMail(m, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "mime_limits");
}

TEST(MimeParserTest, StructureGuardsRunBeforeGMime) {
  std::string parts = "From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n";
  for (int k = 0; k < 200; ++k) parts += "--x\n\nx\n";
  MimeLimits limits;
  limits.max_delimiter_lines = 100;
  auto r = ParseMail(parts, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "mime_limits");

  std::string fields;
  for (int k = 0; k < 200; ++k) fields += "X-Field-" + std::to_string(k) + ": v\n";
  limits = {};
  limits.max_header_lines = 100;
  r = ParseMail(fields + "\nbody\n", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().key, "mime_limits");
  EXPECT_TRUE(ParseMail(fields + "\nbody\n").ok());
}

TEST(MimeParserTest, TextPartsAndAttachments) {
  std::string m =
      "From: =?UTF-8?B?5byg5LiJ?= <zhang@example.com>\n"
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain; charset=utf-8\n\n第一段\n"
      "--b\nContent-Type: text/plain; charset=utf-8; name=\"note.txt\"\n\n附件文本\n"
      "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline; "
      "filename=\"inline.txt\"\n\n第二段\n"
      "--b\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\n"
      "--b--\n";
  auto r = ParseMail(m);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->from_name, "张三");
  EXPECT_EQ(r->text, "第一段\n第二段");
  ASSERT_EQ(r->attachments.size(), 2u);
  EXPECT_EQ(r->attachments[0].filename, "note.txt");
  EXPECT_EQ(r->attachments[0].data, "附件文本");
  EXPECT_EQ(r->attachments[1].filename, "附件2");
  EXPECT_EQ(r->attachments[1].content_type, "text/calendar");
  EXPECT_FALSE(r->date.has_value());
}

TEST(MimeParserTest, GbLabelsAreRewrittenOnlyInsideEncodedWords) {
  auto r = ParseMail(
      "From: =?GB2312?B?1cWVMoI2?= <zhang@example.com>\n"
      "Subject: =?gbk?B?1cWVMoI2?= a*=gbk'b =?gbk? c\n\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->from_name, "张𠀀");
  EXPECT_EQ(r->subject, "张𠀀 a*=gbk'b =?gbk? c");
}

TEST(MimeParserTest, HtmlEdgeCases) {
  std::string m =
      "From: a@example.com\nContent-Type: text/html\n\n"
      "<html><head><meta charset=\"gbk\"></head><body>"
      "a &lt; b &amp;&amp c<pre>  two\n  lines</pre>" +
      std::string("\xd6\xd0\xce\xc4") +  // 中文 in GBK, declared only by the <meta>
      "1 < 2<script>x</script>y <a href=\"x>y\">link</a>&#65&#x42;<b";
  auto r = ParseMail(m);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text, "a < b &&amp c\n  two\n  lines\n中文1 < 2y linkAB");
}

TEST(MimeParserTest, ConcurrentCallsAreSafe) {
  std::string gbk = ReadEml("gbk_qp.eml");
  std::string fwd = ReadEml("forwarded.eml");
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) {
        auto r = ParseMail(k % 2 == 0 ? gbk : fwd);
        if (!r.ok() || r->text.empty()) ++failures[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace xuncha::mail
