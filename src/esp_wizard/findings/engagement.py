"""Which sessions make an engagement, read from a workspace with their exact questionnaires.

An engagement is a client and engagement name pair, compared case- and space-insensitively
(a typo in case on one laptop must not split an engagement in two). Unreadable session
files, and sessions whose questionnaire cannot be found, are left out with a warning that
the report prints, so nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from esp_wizard import i18n
from esp_wizard.errors import FileProblems, Problem, UserError
from esp_wizard.findings.model import EngagementReport
from esp_wizard.i18n import _, ngettext
from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.session.opened import OpenedSession, with_questionnaire
from esp_wizard.session.store import SessionEntry, SessionStore
from esp_wizard.workspace import Workspace


@dataclass(frozen=True)
class EngagementChoice:
    client: str
    engagement: str
    sessions: int

    @property
    def options(self) -> str:
        """The command-line options that pick this engagement."""
        return f"--client {shlex.quote(self.client)} --engagement {shlex.quote(self.engagement)}"

    @property
    def label(self) -> str:
        return f"{self.client} / {self.engagement}" if self.engagement else self.client


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


class Heading(Protocol):
    """What choosing an engagement reads of a session: a Session, or a report's SessionRef."""

    @property
    def id(self) -> str: ...

    @property
    def client(self) -> str: ...

    @property
    def engagement(self) -> str: ...

    @property
    def started(self) -> dt.datetime: ...


def engagement_of(session: Heading) -> tuple[str, str]:
    return normalised(session.client), normalised(session.engagement)


def engagements(sessions: Sequence[Heading]) -> list[EngagementChoice]:
    """Each engagement once, spelled as its oldest session spells it, sorted by name."""
    first: dict[tuple[str, str], Heading] = {}
    counts: dict[tuple[str, str], int] = {}
    for session in sorted(sessions, key=lambda s: (s.started, s.id)):
        pair = engagement_of(session)
        first.setdefault(pair, session)
        counts[pair] = counts.get(pair, 0) + 1
    return [
        EngagementChoice(first[pair].client, first[pair].engagement, counts[pair])
        for pair in sorted(first)
    ]


def choose(
    sessions: Sequence[Heading], client: str | None = None, engagement: str | None = None
) -> EngagementChoice:
    """The one engagement the options point at; a UserError listing them otherwise."""
    known = engagements(sessions)
    if not known:
        raise UserError(_("no sessions in this workspace yet (start one with: esp-wizard new)"))
    matches = [
        e
        for e in known
        if (client is None or normalised(e.client) == normalised(client))
        and (engagement is None or normalised(e.engagement) == normalised(engagement))
    ]
    if len(matches) == 1:
        return matches[0]
    listed = i18n.semicolons(f"{e.options} ({_sessions(e.sessions)})" for e in known)
    if not matches:
        raise UserError(
            _("no engagement matches those options; this workspace has: {listed}").format(
                listed=listed
            )
        )
    raise UserError(
        _("this workspace holds {count} engagements; choose one with: {listed}").format(
            count=len(known), listed=listed
        )
    )


def _sessions(count: int) -> str:
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


def installed_catalog(store: SessionStore) -> Callable[[], Catalog]:
    """The installed questionnaires, loaded once, and only if a session's own questionnaire
    copy is unusable (loading every questionnaire costs time)."""
    catalogs: list[Catalog] = []

    def installed() -> Catalog:
        if not catalogs:
            catalogs.append(load_catalog(store.workspace.questionnaires_dir))
        return catalogs[0]

    return installed


def open_sessions(
    store: SessionStore,
    entries: Sequence[SessionEntry],
    installed: Callable[[], Catalog] | None = None,
) -> tuple[list[OpenedSession], list[str]]:
    """Each session with the questionnaire it ran with (the installed one as a fallback)."""
    opened: list[OpenedSession] = []
    warnings: list[str] = []
    installed = installed or installed_catalog(store)
    for entry in entries:
        try:
            one = with_questionnaire(store, entry.session, installed, entry.path)
        except UserError as error:
            warnings.append(left_out(entry.session.id, str(error)))
            continue
        except Exception as error:
            warnings.append(left_out(entry.session.id, _failure(entry, error)))
            continue
        if one.warning:
            warnings.append(
                _("session {id}: {warning}").format(id=entry.session.id, warning=one.warning)
            )
        opened.append(one)
    return opened, warnings


def _failure(entry: SessionEntry, error: Exception) -> str:
    return _("{file}: cannot be used ({kind}: {error})").format(
        file=entry.path.name, kind=type(error).__name__, error=error
    )


def left_out(session_id: str, why: str) -> str:
    return _("session {id} left out: {why}").format(id=session_id, why=why)


def load_engagement(
    workspace: Workspace, client: str | None = None, engagement: str | None = None
) -> tuple[EngagementChoice, list[OpenedSession], list[str]]:
    store = SessionStore(workspace)
    listing = store.list()
    warnings = [
        _("unreadable session file left out: {problem}").format(problem=p) for p in listing.problems
    ]
    warnings += listing.conflict_lines()
    if not listing.entries and listing.problems:
        raise nothing_readable(listing.problems)
    choice = choose([e.session for e in listing.unique], client, engagement)
    wanted = (normalised(choice.client), normalised(choice.engagement))
    entries = [e for e in listing.unique if engagement_of(e.session) == wanted]
    opened, more = open_sessions(store, entries)
    if entries and not opened:
        raise UserError(
            _("no session of {engagement} could be used: {reasons}").format(
                engagement=choice.label, reasons=i18n.semicolons(more)
            )
        )
    return choice, opened, warnings + more


def nothing_readable(problems: Sequence[FileProblems]) -> FileProblems:
    """Every session file is damaged: name each one, never "no sessions yet"."""
    found = [p for file in problems for p in file.problems[:1]]
    summary = Problem(
        "esp-wizard",
        None,
        "",
        _("none of the {count} session files could be read; nothing was written").format(
            count=len(problems)
        ),
    )
    return FileProblems("sessions", [*found, summary])


def compile_workspace(
    workspace: Workspace,
    client: str | None = None,
    engagement: str | None = None,
    language: str | None = None,
) -> EngagementReport:
    """The report of the engagement the options (or the workspace's only one) point at, in
    `language` (by default the one most of its sessions were held in).

    Streamed: each session file is read, judged and let go in turn, only its facts kept
    (streaming.py), from the report cache when the file has not changed since the last
    report (factcache.py). The same report as `compile_engagement` over `load_engagement`.
    """
    from esp_wizard.findings.streaming import compile_streamed

    return compile_streamed(workspace, client, engagement, language)


def open_workspace_session(workspace: Workspace, ref: str) -> tuple[OpenedSession, list[str]]:
    """One session by id, prefix or path, with its questionnaire; UserError if it cannot be."""
    store = SessionStore(workspace)
    path = store.find(ref)
    opened, warnings = open_sessions(store, [SessionEntry(path, store.load(path))])
    if not opened:
        raise UserError(warnings[0])
    return opened[0], warnings
