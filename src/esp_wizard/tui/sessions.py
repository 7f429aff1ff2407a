"""Reading and opening sessions for the TUI; plain Python, run in worker threads.

Nothing here decides anything: the store lists and locks, `questionnaire_of` finds the
exact questionnaire a session ran with, the Interview counts progress. This module only
gathers what the home screen shows and opens a session the way both entry points need.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from esp_wizard.errors import FileProblems
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Session
from esp_wizard.session.opened import open_session as open_session  # the faces open through here
from esp_wizard.session.opened import questionnaire_of
from esp_wizard.session.store import SessionDamaged, SessionStore
from esp_wizard.tui.format import people, status_text


@dataclass(frozen=True)
class SessionRow:
    """One line of the home table, with the text the filter searches."""

    path: Path
    session: Session
    progress: str
    damaged: str = ""  # the first located problem of a file that cannot be opened

    @property
    def cells(self) -> tuple[str, ...]:
        ref = self.session.questionnaire
        return (
            self.session.client,
            self.session.engagement,
            people(self.session),
            f"{ref.id} ({ref.language})",
            status_text(self.session),
            self.progress,
        )

    def matches(self, words: list[str]) -> bool:
        haystack = " ".join(self.cells).casefold()
        return all(word in haystack for word in words)


@dataclass(frozen=True)
class Listing:
    rows: list[SessionRow]
    problems: list[str]  # one line per session file that could not be read

    @property
    def damaged(self) -> list[str]:
        """One line per listed session whose answers do not fit its questionnaire."""
        return [row.damaged for row in self.rows if row.damaged]

    @property
    def clients(self) -> list[str]:
        return sorted({row.session.client for row in self.rows}, key=str.casefold)


def list_sessions(store: SessionStore) -> Listing:
    """Every readable session, newest change first (the store's order), with its progress."""
    listing = store.list()
    rows = [SessionRow(e.path, e.session, *_progress(store, e.session)) for e in listing]
    problems = [line for p in listing.problems for line in p.lines()]
    return Listing(rows, problems)


def _progress(store: SessionStore, session: Session) -> tuple[str, str]:
    """("done/total", "") or, for a file that cannot be opened as it is, why, located.

    A damaged answer is said on the home screen, by file and line, rather than left as a
    "?" the consultant discovers only when Enter fails. Without its questionnaire copy a
    session still opens (with the installed questionnaire), so its progress is just unknown.
    """
    try:
        questionnaire, _ = questionnaire_of(store, session)
    except SessionDamaged as problems:
        return "damaged", problems.lines()[0]
    except FileProblems:
        return "?", ""
    progress = Interview(questionnaire, session).progress()
    return f"{progress.done}/{progress.total}", ""
