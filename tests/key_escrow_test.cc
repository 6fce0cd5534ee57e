// The escrow key after staff change: a password reset or a change of group leaves report and
// identity keys sealed to key pairs that no longer exist (or to people who left);
// ReportService::Regrant, with the escrow secret unlocked by the recovery code, seals them again
// to the people who should hold them and takes them from those who should not. Also the real
// binary: `xuncha keys regrant` with the code printed by `xuncha init`.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "app/demo.h"
#include "server/keyring.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::TempDir;
using testing::TestApp;

constexpr const char* kNewPassword = "A-new-password-1";

class KeyEscrowTest : public ::testing::Test {
 protected:
  void SetUp() override { app_.LoadDemo(); }

  ReportDraft WebDraft() {
    auto intake = app_.reports->Intake();
    EXPECT_TRUE(intake.ok());
    ReportDraft d;
    for (const auto& i : intake->items) {
      if (i.unit_name == "市财政局") d.assignment_id = i.assignment_id;
    }
    d.anonymous = false;
    d.reporter = {"冯秘密举报人", "13800001111", "", "", ""};
    d.body.persons = {{"褚某", "市财政局", "副局长"}};
    d.body.content = "褚某长期违规报销私人车辆油费。";
    d.files = {{"说明.txt", "", "附件正文ESC4410", false}};
    return d;
  }

  // A sign-in as the browser makes it: the session unlocks (or, after a reset, makes) his key.
  Actor SignIn(const std::string& username, const std::string& password) {
    auto login = app_.auth->Login(username, password, "ip");
    EXPECT_TRUE(login.ok()) << username;
    if (!login.ok()) return Actor{};
    auto who = app_.auth->Authenticate(login->token);
    EXPECT_TRUE(who.ok());
    return Actor{who->user, "ip", who->secret_key};
  }

  // The administrator resets `username`'s password; he signs in again with the new one.
  Actor ResetAndSignIn(const std::string& username) {
    const Actor before = app_.As(username);
    EXPECT_TRUE(app_.auth->ResetPassword(SystemActor("test"), before.user.id, kNewPassword).ok());
    Actor after = SignIn(username, kNewPassword);
    EXPECT_FALSE(after.secret_key.empty()) << "a new key pair at the next sign-in";
    return after;
  }

  std::string EscrowSecret() {
    auto secret =
        UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, app_.escrow_recovery_code);
    EXPECT_TRUE(secret.ok()) << secret.error().message;
    return secret.ok() ? *secret : std::string();
  }

  std::optional<std::string> Box(ReportId id, const std::string& kind, const Actor& a) {
    auto tx = app_.store->Begin(TxMode::kRead);
    auto box = (*tx)->GetReportKey(id, kind, "user:" + std::to_string(a.user.id.value));
    EXPECT_TRUE(box.ok());
    return *box;
  }

  // Every sealed key of every report, to show that nothing changed.
  std::vector<std::string> AllBoxes() {
    auto tx = app_.store->Begin(TxMode::kRead);
    ReportScope all;
    all.all = true;
    all.sealed_all = true;
    auto reports = (*tx)->ListReports(all, {}, {1, 200});
    std::vector<std::string> out;
    for (const auto& rec : reports->items) {
      for (const char* kind : {"report", "identity"}) {
        auto holders = (*tx)->ListReportKeyHolders(rec.report.id, kind);
        for (const auto& h : *holders) {
          out.push_back(rec.report.number + kind + h +
                        **(*tx)->GetReportKey(rec.report.id, kind, h));
        }
      }
    }
    return out;
  }

  int AuditCount(const std::string& action) {
    auto tx = app_.store->Begin(TxMode::kRead);
    auto log = (*tx)->ListAudit({1, 200});
    int n = 0;
    for (const auto& e : log->items) n += e.action == action;
    return n;
  }

  TestApp app_;
};

TEST_F(KeyEscrowTest, AfterAPasswordResetRegrantOpensTheFilesAgain) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok()) << s.error().message;
  const Actor member = ResetAndSignIn("member1");
  auto before = app_.reports->Get(member, s->id);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->files_readable) << "the box is sealed to the key pair the reset destroyed";
  EXPECT_EQ(app_.reports->File(member, s->id, before->files[0].id).error().key, "key_unavailable");
  // Another handler opening the report does not help: member1 already has a (dead) box.
  ASSERT_TRUE(app_.reports->Get(app_.As("leader1"), s->id).ok());
  EXPECT_FALSE(app_.reports->Get(member, s->id)->files_readable);

  auto sum = app_.reports->Regrant(EscrowSecret());
  ASSERT_TRUE(sum.ok()) << sum.error().message;
  EXPECT_GE(sum->reports, 6) << "the demo's five reports and this one";
  EXPECT_GT(sum->report_keys, sum->reports);
  EXPECT_EQ(sum->skipped, 0);

  auto after = app_.reports->Get(member, s->id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->files_readable);
  EXPECT_EQ(after->files[0].filename, "说明.txt");
  auto file = app_.reports->File(member, s->id, after->files[0].id);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->data, "附件正文ESC4410");
  // Those who kept their keys still open everything.
  EXPECT_TRUE(app_.reports->Get(app_.As("leader1"), s->id)->files_readable);
  EXPECT_TRUE(app_.reports->Get(app_.As("office"), s->id)->files_readable);
}

