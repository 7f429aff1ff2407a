"""The answers an artefact reads, across every session of the engagement, by question id.

Only what `collect` already compared (choice, yes/no, number, scale, date answers) and
the merged inventory are read, so the playbook costs one pass over facts the report has
anyway. Each value keeps who gave it, so disagreements and "who to ask" can be stated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from esp_wizard import i18n
from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.model import InventoryTable, SessionRef
from esp_wizard.findings.playbook.model import Missing
from esp_wizard.i18n import _
from esp_wizard.roles import role_label

# The questions the artefacts read, indexed once: only these, so a 1,000-session
# engagement does not allocate an index entry for every answer it holds.
READ = frozenset(
    {
        "baselines",
        "big_provider_share",
        "contract_months_left",
        "current_esp",
        "daily_peak_volume",
        "dedicated_ip_count",
        "dmarc_policy",
        "engaged_share",
        "gmail_daily_volume",
        "history_export_plan",
        "history_export_tested",
        "history_location",
        "ip_setup",
        "kpis",
        "monthly_messages",
        "notice_period_months",
        "one_click_unsubscribe",
        "parallel_run_budget",
        "peak_multiplier",
        "suppression_export_tested",
        "suppressions_exportable",
        "target_ip_plan",
        "transactional_cutover_plan",
        "transactional_fallback",
        "transactional_in_esp",
    }
)


@dataclass(frozen=True)
class Given:
    value: Any  # the option value, bool, float or ISO date
    shown: str
    session: SessionRef


class Answers:
    """Scalar answers by question id, inventories by question id, people by role."""

    def __init__(
        self,
        facts: Sequence[SessionFacts],
        tables: Sequence[InventoryTable],
        planned: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.facts = facts
        self.given: dict[str, list[Given]] = {}
        self.heard: dict[str, list[str]] = {}
        for fact in facts:
            for compared in fact.compared:
                if compared.question_id in READ:
                    given = Given(compared.canon[1], compared.shown, fact.ref)
                    self.given.setdefault(compared.question_id, []).append(given)
            for person in fact.ref.interviewees:
                names = self.heard.setdefault(person.role, [])
                if person.role and person.name not in names:
                    names.append(person.name)
        self.tables = {t.question_id: t for t in tables}
        self.planned = planned or {}

    def values(self, question_id: str) -> list[Given]:
        if question_id not in READ:  # not indexed up front: look it up (slower, still right)
            return [
                Given(c.canon[1], c.shown, f.ref)
                for f in self.facts
                for c in f.compared
                if c.question_id == question_id
            ]
        return self.given.get(question_id, [])

    def distinct(self, question_id: str) -> set[Any]:
        return {g.value for g in self.values(question_id)}

    def one(self, question_id: str) -> Any | None:
        """The answer when every session that gave one agrees, else None."""
        found = self.distinct(question_id)
        return next(iter(found)) if len(found) == 1 else None

    def number(self, question_id: str, pick: str = "max") -> float | None:
        """A number question's value; when sessions differ, the largest (or smallest)."""
        found = [g.value for g in self.values(question_id) if isinstance(g.value, int | float)]
        if not found:
            return None
        return max(found) if pick == "max" else min(found)

    def disputed(self, question_id: str) -> str:
        """'yes (Ben, deliverability) vs no (Raj, data-crm)' when sessions disagree, else ''."""
        if len(self.distinct(question_id)) < 2:
            return ""
        by_value: dict[str, list[str]] = {}
        for given in self.values(question_id):
            by_value.setdefault(given.shown, []).append(given.session.people)
        said = [
            _("{answer} ({people})").format(answer=shown, people=i18n.semicolons(who))
            for shown, who in by_value.items()
        ]
        return _(" vs ").join(said)

    def table(self, question_id: str) -> InventoryTable | None:
        return self.tables.get(question_id)

    def ask(self, roles: Sequence[str]) -> str:
        """Whom to ask: each role with the people heard or named for it."""
        parts = []
        for role in roles:
            heard = self.heard.get(role, [])
            label = role  # the questionnaire to run: an id, the same in every language
            if heard:
                parts.append(
                    _("{role} ({people})").format(role=role_label(role), people=", ".join(heard))
                )
                continue
            named = self.planned.get(role, ())
            label = role_label(role)
            if named:
                planned = _("{role} (to interview: {people})")
                parts.append(planned.format(role=label, people=", ".join(named)))
            else:
                parts.append(label)
        return _(" or ").join(parts)

    def missing(self, what: str, question_id: str, roles: Sequence[str]) -> Missing:
        return Missing(what, question_id, self.ask(roles))
