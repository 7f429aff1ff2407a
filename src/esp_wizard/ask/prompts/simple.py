"""yes_no (a confirm: y or n answers at once) and note (text shown, nothing asked).

Enter before y or n keeps what is stored, so a stray Enter never records a "yes"; in an
inventory row a required yes/no field waits for y or n.
"""

from __future__ import annotations

from esp_wizard.ask.prompter import COMMAND_KEY, ENTER_KEY
from esp_wizard.ask.prompts.context import AskContext
from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.replies import UNCHANGED, Answered, Reply
from esp_wizard.questionnaire import model as m


@asks("yes_no")
class YesNoPrompt:
    def ask(self, question: m.YesNoQuestion, ctx: AskContext) -> Reply:
        stored = ctx.value if isinstance(ctx.value, bool) else None
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
                    ctx.prompter.say("  Answer y or n.")
                    continue
                return UNCHANGED
            return Answered(bool(result))


def _instruction(question: m.YesNoQuestion, ctx: AskContext, stored: bool | None) -> str:
    if stored is not None:
        return f"(y/n, Enter keeps {'yes' if stored else 'no'}) "
    if ctx.in_row and not question.required:
        return "(y/n, Enter leaves it empty) "
    return "(y/n) "


@asks("note")
class NotePrompt:
    """A note is read aloud by the facilitator; it takes no answer."""

    def ask(self, question: m.NoteQuestion, ctx: AskContext) -> Reply:
        ctx.prompter.say(f"  Note: {question.text}")
        return UNCHANGED
