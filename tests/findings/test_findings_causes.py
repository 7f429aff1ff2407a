"""Root causes: rules and observations naming one `cause` are one finding with all evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard.errors import UserError
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.questionnaire.loader import load_questionnaire, parse_questionnaire
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
QUESTIONNAIRES = sorted((REPO / "questionnaires").glob("*.toml"))


@pytest.fixture(scope="module")
def example() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


def test_the_example_states_each_root_cause_once(example: EngagementReport) -> None:
    assert len(example.findings) <= 45
    titles = [f.title for f in example.all_findings]
    assert len(titles) == len(set(titles))
    key_person = [f for f in example.findings if f.cause == "key-person"]
    assert len(key_person) == 1
    merged = key_person[0]
    # four rules and two observations across kickoff, email-ops, data, IT, creative, analytics
    assert "mary-single-point-of-failure" in merged.sources
    assert "kickoff-everything-goes-through-mary" in merged.sources
    assert merged.breadth >= 5 and merged.impact == 5 and merged.must_fix


def test_a_merged_cause_keeps_every_source_and_the_highest_scores(
    example: EngagementReport,
) -> None:
    history = next(f for f in example.findings if f.cause == "history-export")
    assert {"history-only-in-esp", "no-history-export-plan", "data-history-shortfall"} <= set(
        history.sources
    )
    assert {e.session.questionnaire_id for e in history.evidence} >= {"data-crm", "analytics"}
    assert len({e.session.id for e in history.evidence}) == len(history.evidence)


def test_titles_never_name_a_person_as_a_failure(example: EngagementReport) -> None:
    for finding in example.all_findings:
        assert "single point of failure" not in finding.title.casefold()
        assert "Mary" not in finding.title


def test_an_observation_gets_a_recommendation(example: EngagementReport) -> None:
    observed = [f for f in example.all_findings if f.source == "observation"]
    assert observed
    assert all(f.recommendation for f in example.all_findings)


def test_a_row_finding_never_carries_the_whole_answers_note(example: EngagementReport) -> None:
    consent = next(f for f in example.findings if f.cause == "consent-proof")
    for evidence in consent.evidence:
        for answer in evidence.answers:
            if answer.question_id == "consent_sources":
                assert answer.note == ""


def test_the_checklist_lists_each_thing_once_without_glitches(example: EngagementReport) -> None:
    names = [" ".join(i.name.split()).casefold() for i in example.checklist]
    assert len(names) == len(set(names))
    for item in example.checklist:
        assert "variants variants" not in item.check
        assert "Fires on An" not in item.check


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.name)
def test_bundled_rules_name_a_well_formed_cause(path: Path) -> None:
    questionnaire = load_questionnaire(path)
    causes = [r.cause for r in questionnaire.findings if r.cause]
    assert causes, "the bundled rules name their root cause"


def test_english_and_french_rules_share_their_causes() -> None:
    for english in (REPO / "questionnaires").glob("*.en.toml"):
        french = english.with_name(english.name.replace(".en.", ".fr."))
        en = {r.id: r.cause for r in load_questionnaire(english).findings}
        fr = {r.id: r.cause for r in load_questionnaire(french).findings}
        assert en == fr, english.name


def test_a_malformed_cause_is_one_located_error() -> None:
    text = (REPO / "questionnaires" / "kickoff.en.toml").read_text(encoding="utf-8")
    broken = text.replace('cause = "contract-timing"', 'cause = "Contract Timing!"', 1)
    with pytest.raises(UserError) as caught:
        parse_questionnaire(broken, "kickoff.en.toml")
    assert "cause" in str(caught.value) and "kickoff.en.toml:" in str(caught.value)
