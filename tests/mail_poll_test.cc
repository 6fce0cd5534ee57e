// The IMAP poller against a real dovecot the test starts itself (TLS with its own CA): new
// messages become reports or quarantine entries, a second poll adds nothing, mail is never
// flagged or deleted on the server, bad passwords and certificates are reported on the account.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dovecot_server.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::DovecotServer;
using testing::TestApp;

std::string Eml(const std::string& name) {
  std::ifstream in(std::filesystem::path(XUNCHA_SOURCE_DIR) / "tests/data/eml" / name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class MailPollTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!DovecotServer::Available()) GTEST_SKIP() << "dovecot is not installed";
    app_.LoadDemo();
    auto intake = app_.reports->Intake();
    ASSERT_TRUE(intake.ok());
    for (const auto& i : intake->items) {
      if (i.unit_name == "市财政局") group_ = i.group.id;
    }
    ASSERT_TRUE(group_.valid());
    imap_ = std::make_unique<DovecotServer>();
  }

  MailAccountInput Account(const std::string& password = DovecotServer::kPassword) {
    MailAccountInput in;
    in.url = imap_->url();
    in.username = DovecotServer::kUsername;
    in.password = password;
    in.ca_file = imap_->ca_file();
    return in;
  }

  MailPollResult Poll() {
    auto r = app_.mailboxes->Poll(app_.As("leader1"), group_);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : MailPollResult{};
  }

  TestApp app_;
  GroupId group_;
  std::unique_ptr<DovecotServer> imap_;
};

TEST_F(MailPollTest, NewMessagesBecomeReportsOnceAndStayUnflaggedOnTheServer) {
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, Account()).ok());
  imap_->Deliver(Eml("gbk_qp.eml"));
  imap_->Deliver(Eml("big5_base64.eml"));
  imap_->Deliver("this is no mail message\n");

  MailPollResult first = Poll();
  EXPECT_EQ(first.error, "");
  EXPECT_EQ(first.imported, 2);
  EXPECT_EQ(first.quarantined, 1);

  // Nothing new: nothing fetched.
  MailPollResult second = Poll();
  EXPECT_EQ(second.imported + second.duplicates + second.quarantined, 0);
  EXPECT_EQ(second.error, "");

  imap_->Deliver(Eml("forwarded.eml"));
  MailPollResult third = Poll();
  EXPECT_EQ(third.imported, 1);
  EXPECT_EQ(third.duplicates, 0);

  // The poller only reads.
  EXPECT_EQ(imap_->SeenCount(), 0);

  // The email reports are in the inbox with their channel, the text decoded.
  ReportListFilter f;
  f.store.channel = Channel::kEmail;
  auto list = app_.reports->List(app_.As("leader1"), f, {1, 50});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 3);

  // A folder renumbered by the server (new UIDVALIDITY) is read again: nothing is added twice.
  {
    auto tx = app_.store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->UpdateMailAccountPoll(group_, 1, 0, app_.clock.Now(), "").ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  MailPollResult again = Poll();
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.duplicates, 4);
  auto after = app_.reports->List(app_.As("leader1"), f, {1, 50});
  EXPECT_EQ(after->total, 3);

  // The account's state is visible, without its password.
  auto accounts = app_.mailboxes->List(app_.As("office_head"));
  ASSERT_TRUE(accounts.ok());
  ASSERT_EQ(accounts->size(), 1u);
  EXPECT_EQ((*accounts)[0].account.last_uid, 4u);
  EXPECT_TRUE((*accounts)[0].account.password_box.empty());
  EXPECT_EQ((*accounts)[0].account.last_error, "");
}

TEST_F(MailPollTest, RefusedLoginsAndUntrustedCertificatesAreReportedOnTheAccount) {
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, Account("wrong")).ok());
  imap_->Deliver(Eml("gbk_qp.eml"));
  MailPollResult bad = Poll();
  EXPECT_NE(bad.error.find("拒绝登录"), std::string::npos) << bad.error;
  EXPECT_EQ(bad.imported, 0);
  auto accounts = app_.mailboxes->List(app_.As("leader1"));
  ASSERT_TRUE(accounts.ok());
  EXPECT_EQ((*accounts)[0].account.last_error, bad.error);

  // Without the test CA the server's certificate is not trusted: no connection at all.
  MailAccountInput untrusted = Account();
  untrusted.ca_file.clear();
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, untrusted).ok());
  MailPollResult tls = Poll();
  EXPECT_NE(tls.error.find("无法连接"), std::string::npos) << tls.error;

  // Fixed: the message arrives.
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, Account()).ok());
  EXPECT_EQ(Poll().imported, 1);
}

TEST_F(MailPollTest, OnlyTheOfficeAndTheGroupLeaderSetAMailboxAndThePasswordIsSealed) {
  auto member = app_.mailboxes->Put(app_.As("member1"), group_, Account());
  ASSERT_FALSE(member.ok());
  EXPECT_EQ(member.error().code, ErrorCode::kPermissionDenied);
  auto unit = app_.mailboxes->List(app_.As("unit1"));
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().code, ErrorCode::kPermissionDenied);
  MailAccountInput plain = Account();
  plain.url = "imap://localhost/INBOX";
  auto refused = app_.mailboxes->Put(app_.As("office_head"), group_, plain);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at("url"), "invalid_value");
  MailAccountInput nopass = Account("");
  auto missing = app_.mailboxes->Put(app_.As("office_head"), group_, nopass);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.at("password"), "required");

  // The office's stored password never follows a changed server: it must be typed again.
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, Account()).ok());
  MailAccountInput moved = Account("");
  moved.url = "imaps://elsewhere.example.org/INBOX";
  auto no_password = app_.mailboxes->Put(app_.As("leader1"), group_, moved);
  ASSERT_FALSE(no_password.ok());
  EXPECT_EQ(no_password.error().fields.at("password"), "required");
  // Only the office names a CA file on the server.
  MailAccountInput ca = Account();
  ca.ca_file = "/etc/shadow";
  auto by_leader = app_.mailboxes->Put(app_.As("leader1"), group_, ca);
  ASSERT_FALSE(by_leader.ok());
  EXPECT_EQ(by_leader.error().fields.at("ca_file"), "invalid_value");

  MailAccountInput secret = Account("PwSecret9917");
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, secret).ok());
  // Editing without a password keeps the stored one.
  secret.password.clear();
  secret.enabled = false;
  ASSERT_TRUE(app_.mailboxes->Put(app_.As("office_head"), group_, secret).ok());
  std::ifstream db(app_.db_path(), std::ios::binary);
  std::stringstream bytes;
  bytes << db.rdbuf();
  std::ifstream wal(app_.db_path() + "-wal", std::ios::binary);
  bytes << wal.rdbuf();
  EXPECT_EQ(bytes.str().find("PwSecret9917"), std::string::npos);
  // Disabled accounts are not polled by the server's poller.
  EXPECT_TRUE(app_.mailboxes->PollAll().empty());
  ASSERT_TRUE(app_.mailboxes->Delete(app_.As("office_head"), group_).ok());
  EXPECT_TRUE(app_.mailboxes->List(app_.As("office_head"))->empty());
}

}  // namespace
}  // namespace xuncha
