#include "app/demo.h"

#include <map>

namespace xuncha {
namespace {

struct UnitSeed {
  const char* name;
  const char* kind;
  const char* party_org;
  PartyOrgKind org_kind;
  // fictional roster: name, post
  std::vector<std::pair<const char*, const char*>> leaders;
  const char* subordinate_org;
  const char* subordinate_leader;
};

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

struct AccountSeed {
  const char* username;
  const char* display_name;
  Role role;
  int inspector;  // index into the demo's inspector pool, -1 for none
  int unit;       // index into the demo's units, -1 for none
  const char* description;
  bool custodian = false;
  std::optional<Organ> organ = std::nullopt;  // clue recipients
};

// Group 1 of round 9 is led by inspector 0 with member 1; group 2 has inspectors 4 and 5.
const std::vector<AccountSeed>& DemoAccountSeeds() {
  static const std::vector<AccountSeed> kSeeds = {
      {"office", "巡察办·王晓", Role::kOffice, -1, -1, "巡察办（规划轮次、组建巡察组、查看日志）"},
      {"office_head", "巡察办主任·周敏", Role::kOffice, -1, -1, "巡察办主任（审批查看举报人身份）",
       true},
      {"leader1", "陈国栋", Role::kGroupLeader, 0, -1, "第九轮第一巡察组组长（进驻市财政局）"},
      {"member1", "李明华", Role::kGroupMember, 1, -1, "第九轮第一巡察组组员"},
      {"member2", "孙浩", Role::kGroupMember, 5, -1, "第九轮第二巡察组组员（进驻市交通运输局）"},
      {"unit1", "市财政局联络人·刘洋", Role::kUnit, -1, 7, "被巡察单位联络人（市财政局）"},
      {"clue", "市纪委监委·何静", Role::kClueRecipient, -1, -1, "问题线索接收（纪委监委）", false,
       Organ::kDisciplineCommission},
      {"clue_org", "市委组织部·许蕾", Role::kClueRecipient, -1, -1, "问题线索接收（组织部）", false,
       Organ::kOrganisationDepartment},
      {"leadership", "领导小组·邓华", Role::kLeadership, -1, -1, "巡察工作领导小组（只读）"},
      {"admin", "系统管理员", Role::kAdmin, -1, -1, "系统管理员（账号与设置，不看案件内容）"},
  };
  return kSeeds;
}

Group Channels(RoundId round, int number, const std::string& suffix) {
  Group g;
  g.round_id = round;
  g.number = number;
  g.name = "第" + ChineseNumber(number) + "巡察组";
  g.duty_phone = "0715-81" + std::to_string(10 + number) + suffix;
  g.phone_hours = "工作日 8:30-12:00，14:30-17:30";
  g.mailbox = "xcz" + std::to_string(number) + "@example.gov.cn";
  g.postal_address = "市邮政局第" + std::to_string(100 + number) + "号信箱（邮编437000）";
  g.demo = true;
  return g;
}

}  // namespace

std::vector<DemoAccount> DemoAccounts() {
  std::vector<DemoAccount> out;
  for (const auto& s : DemoAccountSeeds()) {
    out.push_back({s.username, kDemoPassword, std::string(RoleName(s.role)), s.description});
  }
  return out;
}

Result<std::vector<DemoAccount>> BuildDemo(Store& store, PlanningService& planning,
                                           AuthService& auth, Date today) {
  const Actor sys = SystemActor("system:demo");
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kWrite));
    XUNCHA_TRY(tx->PutSetting("demo", "1"));
    XUNCHA_TRY(tx->Commit());
  }

  Term term;
  term.name = "五届市委";
  term.number = 5;
  term.start_date = D(2016, 9, 28);
  term.demo = true;
  XUNCHA_ASSIGN_OR_RETURN(term, planning.CreateTerm(sys, term));

  // ---- units: the seed's seven, then four fictional ones for the current round ----
  const std::vector<UnitSeed> seeds = {
      {"市委宣传部",
       "党委部门",
       "中共市委宣传部部务会",
       PartyOrgKind::kPartyGroup,
       {{"林志远", "部长"}, {"陈思敏", "常务副部长"}, {"高建华", "副部长"}},
       "市新闻中心党支部",
       "孙晓燕"},
      {"市委统战部",
       "党委部门",
       "中共市委统战部部务会",
       PartyOrgKind::kPartyGroup,
       {{"何光明", "部长"}, {"郭立新", "常务副部长"}, {"罗佳", "副部长"}},
       "市民族宗教事务服务中心党支部",
       "马文斌"},
      {"市委直属机关工委",
       "党委部门",
       "中共市委直属机关工作委员会",
       PartyOrgKind::kPartyCommittee,
       {{"梁振国", "书记"}, {"宋雅琴", "常务副书记"}, {"韩磊", "副书记"}},
       "工委机关党支部",
       "唐海"},
      {"市史志研究中心",
       "事业单位",
       "中共市史志研究中心支部委员会",
       PartyOrgKind::kPartyBranch,
       {{"冯德安", "主任"}, {"董丽", "副主任"}},
       "编研科党小组",
       "薛峰"},
      {"市中级人民法院",
       "审判机关",
       "中共市中级人民法院党组",
       PartyOrgKind::kPartyGroup,
       {{"潘学文", "党组书记、院长"},
        {"杜红梅", "党组副书记、副院长"},
        {"袁建", "党组成员、副院长"}},
       "立案庭党支部",
       "蒋涛"},
      {"市应急管理局",
       "政府部门",
       "中共市应急管理局党组",
       PartyOrgKind::kPartyGroup,
       {{"许正明", "党组书记、局长"}, {"曹芳", "党组成员、副局长"}, {"彭勇", "党组成员、副局长"}},
       "市应急救援支队党支部",
       "吕强"},
      {"市政府研究室",
       "政府部门",
       "中共市政府研究室党组",
       PartyOrgKind::kPartyGroup,
       {{"范俊", "党组书记、主任"}, {"沈慧", "党组成员、副主任"}},
       "综合科党支部",
       "任杰"},
      {"市财政局",
       "政府部门",
       "中共市财政局党组",
       PartyOrgKind::kPartyGroup,
       {{"王胜宏", "党组书记、局长"}, {"李秀英", "党组成员、副局长"}, {"张伟", "党组成员、副局长"}},
       "市财政投资评审中心党支部",
       "赵磊"},
      {"市交通运输局",
       "政府部门",
       "中共市交通运输局党组",
       PartyOrgKind::kPartyGroup,
       {{"刘建军", "党组书记、局长"}, {"周敏", "党组成员、副局长"}},
       "市公路事业发展中心党委",
       "吴刚"},
      {"市卫生健康委员会",
       "政府部门",
       "中共市卫生健康委员会党组",
       PartyOrgKind::kPartyGroup,
       {{"黄晓东", "党组书记、主任"}, {"徐静", "党组成员、副主任"}},
       "市中心医院党委",
       "朱立"},
      {"市教育局",
       "政府部门",
       "中共市教育局党组",
       PartyOrgKind::kPartyGroup,
       {{"郑海涛", "党组书记、局长"}, {"谢芳", "党组成员、副局长"}},
       "市第一中学党委",
       "胡斌"},
  };
  std::vector<UnitId> units;
  for (const auto& s : seeds) {
    Unit u;
    u.name = s.name;
    u.kind = s.kind;
    u.party_org_name = s.party_org;
    u.party_org_kind = s.org_kind;
    u.demo = true;
    XUNCHA_ASSIGN_OR_RETURN(u, planning.CreateUnit(sys, u));
    units.push_back(u.id);
    for (const auto& [name, post] : s.leaders) {
      Leader l;
      l.unit_id = u.id;
      l.name = name;
      l.post = post;
      l.tier = LeaderTier::kLeadership;
      l.org_name = s.party_org;
      l.term_from = D(2019, 1, 15);
      XUNCHA_TRY(planning.AddLeader(sys, l));
    }
    Leader sub;
    sub.unit_id = u.id;
    sub.name = s.subordinate_leader;
    sub.post = "书记";
    sub.tier = LeaderTier::kSubordinate;
    sub.org_name = s.subordinate_org;
    sub.term_from = D(2020, 3, 1);
    XUNCHA_TRY(planning.AddLeader(sys, sub));
  }

  // ---- the inspector pool (fictional) ----
  struct PersonSeed {
    const char* name;
    const char* employer;
    const char* post;
  };
  const std::vector<PersonSeed> people = {
      {"陈国栋", "市委巡察办", "巡察专员"},   {"李明华", "市纪委监委", "一级主任科员"},
      {"王丽娟", "市委组织部", "四级调研员"}, {"赵志强", "市审计局", "二级主任科员"},
      {"刘海燕", "市委巡察办", "副主任"},     {"孙浩", "市纪委监委", "三级主任科员"},
      {"杨帆", "市委组织部", "一级主任科员"}, {"黄志明", "市委巡察办", "巡察专员"},
      {"吴晓丽", "市财政局", "二级主任科员"}, {"郑浩然", "市委巡察办", "巡察专员"},
      {"钱文静", "市纪委监委", "四级调研员"}, {"冯志远", "市委组织部", "二级主任科员"},
  };
  std::vector<InspectorId> inspectors;
  for (const auto& p : people) {
    Inspector i;
    i.name = p.name;
    i.employer = p.employer;
    i.post = p.post;
    i.phone = "1380715" + std::to_string(1000 + inspectors.size());
    i.demo = true;
    i.history.push_back({p.employer, std::nullopt, D(2015, 7, 1), std::nullopt});
    XUNCHA_ASSIGN_OR_RETURN(i, planning.CreateInspector(sys, i));
    inspectors.push_back(i.id);
  }
  // One who would have to recuse: worked at 市财政局 until last year (unit index 7).
  Inspector recusing;
  recusing.name = "周文涛";
  recusing.employer = "市委巡察办";
  recusing.post = "三级主任科员";
  recusing.phone = "13807159999";
  recusing.demo = true;
  recusing.history.push_back({"市财政局", units[7], D(2016, 3, 1), today.AddMonths(-14)});
  recusing.history.push_back({"市委巡察办", std::nullopt, today.AddMonths(-14), std::nullopt});
  recusing.relations.push_back({"周敏", units[8], RelationKind::kKin, "表姐"});
  XUNCHA_ASSIGN_OR_RETURN(recusing, planning.CreateInspector(sys, recusing));

  // ---- round 8 (the seed's), closed ----
  Round r8;
  r8.term_id = term.id;
  r8.number = 8;
  r8.name = "五届市委第八轮巡察";
  r8.type = RoundType::kRegular;
  r8.start_date = D(2020, 5, 29);
  r8.end_date = D(2020, 12, 31);
  r8.status = RoundStatus::kClosed;
  r8.demo = true;
  XUNCHA_ASSIGN_OR_RETURN(auto r8s, planning.CreateRound(sys, r8));
  const RoundId r8id = r8s.round.id;

  // group number -> (unit index, meeting date)
  struct Station {
    int group;
    std::size_t unit;
    Date meeting;
  };
  const std::vector<Station> r8_stations = {
      {1, 0, D(2020, 5, 29)}, {1, 1, D(2020, 6, 1)}, {2, 2, D(2020, 5, 29)}, {2, 3, D(2020, 6, 2)},
      {3, 4, D(2020, 6, 3)},  {4, 5, D(2020, 6, 1)}, {4, 6, D(2020, 6, 4)},
  };
  std::map<int, GroupId> r8_groups;
  for (int n = 1; n <= 4; ++n) {
    Group g = Channels(r8id, n, "20");
    g.suggestion_boxes = {"被巡察单位机关大楼一楼大厅", "被巡察单位职工食堂入口"};
    g.intake_cutoff = D(2020, 7, 24);
    XUNCHA_ASSIGN_OR_RETURN(g, planning.CreateGroup(sys, g));
    r8_groups[n] = g.id;
    const auto base = static_cast<std::size_t>((n - 1) * 2);
    XUNCHA_TRY(planning.AddMember(sys, g.id, inspectors[base], MemberRole::kLeader, ""));
    XUNCHA_TRY(planning.AddMember(sys, g.id, inspectors[base + 1], MemberRole::kMember, ""));
  }
  for (const auto& s : r8_stations) {
    Assignment a;
    a.group_id = r8_groups[s.group];
    a.unit_id = units[s.unit];
    a.station_start = s.meeting;
    a.station_end = s.meeting.AddMonths(1).AddDays(25);
    a.notice_date = s.meeting.AddDays(-7);
    a.meeting.date = s.meeting;
    a.meeting.place = std::string(seeds[s.unit].name) + "机关会议室";
    a.meeting.attendees = "被巡察单位领导班子成员、中层干部及下属单位主要负责人";
    a.meeting.leader_remarks =
        "传达习近平总书记关于巡视巡察工作的重要指示精神，通报巡察工作安排，"
        "从“四个落实”入手，紧扣被巡察党组织职能职责开展政治巡察。（示例数据）";
    a.meeting.pledge = std::string(seeds[s.unit].leaders[0].first) +
                       "代表被巡察党组织表态：坚决服从市委巡察工作安排，积极配合巡察组开展工作，"
                       "对巡察发现的问题照单全收、照单全改。（示例数据，人物为虚构）";
    a.demo = true;
    XUNCHA_TRY(planning.CreateAssignment(sys, a, ""));
  }

  // ---- round 9 (fictional), stationed today ----
  Round r9;
  r9.term_id = term.id;
  r9.number = 9;
  r9.name = "五届市委第九轮巡察";
  r9.type = RoundType::kRegular;
  r9.start_date = today.AddDays(-14);
  r9.end_date = today.AddMonths(5);
  r9.status = RoundStatus::kStationing;
  r9.demo = true;
  XUNCHA_ASSIGN_OR_RETURN(auto r9s, planning.CreateRound(sys, r9));
  const RoundId r9id = r9s.round.id;
  std::map<int, GroupId> r9_groups;
  for (int n = 1; n <= 4; ++n) {
    Group g = Channels(r9id, n, "30");
    g.suggestion_boxes = {std::string(seeds[6 + static_cast<std::size_t>(n)].name) + "办公楼一楼"};
    g.intake_cutoff = today.AddDays(35);
    XUNCHA_ASSIGN_OR_RETURN(g, planning.CreateGroup(sys, g));
    r9_groups[n] = g.id;
    const auto base = static_cast<std::size_t>(n == 1 ? 0 : (n - 1) * 2 + 2) % inspectors.size();
    XUNCHA_TRY(planning.AddMember(sys, g.id, inspectors[base], MemberRole::kLeader, ""));
    XUNCHA_TRY(planning.AddMember(sys, g.id, inspectors[base + 1], MemberRole::kMember, ""));
    Assignment a;
    a.group_id = g.id;
    a.unit_id = units[6 + static_cast<std::size_t>(n)];
    a.station_start = today.AddDays(-10);
    a.station_end = today.AddDays(40);
    a.notice_date = today.AddDays(-17);
    a.meeting.date = today.AddDays(-10);
    a.meeting.place = std::string(seeds[6 + static_cast<std::size_t>(n)].name) + "三楼会议室";
    a.meeting.attendees = "领导班子成员、机关全体干部、下属单位主要负责人";
    a.demo = true;
    XUNCHA_TRY(planning.CreateAssignment(sys, a, ""));
  }
  // Group 1 of round 9 also takes a deputy (9th person).
  XUNCHA_TRY(planning.AddMember(sys, r9_groups[1], inspectors[9], MemberRole::kDeputy, ""));

  // ---- accounts, one per role ----
  for (const auto& seed : DemoAccountSeeds()) {
    NewUser nu;
    nu.username = seed.username;
    nu.display_name = seed.display_name;
    nu.role = seed.role;
    nu.password = kDemoPassword;
    if (seed.inspector >= 0) nu.inspector_id = inspectors[static_cast<std::size_t>(seed.inspector)];
    if (seed.unit >= 0) nu.unit_id = units[static_cast<std::size_t>(seed.unit)];
    nu.must_change_password = false;  // the printed demo passwords keep working
    nu.custodian = seed.custodian;
    nu.organ = seed.organ;
    nu.demo = true;
    XUNCHA_TRY(auth.CreateUser(sys, nu));
  }
  return DemoAccounts();
}

}  // namespace xuncha

