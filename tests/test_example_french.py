"""The French example engagement (examples/fr) tells the English example's story in French:
the same interviews, findings, estimate and decisions, every answer given through the French
questionnaires. Rebuild both with `.venv/bin/python scripts/build_example.py`."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from esp_wizard.cli import main
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


def test_a_french_engagement_compiles_in_english_when_asked(french: EngagementReport) -> None:
    """`report --lang en`: the report's own sentences in English, people's words as said."""
    english_view = compile_workspace(Workspace(REPO / "examples" / "fr"), language="en")
    assert english_view.language == "en"
    assert english_view.timeline.estimate == "12-18 months"
    assert english_view.executive is not None
    assert english_view.executive.decisions[0].title == (
        "Extend the current contract or shorten the scope"
    )
    assert [f.key for f in english_view.findings] == [f.key for f in french.findings]
    titles = {f.title for f in english_view.findings}
    assert "Les mouvements de données et les correctifs dépendent d'une seule personne" in titles
    assert any(title.endswith(", and 1 more like it") for title in titles)


@pytest.mark.parametrize(
    ("options", "first_line"),
    [
        (["report", "--part", "parity"], "\ufefftype;automatisation;référence;"),
        (["report", "--part", "parity", "--csv-dialect", "comma"], "\ufefftype,automatisation,"),
        (["report", "--part", "parity", "--lang", "en"], "\ufeffkind,automation,baseline,"),
        (["report", "--format", "csv"], "\ufeffrang;clé;cause;"),
    ],
)
def test_the_french_example_exports_csv_for_french_spreadsheets(
    capsys: pytest.CaptureFixture[str], options: list[str], first_line: str
) -> None:
    assert main(["--workspace", str(REPO / "examples" / "fr"), *options]) == 0
    assert capsys.readouterr().out.startswith(first_line)
