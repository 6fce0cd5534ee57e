#include "dovecot_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace xuncha::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kDovecot = "/usr/sbin/dovecot";
constexpr const char* kOpenssl = "/usr/bin/openssl";

[[noreturn]] void Fail(const std::string& what) {
  throw std::runtime_error("DovecotServer: " + what);
}
[[noreturn]] void FailErrno(const std::string& what) { Fail(what + ": " + std::strerror(errno)); }

void WriteFile(const std::string& path, const std::string& content, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) FailErrno("open " + path);
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      FailErrno("write " + path);
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

std::string ReadTail(const std::string& path, std::size_t max_bytes = 4000) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return s.size() > max_bytes ? s.substr(s.size() - max_bytes) : s;
}

void MakeDir(const std::string& path, mode_t mode, uid_t uid, gid_t gid) {
  if (::mkdir(path.c_str(), mode) != 0) FailErrno("mkdir " + path);
  if (::chmod(path.c_str(), mode) != 0) FailErrno("chmod " + path);  // despite the umask
  if (::geteuid() == 0 && ::chown(path.c_str(), uid, gid) != 0) FailErrno("chown " + path);
}

// Spawns argv[0] with stdout and stderr appended to `log`; in its own process group when
// `own_group`, so that it and its children can be signalled together.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log, bool own_group) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) Fail("cannot start " + args[0] + ": " + std::strerror(rc));
  return pid;
}

void RunOrFail(const std::vector<std::string>& args, const std::string& log) {
  pid_t pid = Spawn(args, log, false);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) FailErrno("waitpid " + args[0]);
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    Fail(args[0] + " failed:\n" + ReadTail(log));
  }
}

// A port of 127.0.0.1 that was free a moment ago (the kernel's choice for port 0). Another
// process may take it before dovecot binds it: the caller retries with a new one.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) FailErrno("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    FailErrno("bind port 0");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) FailErrno("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

std::string UserName(uid_t uid) {
  const passwd* pw = ::getpwuid(uid);
  if (pw == nullptr) Fail("no passwd entry for uid " + std::to_string(uid));
  return pw->pw_name;
}

std::string GroupName(gid_t gid) {
  const group* gr = ::getgrgid(gid);
  if (gr == nullptr) Fail("no group entry for gid " + std::to_string(gid));
  return gr->gr_name;
}

}  // namespace

bool DovecotServer::Available() {
  return ::access(kDovecot, X_OK) == 0 && ::access(kOpenssl, X_OK) == 0;
}