namespace xuncha {

Status BuildDemoReports(Store& store, ReportService& reports, Date today) {
  // The current round's assignments: 市财政局 (group 1) and 市交通运输局 (group 2) among them.
  std::vector<AssignmentView> current;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
    Scope all;
    all.all = true;
    RoundFilter rf;
    rf.status = RoundStatus::kStationing;
    XUNCHA_ASSIGN_OR_RETURN(auto rounds, tx->ListRounds(all, rf, {1, 10}));
    for (const auto& r : rounds.items) {
      AssignmentFilter af;
      af.round_id = r.round.id;
      XUNCHA_ASSIGN_OR_RETURN(auto list, tx->ListAssignments(all, af));
      for (auto& a : list) current.push_back(std::move(a));
    }
  }
  auto find = [&](const std::string& unit) -> const AssignmentView* {
    for (const auto& a : current) {
      if (a.unit_name == unit) return &a;
    }
    return nullptr;
  };
  const AssignmentView* finance = find("市财政局");
  const AssignmentView* transport = find("市交通运输局");
  if (finance == nullptr || transport == nullptr) return Internal("demo round 9 is missing");
  // Noon China time `days_ago` days before today.
  auto at = [&](int days_ago) -> UnixSeconds {
    return today.AddDays(-days_ago).days() * 86400 + 4 * 3600;
  };
  auto add = [&](const ReportDraft& d) -> Status {
    auto r = reports.Import(nullptr, d);
    if (!r.ok()) return std::move(r).error();
    return Ok();
  };
  auto draft = [&](const AssignmentView* a, Channel c, int days_ago) {
    ReportDraft d;
    d.assignment_id = a->assignment.id;
    d.channel = c;
    d.received_at = at(days_ago);
    d.demo = true;
    return d;
  };

