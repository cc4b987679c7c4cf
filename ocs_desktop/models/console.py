"""Remaining tables used only by the OCS web console (ocsreports)."""

from __future__ import annotations

import datetime

from sqlalchemy import Date, DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import (
    AutoBigInteger,
    Base,
    CurrentTimestampOnUpdate,
    LongBlob,
    LongText,
    Timestamp,
    double,
    since,
    table_args,
)


class AssetCategory(Base):
    """Asset categories: saved searches that classify machines."""

    __tablename__ = "assets_categories"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    CATEGORY_NAME: Mapped[str] = mapped_column(String(255))
    CATEGORY_DESC: Mapped[str] = mapped_column(String(255))
    SQL_QUERY: Mapped[str] = mapped_column(Text)
    SQL_ARGS: Mapped[str] = mapped_column(Text)


class AuthAttempt(Base):
    """Console login attempts, for the brute force block."""

    __tablename__ = "auth_attempt"
    __table_args__ = table_args(added=7042)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DATETIMEATTEMPT: Mapped[datetime.datetime] = mapped_column(DateTime)
    LOGIN: Mapped[str | None] = mapped_column(String(255))
    IP: Mapped[str | None] = mapped_column(String(255))
    SUCCESS: Mapped[int | None] = mapped_column(Integer)


class Extension(Base):
    """Installed console extensions (plugins)."""

    __tablename__ = "extensions"
    __table_args__ = table_args()

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(255))
    version: Mapped[float] = mapped_column(double())
    licence: Mapped[str | None] = mapped_column(String(255))
    author: Mapped[str | None] = mapped_column(String(255))
    contributor: Mapped[str | None] = mapped_column(String(255))
    install_date: Mapped[datetime.datetime] = mapped_column(
        Timestamp, server_default=CurrentTimestampOnUpdate()
    )


class History(Base):
    """Audit log of operator actions."""

    __tablename__ = "history"
    __table_args__ = table_args(added=7061)

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    USER: Mapped[str] = mapped_column(String(255))
    DATETIME_ACTION: Mapped[datetime.datetime] = mapped_column(DateTime)
    ACTION: Mapped[str] = mapped_column(String(255))
    TARGET: Mapped[str] = mapped_column(String(255))


class ItmgmtComment(Base):
    """Operator notes on a machine."""

    __tablename__ = "itmgmt_comments"
    __table_args__ = table_args(Index("HARDWARE_ID", "HARDWARE_ID"))

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    COMMENTS: Mapped[str | None] = mapped_column(LongText)
    USER_INSERT: Mapped[str | None] = mapped_column(String(100))
    DATE_INSERT: Mapped[datetime.date | None] = mapped_column(Date)
    ACTION: Mapped[str | None] = mapped_column(String(255))
    VISIBLE: Mapped[int | None] = mapped_column(Integer)


class Language(Base):
    """Console translations stored in the database."""

    __tablename__ = "languages"
    __table_args__ = table_args()

    NAME: Mapped[str] = mapped_column(String(60), primary_key=True)
    IMG: Mapped[bytes | None] = mapped_column(LargeBinary)
    JSON_VALUE: Mapped[str | None] = mapped_column(LongText)


class Layout(Base):
    """Saved column layouts of console tables."""

    __tablename__ = "layouts"
    __table_args__ = table_args(added=7063)

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    LAYOUT_NAME: Mapped[str] = mapped_column(String(255))
    CREATOR: Mapped[str] = mapped_column(String(255), info=since(7065))
    TABLE_NAME: Mapped[str] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))
    VISIBLE_COL: Mapped[str] = mapped_column(Text)
    VISIBILITY_SCOPE: Mapped[str | None] = mapped_column(
        String(255), server_default="USER", info=since(7065)
    )
    GROUP_ID: Mapped[str | None] = mapped_column(String(255), info=since(7065))


class Notification(Base):
    """Mail notification templates."""

    __tablename__ = "notification"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    TYPE: Mapped[str] = mapped_column(String(255))
    FILE: Mapped[str | None] = mapped_column(String(255))
    SUBJECT: Mapped[str | None] = mapped_column(String(255))
    ALTBODY: Mapped[str | None] = mapped_column(Text)


