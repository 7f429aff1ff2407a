"""The example's report states the contract decision from the dates, and follows them.

Northwind's contract ends on 2027-06-30 with six months' notice and automatic renewal; the
report is judged on the day of the last interview (2026-10-14) with an estimate of 12-18
months, so the decision is to extend before the notice date. Moving the end date far enough
turns the decision into "give notice on time"; with no date, the report says nobody knows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from esp_wizard.findings import compile_engagement
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.findings.model import EngagementReport, Finding
from esp_wizard.session.model import Answer
from esp_wizard.session.opened import OpenedSession
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
CONTRACT = {"contract-deadline-tight", "notice-deadline-now", "contract-fits-plan"}


@pytest.fixture(scope="module")
def example() -> list[OpenedSession]:
    _, opened, warnings = load_engagement(Workspace(REPO))
    assert not warnings
    return opened


def with_contract_end(sessions: list[OpenedSession], end: dt.date | None) -> EngagementReport:
    """The same engagement with another contract end date in every session that gives one."""
    changed = []
    for opened in sessions:
        session = opened.session.model_copy(deep=True)
        if "contract_end_date" in session.answers:
            if end is None:
                session.answers["contract_end_date"] = Answer(status="dont_know")
            else:
                session.answers["contract_end_date"] = Answer(value=end)
        changed.append(OpenedSession(session, opened.questionnaire, opened.path, opened.warning))
    return compile_engagement(changed)


def decisions(report: EngagementReport) -> dict[str, str]:
    """Each contract rule that fired, with the texts of the finding it is part of (rules
    sharing a root cause are merged into one finding: its detail and its evidence)."""
    return {
        source: "\n".join([f.detail, *(e.detail for e in f.evidence)])
        for f in report.all_findings
        for source in f.sources
        if source in CONTRACT
    }


def finding_with(report: EngagementReport, source: str) -> Finding:
    return next(f for f in report.all_findings if source in f.sources)


def test_the_report_says_extend_from_the_dates(example: list[OpenedSession]) -> None:
    report = compile_engagement(example)
    assert report.timeline.estimate == "12-18 months"
    found = decisions(report)
    assert set(found) == {"contract-deadline-tight", "notice-deadline-now"}
    assert (
        "Judged on 2026-10-14: the estimate of 12-18 months ends on 2028-04-14, "
        "after the contract ends on 2027-06-30."
    ) in found["contract-deadline-tight"]
    tight = finding_with(report, "contract-deadline-tight")
    assert tight.recommendation.startswith("Decision: extend.")
    assert tight.must_fix


def test_a_later_contract_end_turns_the_decision_into_notice(
    example: list[OpenedSession],
) -> None:
    report = with_contract_end(example, dt.date(2029, 3, 31))
    found = decisions(report)
    assert set(found) == {"contract-fits-plan"}
    fits = finding_with(report, "contract-fits-plan")
    assert fits.recommendation.startswith("Decision: give notice.")
    assert "before the contract ends on 2029-03-31" in fits.detail


def test_an_end_between_the_two_still_needs_the_extension(example: list[OpenedSession]) -> None:
    """Past the low estimate but before the high one: the plan's worst case decides."""
    found = decisions(with_contract_end(example, dt.date(2027, 12, 31)))
    assert "contract-deadline-tight" in found and "contract-fits-plan" not in found


def test_without_a_date_no_decision_is_guessed(example: list[OpenedSession]) -> None:
    report = with_contract_end(example, None)
    assert decisions(report) == {}
    assert "contract-end-unknown" in {s for f in report.findings for s in f.sources}
