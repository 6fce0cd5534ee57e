// ImapClient: the answer parsers alone, then the client against a real dovecot (DovecotServer)
// over TLS with a test CA.
#include "mail/imap_client.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "dovecot_server.h"

namespace xuncha::mail {
namespace {

using testing::DovecotServer;

// ---------------------------------------------------------------------------------------------
// Parsers

TEST(ImapParseTest, StatusReadsBothItemsInAnyOrder) {
  auto s = ParseStatusResponse("* STATUS INBOX (UIDVALIDITY 123 UIDNEXT 9)\r\n");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->uid_validity, 123u);
  EXPECT_EQ(s->uid_next, 9u);

  s = ParseStatusResponse("* status \"A (b)\" (MESSAGES 3 uidnext 4 UIDVALIDITY 4294967295)\n");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->uid_validity, 4294967295u);
  EXPECT_EQ(s->uid_next, 4u);

  // Unsolicited lines before and after are ignored.
  s = ParseStatusResponse(
      "* 3 EXISTS\r\n* STATUS INBOX (UIDNEXT 1 UIDVALIDITY 7)\r\n* 0 RECENT\r\n");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->uid_validity, 7u);
  EXPECT_EQ(s->uid_next, 1u);
}

TEST(ImapParseTest, StatusRefusesIncompleteOrMalformedAnswers) {
  for (const char* bad : {
           "", "* OK hello\r\n",
           "* STATUS INBOX (UIDVALIDITY 123)\r\n",            // no UIDNEXT
           "* STATUS INBOX (UIDVALIDITY 0 UIDNEXT 1)\r\n",    // zero is not a UIDVALIDITY
           "* STATUS INBOX (UIDVALIDITY 12x UIDNEXT 9)\r\n",  // not a number
           "* STATUS INBOX (UIDVALIDITY -1 UIDNEXT 9)\r\n",   // signed
           "* STATUS INBOX (UIDVALIDITY 123 UIDNEXT)\r\n",    // odd list
           "* STATUS INBOX UIDVALIDITY 123 UIDNEXT 9\r\n",    // no list
           "* STATUS INBOX (UIDVALIDITY 99999999999999999999 UIDNEXT 9)\r\n",  // overflow
       }) {
    auto s = ParseStatusResponse(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().key, "imap_protocol") << bad;
  }
}

TEST(ImapParseTest, SearchSortsAndDeduplicates) {
  auto u = ParseSearchResponse("* SEARCH 3 1 2 2\r\n");
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(*u, (std::vector<std::uint64_t>{1, 2, 3}));

  u = ParseSearchResponse("* SEARCH\r\n");
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_TRUE(u->empty());

  u = ParseSearchResponse("* 5 EXISTS\r\n* search 7\n* SEARCH 9 8\r\n");
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(*u, (std::vector<std::uint64_t>{7, 8, 9}));
}

TEST(ImapParseTest, SearchRefusesMalformedAnswers) {
  for (const char* bad : {"", "* OK done\r\n", "* SEARCH 1 x 3\r\n", "* SEARCH 0\r\n",
                          "* SEARCH 1 (MODSEQ 5)\r\n", "* SEARCHRES 1\r\n"}) {
    auto u = ParseSearchResponse(bad);
    ASSERT_FALSE(u.ok()) << bad;
    EXPECT_EQ(u.error().key, "imap_protocol") << bad;
  }
}

TEST(ImapClientConfigTest, RefusesUnsafeOrUnusableAccounts) {
  for (const char* url :
       {"imap://localhost:143/INBOX",  // no TLS, and allow_plain is off
        "https://localhost/INBOX", "not a url",
        "imaps://localhost:993/",  // no folder
        "imaps://u:p@localhost:993/INBOX", "imaps://localhost:993/INBOX;UIDVALIDITY=3",
        "imaps://localhost:993/INBOX?SUBJECT%20x", "imaps://localhost:993/%E6%94%B6%E4%BB%B6"}) {
    ImapAccount account;
    account.url = url;
    account.username = "u";
    account.password = "hunter2-secret";
    ImapClient client(account);
    auto s = client.Status();
    ASSERT_FALSE(s.ok()) << url;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument) << url;
    EXPECT_EQ(s.error().key, "imap_connect") << url;
    EXPECT_EQ(s.error().message.find("hunter2"), std::string::npos);
  }
}

// ---------------------------------------------------------------------------------------------
// Against dovecot

