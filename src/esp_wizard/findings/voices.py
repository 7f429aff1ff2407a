"""What people said in their own words that the report gathers outside the findings.

Every answer a client gives is read by something: a finding rule, a timeline driver, or
one of the report sections named here. `REPORT_SECTIONS` says which question ids feed a
section (inventory questions all feed the merged inventory); a question read by none of
them carries the `context-only` tag (context for the consultant, e.g. the opening story),
and tests/test_question_coverage.py keeps that tag rare.
"""

from __future__ import annotations

from esp_wizard.findings.model import SessionRef, Worry
from esp_wizard.session.interview import Interview

WORRY_QUESTIONS = ("biggest_worry",)
REPORT_SECTIONS = {
    "biggest_worry": "worries",  # closing question of every role questionnaire
    "who_else": "interview plan",  # the people to interview next (also an inventory)
}
CONTEXT_ONLY = "context-only"  # the tag of a question that no rule or section reads


def worries(interview: Interview, ref: SessionRef) -> tuple[Worry, ...]:
    """The session's answers to "what worries you most?", as given, notes and quotes kept."""
    found = []
    for question_id in WORRY_QUESTIONS:
        question = interview.questionnaire.question(question_id)
        answer = interview.session.answers.get(question_id)
        if question is None or answer is None or not interview.is_active(question_id):
            continue
        if answer.status != "answered" or not isinstance(answer.value, str):
            continue
        if not answer.value.strip():
            continue
        found.append(
            Worry(ref, question_id, question.text, answer.value.strip(), answer.note, answer.quote)
        )
    return tuple(found)
