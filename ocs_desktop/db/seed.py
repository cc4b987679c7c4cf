"""Seed data of a fresh OCS Inventory ``ocsweb`` database (schema 7069, OCS 2.11).

These are facts taken from the database the OCS 2.11.1 installer and updater produce: the
``config`` options, the built-in TAG admin field, the ``Unavailable`` software lookups the
server falls back to, the duplicate-detection blacklists, the built-in SNMP type and the
console's notification and package-request workflow rows. The real OCS server and console
expect them; ``init_database`` inserts whichever are missing.

Left out on purpose: ``languages`` (empty after install; the console fills it from its own
files) and everything the console creates on demand.
"""

from __future__ import annotations

import hashlib
from typing import Any

#: ``config.GUI_VERSION`` of the schema our models describe (ocsreports 2.11.1 ``GUI_VER``).
GUI_VERSION = "7069"

#: The default console account is ``admin`` / ``admin``. Its PASSWD is the unsalted SHA-256
#: hex digest used by PASSWORD_VERSION 2 (OCS >= 2.10).
DEFAULT_ADMIN_LOGIN = "admin"
DEFAULT_ADMIN_PASSWORD = "admin"
DEFAULT_ADMIN_PASSWD = hashlib.sha256(DEFAULT_ADMIN_PASSWORD.encode()).hexdigest()

#: The "password must be changed" marker. We keep it in the operator's own COMMENTS and
#: do not add a ``config`` flag of ours: the OCS console can change the password without
#: knowing about such a flag, which would then lie. Whether the password is still the
#: default is answered by the hash itself (``has_default_password``); the comment is for
#: the humans who read the operators list.
DEFAULT_ADMIN_COMMENTS = (
    "Default administrator account. Its password is 'admin': change it before use."
)


def has_default_password(passwd: str | None) -> bool:
    """Whether an ``operators.PASSWD`` value is still the default ``admin`` password.

    Checks the SHA-256 form we seed; the installer's own bcrypt hash (PASSWORD_VERSION 1)
    is salted and cannot be compared without a bcrypt library.
    """
    return passwd is not None and passwd.lower() == DEFAULT_ADMIN_PASSWD


