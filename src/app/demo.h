// The demo data set: the seed article's round (五届市委第八轮巡察: four groups, seven units,
// mobilization meetings 29 May - 4 June 2020) and a fictional current round stationed today.
// Every person in it is fictional; every record carries demo=true and the UI marks it 示例数据.
#pragma once

#include <string>
#include <vector>

#include "app/auth_service.h"
#include "app/clue_service.h"
#include "app/finding_service.h"
#include "app/planning_service.h"
#include "app/report_service.h"

namespace xuncha {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
  std::string description;  // Chinese
};

inline constexpr const char* kDemoPassword = "Demo@12345";

// The accounts the demo creates, one per role (all with kDemoPassword).
std::vector<DemoAccount> DemoAccounts();

// Builds the demo into an empty store. `today` anchors the current round.
Result<std::vector<DemoAccount>> BuildDemo(Store& store, PlanningService& planning,
                                           AuthService& auth, Date today);

// Adds fictional reports (示例数据) to the current round of a demo built by BuildDemo: an
// anonymous web report, a real-name call, a letter, a suggestion-box note and a sealed (越级)
// report, one of them past its notice deadline.
Status BuildDemoReports(Store& store, ReportService& reports, Date today);

// Adds fictional findings (问题底稿, 示例数据) to the current round of a demo built by BuildDemo,
// written by the demo group members: drafts at 市财政局 and 市交通运输局, and one the group
// leader has confirmed.
Status BuildDemoFindings(Store& store, FindingService& findings);
// Two fictional clues of group 1 at 市财政局: one handed over to the discipline commission, one
// draft for the organisation department.
Status BuildDemoClues(Store& store, ClueService& clues);

}  // namespace xuncha
