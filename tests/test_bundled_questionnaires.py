"""The bundled questionnaires: valid, complete, bilingual twins, and every rule reachable.

"Every rule can fire" and "every question can be reached" are shown by search: seeded
random interviews whose answers are drawn from the values the conditions themselves name
(option values, numbers either side of each threshold, yes and no, blanks and "don't know").
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import tomli

from conftest import new_session
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.catalog import bundled_dir
from esp_wizard.questionnaire.expression import ast
from esp_wizard.questionnaire.kinds.base import OTHER
from esp_wizard.questionnaire.kinds.choice import ChoiceQuestion
from esp_wizard.questionnaire.kinds.date import DateQuestion
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.questionnaire.kinds.multi_choice import MultiChoiceQuestion
from esp_wizard.questionnaire.kinds.number import NumberQuestion
from esp_wizard.questionnaire.kinds.scale import ScaleQuestion
from esp_wizard.questionnaire.kinds.yes_no import YesNoQuestion
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Answer

FILES = sorted(bundled_dir().glob("*.toml"))
TODAY = dt.date(2026, 10, 1)  # what `today` is in the random interviews
DAYS_FROM_TODAY = (-400, -60, 30, 100, 200, 300, 450, 700, 1200)
ESTIMATES = ((3, 4), (6, 9), (12, 18), (6, 8), (24, 36))  # bands, and doubled ones
ROLE_IDS = (*m.ROLES, "kickoff")
TEXT_KEYS = {
    "title", "description", "text", "help", "label", "intro", "detail", "recommendation",
    "item", "placeholder", "unit", "labels",
}  # fmt: skip


@cache
def load(path: Path) -> m.Questionnaire:
    return load_questionnaire(path)


def test_every_role_and_the_kickoff_exist_in_english_and_french() -> None:
    found = {(load(p).id, load(p).language) for p in FILES}
    expected = {(role, language) for role in ROLE_IDS for language in ("en", "fr")}
    assert expected <= found


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_role_questionnaire_is_complete(path: Path) -> None:
    q = load(path)
    questions = [x for x in q.questions() if x.answerable]
    ids = [x.id for x in questions]
    assert ids[0] == "opening_story"
    assert {"biggest_worry", "who_else"} <= set(ids[-3:])
    assert q.description and q.minutes >= len(questions)
    assert all(rule.recommendation and rule.phase for rule in q.findings)
    if q.id == "kickoff":
        assert 10 <= len(questions) <= 20 and len(q.findings) >= 4
        return
    assert 20 <= len(questions) <= 40
    assert 3 <= len(q.sections) <= 6
    assert len(q.findings) >= 8
    inventories = {x.id for x in questions if isinstance(x, InventoryQuestion)} - {"who_else"}
    if inventories:
        assert inventories & {rule.for_each for rule in q.findings}, "no rule over an inventory"


def test_every_category_is_used_across_the_set() -> None:
    used = {rule.category for p in FILES for rule in load(p).findings}
    assert used == set(m.CATEGORIES)


def structure(value: Any) -> Any:
    """A questionnaire's data without its words: what a translation must keep."""
    if isinstance(value, dict):
        kept = {k: structure(v) for k, v in value.items() if k not in TEXT_KEYS}
        return kept | ({"labels": sorted(value["labels"])} if "labels" in value else {})
    if isinstance(value, list):
        return [structure(v) for v in value]
    return value


@pytest.mark.parametrize("role", ROLE_IDS)
def test_the_french_twin_differs_only_in_its_words(role: str) -> None:
    english = tomli.loads((bundled_dir() / f"{role}.en.toml").read_text(encoding="utf-8"))
    french = tomli.loads((bundled_dir() / f"{role}.fr.toml").read_text(encoding="utf-8"))
    assert english.pop("language") == "en" and french.pop("language") == "fr"
    assert structure(french) == structure(english)
    assert french["title"] != english["title"]


def test_shared_questions_have_one_meaning_everywhere() -> None:
    seen: dict[str, tuple[Any, ...]] = {}
    for path in FILES:
        for question in load(path).questions():
            shape = (question.type, tuple(getattr(question, "values", ())))
            assert seen.setdefault(question.id, shape) == shape, f"{question.id} in {path.name}"


