"""Words the playbook's renderers share, so Markdown, HTML, JSON and the TUI say the same."""

from __future__ import annotations

from esp_wizard.findings.playbook.model import Missing, Parity, PlannedPerson
from esp_wizard.findings.roles import role_label

STATUS_MARK = {"met": "✔ met", "not met": "✘ not met", "unknown": "? unknown"}
CONTRACT_LABELS = {
    "fits": "fits the contract",
    "tight": "tight against the contract",
    "does not fit": "does not fit the contract",
    "unknown": "contract end unknown",
}


def missing_line(item: Missing) -> str:
    return f"Missing: {item.what} ({item.question_id}); ask {item.ask}"


def questionnaire(person: PlannedPerson) -> str:
    """The role whose questionnaire fits them, as a client reads it (the id is JSON's)."""
    if not person.questionnaire:
        return "no bundled questionnaire fits: use kickoff"
    return role_label(person.questionnaire)


def person_status(person: PlannedPerson) -> str:
    return "interviewed" if person.interviewed else "to interview"


def weeks(count: int | None) -> str:
    if not count:
        return "not computed"
    return f"{count} week" if count == 1 else f"{count} weeks"


def kpi_line(parity: Parity) -> str:
    tracked = "; ".join(parity.kpis) or "not answered"
    return f"KPIs tracked: {tracked}. {parity.kpi_baseline}".strip()
