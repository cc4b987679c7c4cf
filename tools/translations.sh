#!/usr/bin/env bash
# Translations of the desktop console.
#   tools/translations.sh update   extract the strings of ocs_desktop/views/**/*.py into the .ts
#                                  sources (kept translations stay; new ones are unfinished)
#   tools/translations.sh plurals  only the English catalogue: new plural texts get "1 x" / "2 xs"
#   tools/translations.sh check    fail if a text has no translation or an update would drop one
#   tools/translations.sh release  compile each .ts into its .qm (generated, not committed;
#                                  the console also does this itself when a .qm is stale)
# Edit the .ts files with Qt Linguist (pyside6-linguist) or any XML editor.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv=${OCS_VENV:-$here/.venv}
dir=resources/translations
languages=(fr en)

# English is the source language: its catalogue holds only the plural forms ("%n
# machine(s)" -> "1 machine" / "2 machines"), filled by tools/translations_en_plurals.py.
lupdate_options() { [ "$1" = en ] && echo "-pluralonly"; true; }

# Every file whose texts the console translates: the views, and the core modules that mark
# their messages with QT_TRANSLATE_NOOP (ocs_desktop/common/translate_marks.py).
sources() {
    find ocs_desktop/views -name '*.py' | sort
    grep -rl --include='*.py' 'QT_TRANSLATE_NOOP(' ocs_desktop | grep -v '^ocs_desktop/views/' \
        | grep -v 'common/translate_marks.py' | sort
}

case "${1:-}" in
    update)
        for lang in "${languages[@]}"; do
            "$venv/bin/pyside6-lupdate" -no-obsolete $(lupdate_options "$lang") \
                -locations relative $(sources) -ts "$dir/ocs_desktop_$lang.ts"
        done
        "$venv/bin/python" tools/translations_en_plurals.py "$dir/ocs_desktop_en.ts"
        ;;
    plurals)
        # Only the English plural forms: extract new plural texts and give them both forms.
        "$venv/bin/pyside6-lupdate" -no-obsolete -pluralonly -locations relative $(sources) \
            -ts "$dir/ocs_desktop_en.ts"
        "$venv/bin/python" tools/translations_en_plurals.py "$dir/ocs_desktop_en.ts"
        ;;
    check)
        # Fails when a text the console shows has no translation, or when an update would
        # drop a translation (a text lupdate cannot find: an alias of translate, a plural
        # outside self.tr). Works on a copy; the sources are not touched.
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
        status=0
        for lang in "${languages[@]}"; do
            ts="$dir/ocs_desktop_$lang.ts"
            cp "$ts" "$tmp/check.ts"
            out=$("$venv/bin/pyside6-lupdate" -no-obsolete $(lupdate_options "$lang") -locations none \
                $(sources) -ts "$tmp/check.ts" 2>&1)
            unfinished=$(grep -c 'type="unfinished"' "$tmp/check.ts" || true)
            dropped=$(sed -n 's/.*Removed \([0-9]*\) obsolete.*/\1/p' <<<"$out")
            echo "$lang: ${unfinished} untranslated, ${dropped:-0} translations an update would drop"
            if [ "$unfinished" != 0 ] || [ "${dropped:-0}" != 0 ]; then
                grep -B3 'type="unfinished"' "$tmp/check.ts" | grep '<source>' || true
                status=1
            fi
        done
        exit $status
        ;;
    release)
        for ts in "$dir"/*.ts; do
            "$venv/bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
        done
        ;;
    *)
        echo "usage: $0 update|plurals|check|release" >&2
        exit 2
        ;;
esac
