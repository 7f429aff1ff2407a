"""The root causes the questionnaires' rules name, each with a title people can read.

A facilitator's observation joins a cause by its id (the report then merges it with the
rules' finding for that cause); the faces offer these causes by title, never by id. A
cause's title is the one its strongest rule gives (highest severity × impact, a rule about
the whole programme before one that runs for each inventory row, then file order), because
that rule usually states the cause itself rather than one of its symptoms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from esp_wizard.questionnaire.model import FindingRule, Questionnaire
from esp_wizard.questionnaire.templates import fill

ELLIPSIS = "…"  # stands for a template name in a title: no answer is known here


@dataclass(frozen=True)
class Cause:
    id: str
    title: str


def known_causes(questionnaires: Iterable[Questionnaire], language: str) -> list[Cause]:
    """Every cause named by a rule of the questionnaires in `language`, sorted by title.

    A questionnaire listed twice (the session's own copy and the installed one) counts once.
    """
    rules: dict[str, list[FindingRule]] = {}
    seen: set[tuple[str, str]] = set()
    for questionnaire in questionnaires:
        if questionnaire.language != language or (questionnaire.id, language) in seen:
            continue
        seen.add((questionnaire.id, language))
        for rule in questionnaire.findings:
            if rule.cause:
                rules.setdefault(rule.cause, []).append(rule)
    causes = [Cause(cause, _title(found)) for cause, found in rules.items()]
    return sorted(causes, key=lambda c: (c.title.casefold(), c.id))


def _title(rules: list[FindingRule]) -> str:
    ranked = sorted(
        enumerate(rules),
        key=lambda pair: (
            -pair[1].severity * pair[1].impact,
            pair[1].for_each is not None,
            pair[0],
        ),
    )
    return fill(ranked[0][1].title, lambda _name: ELLIPSIS)
