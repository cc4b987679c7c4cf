"""Every ``config`` key an administrator sets, with its type, range, OCS default and meaning.

The catalogue of PROTOCOL.md 6 and 4.1 (and the 7069 seed, ``db/seed.py``) in one table, so
the CLI and the console's Configuration tab validate and explain the same way. A key is
stored as OCS stores it: numbers and switches in IVALUE, texts and choices in TVALUE.

``default`` is what a fresh OCS database holds (``files/ocsbase.sql``), which "reset"
writes back; ``missing`` is what the server uses when the row is absent (the Perl
server's own default, ``db/options.PERL_DEFAULTS``).

Left out on purpose: rows that are state rather than settings (GUI_VERSION,
PASSWORD_VERSION, TAB_ACCOUNT*, USER_GROUP_<n>, ACCOUNT_VALUE_*, IPDISCOVER_UPDATE_DATE),
the LDAP connection rows (CONEX_*) and the ocsreports home-page report filters
(GUI_REPORT_*).

Descriptions, group names, units and error messages are English source texts; the console
shows them through ``QCoreApplication.translate(CONTEXT, text)`` (this module must not
import Qt), and the French lives in ``resources/translations/ocs_desktop_fr.ts``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP

#: The translation context of every text of this module.
CONTEXT = "ConfigKeys"


class Kind(enum.Enum):
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"
    TEXT = "text"


class Column(enum.Enum):
    IVALUE = "IVALUE"
    TVALUE = "TVALUE"


# The groups, in the order shown.
SERVER = QT_TRANSLATE_NOOP("ConfigKeys", "Server")
INVENTORY = QT_TRANSLATE_NOOP("ConfigKeys", "Inventory")
DEPLOYMENT = QT_TRANSLATE_NOOP("ConfigKeys", "Deployment")
IPDISCOVERY = QT_TRANSLATE_NOOP("ConfigKeys", "IP discovery")
REGISTRY = QT_TRANSLATE_NOOP("ConfigKeys", "Registry")
GROUPS = QT_TRANSLATE_NOOP("ConfigKeys", "Groups")
DUPLICATES = QT_TRANSLATE_NOOP("ConfigKeys", "Duplicates")
SECURITY = QT_TRANSLATE_NOOP("ConfigKeys", "Security/filters")
LOGS = QT_TRANSLATE_NOOP("ConfigKeys", "Logs")
GROUP_ORDER = (INVENTORY, DEPLOYMENT, IPDISCOVERY, REGISTRY, GROUPS, DUPLICATES, SECURITY,
               LOGS, SERVER)  # fmt: skip

# Units, shown after a number.
DAYS = QT_TRANSLATE_NOOP("ConfigKeys", "days")
HOURS = QT_TRANSLATE_NOOP("ConfigKeys", "hours")
SECONDS = QT_TRANSLATE_NOOP("ConfigKeys", "seconds")
MINUTES = QT_TRANSLATE_NOOP("ConfigKeys", "minutes")
MS = QT_TRANSLATE_NOOP("ConfigKeys", "milliseconds")
CYCLES = QT_TRANSLATE_NOOP("ConfigKeys", "cycles")

#: The switches the console puts first ("Activations"), then the frequencies.
ACTIVATIONS = ("INVENTORY_ON_STARTUP", "DOWNLOAD", "IPDISCOVER", "REGISTRY")
FREQUENCIES = ("FREQUENCY", "PROLOG_FREQ")

#: Error messages of :class:`ConfigValueError`, by code; ``{0}`` is the key, then the args.
MESSAGES: dict[str, str] = {
    "unknown_key": QT_TRANSLATE_NOOP("ConfigKeys", "{0} is not a configuration key"),
    "not_integer": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: {1!r} is not a whole number"),
    "below_min": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: {1} is below the minimum {2}"),
    "above_max": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: {1} is above the maximum {2}"),
    "not_bool": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: {1!r} must be 0 (off) or 1 (on)"),
    "not_choice": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: {1!r} is not one of {2}"),
    "too_long": QT_TRANSLATE_NOOP("ConfigKeys", "{0}: the text is longer than {1} characters"),
}
TEXT_MAX = 255  # config.TVALUE is VARCHAR(255)


class ConfigValueError(ValueError):
    """A refused value: ``code`` (a key of :data:`MESSAGES`) and ``args`` to format it with,
    so the console can translate the message and the CLI print the English one."""

    def __init__(self, code: str, *args: object) -> None:
        self.code = code
        self.values = args
        super().__init__(MESSAGES[code].format(*args))


@dataclass(frozen=True)
class ConfigKey:
    """One ``config`` key."""

    name: str
    group: str
    kind: Kind
    default: int | str
    description: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    perl_default: int | str | None = None

    @property
    def column(self) -> Column:
        return Column.TVALUE if self.kind in (Kind.TEXT, Kind.CHOICE) else Column.IVALUE

    @property
    def missing(self) -> int | str:
        """The value the server uses when the row is absent."""
        return self.default if self.perl_default is None else self.perl_default

    def validate(self, raw: object) -> int | str:
        """``raw`` (text from a command line or a widget, or a value) as stored, or raise
        :class:`ConfigValueError`."""
        if self.kind is Kind.TEXT:
            text = "" if raw is None else str(raw)
            if len(text) > TEXT_MAX:
                raise ConfigValueError("too_long", self.name, TEXT_MAX)
            return text
        if self.kind is Kind.CHOICE:
            text = str(raw).strip()
            for choice in self.choices:
                if text.upper() == choice.upper():
                    return choice
            raise ConfigValueError("not_choice", self.name, text, ", ".join(self.choices))
        number = _integer(self.name, raw)
        if self.kind is Kind.BOOL:
            if number not in (0, 1):
                raise ConfigValueError("not_bool", self.name, str(raw))
            return number
        if self.minimum is not None and number < self.minimum:
            raise ConfigValueError("below_min", self.name, number, self.minimum)
        if self.maximum is not None and number > self.maximum:
            raise ConfigValueError("above_max", self.name, number, self.maximum)
        return number


def _integer(name: str, raw: object) -> int:
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int):
        return raw
    text = str(raw).strip()
    try:
        return int(text)
    except ValueError:
        raise ConfigValueError("not_integer", name, text) from None


def _int(name: str, group: str, default: int, lo: int, hi: int, unit: str, text: str,
         perl: int | None = None) -> ConfigKey:  # fmt: skip
    return ConfigKey(name, group, Kind.INT, default, text, lo, hi, unit=unit, perl_default=perl)


def _bool(name: str, group: str, default: int, text: str, perl: int | None = None) -> ConfigKey:
    return ConfigKey(name, group, Kind.BOOL, default, text, 0, 1, perl_default=perl)


def _choice(name: str, group: str, default: str, choices: tuple[str, ...], text: str) -> ConfigKey:
    return ConfigKey(name, group, Kind.CHOICE, default, text, choices=choices)


def _text(name: str, group: str, default: str, text: str) -> ConfigKey:
    return ConfigKey(name, group, Kind.TEXT, default, text)


_VAR = "/var/lib/ocsinventory-reports"

KEYS: tuple[ConfigKey, ...] = (
    # -- Inventory ----------------------------------------------------------------------------
    _int(
        "FREQUENCY",
        INVENTORY,
        0,
        -1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Days between two inventories of an agent; 0 inventories at every contact, -1 never "
            "(and then no deployment, IP discovery or registry order is sent either). The agent "
            "only asks every PROLOG_FREQ hours: FREQUENCY=1, PROLOG_FREQ=12: the agent asks every "
            "≤12 h and inventories when the last one is older than a day; FREQUENCY=7, "
            "PROLOG_FREQ=24: it asks daily and inventories once a week.",
        ),
    ),
    _int(
        "PROLOG_FREQ",
        INVENTORY,
        24,
        1,
        8760,
        HOURS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Hours between two contacts (prologs) of an agent; at each contact the server answers "
            "with FREQUENCY whether to inventory. FREQUENCY=0, PROLOG_FREQ=24: one inventory a "
            "day; FREQUENCY=1, PROLOG_FREQ=12: contacts every ≤12 h, an inventory when the last "
            "one is older than a day (so every 24 to 36 h).",
        ),
        perl=12,
    ),
    _bool(
        "INVENTORY_ON_STARTUP",
        INVENTORY,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "The agent inventories when its service starts (at boot), besides its schedule.",
        ),
        perl=0,
    ),
    _bool(
        "INVENTORY_DIFF",
        INVENTORY,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Differential inventory: only the sections the agent reports as changed are rewritten.",
        ),
    ),
    _bool(
        "INVENTORY_WRITE_DIFF",
        INVENTORY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Row-level differential writes: only changed rows of a section are rewritten (less "
            "database load, more server work).",
        ),
        perl=1,
    ),
    _bool(
        "INVENTORY_TRANSACTION",
        INVENTORY,
        1,
        QT_TRANSLATE_NOOP("ConfigKeys", "Write each inventory in one database transaction."),
    ),
    _bool(
        "INVENTORY_CACHE_ENABLED",
        INVENTORY,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Keep the *_cache tables the console's searches use up to date."
        ),
    ),
    _int(
        "INVENTORY_CACHE_REVALIDATE",
        INVENTORY,
        7,
        1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Days after which the inventory cache tables are cleaned."),
    ),
    _bool(
        "INVENTORY_CACHE_KEEP",
        INVENTORY,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Keep cache entries whose machines are gone until the next clean-up."
        ),
    ),
    _bool(
        "ACCEPT_TAG_UPDATE_FROM_CLIENT",
        INVENTORY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Accept a TAG change sent by the agent of a known machine (otherwise the database "
            "value wins).",
        ),
    ),
    # -- Deployment ---------------------------------------------------------------------------
    _bool(
        "DOWNLOAD",
        DEPLOYMENT,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Package deployment on or off for the whole server. Off, no agent gets any package, "
            "whatever is assigned.",
        ),
    ),
    _int(
        "DOWNLOAD_FRAG_LATENCY",
        DEPLOYMENT,
        10,
        0,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Seconds the agent waits between two fragments."),
        perl=60,
    ),
    _int(
        "DOWNLOAD_CYCLE_LATENCY",
        DEPLOYMENT,
        60,
        0,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Seconds the agent waits between two download cycles."),
    ),
    _int(
        "DOWNLOAD_PERIOD_LATENCY",
        DEPLOYMENT,
        1,
        0,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Seconds the agent waits between two periods."),
        perl=60,
    ),
    _int(
        "DOWNLOAD_PERIOD_LENGTH",
        DEPLOYMENT,
        10,
        1,
        1000,
        CYCLES,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Cycles in a period; a package of priority P is worked on in cycles that are "
            "multiples of P.",
        ),
    ),
    _int(
        "DOWNLOAD_TIMEOUT",
        DEPLOYMENT,
        30,
        1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Days after which an agent gives a package up (ERR_TIMEOUT)."
        ),
        perl=7,
    ),
    _int(
        "DOWNLOAD_EXECUTION_TIMEOUT",
        DEPLOYMENT,
        120,
        1,
        10080,
        MINUTES,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Minutes a package's command may run before the agent stops waiting for it.",
        ),
    ),
    _bool(
        "DOWNLOAD_GROUPS_TRACE_EVENTS",
        DEPLOYMENT,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Track packages assigned to a group machine by machine (a status per machine).",
        ),
    ),
    _bool(
        "DEPLOY",
        DEPLOYMENT,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Serve the files for agents (label, agent installers) at /ocsinventory/deploy/.",
        ),
        perl=0,
    ),
    _text(
        "DOWNLOAD_PACK_DIR",
        DEPLOYMENT,
        _VAR,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Folder of the OCS console's packages (a download/ folder is added)."
        ),
    ),
    _text(
        "DOWNLOAD_URI_INFO",
        DEPLOYMENT,
        "",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Default location of info files offered when activating a package (host/path).",
        ),
    ),
    _text(
        "DOWNLOAD_URI_FRAG",
        DEPLOYMENT,
        "",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Default location of fragments offered when activating a package (host/path).",
        ),
    ),
    _choice(
        "DOWNLOAD_PROTOCOL",
        DEPLOYMENT,
        "HTTP",
        ("HTTP", "HTTPS"),
        QT_TRANSLATE_NOOP("ConfigKeys", "Protocol new packages use to fetch their fragments."),
    ),
    _bool(
        "DOWNLOAD_ACTIVATE_FRAG",
        DEPLOYMENT,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Offer the default fragment location when activating a package."
        ),
    ),
    _int(
        "DOWNLOAD_RATIO_FRAG",
        DEPLOYMENT,
        0,
        0,
        10000,
        "",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Size ratio used to propose a number of fragments when building a package (0: none).",
        ),
    ),
    _bool(
        "DOWNLOAD_AUTO_ACTIVATE",
        DEPLOYMENT,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Activate a package as soon as it is built, with the default locations."
        ),
    ),
    _text(
        "DOWNLOAD_SERVER_URI",
        DEPLOYMENT,
        "$IP$/local",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Package location on redistribution servers; $IP$ and $NAME$ become the server's "
            "address and name.",
        ),
    ),
    _text(
        "DOWNLOAD_SERVER_DOCROOT",
        DEPLOYMENT,
        "d:\\tele_ocs",
        QT_TRANSLATE_NOOP("ConfigKeys", "Folder of the packages on redistribution servers."),
    ),
    # -- IP discovery -------------------------------------------------------------------------
    _int(
        "IPDISCOVER",
        IPDISCOVERY,
        2,
        0,
        100,
        "",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "How many agents per subnet are elected to scan it for unknown devices; 0 turns IP "
            "discovery off.",
        ),
    ),
    _int(
        "IPDISCOVER_LATENCY",
        IPDISCOVERY,
        100,
        1,
        60000,
        MS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Milliseconds between two probes of a scanning agent."),
    ),
    _int(
        "IPDISCOVER_MAX_ALIVE",
        IPDISCOVERY,
        7,
        1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "An elected agent not seen for this many days is replaced."
        ),
        perl=14,
    ),
    _int(
        "IPDISCOVER_BETTER_THRESHOLD",
        IPDISCOVERY,
        1,
        0,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "How much better (days of QUALITY) a candidate must be to replace an elected agent.",
        ),
    ),
    _bool(
        "IPDISCOVER_NO_POSTPONE",
        IPDISCOVERY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Elect agents at once, without waiting for their third contact (not recommended).",
        ),
    ),
    _bool(
        "IPDISCOVER_USE_GROUPS",
        IPDISCOVERY,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "A group whose IP discovery is off keeps its members from being elected."
        ),
    ),
    _bool(
        "IPDISCOVER_LINK_TAG_NETWORK",
        IPDISCOVERY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Count elected agents per subnet and TAG, and stamp discovered devices with the TAG.",
        ),
    ),
    _choice(
        "SCAN_TYPE_IPDISCOVER",
        IPDISCOVERY,
        "ICMP",
        ("ICMP", "NMAP", "ARPSCAN"),
        QT_TRANSLATE_NOOP("ConfigKeys", "How elected agents scan (OCS 2.12 agents)."),
    ),
    _int(
        "SCAN_ARP_BANDWIDTH",
        IPDISCOVERY,
        256,
        1,
        1000000,
        QT_TRANSLATE_NOOP("ConfigKeys", "kbit/s"),
        QT_TRANSLATE_NOOP("ConfigKeys", "Bandwidth an ARPSCAN may use."),
    ),
    _bool(
        "IPDISCOVER_PURGE_OLD",
        IPDISCOVERY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Purge discovered devices not seen for the validity time."),
    ),
    _int(
        "IPDISCOVER_PURGE_VALIDITY_TIME",
        IPDISCOVERY,
        30,
        1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Days a discovered device stays without being seen again."),
    ),
    _text(
        "IPDISCOVER_IPD_DIR",
        IPDISCOVERY,
        _VAR,
        QT_TRANSLATE_NOOP("ConfigKeys", "Folder of the IP discovery analysis files."),
    ),
    # -- Registry -----------------------------------------------------------------------------
    _bool(
        "REGISTRY",
        REGISTRY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Send the registry queries to Windows agents, which report the values they read.",
        ),
        perl=1,
    ),
    # -- Groups -------------------------------------------------------------------------------
    _bool(
        "ENABLE_GROUPS",
        GROUPS,
        1,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Groups feature on: group packages and settings apply to their members."
        ),
    ),
    _int(
        "GROUPS_CACHE_REVALIDATE",
        GROUPS,
        43200,
        60,
        31536000,
        SECONDS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Seconds a dynamic group's member list stays valid before it is computed again.",
        ),
    ),
    _int(
        "GROUPS_CACHE_OFFSET",
        GROUPS,
        43200,
        0,
        31536000,
        SECONDS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Random extra delay (up to this many seconds) so groups are not all recomputed at "
            "once.",
        ),
    ),
    # -- Duplicates ---------------------------------------------------------------------------
    _int(
        "AUTO_DUPLICATE_LVL",
        DUPLICATES,
        7,
        0,
        63,
        "",
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Criteria that must all match to merge a new machine with an older one, added up: "
            "1 hostname, 2 serial, 4 MAC address, 8 model, 16 UUID, 32 asset tag; 0 never "
            "merges. 7 = hostname + serial + MAC.",
        ),
        perl=15,
    ),
    _bool(
        "TRACE_DELETED",
        DUPLICATES,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Record deleted and merged machines (deleted_equiv), for GLPI synchronisation.",
        ),
    ),
    # -- Security/filters ---------------------------------------------------------------------
    _bool(
        "PROLOG_FILTER_ON", SECURITY, 0, QT_TRANSLATE_NOOP("ConfigKeys", "Run the prolog filters.")
    ),
    _bool(
        "INVENTORY_FILTER_ON",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Run the inventory filters."),
    ),
    _bool(
        "INVENTORY_FILTER_ENABLED",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Enable the inventory filter system."),
    ),
    _bool(
        "INVENTORY_FILTER_FLOOD_IP",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Flood filter: one address may send a new machine only once per period."
        ),
    ),
    _int(
        "INVENTORY_FILTER_FLOOD_IP_CACHE_TIME",
        SECURITY,
        300,
        1,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "The flood filter's period."),
    ),
    _bool(
        "INVENTORY_SESSION_ONLY",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Refuse an inventory that does not follow a prolog of the same agent."
        ),
    ),
    _int(
        "SESSION_VALIDITY_TIME",
        SECURITY,
        600,
        1,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Seconds a prolog session stays valid for its inventory."),
        perl=3600,
    ),
    _int(
        "SESSION_CLEAN_TIME",
        SECURITY,
        86400,
        1,
        2592000,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Seconds after which old prolog sessions are deleted."),
    ),
    _int(
        "SECURITY_LEVEL",
        SECURITY,
        0,
        0,
        100,
        "",
        QT_TRANSLATE_NOOP("ConfigKeys", "Reserved by OCS, unused."),
    ),
    _bool(
        "SECURITY_AUTHENTICATION_BLOCK_IP",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Block console logins from an address after too many failed attempts."
        ),
    ),
    _int(
        "SECURITY_AUTHENTICATION_NB_ATTEMPT",
        SECURITY,
        1,
        1,
        1000,
        "",
        QT_TRANSLATE_NOOP("ConfigKeys", "Failed attempts allowed before blocking."),
    ),
    _int(
        "SECURITY_AUTHENTICATION_TIME_BLOCK",
        SECURITY,
        1,
        1,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "How long a blocked address waits."),
    ),
    _bool(
        "SECURITY_PASSWORD_ENABLED",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Enforce the password rules below for operators."),
    ),
    _int(
        "SECURITY_PASSWORD_MIN_CHAR",
        SECURITY,
        1,
        1,
        128,
        "",
        QT_TRANSLATE_NOOP("ConfigKeys", "Minimum password length."),
    ),
    _bool(
        "SECURITY_PASSWORD_FORCE_NB",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Passwords need a digit."),
    ),
    _bool(
        "SECURITY_PASSWORD_FORCE_UPPER",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Passwords need an uppercase letter."),
    ),
    _bool(
        "SECURITY_PASSWORD_FORCE_SPE_CHAR",
        SECURITY,
        0,
        QT_TRANSLATE_NOOP("ConfigKeys", "Passwords need a special character."),
    ),
    # -- Logs ---------------------------------------------------------------------------------
    _bool(
        "LOGLEVEL",
        LOGS,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Write the server's activity log (one line per agent request)."
        ),
    ),
    _text(
        "LOG_DIR", LOGS, _VAR, QT_TRANSLATE_NOOP("ConfigKeys", "Folder of the console's log files.")
    ),
    _text(
        "LOG_SCRIPT",
        LOGS,
        _VAR,
        QT_TRANSLATE_NOOP("ConfigKeys", "Folder of the console's script logs."),
    ),
    # -- Server -------------------------------------------------------------------------------
    _int(
        "LOCK_REUSE_TIME",
        SERVER,
        600,
        1,
        86400,
        SECONDS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys",
            "Seconds after which a machine's lock left by a failed request may be taken again.",
        ),
    ),
    _int(
        "PROXY_REVALIDATE_DELAY",
        SERVER,
        3600,
        0,
        31536000,
        SECONDS,
        QT_TRANSLATE_NOOP("ConfigKeys", "Cache-Control max age of the files for agents."),
    ),
    _bool(
        "COMPRESS_TRY_OTHERS",
        SERVER,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Also accept agent requests that are gzip-compressed or not compressed."
        ),
    ),
    _bool("UPDATE", SERVER, 0, QT_TRANSLATE_NOOP("ConfigKeys", "Deprecated agent self-update.")),
    _bool(
        "GENERATE_OCS_FILES",
        SERVER,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Also save each inventory as a file (for a higher-level server)."
        ),
    ),
    _choice(
        "OCS_FILES_FORMAT",
        SERVER,
        "OCS",
        ("OCS", "XML"),
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Those files compressed as the agent sent them (OCS) or as plain XML."
        ),
    ),
    _text(
        "OCS_FILES_PATH",
        SERVER,
        "/tmp",
        QT_TRANSLATE_NOOP("ConfigKeys", "Folder of those files (must be writable)."),
    ),
    _bool(
        "OCS_FILES_OVERWRITE",
        SERVER,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Overwrite a machine's file instead of keeping every inventory."
        ),
    ),
    _text(
        "OCS_SERVER_ADDRESS",
        SERVER,
        "127.0.0.1",
        QT_TRANSLATE_NOOP("ConfigKeys", "Address of the server for the web service plugins."),
    ),
    _bool(
        "SNMP",
        SERVER,
        1,
        QT_TRANSLATE_NOOP("ConfigKeys", "Send SNMP scan orders to agents (over HTTPS)."),
    ),
    _bool(
        "SNMP_INVENTORY_DIFF",
        SERVER,
        1,
        QT_TRANSLATE_NOOP("ConfigKeys", "Differential writes of SNMP inventories."),
    ),
    _bool(
        "SNMP_LINK_TAG",
        SERVER,
        0,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Stamp SNMP devices with the TAG of the agent that scanned them."
        ),
    ),
    _choice(
        "SCAN_TYPE_SNMP",
        SERVER,
        "ICMP",
        ("ICMP", "NMAP", "ARPSCAN"),
        QT_TRANSLATE_NOOP("ConfigKeys", "How agents find SNMP devices."),
    ),
    _int(
        "INTERFACE_LAST_CONTACT",
        SERVER,
        15,
        1,
        3650,
        DAYS,
        QT_TRANSLATE_NOOP(
            "ConfigKeys", "Days without contact after which the console shows a machine as late."
        ),
    ),
    _bool(
        "WARN_UPDATE",
        SERVER,
        1,
        QT_TRANSLATE_NOOP("ConfigKeys", "The OCS console warns when a new version is available."),
    ),
    _text(
        "WOL_PORT",
        SERVER,
        "7,9",
        QT_TRANSLATE_NOOP("ConfigKeys", "UDP ports of Wake-on-LAN packets."),
    ),
)

BY_NAME: dict[str, ConfigKey] = {key.name: key for key in KEYS}


def config_key(name: str) -> ConfigKey:
    """The key ``name`` (case-insensitive), or :class:`ConfigValueError` ``unknown_key``."""
    found = BY_NAME.get(name.strip().upper())
    if found is None:
        raise ConfigValueError("unknown_key", name)
    return found


def keys_of(group: str) -> list[ConfigKey]:
    """The keys of ``group`` (an English group name, case-insensitive), in catalogue order."""
    wanted = group.strip().lower()
    return [key for key in KEYS if key.group.lower() == wanted]
