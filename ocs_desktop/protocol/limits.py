"""Size limits applied to every agent request, so one hostile body cannot exhaust the server."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds checked while decoding and parsing a request.

    The defaults are far above what real agents send (a large Windows inventory is a few MB
    of XML) and low enough that a worker survives a zlib bomb or a million-element document.
    """

    max_compressed_bytes: int = 32 * MIB
    """Largest body accepted as received (compressed or not)."""
    max_decompressed_bytes: int = 128 * MIB
    """Largest XML document after decompression; a larger output is treated as a bomb."""
    max_elements: int = 2_000_000
    """Most elements allowed in one document."""
    max_value_chars: int = 1 * MIB
    """Longest single text node or attribute value, in characters. libxml2 (run without
    huge_tree) refuses values over 10,000,000 bytes whatever this says."""
    max_depth: int = 32
    """Deepest element nesting allowed; the root element is depth 1 (libxml2 stops at 256)."""


DEFAULT_LIMITS = Limits()
