// Small real inputs for the attachment tests, built in code: no binary fixtures.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hex.h"

namespace xuncha::files::testing {

// An 8x8 grey baseline JPEG (libjpeg, quality 50): SOI, APP0 JFIF, DQT, SOF0, DHT x2, SOS, EOI.
inline std::string TinyJpeg() {
  return *HexDecode(
      "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a1816"
      "16183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c6567"
      "63ffc0000b080008000801011100ffc4001f0000010501010101010100000000000000000102030405060708"
      "090a0bffc400b5100002010303020403050504040000017d0102030004110512213141061351610722711432"
      "8191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a43444546474849"
      "4a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3"
      "a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9ea"
      "f1f2f3f4f5f6f7f8f9faffda0008010100003f00e36cd7a57fffd9");
}

// A 1x1 RGB PNG: signature, IHDR, IDAT, IEND.
inline std::string TinyPng() {
  return *HexDecode(
      "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63"
      "f8cfc0000003010100c9fe92ef0000000049454e44ae426082");
}

inline std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : bytes) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

inline void PutBe32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}
inline void PutLe16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8 & 0xFF));
}
inline void PutLe32(std::string& out, std::uint32_t v) {
  PutLe16(out, v & 0xFFFF);
  PutLe16(out, v >> 16);
}

// One PNG chunk with its length and CRC.
inline std::string PngChunk(std::string_view type, std::string_view data) {
  std::string c;
  PutBe32(c, static_cast<std::uint32_t>(data.size()));
  c.append(type);
  c.append(data);
  PutBe32(c, Crc32(std::string(type) + std::string(data)));
  return c;
}

// A zip of stored (uncompressed) entries. `claimed_size`, if set, is written as every entry's
// uncompressed size in the central directory (a lie, as a zip bomb's directory may tell).
inline std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries,
                       std::uint32_t claimed_size = 0) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    const std::uint32_t crc = Crc32(data);
    PutLe32(out, 0x04034b50);
    PutLe16(out, 20);  // version needed
    PutLe16(out, 0);   // flags
    PutLe16(out, 0);   // stored
    PutLe32(out, 0);   // time, date
    PutLe32(out, crc);
    PutLe32(out, size);
    PutLe32(out, size);
    PutLe16(out, static_cast<std::uint32_t>(name.size()));
    PutLe16(out, 0);
    out += name;
    out += data;
    PutLe32(dir, 0x02014b50);
    PutLe16(dir, 20);
    PutLe16(dir, 20);
    PutLe16(dir, 0);
    PutLe16(dir, 0);
    PutLe32(dir, 0);
    PutLe32(dir, crc);
    PutLe32(dir, size);
    PutLe32(dir, claimed_size != 0 ? claimed_size : size);
    PutLe16(dir, static_cast<std::uint32_t>(name.size()));
    PutLe16(dir, 0);  // extra
    PutLe16(dir, 0);  // comment
    PutLe16(dir, 0);  // disk
    PutLe16(dir, 0);  // internal attributes
    PutLe32(dir, 0);  // external attributes
    PutLe32(dir, offset);
    dir += name;
  }
  const auto dir_offset = static_cast<std::uint32_t>(out.size());
  out += dir;
  PutLe32(out, 0x06054b50);
  PutLe16(out, 0);
  PutLe16(out, 0);
  PutLe16(out, static_cast<std::uint32_t>(entries.size()));
  PutLe16(out, static_cast<std::uint32_t>(entries.size()));
  PutLe32(out, static_cast<std::uint32_t>(dir.size()));
  PutLe32(out, dir_offset);
  PutLe16(out, 0);
  return out;
}

inline std::string ContentTypesXml() {
  return "<?xml version=\"1.0\"?><Types "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>";
}

// A PDF from object bodies (object i+1 is objects[i]) with a correct cross-reference table.
// `trailer_extra` goes into the trailer dictionary after /Size and /Root 1 0 R.
inline std::string Pdf(const std::vector<std::string>& objects, std::string_view trailer_extra) {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         std::string(trailer_extra) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// An uncompressed PDF stream object body.
inline std::string PdfStream(std::string_view dict_extra, std::string_view data) {
  return "<< /Length " + std::to_string(data.size()) + " " + std::string(dict_extra) +
         " >>\nstream\n" + std::string(data) + "\nendstream";
}

}  // namespace xuncha::files::testing
