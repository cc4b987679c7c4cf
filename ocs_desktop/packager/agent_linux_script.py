"""The shell script inside the Linux agent installer, as a constant so it ships in the wheel
and the bundle.

makeself extracts the archive to a temporary folder and runs ``./install.sh`` there with
the arguments given after ``--``. The build-time options are plain files in
``settings/`` (one value a file), read with ``read -r`` and never evaluated; every
expansion is double-quoted, so a TAG such as ``x'; rm -rf / #$(id)`` stays text.
Where the Debian agent (2.10) looks, from its Perl source:

- configuration: the first ``ocsinventory-agent.cfg`` found in /etc/ocsinventory,
  /usr/local/etc/ocsinventory, /etc/ocsinventory-agent, ~/.ocsinventory (``Config.pm``;
  there is no option to name another file), ``key=value`` lines;
- its state, and the ``cacert.pem`` it uses when the cfg has no ``ca``:
  ``<basevardir>/<server URL with every / as _>/`` (``Agent.pm``). We write both the file
  there and ``ca=`` pointing at it;
- the daily run: the package ships /etc/cron.daily/ocsinventory-agent and an
  ``ocsinventory-agent.timer``. Under systemd we enable the timer and divert the cron.daily
  job away (run-parts skips names with a dot), so it does not run twice a day; without
  systemd the package's cron.daily job is the daily run, else we write /etc/cron.d.
"""

from __future__ import annotations

SCRIPT_NAME = "install.sh"
SETTINGS_DIR = "settings"
CACERT_NAME = "cacert.pem"
SETTINGS = ("server", "tag", "ssl", "first_run")

# Exit codes of the installer (documented in --help).
EXIT_USAGE = 2
EXIT_NOT_ROOT = 3
EXIT_AGENT_MISSING = 4
EXIT_FIRST_RUN = 5