# -- every rule can fire, every question can be reached --------------------------------------
def literals(questionnaire: m.Questionnaire) -> dict[str, set[float]]:
    """Numbers each name (or `item.field` / `inventory.field`) is compared with."""
    found: dict[str, set[float]] = defaultdict(set)

    def walk(node: Any) -> None:
        if isinstance(node, ast.Compare):
            for side, other in ((node.left, node.right), (node.right, node.left)):
                if isinstance(other, ast.Literal) and isinstance(other.value, int | float):
                    if isinstance(side, ast.Name):
                        found[side.name].add(other.value)
                    elif isinstance(side, ast.Field):
                        found[side.field].add(other.value)
                    elif isinstance(side, ast.Call):
                        arg = side.arg.base if isinstance(side.arg, ast.Field) else side.arg
                        found[f"count:{arg.name}"].add(other.value)
        for child in vars(node).values() if hasattr(node, "__dataclass_fields__") else ():
            for item in child if isinstance(child, tuple) else (child,):
                if hasattr(item, "__dataclass_fields__"):
                    walk(item)

    owners = [*questionnaire.sections, *questionnaire.questions(), *questionnaire.findings]
    for owner in [*owners, *questionnaire.drivers]:
        if owner.condition is not None:
            walk(owner.condition)
    return found


def candidate(question: Any, numbers: dict[str, set[float]], rng: random.Random) -> Any:
    if isinstance(question, ChoiceQuestion):
        return rng.choice(question.values)
    if isinstance(question, MultiChoiceQuestion):
        return rng.sample(question.values, rng.randint(1, len(question.values)))
    if isinstance(question, YesNoQuestion):
        return rng.random() < 0.5
    if isinstance(question, NumberQuestion | ScaleQuestion):
        points = {question.min or 0, question.max or 0}
        thresholds = sorted(numbers.get(question.id, ()))
        for threshold in thresholds:
            points |= {threshold - 1, threshold - 0.01, threshold, threshold + 0.01, threshold + 1}
        points |= {(a + b) / 2 for a, b in itertools.pairwise(thresholds)}
        low = question.min if question.min is not None else float("-inf")
        high = question.max if question.max is not None else float("inf")
        value = rng.choice(sorted(p for p in points if low <= p <= high) or [low])
        return int(value) if isinstance(question, ScaleQuestion) or question.integer else value
    if isinstance(question, DateQuestion):
        return question.min or TODAY + dt.timedelta(days=rng.choice(DAYS_FROM_TODAY))
    if isinstance(question, InventoryQuestion):
        counts = sorted(numbers.get(f"count:{question.id}", {0})) or [0]
        rows = rng.choice([1, 2, int(max(counts)) + 1])
        return [inventory_row(question, n, numbers, rng) for n in range(rows)]
    return "Mary in IT does it by hand"


def inventory_row(
    question: InventoryQuestion, n: int, numbers: dict[str, set[float]], rng: random.Random
) -> dict[str, Any]:
    row: dict[str, Any] = {question.key_field: f"row {n}"}
    for field in question.fields[1:]:
        if rng.random() < 0.75:
            row[field.id] = candidate(field, numbers, rng)
    return row


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_rule_can_fire_and_every_question_can_be_reached(path: Path) -> None:
    questionnaire = load(path)
    numbers = literals(questionnaire)
    rng = random.Random(f"{path.name}")
    fired: set[str] = set()
    drivers: set[str] = set()
    reached: set[str] = set()
    for _ in range(300):
        interview = Interview(questionnaire, new_session(questionnaire), today=TODAY)
        for question in questionnaire.questions():
            if not question.answerable or rng.random() < 0.15:
                continue
            if rng.random() < 0.05:
                interview.session.answers[question.id] = Answer(status="dont_know")
                continue
            value = candidate(question, numbers, rng)
            chosen = value if isinstance(value, list) else [value]
            other = "Zapier" if OTHER in chosen else ""
            interview.session.answers[question.id] = Answer(value=value, other=other)
        interview._active = None
        reached |= interview.active_ids
        fired |= {f.rule.id for f in interview.fired_findings(rng.choice(ESTIMATES))}
        drivers |= {d.id for d in interview.fired_drivers()}
    assert {r.id for r in questionnaire.findings} - fired == set()
    assert {d.id for d in questionnaire.drivers} - drivers == set()
    assert {q.id for q in questionnaire.questions()} - reached == set()
