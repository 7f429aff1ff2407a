"""The interview's ctrl+p provider: type part of a question, go there."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.markup import escape

from esp_wizard.i18n import _


class QuestionJumpProvider(Provider):
    """Search the active questions' text (and ids) and go to the one chosen."""

    async def search(self, query: str) -> Hits:
        from esp_wizard.tui.screens.interview import InterviewScreen  # it imports this module

        interview_screen = self.screen
        if not isinstance(interview_screen, InterviewScreen):
            return
        interview = interview_screen.interview
        matcher = self.matcher(query)
        for question in interview.active_questions():
            section = interview.questionnaire.section_of(question.id)
            score = matcher.match(f"{question.text} {question.id}")
            if score <= 0:
                continue
            yield Hit(
                score,
                matcher.highlight(question.text),
                partial(interview_screen.jump_to, question.id),
                text=question.text,
                help=escape(_("Go to this question") + f" · {section.title if section else ''}"),
            )
