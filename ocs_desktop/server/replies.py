"""The ``REPLY`` documents the server sends, encoded the way the request was (PROTOCOL 1.1).

Agents inflate every reply with zlib; a client that posted gzip or plain XML (the Perl
server's ``COMPRESS_TRY_OTHERS``) gets its answer in the same form. Agents look children up
by name, so the order of elements is free.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Mapping

from lxml import etree
from starlette.responses import Response

from ocs_desktop.protocol import Compression

CONTENT_TYPE = "application/x-compressed"


class Reply:
    """A ``<REPLY>`` being built: text children and ``OPTION`` blocks."""

    def __init__(self) -> None:
        self.root = etree.Element("REPLY")

    def text(self, tag: str, value: object) -> etree._Element:
        element = etree.SubElement(self.root, tag)
        element.text = str(value)
        return element

    def option(self, name: str, params: Iterable[tuple[Mapping[str, object], str | None]]) -> None:
        """One ``<OPTION><NAME>name</NAME><PARAM attr=.../>...</OPTION>`` block."""
        option = etree.SubElement(self.root, "OPTION")
        etree.SubElement(option, "NAME").text = name
        for attributes, content in params:
            param = etree.SubElement(
                option, "PARAM", {k: "" if v is None else str(v) for k, v in attributes.items()}
            )
            if content is not None:
                param.text = content

    def account_info(self, pairs: Iterable[tuple[str, str]]) -> None:
        for key, value in pairs:
            info = etree.SubElement(self.root, "ACCOUNTINFO")
            etree.SubElement(info, "KEYNAME").text = key
            etree.SubElement(info, "KEYVALUE").text = value

    def to_xml(self) -> bytes:
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def encode(xml: bytes, compression: Compression) -> bytes:
    """Compress ``xml`` like the request was: zlib (agents), gzip, or not at all."""
    if compression is Compression.GZIP:
        return gzip.compress(xml)
    if compression is Compression.PLAIN:
        return xml
    return zlib.compress(xml)


def reply_response(reply: Reply, compression: Compression) -> Response:
    """The HTTP answer agents expect: compressed body, x-compressed type, no caching."""
    return Response(
        encode(reply.to_xml(), compression),
        headers={"Cache-control": "no-cache", "Content-Type": CONTENT_TYPE},
    )


def empty_response(status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """An answer with no body (DOWNLOAD results, NOTIFY, refusals)."""
    return Response(b"", status_code=status, headers=dict(headers or {}))
