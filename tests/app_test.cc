// Use cases through the app layer, on a real SQLite file with a fake clock.
#include <gtest/gtest.h>

#include "app/demo.h"
#include "storage/sqlite/db.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::TestApp;

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NewUser nu;
    nu.username = "zhang";
    nu.display_name = "张三";
    nu.role = Role::kOffice;
    nu.password = "correct horse battery";
    ASSERT_TRUE(app_.auth->CreateUser(SystemActor("test"), nu).ok());
  }
  TestApp app_;
};

TEST_F(AuthTest, GoodPasswordSignsInAndTheTokenAuthenticates) {
  auto s = app_.auth->Login("zhang", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->user.must_change_password) << "created accounts must change their password";
  auto who = app_.auth->Authenticate(s->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.username, "zhang");
  EXPECT_EQ(who->csrf_token, s->csrf_token);
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto bad = app_.auth->Login("zhang", "wrong", "ip");
  auto unknown = app_.auth->Login("nobody", "wrong", "ip");
  EXPECT_EQ(bad.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(bad.error().key, unknown.error().key);
  auto tx = app_.store->Begin(TxMode::kRead);
  auto log = (*tx)->ListLogins({1, 10});
  ASSERT_EQ(log->total, 2);
  EXPECT_EQ(log->items[0].reason, "unknown_user");
  EXPECT_EQ(log->items[1].reason, "bad_password");
}

TEST_F(AuthTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(app_.auth->Login("zhang", "wrong", "ip").error().code, ErrorCode::kUnauthenticated);
  }
  auto locked = app_.auth->Login("zhang", "correct horse battery", "ip");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kResourceExhausted);
  app_.clock.Advance(15 * 60 + 1);
  EXPECT_TRUE(app_.auth->Login("zhang", "correct horse battery", "ip").ok());
}

TEST_F(AuthTest, SessionsExpireWhenIdleAndAbsolutely) {
  auto s = app_.auth->Login("zhang", "correct horse battery", "ip");
  app_.clock.Advance(29 * 60);
  ASSERT_TRUE(app_.auth->Authenticate(s->token).ok());  // touches the session
  app_.clock.Advance(29 * 60);
  ASSERT_TRUE(app_.auth->Authenticate(s->token).ok());
  app_.clock.Advance(31 * 60);
  EXPECT_EQ(app_.auth->Authenticate(s->token).error().key, "session_expired");

  auto s2 = app_.auth->Login("zhang", "correct horse battery", "ip");
  for (int i = 0; i < 25; ++i) {  // keep it busy for 12.5 hours
    app_.clock.Advance(30 * 60 - 1);
    if (!app_.auth->Authenticate(s2->token).ok()) break;
  }
  EXPECT_FALSE(app_.auth->Authenticate(s2->token).ok());
}

TEST_F(AuthTest, ChangePasswordChecksTheOldOneAndClearsTheFlag) {
  Actor me = app_.As("zhang");
  auto wrong = app_.auth->ChangePassword(me, "nope", "a new long password");
  EXPECT_EQ(wrong.error().fields.at("old_password"), "wrong_password");
  auto short_pw = app_.auth->ChangePassword(me, "correct horse battery", "short");
  EXPECT_EQ(short_pw.error().fields.at("new_password"), "password_too_short");
  ASSERT_TRUE(app_.auth->ChangePassword(me, "correct horse battery", "a new long password").ok());
  auto s = app_.auth->Login("zhang", "a new long password", "ip");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->user.must_change_password);
}

TEST_F(AuthTest, PasswordHashesAreArgon2idAndTokensAreNotStored) {
  auto s = app_.auth->Login("zhang", "correct horse battery", "ip");
  auto conn = sqlite::Connection::Open(app_.db_path(), false);
  auto st = (*conn)->Prepare("SELECT password_hash FROM users WHERE username='zhang'");
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Text(0).rfind("$argon2id$", 0), 0u);
  (*st)->Reset();
  auto tokens = (*conn)->Prepare("SELECT count(*) FROM sessions WHERE token_hash=?");
  (*tokens)->Bind(1, s->token);
  ASSERT_TRUE(*(*tokens)->Step());
  EXPECT_EQ((*tokens)->Int(0), 0) << "the raw session token must not be in the database";
}

class DemoTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }
  TestApp app_;

  RoundId RoundNo(int number) {
    auto page = app_.planning->ListRounds(app_.As("office"), {}, {1, 20});
    for (const auto& r : page->items) {
      if (r.round.number == number) return r.round.id;
    }
    ADD_FAILURE() << "no round " << number;
    return RoundId();
  }
  UnitId UnitNamed(const std::string& name) {
    auto page = app_.planning->ListUnits(app_.As("office"), name, {1, 20});
    EXPECT_EQ(page->total, 1) << name;
    return page->items[0].id;
  }
};

TEST_F(DemoTest, HoldsTheSeedRoundWithFourGroupsAndSevenUnits) {
  auto r8 = app_.planning->GetRound(app_.As("office"), RoundNo(8));
  ASSERT_TRUE(r8.ok());
  EXPECT_EQ(r8->round.name, "五届市委第八轮巡察");
  EXPECT_EQ(r8->group_count, 4);
  EXPECT_EQ(r8->unit_count, 7);
  AssignmentFilter f;
  f.round_id = r8->round.id;
  auto as = app_.planning->ListAssignments(app_.As("office"), f);
  ASSERT_EQ(as->size(), 7u);
  for (const auto& a : *as) {
    ASSERT_TRUE(a.assignment.meeting.date.has_value());
    EXPECT_GE(*a.assignment.meeting.date, *Date::Parse("2020-05-29"));
    EXPECT_LE(*a.assignment.meeting.date, *Date::Parse("2020-06-04"));
    EXPECT_TRUE(a.assignment.demo);
  }
  auto focus = app_.planning->ListFocus(app_.As("office"), r8->round.id);
  EXPECT_EQ(focus->size(), DefaultFocusTemplate().size());
}

TEST_F(DemoTest, TheCurrentRoundIsStationedToday) {
  auto r9 = app_.planning->GetRound(app_.As("office"), RoundNo(9));
  EXPECT_EQ(r9->round.status, RoundStatus::kStationing);
  AssignmentFilter f;
  f.round_id = r9->round.id;
  Date today = app_.planning->Today();
  auto assignments = app_.planning->ListAssignments(app_.As("office"), f);
  ASSERT_TRUE(assignments.ok());
  for (const auto& a : *assignments) {
    EXPECT_LE(a.assignment.station_start, today);
    EXPECT_GE(a.assignment.station_end, today);
  }
}

TEST_F(DemoTest, AGroupMemberSeesOnlyHisGroupsUnits) {
  Actor member1 = app_.As("member1");
  UnitId finance = UnitNamed("市财政局");
  UnitId transport = UnitNamed("市交通运输局");
  EXPECT_TRUE(app_.planning->GetUnit(member1, finance).ok());
  auto other = app_.planning->GetUnit(member1, transport);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound) << "out of scope must look like missing";
  auto units = app_.planning->ListUnits(member1, "", {1, 50});
  for (const auto& u : units->items) EXPECT_NE(u.id, transport);
  // and member2 the other way round
  EXPECT_TRUE(app_.planning->GetUnit(app_.As("member2"), transport).ok());
  EXPECT_FALSE(app_.planning->GetUnit(app_.As("member2"), finance).ok());
  // assignments of other groups are invisible too
  auto visible = app_.planning->ListAssignments(member1, {});
  ASSERT_TRUE(visible.ok());
  for (const auto& a : *visible) {
    EXPECT_NE(a.unit_name, "市交通运输局");
  }
}

TEST_F(DemoTest, AUnitLiaisonSeesOnlyHisUnitAndAdminSeesNoCaseContent) {
  Actor unit1 = app_.As("unit1");
  auto units = app_.planning->ListUnits(unit1, "", {1, 50});
  ASSERT_EQ(units->total, 1);
  EXPECT_EQ(units->items[0].name, "市财政局");
  auto rounds = app_.planning->ListRounds(unit1, {}, {1, 20});
  ASSERT_EQ(rounds->total, 1);
  EXPECT_EQ(rounds->items[0].round.number, 9);
  Actor admin = app_.As("admin");
  EXPECT_EQ(app_.planning->ListRounds(admin, {}, {1, 20})->total, 0);
  EXPECT_EQ(app_.planning->ListUnits(admin, "", {1, 20})->total, 0);
}

