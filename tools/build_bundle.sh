#!/usr/bin/env bash
# Build the workstation bundle: one folder with an `ocs-desktop` that runs every command
# and opens the console with no Python installed beside it, then pack it as
#   dist/ocs-desktop-<version>-<os>-<arch>.tar.gz
# PyInstaller builds for the system it runs on only (no cross-building): run this on
# Linux for Linux, on macOS for macOS, in Git Bash on Windows for Windows.
#   tools/build_bundle.sh [DIST]     DIST defaults to dist/ (the work files go to build/)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv=${OCS_VENV:-$here/.venv}
dist=$(mkdir -p "${1:-$here/dist}" && cd "${1:-$here/dist}" && pwd)
work=${OCS_BUNDLE_WORK:-$here/build/bundle}
bin=$venv/bin
[ -d "$bin" ] || bin=$venv/Scripts # a Windows virtual environment

log() { printf '[build_bundle] %s\n' "$*" >&2; }

# The compiled translations are generated, not committed: the spec packs the .qm files.
if [ -x "$venv/bin/pyside6-lrelease" ]; then
    tools/translations.sh release
fi

log "PyInstaller: $dist/ocs-desktop"
started=$SECONDS
"$bin/pyinstaller" --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
    ocs_desktop.spec
log "built in $((SECONDS - started)) s, $(du -sm "$dist/ocs-desktop" | cut -f1) MB"

# The bundle names its own version: this also proves it starts.
version=$("$dist/ocs-desktop/ocs-desktop" --version | awk '{print $NF}')
case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) os=$(uname -s | tr '[:upper:]' '[:lower:]') ;;
esac
archive="$dist/ocs-desktop-$version-$os-$(uname -m).tar.gz"
tar -C "$dist" -czf "$archive" ocs-desktop
log "archive: $archive ($(du -sm "$archive" | cut -f1) MB)"
echo "$archive"
