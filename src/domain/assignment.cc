#include "domain/assignment.h"

namespace xuncha {

FieldErrors ValidateAssignment(const Assignment& a) {
  FieldErrors e;
  if (!a.group_id.valid()) e["group_id"] = "required";
  if (!a.unit_id.valid()) e["unit_id"] = "required";
  if (a.station_end < a.station_start) e["station_end"] = "date_order";
  CheckText(e, "meeting.place", a.meeting.place, false, 200);
  CheckText(e, "meeting.attendees", a.meeting.attendees, false, 2000);
  CheckText(e, "meeting.leader_remarks", a.meeting.leader_remarks, false, 20000);
  CheckText(e, "meeting.pledge", a.meeting.pledge, false, 20000);
  return e;
}

std::vector<std::string> AssignmentWarnings(const Assignment& a) {
  std::vector<std::string> w;
  if (a.station_end < a.station_start) return w;
  if (a.station_end < a.station_start.AddMonths(1)) {
    w.emplace_back("进驻时间不足1个月（通常为1至2个月）");
  }
  if (a.station_end > a.station_start.AddMonths(2)) {
    w.emplace_back("进驻时间超过2个月（通常为1至2个月）");
  }
  if (a.meeting.date && (*a.meeting.date < a.station_start || *a.meeting.date > a.station_end)) {
    w.emplace_back("动员会日期不在进驻期内");
  }
  if (a.notice_date && *a.notice_date > a.station_start) {
    w.emplace_back("通知日期晚于进驻日期");
  }
  return w;
}

Announcement MakeAnnouncement(const Round& round, const Group& group, const Unit& unit,
                              const Assignment& a) {
  Announcement out;
  out.title = "市委" + group.name + "巡察" + unit.name + "公告";
  std::string t;
  t += "根据市委统一部署，" + round.name + "市委" + group.name + "于" +
       a.station_start.ToChinese() + "至" + a.station_end.ToChinese() + "对" +
       (unit.party_org_name.empty() ? unit.name + "党组织" : unit.party_org_name) +
       "开展巡察。\n\n";
  t += "巡察期间，主要受理反映被巡察单位党组织领导班子及其成员、下一级党组织领导班子主要负责人"
       "问题的来信来电来访，重点是关于违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和"
       "生活纪律等方面的举报和反映。其他不属于巡察受理范围的信访问题，将按规定转交有关部门处理。"
       "\n\n";
  t += "巡察组设立以下专门渠道：\n";
  if (!group.duty_phone.empty()) {
    t += "值班电话：" + group.duty_phone;
    if (!group.phone_hours.empty()) t += "（" + group.phone_hours + "）";
    t += "\n";
  }
  if (!group.mailbox.empty()) t += "电子信箱：" + group.mailbox + "\n";
  if (!group.postal_address.empty()) t += "邮政信箱：" + group.postal_address + "\n";
  if (!group.suggestion_boxes.empty()) {
    t += "意见箱：";
    for (std::size_t i = 0; i < group.suggestion_boxes.size(); ++i) {
      if (i > 0) t += "；";
      t += group.suggestion_boxes[i];
    }
    t += "\n";
  }
  Date cutoff = group.intake_cutoff ? *group.intake_cutoff : a.station_end;
  t += "\n受理时间截至" + cutoff.ToChinese() + "。\n\n";
  t += "巡察组对反映人的个人信息严格保密。\n\n";
  t += "市委" + group.name + "\n";
  t += (a.notice_date ? *a.notice_date : a.station_start).ToChinese() + "\n";
  out.text = std::move(t);
  return out;
}

}  // namespace xuncha
