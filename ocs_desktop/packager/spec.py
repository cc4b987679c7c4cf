"""What a deployment package is to be: its target, its action and its agent-side options.

One frozen value carries every choice an administrator makes in the wizard or on the
command line, so the builder, the ``info`` writer and the ``download_available`` row all
read the same thing. ``validate()`` is the single place that says what is acceptable.

Fragmentation: give ``fragments`` (a count, cut as OCS cuts: equal parts, the last one
takes the remainder) or ``fragment_size`` (bytes: every fragment has exactly that size but
the last), never both. With neither, the package is one fragment, which is what the OCS
console does since 2.9 unless ``DOWNLOAD_ACTIVATE_FRAG`` is set (the command line
honours that setting: see ``service.build_and_record``).
"""

from __future__ import annotations

import contextlib
import re
from enum import StrEnum
from typing import Final

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.fields import SpecField, declare, declared, fields_of

MIN_PRIORITY: Final = 0
MAX_PRIORITY: Final = 9
DEFAULT_PRIORITY: Final = 5
NAME_MAX: Final = 255  # download_available.NAME is VARCHAR(255)
PROTOCOLS: Final = ("http", "https")

# XML 1.0 cannot carry these at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Commands, paths and file names are single lines for both agents.
_CONTROL = re.compile("[\x00-\x1f\x7f]")


class TargetOs(StrEnum):
    """The operating system a package is for; it decides the archive format."""

    WINDOWS = "windows"
    LINUX = "linux"
    MACOS = "macos"

    @property
    def osname(self) -> str:
        """``download_available.OSNAME``: the upper-cased choice, as the OCS console writes."""
        return self.value.upper()

    @property
    def archive_suffix(self) -> str:
        """``zip`` for Windows (the Windows agent unzips), ``tar.gz`` otherwise."""
        return "zip" if self is TargetOs.WINDOWS else "tar.gz"


class Action(StrEnum):
    """What the agent does once the package is downloaded and checked (info ``ACT``)."""

    STORE = "store"  # extract into PATH
    EXECUTE = "execute"  # run COMMAND in the extracted folder (or alone: command only)
    LAUNCH = "launch"  # run NAME, a file of the package, with its arguments

    @property
    def act(self) -> str:
        """The ``ACT`` attribute value."""
        return self.value.upper()


