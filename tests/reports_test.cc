// Public reports through the app layer: intake, registration, scopes, the workflow and its
// deadlines, the custodian-approved reveal, and what the database file gives away (nothing).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/demo.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::TestApp;

class ReportsTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }

  AssignmentId OpenAssignment(const std::string& unit) {
    auto intake = app_.reports->Intake();
    EXPECT_TRUE(intake.ok());
    for (const auto& i : intake->items) {
      if (i.unit_name == unit) return i.assignment_id;
    }
    ADD_FAILURE() << "no open assignment for " << unit;
    return AssignmentId();
  }

  ReportDraft WebDraft(const std::string& unit) {
    ReportDraft d;
    d.assignment_id = OpenAssignment(unit);
    d.anonymous = false;
    d.reporter = {"冯秘密举报人", "13800001111", "11010519491231002X", "秘密街道9号", ""};
    d.body.persons = {{"褚某", unit, "副局长"}};
    d.body.content = "褚某长期违规报销私人车辆油费，金额巨大，独特标记ZQX7731。";
    d.body.happened = "2026年春";
    d.body.place = "单位财务室";
    return d;
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  TestApp app_;
};

TEST_F(ReportsTest, IntakeListsTheStationedAssignmentsOfTheCurrentRound) {
  auto intake = app_.reports->Intake();
  ASSERT_TRUE(intake.ok());
  ASSERT_FALSE(intake->items.empty());
  for (const auto& i : intake->items) {
    EXPECT_EQ(i.round_name, "五届市委第九轮巡察") << "round 8 (2020) is not stationed";
    EXPECT_TRUE(i.open);
    EXPECT_TRUE(i.group.members.empty()) << "the public never sees who is in a group";
  }
}

TEST_F(ReportsTest, AfterTheCutOffTheFormIsClosedAndSubmissionsAreRefused) {
  ReportDraft d = WebDraft("市财政局");
  app_.clock.Advance(36 * 86400);  // the demo's cut-off is 35 days from today
  auto intake = app_.reports->Intake();
  ASSERT_TRUE(intake.ok());
  for (const auto& i : intake->items) EXPECT_FALSE(i.open) << i.unit_name;
  auto s = app_.reports->Submit(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().key, "intake_closed");
}

TEST_F(ReportsTest, SubmissionGivesANumberAndACodeThatFindsTheStatus) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->number.substr(0, 7), "XC2026-");
  ASSERT_EQ(s->query_code.size(), 16u);
  auto st = app_.reports->Lookup(s->query_code.substr(0, 4) + " " + s->query_code.substr(4));
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->number, s->number);
  EXPECT_EQ(st->state, ReportState::kRegistered);
  std::string wrong = s->query_code;
  wrong[15] = wrong[15] == '0' ? '1' : '0';
  EXPECT_EQ(app_.reports->Lookup(wrong).error().key, "query_code_unknown");
  EXPECT_EQ(app_.reports->Lookup("abc").error().key, "query_code_unknown");
}

TEST_F(ReportsTest, BadSubmissionsNameEveryBadFieldAndStoreNothing) {
  ReportDraft d = WebDraft("市财政局");
  d.body.content = "  ";
  d.body.persons.clear();
  d.reporter.phone = "call me<script>";
  d.reporter.id_number = "123";
  auto s = app_.reports->Submit(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().fields.at("content"), "required");
  EXPECT_EQ(s.error().fields.at("persons"), "required");
  EXPECT_EQ(s.error().fields.at("reporter.phone"), "bad_phone");
  EXPECT_EQ(s.error().fields.at("reporter.id_number"), "bad_id_number");
  auto list = app_.reports->List(app_.As("office"), {}, {1, 100});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 4) << "the five demo reports minus the sealed one; nothing new";
}