TEST_F(DemoTest, OnlyTheOfficePlansAndLeadershipOnlyReads) {
  Round r;
  r.term_id = TermId(1);
  r.number = 10;
  r.name = "第十轮";
  r.start_date = r.end_date = app_.planning->Today();
  for (const char* who : {"leadership", "leader1", "unit1", "admin", "clue"}) {
    auto res = app_.planning->CreateRound(app_.As(who), r);
    ASSERT_FALSE(res.ok()) << who;
    EXPECT_EQ(res.error().code, ErrorCode::kPermissionDenied) << who;
  }
  EXPECT_TRUE(app_.planning->CreateRound(app_.As("office"), r).ok());
  EXPECT_EQ(app_.planning->ListRounds(app_.As("leadership"), {}, {1, 20})->total, 3);
}

TEST_F(DemoTest, RecusalRefusesWithTheReasonAndAnOverrideIsLogged) {
  Actor office = app_.As("office");
  auto inspectors = app_.planning->ListInspectors(office, "周文涛", {1, 5});
  ASSERT_EQ(inspectors->total, 1);
  InspectorId zhou = inspectors->items[0].id;
  GroupFilter gf;
  gf.round_id = RoundNo(9);
  auto groups = app_.planning->ListGroups(office, gf);
  GroupId g1 = (*groups)[0].id;  // stationed at 市财政局, where he worked until 14 months ago
  auto refused = app_.planning->AddMember(office, g1, zhou, MemberRole::kMember, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().key, "recusal");
  EXPECT_NE(refused.error().detail_json.find("市财政局"), std::string::npos);
  EXPECT_NE(refused.error().detail_json.find("离开未满3年"), std::string::npos);
  EXPECT_EQ(app_.planning->GetGroup(office, g1)->members.size(), 3u) << "nothing changed";

  auto forced =
      app_.planning->AddMember(office, g1, zhou, MemberRole::kMember, "熟悉财政业务，经研究同意");
  ASSERT_TRUE(forced.ok());
  auto log = app_.planning->ListAudit(office, {1, 5});
  bool logged = false;
  for (const auto& e : log->items) {
    if (e.action == "group.member.recusal_override") {
      logged = e.detail.find("熟悉财政业务") != std::string::npos;
    }
  }
  EXPECT_TRUE(logged);
}

TEST_F(DemoTest, AGroupLeaderEditsHisGroupsChannelsButNotAnothers) {
  Actor leader1 = app_.As("leader1");
  GroupFilter gf;
  gf.round_id = RoundNo(9);
  auto groups = app_.planning->ListGroups(app_.As("office"), gf);
  Group mine = (*groups)[0];
  Group other = (*groups)[1];
  mine.duty_phone = "0715-8000000";
  mine.name = "改名不生效";
  auto saved = app_.planning->UpdateGroup(leader1, mine);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->duty_phone, "0715-8000000");
  EXPECT_EQ(saved->name, "第一巡察组");
  EXPECT_EQ(app_.planning->UpdateGroup(leader1, other).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(app_.planning->UpdateGroup(app_.As("member1"), mine).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_F(DemoTest, TheAuditChainDetectsEditsDeletionsAndInsertions) {
  auto ok = app_.audit->Verify(*app_.store);
  ASSERT_TRUE(ok.ok());
  ASSERT_TRUE(ok->ok) << ok->reason;
  ASSERT_GT(ok->entries, 50);

  auto tamper = [&](const std::string& sql) {
    testing::TempDir copy_dir;
    std::string copy = copy_dir.File("copy.db");
    EXPECT_TRUE(app_.store->Backup(copy).ok());
    {
      auto conn = sqlite::Connection::Open(copy, false);
      EXPECT_TRUE((*conn)->Exec(sql).ok()) << sql;
    }
    auto store = sqlite::SqliteStore::Open(copy, false);
    auto v = app_.audit->Verify(**store);
    EXPECT_TRUE(v.ok());
    return *v;
  };
  auto edited = tamper("UPDATE audit_log SET detail='nothing to see' WHERE seq=10");
  EXPECT_FALSE(edited.ok);
  EXPECT_EQ(edited.first_bad_seq, 10);
  auto deleted = tamper("DELETE FROM audit_log WHERE seq=20");
  EXPECT_FALSE(deleted.ok);
  EXPECT_EQ(deleted.first_bad_seq, 21);
  auto inserted = tamper(
      "UPDATE audit_log SET seq=-seq WHERE seq>=30; UPDATE audit_log SET seq=1-seq WHERE seq<0; "
      "INSERT INTO audit_log SELECT 30, at, user_id, username, 'forged', object_type, object_id, "
      "detail, ip, prev_hash, hash FROM audit_log WHERE seq=29");
  EXPECT_FALSE(inserted.ok);
  EXPECT_LE(inserted.first_bad_seq, 31);
}

}  // namespace
}  // namespace xuncha

