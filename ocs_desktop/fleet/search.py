"""Multi-criteria machine search: each criterion is its own correlated EXISTS.

OCS's console joins every table a search touches into one query, so "software name = A
and software name = B" asks for one software row named both A and B, and finds nothing.
Here each criterion becomes ``EXISTS (SELECT * FROM <table> WHERE <table>.HARDWARE_ID =
hardware.ID AND <condition>)``: two criteria on the same table may match different rows.
Fields of ``hardware`` itself are compared directly. A :class:`Search` is a
:class:`~ocs_desktop.fleet.filters.MachineFilter`, so the machines list pages, sorts
and counts its result server-side, and it serialises to JSON so a dynamic group can keep
its definition. ``group_xmldef`` renders the same condition as literal SQL in OCS's
``groups.XMLDEF`` format so a real OCS server recomputes our groups the way we do.

Software criteria never scan software names row by row: the name (publisher, version)
condition runs on the small, indexed ``software_name`` table and the EXISTS probes
``software`` by ``NAME_ID IN (…)``; MariaDB turns the EXISTS into a semi-join
(``exists_to_in``) driven by the NAME_ID index.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    Numeric,
    and_,
    exists,
    false,
    literal,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import Grouping, UnaryExpression
from sqlalchemy.sql.functions import FunctionElement

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.fleet.search_fields import (
    NUMERIC_TEXT,
    OPERATOR_LABELS,
    OPERATORS_BY_KIND,
    SEARCH_FIELDS,
    SOFTWARE_LOOKUPS,
    UNAVAILABLE_ID,
    VALUELESS,
    Combine,
    Kind,
    Operator,
    SearchField,
    field_of,
    operators_for,
)

__all__ = [
    "OPERATORS_BY_KIND",
    "OPERATOR_LABELS",
    "SEARCH_FIELDS",
    "VALUELESS",
    "Combine",
    "Criterion",
    "Kind",
    "Operator",
    "Search",
    "SearchField",
    "operators_for",
]
from ocs_desktop.models import (
    Base,
    Hardware,
    Software,
)

#: Translation context of the refusals below (see ``common/coded_error.py``).
ERRORS = "SearchErrors"
#: Format version of :meth:`Search.to_json`.
JSON_VERSION = 1
#: Up to this many matching dictionary rows, :meth:`Criterion.bound` hands the software
#: probe their IDs as constants; beyond, the probe keeps its sub-query on the dictionary.
BOUND_IDS_LIMIT = 1000


def _parse_number(text: str) -> int | float:
    cleaned = text.strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise CodedError(
            ERRORS,
            "not-a-number",
            QT_TRANSLATE_NOOP("SearchErrors", "'{value}' is not a number"),
            value=text,
        ) from None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _parse_date(text: str) -> tuple[dt.datetime, bool]:
    """``(moment, whole_day)``: a bare date stands for the whole day."""
    cleaned = text.strip().replace("/", "-")
    try:
        moment = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise CodedError(
            ERRORS,
            "not-a-date",
            QT_TRANSLATE_NOOP("SearchErrors", "'{value}' is not a date (YYYY-MM-DD [HH:MM[:SS]])"),
            value=text,
        ) from None
    return moment, len(cleaned) <= 10


@dataclass(frozen=True)
class Criterion:
    """``field operator value``; ``negate`` keeps machines having *no* row that matches.

    Validated on construction: an unknown field or operator, an operator that does not
    apply to the field's kind, or a value that is not a number (date) for a number (date)
    field raise ``ValueError``.
    """

    field: str
    operator: Operator
    value: str = ""
    negate: bool = False
    #: The dictionary IDs (software_name, _publisher or _version) a software criterion
    #: matched when :meth:`bound` looked them up; None: look them up inside the query.
    lookup_ids: tuple[int, ...] | None = dataclass_field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        search_field = field_of(self.field)
        try:
            operator = Operator(self.operator)
        except ValueError:
            raise CodedError(
                ERRORS,
                "unknown-operator",
                QT_TRANSLATE_NOOP("SearchErrors", "unknown operator '{operator}'"),
                operator=str(self.operator),
            ) from None
        object.__setattr__(self, "operator", operator)
        if operator not in OPERATORS_BY_KIND[search_field.kind]:
            raise CodedError(
                ERRORS,
                "operator-mismatch",
                QT_TRANSLATE_NOOP("SearchErrors", "operator {operator} does not apply to {field}"),
                operator=operator.value,
                field=search_field.label,
            )
        if operator not in VALUELESS:
            if search_field.kind == "number":
                _parse_number(self.value)
            elif search_field.kind == "date":
                _parse_date(self.value)

    @property
    def search_field(self) -> SearchField:
        return field_of(self.field)

    def describe(self) -> str:
        """``Software: name = "Firefox"``, ``Hardware: memory (MB) > 4096``; or ``not (…)``."""
        text = f"{self.search_field.label} {OPERATOR_LABELS[self.operator]}"
        if self.operator not in VALUELESS:
            quoted = self.search_field.kind == "text"
            text += f' "{self.value}"' if quoted else f" {self.value.strip()}"
        return f"not ({text})" if self.negate else text

    def where(self) -> ColumnElement[bool]:
        """The condition on ``hardware``: a direct comparison or a correlated EXISTS."""
        search_field = self.search_field
        if search_field.table == "hardware":
            column = getattr(Hardware, search_field.column)
            condition = _condition(column, search_field, self.operator, self.value)
            return not_(condition) if self.negate else condition
        probe = _exists(search_field, self.operator, self.value, self.lookup_ids)
        return ~probe if self.negate else probe

    def bound(self, conn: Connection) -> Criterion:
        """This criterion with its software dictionary IDs looked up now, as constants.

        With ``NAME_ID IN (<sub-query>)`` MariaDB cannot tell a name on every machine from
        a name on a few, so it may drive a search from the wrong criterion and probe
        ``software`` once per machine; with ``NAME_ID IN (17)`` it reads the index's exact
        row estimate first (bench/console_bench.py). A result for one query only: the
        dictionary may grow afterwards.
        """
        search_field = self.search_field
        if search_field.table != "software" or search_field.column not in SOFTWARE_LOOKUPS:
            return self
        found = conn.execute(
            _lookup_ids(search_field, self.operator, self.value).limit(BOUND_IDS_LIMIT + 1)
        ).scalars()
        ids = tuple(sorted(int(i) for i in found))
        if len(ids) > BOUND_IDS_LIMIT:
            return self
        return replace(self, lookup_ids=ids)


def _lookup_ids(search_field: SearchField, operator: Operator, value: str) -> Any:
    """``SELECT ID`` of the dictionary rows (names, publishers, versions) that match."""
    lookup_column, lookup_id, _ = SOFTWARE_LOOKUPS[search_field.column]
    matching = _condition(lookup_column, search_field, operator, value)
    if search_field.column != "NAME":
        if operator is Operator.is_empty:
            matching = or_(matching, lookup_id == UNAVAILABLE_ID)
        elif operator is Operator.is_not_empty:
            matching = and_(matching, lookup_id != UNAVAILABLE_ID)
    return select(lookup_id).where(matching)


def _exists(
    search_field: SearchField,
    operator: Operator,
    value: str,
    lookup_ids: tuple[int, ...] | None = None,
) -> ColumnElement[bool]:
    """``EXISTS`` a row of the field's table, of this machine, that matches."""
    if search_field.table == "software" and search_field.column in SOFTWARE_LOOKUPS:
        software_column = SOFTWARE_LOOKUPS[search_field.column][2]
        if lookup_ids is not None and not lookup_ids:
            return false()
        ids = (
            list(lookup_ids)
            if lookup_ids is not None
            else _lookup_ids(search_field, operator, value)
        )
        return exists().where(Software.HARDWARE_ID == Hardware.ID, software_column.in_(ids))
    table: Any = Base.metadata.tables[search_field.table]
    if search_field.column not in table.c:
        # An admin field: a column the OCS console added, absent from the model.
        table = sql_table(
            search_field.table, sql_column("HARDWARE_ID"), sql_column(search_field.column)
        )
    column = table.c[search_field.column]
    condition = _condition(column, search_field, operator, value)
    return exists().where(table.c.HARDWARE_ID == Hardware.ID, condition)


