"""The timeline model: the sponsor's answer outweighs others', missing sign-off doubles the
estimate, and rules evaluated after the drivers see the engagement's estimate."""

from __future__ import annotations

import datetime as dt

import pytest

from esp_wizard.findings import compile_engagement
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from findings.fixture import make_opened

EXECUTIVE = """
format = 1
id = "executive"
version = "1"
language = "en"
title = "Sponsor"
minutes = 30

[[sections]]
id = "plan"
title = "Plan"

[[sections.questions]]
id = "approach"
type = "choice"
text = "Approach?"
options = [
  { value = "lift", label = "Lift and shift" },
  { value = "modernize", label = "Modernize" },
]

[[sections.questions]]
id = "sign_off"
type = "yes_no"
text = "Signed off?"

[[sections.questions]]
id = "contract_end"
type = "date"
text = "Contract end?"

[[findings]]
id = "estimate-past-contract"
category = "gap"
when = 'add_months(today, estimate_high_months) > contract_end'
title = "The estimate ends after the contract"
detail = "From {today}, {estimate} months end on {estimate_end}, the contract {contract_end}."
severity = 4
impact = 4
phase = "discovery"

[[drivers]]
id = "modernize"
label = "Modernizing"
when = 'approach == "modernize"'

[[drivers]]
id = "no-sign-off"
label = "No executive sign-off"
when = 'sign_off == false'
doubles = true
"""

CREATIVE = """
format = 1
id = "creative"
version = "1"
language = "en"
title = "Creative"
minutes = 30

[[sections]]
id = "design"
title = "Design"

[[sections.questions]]
id = "redesign"
type = "yes_no"
text = "Redesign?"

[[sections.questions]]
id = "brands"
type = "number"
text = "Brands?"

[[drivers]]
id = "modernize"
label = "Redesign wanted"
when = 'redesign'

[[drivers]]
id = "multi-brand"
label = "Several brands"
when = 'brands >= 2'
"""


@pytest.fixture(scope="module")
def executive() -> Questionnaire:
    return parse_questionnaire(EXECUTIVE)


@pytest.fixture(scope="module")
def creative() -> Questionnaire:
    return parse_questionnaire(CREATIVE)


def test_the_sponsors_answer_overrules_another_roles_wish(executive, creative) -> None:
    report = compile_engagement(
        [
            make_opened(executive, "e1", ["executive"], {"approach": "lift"}, day=1),
            make_opened(creative, "c1", ["creative-content"], {"redesign": True}, day=2),
        ]
    )
    assert [d.id for d in report.timeline.drivers] == []
    assert [d.id for d in report.timeline.overruled] == ["modernize"]
    assert report.timeline.estimate == "3-4 months"


def test_without_the_sponsors_answer_the_wish_counts(executive, creative) -> None:
    report = compile_engagement(
        [
            make_opened(executive, "e1", ["executive"], {"sign_off": True}, day=1),
            make_opened(creative, "c1", ["creative-content"], {"redesign": True}, day=2),
        ]
    )
    assert [d.id for d in report.timeline.drivers] == ["modernize"]
    assert report.timeline.overruled == ()


def test_the_sponsor_raising_it_keeps_it(executive, creative) -> None:
    report = compile_engagement(
        [
            make_opened(executive, "e1", ["executive"], {"approach": "modernize"}, day=1),
            make_opened(creative, "c1", ["creative-content"], {"redesign": True}, day=2),
        ]
    )
    assert [d.id for d in report.timeline.drivers] == ["modernize"]
    assert [s.id for s in report.timeline.drivers[0].sessions] == ["e1", "c1"]


def test_missing_sign_off_doubles_the_estimate(executive, creative) -> None:
    report = compile_engagement(
        [
            make_opened(executive, "e1", ["executive"], {"sign_off": False}, day=1),
            make_opened(creative, "c1", ["creative-content"], {"brands": 3}, day=2),
        ]
    )
    timeline = report.timeline
    assert [d.id for d in timeline.drivers] == ["multi-brand"]
    assert [d.id for d in timeline.doubling] == ["no-sign-off"]
    assert (timeline.low_months, timeline.high_months, timeline.estimate) == (6, 8, "6-8 months")


def contract_finding(executive, creative, contract_end: dt.date, sign_off: bool):
    answers = {"contract_end": contract_end, "sign_off": sign_off}
    report = compile_engagement(
        [
            make_opened(executive, "e1", ["executive"], answers, day=1),
            make_opened(creative, "c1", ["creative-content"], {"brands": 1}, day=2),
        ]
    )
    return next((f for f in report.findings if f.key == "estimate-past-contract"), None)


def test_rules_see_the_engagements_estimate_and_dates(executive, creative) -> None:
    """Judged on the report's date (the last session's day), with every session's drivers."""
    judged_on = compile_engagement(
        [make_opened(creative, "c1", ["creative-content"], {"brands": 1}, day=2)]
    ).as_of.date()
    in_five_months = judged_on + dt.timedelta(days=155)
    # signed off: 3-4 months fit before the contract ends
    assert contract_finding(executive, creative, in_five_months, sign_off=True) is None
    # not signed off: 6-8 months run past it, and the finding says when
    fired = contract_finding(executive, creative, in_five_months, sign_off=False)
    assert fired is not None
    end = in_five_months.isoformat()
    assert fired.detail.endswith(f"the contract {end}.")
    assert f"From {judged_on.isoformat()}, 6-8 months end on " in fired.detail
    # a later contract end: the doubled estimate fits again
    later = judged_on + dt.timedelta(days=400)
    assert contract_finding(executive, creative, later, sign_off=False) is None
    # no contract date: the rule stays silent rather than guess
    report = compile_engagement(
        [make_opened(executive, "e1", ["executive"], {"sign_off": False}, day=1)]
    )
    assert "estimate-past-contract" not in {f.key for f in report.findings}


def test_a_session_summary_judges_on_its_own_day_and_drivers(executive) -> None:
    """Without an engagement, a session uses its own drivers and its last change's day."""
    from esp_wizard.findings.summary import summarize_session

    opened = make_opened(executive, "e1", ["executive"], {"sign_off": False}, day=1)
    day = opened.session.updated.date()
    answers = {"sign_off": False, "contract_end": day + dt.timedelta(days=200)}
    opened = make_opened(executive, "e1", ["executive"], answers, day=1)
    summary = summarize_session(opened)
    fired = next(f for f in summary.findings if f.key == "estimate-past-contract")
    assert fired.detail.startswith(f"From {day.isoformat()}, 6-8 months end on ")
    signed = make_opened(executive, "e1", ["executive"], {**answers, "sign_off": True}, day=1)
    assert "estimate-past-contract" not in {f.key for f in summarize_session(signed).findings}