def _rows(columns: str, *values: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    names = columns.split()
    return tuple(dict(zip(names, row, strict=True)) for row in values)


#: The default operator (the installer seeds a bcrypt hash with PASSWORD_VERSION 1 that
#: the console upgrades on first login; we seed the current scheme directly).
OPERATORS = _rows(
    "ID FIRSTNAME LASTNAME PASSWD ACCESSLVL COMMENTS NEW_ACCESSLVL PASSWORD_VERSION",
    (
        DEFAULT_ADMIN_LOGIN,
        "admin",
        "admin",
        DEFAULT_ADMIN_PASSWD,
        1,
        DEFAULT_ADMIN_COMMENTS,
        "sadmin",
        2,
    ),
)

#: Every ``config`` row of a fresh 7069 database (NAME, IVALUE, TVALUE, COMMENTS).
CONFIG = _rows(
    "NAME IVALUE TVALUE COMMENTS",
    ("AUTO_DUPLICATE_LVL", 7, "", "Duplicates bitmap"),
    ("CONEX_LDAP_FILTER1", None, "", None),
    ("CONEX_LDAP_FILTER1_ROLE", None, "", None),
    ("CONEX_LDAP_FILTER2", None, "", None),
    ("CONEX_LDAP_FILTER2_ROLE", None, "", None),
    ("CONEX_LDAP_NB_FILTERS", 0, "2", ""),
    ("DEFAULT_CATEGORY", None, None, None),
    ("DEPLOY", 1, "", "Activates or not the automatic deployment option"),
    ("DOWNLOAD", 0, "", "Activate softwares auto deployment feature"),
    ("DOWNLOAD_CYCLE_LATENCY", 60, "", "Time between two cycles (seconds)"),
    ("DOWNLOAD_FRAG_LATENCY", 10, "", "Time between two downloads (seconds)"),
    (
        "DOWNLOAD_GROUPS_TRACE_EVENTS",
        1,
        "",
        "Specify if you want to track packages affected to a group on computer's level",
    ),
    ("DOWNLOAD_PACK_DIR", 0, "/var/lib/ocsinventory-reports", "Directory for download files"),
    ("DOWNLOAD_PERIOD_LATENCY", 1, "", "Time between two periods (seconds)"),
    ("DOWNLOAD_PERIOD_LENGTH", 10, "", "Number of cycles in a period"),
    ("DOWNLOAD_SERVER_DOCROOT", 0, "d:\\tele_ocs", "Server directory used for group of server"),
    ("DOWNLOAD_SERVER_URI", 0, "$IP$/local", "Server url used for group of server"),
    ("DOWNLOAD_TIMEOUT", 30, "", "Validity of a package (in days)"),
    ("ENABLE_GROUPS", 1, "", "Enable the computer's groups feature"),
    (
        "FREQUENCY",
        0,
        "",
        (
            "Specify the frequency (days) of inventories. (0: inventory at each login. -1: no "
            "inventory)"
        ),
    ),
    (
        "GENERATE_OCS_FILES",
        0,
        "",
        "Use with ocsinventory-injector, enable the multi entities feature",
    ),
    (
        "GROUPS_CACHE_OFFSET",
        43200,
        "",
        (
            "Random number computed in the defined range. Designed to avoid computing many "
            "groups in the same process"
        ),
    ),
    (
        "GROUPS_CACHE_REVALIDATE",
        43200,
        "",
        "Specify the validity of computer's groups (default: compute it once a day - see offset)",
    ),
    ("GUI_REPORT_AGIN_MACH", 30, "", "Filter on lastdate for console page"),
    ("GUI_REPORT_DD_MAX", 4000, "", "Filter on Hard Drive for console page"),
    ("GUI_REPORT_DD_MINI", 500, "", "Filter on PROCESSOR for console page"),
    ("GUI_REPORT_NOT_VIEW", 3, "", "Filter on DAY for console page"),
    ("GUI_REPORT_PROC_MAX", 3000, "", "Filter on PROCESSOR for console page"),
    ("GUI_REPORT_PROC_MINI", 1000, "", "Filter on Hard Drive for console page"),
    ("GUI_REPORT_RAM_MAX", 512, "", "Filter on RAM for console page"),
    ("GUI_REPORT_RAM_MINI", 128, "", "Filter on RAM for console page"),
    ("GUI_VERSION", 0, "7069", "Version of the installed GUI and database"),
    ("INTERFACE_LAST_CONTACT", 15, "", "Custom frequency"),
    (
        "INVENTORY_CACHE_ENABLED",
        1,
        "",
        (
            "Enable some stuff to improve DB queries, especially for GUI multicriteria searching "
            "system"
        ),
    ),
    ("INVENTORY_CACHE_REVALIDATE", 7, "", "the engine will clean the inventory cache structures"),
    ("INVENTORY_DIFF", 1, "", "Activate/Deactivate inventory incremental writing"),
    (
        "INVENTORY_FILTER_ENABLED",
        0,
        "",
        'Enable core filter system to modify some things "on the fly"',
    ),
    (
        "INVENTORY_FILTER_FLOOD_IP",
        0,
        "",
        (
            "Enable inventory flooding filter. A dedicated ipaddress ia allowed to send a new "
            "computer only once in this period"
        ),
    ),
    (
        "INVENTORY_FILTER_FLOOD_IP_CACHE_TIME",
        300,
        "",
        "Period definition for INVENTORY_FILTER_FLOOD_IP",
    ),
    ("INVENTORY_FILTER_ON", 0, "", "Enable inventory filter stack"),
    ("INVENTORY_ON_STARTUP", 1, "1", "Launch inventory on agent service statup"),
    ("INVENTORY_TRANSACTION", 1, "", "Enable/disable db commit at each inventory section"),
    (
        "INVENTORY_WRITE_DIFF",
        0,
        "",
        (
            "Configure engine to make a differential update of inventory sections (row level). "
            "Lower DB backend load, higher frontend load"
        ),
    ),
    ("IPDISCOVER", 2, "", "Max number of computers per gateway retrieving IP on the network"),
    (
        "IPDISCOVER_BETTER_THRESHOLD",
        1,
        "",
        "Specify the minimal difference to replace an ipdiscover agent",
    ),
    ("IPDISCOVER_IPD_DIR", 0, "/var/lib/ocsinventory-reports", "Directory for Ipdiscover files"),
    ("IPDISCOVER_LATENCY", 100, "", "Default latency between two arp requests"),
    (
        "IPDISCOVER_MAX_ALIVE",
        7,
        "",
        "Max number of days before an Ip Discover computer is replaced",
    ),
    ("IPDISCOVER_NO_POSTPONE", 0, "", "Disable the time before a first election (not recommended)"),
    ("IPDISCOVER_PURGE_OLD", 0, "", "Purge of the old IPDiscover data"),
    ("IPDISCOVER_PURGE_VALIDITY_TIME", 30, "", "IPDiscover data validity time"),
    (
        "IPDISCOVER_USE_GROUPS",
        1,
        "",
        "Enable groups for ipdiscover (for example, you might want to prevent some groups",
    ),
    ("LOCK_REUSE_TIME", 600, "", "Validity of a computer's lock"),
    ("LOGLEVEL", 0, "", "ocs engine loglevel"),
    ("LOG_DIR", 0, "/var/lib/ocsinventory-reports", "Directory for logs files"),
    ("LOG_SCRIPT", 0, "/var/lib/ocsinventory-reports", "Directory for logs scripts files"),
    ("OCS_FILES_FORMAT", 0, "OCS", "Generate either compressed file or clear XML text"),
    (
        "OCS_FILES_OVERWRITE",
        0,
        "",
        (
            "Specify if you want to keep trace of all inventory between to synchronisation with "
            "the higher level server"
        ),
    ),
    ("OCS_FILES_PATH", 0, "/tmp", "Path to ocs files directory (must be writeable)"),
    ("OCS_SERVER_ADDRESS", 0, "127.0.0.1", "Ocs serveur ip for plugin webservice"),
    ("PASSWORD_VERSION", 2, "PASSWORD_BCRYPT", "Password encryption version"),
    ("PROLOG_FILTER_ON", 0, "", "Enable prolog filter stack"),
    ("PROLOG_FREQ", 24, "", "Specify the frequency (hours) of prolog, on agents"),
    ("REGISTRY", 0, "", "Activates or not the registry query function"),
    ("SECURITY_AUTHENTICATION_BLOCK_IP", 0, "", "Block authentication after too many attempt"),
    ("SECURITY_AUTHENTICATION_NB_ATTEMPT", 1, "", "Define the number of attempt to authenticate"),
    ("SECURITY_AUTHENTICATION_TIME_BLOCK", 1, "", "Define the block timer"),
    ("SECURITY_PASSWORD_ENABLED", 0, "", "Enable the password security"),
    ("SECURITY_PASSWORD_FORCE_NB", 0, "", "Force number in password"),
    ("SECURITY_PASSWORD_FORCE_SPE_CHAR", 0, "", "Force scpecial characters in password"),
    ("SECURITY_PASSWORD_FORCE_UPPER", 0, "", "Force uppercase in password"),
    ("SECURITY_PASSWORD_MIN_CHAR", 1, "", "Set minimal characters in password"),
    ("SESSION_VALIDITY_TIME", 600, "", "Validity of a session (prolog=>postinventory)"),
    (
        "SNMP_INVENTORY_DIFF",
        1,
        None,
        (
            "Configure engine to update snmp inventory regarding to snmp_laststate table (lower DB "
            "backend load)"
        ),
    ),
    ("TAB_ACCOUNTAG_1", 1, "TAG", "Default TAB on computers accountinfo"),
    ("TAB_ACCOUNTSNMP_1", 1, "TAG", "Default TAB on snmp accountinfo"),
    ("TRACE_DELETED", 0, "", "Trace deleted/duplicated computers (Activated by GLPI)"),
    ("UPDATE", 0, "", "Activates or not the update feature"),
    ("VULN_CVE_DELAY_TIME", 2, "", "Time delay between CVE scans"),
    ("WARN_UPDATE", 1, "1", "Warn user if an update is available"),
    ("WOL_PORT", 0, "7,9", "Wol ports"),
)

#: The built-in TAG admin field, for computers and for SNMP devices.
ACCOUNTINFO_CONFIG = _rows(
    "ID NAME_ACCOUNTINFO TYPE NAME ID_TAB COMMENT SHOW_ORDER ACCOUNT_TYPE DEFAULT_VALUE",
    (1, "TAG", 0, "TAG", 1, "TAG", 1, "COMPUTERS", None),
    (2, "TAG", 0, "TAG", 1, "TAG", 1, "SNMP", None),
)

#: ID 1 stands for an empty publisher; the server relies on it.
SOFTWARE_PUBLISHERS = _rows(
    "ID PUBLISHER",
    (1, "Unavailable"),
)

#: ID 1 stands for an empty version; the server relies on it.
SOFTWARE_VERSIONS = _rows(
    "ID VERSION",
    (1, "Unavailable"),
)

#: MAC addresses that are not unique in practice (virtual adapters, empty).
BLACKLIST_MACADDRESSES = _rows(
    "ID MACADDRESS",
    (1, "00:00:00:00:00:00"),
    (2, "FF:FF:FF:FF:FF:FF"),
    (3, "44:45:53:54:00:00"),
    (4, "44:45:53:54:00:01"),
    (5, "00:01:02:7D:9B:1C"),
    (6, "00:08:A1:46:06:35"),
    (7, "00:08:A1:66:E2:1A"),
    (8, "00:09:DD:10:37:68"),
    (9, "00:0F:EA:9A:E2:F0"),
    (10, "00:10:5A:72:71:F3"),
    (11, "00:11:11:85:08:8B"),
    (12, "10:11:11:11:11:11"),
    (13, "44:45:53:54:61:6F"),
    (14, ""),
)

#: Placeholder serial numbers that vendors ship on many machines.
BLACKLIST_SERIALS = _rows(
    "ID SERIAL",
    (1, "N/A"),
    (2, "(null string)"),
    (3, "INVALID"),
    (4, "SYS-1234567890"),
    (5, "SYS-9876543210"),
    (6, "SN-12345"),
    (7, "SN-1234567890"),
    (8, "1111111111"),
    (9, "1111111"),
    (10, "1"),
    (11, "0123456789"),
    (12, "12345"),
    (13, "123456"),
    (14, "1234567"),
    (15, "12345678"),
    (16, "123456789"),
    (17, "1234567890"),
    (18, "123456789000"),
    (19, "12345678901234567"),
    (20, "0000000000"),
    (21, "000000000"),
    (22, "00000000"),
    (23, "0000000"),
    (24, "000000"),
    (25, "NNNNNNN"),
    (26, "xxxxxxxxxxx"),
    (27, "EVAL"),
    (28, "IATPASS"),
    (29, "none"),
    (30, "To Be Filled By O.E.M."),
    (31, "Tulip Computers"),
    (32, "Serial Number xxxxxx"),
    (33, "SN-123456fvgv3i0b8o5n6n7k"),
    (34, ""),
)

#: The built-in SNMP type ``Default`` and its inventory table.
SNMP_TYPES = _rows(
    "ID TYPE_NAME TABLE_TYPE_NAME",
    (1, "Default", "snmp_default"),
)

#: A device is of type ``Default`` when it answers sysDescr.
SNMP_TYPES_CONDITIONS = _rows(
    "ID TYPE_ID CONDITION_OID CONDITION_VALUE",
    (1, 1, "1.3.6.1.2.1.1.1.0", None),
)

#: Labels (columns of ``snmp_default``) of the ``Default`` type.
SNMP_LABELS = _rows(
    "ID LABEL_NAME",
    (1, "DefaultDescription"),
    (2, "DefaultName"),
    (3, "DefaultUptime"),
    (4, "DefaultLocation"),
    (5, "DefaultAddressIP"),
    (6, "DefaultGateway"),
)

#: OIDs read for each label of the ``Default`` type; sysName is the reconciliation key.
SNMP_CONFIGS = _rows(
    "ID TYPE_ID LABEL_ID OID RECONCILIATION",
    (1, 1, 2, "1.3.6.1.2.1.1.5.0", "Yes"),
    (2, 1, 1, "1.3.6.1.2.1.1.1.0", None),
    (3, 1, 4, "1.3.6.1.2.1.1.6.0", None),
    (4, 1, 3, "1.3.6.1.2.1.1.3.0", None),
    (5, 1, 5, "1.3.6.1.2.1.4.20.1.1", None),
    (6, 1, 6, "1.3.6.1.2.1.4.20.1.3", None),
)

#: Mail notification templates of the console.
NOTIFICATIONS = _rows(
    "ID TYPE FILE SUBJECT ALTBODY",
    (1, "SELECTED", "DEFAULT", None, None),
    (
        2,
        "DEFAULT",
        "templates/OCS_template.html",
        "Notification OCSInventory",
        "Default report inventory",
    ),
    (3, "PERSO", None, None, None),
)

#: Package request workflow form fields (LBL are console translation ids).
DOWNLOADWK_FIELDS = _rows(
    "ID TAB FIELD TYPE LBL MUST_COMPLETED VALUE DEFAULT_FIELD RESTRICTED LINK_STATUS",
    (1, "1", "USER", 3, "1038", 1, "loggeduser", 1, 0, 0),
    (2, "2", "NAME_TELEDEPLOY", 0, "1037", 1, "", 1, 0, 0),
    (3, "2", "INFO_PACK", 0, "53", 1, "", 1, 0, 0),
    (4, "3", "PRIORITY", 2, "1039", 1, "", 1, 0, 0),
    (5, "3", "NOTIF_USER", 2, "1040", 1, "", 1, 0, 0),
    (6, "3", "REPORT_USER", 2, "1041", 1, "", 1, 0, 0),
    (7, "3", "REBOOT", 2, "1042", 1, "", 1, 0, 0),
    (8, "4", "VALID_INSTALL", 6, "1043", 1, "", 1, 0, 0),
    (9, "4", "STATUS", 2, "1046", 0, "2", 1, 1, 0),
    (
        10,
        "5",
        "LIST_HISTO",
        10,
        "1052",
        0,
        "select AUTHOR,DATE,ACTION from downloadwk_history where id_dde=%s$$$$OLD_MODIF",
        1,
        0,
        0,
    ),
)

#: Package request workflow states.
DOWNLOADWK_STATUT_REQUEST = _rows(
    "ID NAME LBL ACTIF",
    (1, "NIV0", "DELETE", 0),
    (2, "NIV1", "WAITING FOR INCLUSION", 0),
    (3, "NIV2", "ACKNOWLEDGEMENT", 0),
    (4, "NIV3", "REFUSAL", 0),
    (5, "NIV4", "NEED TO CHANGE", 0),
    (6, "NIV5", "CREATE PACKAGE", 0),
    (7, "NIV6", "LOCAL TEST", 0),
    (8, "NIV7", "PERIMETER LIMITED DEPLOYMENT", 0),
    (9, "NIV8", "DURING DEPLOYMENT", 0),
)

#: Package request workflow form tabs.
DOWNLOADWK_TAB_VALUES = _rows(
    "ID FIELD VALUE LBL DEFAULT_FIELD",
    (1, "TAB", "INFO_DEM", "1033", 1),
    (2, "TAB", "INFO_PAQUET", "1034", 1),
    (3, "TAB", "INFO_CONF", "1035", 1),
    (4, "TAB", "INFO_VALID", "1036", 1),
    (5, "TAB", "INFO_HISTO", "1052", 1),
)


#: Seed rows by table, in insertion order.
SEED_ROWS: dict[str, tuple[dict[str, Any], ...]] = {
    "config": CONFIG,
    "operators": OPERATORS,
    "accountinfo_config": ACCOUNTINFO_CONFIG,
    "software_publisher": SOFTWARE_PUBLISHERS,
    "software_version": SOFTWARE_VERSIONS,
    "blacklist_macaddresses": BLACKLIST_MACADDRESSES,
    "blacklist_serials": BLACKLIST_SERIALS,
    "snmp_types": SNMP_TYPES,
    "snmp_types_conditions": SNMP_TYPES_CONDITIONS,
    "snmp_labels": SNMP_LABELS,
    "snmp_configs": SNMP_CONFIGS,
    "notification": NOTIFICATIONS,
    "downloadwk_fields": DOWNLOADWK_FIELDS,
    "downloadwk_statut_request": DOWNLOADWK_STATUT_REQUEST,
    "downloadwk_tab_values": DOWNLOADWK_TAB_VALUES,
}
