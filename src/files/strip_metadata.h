// Removes what a file says about its author, device and place, so that an attachment to a public
// report does not name the person who made it. See docs/attachments.md for what is and is not
// removed.
//
// JPEG and PNG go through an own segment/chunk filter (copying only what a decoder needs; the
// pixel data is never decoded or re-encoded, so nothing is lost). PDF is rewritten with libqpdf.
// Thread safety: may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xuncha::files {

// `mime` is the type Sniff() found, not the one the client claimed.
//   image/jpeg: keeps SOI, DQT, DHT, DAC, SOFn, DRI, DNL, SOS with its entropy-coded data and EOI;
//     APP0 JFIF without its thumbnail; APP14 Adobe (colour transform); an EXIF orientation other
//     than "normal" is kept as a new one-tag EXIF segment. Drops every other APPn (EXIF with GPS
//     and thumbnails, XMP, ICC profiles, IPTC/Photoshop), COM, and anything after EOI.
//   image/png: keeps the critical chunks and the colour ones (tRNS, gAMA, cHRM, sRGB, sBIT, cICP,
//     mDCV, cLLI), bKGD, pHYs and the APNG animation chunks; drops text (tEXt, zTXt, iTXt), eXIf,
//     tIME, the iCCP profile, every other ancillary chunk, and anything after IEND.
//   application/pdf: drops the document information dictionary, the trailer /ID, every /Metadata
//     (XMP) and /PieceInfo, and the author, dates and title of annotations (comments); writes a
//     new file without the older revisions of an incremental update and without encryption.
//   Anything else is returned unchanged (audio, video, office and text metadata are a known gap).
// Errors: kInvalidArgument, key "file_damaged", when a JPEG, PNG or PDF cannot be read.
Result<std::string> StripMetadata(std::string_view mime, std::string_view bytes);

}  // namespace xuncha::files
