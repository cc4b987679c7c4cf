"""Multi-row hardware component tables, one per inventory XML section."""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import Date, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, for_server, since, table_args, tinyint

_BATTERY_2_12: dict[str, Any] = {
    "added": 7080,
    "reads": "INSERT INTO batteries of these columns, for every inventory with batteries: "
    "without them the inventory fails",
}


class Battery(Base):
    """Batteries (section BATTERIES)."""

    __tablename__ = "batteries"
    __table_args__ = table_args(
        Index("HARDWARE_ID", "HARDWARE_ID"),
        Index("NAME", "NAME"),
        Index("MANUFACTURER", "MANUFACTURER"),
    )

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    LOCATION: Mapped[str | None] = mapped_column(String(255))
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    MANUFACTUREDATE: Mapped[str | None] = mapped_column(String(10))
    SERIALNUMBER: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    CHEMISTRY: Mapped[str | None] = mapped_column(String(20))
    DESIGNCAPACITY: Mapped[str | None] = mapped_column(String(10))
    DESIGNVOLTAGE: Mapped[str | None] = mapped_column(String(20))
    SBDSVERSION: Mapped[str | None] = mapped_column(String(255))
    MAXERROR: Mapped[int | None] = mapped_column(Integer)
    OEMSPECIFIC: Mapped[str | None] = mapped_column(String(255))
    # The 2.12 console rebuilt the table in 7080 with these instead of LOCATION to
    # OEMSPECIFIC; its server writes them. Both column sets let both servers write here.
    CYCLES: Mapped[int | None] = mapped_column(Integer, info=for_server("2.12", **_BATTERY_2_12))
    DESCRIPTION: Mapped[str | None] = mapped_column(
        String(10), server_default="N/A", info=for_server("2.12", **_BATTERY_2_12)
    )
    ESTIMATEDCHARGEREMAINING: Mapped[str | None] = mapped_column(
        String(255), info=for_server("2.12", **_BATTERY_2_12)
    )
    STATUS: Mapped[str | None] = mapped_column(
        String(255), info=for_server("2.12", **_BATTERY_2_12)
    )


class Controller(Base):
    """Controllers (section CONTROLLERS)."""

    __tablename__ = "controllers"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    CAPTION: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    VERSION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))


class Cpu(Base):
    """Processors (section CPUS)."""

    __tablename__ = "cpus"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    SERIALNUMBER: Mapped[str | None] = mapped_column(String(255))
    SPEED: Mapped[str | None] = mapped_column(String(255))
    CORES: Mapped[int | None] = mapped_column(Integer)
    L2CACHESIZE: Mapped[str | None] = mapped_column(String(255))
    CPUARCH: Mapped[str | None] = mapped_column(String(255))
    DATA_WIDTH: Mapped[int | None] = mapped_column(Integer)
    CURRENT_ADDRESS_WIDTH: Mapped[int | None] = mapped_column(Integer)
    LOGICAL_CPUS: Mapped[int | None] = mapped_column(Integer)
    VOLTAGE: Mapped[str | None] = mapped_column(String(255))
    CURRENT_SPEED: Mapped[str | None] = mapped_column(String(255))
    SOCKET: Mapped[str | None] = mapped_column(String(255))


class Drive(Base):
    """Logical drives and file systems (section DRIVES); sizes in MB."""

    __tablename__ = "drives"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    LETTER: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    FILESYSTEM: Mapped[str | None] = mapped_column(String(255))
    TOTAL: Mapped[int | None] = mapped_column(Integer)
    FREE: Mapped[int | None] = mapped_column(Integer)
    NUMFILES: Mapped[int | None] = mapped_column(Integer)
    VOLUMN: Mapped[str | None] = mapped_column(String(255))
    CREATEDATE: Mapped[datetime.date | None] = mapped_column(Date)


class Input(Base):
    """Keyboards and pointing devices (section INPUTS)."""

    __tablename__ = "inputs"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    TYPE: Mapped[str | None] = mapped_column(String(255))
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    CAPTION: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    INTERFACE: Mapped[str | None] = mapped_column(String(255))
    POINTTYPE: Mapped[str | None] = mapped_column(String(255))


class Memory(Base):
    """Memory slots (section MEMORIES); CAPACITY in MB."""

    __tablename__ = "memories"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    CAPTION: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    CAPACITY: Mapped[int | None] = mapped_column(Integer, info=since(retyped=7050))
    PURPOSE: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    SPEED: Mapped[str | None] = mapped_column(String(255))
    NUMSLOTS: Mapped[int | None] = mapped_column(SmallInteger)
    SERIALNUMBER: Mapped[str | None] = mapped_column(String(255))


class Modem(Base):
    """Modems (section MODEMS)."""

    __tablename__ = "modems"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    MODEL: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))


