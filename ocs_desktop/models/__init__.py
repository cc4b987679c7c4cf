"""The SQLAlchemy model of the OCS Inventory NG ``ocsweb`` database (schema 7069, OCS 2.11).

``Base`` is the whole schema: taking it from this package (``from ocs_desktop.models import
Base``) imports every model module, so ``Base.metadata`` holds all 105 tables of the reference
schema. A model taken by name imports its own module alone (``MODELS`` says which), so a
command that touches one table maps one, not 105: about 0.2 CPU-s of ``package build``'s
start-up (``bench/package_bench.py``). So never take ``Base`` from ``models.base``, whose
metadata holds only the modules imported so far. Importing this package registers the
SQLite DDL hooks. Table and column names, and the attribute names, are the real ones
(``Hardware.DEVICEID``). ``Base.metadata`` also holds what a supported communication server
reads beyond that schema (one table, a few columns: ``for_server`` in their ``info``), so a
database we create serves the 2.8.1 and 2.12 servers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from ocs_desktop.models import sqlite_ddl as sqlite_ddl

# For type checkers, which see each name where it is defined. At run time a name is imported
# when first taken (``__getattr__``).
if TYPE_CHECKING:
    from ocs_desktop.models.base import Base
    from ocs_desktop.models.components import (
        Battery,
        Controller,
        Cpu,
        Drive,
        Input,
        Memory,
        Modem,
        Monitor,
        Network,
        Port,
        Printer,
        Sim,
        Slot,
        Sound,
        Storage,
        UsbDevice,
        Video,
        VirtualMachine,
    )
    from ocs_desktop.models.console import (
        AssetCategory,
        AuthAttempt,
        Extension,
        History,
        ItmgmtComment,
        Language,
        Layout,
        Notification,
        NotificationConfig,
        ReportNotification,
        Saas,
        SaasExp,
        SaveQuery,
        ScheduleWol,
        SslStore,
        TempFile,
    )
    from ocs_desktop.models.cve import (
        CveSearch,
        CveSearchComputer,
        CveSearchCorrespondance,
        CveSearchHistory,
    )
    from ocs_desktop.models.deploy_workflow import (
        DownloadwkConfValue,
        DownloadwkField,
        DownloadwkHistory,
        DownloadwkPack,
        DownloadwkStatutRequest,
        DownloadwkTabValue,
    )
    from ocs_desktop.models.deployment import (
        DownloadAffectRule,
        DownloadAvailable,
        DownloadEnable,
        DownloadHistory,
        DownloadServer,
    )
    from ocs_desktop.models.engine import (
        Conntrack,
        DeletedEquiv,
        EngineMutex,
        EnginePersistent,
        HardwareOsnameCache,
        Lock,
        PrologConntrack,
        RegistryNameCache,
        RegistryRegvalueCache,
    )
    from ocs_desktop.models.groups import (
        Group,
        GroupCache,
    )
    from ocs_desktop.models.hardware import (
        AccountInfo,
        AccountInfoConfig,
        Archive,
        Bios,
        Hardware,
    )
    from ocs_desktop.models.network import (
        BlacklistMacaddress,
        BlacklistSerial,
        BlacklistSubnet,
        DeviceType,
        Netmap,
        NetworkDevice,
        Subnet,
    )
    from ocs_desktop.models.settings import (
        Config,
        Deploy,
        Device,
        File,
        Operator,
        RegConfig,
        Tag,
    )
    from ocs_desktop.models.snmp import (
        SnmpAccountInfo,
        SnmpCommunity,
        SnmpConfig,
        SnmpDefault,
        SnmpLabel,
        SnmpMib,
        SnmpType,
        SnmpTypeCondition,
    )
    from ocs_desktop.models.software import (
        DicoIgnored,
        DicoSoft,
        Software,
        SoftwareCategory,
        SoftwareCategoryExp,
        SoftwareCategoryLink,
        SoftwareLink,
        SoftwareName,
        SoftwarePublisher,
        SoftwaresNameCache,
        SoftwareVersion,
    )
    from ocs_desktop.models.system_info import (
        AccessLog,
        JavaInfo,
        JournalLog,
        LocalGroup,
        LocalUser,
        Registry,
        Repository,
        UnixUser,
    )

#: Each model module and the models it holds: what a name imports when first taken.
MODELS: Final[dict[str, tuple[str, ...]]] = {
    "components": (
        "Battery",
        "Controller",
        "Cpu",
        "Drive",
        "Input",
        "Memory",
        "Modem",
        "Monitor",
        "Network",
        "Port",
        "Printer",
        "Sim",
        "Slot",
        "Sound",
        "Storage",
        "UsbDevice",
        "Video",
        "VirtualMachine",
    ),
    "console": (
        "AssetCategory",
        "AuthAttempt",
        "Extension",
        "History",
        "ItmgmtComment",
        "Language",
        "Layout",
        "Notification",
        "NotificationConfig",
        "ReportNotification",
        "Saas",
        "SaasExp",
        "SaveQuery",
        "ScheduleWol",
        "SslStore",
        "TempFile",
    ),
    "cve": (
        "CveSearch",
        "CveSearchComputer",
        "CveSearchCorrespondance",
        "CveSearchHistory",
    ),
    "deploy_workflow": (
        "DownloadwkConfValue",
        "DownloadwkField",
        "DownloadwkHistory",
        "DownloadwkPack",
        "DownloadwkStatutRequest",
        "DownloadwkTabValue",
    ),
    "deployment": (
        "DownloadAffectRule",
        "DownloadAvailable",
        "DownloadEnable",
        "DownloadHistory",
        "DownloadServer",
    ),
    "engine": (
        "Conntrack",
        "DeletedEquiv",
        "EngineMutex",
        "EnginePersistent",
        "HardwareOsnameCache",
        "Lock",
        "PrologConntrack",
        "RegistryNameCache",
        "RegistryRegvalueCache",
    ),
    "groups": (
        "Group",
        "GroupCache",
    ),
    "hardware": (
        "AccountInfo",
        "AccountInfoConfig",
        "Archive",
        "Bios",
        "Hardware",
    ),
    "network": (
        "BlacklistMacaddress",
        "BlacklistSerial",
        "BlacklistSubnet",
        "DeviceType",
        "Netmap",
        "NetworkDevice",
        "Subnet",
    ),
    "settings": (
        "Config",
        "Deploy",
        "Device",
        "File",
        "Operator",
        "RegConfig",
        "Tag",
    ),
    "snmp": (
        "SnmpAccountInfo",
        "SnmpCommunity",
        "SnmpConfig",
        "SnmpDefault",
        "SnmpLabel",
        "SnmpMib",
        "SnmpType",
        "SnmpTypeCondition",
    ),
    "software": (
        "DicoIgnored",
        "DicoSoft",
        "Software",
        "SoftwareCategory",
        "SoftwareCategoryExp",
        "SoftwareCategoryLink",
        "SoftwareLink",
        "SoftwareName",
        "SoftwarePublisher",
        "SoftwaresNameCache",
        "SoftwareVersion",
    ),
    "system_info": (
        "AccessLog",
        "JavaInfo",
        "JournalLog",
        "LocalGroup",
        "LocalUser",
        "Registry",
        "Repository",
        "UnixUser",
    ),
}

_MODULE_OF: Final = {name: module for module, names in MODELS.items() for name in names}

__all__ = [
    "AccessLog",
    "AccountInfo",
    "AccountInfoConfig",
    "Archive",
    "AssetCategory",
    "AuthAttempt",
    "Base",
    "Battery",
    "Bios",
    "BlacklistMacaddress",
    "BlacklistSerial",
    "BlacklistSubnet",
    "Config",
    "Conntrack",
    "Controller",
    "Cpu",
    "CveSearch",
    "CveSearchComputer",
    "CveSearchCorrespondance",
    "CveSearchHistory",
    "DeletedEquiv",
    "Deploy",
    "Device",
    "DeviceType",
    "DicoIgnored",
    "DicoSoft",
    "DownloadAffectRule",
    "DownloadAvailable",
    "DownloadEnable",
    "DownloadHistory",
    "DownloadServer",
    "DownloadwkConfValue",
    "DownloadwkField",
    "DownloadwkHistory",
    "DownloadwkPack",
    "DownloadwkStatutRequest",
    "DownloadwkTabValue",
    "Drive",
    "EngineMutex",
    "EnginePersistent",
    "Extension",
    "File",
    "Group",
    "GroupCache",
    "Hardware",
    "HardwareOsnameCache",
    "History",
    "Input",
    "ItmgmtComment",
    "JavaInfo",
    "JournalLog",
    "Language",
    "Layout",
    "LocalGroup",
    "LocalUser",
    "Lock",
    "Memory",
    "Modem",
    "Monitor",
    "Netmap",
    "Network",
    "NetworkDevice",
    "Notification",
    "NotificationConfig",
    "Operator",
    "Port",
    "Printer",
    "PrologConntrack",
    "RegConfig",
    "Registry",
    "RegistryNameCache",
    "RegistryRegvalueCache",
    "ReportNotification",
    "Repository",
    "Saas",
    "SaasExp",
    "SaveQuery",
    "ScheduleWol",
    "Sim",
    "Slot",
    "SnmpAccountInfo",
    "SnmpCommunity",
    "SnmpConfig",
    "SnmpDefault",
    "SnmpLabel",
    "SnmpMib",
    "SnmpType",
    "SnmpTypeCondition",
    "Software",
    "SoftwareCategory",
    "SoftwareCategoryExp",
    "SoftwareCategoryLink",
    "SoftwareLink",
    "SoftwareName",
    "SoftwarePublisher",
    "SoftwareVersion",
    "SoftwaresNameCache",
    "Sound",
    "SslStore",
    "Storage",
    "Subnet",
    "Tag",
    "TempFile",
    "UnixUser",
    "UsbDevice",
    "Video",
    "VirtualMachine",
]


def __getattr__(name: str) -> Any:
    """``Base`` (every model module imported first), or a model (its module imported)."""
    if name == "Base":
        for module in MODELS:
            importlib.import_module(f"{__name__}.{module}")
        value: Any = importlib.import_module(f"{__name__}.base").Base
    elif name in _MODULE_OF:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # taken once: the next lookup is a plain attribute
    return value