def _condition(
    column: Any, search_field: SearchField, operator: Operator, value: str
) -> ColumnElement[bool]:
    """``column operator value``, never NULL (so ``NOT`` of it is the exact complement)."""
    kind = search_field.kind
    if operator is Operator.is_empty:
        if kind == "text" or search_field.key in NUMERIC_TEXT:
            return or_(column.is_(None), column == "")
        return cast(ColumnElement[bool], column.is_(None))
    if operator is Operator.is_not_empty:
        if kind == "text" or search_field.key in NUMERIC_TEXT:
            return and_(column.is_not(None), column != "")
        return cast(ColumnElement[bool], column.is_not(None))
    if kind == "number":
        return _number_condition(column, search_field, operator, value)
    if kind == "date":
        return _date_condition(column, search_field, operator, value)
    return _text_condition(column, operator, value)


class _CiEquals(FunctionElement[bool]):
    """Case-insensitive equality: ``=`` on MySQL (``*_ci`` collations), LIKE elsewhere.

    On MariaDB ``NAME LIKE 'x'`` keeps the optimiser from treating the software_name
    lookup as a constant, so it may drive a search from the wrong criterion (0.3 s against
    36 ms for three criteria at 100,000 machines); SQLite's ``=`` is case-sensitive, so
    there a LIKE without wildcards does the job.
    """

    type = Boolean()
    name = "ci_equals"
    inherit_cache = True

    def self_group(self, against: Any = None) -> Any:
        # A comparison already: without this, SQLAlchemy renders a Boolean function as
        # ``(NAME = 'x') = 1`` where booleans are not native, and MariaDB then scans the
        # whole NAME index instead of reading one entry.
        return Grouping(self)

    def _negate(self) -> ColumnElement[Any]:
        return UnaryExpression(Grouping(self), operator=operators.inv)


