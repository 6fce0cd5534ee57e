#include "files/strip_metadata.h"

#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>

#include "files/sniff.h"
#include "files/test_files.h"

namespace xuncha::files {
namespace {

using testing::Pdf;
using testing::PdfStream;
using testing::PngChunk;
using testing::TinyJpeg;
using testing::TinyPng;

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// ---- JPEG -------------------------------------------------------------------------------------

std::string Segment(unsigned marker, std::string_view payload) {
  std::string s;
  s.push_back('\xFF');
  s.push_back(static_cast<char>(marker));
  const std::size_t len = payload.size() + 2;
  s.push_back(static_cast<char>(len >> 8));
  s.push_back(static_cast<char>(len & 0xFF));
  s.append(payload);
  return s;
}

void Be16(std::string& s, unsigned v) {
  s.push_back(static_cast<char>(v >> 8));
  s.push_back(static_cast<char>(v & 0xFF));
}
void Be32(std::string& s, unsigned v) {
  Be16(s, v >> 16);
  Be16(s, v & 0xFFFF);
}
void IfdEntry(std::string& s, unsigned tag, unsigned type, unsigned count, unsigned value) {
  Be16(s, tag);
  Be16(s, type);
  Be32(s, count);
  Be32(s, value);
}

// The GPS latitude 39/1 54/1 271828/10000 as EXIF rationals.
std::string Latitude() {
  std::string r;
  for (unsigned v : {39u, 1u, 54u, 1u, 271828u, 10000u}) Be32(r, v);
  return r;
}

// An EXIF APP1 payload as a phone writes one: camera make, orientation 6 (rotate 90°) and a GPS
// IFD with a latitude.
std::string ExifWithGps() {
  std::string t("MM\0*", 4);
  Be32(t, 8);                           // IFD0 at 8
  Be16(t, 3);                           // 3 entries: 8 + 2 + 36 + 4 = 50
  IfdEntry(t, 0x010F, 2, 12, 50);       // Make, ASCII, at 50
  IfdEntry(t, 0x0112, 3, 1, 6u << 16);  // Orientation = 6 (left-justified SHORT)
  IfdEntry(t, 0x8825, 4, 1, 62);        // GPS IFD at 62
  Be32(t, 0);
  t.append("SecretPhone", 12);            // with its NUL: 50 + 12 = 62
  Be16(t, 2);                             // GPS IFD: 62 + 2 + 24 + 4 = 92
  IfdEntry(t, 0x0001, 2, 2, 0x4E000000);  // GPSLatitudeRef "N"
  IfdEntry(t, 0x0002, 5, 3, 92);          // GPSLatitude at 92
  Be32(t, 0);
  t += Latitude();
  return std::string("Exif\0\0", 6) + t;
}

std::string InsertAfterApp0(const std::string& jpeg, std::string_view segments) {
  return jpeg.substr(0, 20) + std::string(segments) + jpeg.substr(20);
}

TEST(StripJpegTest, ExifGpsCommentAndFriendsAreGone) {
  const std::string xmp = std::string("http://ns.adobe.com/xap/1.0/\0", 29) +
                          "<x:xmpmeta><dc:creator>张三</dc:creator></x:xmpmeta>";
  const std::string icc = std::string("ICC_PROFILE\0\x01\x01", 14) + "desc: 张三's monitor";
  const std::string iptc = std::string("Photoshop 3.0\0", 14) + "8BIM by-line 张三";
  const std::string input =
      InsertAfterApp0(TinyJpeg(), Segment(0xE1, ExifWithGps()) + Segment(0xE1, xmp) +
                                      Segment(0xE2, icc) + Segment(0xED, iptc) +
                                      Segment(0xFE, "secret-comment")) +
      "PK\x03\x04 appended after EOI";

  auto out = StripMetadata("image/jpeg", input);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->substr(0, 2), "\xFF\xD8");
  EXPECT_EQ(out->substr(out->size() - 2), "\xFF\xD9");
  for (std::string_view gone : {std::string_view("secret-comment"), std::string_view("SecretPhone"),
                                std::string_view("\x88\x25", 2), std::string_view("张三"),
                                std::string_view("xmpmeta"), std::string_view("ICC_PROFILE"),
                                std::string_view("Photoshop"), std::string_view("PK\x03\x04", 4)}) {
    EXPECT_FALSE(Contains(*out, gone)) << gone;
  }
  EXPECT_FALSE(Contains(*out, Latitude()));
  EXPECT_EQ(Sniff(*out)->mime, "image/jpeg");