  ReportDraft web = draft(finance, Channel::kWeb, 2);
  web.body.persons = {{"赵某某", "市财政局", "某科科长"}};
  web.body.content =
      "（示例数据）反映市财政局某科科长赵某某在专项资金拨付中优亲厚友，"
      "多次违规接受管理服务对象宴请。";
  web.body.happened = "2025年下半年";
  web.body.place = "市区某酒店";
  XUNCHA_TRY(add(web));

  ReportDraft call = draft(finance, Channel::kCall, 25);
  call.anonymous = false;
  call.reporter = {"（示例）钱先生", "0715-0000000", "", "", ""};
  call.body.persons = {{"孙某", "市财政局", "副局长"}};
  call.body.content =
      "（示例数据）来电反映市财政局副局长孙某在办公用房装修中超标准，"
      "要求巡察组核实。来电人要求答复。";
  call.body.received_by = "李明华";
  XUNCHA_TRY(add(call));

  ReportDraft letter = draft(transport, Channel::kLetter, 5);
  letter.anonymous = false;
  letter.reporter = {"（示例）吴女士", "", "", "（示例）市区某小区", ""};
  letter.body.persons = {{"郑某", "市交通运输局", "某处处长"}};
  letter.body.content =
      "（示例数据·来信转录）反映郑某在工程项目验收中把关不严，"
      "与施工方往来密切。";
  XUNCHA_TRY(add(letter));

