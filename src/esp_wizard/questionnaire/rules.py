"""The forms a [[findings]] rule can take, registered once in FORMS.

A rule is plain (it fires once, keyed by its id) or runs `for_each` row of an inventory
(it fires once per matching row, keyed `rule-id:row key`). What differs between forms is
asked of the form here: its load-time checks (questionnaire/checks.py), the instances it
may fire for (session/interview.py) and the row a fired instance is about
(findings/collect.py). Adding a form is one class below plus one line in FORMS.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from esp_wizard.i18n import _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds import is_empty
from esp_wizard.questionnaire.kinds.base import Found, Loc
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion, row_key

Row = dict[str, Any]
Types = Mapping[str, NameType | None]  # each question's type, as conditions see it
Instances = Iterator[tuple[str, Row | None]]  # (finding key, row or None)
Value = Callable[[str], Any]  # an active question's answer value (None if hidden)


@dataclass(frozen=True)
class RuleScope:
    """What a rule's condition and templates may name beyond the questions: `item.` fields."""

    item_fields: set[str] | None = None  # field ids for templates; None: no `item.`
    row_types: Mapping[str, NameType] | None = None  # field types for the condition


Checked = RuleScope | Found  # the scope a rule is checked in, or why it cannot be


class RuleForm(ABC):
    """One form of finding rule; the three stages that treat rules ask it what differs."""

    name: str

    @abstractmethod
    def applies(self, rule: m.FindingRule) -> bool:
        """Whether `rule` has this form."""

    @abstractmethod
    def check(self, q: m.Questionnaire, rule: m.FindingRule, loc: Loc, types: Types) -> Checked:
        """At load time: the scope its condition and templates see, or the problem
        that makes checking them pointless."""

    @abstractmethod
    def instances(self, q: m.Questionnaire, rule: m.FindingRule, value: Value) -> Instances:
        """When firing: each (finding key, row) its condition is evaluated for."""

    @abstractmethod
    def inventory_id(self, rule: m.FindingRule) -> str | None:
        """The inventory whose row `item.` names, also part of the rule's evidence."""

    @abstractmethod
    def row_name(self, q: m.Questionnaire, rule: m.FindingRule, row: Row | None) -> str:
        """When collecting: the name of the row a fired instance is about ("" if none)."""


class PlainForm(RuleForm):
    """A rule without `for_each`: fires at most once, keyed by its id."""

    name = "plain"

    def applies(self, rule: m.FindingRule) -> bool:
        return rule.for_each is None

    def check(self, q: m.Questionnaire, rule: m.FindingRule, loc: Loc, types: Types) -> Checked:
        return RuleScope()

    def instances(self, q: m.Questionnaire, rule: m.FindingRule, value: Value) -> Instances:
        yield rule.id, None

    def inventory_id(self, rule: m.FindingRule) -> str | None:
        return None

    def row_name(self, q: m.Questionnaire, rule: m.FindingRule, row: Row | None) -> str:
        return ""


class ForEachForm(RuleForm):
    """A rule with `for_each = "<inventory>"`: fires per matching row, `rule-id:row key`."""

    name = "for_each"

    def applies(self, rule: m.FindingRule) -> bool:
        return rule.for_each is not None

    def check(self, q: m.Questionnaire, rule: m.FindingRule, loc: Loc, types: Types) -> Checked:
        inventory = q.question(rule.for_each or "")
        if not isinstance(inventory, InventoryQuestion):
            kinds = [x.id for x in q.questions() if isinstance(x, InventoryQuestion)]
            return (*loc, "for_each"), _not_inventory(rule.for_each or "", kinds)
        inventory_type = types.get(inventory.id)
        return RuleScope(
            item_fields={f.id for f in inventory.fields},
            row_types=inventory_type.fields if inventory_type else None,
        )

    def instances(self, q: m.Questionnaire, rule: m.FindingRule, value: Value) -> Instances:
        inventory_id = rule.for_each or ""
        inventory = q.question(inventory_id)
        key_field = inventory.key_field if isinstance(inventory, InventoryQuestion) else ""
        for row in value(inventory_id) or []:
            yield f"{rule.id}:{row_key(row.get(key_field))}", row

    def inventory_id(self, rule: m.FindingRule) -> str | None:
        return rule.for_each

    def row_name(self, q: m.Questionnaire, rule: m.FindingRule, row: Row | None) -> str:
        question = q.question(rule.for_each or "")
        if row is None or not isinstance(question, InventoryQuestion):
            return ""
        name = row.get(question.key_field)
        return "" if is_empty(name) else str(name)


FORMS: tuple[RuleForm, ...] = (PlainForm(), ForEachForm())


def form_of(rule: m.FindingRule) -> RuleForm:
    """The one registered form `rule` has."""
    return next(form for form in FORMS if form.applies(rule))


def _not_inventory(name: str, inventories: list[str]) -> str:
    if not inventories:
        message = _("'{name}' is not an inventory question (none in this questionnaire)")
        return message.format(name=name)
    message = _("'{name}' is not an inventory question ({inventories})")
    return message.format(name=name, inventories=", ".join(inventories))
