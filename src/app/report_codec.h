// How report content, identities and event details are serialised before encryption, and the
// contexts that bind each ciphertext to its report (a box moved to another report fails to open).
#pragma once

#include <string>

#include "core/ids.h"
#include "core/result.h"
#include "domain/report.h"

namespace xuncha {

std::string EncodeContent(const ReportContent& c);
Result<ReportContent> DecodeContent(const std::string& json);
std::string EncodeIdentity(const ReporterIdentity& r);
Result<ReporterIdentity> DecodeIdentity(const std::string& json);
std::string EncodeEventDetail(const std::string& reason, const std::string& letter);
void DecodeEventDetail(const std::string& json, std::string& reason, std::string& letter);

inline std::string ContentContext(const std::string& number) { return "content:" + number; }
inline std::string IdentityContext(const std::string& number) { return "identity:" + number; }
inline std::string EventContext(const std::string& number) { return "event:" + number; }
inline std::string MessageContext(const std::string& number) { return "message:" + number; }
inline std::string HolderOf(UserId id) { return "user:" + std::to_string(id.value); }

}  // namespace xuncha
