"""The console's package request workflow (``downloadwk_*``), a GUI-only feature."""

from __future__ import annotations

import datetime

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, LongText, table_args


class DownloadwkConfValue(Base):
    """Package request workflow: configured values."""

    __tablename__ = "downloadwk_conf_values"
    __table_args__ = table_args()

    FIELD: Mapped[int | None] = mapped_column(Integer)
    VALUE: Mapped[str | None] = mapped_column(String(100))
    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DEFAULT_FIELD: Mapped[int | None] = mapped_column(Integer)


class DownloadwkField(Base):
    """Package request workflow: form fields (``downloadwk_pack.fields_<n>``)."""

    __tablename__ = "downloadwk_fields"
    __table_args__ = table_args()

    TAB: Mapped[str | None] = mapped_column(String(100))
    FIELD: Mapped[str | None] = mapped_column(String(100))
    TYPE: Mapped[int | None] = mapped_column(Integer)
    LBL: Mapped[str | None] = mapped_column(String(100))
    MUST_COMPLETED: Mapped[int | None] = mapped_column(Integer)
    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    VALUE: Mapped[str | None] = mapped_column(String(255))
    DEFAULT_FIELD: Mapped[int | None] = mapped_column(Integer)
    RESTRICTED: Mapped[int | None] = mapped_column(Integer)
    LINK_STATUS: Mapped[int | None] = mapped_column(Integer)


class DownloadwkHistory(Base):
    """Package request workflow: change log of a request."""

    __tablename__ = "downloadwk_history"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    ID_DDE: Mapped[int | None] = mapped_column(Integer)
    AUTHOR: Mapped[str | None] = mapped_column(String(255))
    DATE: Mapped[datetime.date | None] = mapped_column(Date)
    ACTION: Mapped[str | None] = mapped_column(LongText)


class DownloadwkPack(Base):
    """Package request workflow: one request, with its form values."""

    __tablename__ = "downloadwk_pack"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    LOGIN_USER: Mapped[str | None] = mapped_column(String(255))
    GROUP_USER: Mapped[str | None] = mapped_column(String(255))
    Q_DATE: Mapped[int | None] = mapped_column(Integer)
    fields_1: Mapped[str | None] = mapped_column(String(255))
    fields_2: Mapped[str | None] = mapped_column(String(255))
    fields_3: Mapped[str | None] = mapped_column(String(255))
    fields_4: Mapped[str | None] = mapped_column(String(255))
    fields_5: Mapped[str | None] = mapped_column(String(255))
    fields_6: Mapped[str | None] = mapped_column(String(255))
    fields_7: Mapped[str | None] = mapped_column(String(255))
    fields_8: Mapped[str | None] = mapped_column(String(255))
    fields_9: Mapped[str | None] = mapped_column(String(255))
    fields_10: Mapped[str | None] = mapped_column(String(255))


class DownloadwkStatutRequest(Base):
    """Package request workflow: request states."""

    __tablename__ = "downloadwk_statut_request"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str | None] = mapped_column(String(20))
    LBL: Mapped[str | None] = mapped_column(String(255))
    ACTIF: Mapped[int | None] = mapped_column(Integer)


class DownloadwkTabValue(Base):
    """Package request workflow: form tabs."""

    __tablename__ = "downloadwk_tab_values"
    __table_args__ = table_args()

    FIELD: Mapped[str | None] = mapped_column(String(100))
    VALUE: Mapped[str | None] = mapped_column(String(100))
    LBL: Mapped[str | None] = mapped_column(String(100))
    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DEFAULT_FIELD: Mapped[int | None] = mapped_column(Integer)