  // Exactly the original picture plus an orientation-only EXIF segment: the compressed data is
  // copied byte for byte.
  const std::string orientation_only(
      "Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06"
      "\0\0\0\0\0\0",
      32);
  EXPECT_EQ(*out, InsertAfterApp0(TinyJpeg(), Segment(0xE1, orientation_only)));
}

TEST(StripJpegTest, ACleanFileComesBackUnchanged) {
  auto out = StripMetadata("image/jpeg", TinyJpeg());
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, TinyJpeg());
}

TEST(StripJpegTest, TheJfifThumbnailIsDropped) {
  std::string jpeg = TinyJpeg();
  // APP0 JFIF with a 1x1 RGB thumbnail (3 bytes of pixels) in place of the thumbnail-less one.
  std::string jfif("JFIF\0\x01\x01\0\0\x01\0\x01\x01\x01", 14);
  jfif += "\x12\x34\x56";
  jpeg = jpeg.substr(0, 2) + Segment(0xE0, jfif) + jpeg.substr(20);
  auto out = StripMetadata("image/jpeg", jpeg);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, TinyJpeg());
}

TEST(StripJpegTest, RestartMarkersAndStuffedBytesStayInTheScan) {
  const std::string sof("\x08\0\x01\0\x01\x01\x01\x11\0", 9);
  const std::string sos("\x01\x01\0\0\x3F\0", 6);
  const std::string scan("\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xFF\xD1\x78", 11);
  const std::string jpeg = std::string("\xFF\xD8", 2) + Segment(0xDD, std::string("\0\x01", 2)) +
                           Segment(0xC0, sof) + Segment(0xDA, sos) + scan + "\xFF\xD9";
  auto out = StripMetadata("image/jpeg", jpeg);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, jpeg);
}

TEST(StripJpegTest, DamagedFilesAreAClearErrorNeverACrash) {
  for (std::string bad :
       {std::string(""), std::string("\xFF\xD8", 2), std::string("\xFF\xD8\xFF\xD9", 4),  // no scan
        std::string("\xFF\xD8\xFF\xE1\x00\x01", 6),  // length < 2
        std::string("\xFF\xD8\xFF\xE1\xFF\xFF", 6),  // past the end
        std::string("\xFF\xD8\x00\x00\x00\x00", 6),  // not a marker
        std::string("GIF89a")}) {
    auto r = StripMetadata("image/jpeg", bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().key, "file_damaged");
  }
  const std::string jpeg = InsertAfterApp0(TinyJpeg(), Segment(0xE1, ExifWithGps()));
  for (std::size_t cut = 0; cut < jpeg.size(); ++cut) {
    auto r = StripMetadata("image/jpeg", std::string_view(jpeg).substr(0, cut));
    ASSERT_FALSE(r.ok()) << cut;  // no EOI
    EXPECT_EQ(r.error().key, "file_damaged");
  }
  // Corrupt EXIF is simply dropped.
  std::string exif = ExifWithGps();
  exif[10] = '\x7F';  // IFD0 offset far past the segment
  auto r = StripMetadata("image/jpeg", InsertAfterApp0(TinyJpeg(), Segment(0xE1, exif)));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, TinyJpeg());
}

// ---- PNG --------------------------------------------------------------------------------------

std::string InsertAfterIhdr(const std::string& png, std::string_view chunks) {
  return png.substr(0, 33) + std::string(chunks) + png.substr(33);
}

TEST(StripPngTest, TextTimeExifAndProfileChunksAreGone) {
  const std::string input =
      InsertAfterIhdr(TinyPng(),
                      PngChunk("tEXt", std::string("Author\0张三", 13)) +
                          PngChunk("zTXt", std::string("Comment\0\0x", 10)) +
                          PngChunk("iTXt", std::string("Author\0\0\0zh\0作者\0张三", 25)) +
                          PngChunk("tIME", std::string("\x07\xE4\x05\x1D\x0C\0\0", 7)) +
                          PngChunk("eXIf", "MM\0*secret") +
                          PngChunk("iCCP", std::string("张三\0\0x", 9)) +
                          PngChunk("prVt", "private")) +
      "trailing after IEND";
  auto out = StripMetadata("image/png", input);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, TinyPng());
  EXPECT_FALSE(Contains(*out, "张三"));
  EXPECT_EQ(Sniff(*out)->mime, "image/png");
}