TEST_F(ReportsTest, TheDatabaseFileHoldsNoReporterIdentityOrContent) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  ReportDraft call = WebDraft("市财政局");
  call.channel = Channel::kCall;
  call.received_at = app_.clock.Now() - 60;
  call.reporter = {"卫来电人", "13999998888", "", "", ""};
  call.body.content = "来电反映另一件事，暗号QWERTY9911。";
  auto r = app_.reports->Register(app_.As("leader1"), call);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(
      app_.reports->Reply(app_.As("leader1"), r->report.id, "已收到，回复暗号MSG5521").ok());
  // The database file and its write-ahead log, as a thief would copy them.
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  ASSERT_GT(bytes.size(), 10000u);
  for (const std::string& secret : std::vector<std::string>{
           "冯秘密举报人", "13800001111", "11010519491231002X", "秘密街道9号", "ZQX7731", "褚某",
           "违规报销", "卫来电人", "13999998888", "QWERTY9911", "MSG5521", s->query_code}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "found in the database file: " << secret;
  }
  // The plain columns are there, so the test would see text if it were stored in the clear.
  EXPECT_NE(bytes.find(s->number), std::string::npos);
}

TEST_F(ReportsTest, GroupsSeeOnlyTheirOwnReportsAndOthersNone) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(app_.reports->Get(app_.As("leader1"), s->id).ok());
  EXPECT_TRUE(app_.reports->Get(app_.As("member1"), s->id).ok());
  // member2 is in group 2 (市交通运输局): the report does not exist for him.
  auto other = app_.reports->Get(app_.As("member2"), s->id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto list = app_.reports->List(app_.As("member2"), {}, {1, 100});
  ASSERT_TRUE(list.ok());
  for (const auto& v : list->items) EXPECT_EQ(v.unit_name, "市交通运输局");
  // Units, clue recipients, the leading group and the administrator see no reports at all.
  for (const char* who : {"unit1", "clue", "leadership", "admin"}) {
    auto l = app_.reports->List(app_.As(who), {}, {1, 10});
    ASSERT_FALSE(l.ok()) << who;
    EXPECT_EQ(l.error().code, ErrorCode::kPermissionDenied) << who;
  }
}

TEST_F(ReportsTest, SealedReportsAreSeenOnlyByTheGroupLeaderAndTheCustodian) {
  ReportDraft d = WebDraft("市财政局");
  d.channel = Channel::kLetter;
  d.received_at = app_.clock.Now();
  d.sealed = true;
  auto r = app_.reports->Register(app_.As("member1"), d);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->report.body.content.empty()) << "the member who sealed it gets the number only";
  const ReportId id = r->report.id;
  EXPECT_TRUE(app_.reports->Get(app_.As("leader1"), id).ok());
  EXPECT_TRUE(app_.reports->Get(app_.As("office_head"), id).ok());
  EXPECT_EQ(app_.reports->Get(app_.As("member1"), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(app_.reports->Get(app_.As("office"), id).error().code, ErrorCode::kNotFound);
  // Never excerpted into lists, even for those who may open it.
  auto list = app_.reports->List(app_.As("leader1"), {}, {1, 100});
  ASSERT_TRUE(list.ok());
  bool seen = false;
  for (const auto& v : list->items) {
    if (v.report.id == id) {
      seen = true;
      EXPECT_TRUE(v.report.body.content.empty());
      EXPECT_TRUE(v.report.body.persons.empty());
    }
  }
  EXPECT_TRUE(seen);
}

TEST_F(ReportsTest, TheWorkflowMovesWithReasonsAndRefusesWrongMovesAndStaleVersions) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  const Actor leader = app_.As("leader1");
  auto v = app_.reports->Get(leader, s->id);
  ASSERT_TRUE(v.ok());
  Transition t{ReportState::kTransferred, "", "", ""};
  auto bad = app_.reports->Move(leader, s->id, v->report.version, t);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at("reason"), "required");
  EXPECT_EQ(bad.error().fields.at("department"), "required");
  EXPECT_EQ(bad.error().fields.at("letter"), "required");
  auto member = app_.reports->Move(app_.As("member1"), s->id, v->report.version,
                                   {ReportState::kAccepted, "属于巡察范围", "", ""});
  EXPECT_EQ(member.error().code, ErrorCode::kPermissionDenied);
  auto accepted = app_.reports->Move(leader, s->id, v->report.version,
                                     {ReportState::kAccepted, "属于巡察范围", "", ""});
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->report.state, ReportState::kAccepted);
  auto stale =
      app_.reports->Move(leader, s->id, v->report.version, {ReportState::kClosed, "重复", "", ""});
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto back = app_.reports->Move(leader, s->id, accepted->report.version,
                                 {ReportState::kAccepted, "再次", "", ""});
  EXPECT_EQ(back.error().fields.at("to"), "transition_not_allowed");
  auto moved = app_.reports->Move(
      leader, s->id, accepted->report.version,
      {ReportState::kTransferred, "涉及职能部门", "市审计局", "转办函：请依职责核查。"});
  ASSERT_TRUE(moved.ok());
  ASSERT_EQ(moved->events.size(), 3u);
  EXPECT_EQ(moved->events[2].department, "市审计局");
  EXPECT_EQ(moved->events[2].reason, "涉及职能部门");
  EXPECT_EQ(moved->events[2].letter, "转办函：请依职责核查。");
  auto status = app_.reports->Lookup(s->query_code);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->state, ReportState::kTransferred);
  EXPECT_EQ(status->events.size(), 3u);
  EXPECT_TRUE(status->events[2].reason.empty()) << "the reporter sees states, not reasons";
}

