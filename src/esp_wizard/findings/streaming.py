"""The report of a workspace, one session file at a time.

Keeping every Session, its Interview and their caches alive until the end costs about ten
times the files' size; a session's facts (what `collect` keeps of it) are all the merge
needs. So each file is read, opened with its questionnaire, judged and let go, keeping
its facts only; a file unchanged since the last report is not even read (factcache.py).

A session's findings may read two values the whole engagement decides: `today` (the day
of the engagement's last change) and the timeline estimate (from every session's
drivers). A file is first judged on its own (its own day, its own estimate); the sessions
that actually read one of them (`Interview.consulted`) and saw another value than the
engagement's are judged again once those are known, as `compile_engagement` judges them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from esp_wizard import i18n
from esp_wizard.errors import FileProblems, UserError
from esp_wizard.filecache import Key, file_key
from esp_wizard.findings.collect import SessionFacts, Shared, collect
from esp_wizard.findings.compile import compile_facts
from esp_wizard.findings.engagement import (
    EngagementChoice,
    choose,
    engagement_of,
    installed_catalog,
    left_out,
    normalised,
    nothing_readable,
    open_sessions,
)
from esp_wizard.findings.engagement_file import executive_note
from esp_wizard.findings.factcache import FactCache, copy_key
from esp_wizard.findings.glance import remember_plan, workspace_state
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.timeline import timeline
from esp_wizard.i18n import _
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.session.store import SessionEntry, SessionStore
from esp_wizard.session.summary import conflict_line, session_files
from esp_wizard.workspace import Workspace

Span = tuple[int, int] | None


@dataclass
class _Heading:
    """What choosing an engagement and ordering sessions read of a file."""

    id: str
    client: str
    engagement: str
    started: dt.datetime
    updated: dt.datetime


@dataclass
class _Read:
    """One session file: its facts, or why it is left out of the report."""

    path: Path
    key: Key | None
    heading: _Heading
    facts: SessionFacts | None = None
    consulted: dict[str, Any] = field(default_factory=dict)
    warning: str = ""  # the questionnaire used instead of its copy, or why it is left out


class _Reader:
    def __init__(self, workspace: Workspace) -> None:
        self.store = SessionStore(workspace)
        self.cache = FactCache(workspace.sessions_dir)
        self.installed: Callable[[], Catalog] = installed_catalog(self.store)
        self.shared = Shared()  # equal values of every session kept once

    def read(self, path: Path) -> _Read:
        """From the cache if the file, its copy and esp-wizard are as they were; else
        judged on its own day and estimate. FileProblems if the file cannot be read."""
        key = file_key(path)
        cached = self.cache.get(path, key)
        if cached is not None:
            ref = cached.facts.ref
            heading = _Heading(ref.id, ref.client, ref.engagement, ref.started, ref.updated)
            return _Read(path, key, heading, cached.facts, cached.consulted)
        return self.judge(path, key, None, None)

    def judge(self, path: Path, key: Key | None, today: dt.date | None, span: Span) -> _Read:
        session = self.store.load(path)
        heading = _Heading(
            session.id, session.client, session.engagement, session.started, session.updated
        )
        read = _Read(path, key, heading)
        opened, warnings = open_sessions(self.store, [SessionEntry(path, session)], self.installed)
        if not opened:
            read.warning = warnings[0]
            return read
        one = opened[0]
        read.warning = warnings[0] if warnings else ""
        interview = one.interview()
        interview.today = today
        try:
            facts = collect(one, span, interview, self.shared)
        except Exception as error:  # one session's bug must not cost the whole report
            why = _("{file}: cannot be compiled ({kind}: {error})").format(
                file=path.name, kind=type(error).__name__, error=error
            )
            read.warning = left_out(session.id, why)
            return read
        read.facts = facts
        read.consulted = _consulted(interview.consulted, session.updated, today, span, facts)
        if not one.warning:  # the exact copy: the entry is valid while the copy is
            copy = copy_key(self.store.questionnaire_copy_path(session))
            self.cache.put(path, key, copy, facts, read.consulted)
        return read


def _consulted(
    names: set[str], updated: dt.datetime, today: dt.date | None, span: Span, facts: SessionFacts
) -> dict[str, Any]:
    """The engagement-wide values this session's judgement read, as it saw them."""
    seen: dict[str, Any] = {}
    if "today" in names:
        seen["today"] = (today or updated.date()).isoformat()
    if "estimate" in names:
        used = span if span is not None else _own_span(facts)
        seen["estimate"] = list(used) if used is not None else None
    return seen


def _own_span(facts: SessionFacts) -> Span:
    """The estimate `collect` gives a session judged without the engagement's."""
    return timeline([facts.driver_facts]).span if facts.driver_facts else None


def _stale(read: _Read, today: dt.date | None, span: Span) -> bool:
    seen = read.consulted
    if "today" in seen and (today is None or seen["today"] != today.isoformat()):
        return True
    return "estimate" in seen and seen["estimate"] != (list(span) if span else None)