TEST(StripPngTest, ColourAndAnimationChunksStay) {
  const std::string kept = PngChunk("gAMA", std::string("\0\0\xB1\x8F", 4)) +
                           PngChunk("sRGB", std::string("\0", 1)) +
                           PngChunk("pHYs", std::string("\0\0\x0B\x13\0\0\x0B\x13\x01", 9));
  const std::string input = InsertAfterIhdr(TinyPng(), kept + PngChunk("tEXt", "k\0v"));
  auto out = StripMetadata("image/png", input);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, InsertAfterIhdr(TinyPng(), kept));
}

TEST(StripPngTest, DamagedFilesAreAClearErrorNeverACrash) {
  const std::string png = TinyPng();
  std::string huge_length = png;
  huge_length[8] = '\x7F';  // IHDR length far past the end
  for (const std::string& bad : {std::string(""), std::string("\x89PNG\r\n\x1A\n", 8), huge_length,
                                 InsertAfterIhdr(png, PngChunk("ABCD", "unknown critical")),
                                 InsertAfterIhdr(png, PngChunk("t\x01Xt", "bad type")),
                                 png.substr(0, 8) + png.substr(33),      // no IHDR
                                 png.substr(0, 33) + png.substr(57)}) {  // no IDAT
    auto r = StripMetadata("image/png", bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().key, "file_damaged");
  }
  for (std::size_t cut = 0; cut < png.size(); ++cut) {
    auto r = StripMetadata("image/png", std::string_view(png).substr(0, cut));
    ASSERT_FALSE(r.ok()) << cut;
  }
}

// ---- PDF --------------------------------------------------------------------------------------

// 张三 as a PDF text string in UTF-16BE with its byte order mark.
constexpr std::string_view kZhangSanUtf16Hex = "<FEFF5F204E09>";

std::string Xmp() {
  return "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta "
         "xmlns:x=\"adobe:ns:meta/\">"
         "<rdf:RDF><rdf:Description><dc:creator>张三</dc:creator><pdf:Author>张三</pdf:Author>"
         "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
}

// A one-page PDF with metadata everywhere it usually hides, then an incremental update that
// replaces the page's contents (the old contents stay in the file, as incremental saves leave
// them).
std::string PdfWithMetadata() {
  std::string pdf = Pdf(
      {
          "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R "
          "/PieceInfo << /Illustrator << /Private (张三-draft) >> >> >>",
          "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Metadata 6 0 R "
          "/PieceInfo << /App << /Private (x) >> >> /Annots [7 0 R 9 0 R] >>",
          PdfStream("", "% old-draft-secret\n0 0 m 100 100 l S"),
          PdfStream("/Type /Metadata /Subtype /XML", Xmp()),
          PdfStream("/Type /Metadata /Subtype /XML", Xmp()),
          "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /T " +
              std::string(kZhangSanUtf16Hex) +
              " /Contents (kept-note) /M (D:20200529120000+08'00') >>",
          "<< /Author " + std::string(kZhangSanUtf16Hex) +
              " /Creator (Microsoft Word) /Producer (ZhangSan-PC) >>",
          "<< /Type /Annot /Subtype /Widget /FT /Tx /T (field1) /Rect [40 40 90 60] /V (v) >>",
      },
      "/Info 8 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
  const std::size_t old_xref = std::stoul(pdf.substr(pdf.rfind("startxref\n") + 10));
  const std::size_t page_at = pdf.size();
  pdf +=
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 10 0 R "
      "/Annots [7 0 R 9 0 R] /Metadata 6 0 R >>\nendobj\n";
  const std::size_t contents_at = pdf.size();
  pdf += "10 0 obj\n" + PdfStream("", "0 0 m 50 50 l S") + "\nendobj\n";
  const std::size_t xref = pdf.size();
  auto entry = [](std::size_t off) {
    std::string n = std::to_string(off);
    return std::string(10 - n.size(), '0') + n + " 00000 n \n";
  };
  pdf += "xref\n3 1\n" + entry(page_at) + "10 1\n" + entry(contents_at) +
         "trailer\n<< /Size 11 /Root 1 0 R /Info 8 0 R /Prev " + std::to_string(old_xref) +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Everything a reader of `pdf` could see: every object as text, every stream decoded.
std::string EverythingIn(std::string_view pdf) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("test", pdf.data(), pdf.size());
  std::string all = q.getTrailer().unparse();
  for (QPDFObjectHandle& o : q.getAllObjects()) {
    if (o.isStream()) {
      all += o.getDict().unparse();
      auto data = o.getStreamData(qpdf_dl_all);
      all.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    } else {
      all += o.unparseResolved();
    }
  }
  return all;
}

TEST(StripPdfTest, InfoXmpPieceInfoAnnotationAuthorsAndOldRevisionsAreGone) {
  const std::string input = PdfWithMetadata();
  ASSERT_TRUE(Contains(EverythingIn(input), "张三"));  // the test input is what it claims
  ASSERT_TRUE(Contains(input, "old-draft-secret"));

  auto out = StripMetadata("application/pdf", input);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(Sniff(*out)->mime, "application/pdf");

  const std::string all = EverythingIn(*out);
  for (std::string_view gone :
       {std::string_view("Author"), std::string_view("张三"), std::string_view("\x5F\x20\x4E\x09"),
        std::string_view("5f204e09"), std::string_view("5F204E09"),
        std::string_view("Microsoft Word"), std::string_view("ZhangSan-PC"),
        std::string_view("xmpmeta"), std::string_view("PieceInfo"),
        std::string_view("old-draft-secret"), std::string_view("0123456789abcdef"),
        std::string_view("D:20200529")}) {
    EXPECT_FALSE(Contains(all, gone)) << gone;
    EXPECT_FALSE(Contains(*out, gone)) << gone;
  }
  EXPECT_TRUE(Contains(all, "0 0 m 50 50 l S"));  // the current page contents
  EXPECT_TRUE(Contains(all, "kept-note"));        // what a comment says is evidence
  EXPECT_TRUE(Contains(all, "field1"));           // a form field keeps its name

  QPDF q;
  q.processMemoryFile("out", out->data(), out->size());
  EXPECT_FALSE(q.getTrailer().hasKey("/Info"));
  EXPECT_FALSE(q.getTrailer().hasKey("/Encrypt"));
  EXPECT_TRUE(q.getTrailer().hasKey("/ID"));
  EXPECT_FALSE(q.getRoot().hasKey("/Metadata"));
  ASSERT_EQ(q.getAllPages().size(), 1u);
  QPDFObjectHandle page = q.getAllPages()[0];
  EXPECT_FALSE(page.hasKey("/Metadata"));
  EXPECT_FALSE(page.hasKey("/PieceInfo"));

  // The same input gives the same bytes (no time in the new /ID).
  auto again = StripMetadata("application/pdf", input);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *out);
}

