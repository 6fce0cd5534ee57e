// Request bodies: JSON parsing and every *FromJson reader the API uses.
#include "fuzz_target.h"
#include "http/dto.h"
#include "http/json_fields.h"

XUNCHA_FUZZ_TARGET(RequestBody) {
  using namespace xuncha::http;
  std::string body(reinterpret_cast<const char*>(data), size);
  auto j = ParseJsonObject(body);
  if (!j.ok()) return 0;
  {
    Fields f(*j);
    (void)RoundFromJson(f);
  }
  {
    Fields f(*j);
    (void)GroupFromJson(f);
  }
  {
    Fields f(*j);
    (void)UnitFromJson(f);
  }
  {
    Fields f(*j);
    (void)LeaderFromJson(f);
  }
  {
    Fields f(*j);
    (void)InspectorFromJson(f);
  }
  {
    Fields f(*j);
    (void)AssignmentFromJson(f);
  }
  {
    Fields f(*j);
    (void)TermFromJson(f);
  }
  return 0;
}
