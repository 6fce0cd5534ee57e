#include "files/multipart.h"

#include <gtest/gtest.h>

#include <chrono>

namespace xuncha::files {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

// A body as Chrome sends it for a report with a text field and two files.
std::string TwoFilesAndAField() {
  const std::string b(kBoundary);
  return "--" + b +
         "\r\n"
         "Content-Disposition: form-data; name=\"content\"\r\n"
         "\r\n"
         "某局长违规收受礼金。\r\n第二行。\r\n"
         "--" +
         b +
         "\r\n"
         "Content-Disposition: form-data; name=\"files\"; filename=\"../../etc/passwd\"\r\n"
         "Content-Type: image/jpeg\r\n"
         "\r\n"
         "\xFF\xD8 not really a jpeg \r\n-- almost a delimiter\r\n"
         "--" +
         b +
         "\r\n"
         "content-disposition: form-data; name=\"files\"; filename=\"票据.pdf\"\r\n"
         "\r\n"
         "%PDF-1.4\r\n"
         "--" +
         b + "--\r\n";
}

TEST(MultipartTest, TwoFilesAndAFieldWithAQuotedBoundary) {
  auto parts = ParseMultipart("multipart/form-data; boundary=\"" + std::string(kBoundary) + "\"",
                              TwoFilesAndAField());
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "content");
  EXPECT_FALSE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "某局长违规收受礼金。\r\n第二行。");
  EXPECT_EQ((*parts)[1].name, "files");
  EXPECT_TRUE((*parts)[1].is_file);
  EXPECT_EQ((*parts)[1].filename, "passwd");
  EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[1].data, "\xFF\xD8 not really a jpeg \r\n-- almost a delimiter");
  EXPECT_EQ((*parts)[2].filename, "票据.pdf");
  EXPECT_EQ((*parts)[2].content_type, "");
  EXPECT_EQ((*parts)[2].data, "%PDF-1.4");
}

TEST(MultipartTest, UnquotedBoundaryPreambleEpilogueAndPadding) {
  const std::string body =
      "preamble to ignore\r\n--abc  \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
      "--abc\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--abc--epilogue";
  auto parts = ParseMultipart("Multipart/Form-Data ; charset=utf-8; BOUNDARY=abc", body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].data, "1");
  EXPECT_EQ((*parts)[1].name, "b");
  EXPECT_EQ((*parts)[1].data, "");

  auto empty = ParseMultipart("multipart/form-data; boundary=abc", "--abc--\r\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(MultipartTest, FilenameStarAndQuotedEscapes) {
  const std::string body =
      "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"fallback.txt\"; "
      "filename*=UTF-8''%E4%B8%BE%E6%8A%A5%2F..%2F%E6%9D%90%E6%96%99.txt\r\n\r\ndata\r\n"
      "--x\r\nContent-Disposition: form-data; name=\"g\"; filename=\"a \\\"quoted\\\" "
      "name.txt\"\r\n"
      "\r\n\r\n"
      "--x\r\nContent-Disposition: form-data; name=\"h\"; "
      "filename=\"C:\\Users\\wang\\照片.jpg\"\r\n"
      "\r\n\r\n"
      "--x\r\nContent-Disposition: form-data; name=\"i\"; filename*=GBK''%D5%D5.jpg; "
      "filename=\"ok.jpg\"\r\n\r\n\r\n"
      "--x--";
  auto parts = ParseMultipart("multipart/form-data; boundary=x", body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ((*parts)[0].filename, "材料.txt");  // decoded first, then the path cut off
  EXPECT_EQ((*parts)[1].filename, "a \"quoted\" name.txt");
  EXPECT_EQ((*parts)[2].filename, "照片.jpg");  // an old browser's full Windows path
  EXPECT_EQ((*parts)[3].filename, "ok.jpg");    // only UTF-8 is understood in filename*
}

TEST(MultipartTest, SafeFileName) {
  EXPECT_EQ(SafeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SafeFileName("..\\..\\boot.ini"), "boot.ini");
  EXPECT_EQ(SafeFileName("a\x01\nb\x7F.txt"), "ab.txt");
  EXPECT_EQ(SafeFileName("\xC2\x85x.txt"), "x.txt");                    // C1 control NEL
  EXPECT_EQ(SafeFileName("photo\xE2\x80\xAEgpj.exe"), "photogpj.exe");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(SafeFileName("\xFF\xFEok\xC0\xAF.txt"), "ok.txt");          // invalid and overlong
  EXPECT_EQ(SafeFileName("\xED\xA0\x80x"), "x");                        // a surrogate
  EXPECT_EQ(SafeFileName("  name.txt  "), "name.txt");
  EXPECT_EQ(SafeFileName(""), "");
  EXPECT_EQ(SafeFileName("/"), "");
  EXPECT_EQ(SafeFileName(".."), "");
  EXPECT_EQ(SafeFileName("a/."), "");
  EXPECT_EQ(SafeFileName("\x01\x02"), "");

  std::string long_name;
  for (int i = 0; i < 150; ++i) long_name += "举";
  const std::string cut = SafeFileName(long_name + ".pdf");
  EXPECT_EQ(cut.size(), 100u * 3);  // 100 code points of 3 bytes
  EXPECT_EQ(SafeFileName(std::string(99, 'a') + "\xE4\xB8\xBE"), std::string(99, 'a') + "举");
}

void ExpectBad(std::string_view header, std::string_view body, std::string_view reason,
               std::size_t max_parts = 20) {
  auto r = ParseMultipart(header, body, max_parts);
  ASSERT_FALSE(r.ok()) << "expected: " << reason;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().key, "bad_multipart");
  EXPECT_NE(r.error().message.find(reason), std::string::npos) << r.error().message;
}

