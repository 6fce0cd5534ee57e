#include "files/strip_metadata.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <cstdint>
#include <exception>
#include <memory>

namespace xuncha::files {
namespace {

Error Damaged(std::string_view kind, std::string_view why) {
  return InvalidArgument(std::string(kind) + ": " + std::string(why), "file_damaged");
}

unsigned Byte(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
std::uint32_t Be16(std::string_view b, std::size_t at) {
  return Byte(b, at) << 8 | Byte(b, at + 1);
}
std::uint32_t Be32(std::string_view b, std::size_t at) {
  return Be16(b, at) << 16 | Be16(b, at + 2);
}

// ---- JPEG -------------------------------------------------------------------------------------

void AppendSegment(std::string& out, unsigned marker, std::string_view payload) {
  const std::size_t len = payload.size() + 2;  // callers keep payloads far below 64 KiB
  out.push_back('\xFF');
  out.push_back(static_cast<char>(marker));
  out.push_back(static_cast<char>(len >> 8));
  out.push_back(static_cast<char>(len & 0xFF));
  out.append(payload);
}

// The EXIF orientation (1..8) of an APP1 payload, or 0 if it has none or cannot be read. Only
// IFD0 is read, every offset bounds-checked against the segment.
unsigned ExifOrientation(std::string_view app1) {
  constexpr std::string_view kExif("Exif\0\0", 6);
  if (app1.substr(0, 6) != kExif) return 0;
  const std::string_view tiff = app1.substr(6);
  if (tiff.size() < 8) return 0;
  bool little;
  if (tiff.substr(0, 4) == std::string_view("II*\0", 4)) {
    little = true;
  } else if (tiff.substr(0, 4) == std::string_view("MM\0*", 4)) {
    little = false;
  } else {
    return 0;
  }
  auto u16 = [&](std::size_t at) {
    return little ? (Byte(tiff, at) | Byte(tiff, at + 1) << 8) : Be16(tiff, at);
  };
  auto u32 = [&](std::size_t at) {
    return little ? (u16(at) | u16(at + 2) << 16) : Be32(tiff, at);
  };
  const std::size_t ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return 0;
  const std::size_t count = u16(ifd);
  if ((tiff.size() - ifd - 2) / 12 < count) return 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t e = ifd + 2 + 12 * i;
    if (u16(e) == 0x0112 && u16(e + 2) == 3 && u32(e + 4) == 1) {
      const unsigned v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 0;
    }
  }
  return 0;
}

// A minimal big-endian EXIF payload holding only the orientation tag.
std::string OrientationOnlyExif(unsigned orientation) {
  std::string p("Exif\0\0MM\0*\0\0\0\x08", 14);
  p.append(std::string_view("\0\x01", 2));                    // one entry
  p.append(std::string_view("\x01\x12\0\x03\0\0\0\x01", 8));  // Orientation, SHORT, count 1
  p.push_back('\0');
  p.push_back(static_cast<char>(orientation));
  p.append(std::string_view("\0\0", 2));      // value padding
  p.append(std::string_view("\0\0\0\0", 4));  // no next IFD
  return p;
}

bool IsFrameHeader(unsigned m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// Needed to decode: DHT, DAC, DQT, DNL, DRI, DHP, EXP.
bool IsTableOrControl(unsigned m) {
  return m == 0xC4 || m == 0xCC || m == 0xDB || m == 0xDC || m == 0xDD || m == 0xDE || m == 0xDF;
}

// End of the entropy-coded data starting at `from`: the position of the next marker that is not
// a stuffed 0xFF00 or a restart marker. npos if the data runs to the end.
std::size_t EndOfScan(std::string_view b, std::size_t from) {
  std::size_t i = from;
  while (true) {
    i = b.find('\xFF', i);
    if (i == std::string_view::npos || i + 1 >= b.size()) return std::string_view::npos;
    const unsigned next = Byte(b, i + 1);
    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
      i += 2;
    } else if (next == 0xFF) {
      ++i;  // fill byte before a marker
    } else {
      return i;
    }
  }
}

Result<std::string> StripJpeg(std::string_view b) {
  constexpr std::string_view kWhat = "jpeg";
  if (b.size() < 4 || Byte(b, 0) != 0xFF || Byte(b, 1) != 0xD8) return Damaged(kWhat, "no SOI");
  std::string out("\xFF\xD8", 2);
  out.reserve(b.size());
  std::size_t pos = 2;
  bool frame = false, scan = false;
  while (true) {
    if (pos >= b.size()) return Damaged(kWhat, "no EOI");
    if (Byte(b, pos) != 0xFF) return Damaged(kWhat, "expected a marker");
    while (pos < b.size() && Byte(b, pos) == 0xFF) ++pos;  // fill bytes
    if (pos >= b.size()) return Damaged(kWhat, "no EOI");
    const unsigned m = Byte(b, pos++);
    if (m == 0xD9) {
      if (!scan) return Damaged(kWhat, "no scan");
      out.append("\xFF\xD9", 2);
      return out;  // whatever follows EOI (appended files, trailers) is dropped
    }
    if (m == 0x00 || m == 0xD8) return Damaged(kWhat, "unexpected marker");
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue;  // TEM, stray RSTn: no payload
    if (b.size() - pos < 2) return Damaged(kWhat, "truncated segment");
    const std::size_t len = Be16(b, pos);
    if (len < 2 || b.size() - pos < len) return Damaged(kWhat, "bad segment length");
    const std::string_view payload = b.substr(pos + 2, len - 2);
    pos += len;

    if (IsFrameHeader(m)) {
      frame = true;
      AppendSegment(out, m, payload);
    } else if (IsTableOrControl(m)) {
      AppendSegment(out, m, payload);
    } else if (m == 0xDA) {
      if (!frame) return Damaged(kWhat, "scan before frame header");
      AppendSegment(out, m, payload);
      const std::size_t end = EndOfScan(b, pos);
      if (end == std::string_view::npos) return Damaged(kWhat, "truncated scan");
      out.append(b.substr(pos, end - pos));
      pos = end;
      scan = true;
    } else if (m == 0xE0 && payload.size() >= 14 &&
               payload.substr(0, 5) == std::string_view("JFIF\0", 5)) {
      // Identifier, version, units and densities; the thumbnail size is set to 0x0 and its
      // pixels dropped (a thumbnail can show what the cropped picture no longer does).
      std::string jfif(payload.substr(0, 12));
      jfif.append(std::string_view("\0\0", 2));
      AppendSegment(out, m, jfif);
    } else if (m == 0xEE && payload.size() >= 12 && payload.substr(0, 5) == "Adobe") {
      AppendSegment(out, m, payload.substr(0, 12));  // the colour transform flag decodes CMYK
    } else if (m == 0xE1) {
      // EXIF: only the orientation survives, else phone photos would show sideways.
      const unsigned orientation = ExifOrientation(payload);
      if (orientation > 1) AppendSegment(out, m, OrientationOnlyExif(orientation));
    }
    // Everything else is dropped: APP1 XMP, APP2 ICC/FlashPix/MPF, APP13 IPTC, COM, JPGn, ...
  }
}

// ---- PNG --------------------------------------------------------------------------------------

bool KeepPngChunk(std::string_view type) {
  static constexpr std::array<std::string_view, 17> kKeep = {
      "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT",
      "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "acTL", "fcTL", "fdAT"};
  for (auto k : kKeep) {
    if (k == type) return true;
  }
  return false;
}

Result<std::string> StripPng(std::string_view b) {
  constexpr std::string_view kWhat = "png";
  constexpr std::string_view kSignature("\x89PNG\r\n\x1A\n", 8);
  if (b.substr(0, 8) != kSignature) return Damaged(kWhat, "no PNG signature");
  std::string out(kSignature);
  out.reserve(b.size());
  std::size_t pos = 8;
  bool first = true, image_data = false;
  while (true) {
    if (b.size() - pos < 12) return Damaged(kWhat, "truncated chunk (no IEND)");
    const std::size_t len = Be32(b, pos);
    if (len > 0x7FFFFFFF || b.size() - pos - 12 < len) return Damaged(kWhat, "bad chunk length");
    const std::string_view type = b.substr(pos + 4, 4);
    for (char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return Damaged(kWhat, "bad chunk type");
      }
    }
    const std::string_view chunk = b.substr(pos, 12 + len);  // length, type, data, CRC
    pos += 12 + len;
    if (first && type != "IHDR") return Damaged(kWhat, "IHDR is not first");
    first = false;
    if (type == "IEND") {
      if (!image_data) return Damaged(kWhat, "no IDAT");
      out.append(chunk);
      return out;  // whatever follows IEND is dropped
    }
    if (KeepPngChunk(type)) {
      if (type == "IDAT") image_data = true;
      out.append(chunk);
    } else if (type[0] >= 'A' && type[0] <= 'Z') {
      // A critical chunk we do not know: a decoder could not show the image without it.
      return Damaged(kWhat, "unknown critical chunk " + std::string(type));
    }
    // Ancillary chunks not kept (tEXt, zTXt, iTXt, eXIf, tIME, iCCP, sPLT, hIST, private ones)
    // are dropped.
  }
}

// ---- PDF --------------------------------------------------------------------------------------

// Markup annotations (comments, highlights, stamps) carry their author in /T and the times of
// writing in /M and /CreationDate. Form fields (widgets) use /T as the field name: kept.
void StripAnnotation(QPDFObjectHandle annot) {
  if (!annot.isDictionary()) return;
  QPDFObjectHandle subtype = annot.getKey("/Subtype");
  if (subtype.isNameAndEquals("/Widget") || subtype.isNameAndEquals("/Link")) return;
  annot.removeKey("/T");
  annot.removeKey("/M");
  annot.removeKey("/CreationDate");
}

void StripDictionary(QPDFObjectHandle dict) {
  if (!dict.isDictionary()) return;
  dict.removeKey("/Metadata");
  dict.removeKey("/PieceInfo");
  if (dict.getKey("/Type").isNameAndEquals("/Annot")) StripAnnotation(dict);
}

Result<std::string> StripPdf(std::string_view b) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("attachment", b.data(), b.size());
    QPDFObjectHandle trailer = pdf.getTrailer();
    trailer.removeKey("/Info");
    // /ID[0] is made where the file was first written (from its path and time); QPDFWriter
    // keeps an existing one, so it goes and a new one is derived from the content.
    trailer.removeKey("/ID");
    StripDictionary(pdf.getRoot());
    for (QPDFObjectHandle page : pdf.getAllPages()) {  // a handle: copies share the object
      StripDictionary(page);
      QPDFObjectHandle annots = page.getKey("/Annots");
      if (annots.isArray()) {
        for (QPDFObjectHandle annot : annots.aitems()) StripAnnotation(annot);
      }
    }
    // Every indirect object, streams included: XMP also hangs off images, fonts and forms.
    for (QPDFObjectHandle& obj : pdf.getAllObjects()) {
      StripDictionary(obj.isStream() ? obj.getDict() : obj);
    }
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // A fresh file: only objects reachable from the new trailer are written, so earlier
    // revisions of an incremental update and the unreferenced old /Info are gone.
    writer.setPreserveEncryption(false);
    writer.setStaticID(false);
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buf = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    // QPDFExc for unreadable or password-protected files, std::runtime_error/logic_error for
    // structures qpdf gives up on. The message may quote the file; it goes only to the log.
    return Damaged("pdf", e.what());
  } catch (...) {
    return Damaged("pdf", "unknown exception");
  }
}

}  // namespace

Result<std::string> StripMetadata(std::string_view mime, std::string_view bytes) {
  if (mime == "image/jpeg") return StripJpeg(bytes);
  if (mime == "image/png") return StripPng(bytes);
  if (mime == "application/pdf") return StripPdf(bytes);
  // GIF (comment extensions), WebP (EXIF/XMP chunks), audio tags, video atoms, office document
  // properties and text are passed through unchanged: a documented gap (docs/attachments.md).
  return std::string(bytes);
}

}  // namespace xuncha::files