std::string ReadEml(const std::string& name) {
  std::ifstream in(std::filesystem::path(XUNCHA_SOURCE_DIR) / "tests/data/eml" / name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Dovecot serves a Maildir message with CRLF line ends whatever the file holds (RFC 3501 wants
// CRLF on the wire): messages are compared with every CRLF turned into LF.
std::string Lf(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i];
  }
  return out;
}

class ImapClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!DovecotServer::Available()) {
      GTEST_SKIP() << "dovecot is not installed (/usr/sbin/dovecot from dovecot-imapd, and "
                      "openssl); scripts/install-deps.sh installs them";
    }
    server_ = std::make_unique<DovecotServer>();
  }

  void TearDown() override {
    if (server_ && HasFailure()) std::cerr << "dovecot's log:\n" << server_->LogTail();
  }

  ImapAccount Account() const {
    ImapAccount account;
    account.url = server_->url();
    account.username = DovecotServer::kUsername;
    account.password = DovecotServer::kPassword;
    account.ca_file = server_->ca_file();
    account.timeout_seconds = 20;
    return account;
  }

  std::unique_ptr<DovecotServer> server_;
};

TEST_F(ImapClientTest, EmptyFolder) {
  ImapClient client(Account());
  auto status = client.Status();
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_NE(status->uid_validity, 0u);
  EXPECT_EQ(status->uid_next, 1u);
  auto uids = client.UidsFrom(1);
  ASSERT_TRUE(uids.ok()) << uids.error().message;
  EXPECT_TRUE(uids->empty());
}

TEST_F(ImapClientTest, ListsAndFetchesDeliveredMessages) {
  ImapClient client(Account());
  auto before = client.Status();
  ASSERT_TRUE(before.ok()) << before.error().message;

  // CRLF, LF and 8-bit GBK files, delivered in this order.
  const std::vector<std::string> names = {"gbk_qp.eml", "forwarded.eml", "big5_base64.eml"};
  for (const std::string& name : names) server_->Deliver(ReadEml(name));

  auto uids = client.UidsFrom(1);
  ASSERT_TRUE(uids.ok()) << uids.error().message;
  ASSERT_EQ(uids->size(), 3u);
  EXPECT_LT((*uids)[0], (*uids)[1]);
  EXPECT_LT((*uids)[1], (*uids)[2]);

  // Dovecot may number new files in any order: match each fetched message to its file.
  std::vector<std::string> expected;
  expected.reserve(names.size());
  for (const std::string& name : names) expected.push_back(Lf(ReadEml(name)));
  for (std::uint64_t uid : *uids) {
    auto raw = client.Fetch(uid, 1 << 20);
    ASSERT_TRUE(raw.ok()) << raw.error().message;
    auto it = std::find(expected.begin(), expected.end(), Lf(*raw));
    ASSERT_NE(it, expected.end()) << "UID " << uid << " is none of the delivered files";
    expected.erase(it);
  }
  EXPECT_EQ(server_->SeenCount(), 0) << "Fetch must not set \\Seen";

  std::uint64_t last = uids->back();
  auto after_last = client.UidsFrom(last + 1);  // IMAP answers "N:*" with the last message
  ASSERT_TRUE(after_last.ok()) << after_last.error().message;
  EXPECT_TRUE(after_last->empty());
  auto from_second = client.UidsFrom((*uids)[1]);
  ASSERT_TRUE(from_second.ok()) << from_second.error().message;
  EXPECT_EQ(*from_second, (std::vector<std::uint64_t>{(*uids)[1], (*uids)[2]}));

  auto status = client.Status();
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->uid_validity, before->uid_validity);
  EXPECT_EQ(status->uid_next, last + 1);

  // A new client (new connection) sees the same folder.
  ImapClient other(Account());
  auto again = other.Status();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->uid_validity, before->uid_validity);
  auto missing = other.Fetch(last + 10, 1 << 20);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(ImapClientTest, WrongPasswordIsAnAuthError) {
  ImapAccount account = Account();
  account.password = "not-the-password";
  ImapClient client(account);
  auto status = client.Status();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().key, "imap_auth") << status.error().message;
  EXPECT_EQ(status.error().message.find("not-the-password"), std::string::npos);
}

TEST_F(ImapClientTest, UntrustedCertificateIsAConnectError) {
  ImapAccount account = Account();
  account.ca_file.clear();  // the self-signed certificate is in no system store
  ImapClient client(account);
  auto status = client.Status();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().key, "imap_connect") << status.error().message;
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
}

TEST_F(ImapClientTest, TooLargeMessageIsRefusedAndTheClientGoesOn) {
  std::string raw = ReadEml("utf8_alternative.eml");
  server_->Deliver(raw);
  ImapClient client(Account());
  auto uids = client.UidsFrom(1);
  ASSERT_TRUE(uids.ok()) << uids.error().message;
  ASSERT_EQ(uids->size(), 1u);

  auto small = client.Fetch(uids->front(), 100);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.error().key, "mail_too_large") << small.error().message;
  EXPECT_EQ(small.error().code, ErrorCode::kPayloadTooLarge);

  auto whole = client.Fetch(uids->front(), raw.size() * 2);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_EQ(Lf(*whole), Lf(raw));
  EXPECT_EQ(server_->SeenCount(), 0);
}

}  // namespace
}  // namespace xuncha::mail
