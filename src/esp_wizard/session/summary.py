"""What a listing shows of each session, without loading the models when nothing changed.

`esp-wizard sessions` and the home screen show, per session, a handful of fields and its
progress. Reading that from the models means validating every session and parsing its
questionnaire copy; this module keeps those fields per file in a FileCache (keyed on the
session file's size, time and inode, and on its questionnaire copy's), so a listing of
unchanged files reads one small JSON file and imports neither pydantic nor the models.

A changed or new file that esp-wizard saved holds its progress in a last table, with the
digest of everything above it (Session.to_toml): while the digest matches, the file is
exactly as esp-wizard wrote it, answers checked, so its top lines and that table are all
the listing reads (tomli, no model). Any other file (older, hand-edited, damaged) is
loaded and checked exactly as `SessionStore.list` does; a file that cannot be read is
reported every time (its problems are never cached).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli

from esp_wizard.errors import FileProblems
from esp_wizard.filecache import FileCache, file_key
from esp_wizard.i18n import _
from esp_wizard.session.names import (
    SESSION_FORMAT,
    progress_digest,
    questionnaire_copy_name,
    split_progress,
)
from esp_wizard.tomlfile import read_regular
from esp_wizard.workspace import Workspace

if TYPE_CHECKING:
    from esp_wizard.session.model import Session
    from esp_wizard.session.store import SessionStore

UNKNOWN = "?"  # progress when the questionnaire copy is missing


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Ref:
    id: str
    language: str


@dataclass(frozen=True)
class SessionSummary:
    """The listed fields of one session file (the names match Session's)."""

    path: Path
    id: str
    client: str
    engagement: str
    interviewees: tuple[Person, ...]
    questionnaire: Ref
    status: str
    updated: dt.datetime
    progress: str  # "done/total", or "?" when its questionnaire copy is missing


@dataclass
class SummaryListing:
    """Newest change first, as `SessionStore.list`; and the files left out, with why."""

    rows: list[SessionSummary] = field(default_factory=list)
    problems: list[FileProblems] = field(default_factory=list)  # unreadable files
    damaged: list[FileProblems] = field(default_factory=list)  # answers that do not fit
    damaged_rows: list[SessionSummary] = field(default_factory=list)  # their rows, progress "?"

    def conflict_lines(self) -> list[str]:
        """One line per session id held by several files (newest first)."""
        by_id: dict[str, list[SessionSummary]] = {}
        for row in self.rows:
            by_id.setdefault(row.id, []).append(row)
        return [conflict_line(i, [r.path for r in g]) for i, g in by_id.items() if len(g) > 1]


def conflict_line(session_id: str, paths: list[Path]) -> str:
    """The warning for one id in several files; `paths` newest first."""
    message = _(
        "session id {id} is in {count} files: {files}; only {name} (changed last) is "
        "used; rename or remove the copy"
    )
    files = ", ".join(shown(p) for p in paths)
    return message.format(id=session_id, count=len(paths), files=files, name=paths[0].name)


def shown(path: Path) -> str:
    """A path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def session_files(sessions_dir: Path) -> list[Path]:
    """Every `*.toml` directly in sessions/, except hidden files (temporaries, copies)."""
    try:
        entries = list(os.scandir(sessions_dir))
    except OSError:
        return []
    return sorted(  # folders and FIFOs too: reading them reports them, never blocks
        Path(entry.path)
        for entry in entries
        if entry.name.endswith(".toml") and not entry.name.startswith(".")
    )


def cached_summaries(workspace: Workspace) -> SummaryListing | None:
    """The listing if every file is unchanged since the last one (no file is parsed), else
    None: cheap enough to show before the first frame, where a parse would delay it."""
    return _collect(workspace, None, cached_only=True)


def list_summaries(workspace: Workspace, store: SessionStore | None = None) -> SummaryListing:
    """Every session of the workspace with its progress, from the cache where it is valid."""
    listing = _collect(workspace, store, cached_only=False)
    assert listing is not None  # only a cache-only listing gives up
    return listing


def _collect(
    workspace: Workspace, store: SessionStore | None, *, cached_only: bool
) -> SummaryListing | None:
    cache = FileCache("sessions", workspace.sessions_dir)
    listing = SummaryListing()
    loader = _Loader(workspace, store)
    real_files: set[str] = set()
    for path in session_files(workspace.sessions_dir):
        real = os.path.realpath(path)
        if real in real_files:
            continue  # a symlink to a file listed already: one session, not two
        real_files.add(real)
        key = file_key(path)
        row = _from_cache(path, cache.get(path, key))
        if row is None and cached_only:
            return None
        if row is None:
            try:
                row, copy_key = loader.saved(path) or loader.summary(path)
            except FileProblems as problems:
                listing.problems.append(problems)
                continue
            except Damaged as damaged:
                listing.damaged.append(damaged.problems)
                listing.damaged_rows.append(damaged.row)
                continue
            cache.put(path, key, _to_cache(row, copy_key))
        listing.rows.append(row)
    if cached_only and not listing.rows:
        return None  # nothing to show early: the usual road says why (empty, unreadable)
    cache.save()
    listing.rows.sort(key=lambda r: (r.updated, r.path.name), reverse=True)
    return listing


class Damaged(Exception):
    """A session whose answers do not fit its questionnaire: its row, and the problems."""

    def __init__(self, row: SessionSummary, problems: FileProblems) -> None:
        super().__init__(str(problems))
        self.row = row
        self.problems = problems


class _Loader:
    """The slow road for a new or changed file: the models, the copy, the Interview."""

    def __init__(self, workspace: Workspace, store: SessionStore | None) -> None:
        self.workspace = workspace
        self._store = store
        self._copies: dict[str, Any] = {}  # copy path -> its parsed questionnaire
        self._intact: dict[Path, bool] = {}  # copy path -> does it match its hash

    def saved(self, path: Path) -> tuple[SessionSummary, Any] | None:
        """The row of a file exactly as esp-wizard saved it, from its top lines and its
        progress table (no model, no questionnaire); None for any other file."""
        try:
            body, table = split_progress(read_regular(path, str(path)))
        except FileProblems:
            return None  # the slow road reports it
        if table is None:
            return None
        try:
            saved = tomli.loads(table.decode("utf-8"))
            head = tomli.loads(_top_lines(body).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # TOMLDecodeError is one
            return None  # too deep, a number too long: the slow road says so, for this file
        if set(saved) != {"done", "total", "digest"}:
            return None
        done, total = saved["done"], saved["total"]
        if type(done) is not int or type(total) is not int:
            return None
        if saved["digest"] != progress_digest(body, done, total):
            return None
        try:
            row, ref = _head_row(path, head, done, total)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        copy = self.workspace.snapshots_dir / questionnaire_copy_name(ref)
        if not self._copy_intact(copy, ref.hash):
            row = _replace_progress(row, UNKNOWN)
        return row, [str(copy), file_key(copy)]

    def _copy_intact(self, copy: Path, expected: str) -> bool:
        """As `SessionStore.questionnaire_text` judges it: there, and its hash matches."""
        if copy not in self._intact:
            try:
                digest = hashlib.sha256(read_regular(copy, str(copy))).hexdigest()
            except FileProblems:
                digest = ""
            self._intact[copy] = bool(expected) and digest.startswith(expected.lower())
        return self._intact[copy]

    def summary(self, path: Path) -> tuple[SessionSummary, Any]:
        from esp_wizard.session.interview import Interview

        store = self._store_()
        session = store.load(path)
        copy = store.questionnaire_copy_path(session)
        copy_key = [str(copy), file_key(copy)]
        try:
            questionnaire = self._questionnaire(store, session, str(copy))
        except FileProblems as problems:
            row = _summary(path, session, UNKNOWN)
            if type(problems).__name__ == "SessionDamaged":  # not imported unless needed
                raise Damaged(row, problems) from None
            return row, copy_key
        progress = Interview(questionnaire, session).progress()
        return _summary(path, session, f"{progress.done}/{progress.total}"), copy_key

    def _questionnaire(self, store: SessionStore, session: Session, copy: str) -> Any:
        """The session's own copy, parsed once per listing however many sessions share it."""
        from esp_wizard.session.integrity import answer_problems
        from esp_wizard.session.opened import questionnaire_of

        questionnaire = self._copies.get(copy)
        if questionnaire is None:
            questionnaire, _ = questionnaire_of(store, session)
            self._copies[copy] = questionnaire
        else:
            store.check_answers(session, answer_problems(questionnaire, session))
        return questionnaire

    def _store_(self) -> SessionStore:
        if self._store is None:
            from esp_wizard.session.store import SessionStore

            self._store = SessionStore(self.workspace)
        return self._store


_TABLES_AFTER_THE_TOP = (b"\n[answers.", b"\n[[observations]]")


def _top_lines(body: bytes) -> bytes:
    """The file's lines before its first answer or observation: the listed fields. (In a
    file whose digest matches, no string holds a line break: tomli_w escapes them.)"""
    ends = [end for mark in _TABLES_AFTER_THE_TOP if (end := body.find(mark)) >= 0]
    return body[: min(ends)] if ends else body


@dataclass(frozen=True)
class _CopyRef:
    id: str
    language: str
    hash: str


def _head_row(
    path: Path, head: dict[str, Any], done: Any, total: Any
) -> tuple[SessionSummary, _CopyRef]:
    """The row from the top lines' values; KeyError, TypeError, ValueError or
    AttributeError if one is not what Session takes (then the model says what is wrong)."""
    version = head.get("format", SESSION_FORMAT)
    counts = (version, done, total)
    if not all(type(n) is int and n >= 0 for n in counts) or version > SESSION_FORMAT:
        raise ValueError("format or counts")
    ref = head["questionnaire"]
    copy = _CopyRef(_text(ref["id"]), _text(ref["language"]), _text(ref["hash"]))
    updated = head["updated"]
    if not isinstance(updated, dt.datetime) or updated.tzinfo is None:
        raise TypeError("updated")
    status = _text(head.get("status", "in_progress"))
    if status not in ("in_progress", "completed"):
        raise ValueError("status")
    people = tuple(
        Person(_text(p["name"]), _text(p.get("role", ""))) for p in head.get("interviewees", [])
    )
    row = SessionSummary(
        path=path,
        id=_text(head["id"]),
        client=_text(head["client"]),
        engagement=_text(head.get("engagement", "")),
        interviewees=people,
        questionnaire=Ref(copy.id, copy.language),
        status=status,
        updated=updated.astimezone(dt.UTC),
        progress=f"{done}/{total}",
    )
    return row, copy


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _replace_progress(row: SessionSummary, progress: str) -> SessionSummary:
    from dataclasses import replace

    return replace(row, progress=progress)


def _summary(path: Path, session: Session, progress: str) -> SessionSummary:
    return SessionSummary(
        path=path,
        id=session.id,
        client=session.client,
        engagement=session.engagement,
        interviewees=tuple(Person(i.name, i.role or "") for i in session.interviewees),
        questionnaire=Ref(session.questionnaire.id, session.questionnaire.language),
        status=session.status,
        updated=session.updated,
        progress=progress,
    )


def _to_cache(row: SessionSummary, copy_key: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "client": row.client,
        "engagement": row.engagement,
        "interviewees": [[p.name, p.role] for p in row.interviewees],
        "questionnaire": [row.questionnaire.id, row.questionnaire.language],
        "status": row.status,
        "updated": row.updated.isoformat(),
        "progress": row.progress,
        "copy": copy_key,  # [its path, its key]: a restored or altered copy reads again
    }


def _from_cache(path: Path, value: Any) -> SessionSummary | None:
    """The cached row, if the value is whole and its questionnaire copy is unchanged."""
    if not isinstance(value, dict):
        return None
    try:
        copy, copy_key = value["copy"]
        if file_key(copy) != copy_key:
            return None
        ref_id, language = value["questionnaire"]
        return SessionSummary(
            path=path,
            id=str(value["id"]),
            client=str(value["client"]),
            engagement=str(value["engagement"]),
            interviewees=tuple(Person(str(n), str(r)) for n, r in value["interviewees"]),
            questionnaire=Ref(str(ref_id), str(language)),
            status=str(value["status"]),
            updated=dt.datetime.fromisoformat(value["updated"]),
            progress=str(value["progress"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
