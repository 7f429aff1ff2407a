"""The French example engagement (examples/fr) tells the English example's story in French:
the same interviews, findings, estimate and decisions, every answer given through the French
questionnaires. Rebuild both with `.venv/bin/python scripts/build_example.py`."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def english() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


@pytest.fixture(scope="module")
def french() -> EngagementReport:
    return compile_workspace(Workspace(REPO / "examples" / "fr"))


def test_every_french_session_ran_a_french_questionnaire(french: EngagementReport) -> None:
    assert len(french.sessions) == 10
    assert {s.language for s in french.sessions} == {"fr"}
    assert french.language == "fr"
    assert all(s.status == "completed" for s in french.sessions)


def test_the_french_example_finds_what_the_english_one_finds(
    english: EngagementReport, french: EngagementReport
) -> None:
    assert [f.key for f in french.findings] == [f.key for f in english.findings]
    assert [f.key for f in french.strengths] == [f.key for f in english.strengths]
    assert len(french.must_fix) == len(english.must_fix)
    assert len(french.conflicts) == len(english.conflicts)
    assert french.roles_covered == english.roles_covered


def test_the_french_example_reaches_the_same_dates_and_decisions(
    english: EngagementReport, french: EngagementReport
) -> None:
    assert (french.timeline.low_months, french.timeline.high_months) == (12, 18)
    assert french.timeline.estimate == "12 à 18 mois"
    assert french.executive is not None and english.executive is not None
    same_dates = dataclasses.replace(english.executive.dates, estimate="12 à 18 mois")
    assert french.executive.dates == same_dates
    assert [d.deadline for d in french.executive.decisions] == [
        d.deadline for d in english.executive.decisions
    ]
    assert french.executive.verdict.level == english.executive.verdict.level == "not yet"
    assert french.executive.decisions[0].title == (
        "Prolonger le contrat actuel ou réduire le périmètre"
    )
