// Email into reports through the app layer and the CLI: the project's .eml corpus imports with
// the right text, a second import adds nothing, unreadable mail lands in quarantine with its
// bytes and can be registered by hand, scopes hold, and the database file shows no sender.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/keyring.h"
#include "test_support.h"

namespace xuncha {
namespace {

using testing::TempDir;
using testing::TestApp;
namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path CorpusDir() { return fs::path(XUNCHA_SOURCE_DIR) / "tests/data/eml"; }

std::vector<fs::path> Corpus() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(CorpusDir())) {
    if (e.path().extension() == ".eml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class MailImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.LoadDemo();
    auto intake = app_.reports->Intake();
    ASSERT_TRUE(intake.ok());
    for (const auto& i : intake->items) {
      if (i.unit_name == "市财政局") group_ = i.group.id;
    }
    ASSERT_TRUE(group_.valid());
  }

  MailImportResult Import(const std::string& raw) {
    auto r = app_.reports->ImportMail(group_, raw, MailSource::kMaildir);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : MailImportResult{};
  }

  // The report with `number`, as leader1 sees it.
  ReportView ReportByNumber(const std::string& number) {
    auto list = app_.reports->List(app_.As("leader1"), {}, {1, 200});
    EXPECT_TRUE(list.ok());
    for (const auto& v : list->items) {
      if (v.report.number == number) {
        auto d = app_.reports->Get(app_.As("leader1"), v.report.id);
        EXPECT_TRUE(d.ok());
        return *d;
      }
    }
    ADD_FAILURE() << "no report " << number;
    return {};
  }

  TestApp app_;
  GroupId group_;
};

TEST_F(MailImportTest, TheCorpusImportsWithTheRightTextAndASecondImportAddsNothing) {
  std::map<std::string, MailImportResult> first;
  for (const auto& p : Corpus()) first[p.filename().string()] = Import(ReadFile(p));
  int imported = 0;
  for (const auto& [name, r] : first) {
    EXPECT_NE(r.kind, MailImportResult::Kind::kDuplicate) << name;
    if (r.kind == MailImportResult::Kind::kImported) ++imported;
  }
  // Every message of the corpus, broken MIME included, is readable enough to become a report.
  EXPECT_EQ(imported, static_cast<int>(first.size()));

  // GBK quoted-printable with a GBK encoded-word subject.
  const ReportView gbk = ReportByNumber(first["gbk_qp.eml"].report_number);
  EXPECT_EQ(gbk.report.channel, Channel::kEmail);
  EXPECT_FALSE(gbk.report.anonymous);
  EXPECT_FALSE(gbk.report.registered_by.has_value());
  EXPECT_EQ(gbk.unit_name, "市财政局");
  EXPECT_EQ(
      gbk.report.body.content.rfind("主题：反映市某局某科长违规收受礼金问题\n\n巡察组领导：", 0),
      0u)
      << gbk.report.body.content;
  EXPECT_NE(gbk.report.body.content.find("所送礼金（合计=12000元）"), std::string::npos);
  // Big5 base64 comes out as the same (Traditional) text in UTF-8.
  const ReportView big5 = ReportByNumber(first["big5_base64.eml"].report_number);
  EXPECT_NE(big5.report.body.content.find("巡察組"), std::string::npos) << big5.report.body.content;

  // The original message is kept byte for byte, for the custodians only: it names the sender.
  for (const auto& f : gbk.files) EXPECT_NE(f.mime, "message/rfc822");
  auto bytes = app_.reports->MailOriginal(app_.As("office_head"), gbk.report.id);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, ReadFile(CorpusDir() / "gbk_qp.eml"));
  auto handler = app_.reports->MailOriginal(app_.As("leader1"), gbk.report.id);
  ASSERT_FALSE(handler.ok());
  EXPECT_EQ(handler.error().key, "key_unavailable");
  EXPECT_EQ(app_.reports->MailOriginal(app_.As("member2"), gbk.report.id).error().code,
            ErrorCode::kNotFound);

  // Attachments named with RFC 2231 come through as files of the report.
  const ReportView att = ReportByNumber(first["attachment_rfc2231.eml"].report_number);
  ASSERT_GE(att.files.size(), 1u);

  // Importing the same mailbox again adds nothing: not a report, not a quarantine entry.
  auto before = app_.reports->List(app_.As("office_head"), {}, {1, 1});
  ASSERT_TRUE(before.ok());
  for (const auto& p : Corpus()) {
    EXPECT_EQ(Import(ReadFile(p)).kind, MailImportResult::Kind::kDuplicate) << p;
  }
  auto after = app_.reports->List(app_.As("office_head"), {}, {1, 1});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, before->total);
  MailFilter quarantined;
  quarantined.state = MailState::kQuarantined;
  auto q = app_.reports->ListMail(app_.As("office_head"), quarantined, {1, 10});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->total, 0);
}