class NotificationConfig(Base):
    """Mail notification settings (SMTP and schedule)."""

    __tablename__ = "notification_config"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str] = mapped_column(String(255))
    TVALUE: Mapped[str | None] = mapped_column(String(255))


class ReportNotification(Base):
    """Scheduled mail reports."""

    __tablename__ = "reports_notifications"
    __table_args__ = table_args(added=7066)

    ID: Mapped[int] = mapped_column(AutoBigInteger, primary_key=True)
    GROUP_ID: Mapped[int] = mapped_column(Integer)
    RECURRENCE: Mapped[str] = mapped_column(String(255))
    END_DATE: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    DATE_CREATED: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    WEEKDAY: Mapped[str | None] = mapped_column(String(255))
    LAST_EXEC: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    MAIL: Mapped[str] = mapped_column(String(255))
    STATUS: Mapped[str] = mapped_column(String(255))


class Saas(Base):
    """SaaS use detected on machines from DNS cache entries."""

    __tablename__ = "saas"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True, info=since(7056))
    SAAS_EXP_ID: Mapped[int] = mapped_column(Integer)
    HARDWARE_ID: Mapped[int] = mapped_column(Integer)
    ENTRY: Mapped[str] = mapped_column(String(255))
    DATA: Mapped[str] = mapped_column(String(255))
    TTL: Mapped[int] = mapped_column(Integer)


class SaasExp(Base):
    """DNS patterns that identify a SaaS."""

    __tablename__ = "saas_exp"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    NAME: Mapped[str] = mapped_column(String(255))
    DNS_EXP: Mapped[str] = mapped_column(String(255))


class SaveQuery(Base):
    """Saved multi-criteria searches."""

    __tablename__ = "save_query"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    QUERY_NAME: Mapped[str] = mapped_column(String(255))
    DESCRIPTION: Mapped[str | None] = mapped_column(Text)
    PARAMETERS: Mapped[str] = mapped_column(Text)
    WHO_CAN_SEE: Mapped[str | None] = mapped_column(
        String(255), server_default="ALL", info=since(7055)
    )
    USER_ID: Mapped[str | None] = mapped_column(String(255), info=since(7055))
    GROUP_ID: Mapped[str | None] = mapped_column(String(255), info=since(7055, retyped=7058))


class ScheduleWol(Base):
    """Scheduled Wake-on-LAN.

    The 2.12 console's update 7070 renames the table ``schedule_wol``; a Windows server
    (``lower_case_table_names=1``) stores it so too. ``db.table_names`` finds either.
    """

    __tablename__ = "schedule_WOL"
    __table_args__ = table_args(info={"renamed": ("schedule_wol", 7070)})

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    MACHINE_ID: Mapped[str] = mapped_column(String(255))
    WOL_DATE: Mapped[datetime.datetime] = mapped_column(DateTime)


class SslStore(Base):
    """Uploaded certificates."""

    __tablename__ = "ssl_store"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    FILE: Mapped[bytes | None] = mapped_column(LongBlob)
    AUTHOR: Mapped[str | None] = mapped_column(String(255))
    FILE_NAME: Mapped[str | None] = mapped_column(String(255))
    FILE_TYPE: Mapped[str | None] = mapped_column(String(20))
    DESCRIPTION: Mapped[str | None] = mapped_column(String(255))


class TempFile(Base):
    """Files attached to machines or requests in the console."""

    __tablename__ = "temp_files"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    TABLE_NAME: Mapped[str | None] = mapped_column(String(255))
    FIELDS_NAME: Mapped[str | None] = mapped_column(String(255))
    file: Mapped[bytes | None] = mapped_column(LongBlob)
    COMMENT: Mapped[str | None] = mapped_column(LongText)
    AUTHOR: Mapped[str | None] = mapped_column(String(255))
    FILE_NAME: Mapped[str | None] = mapped_column(String(255))
    FILE_TYPE: Mapped[str | None] = mapped_column(String(255))
    FILE_SIZE: Mapped[int | None] = mapped_column(Integer)
    ID_DDE: Mapped[int | None] = mapped_column(Integer)
