"""Special answers: what a facilitator may give instead of an answer, at any prompt.

Typed as a short command (`:dk`) in a text prompt, pressed as `:` then the command in a
select, checkbox or yes/no prompt, or chosen from the extra entries after a separator.
An answer that really starts with a colon is typed with two (`::-)` saves `:-)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


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


DONT_KNOW = Special("dk", "Don't know", "record “don't know” instead of an answer")
NOT_APPLICABLE = Special("na", "Not applicable", "record “not applicable” instead of an answer")
SKIP = Special("skip", "Skip for now", "leave this question open and go on")
NOTE = Special("note", "Add a note", "a note of your own on this question")
QUOTE = Special("quote", "Add a quote", "the interviewee's words, verbatim")
FLAG = Special("flag", "Flag for follow-up", "flag this question for follow-up (again: unflag)")
OBSERVATION = Special(
    "obs", "Record an observation", "a finding of your own: category, severity, impact, text"
)
BACK = Special("back", "Go back one question", "return to the previous question")
REVIEW = Special("review", "Review", "what is answered, still open and flagged, by number")
GO = Special(
    "go", "Go to a question", "go to a question by number or id (:go 12)", takes_argument=True
)
STOP = Special("stop", "Stop here", "stop; everything is saved, resume later")
HELP = Special("help", "Help", "list these commands")
# Inside an inventory row: `:back` leaves the half-typed row (nothing of it is saved).
LEAVE_ROW = Special("back", "Leave this row", "leave this row without saving it")

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
    word, _, rest = code.strip().partition(" ")
    wanted = word.casefold()
    for special in specials:
        if special.code == wanted and (rest.strip() == "" or special.takes_argument):
            return replace(special, argument=rest.strip()) if rest.strip() else special
    known = " ".join(s.typed for s in specials)
    raise UnknownCommand(f"Unknown command :{code.strip()} (commands: {known})")


def help_lines(specials: tuple[Special, ...] = SPECIALS) -> list[str]:
    """One line per command, for the start of an interview and for :help."""
    lines = [f"  {s.typed:<8} {s.help}" for s in specials]
    lines.append("  In a list or a yes/no question, press : then the command, or pick it below;")
    lines.append("  a command typed over a prefilled answer replaces it (the answer stays saved).")
    lines.append("  Enter on an empty answer leaves it as it is; ctrl+c stops (all is saved).")
    return lines
