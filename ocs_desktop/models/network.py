"""IpDiscover results and the blacklists used by IpDiscover and duplicate detection."""

from __future__ import annotations

import datetime

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, CurrentTimestamp, Timestamp, since, table_args


class Netmap(Base):
    """Hosts found by IpDiscover scans, by MAC."""

    __tablename__ = "netmap"
    __table_args__ = table_args(Index("IP", "IP"), Index("NETID", "NETID"))

    IP: Mapped[str] = mapped_column(String(15))
    MAC: Mapped[str] = mapped_column(String(17), primary_key=True)
    MASK: Mapped[str] = mapped_column(String(15))
    NETID: Mapped[str] = mapped_column(String(15))
    DATE: Mapped[datetime.datetime] = mapped_column(Timestamp, server_default=CurrentTimestamp())
    NAME: Mapped[str | None] = mapped_column(String(255))
    TAG: Mapped[str | None] = mapped_column(String(255))
    HARDWARE_ID: Mapped[int | None] = mapped_column(Integer, info=since(7052))


class NetworkDevice(Base):
    """IpDiscover hosts an operator has identified (given a type and description)."""

    __tablename__ = "network_devices"
    __table_args__ = table_args(Index("MACADDR", "MACADDR"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    MACADDR: Mapped[str | None] = mapped_column(String(255))
    USER: Mapped[str | None] = mapped_column(String(255))


class DeviceType(Base):
    """Types an operator can give to identified network devices."""

    __tablename__ = "devicetype"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str | None] = mapped_column(String(255))


class Subnet(Base):
    """Named subnets for IpDiscover; ID is a free text grouping key, PK the row id."""

    __tablename__ = "subnet"
    __table_args__ = table_args(Index("ID", "ID"))

    PK: Mapped[int] = mapped_column(Integer, primary_key=True, info=since(7056))
    NETID: Mapped[str] = mapped_column(String(15))
    NAME: Mapped[str | None] = mapped_column(String(255))
    ID: Mapped[str | None] = mapped_column(String(255))
    MASK: Mapped[str | None] = mapped_column(String(255))
    TAG: Mapped[str | None] = mapped_column(String(255))


class BlacklistSubnet(Base):
    """Subnets IpDiscover must ignore."""

    __tablename__ = "blacklist_subnet"
    __table_args__ = table_args(UniqueConstraint("SUBNET", "MASK", name="SUBNET"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    SUBNET: Mapped[str] = mapped_column(String(20), server_default="")
    MASK: Mapped[str] = mapped_column(String(20), server_default="")


class BlacklistMacaddress(Base):
    """MAC addresses that never identify a machine in duplicate detection."""

    __tablename__ = "blacklist_macaddresses"
    __table_args__ = table_args(UniqueConstraint("MACADDRESS", name="MACADDRESS"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    MACADDRESS: Mapped[str] = mapped_column(String(255), server_default="")


class BlacklistSerial(Base):
    """Serial numbers that never identify a machine in duplicate detection."""

    __tablename__ = "blacklist_serials"
    __table_args__ = table_args(UniqueConstraint("SERIAL", name="SERIAL"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    SERIAL: Mapped[str] = mapped_column(String(255), server_default="")
