// Assignments: group x unit x round, the stationing period (进驻), the mobilization meeting and
// the public announcement (巡察公告).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/field_errors.h"
#include "domain/group.h"
#include "domain/round.h"
#include "domain/unit.h"

namespace xuncha {

struct MobilizationMeeting {
  std::optional<Date> date;
  std::string place;
  std::string attendees;
  std::string leader_remarks;  // the group leader's remarks
  std::string pledge;          // 表态发言 of the unit head
};

struct Assignment {
  AssignmentId id;
  int version = 1;
  RoundId round_id;
  GroupId group_id;
  UnitId unit_id;
  Date station_start;
  Date station_end;
  std::optional<Date> notice_date;
  MobilizationMeeting meeting;
  bool demo = false;
};

// Checks the fields a user enters. round_id is not checked: it is always the group's round.
FieldErrors ValidateAssignment(const Assignment& a);

// Advisory warnings (not errors): a stationing period outside one to two months, a meeting
// outside the stationing period, a notice after the start. Chinese, shown as is.
std::vector<std::string> AssignmentWarnings(const Assignment& a);

// The announcement (巡察公告) a group publishes at the unit, with its channels.
struct Announcement {
  std::string title;
  std::string text;
};
Announcement MakeAnnouncement(const Round& round, const Group& group, const Unit& unit,
                              const Assignment& a);

}  // namespace xuncha