SCRIPT = r"""#!/bin/sh
# OCS Inventory agent installer for Debian/Ubuntu, built by OCS Desktop.
set -u
umask 022
here=$(cd "$(dirname "$0")" && pwd)
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

say() { printf 'ocs-agent-installer: %s\n' "$*"; }
die() { code=$1; shift; printf 'ocs-agent-installer: %s\n' "$*" >&2; exit "$code"; }
setting() { v=''; IFS= read -r v < "$here/settings/$1" || true; printf '%s' "$v"; }

usage() {
    cat <<'EOF'
Installs and configures the OCS Inventory agent (Debian/Ubuntu).
Usage: sudo ./ocs-agent-installer.run [-- OPTIONS]
  --server URL          server URL (http[s]://host[:port]/ocsinventory)
  --tag TAG | --no-tag  TAG sent with the inventory
  --ssl | --no-ssl      check the server certificate with the bundled CA (ssl=1/0)
  --first-run | --no-first-run   send the first inventory at once
  --schedule auto|systemd|cron|none   daily run (auto: systemd timer where systemd runs)
  --root DIR            write everything under DIR (a throwaway root, for tests)
Exit codes: 0 done, 2 bad option, 3 not root, 4 no agent, 5 first inventory failed.
EOF
}

server=$(setting server)
tag=$(setting tag)
ssl=$(setting ssl)
first_run=$(setting first_run)
schedule=auto
root=''

value_of() { [ $# -ge 2 ] || die 2 "$1 needs a value"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --server) value_of "$@"; server=$2; shift 2 ;;
        --server=*) server=${1#--server=}; shift ;;
        --tag) value_of "$@"; tag=$2; shift 2 ;;
        --tag=*) tag=${1#--tag=}; shift ;;
        --no-tag) tag=''; shift ;;
        --ssl) ssl=1; shift ;;
        --no-ssl) ssl=0; shift ;;
        --first-run) first_run=1; shift ;;
        --no-first-run) first_run=0; shift ;;
        --schedule) value_of "$@"; schedule=$2; shift 2 ;;
        --schedule=*) schedule=${1#--schedule=}; shift ;;
        --root) value_of "$@"; root=$2; shift 2 ;;
        --root=*) root=${1#--root=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die 2 "unknown option: $1 (see --help)" ;;
    esac
done

for field in "$server" "$tag" "$root"; do
    case "$field" in *[[:cntrl:]]*) die 2 "a value holds a control character" ;; esac
done
case "$server" in
    http://?*|https://?*) ;;
    *) die 2 "the server must be an http:// or https:// URL" ;;
esac
if [ -n "$(printf '%s' "$server" | tr -d 'A-Za-z0-9._~%:/\133\135-')" ]; then
    die 2 "the server URL holds a character URLs do not use"
fi
case "$tag" in
    [[:space:]]*|*[[:space:]]) die 2 "the TAG starts or ends with a space" ;;
esac
[ "${#tag}" -le 255 ] || die 2 "the TAG is longer than 255 characters"
case "$schedule" in
    auto|systemd|cron|none) ;;
    *) die 2 "--schedule: auto, systemd, cron or none" ;;
esac
if [ -n "$root" ]; then
    mkdir -p "$root" || die 2 "cannot create $root"
    root=$(cd "$root" && pwd) || die 2 "cannot use $root"
    [ "$root" != / ] || root=''
elif [ "$(id -u)" != 0 ]; then
    die 3 "run it as root (sudo), or give --root DIR to write a throwaway configuration"
fi

# -- the agent ------------------------------------------------------------------------
agent=$(command -v ocsinventory-agent || true)
if [ -z "$agent" ]; then
    [ -z "$root" ] || die 4 "ocsinventory-agent is not installed (--root installs no package)"
    command -v apt-get >/dev/null || die 4 "no apt-get: install ocsinventory-agent by hand"
    say "installing ocsinventory-agent from the distribution's packages"
    if command -v debconf-set-selections >/dev/null; then
        q=ocsinventory-agent/
        {
            printf 'ocsinventory-agent %smethod select http\n' "$q"
            printf 'ocsinventory-agent %sserver string %s\n' "$q" "$server"
            printf 'ocsinventory-agent %stag string %s\n' "$q" "$tag"
        } | debconf-set-selections
    fi
    DEBIAN_FRONTEND=noninteractive
    export DEBIAN_FRONTEND
    apt-get update -q || say "apt-get update failed; trying the package lists we have"
    apt-get install -y -q ocsinventory-agent || die 4 "apt-get could not install ocsinventory-agent"
    agent=$(command -v ocsinventory-agent || true)
    [ -n "$agent" ] || die 4 "ocsinventory-agent is still missing after apt-get"
else
    say "using the installed agent: $agent"
fi

# -- configuration and certificate ---------------------------------------------------
etc="$root/etc/ocsinventory"
cfg="$etc/ocsinventory-agent.cfg"
basevardir="$root/var/lib/ocsinventory-agent"
vardir="$basevardir/$(printf '%s' "$server" | tr '/' '_')"
logfile="$root/var/log/ocsinventory-client/ocsinventory-agent.log"
mkdir -p "$etc" "$vardir" "$(dirname "$logfile")" || die 1 "cannot create the agent's folders"
ca=''
if [ -f "$here/cacert.pem" ]; then
    ca="$vardir/cacert.pem"
    cp "$here/cacert.pem" "$ca.new" && chmod 644 "$ca.new" && mv -f "$ca.new" "$ca" \
        || die 1 "cannot write $ca"
    say "CA certificate: $ca"
fi
if [ -f "$cfg" ] && [ ! -f "$cfg.before-ocs-desktop" ]; then
    cp -p "$cfg" "$cfg.before-ocs-desktop"
fi
{
    printf '# Written by the OCS Desktop agent installer.\n'
    printf 'server=%s\n' "$server"
    [ -z "$tag" ] || printf 'tag=%s\n' "$tag"
    printf 'ssl=%s\n' "$ssl"
    [ -z "$ca" ] || printf 'ca=%s\n' "$ca"
    printf 'basevardir=%s\n' "$basevardir"
    printf 'logger=Stderr,File\n'
    printf 'logfile=%s\n' "$logfile"
} > "$cfg.new" && mv -f "$cfg.new" "$cfg" || die 1 "cannot write $cfg"
say "configuration: $cfg"

# -- daily run ------------------------------------------------------------------------
if [ "$schedule" = auto ]; then
    if [ -d /run/systemd/system ]; then schedule=systemd; else schedule=cron; fi
fi
units="$root/etc/systemd/system"
crond="$root/etc/cron.d/ocsinventory-agent"
daily="$root/etc/cron.daily/ocsinventory-agent"
case "$schedule" in
systemd)
    mkdir -p "$units/timers.target.wants" || die 1 "cannot create $units"
    cat > "$units/ocsinventory-agent.service" <<EOF
[Unit]
Description=OCS Inventory agent run
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart=$agent
EOF
    cat > "$units/ocsinventory-agent.timer" <<'EOF'
[Unit]
Description=Daily OCS Inventory agent run

[Timer]
OnCalendar=daily
RandomizedDelaySec=1h
Persistent=true

[Install]
WantedBy=timers.target
EOF
    if [ -z "$root" ]; then
        systemctl daemon-reload && systemctl enable --now ocsinventory-agent.timer \
            || die 1 "systemctl could not enable ocsinventory-agent.timer"
    else
        ln -sf ../ocsinventory-agent.timer "$units/timers.target.wants/ocsinventory-agent.timer"
    fi
    rm -f "$crond"
    if [ -f "$daily" ]; then
        if [ -z "$root" ] && command -v dpkg-divert >/dev/null; then
            dpkg-divert --quiet --local --rename --divert "$daily.disabled" --add "$daily"
        else
            mv -f "$daily" "$daily.disabled"
        fi
    fi
    say "daily run: ocsinventory-agent.timer (systemd)"
    ;;
cron)
    if [ -f "$daily" ]; then
        rm -f "$crond"
        say "daily run: the package's $daily"
    else
        r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
        mkdir -p "$(dirname "$crond")" || die 1 "cannot create $(dirname "$crond")"
        {
            printf '# Daily OCS Inventory agent run, written by the OCS Desktop agent installer.\n'
            printf '%s %s * * * root %s >/dev/null 2>&1\n' "$((r % 60))" "$((r / 60 % 24))" "$agent"
        } > "$crond"
        say "daily run: $crond"
    fi
    ;;
none) say "daily run: not set up (--schedule none)" ;;
esac

# -- first inventory ------------------------------------------------------------------
if [ "$first_run" = 1 ]; then
    say "sending the first inventory to $server"
    if [ -z "$root" ]; then
        "$agent" --force
    else
        # The agent reads only /etc/ocsinventory (and a few fixed folders), so under --root
        # the values of the cfg just written are given on its command line.
        cfg_value() { sed -n "s/^$1=//p" "$cfg"; }
        set -- --nolocal --force --server="$(cfg_value server)" --ssl="$(cfg_value ssl)" \
            --basevardir="$(cfg_value basevardir)" --logfile="$(cfg_value logfile)"
        [ -z "$ca" ] || set -- "$@" --ca="$(cfg_value ca)"
        [ -z "$tag" ] || set -- "$@" --tag="$(cfg_value tag)"
        "$agent" "$@"
    fi
    status=$?
    [ "$status" = 0 ] || die 5 "installed, but the first inventory failed (exit $status)"
    say "first inventory sent"
fi
say "done"
"""
