"""Errors raised while reading an agent request, one class per layer that can fail.

The communication server maps each class to an HTTP status and logs ``code``; the offline
importer shows ``str(error)`` to a person, so every message says what was wrong and where.
"""

from __future__ import annotations


class InventoryError(Exception):
    """Base class: an agent request or inventory file that cannot be accepted.

    ``code`` is a short, stable identifier such as ``"payload.too_large"``, meant for logs and
    metrics. Each subclass has a generic code; the raising site may pass a more precise one.
    """

    code: str = "inventory"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        """The human-readable message (the same text as ``str(error)``)."""
        return str(self.args[0]) if self.args else ""


class PayloadError(InventoryError):
    """The HTTP body or file is unusable before any XML parsing: size, compression, format.

    Codes: ``payload.empty``, ``payload.too_large``, ``payload.bomb``, ``payload.truncated``,
    ``payload.corrupt``, ``payload.not_xml``.
    """

    code = "payload"


class XmlError(InventoryError):
    """The document is not acceptable XML, or it is hostile or oversized.

    Codes: ``xml.malformed``, ``xml.doctype``, ``xml.too_many_elements``,
    ``xml.value_too_long``, ``xml.too_deep``.
    """

    code = "xml"


class EncodingError(InventoryError):
    """The declared character encoding is unknown, or the bytes do not match it.

    Codes: ``encoding.unknown``, ``encoding.invalid_bytes``.
    """

    code = "encoding"


class EnvelopeError(InventoryError):
    """The XML is fine but is not a usable OCS ``REQUEST`` (root, DEVICEID, QUERY, CONTENT).

    Codes: ``envelope.root``, ``envelope.deviceid_missing``, ``envelope.deviceid_invalid``,
    ``envelope.query_missing``, ``envelope.not_inventory``, ``envelope.content_missing``,
    ``envelope.hardware_missing``.
    """

    code = "envelope"
