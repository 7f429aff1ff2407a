"""yes_no and note (text shown, nothing asked).

In English a yes/no is a confirm: y or n answers at once. In French it is a word typed and
confirmed with Enter (o, oui, n, non, and y, yes too), because `oui` and `non` start with
letters that would otherwise answer at once and leave the rest of the word to be typed
into the next prompt. Enter alone keeps what is stored, so a stray Enter never records a
"yes"; in an inventory row a required yes/no field waits for an answer.
"""

from __future__ import annotations

from esp_wizard import i18n
from esp_wizard.ask.prompter import COMMAND_KEY, ENTER_KEY
from esp_wizard.ask.prompts.context import AskContext, checked
from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.replies import UNCHANGED, Answered, Reply
from esp_wizard.ask.specials import Special, read_typed
from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.note import NoteQuestion
from esp_wizard.questionnaire.kinds.yes_no import YesNoQuestion


@asks("yes_no")
class YesNoPrompt:
    def ask(self, question: YesNoQuestion, ctx: AskContext) -> Reply:
        stored = ctx.value if isinstance(ctx.value, bool) else None
        if i18n.current() != "en":
            return _ask_word(question, ctx, stored)
        while True:
            result = ctx.prompter.confirm(
                question.text,
                default=stored is not False,
                instruction=_instruction(question, ctx, stored),
                command_key=bool(ctx.specials),
                enter=True,
            )
            if result is COMMAND_KEY:
                if (special := ctx.command()) is not None:
                    return special
                continue
            if result is ENTER_KEY:
                if ctx.in_row and question.required and stored is None:
                    ctx.prompter.say("  " + _("Answer y or n."))
                    continue
                return UNCHANGED
            return Answered(bool(result))


def _ask_word(question: YesNoQuestion, ctx: AskContext, stored: bool | None) -> Reply:
    """A yes/no word and Enter: the whole word is consumed by this prompt, nothing spills."""
    typed = ctx.prompter.text(
        question.text,
        instruction=_instruction(question, ctx, stored),
        validate=checked(lambda text: _check_word(question, ctx, stored, text)),
        commands=bool(ctx.specials),
    )
    reply = read_typed(typed, ctx.specials)
    if isinstance(reply, Special):
        return reply
    answer = i18n.yes_no_word(reply)
    return UNCHANGED if answer is None else Answered(answer)


def _check_word(question: YesNoQuestion, ctx: AskContext, stored: bool | None, text: str) -> None:
    reply = read_typed(text, ctx.specials)
    if isinstance(reply, Special):
        return
    if not reply.strip():
        if ctx.in_row and question.required and stored is None:
            raise AnswerError(_("Answer y or n."))
        return
    if i18n.yes_no_word(reply) is None:
        raise AnswerError(_("Answer y or n."))


def _instruction(question: YesNoQuestion, ctx: AskContext, stored: bool | None) -> str:
    if stored is not None:
        kept = _("yes") if stored else _("no")
        return _("(y/n, Enter keeps {answer}) ").format(answer=kept)
    if ctx.in_row and not question.required:
        return _("(y/n, Enter leaves it empty) ")
    return _("(y/n) ")


@asks("note")
class NotePrompt:
    """A note is read aloud by the facilitator; it takes no answer."""

    def ask(self, question: NoteQuestion, ctx: AskContext) -> Reply:
        ctx.prompter.say("  " + _("Note: {text}").format(text=question.text))
        return UNCHANGED
