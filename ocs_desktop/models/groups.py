"""Static and dynamic machine groups."""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from ocs_desktop.models.base import Base, LongText, table_args


class Group(Base):
    """Group definition; the group itself is a ``hardware`` row with the same ID."""

    __tablename__ = "groups"
    __table_args__ = table_args()

    HARDWARE_ID: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, server_default="0"
    )
    REQUEST: Mapped[str | None] = mapped_column(LongText)
    CREATE_TIME: Mapped[int | None] = mapped_column(Integer, server_default="0")
    REVALIDATE_FROM: Mapped[int | None] = mapped_column(Integer, server_default="0")
    XMLDEF: Mapped[str | None] = mapped_column(LongText)


class GroupCache(Base):
    """Group membership; STATIC 0 = dynamic member, 1 = static include, 2 = static exclude."""

    __tablename__ = "groups_cache"
    __table_args__ = table_args()

    HARDWARE_ID: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, server_default="0"
    )
    GROUP_ID: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, server_default="0"
    )
    STATIC: Mapped[int | None] = mapped_column(Integer, server_default="0")