class SpecError(ValueError):
    """Every reason a :class:`PackageSpec` cannot be built; ``str()`` joins them in English."""

    def __init__(self, problems: tuple[CodedError, ...]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


def _problem(code: str, message: str, **params: object) -> CodedError:
    """One reason, translatable by the console in context ``PackageSpec``."""
    return CodedError("PackageSpec", code, message, **params)


@declared
class PackageSpec:
    """Everything the administrator chose for a package, before it is built.

    ``os``, ``action`` and ``proto`` accept their plain string values too (``"linux"``,
    ``"store"``, ``"HTTPS"``) and are normalised on construction. Each field declares here,
    once, the info attribute it becomes, its ``package build`` option and how it relates to
    the others (see :mod:`~ocs_desktop.packager.fields`); :data:`SPEC_FIELDS` lists them.
    """

    # fmt: off
    name: str = declare(flag="--name", help="package name")
    os: TargetOs = declare(flag="--os")
    action: Action = declare(info="ACT", upper=True, flag="--action")
    command: str = declare(
        default="", info="COMMAND", flag="--command", group="order", action=Action.EXECUTE,
        help="execute: the command to run",
    )
    path: str = declare(  # destination folder on the machine (INSTALL_PATH allowed)
        default="", info="PATH", flag="--path", group="order", action=Action.STORE,
        help="store: the destination folder",
    )
    launch: str = declare(  # the package file to run, with its arguments
        default="", info="NAME", flag="--launch", group="order", action=Action.LAUNCH,
        help="launch: the package file to run",
    )
    priority: int = declare(
        default=DEFAULT_PRIORITY, info="PRI", flag="--priority",
        choices=range(MIN_PRIORITY, MAX_PRIORITY + 1), metavar=f"{MIN_PRIORITY}-{MAX_PRIORITY}",
        help="0 = before everything else, 1 fastest ... 9 slowest (default 5)",
    )
    fragments: int | None = declare(
        default=None, flag="--fragments", group="cut", metavar="K", help="cut into K fragments"
    )
    fragment_size: int | None = declare(  # bytes
        default=None, flag="--fragment-size", group="cut", metavar="MB", mib=True,
        help="cut into fragments of MB MiB",
    )
    proto: str = declare(  # how agents fetch fragments (the info file is always HTTPS)
        default="http", info="PROTO", upper=True, flag="--proto", choices=PROTOCOLS,
        help="protocol agents use for the fragments (default http)",
    )
    notify_user: bool = declare(default=False, info="NOTIFY_USER", implied_by="notify_text")
    notify_text: str = declare(
        default="", info="NOTIFY_TEXT", flag="--notify-text", switch="notify_user",
        help="Windows: message shown before install",
    )
    notify_countdown: int = declare(  # seconds
        default=0, info="NOTIFY_COUNTDOWN", flag="--notify-countdown", switch="notify_user",
        metavar="SECONDS",
    )
    notify_can_abort: bool = declare(
        default=False, info="NOTIFY_CAN_ABORT", flag="--notify-can-abort", switch="notify_user"
    )
    notify_can_delay: bool = declare(
        default=False, info="NOTIFY_CAN_DELAY", flag="--notify-can-delay", switch="notify_user"
    )
    need_done_action: bool = declare(
        default=False, info="NEED_DONE_ACTION", implied_by="done_action_text"
    )
    done_action_text: str = declare(
        default="", info="NEED_DONE_ACTION_TEXT", flag="--done-text", switch="need_done_action",
        help="Windows: message shown after install",
    )
    description: str = declare(
        default="", flag="--description", help="comment shown in the console"
    )
    # fmt: on

    def __post_init__(self) -> None:
        # Normalise what can be; leave the rest for validate() to explain.
        for attr, enum in (("os", TargetOs), ("action", Action)):
            value = getattr(self, attr)
            if isinstance(value, str) and not isinstance(value, enum):
                with contextlib.suppress(ValueError):
                    object.__setattr__(self, attr, enum(value.strip().lower()))
        if isinstance(self.proto, str):
            object.__setattr__(self, "proto", self.proto.strip().lower())

    @property
    def order(self) -> str:
        """The action's argument: PATH for STORE, COMMAND for EXECUTE, NAME for LAUNCH."""
        return str(getattr(self, ORDER_FIELDS[self.action]))

    def validate(self) -> None:
        """Raise :class:`SpecError` saying what is wrong, or return when the spec can be built."""
        problems = self._problems()
        if problems:
            raise SpecError(tuple(problems))

    def _problems(self) -> list[CodedError]:
        problems: list[CodedError] = []
        if not self.name.strip():
            problems.append(
                _problem(
                    "empty-name", QT_TRANSLATE_NOOP("PackageSpec", "the package name is empty")
                )
            )
        elif len(self.name) > NAME_MAX:
            problems.append(
                _problem(
                    "long-name",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec", "the package name is longer than {limit} characters"
                    ),
                    limit=NAME_MAX,
                )
            )
        if not isinstance(self.os, TargetOs):
            problems.append(
                _problem(
                    "unknown-os",
                    QT_TRANSLATE_NOOP("PackageSpec", "unknown target OS {value!r} (use {choices})"),
                    value=self.os,
                    choices=", ".join(o.value for o in TargetOs),
                )
            )
        if not isinstance(self.action, Action):
            problems.append(
                _problem(
                    "unknown-action",
                    QT_TRANSLATE_NOOP("PackageSpec", "unknown action {value!r} (use {choices})"),
                    value=self.action,
                    choices=", ".join(a.value for a in Action),
                )
            )
        else:
            problems += self._action_problems()
        if not _is_int(self.priority) or not MIN_PRIORITY <= self.priority <= MAX_PRIORITY:
            problems.append(
                _problem(
                    "priority",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec",
                        "priority must be an integer from {low} to {high}, not {value!r}",
                    ),
                    low=MIN_PRIORITY,
                    high=MAX_PRIORITY,
                    value=self.priority,
                )
            )
        problems += self._fragment_problems()
        if self.proto not in PROTOCOLS:
            problems.append(
                _problem(
                    "protocol",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec", "protocol must be http or https, not {value!r}"
                    ),
                    value=self.proto,
                )
            )
        if not _is_int(self.notify_countdown) or self.notify_countdown < 0:
            problems.append(
                _problem(
                    "countdown",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec",
                        "notification countdown must be a whole number of seconds, not {value!r}",
                    ),
                    value=self.notify_countdown,
                )
            )
        for label, text in (
            (QT_TRANSLATE_NOOP("PackageSpec", "name"), self.name),
            (QT_TRANSLATE_NOOP("PackageSpec", "notification text"), self.notify_text),
            (QT_TRANSLATE_NOOP("PackageSpec", "done action text"), self.done_action_text),
            (QT_TRANSLATE_NOOP("PackageSpec", "description"), self.description),
        ):
            if _NOT_XML.search(text):
                problems.append(
                    _problem(
                        "control",
                        QT_TRANSLATE_NOOP("PackageSpec", "the {what} holds a control character"),
                        what=label,
                    )
                )
        return problems

    def _action_problems(self) -> list[CodedError]:
        problems: list[CodedError] = []
        labels = {
            "path": QT_TRANSLATE_NOOP("PackageSpec", "destination path"),
            "command": QT_TRANSLATE_NOOP("PackageSpec", "command"),
            "launch": QT_TRANSLATE_NOOP("PackageSpec", "file to launch"),
        }
        wanted = ORDER_FIELDS[self.action]
        if not getattr(self, wanted).strip():
            problems.append(
                _problem(
                    "missing-order",
                    QT_TRANSLATE_NOOP("PackageSpec", "a {action} package needs a {what}"),
                    action=self.action.value,
                    what=labels[wanted],
                )
            )
        for attr, label in labels.items():
            value = getattr(self, attr)
            if attr != wanted and value:
                problems.append(
                    _problem(
                        "foreign-order",
                        QT_TRANSLATE_NOOP(
                            "PackageSpec",
                            "a {what} is only for a {wanted} package, not a {action} one",
                        ),
                        what=label,
                        wanted=_action_for(attr),
                        action=self.action.value,
                    )
                )
            if _CONTROL.search(value):
                problems.append(
                    _problem(
                        "control",
                        QT_TRANSLATE_NOOP(
                            "PackageSpec",
                            "the {what} holds a control character (tab, newline, ...)",
                        ),
                        what=label,
                    )
                )
        return problems

    def _fragment_problems(self) -> list[CodedError]:
        if self.fragments is not None and self.fragment_size is not None:
            return [
                _problem(
                    "fragments-twice",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec", "give a fragment count or a fragment size, not both"
                    ),
                )
            ]
        if self.fragments is not None and (not _is_int(self.fragments) or self.fragments < 1):
            return [
                _problem(
                    "fragment-count",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec", "the fragment count must be at least 1, not {value!r}"
                    ),
                    value=self.fragments,
                )
            ]
        if self.fragment_size is not None and (
            not _is_int(self.fragment_size) or self.fragment_size < 1
        ):
            return [
                _problem(
                    "fragment-size",
                    QT_TRANSLATE_NOOP(
                        "PackageSpec", "the fragment size must be at least 1 byte, not {value!r}"
                    ),
                    value=self.fragment_size,
                )
            ]
        return []


def _action_for(attr: str) -> str:
    return next(action.value for action, name in ORDER_FIELDS.items() if name == attr)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


#: Every field of ``PackageSpec``, with its type, default and uses, in declaration order.
SPEC_FIELDS: Final[tuple[SpecField, ...]] = fields_of(PackageSpec)
#: The field holding each action's argument (``command`` for EXECUTE...).
ORDER_FIELDS: Final[dict[Action, str]] = {
    Action(f.action): f.name for f in SPEC_FIELDS if f.action is not None
}