class Monitor(Base):
    """Monitors (section MONITORS)."""

    __tablename__ = "monitors"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    CAPTION: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    SERIAL: Mapped[str | None] = mapped_column(String(255))


class Network(Base):
    """Network interfaces (section NETWORKS).

    Their MAC and IP data drive duplicate detection and IpDiscover.
    """

    __tablename__ = "networks"
    __table_args__ = table_args(
        Index("MACADDR", "MACADDR"),
        Index("IPADDRESS", "IPADDRESS"),
        Index("IPGATEWAY", "IPGATEWAY"),
        Index("IPSUBNET", "IPSUBNET"),
        Index("HARDWARE_ID", "HARDWARE_ID"),
    )

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    TYPEMIB: Mapped[str | None] = mapped_column(String(255))
    SPEED: Mapped[str | None] = mapped_column(String(255))
    MTU: Mapped[str | None] = mapped_column(String(255))
    MACADDR: Mapped[str | None] = mapped_column(String(255))
    STATUS: Mapped[str | None] = mapped_column(String(255))
    IPADDRESS: Mapped[str | None] = mapped_column(String(255))
    IPMASK: Mapped[str | None] = mapped_column(String(255))
    IPGATEWAY: Mapped[str | None] = mapped_column(String(255))
    IPSUBNET: Mapped[str | None] = mapped_column(String(255))
    IPDHCP: Mapped[str | None] = mapped_column(String(255))
    VIRTUALDEV: Mapped[int | None] = mapped_column(tinyint(1), server_default="0")


class Port(Base):
    """Physical ports (section PORTS)."""

    __tablename__ = "ports"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    TYPE: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    CAPTION: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))


class Printer(Base):
    """Printers (section PRINTERS)."""

    __tablename__ = "printers"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    DRIVER: Mapped[str | None] = mapped_column(String(255))
    PORT: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    SERVERNAME: Mapped[str | None] = mapped_column(String(255))
    SHARENAME: Mapped[str | None] = mapped_column(String(255))
    RESOLUTION: Mapped[str | None] = mapped_column(String(50))
    COMMENT: Mapped[str | None] = mapped_column(String(255))
    SHARED: Mapped[int | None] = mapped_column(Integer)
    NETWORK: Mapped[int | None] = mapped_column(Integer)


class Sim(Base):
    """SIM cards of mobile devices (section SIM)."""

    __tablename__ = "sim"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    OPERATOR: Mapped[str | None] = mapped_column(String(255))
    OPNAME: Mapped[str | None] = mapped_column(String(255))
    COUNTRY: Mapped[str | None] = mapped_column(String(255))
    SERIALNUMBER: Mapped[str | None] = mapped_column(String(255))
    DEVICEID: Mapped[str | None] = mapped_column(String(255))
    PHONENUMBER: Mapped[str | None] = mapped_column(String(255))


class Slot(Base):
    """Expansion slots (section SLOTS)."""

    __tablename__ = "slots"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    DESIGNATION: Mapped[str | None] = mapped_column(String(255))
    PURPOSE: Mapped[str | None] = mapped_column(String(255))
    STATUS: Mapped[str | None] = mapped_column(String(255))
    PSHARE: Mapped[int | None] = mapped_column(tinyint(4))


class Sound(Base):
    """Sound devices (section SOUNDS)."""

    __tablename__ = "sounds"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))


class Storage(Base):
    """Physical disks (section STORAGES); DISKSIZE in MB."""

    __tablename__ = "storages"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    MODEL: Mapped[str | None] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    DISKSIZE: Mapped[int | None] = mapped_column(Integer)
    SERIALNUMBER: Mapped[str | None] = mapped_column(String(255))
    FIRMWARE: Mapped[str | None] = mapped_column(String(255))


class UsbDevice(Base):
    """USB devices (section USBDEVICES)."""

    __tablename__ = "usbdevices"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    INTERFACE: Mapped[str | None] = mapped_column(String(255))
    MANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    SERIAL: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))


class Video(Base):
    """Video adapters (section VIDEOS)."""

    __tablename__ = "videos"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    CHIPSET: Mapped[str | None] = mapped_column(String(255))
    MEMORY: Mapped[str | None] = mapped_column(String(255))
    RESOLUTION: Mapped[str | None] = mapped_column(String(255))


class VirtualMachine(Base):
    """Virtual machines hosted by the machine (section VIRTUALMACHINES)."""

    __tablename__ = "virtualmachines"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    STATUS: Mapped[str | None] = mapped_column(String(255))
    SUBSYSTEM: Mapped[str | None] = mapped_column(String(255))
    VMTYPE: Mapped[str | None] = mapped_column(String(255))
    UUID: Mapped[str | None] = mapped_column(String(255))
    VCPU: Mapped[int | None] = mapped_column(Integer)
    MEMORY: Mapped[int | None] = mapped_column(Integer)
