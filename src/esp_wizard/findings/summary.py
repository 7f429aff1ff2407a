"""One session's summary: who, when, how long, every active answer, and what it raised."""

from __future__ import annotations

from esp_wizard import i18n
from esp_wizard.findings.collect import collect, row_cells, shown_answer
from esp_wizard.findings.merge import merge_findings, split
from esp_wizard.findings.model import SessionSummary, SummaryAnswer, SummarySection
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.session.activity import active_minutes
from esp_wizard.session.interview import Interview
from esp_wizard.session.opened import OpenedSession


def summarize_session(opened: OpenedSession, language: str | None = None) -> SessionSummary:
    """The summary's own words (advice, "not answered") in `language`, by default the
    session's: like a report, it is composed in the language it is read in."""
    with i18n.use(language or opened.questionnaire.language):
        return _summarize(opened)


def _summarize(opened: OpenedSession) -> SessionSummary:
    interview = opened.interview()
    facts = collect(opened)
    findings, strengths = split(merge_findings([facts]))
    progress = interview.progress()
    return SessionSummary(
        session=facts.ref,
        questionnaire_version=opened.questionnaire.version,
        planned_minutes=opened.questionnaire.minutes,
        active_minutes=active_minutes(opened.session),
        answered=progress.done,
        total=progress.total,
        sections=tuple(_sections(interview)),
        follow_ups=facts.follow_ups,
        findings=findings,
        strengths=strengths,
        warnings=(opened.warning,) if opened.warning else (),
    )


def _sections(interview: Interview) -> list[SummarySection]:
    sections = []
    for section in interview.active_sections():
        answers = [
            _answer(interview, q)
            for q in section.questions
            if q.answerable and interview.is_active(q.id) and _worth_showing(interview, q.id)
        ]
        if answers:
            sections.append(SummarySection(section.id, section.title, tuple(answers)))
    return sections


def _worth_showing(interview: Interview, question_id: str) -> bool:
    answer = interview.session.answers.get(question_id)
    if answer is None:
        return False
    return interview.is_done(question_id) or bool(answer.note or answer.quote or answer.follow_up)


def _answer(interview: Interview, question: Question) -> SummaryAnswer:
    answer = interview.session.answers[question.id]
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    done = interview.is_done(question.id)
    if isinstance(question, InventoryQuestion) and done and answer.status == "answered":
        columns = tuple(f.text for f in question.fields)
        rows = tuple(
            tuple(row_cells(interview, question, row).get(f.id, "") for f in question.fields)
            for row in (answer.value if isinstance(answer.value, list) else [])
            if isinstance(row, dict)
        )
    return SummaryAnswer(
        question_id=question.id,
        question=question.text,
        answer=shown_answer(interview, question, answer),
        status=answer.status if done else "open",
        note=answer.note,
        quote=answer.quote,
        follow_up=answer.follow_up,
        columns=columns,
        rows=rows,
    )
