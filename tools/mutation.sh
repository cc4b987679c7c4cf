#!/usr/bin/env bash
# Mutation testing of the modules that parse untrusted input or guard access:
#   tools/mutation.sh [--min-score 90] [--jobs 2] [--list] [MODULE...]
# Prints each module's score and every surviving mutant; exits 1 under --min-score.
# The modules and their tests: tools/mutation/targets.toml; the equivalent mutants:
# tools/mutation/equivalents.txt; how and why: tools/mutation/mutate.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export OCS_TEST_MYSQL_URL=${OCS_TEST_MYSQL_URL:-mysql+pymysql://root@127.0.0.1:3306}
exec "${OCS_VENV:-$here/.venv}/bin/python" "$here/tools/mutation/mutate.py" "$@"
