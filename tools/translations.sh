#!/usr/bin/env bash
# Translations of the desktop console.
#   tools/translations.sh update   extract the strings of ocs_desktop/views/**/*.py into the .ts
#                                  sources (kept translations stay; new ones are unfinished)
#   tools/translations.sh release  compile each .ts into its .qm (generated, not committed;
#                                  the console also does this itself when a .qm is stale)
# Edit the .ts files with Qt Linguist (pyside6-linguist) or any XML editor.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv=${OCS_VENV:-$here/.venv}
dir=resources/translations
languages=(fr)

case "${1:-}" in
    update)
        for lang in "${languages[@]}"; do
            "$venv/bin/pyside6-lupdate" -no-obsolete -locations relative \
                $(find ocs_desktop/views -name '*.py' | sort) -ts "$dir/ocs_desktop_$lang.ts"
        done
        ;;
    release)
        for ts in "$dir"/*.ts; do
            "$venv/bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
        done
        ;;
    *)
        echo "usage: $0 update|release" >&2
        exit 2
        ;;
esac