TEST_F(ReportsTest, RealNameReportsOweANoticeWithinFifteenWorkingDays) {
  const Actor leader = app_.As("leader1");
  ReportListFilter overdue;
  overdue.due = "overdue";
  auto list = app_.reports->List(leader, overdue, {1, 100});
  ASSERT_TRUE(list.ok());
  // The demo call came in 25 days ago (more than 15 working days) and nobody has told the caller.
  ASSERT_EQ(list->total, 1);
  const ReportView& late = list->items[0];
  EXPECT_EQ(late.report.channel, Channel::kCall);
  ASSERT_TRUE(late.due);
  EXPECT_TRUE(late.due->overdue);
  EXPECT_EQ(late.due->kind, DeadlineKind::kAcceptanceNotice);
  auto early = app_.reports->RecordNotice(leader, late.report.id, late.report.version,
                                          NoticeKind::kAcceptance);
  EXPECT_EQ(early.error().key, "notice_too_early") << "it has not been accepted yet";
  auto acc = app_.reports->Move(leader, late.report.id, late.report.version,
                                {ReportState::kAccepted, "受理", "", ""});
  ASSERT_TRUE(acc.ok());
  auto told = app_.reports->RecordNotice(leader, late.report.id, acc->report.version,
                                         NoticeKind::kAcceptance);
  ASSERT_TRUE(told.ok());
  EXPECT_FALSE(told->due) << "nothing is owed until there is a result";
  auto after = app_.reports->List(leader, overdue, {1, 100});
  EXPECT_EQ(after->total, 0);
}

TEST_F(ReportsTest, IdentityIsRevealedOnlyAfterTheCustodianApproves) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  const Actor leader = app_.As("leader1");
  auto denied = app_.reports->Identity(leader, s->id);
  EXPECT_EQ(denied.error().key, "reveal_not_approved");
  auto req = app_.reports->RequestReveal(leader, s->id, "核实问题需要联系举报人");
  ASSERT_TRUE(req.ok());
  EXPECT_EQ(app_.reports->RequestReveal(leader, s->id, "again").error().key, "reveal_pending");
  EXPECT_EQ(app_.reports->Identity(leader, s->id).error().key, "reveal_not_approved");
  // The plain office account is not the custodian.
  EXPECT_EQ(app_.reports->Decide(app_.As("office"), req->id, true, "").error().key,
            "custodian_only");
  auto ok = app_.reports->Decide(app_.As("office_head"), req->id, true, "同意");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->state, RevealState::kApproved);
  auto who = app_.reports->Identity(leader, s->id);
  ASSERT_TRUE(who.ok()) << who.error().message;
  EXPECT_EQ(who->name, "冯秘密举报人");
  EXPECT_EQ(who->phone, "13800001111");
  // Approval for leader1 does not open it for member1.
  EXPECT_EQ(app_.reports->Identity(app_.As("member1"), s->id).error().key, "reveal_not_approved");
  // Without the key his session unlocks, the server itself cannot open the identity.
  Actor keyless = leader;
  keyless.secret_key.clear();
  EXPECT_EQ(app_.reports->Identity(keyless, s->id).error().key, "key_unavailable");
  // Every step is in the operation log.
  auto tx = app_.store->Begin(TxMode::kRead);
  auto log = (*tx)->ListAudit({1, 200});
  int request = 0, approve = 0, view = 0;
  for (const auto& e : log->items) {
    request += e.action == "reveal.request";
    approve += e.action == "reveal.approve";
    view += e.action == "report.identity.view";
    EXPECT_EQ(e.detail.find("冯秘密举报人"), std::string::npos);
  }
  EXPECT_EQ(request, 1);
  EXPECT_EQ(approve, 1);
  EXPECT_EQ(view, 1);
}