TEST_F(KeyEscrowTest, AfterACustodianResetRegrantLetsHimApproveReveals) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok());
  const Actor head = ResetAndSignIn("office_head");
  auto req = app_.reports->RequestReveal(app_.As("leader1"), s->id, "核实问题需要联系举报人");
  ASSERT_TRUE(req.ok());
  auto refused = app_.reports->Decide(head, req->id, true, "同意");
  ASSERT_FALSE(refused.ok()) << "his identity boxes are sealed to the destroyed key pair";

  auto sum = app_.reports->Regrant(EscrowSecret());
  ASSERT_TRUE(sum.ok()) << sum.error().message;
  EXPECT_GE(sum->identity_keys, 1);
  auto ok = app_.reports->Decide(head, req->id, true, "同意");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto who = app_.reports->Identity(app_.As("leader1"), s->id);
  ASSERT_TRUE(who.ok()) << who.error().message;
  EXPECT_EQ(who->name, "冯秘密举报人");
  // The identity key goes to custodians (and approved requesters) only, never to every handler.
  EXPECT_FALSE(Box(s->id, "identity", app_.As("member1")));
  EXPECT_FALSE(Box(s->id, "identity", app_.As("office")));
}

TEST_F(KeyEscrowTest, AnApprovedRequesterWhoseKeyWasResetGetsTheIdentityBack) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok());
  auto req = app_.reports->RequestReveal(app_.As("leader1"), s->id, "核实");
  ASSERT_TRUE(app_.reports->Decide(app_.As("office_head"), req->id, true, "同意").ok());
  const Actor leader = ResetAndSignIn("leader1");
  EXPECT_FALSE(app_.reports->Identity(leader, s->id).ok());
  ASSERT_TRUE(app_.reports->Regrant(EscrowSecret()).ok());
  auto who = app_.reports->Identity(leader, s->id);
  ASSERT_TRUE(who.ok()) << who.error().message;
  EXPECT_EQ(who->name, "冯秘密举报人");
}

TEST_F(KeyEscrowTest, AWrongRecoveryCodeIsRefusedAndChangesNothing) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok());
  const Actor member = ResetAndSignIn("member1");
  const auto boxes = AllBoxes();
  ASSERT_FALSE(boxes.empty());

  std::string wrong = app_.escrow_recovery_code;
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  auto bad = UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, wrong);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(bad.error().key, "bad_recovery_code");
  auto short_code = UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, "1234-5678");
  EXPECT_EQ(short_code.error().key, "bad_recovery_code");
  EXPECT_EQ(UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, "").error().key,
            "bad_recovery_code");

  // A secret key that is not this database's escrow key (another installation's code).
  auto foreign = app_.reports->Regrant(app_.crypto.NewKeyPair().secret_key);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(foreign.error().key, "bad_recovery_code");
  EXPECT_EQ(app_.reports->Regrant("").error().key, "bad_recovery_code");

  EXPECT_EQ(AllBoxes(), boxes) << "nothing re-sealed, nothing removed";
  EXPECT_EQ(AuditCount("keys.regrant"), 0);
  EXPECT_FALSE(app_.reports->Get(member, s->id)->files_readable);
}

TEST_F(KeyEscrowTest, TheCodeMayBeTypedWithoutDashesOrWithSpaces) {
  std::string plain;
  for (char c : app_.escrow_recovery_code) {
    if (c != '-') plain += c;
  }
  ASSERT_EQ(plain.size(), 32u);
  EXPECT_TRUE(UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, plain).ok());
  std::string spaced;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    spaced += plain[i];
    if (i % 4 == 3) spaced += ' ';
  }
  EXPECT_TRUE(UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, " " + spaced + "\r").ok());
  // Full-width digits, as a Chinese input method may type them.
  std::string wide;
  for (char c : plain) wide += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
  EXPECT_TRUE(UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, wide).ok());
}

TEST_F(KeyEscrowTest, RegrantTakesTheKeysFromThoseWhoLeftTheGroup) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok());
  const Actor member = app_.As("member1");
  ASSERT_TRUE(Box(s->id, "report", member));
  auto v = app_.reports->Get(app_.As("leader1"), s->id);
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(
      app_.planning->RemoveMember(app_.As("office"), v->report.group_id, *member.user.inspector_id)
          .ok());
  auto sum = app_.reports->Regrant(EscrowSecret());
  ASSERT_TRUE(sum.ok()) << sum.error().message;
  EXPECT_GE(sum->stale_removed, 1);
  EXPECT_FALSE(Box(s->id, "report", member)) << "his box is gone";
  EXPECT_EQ(app_.reports->File(member, s->id, v->files[0].id).error().code, ErrorCode::kNotFound);
  // Taken back into the group, he holds no key until it is granted again.
  ASSERT_TRUE(app_.planning
                  ->AddMember(app_.As("office"), v->report.group_id, *member.user.inspector_id,
                              MemberRole::kMember, "")
                  .ok());
  EXPECT_FALSE(app_.reports->Get(member, s->id)->files_readable);
  // A second run removes nothing more and re-grants the returning member.
  auto again = app_.reports->Regrant(EscrowSecret());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stale_removed, 0);
  EXPECT_TRUE(app_.reports->Get(member, s->id)->files_readable);
}

