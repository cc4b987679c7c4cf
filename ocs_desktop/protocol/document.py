"""The typed inventory: what an INVENTORY request's CONTENT says about one machine.

This is the boundary between XML and the rest of the program: ingestion reads plain dicts
and lists from ``Inventory`` and never touches lxml. Values are normalised the way the Perl
server compares them (``''``, ``??``, ``N/A`` and ``NA`` mean "no value"), and every
multi-row section is a list even when the agent sent a single row, which the Perl server
itself gets wrong for SOFTWARES.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from lxml import etree

from .errors import EnvelopeError
from .limits import DEFAULT_LIMITS, Limits
from .request import AgentRequest, parse_request

Row = dict[str, str | None]

#: Bytes of an element key: collisions among one machine's elements are not a concern.
ELEMENT_KEY_BYTES = 8

EMPTY_VALUES = frozenset({"", "??", "N/A", "NA"})
"""Values the Perl server treats as empty (after stripping surrounding whitespace)."""

# Sections read into their own attributes rather than into ``Inventory.sections``.
_SPECIAL = frozenset({"HARDWARE", "ACCOUNTINFO", "DOWNLOAD", "IPDISCOVER", "OLD_DEVICEID"})


class Sections(Mapping[str, list[Row]]):
    """CONTENT's ordinary sections, each read into rows the first time it is asked for.

    A re-inventory skips its unchanged sections by digest (see ``ingest``), and building the
    rows of 900 software packages it will not use would be most of the parse's cost. The
    tree is parsed and checked against the limits in full either way; only the reading of
    values into dicts waits. :meth:`digest` tells sections apart without reading them, and
    :meth:`element_keys` tells their elements apart, for the software row map.
    """

    __slots__ = ("_elements", "_keys", "_rows")

    def __init__(self, elements: dict[str, list[etree._Element]] | None = None) -> None:
        self._elements = elements or {}
        self._rows: dict[str, list[Row]] = {}
        self._keys: dict[str, list[str]] = {}

    def __getitem__(self, tag: str) -> list[Row]:
        rows = self._rows.get(tag)
        if rows is None:
            elements = self._elements.get(tag)
            if elements is None:
                raise KeyError(tag)
            rows = [row for element in elements if (row := _leaf_row(element))]
            self._rows[tag] = rows
        if not rows:
            raise KeyError(tag)
        return rows

    def __iter__(self) -> Iterator[str]:
        return (tag for tag in list(self._elements) if tag in self)

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and bool(self.get(tag))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"Sections({dict(self)!r})"

    def sent(self, tag: str) -> int:
        """How many elements of this section were sent, without reading them into rows."""
        return len(self._elements.get(tag, ()))

    def element_keys(self, tag: str) -> list[str]:
        """A short digest of each element as sent, in order: equal keys, equal rows."""
        keys = self._keys.get(tag)
        if keys is None:
            tostring, blake2b = etree.tostring, hashlib.blake2b
            keys = [
                blake2b(
                    tostring(element, with_tail=False), digest_size=ELEMENT_KEY_BYTES
                ).hexdigest()
                for element in self._elements.get(tag, ())
            ]
            self._keys[tag] = keys
        return keys

    def element_values(
        self, tag: str, fields: Sequence[str], indexes: Iterable[int] | None = None
    ) -> list[list[str | None] | None]:
        """Each chosen element's (all by default) values of ``fields``, in that order, as
        its row would give them (``row.get(field)``); None for an element that gives no row.
        Aligned with :meth:`element_keys`, unlike the mapping's lists.

        Software reads 900 elements a machine this way: no row dict is built and only the
        values asked for are normalised.
        """
        elements = self._elements.get(tag, [])
        chosen = elements if indexes is None else [elements[index] for index in indexes]
        return _leaf_values(chosen, fields)

    def digest(self, tag: str) -> str:
        """A digest of the section's elements as sent: equal digests, equal rows."""
        return keys_digest(self.element_keys(tag))


