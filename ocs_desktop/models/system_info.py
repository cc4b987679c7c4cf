"""Operating-system inventory sections: registry answers, users, repositories, Java, logs."""

from __future__ import annotations

import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, LongText, for_server, table_args


class AccessLog(Base):
    """User logon history (section ACCESSLOG; not written by the reference server)."""

    __tablename__ = "accesslog"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"), Index("USERID", "USERID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    USERID: Mapped[str | None] = mapped_column(String(255))
    LOGDATE: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    PROCESSES: Mapped[str | None] = mapped_column(Text)


class JavaInfo(Base):
    """Java runtime, one row per machine (section JAVAINFO)."""

    __tablename__ = "javainfo"
    __table_args__ = table_args()

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    JAVANAME: Mapped[str | None] = mapped_column(String(255), server_default="NONAME")
    JAVAPATHLEVEL: Mapped[int | None] = mapped_column(Integer, server_default="0")
    JAVACOUNTRY: Mapped[str | None] = mapped_column(String(255))
    JAVACLASSPATH: Mapped[str | None] = mapped_column(String(255))
    JAVAHOME: Mapped[str | None] = mapped_column(String(255))


class JournalLog(Base):
    """Agent journal entries (section JOURNALLOG); kept when a machine is re-inventoried."""

    __tablename__ = "journallog"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    JOURNALLOG: Mapped[str | None] = mapped_column(LongText)
    LISTENERNAME: Mapped[str | None] = mapped_column(String(255), server_default="NONAME")
    DATE: Mapped[str | None] = mapped_column(String(255))
    STATUS: Mapped[int | None] = mapped_column(Integer, server_default="0")
    ERRORCODE: Mapped[int | None] = mapped_column(Integer, server_default="0")


class LocalGroup(Base):
    """Local OS groups (section LOCAL_GROUPS)."""

    __tablename__ = "local_groups"
    __table_args__ = table_args(added=7040)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ID_GROUP: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    MEMBER: Mapped[str | None] = mapped_column(String(255))


class LocalUser(Base):
    """Local OS users (section LOCAL_USERS)."""

    __tablename__ = "local_users"
    __table_args__ = table_args(added=7040)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ID_USER: Mapped[str | None] = mapped_column(String(255))
    GID: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    HOME: Mapped[str | None] = mapped_column(String(255))
    SHELL: Mapped[str | None] = mapped_column(String(255))
    LOGIN: Mapped[str | None] = mapped_column(String(255))
    MEMBER: Mapped[str | None] = mapped_column(String(255))


class UnixUser(Base):
    """Local users and groups as the old ``unixusers`` plugin sent them (section UNIXUSERS).

    The console dropped the table in 7040 for ``local_users``/``local_groups``, but the
    2.8.1 server still maps it: it writes the section if sent and, when it merges a
    duplicate, deletes the old machine's rows from every mapped table, this one included.
    Without the table every merge fails and is rolled back. ``GROUP_USERS`` is in that
    server's map but was never in the console's table: with it the section can be stored.
    """

    __tablename__ = "unixusers"
    __table_args__ = table_args(
        info=for_server(
            "2.8.1",
            dropped=7040,
            reads="DELETE FROM unixusers when it merges a duplicate machine: without the "
            "table every merge is rolled back",
        )
    )

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ID_USERS: Mapped[str | None] = mapped_column(String(255))
    GID_USERS: Mapped[str | None] = mapped_column(String(255))
    NAME_USERS: Mapped[str | None] = mapped_column(String(255))
    GROUP_USERS: Mapped[str | None] = mapped_column(String(255))
    HOME_USERS: Mapped[str | None] = mapped_column(String(255))
    SHELL_USERS: Mapped[str | None] = mapped_column(String(255))
    LOGIN_USERS: Mapped[str | None] = mapped_column(String(255))
    ID_GROUP: Mapped[str | None] = mapped_column(String(255))
    NAME_GROUP: Mapped[str | None] = mapped_column(String(255))
    MEMBER_GROUP: Mapped[str | None] = mapped_column(String(255))


class Registry(Base):
    """Answers to registry queries (section REGISTRY); NAME is ``regconfig.NAME``."""

    __tablename__ = "registry"
    __table_args__ = table_args(Index("NAME", "NAME"), Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str | None] = mapped_column(String(255))
    REGVALUE: Mapped[str | None] = mapped_column(Text)


class Repository(Base):
    """Package repositories of Linux machines (section REPOSITORY)."""

    __tablename__ = "repository"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    BASEURL: Mapped[str | None] = mapped_column(String(255))
    EXCLUDE: Mapped[str | None] = mapped_column(String(255))
    EXCLUDED: Mapped[str | None] = mapped_column(String(255))
    EXPIRE: Mapped[str | None] = mapped_column(String(255))
    FILENAME: Mapped[str | None] = mapped_column(String(255))
    MIRRORS: Mapped[str | None] = mapped_column(String(255))
    NAME: Mapped[str | None] = mapped_column(String(255))
    PKGS: Mapped[str | None] = mapped_column(String(255))
    REVISION: Mapped[str | None] = mapped_column(String(255))
    SIZE: Mapped[str | None] = mapped_column(String(255))
    TAG: Mapped[str | None] = mapped_column(String(255))
    UPDATED: Mapped[str | None] = mapped_column(String(255))
