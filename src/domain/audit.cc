#include "domain/audit.h"

namespace xuncha {
namespace {
void Put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}
}  // namespace

std::string AuditCanonical(const AuditEntry& e) {
  std::string out;
  Put(out, std::to_string(e.seq));
  Put(out, std::to_string(e.at));
  Put(out, e.user_id ? std::to_string(e.user_id->value) : std::string());
  Put(out, e.username);
  Put(out, e.action);
  Put(out, e.object_type);
  Put(out, e.object_id);
  Put(out, e.detail);
  Put(out, e.ip);
  Put(out, e.prev_hash);
  return out;
}

}  // namespace xuncha
