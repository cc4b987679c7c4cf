"""Installed software (normalised since OCS 2.8) and its lookup, category and dictionary tables."""

from __future__ import annotations

import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import AutoBigInteger, Base, for_server, since, table_args


class Software(Base):
    """One installed software on one machine (the layout since OCS 2.8).

    Name, publisher and version are ids into the three lookup tables below.
    """

    __tablename__ = "software"
    __table_args__ = table_args(
        Index("HARDWARE_ID", "HARDWARE_ID"),
        Index("NAME_ID", "NAME_ID"),
        Index("PUBLISHER_ID", "PUBLISHER_ID"),
        Index("VERSION_ID", "VERSION_ID"),
    )

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    NAME_ID: Mapped[int] = mapped_column(Integer)
    PUBLISHER_ID: Mapped[int] = mapped_column(Integer)
    VERSION_ID: Mapped[int] = mapped_column(Integer)
    FOLDER: Mapped[str | None] = mapped_column(Text)
    COMMENTS: Mapped[str | None] = mapped_column(Text)
    FILENAME: Mapped[str | None] = mapped_column(String(255))
    FILESIZE: Mapped[int | None] = mapped_column(Integer, server_default="0")
    SOURCE: Mapped[int | None] = mapped_column(Integer)
    GUID: Mapped[str | None] = mapped_column(String(255))
    LANGUAGE: Mapped[str | None] = mapped_column(String(255))
    INSTALLDATE: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    BITSWIDTH: Mapped[int | None] = mapped_column(Integer)
    ARCHITECTURE: Mapped[str | None] = mapped_column(String(255), info=since(7049))


class SoftwareName(Base):
    """Distinct software names."""

    __tablename__ = "software_name"
    __table_args__ = table_args(UniqueConstraint("NAME", name="NAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str] = mapped_column(String(255))
    #: Dropped by the console in 7045 (categories moved to ``software_categories_link``),
    #: but the 2.8.1 server selects it for every software it stores.
    CATEGORY: Mapped[int | None] = mapped_column(
        Integer,
        info=for_server(
            "2.8.1",
            dropped=7045,
            reads="SELECT ID, CATEGORY FROM software_name, for every software of every "
            "inventory: one error line each in its log",
        ),
    )


class SoftwarePublisher(Base):
    """Distinct publishers; ID 1 = ``Unavailable`` stands for an empty publisher."""

    __tablename__ = "software_publisher"
    __table_args__ = table_args(UniqueConstraint("PUBLISHER", name="PUBLISHER"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    PUBLISHER: Mapped[str] = mapped_column(String(255))


_PRETTY = (
    "SELECT ID, PRETTYVERSION FROM software_version, and INSERT of the four columns, for "
    "every software with a version: without them it stops storing a machine's software at "
    "the first one"
)


class SoftwareVersion(Base):
    """Distinct versions; ID 1 = ``Unavailable`` stands for an empty version.

    The 2.12 server also keeps a cleaned-up version and its first three numbers (console
    schema 7073); it fills them in itself for rows that lack them, so we leave them NULL.
    """

    __tablename__ = "software_version"
    __table_args__ = table_args(UniqueConstraint("VERSION", name="VERSION"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    VERSION: Mapped[str] = mapped_column(String(255))
    PRETTYVERSION: Mapped[str | None] = mapped_column(
        String(255), info=for_server("2.12", added=7073, reads=_PRETTY)
    )
    MAJOR: Mapped[int | None] = mapped_column(
        Integer, info=for_server("2.12", added=7073, reads=_PRETTY)
    )
    MINOR: Mapped[int | None] = mapped_column(
        Integer, info=for_server("2.12", added=7073, reads=_PRETTY)
    )
    PATCH: Mapped[int | None] = mapped_column(
        Integer, info=for_server("2.12", added=7073, reads=_PRETTY)
    )


class SoftwareCategory(Base):
    """Software categories defined in the console."""

    __tablename__ = "software_categories"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    CATEGORY_NAME: Mapped[str] = mapped_column(String(255))
    OS: Mapped[str | None] = mapped_column(String(255))


class SoftwareCategoryLink(Base):
    """Category of a (name, publisher, version) triple."""

    __tablename__ = "software_categories_link"
    __table_args__ = table_args(
        Index("NAME_ID", "NAME_ID"),
        Index("PUBLISHER_ID", "PUBLISHER_ID"),
        Index("VERSION_ID", "VERSION_ID"),
        Index("CATEGORY_ID", "CATEGORY_ID"),
        added=7045,
    )

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    NAME_ID: Mapped[int] = mapped_column(Integer)
    PUBLISHER_ID: Mapped[int] = mapped_column(Integer)
    VERSION_ID: Mapped[int] = mapped_column(Integer)
    CATEGORY_ID: Mapped[int] = mapped_column(Integer)


class SoftwareCategoryExp(Base):
    """Matching rules that put software into a category."""

    __tablename__ = "software_category_exp"
    __table_args__ = table_args(Index("CATEGORY_ID", "CATEGORY_ID"))

    CATEGORY_ID: Mapped[int] = mapped_column(Integer)
    SOFTWARE_EXP: Mapped[str] = mapped_column(String(255))
    SIGN_VERSION: Mapped[str | None] = mapped_column(String(255))
    VERSION: Mapped[str | None] = mapped_column(String(255))
    PUBLISHER: Mapped[str | None] = mapped_column(String(255))
    ID: Mapped[int] = mapped_column(Integer, primary_key=True)


class SoftwareLink(Base):
    """Per-(name, publisher, version) install counts the console pre-computes for its lists."""

    __tablename__ = "software_link"
    __table_args__ = table_args(
        Index("NAME_ID", "NAME_ID"),
        Index("PUBLISHER_ID", "PUBLISHER_ID"),
        Index("VERSION_ID", "VERSION_ID"),
        added=7045,
    )

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    NAME_ID: Mapped[int] = mapped_column(Integer)
    PUBLISHER_ID: Mapped[int] = mapped_column(Integer)
    VERSION_ID: Mapped[int] = mapped_column(Integer)
    CATEGORY_ID: Mapped[int | None] = mapped_column(Integer)
    IDENTIFIER: Mapped[str] = mapped_column(String(255))
    COUNT: Mapped[int | None] = mapped_column(Integer)


class SoftwaresNameCache(Base):
    """Distinct software names cache kept by the server for the console's search forms."""

    __tablename__ = "softwares_name_cache"
    __table_args__ = table_args(UniqueConstraint("NAME", name="NAME"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str | None] = mapped_column(String(255))


class DicoSoft(Base):
    """Software dictionary: maps an extracted name to a formatted (canonical) one."""

    __tablename__ = "dico_soft"
    __table_args__ = table_args()

    EXTRACTED: Mapped[str] = mapped_column(String(255), primary_key=True)
    FORMATTED: Mapped[str] = mapped_column(String(255))


class DicoIgnored(Base):
    """Software dictionary: names to ignore."""

    __tablename__ = "dico_ignored"
    __table_args__ = table_args()

    EXTRACTED: Mapped[str] = mapped_column(String(255), primary_key=True)
