"""The tagging rules core's words and refusals, in the operator's language.

The core (``db.tag_rules``, ``db.tag_rule_runs``, ``fleet.tag_rules``) names rule kinds by
code and refuses with English messages meant for the CLI. The page and the rule dialog
translate them here, once, from the kinds, the exception types and the message's known
shape, so both say the same thing in the same words. A message of unknown shape keeps
the core's text behind a translated lead-in rather than being lost.
"""

from __future__ import annotations

from ocs_desktop.db.tag_rule_runs import StalePreview
from ocs_desktop.db.tag_rules import TAG_REFUSED, RuleKind, TagRuleError
from ocs_desktop.views.qt import QtCore

CONTEXT = "TagRules"


def kind_label(kind: RuleKind) -> str:
    """A rule kind's name, as the list and the kind chooser show it."""
    labels = {
        RuleKind.SUBNET: QtCore.QCoreApplication.translate("TagRules", "Subnet"),
        RuleKind.IP_RANGE: QtCore.QCoreApplication.translate("TagRules", "IP range"),
        RuleKind.HOSTNAME: QtCore.QCoreApplication.translate("TagRules", "Hostname"),
        RuleKind.OS: QtCore.QCoreApplication.translate("TagRules", "Operating system"),
        RuleKind.SOFTWARE: QtCore.QCoreApplication.translate("TagRules", "Installed software"),
        RuleKind.ADMIN_FIELD: QtCore.QCoreApplication.translate("TagRules", "Admin field"),
        RuleKind.GROUP: QtCore.QCoreApplication.translate("TagRules", "Group"),
    }
    return labels[kind]


def kind_hint(kind: RuleKind) -> str:
    """What a kind's pattern looks like, under the pattern in the rule dialog."""
    hints = {
        RuleKind.SUBNET: QtCore.QCoreApplication.translate(
            "TagRules",
            "A network in CIDR notation (IPv4 or IPv6), e.g. 10.1.0.0/16. Matches the "
            "machine's main address or any of its network cards.",
        ),
        RuleKind.IP_RANGE: QtCore.QCoreApplication.translate(
            "TagRules",
            "The first and last address, e.g. 10.1.0.10-10.1.0.50. Matches the machine's "
            "main address or any of its network cards.",
        ),
        RuleKind.HOSTNAME: QtCore.QCoreApplication.translate(
            "TagRules",
            "A pattern on the machine's name, case-insensitive: * for any text, ? for one "
            "character, e.g. WEB-*.",
        ),
        RuleKind.OS: QtCore.QCoreApplication.translate(
            "TagRules",
            "A pattern on the operating system's name, case-insensitive, e.g. *Windows 11*.",
        ),
        RuleKind.SOFTWARE: QtCore.QCoreApplication.translate(
            "TagRules",
            "A pattern on the name of any installed software, case-insensitive, e.g. *Firefox*.",
        ),
        RuleKind.ADMIN_FIELD: QtCore.QCoreApplication.translate(
            "TagRules",
            "The machines whose admin field matches the pattern (case-insensitive, * and ?); "
            "an empty pattern matches an empty field.",
        ),
        RuleKind.GROUP: QtCore.QCoreApplication.translate(
            "TagRules",
            "The machines of a group: the live search of a dynamic group made here, "
            "otherwise its current members.",
        ),
    }
    return hints[kind]


def kind_placeholder(kind: RuleKind) -> str:
    """An example pattern, shown in the empty pattern box."""
    examples = {
        RuleKind.SUBNET: "10.1.0.0/16",
        RuleKind.IP_RANGE: "10.1.0.10-10.1.0.50",
        RuleKind.HOSTNAME: "WEB-*",
        RuleKind.OS: "*Windows 11*",
        RuleKind.SOFTWARE: "*Firefox*",
        RuleKind.ADMIN_FIELD: "J*",
    }
    return examples.get(kind, "")


def rule_error(exc: BaseException) -> str:
    """Why a rule was not stored, moved or changed (nothing was)."""
    message = str(exc)
    if isinstance(exc, TagRuleError):
        if message == TAG_REFUSED:
            return QtCore.QCoreApplication.translate(
                "TagRules",
                "TAG is the location the agent sent (ocsinventory-agent --tag). A rule may "
                'only overwrite it if you tick "Overwrite the TAG the agent sent".',
            )
        if message == "a rule needs a name":
            return QtCore.QCoreApplication.translate("TagRules", "Give the rule a name.")
        if "expected FIELD=PATTERN" in message:
            return QtCore.QCoreApplication.translate(
                "TagRules", "Choose the admin field the rule looks at."
            )
        if "expected a group's numeric id" in message or message.startswith("no group with id"):
            return QtCore.QCoreApplication.translate("TagRules", "Choose an existing group.")
        if message.endswith("the pattern is empty"):
            return QtCore.QCoreApplication.translate("TagRules", "Type a pattern.")
        if message.startswith("no admin field"):
            return QtCore.QCoreApplication.translate(
                "TagRules", "This admin field no longer exists: choose another one."
            )
        if "does not fit" in message:
            return QtCore.QCoreApplication.translate(
                "TagRules", "The value does not fit the chosen field (a number or a date?)."
            )
        if "cannot run after each inventory" in message:
            return QtCore.QCoreApplication.translate(
                "TagRules",
                "A group rule cannot run after each inventory: apply it from this page instead.",
            )
        if "first address must come before the last" in message:
            return QtCore.QCoreApplication.translate(
                "TagRules", "The first address must come before the last one."
            )
        if message.startswith(("subnet ", "ip_range ")):
            return QtCore.QCoreApplication.translate(
                "TagRules", "This is not a valid address pattern: {0}"
            ).format(message)
    if isinstance(exc, LookupError) and message.startswith("no tagging rule"):
        return QtCore.QCoreApplication.translate(
            "TagRules", "This rule no longer exists: the list was refreshed."
        )
    return QtCore.QCoreApplication.translate("TagRules", "Not changed: {0}").format(message)


def run_error(exc: BaseException) -> str:
    """Why an apply or an undo wrote nothing."""
    if isinstance(exc, StalePreview):
        return QtCore.QCoreApplication.translate(
            "TagRules",
            "The machines changed since the preview: nothing was written. The preview was "
            "computed again; check it and apply again.",
        )
    if isinstance(exc, LookupError):
        return QtCore.QCoreApplication.translate("TagRules", "There is no rule run to undo.")
    if isinstance(exc, TimeoutError):
        return QtCore.QCoreApplication.translate(
            "TagRules", "Another writer holds these machines: nothing was written. Try again."
        )
    if isinstance(exc, TagRuleError):
        return rule_error(exc)
    return QtCore.QCoreApplication.translate("TagRules", "Nothing was written: {0}").format(exc)
