"""A search as OCS's ``groups.XMLDEF``: literal SQL an OCS server runs, plus our JSON.

Dynamic groups made here must keep working under a real OCS server, which recomputes
them from the SQL in XMLDEF's REQUEST elements; this console reopens them from the
Search JSON stored beside it, in an element OCS ignores.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, literal_column, select
from sqlalchemy.dialects import mysql, sqlite
from sqlalchemy.engine import Dialect

from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.fleet.search import Search
from ocs_desktop.models import Hardware

#: Element of XMLDEF holding our Search JSON. OCS ignores it: the server's XML::Simple
#: parse only reads the REQUEST list, and ocsreports splits the text on ``<REQUEST>`` and
#: drops what comes before the first one, which is where this element sits.
SEARCH_ELEMENT = "OCSDESKTOP_SEARCH"
_SEARCH_RE = re.compile(rf"<{SEARCH_ELEMENT}>([^<]*)</{SEARCH_ELEMENT}>")


def _dialect(name: str) -> Dialect:
    if name in ("mysql", "mariadb"):
        # "named" so '%' is not doubled for a DB-API that will never see this text.
        return mysql.dialect(paramstyle="named")
    if name == "sqlite":
        return sqlite.dialect(paramstyle="named")
    raise ValueError(f"unsupported dialect {name!r}")


def ocs_sql(search: Search, dialect_name: str = "mysql") -> str:
    """The search as one literal ``SELECT DISTINCT ID AS HARDWARE_ID FROM hardware …``.

    The shape is OCS's own: the server keeps the first column, appends
    ``AND ID IN (…)`` between chained requests when the text starts ``select distinct
    ID``, and ocsreports reads the ``HARDWARE_ID`` column. Group pseudo-rows are excluded.
    Values are escaped by SQLAlchemy's literal rendering for ``dialect_name``.
    """
    statement: Select[Any] = (
        select(literal_column("ID").label("HARDWARE_ID"))
        .select_from(Hardware.__table__)
        .distinct()
        .where(machines_only(), search.where())
    )
    compiled = statement.compile(
        dialect=_dialect(dialect_name), compile_kwargs={"literal_binds": True}
    )
    return str(compiled)


def _xml_text(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _json_for_xml(search: Search) -> str:
    # JSON escapes keep the text free of XML markup, so it needs no entities and no
    # OCS parser can mistake part of it for a tag once entities are decoded.
    return search.to_json().replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def ocs_xmldef(search: Search, dialect_name: str = "mysql", *, embed_search: bool = True) -> str:
    """``groups.XMLDEF`` for ``search``: ``<xmldef>[<OCSDESKTOP_SEARCH>json…]<REQUEST>sql…``.

    One REQUEST holding :func:`ocs_sql`, XML-escaped as ocsreports escapes it. With
    ``embed_search`` our JSON goes first, in an element OCS ignores, so this console can
    reopen the definition (:func:`search_from_xmldef`).
    """
    head = f"<{SEARCH_ELEMENT}>{_json_for_xml(search)}</{SEARCH_ELEMENT}>" if embed_search else ""
    return f"<xmldef>{head}<REQUEST>{_xml_text(ocs_sql(search, dialect_name))}</REQUEST></xmldef>"


def search_from_xmldef(xmldef: str | None) -> Search | None:
    """Our Search embedded in an XMLDEF, or None (a group made by OCS's own console)."""
    if not xmldef:
        return None
    match = _SEARCH_RE.search(xmldef)
    if match is None:
        return None
    try:
        return Search.from_json(match.group(1))
    except ValueError:
        return None


def xmldef_requests(xmldef: str) -> list[str]:
    """The SQL texts of an XMLDEF's REQUEST elements, entities decoded (for tests, tools)."""
    entities = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}
    requests = re.findall(r"<REQUEST>(.*?)</REQUEST>", xmldef, flags=re.S)
    return [re.sub(r"&(lt|gt|quot|apos|amp);", lambda m: entities[m.group(0)], r) for r in requests]
