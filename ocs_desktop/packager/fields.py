"""How a package's fields are declared: once, on :class:`~.spec.PackageSpec` itself.

``PackageSpec`` is a :func:`declared` dataclass and each of its fields a :func:`declare`:
its name, type and default as for any dataclass field, with its uses (:class:`FieldUses`):
the ``info`` file attribute it becomes, its ``package build`` flag and help text, and the
relations the command line and the wizard need to bind it (the action it belongs to, the
switch it depends on, what turns a switch on). :func:`fields_of` reads it all back as
:class:`SpecField` values, in declaration order, and every consumer derives from them:

- ``info_file`` renders and parses the attributes of the fields that have one;
- ``cli/package.py`` adds one ``package build`` option per field that has a flag;
- the wizard binds one widget to each field, by the field's name.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar, dataclass_transform

_KEY: Final = "ocs_desktop.packager.fields"
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldUses:
    """What a field is outside ``PackageSpec``: the keywords of :func:`declare`.

    ``info``: the info file attribute. ``flag``, ``help``, ``metavar`` and ``choices``: its
    ``package build`` option (required when the field has no default), in the mutually
    exclusive ``group`` if any.
    ``action``: the field is the argument of that action and means nothing for the others.
    ``switch``: the boolean field that turns this one on (while off, it keeps its default).
    ``implied_by``: this boolean is on when that field is given (the command line asks for
    the text, not for the switch). ``upper``: the info file spells the value in capitals.
    ``mib``: a size in bytes that people give in MiB.
    """

    info: str | None = None
    flag: str | None = None
    help: str | None = None
    metavar: str | None = None
    choices: Sequence[Any] | None = None
    group: str | None = None
    action: str | None = None
    switch: str | None = None
    implied_by: str | None = None
    upper: bool = False
    mib: bool = False


def declare(*, default: Any = dataclasses.MISSING, **uses: Any) -> Any:
    """One field of a :func:`declared` class: its ``default`` (none: every value gives
    it) and its uses, the keywords of :class:`FieldUses`."""
    return dataclasses.field(default=default, metadata={_KEY: FieldUses(**uses)})


@dataclass_transform(field_specifiers=(declare,), frozen_default=True)
def declared(cls: type[_T]) -> type[_T]:
    """A frozen, slotted dataclass whose fields come from :func:`declare`."""
    return dataclass(frozen=True, slots=True)(cls)


@dataclass(frozen=True, slots=True, kw_only=True)
class SpecField(FieldUses):
    """One declared field: its name, type and default, with its uses."""

    name: str
    kind: type  # the value's type, None aside: str, int, bool or an enum
    default: Any  # dataclasses.MISSING for a field every spec gives

    @property
    def required(self) -> bool:
        """Without a default: every spec gives it."""
        return self.default is dataclasses.MISSING


def fields_of(cls: type) -> tuple[SpecField, ...]:
    """The declared fields of the dataclass ``cls``, in declaration order."""
    hints = typing.get_type_hints(cls)
    found = []
    for field in dataclasses.fields(cls):
        uses = field.metadata.get(_KEY, FieldUses())
        found.append(
            SpecField(
                name=field.name,
                kind=_kind(hints[field.name]),
                default=field.default,
                **{name: getattr(uses, name) for name in FieldUses.__dataclass_fields__},
            )
        )
    return tuple(found)


def _kind(hint: Any) -> type:
    """``int | None`` gives int, ``str`` gives str."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        kinds = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(kinds) != 1:
            raise TypeError(f"a package field holds one type (and None), not {hint}")
        return kinds[0]
    if not isinstance(hint, type):
        raise TypeError(f"a package field holds a type, not {hint}")
    return hint