DovecotServer::DovecotServer() {
  std::string tmpl = (fs::temp_directory_path() / "xuncha-dovecot-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) FailErrno("mkdtemp");
  dir_ = tmpl;
  try {
    // As root, dovecot's own users (auth runs as "dovecot", imap-login as "dovenull") must
    // traverse the directory to read the passwd file; nothing in it is secret.
    if (::chmod(dir_.c_str(), 0711) != 0) FailErrno("chmod " + dir_);
    if (::geteuid() == 0) {
      // Dovecot refuses mail access as UID 0: the mailbox belongs to "nobody".
      // (getpwnam returns a static buffer that the next call overwrites.)
      const passwd* nobody = ::getpwnam("nobody");
      if (nobody == nullptr) Fail("no user \"nobody\"");
      mail_uid_ = nobody->pw_uid;
      mail_gid_ = nobody->pw_gid;
      if (::getpwnam("dovecot") == nullptr || ::getpwnam("dovenull") == nullptr) {
        Fail("users dovecot and dovenull missing (the dovecot-core package creates them)");
      }
    } else {
      mail_uid_ = ::geteuid();
      mail_gid_ = ::getegid();
    }
    MakeDir(dir_ + "/run", 0755, 0, 0);
    MakeDir(dir_ + "/state", 0755, 0, 0);
    MakeDir(dir_ + "/home", 0711, 0, 0);
    MakeDir(dir_ + "/home/" + kUsername, 0700, mail_uid_, mail_gid_);
    // Made here rather than by dovecot, so that Deliver() never races dovecot creating them.
    for (const char* sub : {"", "/tmp", "/new", "/cur"}) {
      MakeDir(Maildir() + sub, 0700, mail_uid_, mail_gid_);
    }
    WriteFile(dir_ + "/passwd", std::string(kUsername) + ":{PLAIN}" + kPassword + "\n", 0644);
    RunOrFail({kOpenssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
               "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "2", "-keyout",
               dir_ + "/key.pem", "-out", dir_ + "/cert.pem"},
              dir_ + "/openssl.log");
    // The port is free when chosen but may be taken before dovecot binds it: a few tries.
    for (int attempt = 1;; ++attempt) {
      port_ = FreePort();
      WriteConfig();
      if (Start()) break;
      if (attempt == 3) Fail("dovecot did not start:\n" + ReadTail(dir_ + "/dovecot.log"));
    }
  } catch (...) {
    Stop();
    std::error_code ec;
    fs::remove_all(dir_, ec);
    throw;
  }
}

DovecotServer::~DovecotServer() {
  Stop();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string DovecotServer::url() const {
  return "imaps://localhost:" + std::to_string(port_) + "/INBOX";
}

void DovecotServer::WriteConfig() {
  std::ostringstream c;
  c << "base_dir = " << dir_ << "/run\n"
    << "state_dir = " << dir_ << "/state\n"
    << "log_path = " << dir_ << "/dovecot.log\n"
    << "info_log_path = " << dir_ << "/dovecot.log\n"
    << "protocols = imap\n"
    << "listen = 127.0.0.1\n"
    << "ssl = required\n"
    << "ssl_cert = <" << dir_ << "/cert.pem\n"
    << "ssl_key = <" << dir_ << "/key.pem\n"
    << "auth_mechanisms = plain login\n"
    << "disable_plaintext_auth = yes\n"
    // The wrong-password test need not wait the default 2 s.
    << "auth_failure_delay = 0\n"
    << "passdb {\n  driver = passwd-file\n  args = " << dir_ << "/passwd\n}\n"
    << "userdb {\n  driver = static\n  args = uid=" << mail_uid_ << " gid=" << mail_gid_
    << " home=" << dir_ << "/home/%u\n}\n"
    << "mail_location = maildir:~/Maildir\n";
  // imap-login is chrooted into base_dir by default, which needs root.
  std::string login_chroot;
  if (::geteuid() == 0) {
    c << "default_login_user = dovenull\n"
      << "default_internal_user = dovecot\n";
  } else {
    // Rootless: dovecot cannot switch users, so every service runs as ours.
    std::string user = UserName(::geteuid());
    c << "default_login_user = " << user << "\n"
      << "default_internal_user = " << user << "\n"
      << "default_internal_group = " << GroupName(::getegid()) << "\n"
      << "first_valid_uid = " << ::geteuid() << "\n"
      << "first_valid_gid = " << ::getegid() << "\n"
      << "service anvil {\n  chroot =\n}\n";
    login_chroot = "  chroot =\n";
  }
  c << "service imap-login {\n"
    << login_chroot << "  inet_listener imap {\n    port = 0\n  }\n"
    << "  inet_listener imaps {\n    port = " << port_ << "\n    ssl = yes\n  }\n"
    << "}\n";
  WriteFile(dir_ + "/dovecot.conf", c.str(), 0644);
}

bool DovecotServer::Start() {
  pid_ = Spawn({kDovecot, "-F", "-c", dir_ + "/dovecot.conf"}, dir_ + "/dovecot.stderr", true);
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // exited before listening
      pid_ = -1;
      return false;
    }
    if (Accepts(port_)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Stop();
  Fail("dovecot did not listen on port " + std::to_string(port_) + " within 30 s:\n" +
       ReadTail(dir_ + "/dovecot.log"));
}

void DovecotServer::Stop() {
  if (pid_ <= 0) return;
  // Nothing of this server outlives it, so nothing needs a graceful stop, and a graceful one
  // takes dovecot from 0.1 to 6 s. Its services stay in the master's process group; the group is
  // killed before the master is reaped, so its id cannot have been reused by then.
  ::kill(-pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

void DovecotServer::Deliver(const std::string& raw) {
  static std::atomic<unsigned> counter{0};
  // Maildir names: "<time>.<unique>.<host>", unique within this process and this directory.
  std::string name = std::to_string(std::time(nullptr)) + ".P" + std::to_string(::getpid()) + "Q" +
                     std::to_string(counter.fetch_add(1)) + ".xuncha-test";
  std::string tmp = Maildir() + "/tmp/" + name;
  WriteFile(tmp, raw, 0600);
  if (::geteuid() == 0 && ::chown(tmp.c_str(), mail_uid_, mail_gid_) != 0) FailErrno("chown");
  if (::rename(tmp.c_str(), (Maildir() + "/new/" + name).c_str()) != 0) FailErrno("rename");
}

std::string DovecotServer::LogTail() const { return ReadTail(dir_ + "/dovecot.log"); }

int DovecotServer::SeenCount() const {
  int seen = 0;
  for (const char* sub : {"/new", "/cur"}) {
    for (const auto& entry : fs::directory_iterator(Maildir() + sub)) {
      std::string name = entry.path().filename().string();
      std::size_t info = name.find(":2,");
      if (info != std::string::npos && name.find('S', info) != std::string::npos) ++seen;
    }
  }
  return seen;
}

}  // namespace xuncha::testing
