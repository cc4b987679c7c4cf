"""Which agents may talk to us: the reference server's User-Agent check (PROTOCOL 1.2).

Only PROLOG is checked. The version comparison copies a quirk of the reference: the version
is cut to its first ``digit.digit`` pair (``2.12.0`` becomes ``2.1``) and then compared as a
Perl number with the server's own version.
"""

from __future__ import annotations

import re

SERVER_VERSION = "2.12.5"
"""The reference server version whose behaviour we implement."""

_UNVERSIONED = frozenset(
    {
        "OCS-NG_unified_unix_agent",
        "OCS-NG_WINDOWS_AGENT",
        "OCS-NG_windows_mobile_agent",
        "OCS-NG_iOS_agent",
        "OCS-NG_Android_agent",
    }
)
_OLD_WINDOWS = ("OCS-NG_windows_client", 4032.0, 4062.0)
_UA = re.compile(r"^(.*)_v(.*)$", re.DOTALL)
_FIRST_PAIR = re.compile(r"(\d)\.(\d).*", re.DOTALL)
_PERL_NUMBER = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_UNSAFE = re.compile(r"[<>\"';]")


def sanitize(useragent: str | None) -> str:
    """The reference replaces a header holding ``< > " ' ;`` with ``Invalid_agent``."""
    if not useragent:
        return ""
    return "Invalid_agent" if _UNSAFE.search(useragent) else useragent


def perl_number(text: str) -> float:
    """What Perl makes of a string used as a number: its numeric prefix, else 0."""
    match = _PERL_NUMBER.match(text)
    return float(match.group(1)) if match else 0.0


def cut_version(version: str) -> str:
    """The reference's ``s/(\\d)\\.(\\d)(.*)/$1.$2/``: ``2.12.0`` -> ``2.1``."""
    return _FIRST_PAIR.sub(lambda m: f"{m.group(1)}.{m.group(2)}", version, count=1)


def accepted(useragent: str, extra_patterns: tuple[re.Pattern[str], ...] = ()) -> bool:
    """Whether a PROLOG with this User-Agent is answered (else HTTP 400)."""
    for pattern in extra_patterns:
        if pattern.search(useragent):
            return True
    match = _UA.match(useragent)
    if not match:
        return False
    name, version = match.group(1), cut_version(match.group(2))
    number = perl_number(version)
    if name in _UNVERSIONED:
        return number <= perl_number(SERVER_VERSION)
    if name == _OLD_WINDOWS[0]:
        return _OLD_WINDOWS[1] <= number <= _OLD_WINDOWS[2]
    return False


def load_extra_patterns(path: str | None) -> tuple[re.Pattern[str], ...]:
    """Extra accepted User-Agents, one regex a line, ``#`` comments (EXT_USERAGENTS_FILE)."""
    if not path:
        return ()
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle]
    return tuple(re.compile(line) for line in lines if line and not line.startswith("#"))
