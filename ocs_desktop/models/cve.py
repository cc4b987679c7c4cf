"""Vulnerability (CVE-Search) results the console computes from the software tables."""

from __future__ import annotations

import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, double, since, table_args


class CveSearch(Base):
    """CVEs found for a (publisher, name, version) triple by the CVE-Search cron."""

    __tablename__ = "cve_search"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, info=since(7056))
    PUBLISHER_ID: Mapped[int] = mapped_column(Integer)
    NAME_ID: Mapped[int] = mapped_column(Integer)
    VERSION_ID: Mapped[int] = mapped_column(Integer)
    CVSS: Mapped[float] = mapped_column(double(4, 2))
    CVE: Mapped[str | None] = mapped_column(String(255))
    LINK: Mapped[str | None] = mapped_column(String(255))


class CveSearchComputer(Base):
    """CVEs per machine, flattened for the console's reports."""

    __tablename__ = "cve_search_computer"
    __table_args__ = table_args(added=7047)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, info=since(7056))
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    HARDWARE_NAME: Mapped[str] = mapped_column(String(255))
    PUBLISHER: Mapped[str] = mapped_column(String(255))
    VERSION: Mapped[str] = mapped_column(String(255))
    SOFTWARE_NAME: Mapped[str] = mapped_column(String(255))
    CVSS: Mapped[str] = mapped_column(String(255))
    CVE: Mapped[str] = mapped_column(String(255))
    LINK: Mapped[str] = mapped_column(String(255))


class CveSearchCorrespondance(Base):
    """Name rewrites applied before querying CVE-Search."""

    __tablename__ = "cve_search_correspondance"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME_REG: Mapped[str] = mapped_column(String(255))
    PUBLISH_RESULT: Mapped[str | None] = mapped_column(String(255))
    NAME_RESULT: Mapped[str | None] = mapped_column(String(255))


class CveSearchHistory(Base):
    """When each publisher was last scanned for CVEs."""

    __tablename__ = "cve_search_history"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    FLAG_DATE: Mapped[datetime.datetime] = mapped_column(DateTime)
    CVE_NB: Mapped[int | None] = mapped_column(Integer, server_default="0")
    PUBLISHER_ID: Mapped[int] = mapped_column(Integer)