@compiles(_CiEquals)
def _ci_equals_like(element: _CiEquals, compiler: Any, **kw: Any) -> str:
    column, _plain, pattern = list(element.clauses)
    return (
        f"{compiler.process(column, **kw)} LIKE {compiler.process(pattern, **kw)}"
        f" ESCAPE '{LIKE_ESCAPE}'"
    )


@compiles(_CiEquals, "mysql")
@compiles(_CiEquals, "mariadb")
def _ci_equals_mysql(element: _CiEquals, compiler: Any, **kw: Any) -> str:
    column, plain, _pattern = list(element.clauses)
    return f"{compiler.process(column, **kw)} = {compiler.process(plain, **kw)}"


def _text_condition(column: Any, operator: Operator, value: str) -> ColumnElement[bool]:
    # LIKE keeps text comparisons case-insensitive on SQLite and MySQL alike, and still
    # uses an index for starts_with; equality has its own construct (see _CiEquals).
    escaped = like_escape(value)
    if operator in (Operator.equals, Operator.not_equals):
        same = and_(column.is_not(None), _CiEquals(column, literal(value), literal(escaped)))
        return same if operator is Operator.equals else or_(column.is_(None), not_(same))
    patterns = {
        Operator.contains: f"%{escaped}%",
        Operator.not_contains: f"%{escaped}%",
        Operator.starts_with: f"{escaped}%",
        Operator.ends_with: f"%{escaped}",
    }
    if operator in patterns:
        matches = and_(column.is_not(None), column.like(patterns[operator], escape=LIKE_ESCAPE))
        if operator is Operator.not_contains:
            return or_(column.is_(None), not_(matches))
        return matches
    if operator is Operator.less:
        return and_(column.is_not(None), column < value)
    return and_(column.is_not(None), column > value)


def _number_condition(
    column: Any, search_field: SearchField, operator: Operator, value: str
) -> ColumnElement[bool]:
    number = _parse_number(value)
    compared = column
    if search_field.key in NUMERIC_TEXT:
        compared = sql_cast(column, Numeric(20, 6))
    compare: dict[Operator, Callable[[Any], ColumnElement[bool]]] = {
        Operator.equals: lambda c: c == number,
        Operator.not_equals: lambda c: c != number,
        Operator.less: lambda c: c < number,
        Operator.greater: lambda c: c > number,
    }
    matches = and_(column.is_not(None), compare[operator](compared))
    if operator is Operator.not_equals:
        return or_(column.is_(None), matches)
    return matches


def _date_condition(
    column: Any, search_field: SearchField, operator: Operator, value: str
) -> ColumnElement[bool]:
    moment, whole_day = _parse_date(value)
    is_date = isinstance(Base.metadata.tables[search_field.table].c[search_field.column].type, Date)
    start: dt.date | dt.datetime = moment.date() if is_date else moment
    end: dt.date | dt.datetime = start
    if whole_day:
        end = start + dt.timedelta(days=1)
    if operator in (Operator.equals, Operator.not_equals):
        inside = and_(column >= start, column < end) if whole_day else column == start
        matches = and_(column.is_not(None), inside)
        if operator is Operator.not_equals:
            return or_(column.is_(None), not_(matches))
        return matches
    if operator is Operator.less:
        return and_(column.is_not(None), column < start)
    # "after 2024-05-01" means after that whole day.
    return and_(column.is_not(None), column >= end if whole_day else column > start)


@dataclass(frozen=True)
class Search:
    """Criteria combined with ``and`` / ``or``; a :class:`MachineFilter`.

    No criteria keeps every machine.
    """

    criteria: tuple[Criterion, ...] = ()
    combine: Combine = "and"

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))
        if self.combine not in ("and", "or"):
            raise ValueError(f"combine must be 'and' or 'or', not {self.combine!r}")

    def where(self) -> ColumnElement[bool]:
        if not self.criteria:
            return true()
        conditions = [criterion.where() for criterion in self.criteria]
        return and_(*conditions) if self.combine == "and" else or_(*conditions)

    def bound(self, conn: Connection) -> Search:
        """This search with its software criteria's dictionary IDs as constants."""
        return Search(tuple(c.bound(conn) for c in self.criteria), self.combine)

    def describe(self) -> str:
        if not self.criteria:
            return "all machines"
        return f" {self.combine} ".join(c.describe() for c in self.criteria)

    def to_json(self) -> str:
        """A compact, stable JSON text; :meth:`from_json` gives back an equal Search."""
        return json.dumps(
            {
                "version": JSON_VERSION,
                "combine": self.combine,
                "criteria": [
                    {
                        "field": c.field,
                        "operator": c.operator.value,
                        "value": c.value,
                        "negate": c.negate,
                    }
                    for c in self.criteria
                ],
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Search:
        """Parse :meth:`to_json` output; ``ValueError`` on anything else."""
        try:
            data = json.loads(text)
            combine = data.get("combine", "and")
            items: Iterable[dict[str, Any]] = data["criteria"]
            criteria = tuple(
                Criterion(
                    str(item["field"]),
                    Operator(item["operator"]),
                    str(item.get("value", "")),
                    bool(item.get("negate", False)),
                )
                for item in items
            )
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a saved search: {exc}") from exc
        return cls(criteria, combine)