TEST_F(MailImportTest, UnreadableMailIsQuarantinedWithItsBytesAndRegisteredByHand) {
  const std::string garbage = std::string("\x00\x01\x02 这不是邮件 QUAR7781", 27) + "\n\n";
  const MailImportResult r = Import(garbage);
  ASSERT_EQ(r.kind, MailImportResult::Kind::kQuarantined);
  EXPECT_EQ(r.reason, "bad_mime");
  // The same bytes again: still one entry.
  EXPECT_EQ(Import(garbage).kind, MailImportResult::Kind::kDuplicate);

  MailFilter f;
  f.state = MailState::kQuarantined;
  auto list = app_.reports->ListMail(app_.As("leader1"), f, {1, 10});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].message.reason, "bad_mime");
  EXPECT_EQ(list->items[0].message.size, static_cast<std::int64_t>(garbage.size()));
  // Another group's member sees no such message, and cannot open it.
  auto other = app_.reports->ListMail(app_.As("member2"), f, {1, 10});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->total, 0);
  auto other_raw = app_.reports->MailRaw(app_.As("member2"), r.mail_id);
  ASSERT_FALSE(other_raw.ok());
  EXPECT_EQ(other_raw.error().code, ErrorCode::kNotFound);
  // Units and clue recipients have no mail at all.
  EXPECT_FALSE(app_.reports->ListMail(app_.As("unit1"), f, {1, 10}).ok());

  auto raw = app_.reports->MailRaw(app_.As("leader1"), r.mail_id);
  ASSERT_TRUE(raw.ok()) << raw.error().message;
  EXPECT_EQ(*raw, garbage);

  ReportDraft d;
  d.assignment_id = AssignmentId();
  auto intake = app_.reports->Intake();
  for (const auto& i : intake->items) {
    if (i.group.id == group_) d.assignment_id = i.assignment_id;
  }
  d.anonymous = true;
  d.received_at = app_.clock.Now() - 3600;
  d.body.content = "隔离邮件人工登记：内容无法解析，原件附后。";
  auto reg = app_.reports->RegisterMail(app_.As("leader1"), r.mail_id, d);
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  EXPECT_EQ(reg->report.channel, Channel::kEmail);
  EXPECT_TRUE(reg->files.empty());
  // The original stays, now for the custodians only.
  auto kept = app_.reports->MailOriginal(app_.As("office_head"), reg->report.id);
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(*kept, garbage);
  EXPECT_FALSE(app_.reports->MailOriginal(app_.As("leader1"), reg->report.id).ok());

  // It has left quarantine, once and for all.
  auto again = app_.reports->RegisterMail(app_.As("leader1"), r.mail_id, d);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().key, "mail_not_quarantined");
  MailFilter registered;
  registered.state = MailState::kRegistered;
  auto done = app_.reports->ListMail(app_.As("leader1"), registered, {1, 10});
  ASSERT_TRUE(done.ok());
  ASSERT_EQ(done->total, 1);
  EXPECT_EQ(done->items[0].report_number, reg->report.number);
}