def keys_digest(keys: Iterable[str]) -> str:
    """A section's digest from its element keys (no keys: a section without elements)."""
    return hashlib.blake2b("".join(keys).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Inventory:
    """One machine's inventory as sent by an agent or read from an ``.ocs`` file.

    ``sections`` maps each other CONTENT section name (upper case, e.g. ``SOFTWARES``) to its
    rows, in document order; a section is listed only if it has at least one row, so an empty
    element such as the Unix agent's ``<BIOS>\\n</BIOS>`` gives no row and no key (use
    ``present_sections`` to know that it was sent). Attributes and child elements are treated
    alike; a repeated field in one row keeps its last value. Elements that contain nested
    elements (other than leaves) are left out of ``sections``.
    """

    deviceid: str
    hardware: Row
    sections: Sections = field(default_factory=Sections)
    accountinfo: list[tuple[str, str | None]] = field(default_factory=list)
    """ACCOUNTINFO KEYNAME/KEYVALUE pairs in order. KEYVALUE is only stripped (``''`` gives
    None): ``NA`` is kept because it is the OCS default TAG, not an empty value."""
    download_history: list[str] = field(default_factory=list)
    """Package ids (FILEIDs) from DOWNLOAD/HISTORY/PACKAGE, in order, without duplicates."""
    old_deviceid: str | None = None
    ipdiscover: list[Row] = field(default_factory=list)
    """IPDISCOVER/H entries; each has the keys I, M and N (None when missing)."""
    checksum: int | None = None
    """HARDWARE/CHECKSUM as an integer, None when absent or not a non-negative integer."""
    present_sections: frozenset[str] = frozenset()
    """Every CONTENT child tag seen, even empty ones such as ``<BIOS></BIOS>``."""


def parse_inventory(body: bytes, limits: Limits = DEFAULT_LIMITS) -> Inventory:
    """Decode, parse and check an INVENTORY request body or an offline ``.ocs`` file.

    Raises the ``InventoryError`` subclass of whichever layer refused the body.
    """
    return inventory_from_request(parse_request(body, limits))


def inventory_from_request(req: AgentRequest) -> Inventory:
    """Read the CONTENT of an INVENTORY request into an ``Inventory``.

    Raises ``EnvelopeError`` when QUERY is not INVENTORY, or CONTENT or HARDWARE is missing.
    """
    if req.query != "INVENTORY":
        raise EnvelopeError(
            f"QUERY is {req.query!r}; an inventory needs QUERY INVENTORY",
            code="envelope.not_inventory",
        )
    if req.content is None:
        raise EnvelopeError("the inventory has no CONTENT element", code="envelope.content_missing")
    hardware: Row | None = None
    elements: dict[str, list[etree._Element]] = {}
    accountinfo: list[tuple[str, str | None]] = []
    history: list[str] = []
    ipdiscover: list[Row] = []
    old_deviceid: str | None = None
    buggy_old_deviceid: str | None = None
    present: set[str] = set()
    for section in req.content[:]:
        tag = section.tag
        present.add(tag)
        if tag not in _SPECIAL:
            if tag in elements:
                elements[tag].append(section)
            else:
                elements[tag] = [section]
        elif tag == "HARDWARE":
            if hardware is None:
                hardware = _leaf_row(section, skip_nested=True) or {}
        elif tag == "ACCOUNTINFO":
            pair = _account_pair(section)
            if pair is not None:
                accountinfo.append(pair)
        elif tag == "DOWNLOAD":
            misplaced = _read_download(section, history)
            if buggy_old_deviceid is None:
                buggy_old_deviceid = misplaced
        elif tag == "IPDISCOVER":
            ipdiscover.extend(_read_ipdiscover(section))
        elif tag == "OLD_DEVICEID" and old_deviceid is None and len(section) == 0:
            old_deviceid = _clean(section.text)
    if hardware is None:
        raise EnvelopeError(
            "the inventory has no HARDWARE section", code="envelope.hardware_missing"
        )
    return Inventory(
        deviceid=req.deviceid,
        hardware=hardware,
        sections=Sections(elements),
        accountinfo=accountinfo,
        download_history=list(dict.fromkeys(history)),
        old_deviceid=old_deviceid or buggy_old_deviceid,
        ipdiscover=ipdiscover,
        checksum=_checksum(hardware.get("CHECKSUM")),
        present_sections=frozenset(present),
    )


def _clean(value: str | None) -> str | None:
    """Strip surrounding whitespace; the Perl server's empty values become None."""
    if value is None:
        return None
    value = value.strip()
    return None if value in EMPTY_VALUES else value


def _leaf_row(element: etree._Element, skip_nested: bool = False) -> Row | None:
    """Attributes and leaf children of ``element`` as a row.

    A child that has children of its own makes the result None, or is ignored with
    ``skip_nested``.

    This is the hot loop (some 8,000 field elements in a Linux inventory with 900 packages),
    so the normalisation is inlined rather than calling ``_clean``.
    """
    row: Row = {}
    if element.attrib:
        row.update((k, _clean(v)) for k, v in element.attrib.items())
    empty = EMPTY_VALUES
    for child in element[:]:  # slicing builds the proxies in one C loop: ~20% faster
        if len(child):
            if skip_nested:
                continue
            return None
        text = child.text
        if text is not None:
            text = text.strip()
            if text in empty:
                text = None
        row[child.tag] = text
    return row


def _leaf_values(
    elements: Iterable[etree._Element], fields: Sequence[str]
) -> list[list[str | None] | None]:
    """``[row.get(name) for name in fields]`` for each element's ``_leaf_row``, or None
    where that row is None or empty; the same loop as ``_leaf_row``, inlined for the lot.
    Raises ValueError when ``fields`` repeats a name."""
    positions = {name: index for index, name in enumerate(fields)}
    if len(positions) != len(fields):
        raise ValueError(f"repeated field names in {fields!r}")
    position = positions.get
    blank: list[str | None] = [None] * len(fields)
    empty = EMPTY_VALUES
    result: list[list[str | None] | None] = []
    append = result.append
    for element in elements:
        values = blank[:]
        gives_row = False  # any field at all, known or not: an empty row is no row
        attributes = element.attrib
        if attributes:
            gives_row = True
            for key, raw in attributes.items():
                index = position(key)
                if index is not None:
                    values[index] = _clean(raw)
        for child in element[:]:
            if len(child):  # a nested child: no row
                gives_row = False
                break
            gives_row = True
            index = position(child.tag)
            if index is not None:
                text = child.text
                if text is not None:
                    text = text.strip()
                    if text in empty:
                        text = None
                values[index] = text
        append(values if gives_row else None)
    return result


def _account_pair(element: etree._Element) -> tuple[str, str | None] | None:
    row = _leaf_row(element) or {}
    name = row.get("KEYNAME")
    if not name:  # None covers '', '??', 'N/A' and 'NA': none is a column name
        return None
    raw = element.findtext("KEYVALUE")
    if raw is None:
        raw = element.get("KEYVALUE")
    value = raw.strip() if raw is not None else None
    return name, value or None


def _read_download(element: etree._Element, history: list[str]) -> str | None:
    """Append DOWNLOAD/HISTORY/PACKAGE ids to ``history``; return a misplaced OLD_DEVICEID.

    A Windows agent bug puts OLD_DEVICEID inside DOWNLOAD/HISTORY; the Perl server reads it
    there as a fallback, and so do we.
    """
    old_deviceid: str | None = None
    for hist in element:
        if hist.tag != "HISTORY":
            continue
        for item in hist:
            if item.tag == "PACKAGE":
                pkg_id = item.get("ID")
                if pkg_id is None:
                    pkg_id = item.findtext("ID")
                pkg_id = _clean(pkg_id)
                if pkg_id is not None:
                    history.append(pkg_id)
            elif item.tag == "OLD_DEVICEID" and old_deviceid is None:
                old_deviceid = _clean(item.text)
    return old_deviceid


def _read_ipdiscover(element: etree._Element) -> list[Row]:
    entries: list[Row] = []
    blank: Row = {"I": None, "M": None, "N": None}
    for host in element:
        if host.tag == "H":
            row = _leaf_row(host)
            if row is not None:
                entries.append(blank | row)
    return entries


def _checksum(value: str | None) -> int | None:
    if value is None or not value.isascii() or not value.isdigit():
        return None
    return int(value)
