// A real dovecot IMAP server for tests, as a child process: its own temporary directory, a
// self-signed certificate for "localhost" (and 127.0.0.1), an IMAPS listener on a free port of
// 127.0.0.1 and one user, kUsername / kPassword, whose INBOX is a Maildir the test fills with
// Deliver(). Runs as root (dovecot's privilege separation with the Debian package's users
// dovenull and dovecot; the mail itself belongs to "nobody", since dovecot refuses mail access as
// UID 0) or as any other user (rootless: everything runs under that user).
#pragma once

#include <sys/types.h>

#include <string>

namespace xuncha::testing {

class DovecotServer {
 public:
  static constexpr const char* kUsername = "mailbox";
  static constexpr const char* kPassword = "secret";

  // True when /usr/sbin/dovecot and openssl are installed (scripts/install-deps.sh installs
  // them); tests GTEST_SKIP otherwise.
  static bool Available();

  // Starts the server and returns once its port accepts connections. Throws std::runtime_error,
  // with the tail of dovecot's log, when it does not start within 30 seconds.
  DovecotServer();
  // Kills dovecot and its services (SIGKILL to its process group), reaps it, removes the
  // directory.
  ~DovecotServer();
  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;

  int port() const { return port_; }
  std::string url() const;  // "imaps://localhost:PORT/INBOX"
  // The PEM certificate the server presents (self-signed: it is its own CA).
  std::string ca_file() const { return dir_ + "/cert.pem"; }

  // Drops `raw` into the user's Maildir/new under a unique name (written in tmp/, then renamed,
  // as Maildir delivery does); dovecot sees it at the next command that syncs the folder.
  void Deliver(const std::string& raw);

  // The end of dovecot's log, for a failing test's output.
  std::string LogTail() const;

  // How many delivered messages carry \Seen (dovecot keeps Maildir flags in the file names).
  int SeenCount() const;

 private:
  void WriteConfig();
  bool Start();  // false when dovecot exited before listening (e.g. the port was taken)
  void Stop();
  std::string Maildir() const { return dir_ + "/home/" + kUsername + "/Maildir"; }

  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  uid_t mail_uid_ = 0;
  gid_t mail_gid_ = 0;
};

}  // namespace xuncha::testing
