"""Helpers shared by the communication server tests: requests, replies, captures, rows."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from sqlalchemy import Engine, insert, update
from starlette.testclient import TestClient

from ocs_desktop.models import Base
from ocs_desktop.server.app import create_app
from ocs_desktop.server.settings import ServerSettings
from tests.support.builders import DATA

CAPTURES = DATA / "http-capture"
UNIX_UA = "OCS-NG_unified_unix_agent_v2.10.0"
DEVICEID = "pc042-2024-03-01-09-15-02"


@contextmanager
def client_for(engine: Engine, **settings: object) -> Iterator[TestClient]:
    """A TestClient on a server bound to ``engine`` (config re-read on every request)."""
    url = engine.url.render_as_string(hide_password=False)
    options: dict[str, object] = {"config_ttl_s": 0.0, **settings}
    app = create_app(ServerSettings(db_url=url, **options), engine=engine)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client


def prolog_xml(deviceid: str = DEVICEID) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST>\n'
        f"  <DEVICEID>{deviceid}</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n"
    ).encode()


def post(client: TestClient, xml: bytes, *, ua: str = UNIX_UA, raw: bool = False):
    """POST like the Unix agent: zlib body (unless ``raw``), its headers."""
    body = xml if raw else zlib.compress(xml)
    return client.post(
        "/ocsinventory",
        content=body,
        headers={
            "User-Agent": ua,
            "Content-Type": "application/x-compress",
            "Pragma": "no-cache",
        },
    )


def reply_root(response) -> etree._Element:
    assert response.status_code == 200, response.status_code
    assert response.headers["content-type"] == "application/x-compressed"
    assert response.headers["cache-control"] == "no-cache"
    return etree.fromstring(zlib.decompress(response.content))


def shape(element: etree._Element) -> object:
    """An order-free description of a reply element (agents look children up by name)."""
    children = sorted((shape(child) for child in element), key=repr)
    text = (element.text or "").strip()
    return (element.tag, tuple(sorted(element.attrib.items())), text, tuple(children))


def captured_reply(name: str) -> etree._Element:
    """The decompressed REPLY of a wire capture in tests/data/http-capture."""
    text = (CAPTURES / name).read_text()
    reply = text[text.index("<<< HTTP/1.1") :]
    xml = reply[reply.index("<?xml") :]
    end = xml.index("</REPLY>") + len("</REPLY>")
    return etree.fromstring(xml[:end].encode())


def options(root: etree._Element) -> dict[str, list[etree._Element]]:
    return {opt.findtext("NAME"): opt.findall("PARAM") for opt in root.findall("OPTION")}


def set_config(engine: Engine, name: str, ivalue: int | None = None, tvalue: str | None = None):
    config = Base.metadata.tables["config"]
    with engine.begin() as conn:
        changed = conn.execute(
            update(config).where(config.c.NAME == name).values(IVALUE=ivalue, TVALUE=tvalue)
        ).rowcount
        if not changed:
            conn.execute(insert(config).values(NAME=name, IVALUE=ivalue, TVALUE=tvalue))


def add_rows(engine: Engine, table: str, *rows: dict[str, object]) -> list[int]:
    """Insert rows, returning their primary keys."""
    t = Base.metadata.tables[table]
    keys = []
    with engine.begin() as conn:
        for row in rows:
            result = conn.execute(insert(t).values(**row))
            keys.append(result.inserted_primary_key[0] if result.inserted_primary_key else None)
    return keys


def capture_request_headers(name: str) -> dict[str, str]:
    text = (CAPTURES / name).read_text()
    return dict(re.findall(r"^>>> ([A-Za-z-]+): (.*)$", text, re.M))