TEST(MultipartTest, MalformedBodiesSayWhy) {
  const std::string ct = "multipart/form-data; boundary=" + std::string(kBoundary);
  const std::string body = TwoFilesAndAField();

  ExpectBad("application/json", body, "not multipart/form-data");
  ExpectBad("multipart/form-data", body, "missing boundary");
  ExpectBad("multipart/form-data; charset=utf-8", body, "missing boundary");
  ExpectBad("multipart/form-data; boundary=", body, "bad boundary");
  ExpectBad("multipart/form-data; boundary=\"" + std::string(71, 'a') + "\"", body, "bad boundary");
  ExpectBad("multipart/form-data; boundary=\"a<b\"", body, "bad boundary");
  ExpectBad("multipart/form-data; boundary=\"abc", body, "unterminated quoted string");
  ExpectBad("multipart/form-data; boundary=other", body, "no opening delimiter");

  // Truncated anywhere after the opening delimiter: never a half body taken as whole.
  for (std::size_t cut = kBoundary.size() + 2; cut < body.size() - 2; ++cut) {
    auto r = ParseMultipart(ct, std::string_view(body).substr(0, cut));
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.error().key, "bad_multipart");
  }
  ExpectBad(ct, body.substr(0, body.size() / 2), "no closing delimiter");

  ExpectBad(ct, body, "too many parts", 2);
  ExpectBad("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " +
                std::string(9000, 'p') + "\r\n\r\ndata\r\n--x--",
            "part header too long");
  ExpectBad("multipart/form-data; boundary=x", "--x\r\nContent-Type: text/plain\r\n\r\nd\r\n--x--",
            "part without Content-Disposition");
  ExpectBad("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nd\r\n--x--",
            "part without a name");
  ExpectBad("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nd\r\n--x--",
            "not form-data");
  ExpectBad("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition form-data\r\n\r\nd\r\n--x--", "malformed part header");
  ExpectBad("multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nd\r\n--x--",
            "malformed part header");  // obsolete line folding
  ExpectBad("multipart/form-data; boundary=x", "--xy\r\n", "bad delimiter line");
  ExpectBad("multipart/form-data; boundary=x",
            "--x\nContent-Disposition: form-data; name=a\n\nd\n--x--\n", "bad delimiter line");
}

TEST(MultipartTest, HostileBodiesTakeLinearTime) {
  // Many near-delimiters, and a part whose data is mostly CRs and LFs.
  std::string body =
      "--" + std::string(70, 'b') + "\r\nContent-Disposition: form-data; name=x\r\n\r\n";
  for (int i = 0; i < 200000; ++i) body += "\r\n--" + std::string(69, 'b') + "a";
  body += "\r\n--" + std::string(70, 'b') + "--";
  const auto start = std::chrono::steady_clock::now();
  auto r = ParseMultipart("multipart/form-data; boundary=" + std::string(70, 'b'), body);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].data.size(), 200000u * 74);
  EXPECT_LT(took, std::chrono::seconds(2));
}

}  // namespace
}  // namespace xuncha::files