TEST_F(ReportsTest, RejectionNeedsANoteAndRevealsNothing) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  auto req = app_.reports->RequestReveal(app_.As("leader1"), s->id, "想知道");
  ASSERT_TRUE(req.ok());
  auto no_note = app_.reports->Decide(app_.As("office_head"), req->id, false, "");
  EXPECT_EQ(no_note.error().fields.at("note"), "required");
  auto no = app_.reports->Decide(app_.As("office_head"), req->id, false, "理由不充分");
  ASSERT_TRUE(no.ok());
  EXPECT_EQ(no->state, RevealState::kRejected);
  EXPECT_EQ(app_.reports->Identity(app_.As("leader1"), s->id).error().key, "reveal_not_approved");
}

TEST_F(ReportsTest, MessagesGoBothWaysUnlessTheRoundTakesNoReplies) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(app_.reports->ReporterMessage(s->query_code, "补充：还有发票复印件").ok());
  ASSERT_TRUE(app_.reports->Reply(app_.As("leader1"), s->id, "请邮寄至巡察组信箱").ok());
  auto st = app_.reports->Lookup(s->query_code);
  ASSERT_EQ(st->messages.size(), 2u);
  EXPECT_EQ(st->messages[1].text, "请邮寄至巡察组信箱");
  EXPECT_TRUE(st->messages[1].author_name.empty()) << "the reporter does not learn who wrote";
  // Switch replies off for the round.
  auto round = app_.planning->GetRound(app_.As("office"), st ? RoundId(0) : RoundId(0));
  auto tx = app_.store->Begin(TxMode::kRead);
  auto rec = (*tx)->GetReport(s->id);
  auto rs = (*tx)->GetRound(rec->report.round_id);
  tx->reset();
  Round r = rs->round;
  r.reporter_replies = false;
  ASSERT_TRUE(app_.planning->UpdateRound(app_.As("office"), r).ok());
  EXPECT_EQ(app_.reports->ReporterMessage(s->query_code, "还在吗").error().key, "replies_disabled");
  EXPECT_EQ(app_.reports->Reply(app_.As("leader1"), s->id, "x").error().key, "replies_disabled");
  (void)round;
}

TEST_F(ReportsTest, APasswordChangeKeepsAccessAndAResetLosesOnlyTheOldKey) {
  auto s = app_.reports->Submit(WebDraft("市财政局"));
  ASSERT_TRUE(s.ok());
  auto req = app_.reports->RequestReveal(app_.As("leader1"), s->id, "核实");
  ASSERT_TRUE(app_.reports->Decide(app_.As("office_head"), req->id, true, "同意").ok());
  ASSERT_TRUE(
      app_.auth->ChangePassword(app_.As("leader1"), kDemoPassword, "A-new-password-1").ok());
  auto login = app_.auth->Login("leader1", "A-new-password-1", "ip");
  ASSERT_TRUE(login.ok());
  auto who = app_.auth->Authenticate(login->token);
  ASSERT_TRUE(who.ok());
  Actor a{who->user, "ip", who->secret_key};
  ASSERT_FALSE(a.secret_key.empty());
  auto id = app_.reports->Identity(a, s->id);
  ASSERT_TRUE(id.ok()) << "the same key pair, re-locked under the new password";
  EXPECT_EQ(id->name, "冯秘密举报人");
}

