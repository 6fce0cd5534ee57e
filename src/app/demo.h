// The demo data set: the seed article's round (五届市委第八轮巡察: four groups, seven units,
// mobilization meetings 29 May - 4 June 2020) and a fictional current round stationed today.
// Every person in it is fictional; every record carries demo=true and the UI marks it 示例数据.
#pragma once

#include <string>
#include <vector>

#include "app/auth_service.h"
#include "app/planning_service.h"

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

}  // namespace xuncha
