"""Which agents may talk to us: the User-Agent check at PROLOG (PROTOCOL 1.2), as a policy.

Only PROLOG is checked, as the reference does. The reference cuts an agent's version to one
``digit.digit`` pair and compares it with its own as a decimal number, so it takes ``2.9``
for newer than ``2.12`` and turns away Windows and Unix agents 2.2 to 2.9.x. Here a version
is a tuple of integers (``2.9.2.0`` is ``(2, 9, 2)``, ``2.12`` is ``(2, 12)``), and the
built-in rules (``BUILTIN_POLICY``) accept every released agent that speaks this protocol:
OCS Unix (Linux, BSD, Solaris, AIX and macOS, which runs the same unified agent), Windows
2.x, the old ``OCS-NG_windows_client`` builds 4032 to 4062 (the reference's range), Windows
Mobile, iOS and Android, and FusionInventory-Agent 2.x, whose OCS-format inventories are
stored like any other. Browsers, curl, an empty header, ``Invalid_agent`` and anything else
get HTTP 400.

Major version 3 and later are refused: the reference refuses an agent newer than itself
("agent version too recent"), this server implements the 2.x protocol, and a next major
version may send what we cannot store. One ``allow`` line lets such agents in.

An administrator narrows or widens the list with a policy file, ``serve --useragents FILE``,
rather than with a row of our own in ``config``: the reference's extension point is a file
too (``OCS_OPT_EXT_USERAGENTS_FILE_PATH``, kept as ``--extra-useragents``); which agents one
server answers is a property of that server, not of a database that an OCS server may share
(which would ignore the row); and ``serve`` reads the file before it starts, so a typo stops
it with the line number instead of turning agents away later. One rule a line; ``#`` starts
a comment, except in a regex rule, whose regex is the rest of the line. The first rule that
matches decides; a User-Agent no rule matches goes on to the ``--extra-useragents`` regexes
(each allowing what it matches), then to the built-in rules, then is refused::

    allow GLPI-Agent >=1 <2          # a name (the part before "_v") and version bounds
    deny  OCS-NG_WINDOWS_AGENT <2.9  # narrow: no Windows agent before 2.9
    deny  FusionInventory-Agent
    # a regex searched in the whole User-Agent:
    allow-regex ^MyInventory/[0-9]
    deny  *                          # anything else: only the rules above
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

Version = tuple[int, ...]
Bound = tuple[Callable[[Version, Version], bool], Version]

BUILTIN_POLICY = """\
allow OCS-NG_unified_unix_agent >=1 <3
allow OCS-NG_WINDOWS_AGENT >=2 <3
allow OCS-NG_windows_client >=4032 <=4062
allow OCS-NG_windows_mobile_agent >=1 <3
allow OCS-NG_iOS_agent >=1 <3
allow OCS-NG_Android_agent >=1 <3
allow FusionInventory-Agent >=2 <3
"""
"""The agents accepted when no administrator's rule decides, in the policy file's syntax."""

# Numbers of at most 9 digits (no agent has more, and int() refuses thousands of digits), then
# an optional suffix that starts with a separator or a letter: 2.1beta1, 2.5.2-1.fc31.
_VERSION = re.compile(r"(\d{1,9}(?:\.\d{1,9})*)(?:(?:[-+~]|\.?[A-Za-z])[0-9A-Za-z.+~-]*)?")
_BOUND = re.compile(r"(>=|<=|==|<|>)(\d{1,9}(?:\.\d{1,9})*)")
_OPERATORS: dict[str, Callable[[Version, Version], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}
_UNSAFE = re.compile(r"[<>\"';]")


class PolicyError(ValueError):
    """A policy or extra User-Agents file that cannot be used; says which line and why."""


def sanitize(useragent: str | None) -> str:
    """The reference replaces a header holding ``< > " ' ;`` with ``Invalid_agent``."""
    if not useragent:
        return ""
    return "Invalid_agent" if _UNSAFE.search(useragent) else useragent


def parse_version(text: str) -> Version | None:
    """``2.9.2.0`` -> ``(2, 9, 2)``: the numbers, trailing zeros dropped so that ``2.9`` and
    ``2.9.0`` are equal; a suffix (``beta1``, ``-1.fc31``) is ignored. None if not a version."""
    match = _VERSION.fullmatch(text)
    return None if match is None else _numbers(match.group(1))


