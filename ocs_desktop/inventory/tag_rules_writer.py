"""Tagging rules flagged "run after inventory", applied to the machine just inventoried.

Runs after the admin data writer, inside the inventory's transaction, through the same
plan as a batch run (``db.tag_rule_match.plan_changes`` scoped to this one machine): per
target column the first enabled after-inventory rule that matches wins. Rules without
the flag are not considered here. Then the ACCOUNT_UPDATE reply is recomputed so the
agent learns the new values at once.

Cheap when there is nothing to do: the rules are read with the Ingestor's periodic
refresh (a table check and one small query, none per inventory), and with no such rule
``write`` returns at once. A database without our rules table (one shared with a real
OCS) simply has no rule. A stored rule that can no longer run (its admin field dropped,
a value with characters beyond the BMP on a ``utf8mb3`` database) is logged and skipped
rather than failing inventories.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from ocs_desktop.db.tag_rule_match import plan_changes, write_changes
from ocs_desktop.db.tag_rules import AdminColumns, TagRule, TagRuleError, check_rule, list_rules
from ocs_desktop.inventory.accountinfo import AccountInfoTable, reflect_accountinfo
from ocs_desktop.inventory.writing import Machine

log = logging.getLogger(__name__)


class TagRulesWriter:
    """The Ingestor's step applying after-inventory tagging rules to one machine."""

    digested: tuple[str, ...] = ()

    def __init__(self, engine: Engine, *, bmp_only: bool) -> None:
        self._engine = engine
        self._bmp_only = bmp_only
        self.rules: tuple[TagRule, ...] = ()
        self._columns: AdminColumns | None = None
        self._account: AccountInfoTable | None = None

    def refresh(self) -> None:
        """Re-read the after-inventory rules (and, only if there are some, the columns)."""
        with self._engine.connect() as conn:
            wanted = [r for r in list_rules(conn) if r.enabled and r.run_after_inventory]
            if not wanted:
                self.rules = ()
                return
            columns = AdminColumns.read(conn)
            usable = []
            for rule in wanted:
                try:
                    checked = check_rule(conn, rule, columns)
                    if self._bmp_only and any(ord(ch) > 0xFFFF for ch in rule.value):
                        raise TagRuleError("its value has characters this database cannot hold")
                except TagRuleError as exc:
                    log.warning("tagging rule %s (%s) skipped: %s", rule.id, rule.name, exc)
                    continue
                usable.append(checked)
        self._columns = columns
        self._account = AccountInfoTable(reflect_accountinfo(self._engine), bmp_only=self._bmp_only)
        self.rules = tuple(usable)

    def write(self, machine: Machine) -> None:
        if not self.rules:
            return
        assert self._columns is not None and self._account is not None
        conn, hardware_id = machine.conn, machine.hardware_id
        changes = plan_changes(conn, self.rules, scope=[hardware_id], columns=self._columns)
        if not changes:
            return
        write_changes(conn, changes, self._columns)
        machine.account_update = self._account.reply(
            conn, hardware_id, machine.inventory.accountinfo
        )
