// The public submission endpoint's body (and the staff registration body): JSON parsing, the
// draft reader, and the domain rules that judge it. Nothing here may crash on any input.
#include "domain/report.h"
#include "fuzz_target.h"
#include "http/json_fields.h"
#include "http/report_dto.h"

XUNCHA_FUZZ_TARGET(ReportBody) {
  using namespace xuncha;
  using namespace xuncha::http;
  std::string body(reinterpret_cast<const char*>(data), size);
  auto j = ParseJsonObject(body);
  if (!j.ok()) return 0;
  for (bool staff : {false, true}) {
    Fields f(*j);
    ReportDraft d = DraftFromJson(f, staff);
    (void)ValidateReportDraft(d);
    (void)Excerpt(d.body.content, 60);
    (void)NormalizeQueryCode(f.Str("query_code"));
  }
  {
    Fields f(*j);
    (void)DeadlineRuleFromJson(f);
  }
  return 0;
}
