#!/usr/bin/env bash
# Installs, with apt-get, only the Debian packages Xuncha needs that are missing, then the
# front end's npm packages when package-lock.json changed. Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config ninja-build
  libboost1.81-dev            # Beast / Asio (header-only)
  libsqlite3-dev sqlite3
  libsodium-dev               # Argon2id, secretbox
  libicu-dev
  nlohmann-json3-dev
  libspdlog-dev libfmt-dev
  libcli11-dev
  libgtest-dev libgmock-dev
  libxlsxwriter-dev           # writing .xlsx
  libzip-dev libexpat1-dev    # reading .xlsx (zip container + XML parts)
  libmagic-dev libqpdf-dev    # attachments: type by content, PDF metadata stripping
  libgmime-3.0-dev            # parsing email (MIME, RFC 2047/2231, charsets)
  libcurl4-openssl-dev dovecot-imapd openssl   # email: IMAP poller (libcurl); the tests start a local dovecot
  clang-format clang-14 libclang-rt-14-dev   # format check; libFuzzer targets (fuzz/)
  chromium                    # browser tests (playwright-core drives /usr/bin/chromium)
  fonts-noto-cjk              # so Chinese renders in headless screenshots
  curl ca-certificates
  libxapian-dev               # only bench/search (the Xapian peer of the search benchmark)
  libbenchmark-dev            # only bench/triage (Google Benchmark)
)
# Node.js: keep an existing node/npm (e.g. NodeSource's, which bundles npm); otherwise Debian's.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The tests start their own dovecot on a free port; the system one Debian enables is not
  # needed (and would listen on 143/993).
  if [[ " ${missing[*]} " == *" dovecot-imapd "* ]] && command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl disable --now dovecot.service >/dev/null 2>&1 || true
  fi
fi

# Front end: npm ci only when the lock file changed since the last install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.xuncha-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