TEST_F(ReportsTest, SealedReportsAreFlaggedForTransferWithinFiveWorkingDays) {
  const Actor head = app_.As("office_head");
  auto list = app_.reports->List(head, {}, {1, 100});
  ASSERT_TRUE(list.ok());
  const ReportView* sealed = nullptr;
  for (const auto& v : list->items) {
    if (v.report.sealed) sealed = &v;
  }
  ASSERT_NE(sealed, nullptr) << "the demo's sealed letter is due for transfer";
  ASSERT_TRUE(sealed->due);
  EXPECT_EQ(sealed->due->kind, DeadlineKind::kSealedTransfer);
  EXPECT_EQ(sealed->due->working_days_left, 5) << "registered today: five working days";
  app_.clock.Advance(4 * 86400);  // Friday → Tuesday: two working days gone
  ReportListFilter soon;
  soon.due = "soon";
  auto due_soon = app_.reports->List(head, soon, {1, 100});
  ASSERT_TRUE(due_soon.ok());
  ASSERT_EQ(due_soon->total, 1);
  EXPECT_TRUE(due_soon->items[0].report.sealed);
  auto moved = app_.reports->Move(
      head, sealed->report.id, sealed->report.version,
      {ReportState::kTransferred, "越级，按规定移交", "市纪委监委", "密封移交函"});
  ASSERT_TRUE(moved.ok());
  EXPECT_FALSE(moved->due) << "transferred: no longer flagged (anonymous: no notice owed)";
}

std::string WithExif(const std::string& jpeg, const std::string& secret) {
  // SOI, then an APP1 "Exif" segment carrying `secret`, then the rest of the image.
  std::string payload = std::string("Exif\0\0", 6) + "GPSLatitude " + secret;
  std::string app1 = "\xFF\xE1";
  const std::size_t len = payload.size() + 2;
  app1 += static_cast<char>(len >> 8);
  app1 += static_cast<char>(len & 0xFF);
  return jpeg.substr(0, 2) + app1 + payload + jpeg.substr(2);
}

TEST_F(ReportsTest, AttachmentsAreSniffedStrippedEncryptedAndScoped) {
  const std::string jpeg =
      FileBytes(std::string(XUNCHA_SOURCE_DIR) + "/tests/data/files/square.jpg");
  ASSERT_GT(jpeg.size(), 100u);
  ReportDraft d = WebDraft("市财政局");
  d.files = {{"../../现场照片.jpg", "", WithExif(jpeg, "GEO-SECRET-3990N"), false},
             {"举报人冯某的说明.txt", "", "附件正文暗号TXT7788，请核查。", false}};
  auto s = app_.reports->Submit(d);
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto v = app_.reports->Get(app_.As("leader1"), s->id);
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->files_readable);
  ASSERT_EQ(v->files.size(), 2u);
  EXPECT_EQ(v->files[0].filename, "现场照片.jpg") << "no path tricks";
  EXPECT_EQ(v->files[0].mime, "image/jpeg");
  EXPECT_TRUE(v->files[0].stripped);
  EXPECT_EQ(v->files[1].mime, "text/plain");
  auto photo = app_.reports->File(app_.As("leader1"), s->id, v->files[0].id);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->data.find("GEO-SECRET"), std::string::npos) << "EXIF/GPS is stripped";
  EXPECT_EQ(photo->data.substr(0, 2), "\xFF\xD8");
  auto text = app_.reports->File(app_.As("member1"), s->id, v->files[1].id);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text->data, "附件正文暗号TXT7788，请核查。");
  // Another group: the file does not exist for him.
  EXPECT_EQ(app_.reports->File(app_.As("member2"), s->id, v->files[1].id).error().code,
            ErrorCode::kNotFound);
  // The database file holds neither the names nor the contents.
  const std::string bytes = FileBytes(app_.db_path()) + FileBytes(app_.db_path() + "-wal");
  for (const std::string& secret : std::vector<std::string>{"现场照片", "冯某的说明", "TXT7788"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
  }
}

TEST_F(ReportsTest, FilesAreJudgedByContentNotByName) {
  ReportDraft d = WebDraft("市财政局");
  d.files = {{"photo.jpg", "",
              std::string("\x7F"
                          "ELF\x02\x01\x01",
                          7) +
                  std::string(200, '\0'),
              false}};
  auto s = app_.reports->Submit(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().key, "file_type_not_allowed");
  EXPECT_EQ(s.error().fields.count("files.0"), 1u);
}

