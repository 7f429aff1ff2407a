"""long_text: several lines, typed one line at a time; an empty line ends the answer.

No editor and no Alt+Enter: an external editor is unusable over a pipe or with a screen
reader, and Alt+Enter (questionary's multi-line mode) is swallowed by many terminals and
SSH clients. One line per prompt works everywhere, and each line is checked by the core
(the length limit counts the whole answer) before it is accepted. Enter on the first,
empty line keeps the stored answer; typed text replaces it.
"""

from __future__ import annotations

from esp_wizard.ask.prompts.context import AskContext, checked
from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.replies import UNCHANGED, Answered, Reply
from esp_wizard.ask.specials import Special, read_typed
from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds import validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.long_text import LongTextQuestion

MORE = "..."


@asks("long_text")
class LongTextPrompt:
    def ask(self, question: LongTextQuestion, ctx: AskContext) -> Reply:
        if ctx.value:
            ctx.prompter.say("  " + _("Current answer:"))
            for line in str(ctx.value).splitlines():
                ctx.prompter.say(f"  | {line}")
        keeps = "; " + _("Enter now keeps the current answer") if ctx.value else ""
        first = ctx.prompter.text(
            question.text,
            instruction=_("(one line at a time, an empty line ends{keeps})").format(keeps=keeps),
            validate=checked(lambda text: self._check_first(question, ctx, text)),
        )
        reply = read_typed(first, ctx.specials)
        if isinstance(reply, Special):
            return reply
        if not reply.strip():
            return UNCHANGED
        return Answered(self._more_lines(question, ctx, [reply]))

    def _more_lines(self, question: LongTextQuestion, ctx: AskContext, lines: list[str]) -> str:
        while True:
            line = ctx.prompter.text(
                "",
                qmark=MORE,
                validate=checked(lambda text: _check_all(question, [*lines, text])),
            )
            if not line.strip():
                return "\n".join(lines)
            lines.append(line)

    def _check_first(self, question: LongTextQuestion, ctx: AskContext, text: str) -> None:
        reply = read_typed(text, ctx.specials)
        if isinstance(reply, Special):
            return
        if not reply.strip():
            if ctx.in_row and question.required and not ctx.value:
                raise AnswerError(_("{text}: required.").format(text=question.text))
            return
        _check_all(question, [reply])


def _check_all(question: LongTextQuestion, lines: list[str]) -> None:
    if lines[-1].strip():
        validate(question, "\n".join(lines))
