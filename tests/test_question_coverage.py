"""No answer a client gives is silently ignored.

Every question of every bundled questionnaire is read by a finding rule (its condition,
`for_each` or texts), a timeline driver, or a report section (worries, interview plan, the
merged inventory); otherwise it carries the `context-only` tag, and that tag stays rare.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from esp_wizard.findings.voices import CONTEXT_ONLY, REPORT_SECTIONS
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.catalog import bundled_dir
from esp_wizard.questionnaire.expression import names
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.questionnaire.templates import template_names

FILES = sorted(bundled_dir().glob("*.toml"))
# Answers the domain review found collected and never judged: each must now be judged by a
# rule's condition, not merely shown or marked.
JUDGED = {
    "executive": {"target_go_live", "parallel_run_months", "external_help"},
    "kickoff": {"target_go_live"},
    "deliverability": {
        "engaged_share",
        "warmup_experience",
        "ip_reputation",
        "dedicated_ip_count",
        "target_ip_plan",
        "peak_multiplier",
        "recent_incidents",
    },
    "legal-privacy": {"hosting_requirement"},
}


@cache
def load(path: Path) -> m.Questionnaire:
    return load_questionnaire(path)


def judged_by_rules(q: m.Questionnaire) -> set[str]:
    """Question ids that some rule's or driver's condition names."""
    owners = [*q.findings, *q.drivers]
    return {n for o in owners if o.condition is not None for n in names(o.condition)}


def read_by_rules(q: m.Questionnaire) -> set[str]:
    read = judged_by_rules(q)
    for rule in q.findings:
        if rule.for_each:
            read.add(rule.for_each)
        for text in (rule.title, rule.detail, rule.recommendation):
            read |= set(template_names(text))
    return read


def how_read(q: m.Questionnaire, question: Question, rules: set[str]) -> str | None:
    if question.id in rules:
        return "rule or driver"
    if question.id in REPORT_SECTIONS:
        return REPORT_SECTIONS[question.id]
    if isinstance(question, InventoryQuestion):
        return "inventory"
    if CONTEXT_ONLY in question.tags:
        return "context only"
    return None


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_question_is_read_or_marked(path: Path) -> None:
    q = load(path)
    rules = read_by_rules(q)
    answerable = [x for x in q.questions() if x.answerable]
    unread = [x.id for x in answerable if how_read(q, x, rules) is None]
    assert unread == [], f"{path.name}: answers nobody reads: {unread}"
    marked = [x.id for x in answerable if how_read(q, x, rules) == "context only"]
    assert len(marked) * 10 <= len(answerable), f"{path.name}: too many context-only: {marked}"


@pytest.mark.parametrize("role", sorted(JUDGED))
def test_the_answers_the_review_named_are_judged(role: str) -> None:
    for language in ("en", "fr"):
        q = load(bundled_dir() / f"{role}.{language}.toml")
        assert JUDGED[role] <= judged_by_rules(q), JUDGED[role] - judged_by_rules(q)
        marked = {x.id for x in q.questions() if CONTEXT_ONLY in x.tags}
        assert not JUDGED[role] & marked


def test_a_question_nobody_reads_is_caught(tmp_path: Path) -> None:
    """The check itself fails on an unread, unmarked question."""
    source = (bundled_dir() / "kickoff.en.toml").read_text(encoding="utf-8")
    extra = '[[sections.questions]]\nid = "favourite_colour"\ntype = "text"\ntext = "Colour?"\n\n'
    marker = '[[sections.questions]]\nid = "biggest_worry"'
    path = tmp_path / "kickoff.en.toml"
    path.write_text(source.replace(marker, extra + marker), encoding="utf-8")
    q = load_questionnaire(path)
    rules = read_by_rules(q)
    unread = [x.id for x in q.questions() if x.answerable and how_read(q, x, rules) is None]
    assert unread == ["favourite_colour"]


def test_the_report_gathers_every_worry() -> None:
    """The example's ten interviews each closed on "what worries you most?"."""
    from esp_wizard.findings import compile_engagement
    from esp_wizard.findings.engagement import load_engagement
    from esp_wizard.workspace import Workspace

    _, opened, _ = load_engagement(Workspace(Path(__file__).resolve().parents[1]))
    report = compile_engagement(opened)
    answered = [
        o.session.id
        for o in sorted(opened, key=lambda o: (o.session.started, o.session.id))
        if o.session.answers.get("biggest_worry") is not None
        and o.session.answers["biggest_worry"].status == "answered"
    ]
    assert [w.session.id for w in report.worries] == answered
    assert len(answered) == 10
    assert all(w.answer for w in report.worries)
