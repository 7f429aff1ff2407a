"""How the TUI writes people, paths, times and durations: one place, so screens agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from esp_wizard.i18n import N_, Labels, _, short_date
from esp_wizard.roles import role_label

if TYPE_CHECKING:  # the home screen's first frame must not wait for pydantic
    from esp_wizard.session.model import Interviewee, Session
    from esp_wizard.session.summary import Person, SessionSummary


def person(interviewee: Interviewee | Person) -> str:
    """ "Ana Souza (Email operations)": the role as its label, in the interface's language."""
    if not interviewee.role:
        return interviewee.name
    return f"{interviewee.name} ({role_label(interviewee.role)})"


def people(session: Session | SessionSummary) -> str:
    return ", ".join(person(i) for i in session.interviewees) or _("(nobody named)")


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """A folder as the user would type it: relative below the current folder, `~` for home."""
    path = path.absolute()
    cwd = (cwd or Path.cwd()).absolute()
    if path != cwd and path.is_relative_to(cwd):
        return f"./{path.relative_to(cwd).as_posix()}"
    home = Path.home()
    if path != home and path.is_relative_to(home):
        return f"~/{path.relative_to(home).as_posix()}"
    return str(path)


def local(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """Stored times are UTC; people read their own clock (or the app's fixed zone in tests)."""
    return moment.astimezone(tz)


def clock_text(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    return local(moment, tz).strftime("%H:%M:%S")


def day_and_time(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """2026-12-02 14:05 in English, 02/12/2026 14:05 in French: as people type a date."""
    shown = local(moment, tz)
    return f"{short_date(shown.date())} {shown:%H:%M}"


# The CLDR's abbreviated month names, through the catalogue: Babel's locale data would be
# read on the home screen's first frame for twelve words.
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def day_month(moment: dt.datetime | dt.date) -> str:
    """ "2 Dec" / "2 déc.": short, and day and month cannot be taken one for the other."""
    return f"{moment.day} {_(MONTHS[moment.month - 1])}"


def duration(seconds: float) -> str:
    """`7:05` under an hour, `1:02:03` beyond: a workshop clock, not a stopwatch."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


STATUS_LABELS = Labels({"in_progress": N_("in progress"), "completed": N_("completed")})


def status_text(session: Session | SessionSummary) -> str:
    return STATUS_LABELS.get(session.status) or session.status.replace("_", " ")