namespace xuncha {
namespace {

TEST_F(DemoTest, MovingAnAssignmentToAnotherUnitChecksRecusalAgain) {
  Actor office = app_.As("office");
  InspectorId zhou = app_.planning->ListInspectors(office, "周文涛", {1, 5})->items[0].id;
  GroupFilter gf;
  gf.round_id = RoundNo(8);
  auto groups = app_.planning->ListGroups(office, gf);
  GroupId g1 = (*groups)[0].id;  // 市委宣传部 and 市委统战部: no conflict for him
  ASSERT_TRUE(app_.planning->AddMember(office, g1, zhou, MemberRole::kMember, "").ok());
  AssignmentFilter af;
  af.group_id = g1;
  auto as = app_.planning->ListAssignments(office, af);
  Assignment moved = (*as)[0].assignment;
  moved.unit_id = UnitNamed("市财政局");
  auto refused = app_.planning->UpdateAssignment(office, moved);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().key, "recusal");
  EXPECT_NE(refused.error().detail_json.find("周文涛"), std::string::npos);
  auto forced = app_.planning->UpdateAssignment(office, moved, "工作需要，经研究同意");
  ASSERT_TRUE(forced.ok()) << forced.error().message;
  EXPECT_EQ(forced->unit_name, "市财政局");
}

TEST_F(DemoTest, ADeclaredKinRelationRefusesTheAssignment) {
  Actor office = app_.As("office");
  InspectorId zhou = app_.planning->ListInspectors(office, "周文涛", {1, 5})->items[0].id;
  GroupFilter gf;
  gf.round_id = RoundNo(9);
  GroupId g2 = (*app_.planning->ListGroups(office, gf))[1].id;  // 市交通运输局
  auto refused = app_.planning->AddMember(office, g2, zhou, MemberRole::kMember, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().detail_json.find("周敏"), std::string::npos);
  EXPECT_NE(refused.error().detail_json.find("亲属关系"), std::string::npos);
}

}  // namespace
}  // namespace xuncha

namespace xuncha {
namespace {

TEST_F(DemoTest, RoundCountsOnlyCountWhatTheActorMaySee) {
  auto office = app_.planning->GetRound(app_.As("office"), RoundNo(9));
  EXPECT_EQ(office->group_count, 4);
  EXPECT_EQ(office->unit_count, 4);
  auto member = app_.planning->GetRound(app_.As("member1"), RoundNo(9));
  ASSERT_TRUE(member.ok());
  EXPECT_EQ(member->group_count, 1);
  EXPECT_EQ(member->unit_count, 1);
  auto rounds = app_.planning->ListRounds(app_.As("unit1"), {}, {1, 20});
  ASSERT_EQ(rounds->total, 1);
  EXPECT_EQ(rounds->items[0].group_count, 1);
  EXPECT_EQ(rounds->items[0].unit_count, 1);
}

}  // namespace
}  // namespace xuncha