def compile_streamed(
    workspace: Workspace,
    client: str | None = None,
    engagement: str | None = None,
    language: str | None = None,
) -> EngagementReport:
    with _collector_held():
        state = workspace_state(workspace)  # before reading: a change meanwhile shows next time
        reader = _Reader(workspace)
        try:
            return _compile(workspace, reader, state, client, engagement, language)
        finally:
            reader.cache.save()  # what was judged stays judged, even when no report comes of it


@contextlib.contextmanager
def _collector_held() -> Iterator[None]:
    """CPython's cyclic collector off while a report compiles, back on after.

    Judging a thousand files allocates millions of objects and makes no reference cycle
    (what is let go is freed at once, by reference counting): the collector's passes found
    nothing, yet took about a twentieth of the compile, three full ones rescanning every
    module, schema and fact kept so far. Process-wide, so only undone if it was on (a TUI
    command holds it at start-up: collector.py), and its pacing calls collect all the same.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _compile(
    workspace: Workspace,
    reader: _Reader,
    state: str,
    client: str | None,
    engagement: str | None,
    language: str | None,
) -> EngagementReport:
    reads, problems = _read_all(reader, workspace)
    warnings = [
        _("unreadable session file left out: {problem}").format(problem=p) for p in problems
    ]
    unique, conflicts = _unique(reads)
    warnings += conflicts
    if not reads and problems:
        raise nothing_readable(problems)
    choice = choose([r.heading for r in unique], client, engagement)
    chosen = _chosen(unique, choice)
    healthy = _judged(reader, chosen)
    reader.cache.save()  # now: the report about to be built need not sit beside its writing
    warnings += [r.warning for r in chosen if r.warning]
    if not healthy:
        more = [r.warning for r in chosen if r.warning]
        reasons = i18n.semicolons(more)
        raise UserError(_("no session could be compiled: {reasons}").format(reasons=reasons))
    note = executive_note(workspace, choice.client, choice.engagement)
    facts = [r.facts for r in healthy if r.facts is not None]
    report = compile_facts(facts, choice.client, choice.engagement, warnings, note, language)
    remember_plan(workspace, state, report)
    return report


def _read_all(reader: _Reader, workspace: Workspace) -> tuple[list[_Read], list[FileProblems]]:
    """Every session file, newest change first; the unreadable ones apart."""
    reads: list[_Read] = []
    problems: list[FileProblems] = []
    real_files: set[str] = set()
    files = session_files(workspace.sessions_dir)
    for path in files:
        real = os.path.realpath(path)
        if real in real_files:
            continue  # a symlink to a file read already: one session, not two
        real_files.add(real)
        try:
            reads.append(reader.read(path))
        except FileProblems as error:
            problems.append(error)
    reads.sort(key=lambda r: (r.heading.updated, r.path.name), reverse=True)
    reader.shared = Shared()  # the facts share their values now: the table is let go
    return reads, problems


def _unique(reads: list[_Read]) -> tuple[list[_Read], list[str]]:
    """One file per session id (the one changed last), and a warning per id in several."""
    by_id: dict[str, list[_Read]] = {}
    for read in reads:
        by_id.setdefault(read.heading.id, []).append(read)
    conflicts = [
        conflict_line(session_id, [r.path for r in group])
        for session_id, group in by_id.items()
        if len(group) > 1
    ]
    return [group[0] for group in by_id.values()], conflicts


def _chosen(unique: list[_Read], choice: EngagementChoice) -> list[_Read]:
    """The engagement's files; the others' facts are let go (they stay in the cache)."""
    wanted = (normalised(choice.client), normalised(choice.engagement))
    return [r for r in unique if engagement_of(r.heading) == wanted]


def _judged(reader: _Reader, chosen: list[_Read]) -> list[_Read]:
    """The usable sessions in interview order, each judged with the engagement's day and
    estimate wherever its findings read them (twice at most: the day decides drivers,
    the drivers the estimate)."""
    for _round in range(3):
        healthy = _in_order(chosen)
        today = max((r.heading.updated.date() for r in healthy), default=None)
        drivers = [r.facts.driver_facts for r in healthy if r.facts and r.facts.driver_facts]
        span = timeline(drivers).span
        stale = [r for r in healthy if _stale(r, today, span)]
        if not stale:
            return healthy
        for read in stale:
            _again(reader, read, today, span)
    return _in_order(chosen)


def _in_order(reads: list[_Read]) -> list[_Read]:
    """The usable ones in interview order, as `compile.ordered` puts them."""
    usable = (r for r in reads if r.facts is not None)
    return sorted(usable, key=lambda r: (r.heading.started, r.heading.id))


def _again(reader: _Reader, read: _Read, today: dt.date | None, span: Span) -> None:
    try:
        fresh = reader.judge(read.path, file_key(read.path), today, span)
    except FileProblems as problems:  # changed under our feet since the first read
        read.facts = None
        read.warning = _("unreadable session file left out: {problem}").format(problem=problems)
        return
    read.facts, read.consulted, read.warning = fresh.facts, fresh.consulted, fresh.warning
