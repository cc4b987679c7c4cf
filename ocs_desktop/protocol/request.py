"""The OCS request envelope: ``<REQUEST>`` with DEVICEID, QUERY and CONTENT.

The Perl server reads requests with XML::Simple, for which an attribute and a child element
are the same thing, and agents rely on it: the Unix agent sends a DOWNLOAD result entirely as
attributes of REQUEST, the Windows agent as a mix. ``AgentRequest.fields`` therefore merges
both forms so that handlers never need to care which one a given agent used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .errors import EnvelopeError
from .limits import DEFAULT_LIMITS, Limits
from .payload import Compression, decode_body
from .xmlparse import parse_xml

DEVICEID_RE = re.compile(r"^.+-\d{4}(?:-\d{2}){5}$", re.ASCII)
"""The server's DEVICEID check: ``<hostname>-YYYY-MM-DD-HH-MM-SS``."""

MAX_DEVICEID_CHARS = 255
"""Width of ``hardware.DEVICEID``; a longer id could never be stored."""


@dataclass(frozen=True, slots=True)
class AgentRequest:
    """One parsed agent request, whatever its QUERY.

    ``fields`` holds REQUEST's attributes and its leaf child elements (not CONTENT), stripped
    of surrounding whitespace; when both forms give the same name the child element wins.
    ``content`` is the CONTENT element, if any, for the handler of ``query`` to read.
    """

    deviceid: str
    query: str
    fields: dict[str, str] = field(default_factory=dict)
    content: etree._Element | None = None
    compression: Compression = Compression.ZLIB


def parse_request(
    body: bytes, limits: Limits = DEFAULT_LIMITS, *, require_deviceid: bool = True
) -> AgentRequest:
    """Decode, parse and check a request body (zlib, gzip or plain XML).

    Raises ``PayloadError``, ``EncodingError`` or ``XmlError`` from the lower layers, and
    ``EnvelopeError`` when the root is not REQUEST, QUERY is missing, or DEVICEID is missing
    or malformed. The DEVICEID check is skipped for QUERY=UPDATE, as the Perl server does, or
    entirely with ``require_deviceid=False`` (the id is then ``""`` when absent).
    """
    decoded = decode_body(body, limits)
    return request_from_root(parse_xml(decoded.xml, limits), decoded.compression, require_deviceid)


def request_from_root(
    root: etree._Element, compression: Compression, require_deviceid: bool = True
) -> AgentRequest:
    """Build an ``AgentRequest`` from an already parsed document (see ``parse_request``)."""
    if root.tag != "REQUEST":
        raise EnvelopeError(
            f"the root element is <{root.tag}>; an OCS request must have <REQUEST> as its root",
            code="envelope.root",
        )
    fields = {k: v.strip() for k, v in root.attrib.items()}
    content = None
    for child in root:
        if child.tag == "CONTENT":
            if content is None:
                content = child
        elif len(child) == 0:
            fields[child.tag] = (child.text or "").strip()
    query = fields.get("QUERY", "").upper()
    if not query:
        raise EnvelopeError(
            "the request has no QUERY (expected PROLOG, INVENTORY, DOWNLOAD...)",
            code="envelope.query_missing",
        )
    deviceid = fields.get("DEVICEID") or _content_deviceid(content)
    if require_deviceid and query != "UPDATE":
        _check_deviceid(deviceid)
    return AgentRequest(deviceid, query, fields, content, compression)


def _content_deviceid(content: etree._Element | None) -> str:
    """The fallback location REQUEST/CONTENT/DEVICEID, element or attribute."""
    if content is None:
        return ""
    found = content.find("DEVICEID")
    if found is not None and len(found) == 0:
        return (found.text or "").strip()
    return (content.get("DEVICEID") or "").strip()


def _check_deviceid(deviceid: str) -> None:
    if not deviceid:
        raise EnvelopeError(
            "the request has no DEVICEID (looked in REQUEST and REQUEST/CONTENT)",
            code="envelope.deviceid_missing",
        )
    if len(deviceid) > MAX_DEVICEID_CHARS or not DEVICEID_RE.match(deviceid):
        shown = deviceid if len(deviceid) <= 80 else deviceid[:80] + "..."
        raise EnvelopeError(
            f"DEVICEID {shown!r} is malformed; expected <hostname>-YYYY-MM-DD-HH-MM-SS "
            f"of at most {MAX_DEVICEID_CHARS} characters",
            code="envelope.deviceid_invalid",
        )
