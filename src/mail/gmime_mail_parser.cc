#include "mail/gmime_mail_parser.h"

#include "mail/mime_parser.h"

namespace xuncha::mail {

Result<InboundMail> GmimeMailParser::Parse(std::string_view raw) {
  XUNCHA_ASSIGN_OR_RETURN(ParsedMail p, ParseMail(raw));
  InboundMail m;
  m.message_id = std::move(p.message_id);
  m.from_name = std::move(p.from_name);
  m.from_address = std::move(p.from_address);
  m.subject = std::move(p.subject);
  m.date = p.date;
  m.text = std::move(p.text);
  m.warnings = std::move(p.warnings);
  for (auto& a : p.attachments) {
    m.attachments.push_back({std::move(a.filename), std::move(a.content_type), std::move(a.data)});
  }
  return m;
}

}  // namespace xuncha::mail
