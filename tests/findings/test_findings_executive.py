"""Dates, decisions and verdicts of the executive summary, from answers only."""

from __future__ import annotations

import datetime as dt
import itertools

from esp_wizard.findings.decisions import contract_decision, go_live_decision, theme_of, verdict
from esp_wizard.findings.model import KeyDates, Roadmap
from esp_wizard.findings.roadmap import roadmap
from esp_wizard.questionnaire.months import add_months, months_between

D = dt.date


def dates(contract_end: dt.date | None, go_live: dt.date | None = None) -> KeyDates:
    kickoff = D(2026, 10, 5)
    return KeyDates(
        kickoff=kickoff,
        contract_end=contract_end,
        notice_by=add_months(contract_end, -6) if contract_end else None,
        go_live=go_live,
        estimate="12-18 months",
        span=(12, 18),
        estimate_ends=(add_months(kickoff, 12), add_months(kickoff, 18)),
    )


def test_months_are_calendar_months_clamped_to_the_month() -> None:
    assert add_months(D(2026, 10, 5), 9) == D(2027, 7, 5)
    assert add_months(D(2027, 1, 31), 1) == D(2027, 2, 28)
    assert add_months(D(2027, 7, 5), -6) == D(2027, 1, 5)
    assert add_months(D(2027, 6, 30), -6) == D(2026, 12, 30)  # as the `when` language counts
    assert add_months(D(2026, 10, 5), 1.2) == D(2026, 11, 11)  # a part of a month as days
    assert months_between(D(2027, 7, 5), D(2028, 4, 5)) == 9
    assert months_between(D(2027, 7, 5), D(2028, 4, 4)) == 8  # whole months only


def test_the_roadmap_counts_the_estimates_months_not_its_words() -> None:
    said = dates(D(2027, 7, 5))
    plan = roadmap([], KeyDates(**{**said.__dict__, "estimate": "a year to eighteen months"}))
    assert [p.phase for p in plan.phases] == ["discovery", "move", "uat", "send"]
    assert plan.phases[0].start == D(2026, 10, 5)
    assert (plan.phases[-1].end, plan.phases[-1].latest_end) == (D(2027, 10, 5), D(2028, 4, 5))
    assert roadmap([], KeyDates(**{**said.__dict__, "span": (0, 0)})).phases == ()


def test_an_estimate_past_the_contract_asks_to_extend_or_shorten_by_the_notice_date() -> None:
    decision = contract_decision(dates(D(2027, 7, 5)))
    assert decision is not None
    assert decision.title == "Extend the current contract or shorten the scope"
    assert "3 to 9 months after the contract" in decision.why
    assert decision.deadline == D(2027, 1, 5)


def test_a_contract_that_outlasts_the_estimate_asks_for_notice() -> None:
    decision = contract_decision(dates(D(2029, 4, 5)))
    assert decision is not None and decision.title == "Give notice on the current contract"
    assert contract_decision(dates(None)) is None


def test_a_go_live_before_the_shortest_estimate_is_a_decision() -> None:
    plan = Roadmap((), ())
    early = go_live_decision(dates(D(2027, 7, 5), go_live=D(2027, 4, 12)), plan)
    assert early is not None and "6 months before" in early.why
    assert go_live_decision(dates(D(2027, 7, 5), go_live=D(2028, 1, 10)), plan) is None


def test_the_verdict_follows_dates_and_must_fix() -> None:
    assert verdict(dates(D(2027, 7, 5)), []).level == "not yet"
    assert verdict(dates(D(2029, 4, 5)), []).level == "go"


def test_worries_fall_into_themes_by_their_words() -> None:
    assert theme_of("We will pay MailHarbor for another year") == "Time, contract and cost"
    assert theme_of("Moving consent without the wording") == "Data, consent and compliance"
    assert theme_of("Purple elephants") == "Other worries"


def test_the_example_roadmap_marks_freezes_contract_and_go_live() -> None:
    from pathlib import Path

    from esp_wizard.findings import compile_workspace
    from esp_wizard.workspace import Workspace

    report = compile_workspace(Workspace(Path(__file__).resolve().parents[2]))
    assert report.roadmap is not None
    marks = {(m.kind, m.day, m.until) for m in report.roadmap.milestones}
    assert ("freeze", D(2026, 11, 16), D(2027, 1, 4)) in marks
    assert ("go-live", D(2027, 4, 12), None) in marks
    assert ("contract", D(2027, 6, 30), None) in marks
    assert ("notice", D(2026, 12, 30), None) in marks  # 6 months before, clamped
    phases = report.roadmap.phases
    assert [p.phase for p in phases] == ["discovery", "move", "uat", "send"]
    assert all(a.end == b.start for a, b in itertools.pairwise(phases))
    assert sum(len(p.blocking) for p in phases) == len(report.must_fix)
