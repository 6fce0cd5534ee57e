#!/usr/bin/env bash
# The one lint entry point for people and CI: formatting, layering, front-end linters.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

# 1. clang-format (pinned to version 14, Debian 12's).
files=$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'fuzz/*.cc' 'fuzz/*.h')
if ! clang-format-14 --dry-run --Werror $files 2>/tmp/xuncha-format.log; then
  echo "lint: clang-format differences (run: clang-format-14 -i <files>)"
  head -40 /tmp/xuncha-format.log
  status=1
fi

# 2. Layering: core, domain, ports and app include no adapter library.
bad=$(grep -nE '#include <(sqlite3|pqxx|boost/|sodium|unicode/|gmime|xlsxwriter|zip\.h|expat|magic\.h|qpdf/|curl/)' \
        -r src/core src/domain src/ports src/app || true)
if [ -n "$bad" ]; then
  echo "lint: an adapter header leaked into core/domain/ports/app:"
  echo "$bad"
  status=1
fi
bad=$(grep -nE '#include "(storage|http|crypto|xlsx|mail|files|server)/' -r src/core src/domain src/ports src/app || true)
if [ -n "$bad" ]; then
  echo "lint: core/domain/ports/app include an adapter:"
  echo "$bad"
  status=1
fi

# 3. Front end.
if [ -f web/package.json ]; then
  (cd web && npm run --silent lint) || status=1
fi

[ $status -eq 0 ] && echo "lint: ok"
exit $status
