"""Reading and opening sessions for the TUI; plain Python, run in worker threads.

Nothing here decides anything: session/summary.py lists (from its cache for unchanged
files, so the home table fills without loading the models), the store locks, and
session/opened.py opens a session the way both entry points need. This module only gathers
what the home screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from esp_wizard.errors import FileProblems
from esp_wizard.session.summary import (
    SessionSummary,
    SummaryListing,
    cached_summaries,
    list_summaries,
)
from esp_wizard.tui.format import people, status_text
from esp_wizard.workspace import Workspace


@dataclass(frozen=True)
class SessionRow:
    """One line of the home table, with the text the filter searches."""

    path: Path
    session: SessionSummary  # the listed fields, named as Session's
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
        # The roles' ids too: a row shows "Email operations", a consultant may type email-ops.
        roles = (person.role for person in self.session.interviewees)
        haystack = " ".join((*self.cells, *roles)).casefold()
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


def list_sessions(workspace: Workspace) -> Listing:
    """Every readable session, newest change first (the store's order), with its progress."""
    return _rows(list_summaries(workspace))


def cached_sessions(workspace: Workspace) -> Listing | None:
    """The same listing, if nothing changed since the last one (no file parsed), else None."""
    listing = cached_summaries(workspace)
    return None if listing is None else _rows(listing)


def _rows(listing: SummaryListing) -> Listing:
    found = sorted(
        [*listing.rows, *listing.damaged_rows],  # a damaged one opens with its problems said
        key=lambda r: (r.updated, r.path.name),
        reverse=True,
    )
    why = {_key(p): p.lines()[0] for p in listing.damaged if p.lines()}
    rows = [_row(row, why) for row in found]
    return Listing(rows, [line for p in listing.problems for line in p.lines()])


def _key(problems: FileProblems) -> str:
    return Path(problems.path).name


def _row(row: SessionSummary, why: dict[str, str]) -> SessionRow:
    """A damaged answer is said on the home screen, by file and line, rather than left as a
    "?" the consultant discovers only when Enter fails."""
    damaged = why.get(row.path.name, "")
    return SessionRow(row.path, row, "damaged" if damaged else row.progress, damaged)