std::string Encrypted(const std::string& user_password) {
  const std::string plain = PdfWithMetadata();
  QPDF q;
  q.processMemoryFile("plain", plain.data(), plain.size());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setR6EncryptionParameters(user_password.c_str(), "owner", true, true, true, true, true, true,
                              qpdf_r3p_full, true);
  w.write();
  auto buf = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

TEST(StripPdfTest, EncryptionIsRemovedOrTheFileRefused) {
  // Opens without a password (only an owner password): written back decrypted and stripped.
  auto out = StripMetadata("application/pdf", Encrypted(""));
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_FALSE(Contains(EverythingIn(*out), "张三"));
  EXPECT_FALSE(Contains(*out, "/Encrypt"));

  // Needs a password to open: cannot be stripped, so it is not taken.
  auto locked = StripMetadata("application/pdf", Encrypted("secret"));
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().key, "file_damaged");
}

TEST(StripPdfTest, DamagedFilesAreAClearErrorNeverACrash) {
  for (std::string bad : {std::string(""), std::string("%PDF-1.4\n"),
                          std::string("%PDF-1.4\ngarbage garbage\n%%EOF\n"),
                          std::string("%PDF-1.4\ntrailer << /Root 9 0 R >>\n%%EOF"),
                          std::string("%PDF-1.4\n1 0 obj (a string) endobj\n"
                                      "trailer << /Root 1 0 R >>\n%%EOF"),
                          std::string("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                                      "2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
                                      "trailer << /Root 1 0 R >>\n%%EOF")}) {
    auto r = StripMetadata("application/pdf", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().key, "file_damaged");
  }
  // Truncated anywhere: qpdf may recover a readable file or give up, but never crashes; what
  // it recovers has no document information left.
  const std::string pdf = PdfWithMetadata();
  for (std::size_t cut = 0; cut < pdf.size(); cut += 37) {
    auto r = StripMetadata("application/pdf", std::string_view(pdf).substr(0, cut));
    if (r.ok()) {
      EXPECT_FALSE(Contains(*r, "ZhangSan-PC")) << cut;
    } else {
      EXPECT_EQ(r.error().key, "file_damaged") << cut;
    }
  }
}

TEST(StripMetadataTest, OtherTypesPassThroughUnchanged) {
  for (std::string_view mime : {"text/plain", "audio/mpeg", "video/mp4", "image/gif"}) {
    auto r = StripMetadata(mime, "bytes as they came");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, "bytes as they came");
  }
}

}  // namespace
}  // namespace xuncha::files