def _numbers(text: str) -> Version:
    parts = [int(part) for part in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def split_agent(useragent: str) -> tuple[str, str] | None:
    """``NAME_vVERSION`` -> ``(NAME, VERSION)``, cut at the last ``_v`` as the reference does."""
    name, found, version = useragent.rpartition("_v")
    if not found or not name:
        return None
    return name, version


class Rule(NamedTuple):
    """One line of a policy: allow or deny a name (with version bounds), any agent, or a
    regex; ``origin`` and ``text`` say where it was written, for the log."""

    allow: bool
    text: str
    origin: str
    name: str | None = None
    """The agent name; None for ``*`` or a regex rule."""
    bounds: tuple[Bound, ...] = ()
    pattern: re.Pattern[str] | None = None

    def matches(self, useragent: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(useragent) is not None
        if self.name is None and not self.bounds:
            return True
        agent = split_agent(useragent)
        if agent is None or (self.name is not None and self.name != agent[0]):
            return False
        if not self.bounds:
            return True
        version = parse_version(agent[1])
        return version is not None and all(test(version, limit) for test, limit in self.bounds)


class Verdict(NamedTuple):
    accepted: bool
    reason: str
    """Which rule decided, or why none did: for the log line of a refusal."""


class UserAgentPolicy:
    """The administrator's rules, then the built-in ones; the first that matches decides."""

    def __init__(self, rules: Sequence[Rule] = ()) -> None:
        self.rules = (*rules, *BUILTIN_RULES)

    def check(self, useragent: str) -> Verdict:
        for rule in self.rules:
            if rule.matches(useragent):
                verb = "allowed" if rule.allow else "denied"
                return Verdict(rule.allow, f"{verb} by {rule.origin}: {rule.text!r}")
        agent = split_agent(useragent)
        if agent is not None:
            known = [
                f"{rule.origin}: {rule.text!r}" for rule in self.rules if rule.name == agent[0]
            ]
            if known:
                listed = "; ".join(known)
                return Verdict(False, f"version {agent[1]!r} is not one the rules allow ({listed})")
        return Verdict(False, "not an agent any rule allows (see serve --useragents)")

    def accepts(self, useragent: str) -> bool:
        return self.check(useragent).accepted


def parse_rule(line: str, origin: str) -> Rule:
    """One policy line (stripped, not a comment) -> its ``Rule``; ``PolicyError`` if bad."""
    action, rest = [*line.split(maxsplit=1), ""][:2]
    if action in ("allow-regex", "deny-regex"):
        return Rule(action == "allow-regex", line, origin, pattern=_regex(rest, origin))
    if action not in ("allow", "deny"):
        raise PolicyError(
            f"{origin}: {action!r} is not a rule; a rule starts with allow, deny, allow-regex "
            "or deny-regex"
        )
    words = rest.partition("#")[0].split()
    if not words:
        raise PolicyError(f"{origin}: {action} needs an agent name (the part before _v) or *")
    name = None if words[0] == "*" else words[0]
    return Rule(action == "allow", line, origin, name, tuple(_bound(w, origin) for w in words[1:]))


def _regex(text: str, origin: str) -> re.Pattern[str]:
    if not text:
        raise PolicyError(f"{origin}: a regex rule needs a regular expression")
    try:
        return re.compile(text)
    except re.error as exc:
        raise PolicyError(f"{origin}: {text!r} is not a valid regular expression ({exc})") from None


def _bound(word: str, origin: str) -> Bound:
    match = _BOUND.fullmatch(word)
    if match is None:
        raise PolicyError(
            f"{origin}: {word!r} is not a version bound such as >=2.9, <3 or ==2.11.0.1"
        )
    return _OPERATORS[match.group(1)], _numbers(match.group(2))


def parse_policy(text: str, source: str) -> list[Rule]:
    """The rules of a policy file's ``text``; ``source`` names it in errors and the log."""
    return [parse_rule(line, f"{source} line {number}") for number, line in _lines(text)]


def _lines(text: str) -> list[tuple[int, str]]:
    """The numbered lines that hold a rule: stripped, without blanks and ``#`` comments."""
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


BUILTIN_RULES: tuple[Rule, ...] = tuple(parse_policy(BUILTIN_POLICY, "built-in policy"))


def _read(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read the {what} {path}: {exc}") from None


def load_policy(policy_file: str | None = None, extra_file: str | None = None) -> UserAgentPolicy:
    """The policy of ``serve --useragents`` then ``--extra-useragents`` (one regex a line,
    each allowing what it matches, as the reference's EXT_USERAGENTS_FILE), then built-ins.

    Raises ``PolicyError`` naming the file and line of the first unusable rule.
    """
    rules = []
    if policy_file:
        rules = parse_policy(_read(policy_file, "User-Agent policy"), policy_file)
    if extra_file:
        for number, line in _lines(_read(extra_file, "extra User-Agents file")):
            origin = f"{extra_file} line {number} (--extra-useragents)"
            rules.append(Rule(True, line, origin, pattern=_regex(line, origin)))
    return UserAgentPolicy(rules)