  ReportDraft box = draft(transport, Channel::kBox, 1);
  box.body.box_location = "市交通运输局办公楼一楼大厅";
  box.body.content = "（示例数据）意见箱纸条：单位公车私用现象仍有发生，希望巡察组关注。";
  XUNCHA_TRY(add(box));

  ReportDraft sealed = draft(finance, Channel::kLetter, 3);
  sealed.sealed = true;
  sealed.body.persons = {{"（示例）某市级领导", "", ""}};
  sealed.body.content = "（示例数据·越级）来信反映市管以上干部问题，按规定密封移交。";
  XUNCHA_TRY(add(sealed));
  return Ok();
}

Status BuildDemoFindings(Store& store, FindingService& findings) {
  std::vector<AssignmentView> current;
  std::vector<FocusItem> focus;
  std::map<std::string, Actor> actors;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
    Scope all;
    all.all = true;
    RoundFilter rf;
    rf.status = RoundStatus::kStationing;
    XUNCHA_ASSIGN_OR_RETURN(auto rounds, tx->ListRounds(all, rf, {1, 10}));
    if (rounds.items.empty()) return Internal("demo round 9 is missing");
    const RoundId round = rounds.items.front().round.id;
    AssignmentFilter af;
    af.round_id = round;
    XUNCHA_ASSIGN_OR_RETURN(current, tx->ListAssignments(all, af));
    XUNCHA_ASSIGN_OR_RETURN(focus, tx->ListFocusItems(round));
    for (const char* name : {"leader1", "member1", "member2"}) {
      XUNCHA_ASSIGN_OR_RETURN(auto user, tx->FindUserByName(name));
      if (!user) return Internal(std::string("demo user missing: ") + name);
      Actor a;
      a.user = std::move(*user);
      a.ip = "local";
      actors[name] = std::move(a);
    }
  }
  auto assignment = [&](const std::string& unit) -> std::optional<AssignmentId> {
    for (const auto& a : current) {
      if (a.unit_name == unit) return a.assignment.id;
    }
    return std::nullopt;
  };
  // The root focus item whose title starts with `prefix` (the template's 四个落实).
  auto focus_item = [&](const std::string& prefix) -> std::optional<FocusItemId> {
    for (const auto& f : focus) {
      if (!f.parent_id && f.title.rfind(prefix, 0) == 0) return f.id;
    }
    return std::nullopt;
  };
  const auto finance = assignment("市财政局");
  const auto transport = assignment("市交通运输局");
  if (!finance || !transport) return Internal("demo round 9 is missing its assignments");

  auto add = [&](const char* who, AssignmentId where, const char* focus_prefix,
                 std::vector<Discipline> disciplines, const char* title, const char* description,
                 const char* evidence) -> Result<FindingView> {
    FindingDraft d;
    d.assignment_id = where;
    d.focus_item_id = focus_item(focus_prefix);
    d.disciplines = std::move(disciplines);
    d.content.title = title;
    d.content.description = description;
    d.content.evidence = evidence;
    d.demo = true;
    return findings.Create(actors.at(who), d);
  };
  XUNCHA_ASSIGN_OR_RETURN(
      FindingView fund,
      add("member1", *finance, "落实全面从严治党", {Discipline::kWork},
          "（示例数据）专项资金拨付审批把关不严",
          "（示例数据）抽查2025年度专项资金拨付凭证40份，其中6份缺少分管领导审批签字，"
          "拨付程序不规范，存在先拨付后补手续的情况。",
          "调阅2025年度专项资金拨付凭证；与计划科2名干部个别谈话"));
  (void)fund;
  XUNCHA_ASSIGN_OR_RETURN(
      FindingView office_space,
      add("member1", *finance, "落实巡视巡察", {Discipline::kIntegrity},
          "（示例数据）上轮巡察指出的办公用房超标问题整改不到位",
          "（示例数据）整改台账显示办公用房超标问题已于上年完成整改，实地查看发现仍有2间办公室"
          "超面积使用，整改存在敷衍应付。",
          "实地查看办公楼三层；调阅上轮巡察整改台账"));
  XUNCHA_ASSIGN_OR_RETURN(FindingView confirmed,
                          findings.Move(actors.at("leader1"), office_space.finding.id,
                                        office_space.finding.version, FindingState::kConfirmed));
  (void)confirmed;
  XUNCHA_ASSIGN_OR_RETURN(
      FindingView works,
      add("member2", *transport, "落实党的路线方针政策", {Discipline::kWork},
          "（示例数据）道路养护工程竣工资料不完整",
          "（示例数据）抽查3个已完工的道路养护工程，竣工记录由施工方代填，监理意见缺失，"
          "质量责任难以追溯。",
          "调阅工程档案3卷；走访养护站"));
  (void)works;
  return Ok();
}

