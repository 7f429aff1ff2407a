"""A finding's category and phase mean the same in a questionnaire's rules and in a
session's observations: both models accept exactly the one vocabulary."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from esp_wizard.questionnaire.model import CATEGORIES, PHASES, FindingRule
from esp_wizard.session.model import Observation


def rule(category: str, phase: str) -> FindingRule:
    return FindingRule.model_validate(
        {
            "id": "r",
            "category": category,
            "phase": phase,
            "when": "true",
            "title": "T",
            "severity": 3,
            "impact": 3,
        }
    )


def observation(category: str, phase: str) -> Observation:
    fields = {"id": "o1", "category": category, "phase": phase, "severity": 3, "text": "seen"}
    return Observation.model_validate(fields)


@pytest.mark.parametrize("make", [rule, observation])
def test_rules_and_observations_take_the_same_categories_and_phases(make) -> None:
    for category in CATEGORIES:
        for phase in PHASES:
            made = make(category, phase)
            assert (made.category, made.phase) == (category, phase)
    with pytest.raises(ValidationError):
        make("risk", PHASES[0])
    with pytest.raises(ValidationError):
        make(CATEGORIES[0], "launch")
