#!/usr/bin/env bash
# Install everything OCS Desktop needs on a Debian 12 machine (as root), then either
# start the desktop console on the embedded SQLite database (`start`) or run the
# whole test suite against SQLite, MariaDB, the real ocsinventory-agent and Qt
# offscreen (`test`). Idempotent: a second run installs nothing new.
set -euo pipefail

mode=${1:-start}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv=${OCS_VENV:-$here/.venv}

log() { printf '[bootstrap] %s\n' "$*" >&2; }

need_packages=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
want() { installed "$1" || need_packages+=("$1"); }

# Python and the Qt runtime libraries that PySide6's wheels load.
for p in python3 python3-venv python3-pip ca-certificates libgl1 libegl1 libglib2.0-0 \
         libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
         libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1; do
    want "$p"
done
if [ "$mode" = test ]; then
    # Real parts for the tests: the OCS Unix agent and a MariaDB server and client.
    want ocsinventory-agent
    want mariadb-client
    command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || want mariadb-server
    # Agent installers (NSIS, makeself, 7z to look inside), a real X display for the
    # console, network namespaces for IP discovery, and a Galera cluster behind HAProxy.
    for p in nsis makeself p7zip-full xvfb xdotool x11-utils iproute2 galera-4 haproxy; do
        want "$p"
    done
    # Wine runs the NSIS-built ocspackage.exe in the tests. The tests build it 64-bit, so
    # 64-bit Wine alone will do: no i386 architecture, whose lists must match the amd64
    # ones exactly and which a mirror mid-sync can break for days.
    for p in wine wine64; do
        want "$p"
    done
fi
if [ ${#need_packages[@]} -gt 0 ]; then
    log "installing Debian packages: ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # A mirror mid-sync fails the update for a minute or two ("File has unexpected size"):
    # try again, then go on with the lists we have (the install itself must succeed).
    for attempt in 1 2 3 4; do
        apt-get update -q && break
        log "apt-get update failed (attempt $attempt)"; sleep $((attempt * 15))
    done
    apt-get install -y -q --no-install-recommends "${need_packages[@]}"
fi

python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
    log "creating virtual environment $venv"
    "$python" -m venv "$venv"
fi
stamp="$venv/.ocs-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    log "installing ocs-desktop and its Python dependencies"
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q -e '.[test,dev]'
    touch "$stamp"
fi

start_mariadb() {
    if mysqladmin --protocol=socket ping >/dev/null 2>&1 || mysqladmin -h127.0.0.1 ping >/dev/null 2>&1; then
        return
    fi
    log "starting MariaDB"
    install -d -o mysql -g root -m 755 /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 60); do
        mysqladmin --protocol=socket ping >/dev/null 2>&1 && return
        sleep 1
    done
    log "MariaDB did not start"; exit 1
}

mysql_test_url() {
    if [ -n "${OCS_TEST_MYSQL_URL:-}" ]; then echo "$OCS_TEST_MYSQL_URL"; return; fi
    if mysql -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        echo "mysql+pymysql://root@127.0.0.1:3306"; return
    fi
    # Fresh Debian: root logs in by unix socket only; make a test account over TCP.
    mysql --protocol=socket -uroot -e "
        CREATE USER IF NOT EXISTS 'ocs_test'@'127.0.0.1' IDENTIFIED BY 'ocs_test';
        CREATE USER IF NOT EXISTS 'ocs_test'@'localhost' IDENTIFIED BY 'ocs_test';
        GRANT ALL PRIVILEGES ON *.* TO 'ocs_test'@'127.0.0.1';
        GRANT ALL PRIVILEGES ON *.* TO 'ocs_test'@'localhost';
        FLUSH PRIVILEGES;"
    echo "mysql+pymysql://ocs_test:ocs_test@127.0.0.1:3306"
}

case "$mode" in
    start)
        exec "$venv/bin/ocs-desktop" "$@"
        ;;
    test)
        start_mariadb
        export OCS_TEST_MYSQL_URL
        OCS_TEST_MYSQL_URL=$(mysql_test_url)
        export QT_QPA_PLATFORM=offscreen
        log "static checks: ruff, import contracts, mypy"
        "$venv/bin/ruff" check ocs_desktop tests bench tools
        "$venv/bin/lint-imports"
        "$venv/bin/mypy"
        log "tests (MariaDB at ${OCS_TEST_MYSQL_URL%%@*}@...)"
        exec "$venv/bin/pytest" "$@"
        ;;
    *)
        echo "usage: $0 start|test [args...]" >&2; exit 2
        ;;
esac