Status BuildDemoClues(Store& store, ClueService& clues) {
  std::optional<AssignmentId> finance;
  std::vector<Leader> roster;
  std::map<std::string, Actor> actors;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
    Scope all;
    all.all = true;
    RoundFilter rf;
    rf.status = RoundStatus::kStationing;
    XUNCHA_ASSIGN_OR_RETURN(auto rounds, tx->ListRounds(all, rf, {1, 10}));
    if (rounds.items.empty()) return Internal("demo round 9 is missing");
    AssignmentFilter af;
    af.round_id = rounds.items.front().round.id;
    XUNCHA_ASSIGN_OR_RETURN(auto current, tx->ListAssignments(all, af));
    for (const auto& a : current) {
      if (a.unit_name != "市财政局") continue;
      finance = a.assignment.id;
      XUNCHA_ASSIGN_OR_RETURN(roster, tx->ListLeaders(a.assignment.unit_id));
    }
    for (const char* name : {"leader1", "member1", "clue"}) {
      XUNCHA_ASSIGN_OR_RETURN(auto user, tx->FindUserByName(name));
      if (!user) return Internal(std::string("demo user missing: ") + name);
      Actor a;
      a.user = std::move(*user);
      a.ip = "local";
      actors[name] = std::move(a);
    }
  }
  if (!finance) return Internal("demo round 9 is missing 市财政局");
  auto leader = [&roster](const std::string& name) -> std::vector<FindingLeader> {
    for (const auto& l : roster) {
      if (l.name == name) return {FindingLeader(l.id)};
    }
    return {};
  };
  ClueDraft d;
  d.assignment_id = *finance;
  d.organ = Organ::kDisciplineCommission;
  d.disciplines = {Discipline::kIntegrity};
  d.content.title = "（示例数据）反映副局长张伟在专项资金分配中关照亲属关联企业";
  d.content.description =
      "（示例数据）群众来信反映，2025年市级产业扶持专项资金分配中，张伟分管的计划科将两笔共"
      "计80万元的资金拨付给其妻弟实际控制的企业，评审材料存在补签情况。巡察组调阅凭证后认为"
      "反映问题具体、可查。";
  d.content.evidence = "来信1件；调阅2025年度专项资金评审材料；与计划科干部谈话2人次";
  d.content.leaders = leader("张伟");
  d.content.other_persons = "计划科科长（姓名待核）";
  d.demo = true;
  XUNCHA_ASSIGN_OR_RETURN(ClueView handed, clues.Create(actors.at("member1"), d));
  ClueMove m;
  m.version = handed.clue.version;
  m.to = ClueState::kHandedOver;
  XUNCHA_ASSIGN_OR_RETURN(handed, clues.Move(actors.at("leader1"), handed.clue.id, m));

  ClueDraft o;
  o.assignment_id = *finance;
  o.organ = Organ::kOrganisationDepartment;
  o.disciplines = {Discipline::kOrganizational};
  o.content.title = "（示例数据）反映下属事业单位选拔中层干部程序不规范";
  o.content.description =
      "（示例数据）个别谈话中有干部反映，市财政投资评审中心2025年提拔两名中层干部时，"
      "未经民主推荐即上会研究，考察材料由本人填写。";
  o.content.evidence = "个别谈话3人次；调阅干部任免档案";
  o.content.leaders = leader("赵磊");
  if (o.content.leaders.empty()) o.content.other_persons = "市财政投资评审中心负责人";
  o.demo = true;
  XUNCHA_ASSIGN_OR_RETURN(ClueView draft, clues.Create(actors.at("member1"), o));
  (void)draft;
  return Ok();
}

}  // namespace xuncha
