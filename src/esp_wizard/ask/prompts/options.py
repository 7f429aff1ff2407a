"""choice (a select, "Other…" asking for text), multi_choice (a checkbox) and scale (a select
of labelled points). The specials follow the options after a separator."""

from __future__ import annotations

from typing import Any

from questionary import Choice, Separator

from esp_wizard.ask.prompter import COMMAND_KEY, Marker
from esp_wizard.ask.prompts.context import AskContext, checked, special_choices
from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.replies import Answered, Reply
from esp_wizard.ask.specials import Special
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds import validate
from esp_wizard.questionnaire.kinds.base import OTHER, AnswerError
from esp_wizard.questionnaire.kinds.choice import ChoiceQuestion
from esp_wizard.questionnaire.kinds.multi_choice import MultiChoiceQuestion
from esp_wizard.questionnaire.kinds.scale import ScaleQuestion

OTHER_LABEL = N_("Other…")
LEAVE_EMPTY = Marker("LEAVE_EMPTY")  # an optional field of an inventory row
PENDING_OTHER = "…"  # stands for the "Other" text, asked right after the list

OptionsQuestion = ChoiceQuestion | MultiChoiceQuestion


def option_choices(question: OptionsQuestion, ctx: AskContext) -> list[Choice | Separator]:
    current = ctx.value if isinstance(ctx.value, list) else [ctx.value]
    choices: list[Choice | Separator] = [
        Choice(o.label, value=o.value, checked=o.value in current) for o in question.options
    ]
    if _wants_other(question, ctx) and OTHER not in (o.value for o in question.options):
        choices.append(Choice(_(OTHER_LABEL), value=OTHER, checked=OTHER in current))
    return choices


def ask_other(question: OptionsQuestion, ctx: AskContext, value: Any) -> str | None:
    """The free text of "Other", checked by the core; None (empty) goes back to the list."""

    def check(text: str) -> None:
        if text.strip():
            validate(question, value, text)

    text = ctx.prompter.text(
        _("Other: what is it?"),
        default=ctx.other,
        instruction=_("(empty: back to the list)"),
        validate=checked(check),
    )
    return text.strip() or None


def _wants_other(question: OptionsQuestion, ctx: AskContext) -> bool:
    """Rows store bare values, so inside an inventory "Other" has nowhere to keep its text."""
    return question.other and not ctx.in_row


@asks("choice")
class ChoicePrompt:
    def ask(self, question: ChoiceQuestion, ctx: AskContext) -> Reply:
        choices = option_choices(question, ctx)
        if ctx.in_row and not question.required:
            choices.append(Choice(_("(leave empty)"), value=LEAVE_EMPTY))
        while True:
            picked = ctx.pick(question.text, choices, default=ctx.value)
            if isinstance(picked, Special):
                return picked
            if picked is LEAVE_EMPTY:
                return Answered("")
            if picked == OTHER and _wants_other(question, ctx):
                other = ask_other(question, ctx, picked)
                if other is None:
                    continue
                return Answered(picked, other)
            return Answered(picked)


@asks("multi_choice")
class MultiChoicePrompt:
    def ask(self, question: MultiChoiceQuestion, ctx: AskContext) -> Reply:
        choices = [*option_choices(question, ctx), *special_choices(ctx.specials)]
        while True:
            ticked = ctx.prompter.checkbox(
                question.text,
                choices,
                validate=lambda values: self._check(question, values),
                command_key=bool(ctx.specials),
            )
            if ticked is COMMAND_KEY:
                if (special := ctx.command()) is not None:
                    return special
                continue
            specials = [v for v in ticked if isinstance(v, Special)]
            if specials:
                return specials[0]
            if OTHER in ticked and _wants_other(question, ctx):
                other = ask_other(question, ctx, ticked)
                if other is None:
                    continue
                return Answered(ticked, other)
            return Answered(ticked)

    def _check(self, question: MultiChoiceQuestion, values: list[Any]) -> bool | str:
        """The core's rules on what is ticked; a special must be ticked on its own."""
        if any(isinstance(v, Special) for v in values):
            return True if len(values) == 1 else _("Tick a command on its own, without options.")
        if not values:
            return True  # nothing ticked: leave the question as it is
        other = PENDING_OTHER if OTHER in values else ""
        try:
            validate(question, values, other)
        except AnswerError as error:
            return str(error)
        return True


@asks("scale")
class ScalePrompt:
    def ask(self, question: ScaleQuestion, ctx: AskContext) -> Reply:
        points = [
            Choice(f"{p} - {label}" if (label := question.label_for(p)) else str(p), value=p)
            for p in range(question.min, question.max + 1)
        ]
        picked = ctx.pick(question.text, points, default=ctx.value)
        return picked if isinstance(picked, Special) else Answered(picked)
