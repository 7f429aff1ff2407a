"""Special answers: what a facilitator may give instead of an answer, at any prompt.

Typed as a short command (`:dk`) in a text prompt, pressed as `:` then the command in a
select, checkbox or yes/no prompt, or chosen from the extra entries after a separator.
An answer that really starts with a colon is typed with two (`::-)` saves `:-)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from esp_wizard.i18n import N_, _


@dataclass(frozen=True)
class Special:
    code: str  # typed after the colon
    label: str  # shown in selects
    help: str  # shown by :help
    takes_argument: bool = False  # `:go 12`: the rest of the line is its argument
    argument: str = field(default="", compare=False)  # equal to the bare command

    @property
    def typed(self) -> str:
        return f":{self.code}"


DONT_KNOW = Special("dk", N_("Don't know"), N_("record “don't know” instead of an answer"))
NOT_APPLICABLE = Special(
    "na", N_("Not applicable"), N_("record “not applicable” instead of an answer")
)
SKIP = Special("skip", N_("Skip for now"), N_("leave this question open and go on"))
NOTE = Special("note", N_("Add a note"), N_("a note of your own on this question"))
QUOTE = Special("quote", N_("Add a quote"), N_("the interviewee's words, verbatim"))
FLAG = Special(
    "flag", N_("Flag for follow-up"), N_("flag this question for follow-up (again: unflag)")
)
OBSERVATION = Special(
    "obs",
    N_("Record an observation"),
    N_("a finding of your own: category, severity, impact, text"),
)
BACK = Special("back", N_("Go back one question"), N_("return to the previous question"))
REVIEW = Special("review", N_("Review"), N_("what is answered, still open and flagged, by number"))
GO = Special(
    "go",
    N_("Go to a question"),
    N_("go to a question by number or id (:go 12)"),
    takes_argument=True,
)
STOP = Special("stop", N_("Stop here"), N_("stop; everything is saved, resume later"))
HELP = Special("help", N_("Help"), N_("list these commands"))
# Inside an inventory row: `:back` leaves the half-typed row (nothing of it is saved).
LEAVE_ROW = Special("back", N_("Leave this row"), N_("leave this row without saving it"))

SPECIALS = (
    DONT_KNOW,
    NOT_APPLICABLE,
    SKIP,
    NOTE,
    QUOTE,
    FLAG,
    OBSERVATION,
    BACK,
    REVIEW,
    GO,
    STOP,
    HELP,
)
UNKNOWN_ANSWERS = (DONT_KNOW, NOT_APPLICABLE)


class UnknownCommand(ValueError):
    """A typed `:word` that is not a command offered here; str() is the message."""


def offered(allow_unknown: bool) -> tuple[Special, ...]:
    """The specials a question offers: don't know / not applicable only where allowed."""
    if allow_unknown:
        return SPECIALS
    return tuple(s for s in SPECIALS if s not in UNKNOWN_ANSWERS)


def read_typed(text: str, specials: tuple[Special, ...]) -> Special | str:
    """What was typed: a special, or the answer's text (`::x` is the answer `:x`)."""
    stripped = text.strip()
    if stripped.startswith("::"):
        return stripped[1:]
    if stripped.startswith(":") and specials:
        return find(stripped[1:], specials)
    return text


def find(code: str, specials: tuple[Special, ...]) -> Special:
    word, _sep, rest = code.strip().partition(" ")
    wanted = word.casefold()
    for special in specials:
        if special.code == wanted and (rest.strip() == "" or special.takes_argument):
            return replace(special, argument=rest.strip()) if rest.strip() else special
    known = " ".join(s.typed for s in specials)
    unknown = _("Unknown command :{code} (commands: {known})")
    raise UnknownCommand(unknown.format(code=code.strip(), known=known))


def help_lines(specials: tuple[Special, ...] = SPECIALS) -> list[str]:
    """One line per command, for the start of an interview and for :help."""
    lines = [f"  {s.typed:<8} {_(s.help)}" for s in specials]
    lines.append(
        "  " + _("In a list or a yes/no question, press : then the command, or pick it below;")
    )
    lines.append(
        "  " + _("a command typed over a prefilled answer replaces it (the answer stays saved).")
    )
    lines.append(
        "  " + _("Enter on an empty answer leaves it as it is; ctrl+c stops (all is saved).")
    )
    return lines