TEST_F(MailImportTest, TheEscrowCodeRegrantsQuarantinedMailToTheGroupLeader) {
  const MailImportResult q = Import("unreadable bytes for the regrant\n");
  ASSERT_EQ(q.kind, MailImportResult::Kind::kQuarantined);
  // Quarantined mail is for the group leader and the custodians, not every member.
  EXPECT_TRUE(app_.reports->MailRaw(app_.As("leader1"), q.mail_id).ok());
  EXPECT_FALSE(app_.reports->MailRaw(app_.As("member1"), q.mail_id).ok());
  // Every box but escrow's lost (as after password resets).
  {
    auto tx = app_.store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto escrow = (*tx)->GetMailKey(q.mail_id, "escrow");
    ASSERT_TRUE(escrow.ok() && escrow->has_value());
    ASSERT_TRUE((*tx)->DeleteMailKeys(q.mail_id).ok());
    ASSERT_TRUE((*tx)->PutMailKey(q.mail_id, "escrow", **escrow).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto before = app_.reports->MailRaw(app_.As("leader1"), q.mail_id);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().key, "key_unavailable");
  auto secret =
      UnlockEscrowSecret(*app_.store, app_.hasher, app_.crypto, app_.escrow_recovery_code);
  ASSERT_TRUE(secret.ok()) << secret.error().message;
  auto sum = app_.reports->Regrant(*secret);
  ASSERT_TRUE(sum.ok()) << sum.error().message;
  EXPECT_GT(sum->mail_keys, 0);
  auto after = app_.reports->MailRaw(app_.As("leader1"), q.mail_id);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(*after, "unreadable bytes for the regrant\n");
  EXPECT_FALSE(app_.reports->MailRaw(app_.As("member1"), q.mail_id).ok());
  EXPECT_FALSE(app_.reports->MailRaw(app_.As("member2"), q.mail_id).ok());
}

TEST_F(MailImportTest, MailToAGroupWhoseStationingIsOverWaitsInQuarantine) {
  // Group 1 of round 8 finished its stationing long ago.
  GroupId old;
  {
    auto tx = app_.store->Begin(TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    Scope all;
    all.all = true;
    auto groups = (*tx)->ListGroups(all, std::nullopt);
    ASSERT_TRUE(groups.ok());
    for (const auto& g : *groups) {
      if (g.id != group_ && !old.valid()) {
        AssignmentFilter af;
        af.group_id = g.id;
        auto as = (*tx)->ListAssignments(all, af);
        ASSERT_TRUE(as.ok());
        if (!as->empty() && as->front().assignment.station_end < *Date::Parse("2026-01-01"))
          old = g.id;
      }
    }
  }
  ASSERT_TRUE(old.valid());
  auto r = app_.reports->ImportMail(old, ReadFile(CorpusDir() / "gbk_qp.eml"), MailSource::kImap);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, MailImportResult::Kind::kQuarantined);
  EXPECT_EQ(r->reason, "no_assignment");
}

TEST_F(MailImportTest, TheDatabaseFileShowsNoSenderTextOrQuarantinedBytes) {
  Import(ReadFile(CorpusDir() / "gbk_qp.eml"));
  Import(ReadFile(CorpusDir() / "utf8_alternative.eml"));
  Import("garbage that is no mail QUAR5531\n");
  const std::string bytes = ReadFile(app_.db_path()) + ReadFile(app_.db_path() + "-wal");
  for (const std::string& secret :
       {std::string("reporter01@example.com"), std::string("20240305102000.1001"),
        std::string("QUAR5531"), std::string("违规收受礼金"), std::string("一名知情职工")}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "found in the database file: " << secret;
  }
}

// The command a mail administrator runs, on a Maildir, twice.
TEST(MailImportCliTest, ImportsAMaildirOnceAndReportsTotals) {
  TempDir dir;
  const std::string data = dir.File("data");
  const std::string init = std::string(XUNCHA_BIN) + " init --data " + data +
                           " --demo --argon2-cost minimal > /dev/null 2>&1";
  ASSERT_EQ(std::system(init.c_str()), 0);
  const fs::path maildir = dir.File("Maildir");
  fs::create_directories(maildir / "new");
  fs::create_directories(maildir / "cur");
  fs::create_directories(maildir / "tmp");
  int n = 0;
  for (const auto& p : Corpus()) {
    fs::copy_file(p, maildir / (n % 2 == 0 ? "new" : "cur") / ("1700000000." + std::to_string(n)));
    ++n;
  }
  std::ofstream(maildir / "new" / "1700000099.bad") << "not a message at all";
  // Round 9's group at 市财政局, as an operator would look it up.
  std::string group;
  {
    const std::string q = "sqlite3 " + data +
                          "/xuncha.db \"SELECT a.group_id FROM assignments a JOIN units u ON "
                          "u.id=a.unit_id WHERE u.name='市财政局' ORDER BY a.station_start DESC "
                          "LIMIT 1\"";
    FILE* f = popen(q.c_str(), "r");
    ASSERT_NE(f, nullptr);
    char buf[64] = {0};
    if (std::fgets(buf, sizeof buf, f) != nullptr) group = buf;
    pclose(f);
    while (!group.empty() && (group.back() == '\n' || group.back() == '\r')) group.pop_back();
    ASSERT_FALSE(group.empty());
  }
  auto run = [&] {
    const std::string cmd = std::string(XUNCHA_BIN) + " mail import --data " + data + " --group " +
                            group + " --maildir " + maildir.string() + " --quiet 2>&1";
    FILE* f = popen(cmd.c_str(), "r");
    std::string out;
    char buf[512];
    while (f != nullptr && std::fgets(buf, sizeof buf, f) != nullptr) out += buf;
    const int rc = f != nullptr ? pclose(f) : -1;
    return std::make_pair(rc, out);
  };
  auto [rc1, out1] = run();
  ASSERT_EQ(rc1, 0) << out1;
  EXPECT_NE(out1.find(std::to_string(n) + " 件登记 imported, 0 件已导入过 duplicates, 1 件隔离"),
            std::string::npos)
      << out1;
  auto [rc2, out2] = run();
  ASSERT_EQ(rc2, 0) << out2;
  EXPECT_NE(out2.find("0 件登记 imported, " + std::to_string(n + 1) + " 件已导入过 duplicates"),
            std::string::npos)
      << out2;
  // A missing directory and an unknown group are clear errors.
  const std::string bad = std::string(XUNCHA_BIN) + " mail import --data " + data + " --group " +
                          group + " --maildir /nonexistent > /dev/null 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
  const std::string nogroup = std::string(XUNCHA_BIN) + " mail import --data " + data +
                              " --group 99999 --maildir " + maildir.string() + " > /dev/null 2>&1";
  EXPECT_NE(std::system(nogroup.c_str()), 0);
}

}  // namespace
}  // namespace xuncha
