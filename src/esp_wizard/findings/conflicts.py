"""Conflicting inputs: one question id, answered differently by sessions of different roles.

Only answers with a definite value are compared (choice, multi_choice, yes_no, number,
scale, date; a choice by its option value). Free text always differs in wording, and
inventories are merged row by row in the inventory instead, so neither is compared.
Two people of the same role who disagree are not a conflict between roles; it takes at
least two answers and at least two different sets of roles among those who answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.model import Conflict, Position, SessionRef


@dataclass
class _Question:
    text: str
    shown: dict[tuple[str, Any], str] = field(default_factory=dict)
    sessions: dict[tuple[str, Any], list[SessionRef]] = field(default_factory=dict)


def conflicts(facts: Sequence[SessionFacts]) -> tuple[Conflict, ...]:
    questions: dict[str, _Question] = {}
    for fact in facts:
        for compared in fact.compared:
            question = questions.get(compared.question_id)
            if question is None:  # not `setdefault`: that builds a _Question per answer
                question = questions[compared.question_id] = _Question(compared.question)
            question.shown.setdefault(compared.canon, compared.shown)
            question.sessions.setdefault(compared.canon, []).append(fact.ref)
    return tuple(
        Conflict(
            question_id=question_id,
            question=question.text,
            positions=tuple(
                Position(question.shown[canon], tuple(refs))
                for canon, refs in question.sessions.items()
            ),
        )
        for question_id, question in questions.items()
        if _between_roles(question)
    )


def _between_roles(question: _Question) -> bool:
    """Two values and two role sets suffice: some pair then differs in both."""
    if len(question.sessions) < 2:
        return False
    first: frozenset[str] | None = None
    for refs in question.sessions.values():
        for ref in refs:  # stop at the second set: a thousand sessions give many answers
            keys = frozenset(ref.role_keys)
            if first is None:
                first = keys
            elif keys != first:
                return True
    return False
