"""Machines: the ``hardware`` row, its BIOS and its admin fields."""

from __future__ import annotations

import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, UnsignedBigInteger, table_args


class Hardware(Base):
    """One inventoried machine, or a group.

    A group is a pseudo-machine with DEVICEID ``_SYSTEMGROUP_`` (or ``_DOWNLOADGROUP_`` for
    redistribution servers). Every other table points here by HARDWARE_ID.
    """

    __tablename__ = "hardware"
    __table_args__ = table_args(
        Index("DEVICEID", "DEVICEID"),
        Index("NAME", "NAME"),
        Index("CHECKSUM", "CHECKSUM"),
        Index("USERID", "USERID"),
        Index("WORKGROUP", "WORKGROUP"),
        Index("OSNAME", "OSNAME"),
        Index("MEMORY", "MEMORY"),
    )

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DEVICEID: Mapped[str] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    WORKGROUP: Mapped[str | None] = mapped_column(String(255))
    USERDOMAIN: Mapped[str | None] = mapped_column(String(255))
    OSNAME: Mapped[str | None] = mapped_column(String(255))
    OSVERSION: Mapped[str | None] = mapped_column(String(255))
    OSCOMMENTS: Mapped[str | None] = mapped_column(String(255))
    PROCESSORT: Mapped[str | None] = mapped_column(String(255))
    PROCESSORS: Mapped[int | None] = mapped_column(Integer, server_default="0")
    PROCESSORN: Mapped[int | None] = mapped_column(SmallInteger)
    MEMORY: Mapped[int | None] = mapped_column(Integer)
    SWAP: Mapped[int | None] = mapped_column(Integer)
    IPADDR: Mapped[str | None] = mapped_column(String(255))
    DNS: Mapped[str | None] = mapped_column(String(255))
    DEFAULTGATEWAY: Mapped[str | None] = mapped_column(String(255))
    ETIME: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    LASTDATE: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    LASTCOME: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    QUALITY: Mapped[Decimal | None] = mapped_column(Numeric(7, 4))
    FIDELITY: Mapped[int | None] = mapped_column(BigInteger, server_default="1")
    USERID: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[int | None] = mapped_column(Integer)
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    WINCOMPANY: Mapped[str | None] = mapped_column(String(255))
    WINOWNER: Mapped[str | None] = mapped_column(String(255))
    WINPRODID: Mapped[str | None] = mapped_column(String(255))
    WINPRODKEY: Mapped[str | None] = mapped_column(String(255))
    USERAGENT: Mapped[str | None] = mapped_column(String(50))
    CHECKSUM: Mapped[int | None] = mapped_column(UnsignedBigInteger, server_default="262143")
    SSTATE: Mapped[int | None] = mapped_column(Integer, server_default="0")
    IPSRC: Mapped[str | None] = mapped_column(String(255))
    UUID: Mapped[str | None] = mapped_column(String(255))
    ARCH: Mapped[str | None] = mapped_column(String(10))
    CATEGORY_ID: Mapped[int | None] = mapped_column(Integer)
    ARCHIVE: Mapped[int | None] = mapped_column(Integer)


class Bios(Base):
    """BIOS and system board identity, one row per machine (section BIOS)."""

    __tablename__ = "bios"
    __table_args__ = table_args(Index("SSN", "SSN"), Index("ASSETTAG", "ASSETTAG"))

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    SMANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    SMODEL: Mapped[str | None] = mapped_column(String(255))
    SSN: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[str | None] = mapped_column(String(255))
    BMANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    BVERSION: Mapped[str | None] = mapped_column(String(255))
    BDATE: Mapped[str | None] = mapped_column(String(255))
    ASSETTAG: Mapped[str | None] = mapped_column(String(255))
    MMANUFACTURER: Mapped[str | None] = mapped_column(String(255))
    MMODEL: Mapped[str | None] = mapped_column(String(255))
    MSN: Mapped[str | None] = mapped_column(String(255))


class AccountInfo(Base):
    """Admin fields of a machine (TAG and the ``fields_<n>`` columns).

    Only HARDWARE_ID and TAG are mapped: the console adds ``fields_<n>`` columns at run time,
    so code that needs them reflects the table.
    """

    __tablename__ = "accountinfo"
    __table_args__ = table_args(Index("TAG", "TAG"))

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    TAG: Mapped[str | None] = mapped_column(String(255), server_default="NA")


class AccountInfoConfig(Base):
    """Definition of each admin field: row n describes column ``accountinfo.fields_<n>``.

    Rows 1 and 2 describe the built-in TAG (for computers and for SNMP devices).
    """

    __tablename__ = "accountinfo_config"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME_ACCOUNTINFO: Mapped[str | None] = mapped_column(String(255))
    TYPE: Mapped[int | None] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    ID_TAB: Mapped[int | None] = mapped_column(Integer)
    COMMENT: Mapped[str | None] = mapped_column(String(255))
    SHOW_ORDER: Mapped[int] = mapped_column(Integer)
    ACCOUNT_TYPE: Mapped[str | None] = mapped_column(String(255))
    DEFAULT_VALUE: Mapped[str | None] = mapped_column(String(255))


class Archive(Base):
    """Machines the console has archived (hidden from the normal lists)."""

    __tablename__ = "archive"
    __table_args__ = table_args(UniqueConstraint("HARDWARE_ID", name="HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(
        Integer, ForeignKey("hardware.ID", name="archive_ibfk_1")
    )
