"""Package deployment (teledeploy): packages, activations, agent history, redistribution servers."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, table_args


class DownloadAvailable(Base):
    """Built deployment packages, by FILEID (a timestamp)."""

    __tablename__ = "download_available"
    __table_args__ = table_args()

    FILEID: Mapped[str] = mapped_column(String(255), primary_key=True)
    NAME: Mapped[str] = mapped_column(String(255))
    PRIORITY: Mapped[int] = mapped_column(Integer)
    FRAGMENTS: Mapped[int] = mapped_column(Integer)
    SIZE: Mapped[int] = mapped_column(Integer)
    OSNAME: Mapped[str] = mapped_column(String(255))
    COMMENT: Mapped[str | None] = mapped_column(Text)
    ID_WK: Mapped[int | None] = mapped_column(Integer)
    DELETED: Mapped[int | None] = mapped_column(Integer, server_default="0")


class DownloadEnable(Base):
    """Activations of a package: where agents fetch its info file and fragments."""

    __tablename__ = "download_enable"
    __table_args__ = table_args(Index("FILEID", "FILEID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    FILEID: Mapped[str] = mapped_column(String(255))
    INFO_LOC: Mapped[str] = mapped_column(String(255))
    PACK_LOC: Mapped[str] = mapped_column(String(255))
    CERT_PATH: Mapped[str | None] = mapped_column(String(255))
    CERT_FILE: Mapped[str | None] = mapped_column(String(255))
    SERVER_ID: Mapped[int | None] = mapped_column(Integer)
    GROUP_ID: Mapped[int | None] = mapped_column(Integer)


class DownloadHistory(Base):
    """Packages an agent reports as already installed."""

    __tablename__ = "download_history"
    __table_args__ = table_args()

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    PKG_ID: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, server_default="0"
    )
    PKG_NAME: Mapped[str | None] = mapped_column(String(255))


class DownloadServer(Base):
    """Redistribution servers and their download URL."""

    __tablename__ = "download_servers"
    __table_args__ = table_args()

    HARDWARE_ID: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    URL: Mapped[str] = mapped_column(String(250))
    ADD_PORT: Mapped[int] = mapped_column(Integer)
    ADD_REP: Mapped[str] = mapped_column(String(250))
    GROUP_ID: Mapped[int] = mapped_column(Integer)


class DownloadAffectRule(Base):
    """Rules choosing a redistribution server for a machine."""

    __tablename__ = "download_affect_rules"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    RULE: Mapped[int] = mapped_column(Integer)
    PRIORITY: Mapped[int] = mapped_column(Integer)
    CFIELD: Mapped[str] = mapped_column(String(20))
    OP: Mapped[str] = mapped_column(String(20))
    COMPTO: Mapped[str] = mapped_column(String(20))
    SERV_VALUE: Mapped[str | None] = mapped_column(String(20))
    RULE_NAME: Mapped[str] = mapped_column(String(200))
