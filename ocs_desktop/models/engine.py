"""Housekeeping of the communication server: locks, sessions, mutexes, trace tables and caches."""

from __future__ import annotations

import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, CurrentTimestampOnUpdate, Timestamp, table_args


class Lock(Base):
    """Per-machine inventory lock held by a server process."""

    __tablename__ = "locks"
    __table_args__ = table_args(Index("SINCE", "SINCE"), engine="MEMORY")

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ID: Mapped[int | None] = mapped_column(Integer)
    SINCE: Mapped[datetime.datetime] = mapped_column(
        Timestamp, server_default=CurrentTimestampOnUpdate()
    )


class PrologConntrack(Base):
    """Prolog sessions, for the session-only inventory check."""

    __tablename__ = "prolog_conntrack"
    __table_args__ = table_args(Index("DEVICEID", "DEVICEID"), engine="MEMORY")

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DEVICEID: Mapped[str | None] = mapped_column(String(255))
    TIMESTAMP: Mapped[int | None] = mapped_column(Integer)
    PID: Mapped[int | None] = mapped_column(Integer)


class Conntrack(Base):
    """Last new-machine time per IP, for the flood filter."""

    __tablename__ = "conntrack"
    __table_args__ = table_args(engine="MEMORY")

    IP: Mapped[str] = mapped_column(String(255), primary_key=True, server_default="")
    TIMESTAMP: Mapped[datetime.datetime] = mapped_column(
        Timestamp, server_default=CurrentTimestampOnUpdate()
    )


class EngineMutex(Base):
    """Named mutexes between server processes."""

    __tablename__ = "engine_mutex"
    __table_args__ = table_args(Index("PID", "PID"), engine="MEMORY")

    NAME: Mapped[str] = mapped_column(String(255), primary_key=True, server_default="")
    PID: Mapped[int | None] = mapped_column(Integer)
    TAG: Mapped[str] = mapped_column(String(255), primary_key=True, server_default="")


class EnginePersistent(Base):
    """Values the server keeps between requests."""

    __tablename__ = "engine_persistent"
    __table_args__ = table_args(UniqueConstraint("NAME", name="NAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str] = mapped_column(String(255), server_default="")
    IVALUE: Mapped[int | None] = mapped_column(Integer)
    TVALUE: Mapped[str | None] = mapped_column(String(255))


class DeletedEquiv(Base):
    """Deleted or merged DEVICEIDs and what replaced them (TRACE_DELETED, read by GLPI)."""

    __tablename__ = "deleted_equiv"
    __table_args__ = table_args(Index("DELETED", "DELETED"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DATE: Mapped[datetime.datetime] = mapped_column(
        Timestamp, server_default=CurrentTimestampOnUpdate()
    )
    DELETED: Mapped[str] = mapped_column(String(255))
    EQUIVALENT: Mapped[str | None] = mapped_column(String(255))


class HardwareOsnameCache(Base):
    """Distinct OS names cache for the console's search forms."""

    __tablename__ = "hardware_osname_cache"
    __table_args__ = table_args(UniqueConstraint("OSNAME", name="OSNAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    OSNAME: Mapped[str | None] = mapped_column(String(255))


class RegistryNameCache(Base):
    """Distinct registry query names cache."""

    __tablename__ = "registry_name_cache"
    __table_args__ = table_args(UniqueConstraint("NAME", name="NAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str | None] = mapped_column(String(255))


class RegistryRegvalueCache(Base):
    """Distinct registry values cache."""

    __tablename__ = "registry_regvalue_cache"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    REGVALUE: Mapped[str | None] = mapped_column(Text)