// Answers every scan with one error (clamd itself: src/files/clamd_scanner_test.cc).
class RefusingScanner final : public VirusScanner {
 public:
  explicit RefusingScanner(Error e) : error_(std::move(e)) {}
  Status Scan(std::string_view) override { return error_; }

 private:
  Error error_;
};

TEST_F(ReportsTest, AnInfectedFileRefusesTheSubmissionAndIsLeftOutOfAnImportedMail) {
  RefusingScanner infected(Error::Make(ErrorCode::kInvalidArgument,
                                       "file infected: Eicar-Test-Signature", "file_infected"));
  RefusingScanner down(
      Error::Make(ErrorCode::kUnavailable, "clamd at /x: no reply", "scanner_unavailable"));
  auto total = [&] {
    auto list = app_.reports->List(app_.As("leader1"), {}, {1, 200});
    EXPECT_TRUE(list.ok());
    return list.ok() ? list->total : -1;
  };
  const auto before = total();
  ReportDraft d = WebDraft("市财政局");
  d.files = {{"说明.txt", "", "补充材料", false}};

  app_.attachments.SetVirusScanner(&infected);
  auto s = app_.reports->Submit(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().key, "file_infected");
  EXPECT_EQ(s.error().fields.at("files.0"), "file_infected");

  // clamd down: fail closed.
  app_.attachments.SetVirusScanner(&down);
  s = app_.reports->Submit(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().key, "scanner_unavailable");
  EXPECT_EQ(total(), before) << "nothing registered";

  // Email: the report is registered, the file left out with a warning naming the key.
  app_.attachments.SetVirusScanner(&infected);
  GroupId group;
  auto intake = app_.reports->Intake();
  ASSERT_TRUE(intake.ok());
  for (const auto& i : intake->items) {
    if (i.unit_name == "市财政局") group = i.group.id;
  }
  auto m = app_.reports->ImportMail(
      group, FileBytes(std::string(XUNCHA_SOURCE_DIR) + "/tests/data/eml/attachment_rfc2231.eml"),
      MailSource::kMaildir);
  app_.attachments.SetVirusScanner(nullptr);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->kind, MailImportResult::Kind::kImported);
  const bool named = std::any_of(m->warnings.begin(), m->warnings.end(), [](const auto& w) {
    return w.find("file_infected") != std::string::npos;
  });
  EXPECT_TRUE(named) << ::testing::PrintToString(m->warnings);
}

TEST_F(ReportsTest, HandlersWhoJoinLaterGetTheReportKeyFromTheNextHandler) {
  ReportDraft d = WebDraft("市财政局");
  d.files = {{"说明.txt", "", "补充材料", false}};
  auto s = app_.reports->Submit(d);
  ASSERT_TRUE(s.ok());
  NewUser nu;
  nu.username = "office2";
  nu.display_name = "巡察办·新同事";
  nu.role = Role::kOffice;
  nu.password = kDemoPassword;
  nu.must_change_password = false;
  ASSERT_TRUE(app_.auth->CreateUser(SystemActor("test"), nu).ok());
  auto before = app_.reports->Get(app_.As("office2"), s->id);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->files_readable);
  EXPECT_TRUE(before->files[0].filename.empty());
  EXPECT_EQ(app_.reports->File(app_.As("office2"), s->id, before->files[0].id).error().key,
            "key_unavailable");
  // Staff add a scan; the answer is the report with both files (and the call returns).
  auto added =
      app_.reports->AddFiles(app_.As("leader1"), s->id, {{"第2页.txt", "", "第二页", false}});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->files.size(), 2u);
  EXPECT_EQ(added->files[1].filename, "第2页.txt");
  ASSERT_TRUE(app_.reports->Get(app_.As("office"), s->id).ok());  // passes the key on
  auto after = app_.reports->Get(app_.As("office2"), s->id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->files_readable);
  EXPECT_EQ(after->files[0].filename, "说明.txt");
}

}  // namespace
}  // namespace xuncha
