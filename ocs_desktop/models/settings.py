"""Settings: global config, per-machine devices, operators, registry queries, deploy files."""

from __future__ import annotations

from sqlalchemy import Index, Integer, PrimaryKeyConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, LongBlob, table_args


class Config(Base):
    """Global options of server and console, by NAME, with an integer and a text value.

    The server reloads them on every request, and they win over its Apache settings.
    """

    __tablename__ = "config"
    __table_args__ = table_args()

    NAME: Mapped[str] = mapped_column(String(50), primary_key=True)
    IVALUE: Mapped[int | None] = mapped_column(Integer)
    TVALUE: Mapped[str | None] = mapped_column(String(255))
    COMMENTS: Mapped[str | None] = mapped_column(Text)


class Operator(Base):
    """Console accounts; PASSWD is interpreted according to PASSWORD_VERSION."""

    __tablename__ = "operators"
    __table_args__ = table_args()

    ID: Mapped[str] = mapped_column(String(255), primary_key=True, server_default="")
    FIRSTNAME: Mapped[str | None] = mapped_column(String(255))
    LASTNAME: Mapped[str | None] = mapped_column(String(255))
    PASSWD: Mapped[str | None] = mapped_column(String(255))
    ACCESSLVL: Mapped[int | None] = mapped_column(Integer)
    COMMENTS: Mapped[str | None] = mapped_column(Text)
    NEW_ACCESSLVL: Mapped[str | None] = mapped_column(String(255))
    EMAIL: Mapped[str | None] = mapped_column(String(255))
    USER_GROUP: Mapped[str | None] = mapped_column(String(255))
    PASSWORD_VERSION: Mapped[int | None] = mapped_column(Integer, server_default="0")


class Tag(Base):
    """TAG perimeter of restricted operators (wildcards ``*`` and ``?``)."""

    __tablename__ = "tags"
    __table_args__ = table_args(Index("Tag", "Tag"), Index("Login", "Login"))

    Tag: Mapped[str] = mapped_column(String(100), primary_key=True, server_default="")
    Login: Mapped[str] = mapped_column(String(100), primary_key=True, server_default="")


class RegConfig(Base):
    """Registry queries sent to Windows agents in the REGISTRY prolog option."""

    __tablename__ = "regconfig"
    __table_args__ = table_args(Index("NAME", "NAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str | None] = mapped_column(String(255))
    REGTREE: Mapped[int | None] = mapped_column(Integer)
    REGKEY: Mapped[str | None] = mapped_column(Text)
    REGVALUE: Mapped[str | None] = mapped_column(String(255))


class Deploy(Base):
    """Files served at ``/ocsinventory/deploy/<NAME>``, such as the TAG prompt ``label``."""

    __tablename__ = "deploy"
    __table_args__ = table_args()

    NAME: Mapped[str] = mapped_column(String(255), primary_key=True)
    CONTENT: Mapped[bytes] = mapped_column(LongBlob)


class Device(Base):
    """Per-machine and per-group settings and deployment states, by NAME.

    For example FREQUENCY, DOWNLOAD (IVALUE = ``download_enable.ID``, TVALUE = status) or
    IPDISCOVER. HARDWARE_ID may be a group's.
    """

    __tablename__ = "devices"
    __table_args__ = table_args(
        Index("HARDWARE_ID", "HARDWARE_ID"),
        Index("TVALUE", "TVALUE"),
        Index("IVALUE", "IVALUE"),
        Index("NAME", "NAME"),
    )

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME: Mapped[str] = mapped_column(String(50))
    IVALUE: Mapped[int | None] = mapped_column(Integer)
    TVALUE: Mapped[str | None] = mapped_column(String(255))
    COMMENTS: Mapped[str | None] = mapped_column(Text)


class File(Base):
    """Agent binaries for the deprecated UPDATE query."""

    __tablename__ = "files"
    # The key order differs from the column order in the reference schema.
    __table_args__ = table_args(PrimaryKeyConstraint("NAME", "OS", "VERSION"))

    NAME: Mapped[str] = mapped_column(String(100))
    VERSION: Mapped[str] = mapped_column(String(50))
    OS: Mapped[str] = mapped_column(String(70))
    CONTENT: Mapped[bytes] = mapped_column(LongBlob)
