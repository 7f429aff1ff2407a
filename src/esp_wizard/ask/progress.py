"""Where the interview stands, in words: "question 12 of 31, section 2 of 5".

Counts active questions only (the core's skip logic), so the numbers shift as answers open
or close sections, exactly as the TUI's progress does.
"""

from __future__ import annotations

from esp_wizard.i18n import _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.prose import reflow
from esp_wizard.session.interview import Interview


def progress_line(interview: Interview, question: Question) -> str:
    parts = []
    asked = [q.id for q in interview.active_questions() if q.answerable]
    if question.id in asked:
        number = asked.index(question.id) + 1
        parts.append(_("question {number} of {count}").format(number=number, count=len(asked)))
    section = section_number(interview, question)
    if section:
        parts.append(_("section {number} of {count}").format(number=section[0], count=section[1]))
    done = interview.progress()
    counted = _("{done} of {total} done").format(done=done.done, total=done.total)
    return f"{', '.join(parts)} ({counted})"


def section_number(interview: Interview, question: Question) -> tuple[int, int] | None:
    sections = [s.id for s in interview.active_sections()]
    section = interview.questionnaire.section_of(question.id)
    if section is None or section.id not in sections:
        return None
    return sections.index(section.id) + 1, len(sections)


def section_heading(interview: Interview, section: m.Section) -> list[str]:
    """The lines shown when the interview enters a section: title, then its intro."""
    sections = [s.id for s in interview.active_sections()]
    number = (
        _("Section {number} of {count}: ").format(
            number=sections.index(section.id) + 1, count=len(sections)
        )
        if section.id in sections
        else ""
    )
    lines = ["", f"== {number}{section.title} =="]
    if section.intro:
        lines.append(reflow(section.intro))
    return lines