TEST_F(KeyEscrowTest, DisabledUsersLoseTheirBoxesAndSealedReportsStayNarrow) {
  auto s = app_.reports->Submit(WebDraft());
  ASSERT_TRUE(s.ok());
  Actor office = app_.As("office");
  User u = office.user;
  u.disabled = true;
  ASSERT_TRUE(app_.auth->UpdateUser(SystemActor("test"), u).ok());
  ASSERT_TRUE(app_.reports->Regrant(EscrowSecret()).ok());
  EXPECT_FALSE(Box(s->id, "report", office));
  // The demo's sealed (越级) report: only the custodian and the group leader hold its key.
  auto tx = app_.store->Begin(TxMode::kRead);
  ReportScope all;
  all.all = true;
  all.sealed_all = true;
  auto reports = (*tx)->ListReports(all, {}, {1, 200});
  int sealed = 0;
  for (const auto& rec : reports->items) {
    if (!rec.report.sealed) continue;
    ++sealed;
    auto holders = (*tx)->ListReportKeyHolders(rec.report.id, "report");
    ASSERT_TRUE(holders.ok());
    std::vector<std::string> want = {"escrow",
                                     "user:" + std::to_string(app_.As("office_head").user.id.value),
                                     "user:" + std::to_string(app_.As("leader1").user.id.value)};
    std::sort(want.begin(), want.end());
    EXPECT_EQ(*holders, want) << rec.report.number;
  }
  EXPECT_EQ(sealed, 1);
}

TEST_F(KeyEscrowTest, RegrantIsInTheOperationLog) {
  auto sum = app_.reports->Regrant(EscrowSecret());
  ASSERT_TRUE(sum.ok());
  auto tx = app_.store->Begin(TxMode::kRead);
  auto log = (*tx)->ListAudit({1, 1});
  ASSERT_EQ(log->items.size(), 1u);
  const AuditEntry& e = log->items[0];
  EXPECT_EQ(e.action, "keys.regrant");
  EXPECT_EQ(e.detail.find("reports " + std::to_string(sum->reports)), 0u) << e.detail;
  EXPECT_NE(e.detail.find("stale removed"), std::string::npos);
  EXPECT_EQ(AuditCount("keys.regrant"), 1);
  tx->reset();
  auto verdict = app_.audit->Verify(*app_.store);
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->ok);
}

// ---- the real binary ----

struct ShellRun {
  int status = -1;
  std::string output;  // stdout and stderr
};

ShellRun Shell(const std::string& command) {
  ShellRun r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 512> buf{};
  while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.output += buf.data();
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// The first "dddd-dddd-…" (eight groups of four digits) in `text`; empty when there is none.
// (No std::regex: GCC 12 warns inside <regex> under the asan preset's -O1 -Werror.)
std::string FindRecoveryCode(const std::string& text) {
  constexpr std::size_t kLength = 8 * 4 + 7;
  for (std::size_t at = 0; at + kLength <= text.size(); ++at) {
    bool match = true;
    for (std::size_t i = 0; i < kLength && match; ++i) {
      const char c = text[at + i];
      match = i % 5 == 4 ? c == '-' : (c >= '0' && c <= '9');
    }
    if (match) return text.substr(at, kLength);
  }
  return "";
}

TEST(KeysRegrantCli, TheCodePrintedAtInitRegrantsAndAWrongOneIsRefused) {
  TempDir dir;
  const std::string data = dir.File("data");
  const std::string bin = XUNCHA_BIN;
  ShellRun init = Shell(bin + " init --data " + data + " --demo --argon2-cost minimal");
  ASSERT_EQ(init.status, 0) << init.output;
  const std::string code = FindRecoveryCode(init.output);
  ASSERT_FALSE(code.empty()) << init.output;

  ShellRun ok = Shell("echo '" + code + "' | " + bin + " keys regrant --data " + data);
  EXPECT_EQ(ok.status, 0) << ok.output;
  EXPECT_NE(ok.output.find("重新授权完成 (regranted): 5 reports"), std::string::npos) << ok.output;

  std::string wrong = code;
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  ShellRun bad = Shell("echo '" + wrong + "' | " + bin + " keys regrant --data " + data);
  EXPECT_NE(bad.status, 0) << bad.output;
  EXPECT_NE(bad.output.find("恢复码不正确 (wrong recovery code)"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("nothing changed"), std::string::npos) << bad.output;
  EXPECT_EQ(bad.output.find("regranted"), std::string::npos);

  ShellRun verify = Shell(bin + " audit verify --data " + data);
  EXPECT_EQ(verify.status, 0) << verify.output;
}

}  // namespace
}  // namespace xuncha
