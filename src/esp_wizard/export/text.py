"""Words and numbers that every format shows the same way (labels, dates, priorities)."""

from __future__ import annotations

import datetime as dt

from esp_wizard.findings.model import EngagementReport, SessionRef

CATEGORY_LABELS = {
    "strength": "Strength",
    "gap": "Gap",
    "hack": "Hack (workaround)",
    "manual": "Manual process",
}
PHASE_LABELS = {"discovery": "Discovery", "move": "Move", "uat": "UAT", "send": "Send"}
READINESS_LABELS = {"blocked": "Blocked by must-fix", "at risk": "At risk", "clear": "Clear"}
MOVE_LABELS = {"yes": "yes", "no": "no", "disputed": "disputed", "unknown": "not said"}
FOLLOW_UP_LABELS = {"flagged": "Flagged for follow-up", "required": "Required, not answered"}
STATUS_LABELS = {"in_progress": "in progress", "completed": "completed"}
ANSWER_STATUS = {
    "answered": "answered",
    "dont_know": "don't know",
    "not_applicable": "not applicable",
    "open": "not answered",
}


def category(value: str) -> str:
    return CATEGORY_LABELS.get(value, value)


def phase(value: str) -> str:
    return PHASE_LABELS.get(value, value)


def when(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def day(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d")


def number(value: float) -> str:
    """112.5, 12, 11.25: no trailing zeros, never an exponent for report-sized values."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def report_title(report: EngagementReport) -> str:
    name = f"{report.client} — {report.engagement}" if report.engagement else report.client
    return f"Discovery report: {name}" if name else "Discovery report"


def who(session: SessionRef) -> str:
    """`Ana Souza (email-ops), session ops1aaaa`: enough to trace a statement."""
    return f"{session.people}, session {session.id}"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def sentence(text: str) -> str:
    """Capitalise the first letter only: "inbound API" -> "Inbound API"."""
    return text[:1].upper() + text[1:]


CONFIDENTIAL = "Confidential: prepared for {client}. Not for distribution beyond the engagement."
VERDICT_LABELS = {"go": "Go", "go with conditions": "Go with conditions", "not yet": "Not yet"}
LEVEL_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}


def confidential(report: EngagementReport) -> str:
    return CONFIDENTIAL.format(client=report.client or "the client")


def date(value: dt.date | None) -> str:
    """ "5 January 2027" (English month names whatever the locale); "" for none."""
    from esp_wizard.findings.dates import day as long_day

    return long_day(value) if value else ""


def facilitators(report: EngagementReport) -> str:
    return ", ".join(report.facilitators) or "not named"


def who_role(session: SessionRef) -> str:
    """A session as a client-facing line: its people as attributed, and the day."""
    return f"{session.people}, {day(session.started)}"


def anchor(key: str) -> str:
    """An HTML id for a finding's key: keys may hold spaces and colons, ids may not."""
    import re

    return "finding-" + (re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-") or "x")
