"""The interview's keys, with ids, as data: the screen, its key bar, the palette and the help
screen all read this one list.

Next/Back are ctrl+n/ctrl+r and PageDown/PageUp: every terminal and tmux deliver them, and
they work inside a multi-line answer, where Enter must stay a new line (ctrl+p is the
palette, ctrl+b is tmux's prefix). The interview's keys are priority bindings, so ctrl+d
means "don't know" here even when a text box, which would delete with it, has focus.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from esp_wizard.i18n import N_


def _key(
    keys: str,
    action: str,
    description: str,
    name: str,
    display: str,
    tooltip: str,
    *,
    show: bool = True,
    priority: bool = True,
) -> Binding:
    """Interview keys win over the answer widgets' own (ctrl+d is not "delete" here)."""
    return Binding(
        keys,
        action,
        description,
        show=show,
        key_display=display,
        priority=priority,
        tooltip=tooltip,
        id=f"interview.{name}",
    )


INTERVIEW_KEYS: list[BindingType] = [
    _key(
        "ctrl+n",
        "next",
        N_("Next"),
        "next",
        "^n",
        N_("Save this answer and go to the next question (also PageDown)"),
    ),
    _key(
        "ctrl+r",
        "previous",
        N_("Back"),
        "previous",
        "^r",
        N_("Save this answer and go back one question (also PageUp)"),
    ),
    _key(
        "pagedown",
        "next",
        N_("Next"),
        "next-page",
        "PgDn",
        N_("Save this answer and go to the next question"),
        show=False,
    ),
    _key(
        "pageup",
        "previous",
        N_("Back"),
        "previous-page",
        "PgUp",
        N_("Save this answer and go back one question"),
        show=False,
    ),
    _key(
        "ctrl+t",
        "annotate",
        N_("Note"),
        "note",
        "^t",
        N_("Write a note, then a verbatim quote, then back to the answer"),
    ),
    _key(
        "ctrl+o",
        "observation",
        N_("Observe"),
        "observation",
        "^o",
        N_("Record an observation (a finding) linked to this question"),
    ),
    _key(
        "ctrl+l",
        "review",
        N_("Review"),
        "review",
        "^l",
        N_("Every answer at a glance; complete the interview from there"),
    ),
    # Shown on the line under the answer rather than in the footer:
    _key(
        "ctrl+f",
        "follow_up",
        N_("Follow-up flag"),
        "follow-up",
        "^f",
        N_("Flag (or unflag) this question for follow-up"),
        show=False,
    ),
    _key(
        "ctrl+d",
        "mark('dont_know')",
        N_("Don't know"),
        "dont-know",
        "^d",
        N_("Record “don't know” (again to undo)"),
        show=False,
    ),
    _key(
        "ctrl+x",
        "mark('not_applicable')",
        N_("Not applicable"),
        "not-applicable",
        "^x",
        N_("Record “not applicable” (again to undo)"),
        show=False,
    ),
    _key(
        "ctrl+s",
        "save",
        N_("Save now"),
        "save",
        "^s",
        N_("Write the session again (after a failed save)"),
        show=False,
    ),
    _key(
        "ctrl+e",
        "export",
        N_("Export"),
        "export",
        "^e",
        N_("Export this session's summary or the engagement report"),
        show=False,
    ),
    # Not "r": a letter typed in a list (its type-ahead) or a text must never leave the
    # interview for the report.
    _key(
        "ctrl+g",
        "report",
        N_("Report"),
        "report",
        "^g",
        N_("The engagement's compiled report"),
        show=False,
    ),
    # A long description or help on a small terminal runs past the screen: the question's
    # column scrolls from the keyboard too (its own up/down belong to the answer). alt+arrows
    # as well: macOS keeps ctrl+arrows for Mission Control unless told otherwise.
    _key(
        "ctrl+up,alt+up",
        "scroll_question(-1)",
        N_("Scroll up"),
        "scroll-up",
        "^↑",
        N_("Scroll the question's text up (a long description or help on a small screen)"),
        show=False,
    ),
    _key(
        "ctrl+down,alt+down",
        "scroll_question(1)",
        N_("Scroll down"),
        "scroll-down",
        "^↓",
        N_("Scroll the question's text down"),
        show=False,
    ),
    # Enter in a one-line answer moves on as ctrl+n does, at once, so that what is typed
    # right after it reaches the next question (as the Input's own Enter, it came after those
    # keys). Not listed (F1 tells Enter among the answer keys); anywhere else, the widget's.
    Binding("enter", "confirm_line", show=False, priority=True, id="interview.confirm-line"),
    _key(
        "escape",
        "escape",
        N_("Home"),
        "home",
        "esc",
        N_("Back to the answer; from the answer, save and go home"),
        show=False,
        priority=False,
    ),
]
