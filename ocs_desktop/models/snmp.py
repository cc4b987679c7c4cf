"""SNMP scan configuration and the inventory of SNMP devices."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, since, table_args


class SnmpAccountInfo(Base):
    """Admin fields of SNMP devices (like ``accountinfo``, with run-time ``fields_<n>`` columns)."""

    __tablename__ = "snmp_accountinfo"
    __table_args__ = table_args(Index("TAG", "TAG"), added=7067)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    SNMP_TYPE: Mapped[str] = mapped_column(String(255))
    SNMP_RECONCILIATION_FIELD: Mapped[str] = mapped_column(String(255))
    SNMP_RECONCILIATION_VALUE: Mapped[str] = mapped_column(String(255))
    TAG: Mapped[str | None] = mapped_column(String(255), server_default="NA")


class SnmpCommunity(Base):
    """SNMP communities and v3 credentials sent to agents."""

    __tablename__ = "snmp_communities"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    VERSION: Mapped[str | None] = mapped_column(String(5))
    NAME: Mapped[str | None] = mapped_column(String(255))
    USERNAME: Mapped[str | None] = mapped_column(String(255))
    AUTHPASSWD: Mapped[str | None] = mapped_column(String(255))
    AUTHPROTO: Mapped[str | None] = mapped_column(String(255), info=since(7054))
    PRIVPROTO: Mapped[str | None] = mapped_column(String(255), info=since(7054))
    PRIVPASSWD: Mapped[str | None] = mapped_column(String(255), info=since(7054))
    LEVEL: Mapped[str | None] = mapped_column(String(255), info=since(7054))


class SnmpConfig(Base):
    """OID to label mapping per SNMP type."""

    __tablename__ = "snmp_configs"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    TYPE_ID: Mapped[int] = mapped_column(Integer)
    LABEL_ID: Mapped[int] = mapped_column(Integer)
    OID: Mapped[str] = mapped_column(String(255))
    RECONCILIATION: Mapped[str | None] = mapped_column(String(255))


class SnmpDefault(Base):
    """Inventory of SNMP devices of the built-in ``Default`` type (one table per type)."""

    __tablename__ = "snmp_default"
    __table_args__ = table_args(UniqueConstraint("DefaultName", name="DefaultName"), added=7054)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    DefaultName: Mapped[str | None] = mapped_column(String(255))
    DefaultDescription: Mapped[str | None] = mapped_column(String(255))
    DefaultLocation: Mapped[str | None] = mapped_column(String(255))
    DefaultUptime: Mapped[str | None] = mapped_column(String(255))
    DefaultAddressIP: Mapped[str | None] = mapped_column(String(255))
    DefaultGateway: Mapped[str | None] = mapped_column(String(255))


class SnmpLabel(Base):
    """Labels (columns) an SNMP type can fill."""

    __tablename__ = "snmp_labels"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    LABEL_NAME: Mapped[str] = mapped_column(String(255))


class SnmpMib(Base):
    """Uploaded MIB files."""

    __tablename__ = "snmp_mibs"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    VENDOR: Mapped[str | None] = mapped_column(String(255))
    URL: Mapped[str | None] = mapped_column(String(255))
    CHECKSUM: Mapped[str | None] = mapped_column(String(255))
    VERSION: Mapped[str | None] = mapped_column(String(5))
    PARSER: Mapped[str | None] = mapped_column(String(5))


class SnmpType(Base):
    """SNMP device types; each has its own inventory table TABLE_TYPE_NAME."""

    __tablename__ = "snmp_types"
    __table_args__ = table_args()

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    TYPE_NAME: Mapped[str] = mapped_column(String(255))
    TABLE_TYPE_NAME: Mapped[str] = mapped_column(String(255))


class SnmpTypeCondition(Base):
    """OID tests that decide a device's SNMP type."""

    __tablename__ = "snmp_types_conditions"
    __table_args__ = table_args(added=7054)

    ID: Mapped[int] = mapped_column(Integer, primary_key=True)
    TYPE_ID: Mapped[int] = mapped_column(Integer)
    CONDITION_OID: Mapped[str] = mapped_column(String(255))
    CONDITION_VALUE: Mapped[str | None] = mapped_column(String(255))
