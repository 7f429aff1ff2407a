"""How the TUI writes people, paths, times and durations: one place, so screens agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the home screen's first frame must not wait for pydantic
    from esp_wizard.session.model import Interviewee, Session
    from esp_wizard.session.summary import Person, SessionSummary


def person(interviewee: Interviewee | Person) -> str:
    return f"{interviewee.name} ({interviewee.role})" if interviewee.role else interviewee.name


def people(session: Session | SessionSummary) -> str:
    return ", ".join(person(i) for i in session.interviewees) or "(nobody named)"


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
    return local(moment, tz).strftime("%Y-%m-%d %H:%M")


def duration(seconds: float) -> str:
    """`7:05` under an hour, `1:02:03` beyond: a workshop clock, not a stopwatch."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def status_text(session: Session | SessionSummary) -> str:
    return session.status.replace("_", " ")
