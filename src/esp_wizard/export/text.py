"""Words and numbers that every format shows the same way (labels, dates, priorities).

Labels are English messages marked with N_ and read in the language in use (the report's,
set by `export.render_report_any`); numbers and dates are written as that language does.
"""

from __future__ import annotations

import datetime as dt

from esp_wizard import i18n
from esp_wizard.findings.model import EngagementReport, Finding, SessionRef
from esp_wizard.i18n import N_, Labels, _

CATEGORY_LABELS = Labels(
    {
        "strength": N_("Strength"),
        "gap": N_("Gap"),
        "hack": N_("Hack (workaround)"),
        "manual": N_("Manual process"),
    }
)
PHASE_LABELS = Labels(
    {"discovery": N_("Discovery"), "move": N_("Move"), "uat": N_("UAT"), "send": N_("Send")}
)
READINESS_LABELS = Labels(
    {"blocked": N_("Blocked by must-fix"), "at risk": N_("At risk"), "clear": N_("Clear")}
)
MOVE_LABELS = Labels(
    {"yes": N_("yes"), "no": N_("no"), "disputed": N_("disputed"), "unknown": N_("not said")}
)
FOLLOW_UP_LABELS = Labels(
    {"flagged": N_("Flagged for follow-up"), "required": N_("Required, not answered")}
)
STATUS_LABELS = Labels({"in_progress": N_("in progress"), "completed": N_("completed")})
ANSWER_STATUS = Labels(
    {
        "answered": N_("answered"),
        "dont_know": N_("don't know"),
        "not_applicable": N_("not applicable"),
        "open": N_("not answered"),
    }
)


CHECKLIST_KINDS = Labels(
    {
        "trigger": N_("trigger"),
        "template family": N_("template family"),
        "inbound API": N_("inbound API"),
        "integration": N_("integration"),
        "report": N_("report"),
    }
)


def kind(code: str) -> str:
    """A checklist or parity line's kind ("trigger") in the report's language."""
    return CHECKLIST_KINDS.get(code, code)


def labelled(label: str, value: str) -> str:
    """ "Type: ERP" / "Type : ERP": a label and its value as the language punctuates them."""
    return _("{label}: {value}").format(label=label, value=value)


def colon() -> str:
    """What follows a label before its value: ":" / " :"."""
    return _("{label}:").format(label="")


def category(value: str) -> str:
    return CATEGORY_LABELS.get(value, value)


def phase(value: str) -> str:
    return PHASE_LABELS.get(value, value)


def when(moment: dt.datetime | None) -> str:
    """2026-03-31 14:05 UTC; 31/03/2026 14:05 UTC in French."""
    if not moment:
        return ""
    utc = moment.astimezone(dt.UTC)
    return f"{i18n.short_date(utc.date())} {utc:%H:%M} UTC"


def day(moment: dt.datetime) -> str:
    return i18n.short_date(moment.astimezone(dt.UTC).date())


def plain_number(value: float) -> str:
    """112.5, 12, 11.25: no trailing zeros, never an exponent for report-sized values."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def number(value: float) -> str:
    """plain_number as the report's language writes it: 1,112.5 / 1 112,5."""
    return i18n.decimal(value)


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def report_title(report: EngagementReport) -> str:
    name = f"{report.client} — {report.engagement}" if report.engagement else report.client
    return _("Discovery report: {name}").format(name=name) if name else _("Discovery report")


def who(session: SessionRef) -> str:
    """`Ana Souza (email-ops), session ops1aaaa`: enough to trace a statement."""
    return _("{people}, session {id}").format(people=session.people, id=session.id)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def sentence(text: str) -> str:
    """Capitalise the first letter only: "inbound API" -> "Inbound API"."""
    return text[:1].upper() + text[1:]


CONFIDENTIAL = N_(
    "Confidential: prepared for {client}. Not for distribution beyond the engagement."
)
VERDICT_LABELS = Labels(
    {"go": N_("Go"), "go with conditions": N_("Go with conditions"), "not yet": N_("Not yet")}
)
LEVEL_LABELS = Labels({"high": N_("High"), "medium": N_("Medium"), "low": N_("Low")})


PAGE_OF = N_("Page {page} of {pages}")


def page_words() -> tuple[str, str, str]:
    """The words before, between and after a printed page's number and the page count
    ("Page ", " of ", ""), for the DOCX footer's fields and the HTML print footer."""
    before, rest = _(PAGE_OF).split("{page}", 1)
    between, after = rest.split("{pages}", 1)
    return before, between, after


def formula(report: EngagementReport) -> str:
    """The priority formula in the report's language (JSON keeps it as written)."""
    return _(report.formula)


def confidential(report: EngagementReport) -> str:
    return _(CONFIDENTIAL).format(client=report.client or _("the client"))


def date(value: dt.date | None) -> str:
    """ "5 January 2027", "5 janvier 2027" in French; "" for none."""
    return i18n.long_date(value) if value else ""


def facilitators(report: EngagementReport) -> str:
    return ", ".join(report.facilitators) or _("not named")


def who_role(session: SessionRef) -> str:
    """A session as a client-facing line: its people as attributed, and the day."""
    return f"{session.people}, {day(session.started)}"


def anchor(key: str) -> str:
    """An HTML id for a finding's key: keys may hold spaces and colons, ids may not."""
    import re

    return "finding-" + (re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-") or "x")


def facts(finding: Finding, roles: str) -> str:
    """A finding's scores on one line, as every format and the report screen state them;
    `roles` as the caller shows them (labels for a client, escaped for Markdown)."""
    return _(
        "{category} · phase {phase} · severity {severity} · impact {impact} · effort {effort}"
        " · breadth {breadth} ({roles}) · priority {priority}"
    ).format(
        category=category(finding.category),
        phase=phase(finding.phase),
        severity=finding.severity,
        impact=finding.impact,
        effort=finding.effort,
        breadth=finding.breadth,
        roles=roles,
        priority=number(finding.priority),
    )
