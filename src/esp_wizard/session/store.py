"""The session store: one TOML file per interview under `<workspace>/sessions/`.

Every save rewrites the whole file atomically (see atomic.py) while holding the session's
lock (see lock.py), so a crash, a kill or a power cut leaves the last saved state, and a
second window cannot overwrite the first. A file that cannot be read is reported with its
path and line, and is never written: the store writes only to files it created or opened
for writing, and opening one reads it first.

Names: `<YYYY-MM-DD>-<client>-<first interviewee>-<id>.toml`, the id being 8 random base32
characters, so sessions made on several laptops merge in git or on a shared drive without
colliding. The exact questionnaire a session ran with is copied once, by content hash, to
`sessions/.questionnaires/<id>-<language>-<hash16>.toml`.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import re
import secrets
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from esp_wizard.errors import FileProblems, Problem, UserError
from esp_wizard.i18n import _
from esp_wizard.reasons import decode_reason, os_reason
from esp_wizard.session.atomic import (
    atomic_create_bytes,
    atomic_write_bytes,
    remove_stray_temps,
)
from esp_wizard.session.lock import LockOwner, SessionLock
from esp_wizard.session.model import (
    SESSION_FORMAT,
    TOML_TEXT,
    Answer,
    AnswerTomlCache,
    Interviewee,
    Observation,
    QuestionnaireRef,
    Session,
    utc_now,
)
from esp_wizard.session.names import SLUG_LENGTH as SLUG_LENGTH
from esp_wizard.session.names import questionnaire_copy_name as questionnaire_copy_name
from esp_wizard.session.names import slugify as slugify
from esp_wizard.session.names import split_progress
from esp_wizard.session.summary import conflict_line
from esp_wizard.tomlfile import (
    MAX_INT,
    MIN_INT,
    Loc,
    describe,
    head_bytes,
    limits_problem,
    read_regular,
    read_toml,
    show,
    validation_problems,
)
from esp_wizard.tomllocate import LineIndex, has_step
from esp_wizard.workspace import Workspace

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # base32, lowercase: no 0/1 vs o/l mix-ups
ID_LENGTH = 8
_HEAD_BYTES = 4096  # the session id stands in the file's first lines
_HEAD_ID = re.compile(r'^id\s*=\s*"([^"\\]*)"\s*$', re.MULTILINE)


class SessionSaveError(UserError):
    """A save or create failed (disk full, read-only folder…); the file on disk is unchanged."""


class SessionNotOpen(UserError):
    """A save of a session this store did not create or open for writing."""


class SessionChangedOnDisk(SessionSaveError):
    """The file changed since this window read or wrote it: saving would lose that change."""


class SessionDamaged(FileProblems):
    """A session file that reads as TOML but whose answers do not fit their questions."""


@dataclass(frozen=True)
class SessionEntry:
    path: Path
    session: Session

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class SessionListing:
    """The readable sessions, newest change first, and the files that could not be read."""

    entries: builtins.list[SessionEntry]
    problems: builtins.list[FileProblems]
    duplicates: builtins.list[builtins.list[SessionEntry]] = dataclasses.field(
        default_factory=builtins.list
    )  # files holding the same session id (a sync tool's "conflicted copy"), newest first

    @property
    def unique(self) -> builtins.list[SessionEntry]:
        """One entry per session id: of duplicates, the file changed last."""
        extra = {id(e) for group in self.duplicates for e in group[1:]}
        return [e for e in self.entries if id(e) not in extra]

    def conflict_lines(self) -> builtins.list[str]:
        """One line per duplicated id, naming every file that holds it."""
        return [
            conflict_line(group[0].session.id, [e.path for e in group]) for group in self.duplicates
        ]

    def __iter__(self) -> Iterator[SessionEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


class SessionStore:
    """Creates, opens, saves, finds and lists the sessions of one workspace."""

    _open_stores: ClassVar[weakref.WeakSet[SessionStore]] = weakref.WeakSet()

    def __init__(self, workspace: Workspace, *, owner: LockOwner | None = None) -> None:
        SessionStore._open_stores.add(self)
        self.workspace = workspace
        self._owner = owner
        self._paths: dict[str, Path] = {}  # session id -> the file this store writes it to
        self._locks: dict[str, SessionLock] = {}
        self._answer_cache: dict[str, AnswerTomlCache] = {}  # session id -> rendered answers
        self._read: dict[int, Path] = {}  # id(Session) -> the file it was read from
        self._stamps: dict[str, _Stamp] = {}  # session id -> its file as last read or written
        self._open: dict[str, Session] = {}  # session id -> the object open for writing
        self._copies: dict[Path, tuple[_Stamp, bytes, str]] = {}  # copy -> bytes, sha256
        # sha256 -> the copy's text: one str per copy, so the parsed-copy cache keyed on
        # the text hashes it once, not once per session of a report
        self._texts: dict[str, str] = {}
        self._copy_paths: dict[str, Path] = {}  # a copy's name -> its path (asked 3x a session)
        self._copy_shown: dict[tuple[Path, str], str] = {}  # a copy's path as messages name it

    # -- writing -----------------------------------------------------------------------------
    def create(
        self,
        *,
        questionnaire_id: str,
        questionnaire_version: str,
        questionnaire_language: str,
        questionnaire_source: str | bytes,
        client: str,
        engagement: str = "",
        facilitator: str = "",
        interviewees: Iterable[Interviewee] = (),
        session_id: str | None = None,
        started: dt.datetime | None = None,
    ) -> Session:
        """Start a session, write its file and keep it open (locked) for writing.

        `questionnaire_source` is the questionnaire file's exact text (a str is encoded as
        UTF-8, which gives back the file's bytes for a file read as UTF-8), so the hash
        matches `Questionnaire.hash` and the copy kept beside the sessions is that file.
        `session_id` and `started` fix the id and start time (a reproducible example); a
        fixed id already in the workspace is refused rather than redrawn.
        """
        if session_id is not None and not _is_session_id(session_id):
            message = _("cannot start a session: id {id} is not {length} characters of {alphabet}")
            raise UserError(
                message.format(id=repr(session_id), length=ID_LENGTH, alphabet=ID_ALPHABET)
            )
        data = (
            questionnaire_source.encode("utf-8")
            if isinstance(questionnaire_source, str)
            else bytes(questionnaire_source)
        )
        ref = QuestionnaireRef(
            id=questionnaire_id,
            version=questionnaire_version,
            language=questionnaire_language,
            hash=hashlib.sha256(data).hexdigest(),
        )
        people = builtins.list(interviewees)
        sessions_dir = self.workspace.sessions_dir
        try:
            sessions_dir.mkdir(exist_ok=True)
            self._keep_copy(ref, data)
        except OSError as error:
            message = _("could not create a session in {folder}: {reason}")
            raise SessionSaveError(
                message.format(folder=_shown(sessions_dir), reason=_reason(error))
            ) from error
        times = {"started": started, "updated": started} if started is not None else {}
        for _attempt in range(1 if session_id is not None else 20):
            try:
                session = Session(
                    id=session_id or new_session_id(),
                    client=client,
                    engagement=engagement,
                    facilitator=facilitator,
                    questionnaire=ref,
                    interviewees=people,
                    **times,
                )
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(step) for step in first["loc"])
                message = _("cannot start a session: {where}: {reason}")
                raise UserError(message.format(where=where, reason=describe(first, []))) from None
            if self._id_taken(session.id):
                continue
            path = sessions_dir / session_file_name(session)
            lock = self._lock(path)
            try:
                lock.acquire()
            except UserError:
                continue  # someone is creating this very name: draw another id
            except OSError as error:
                raise SessionSaveError(_cannot_create(path.stem, error)) from error
            try:
                atomic_create_bytes(path, _serialise(session))
            except FileExistsError:
                lock.release()
                continue
            except OSError as error:
                lock.release()
                raise SessionSaveError(_cannot_create(path.stem, error)) from error
            except BaseException:
                lock.release()
                raise
            self._paths[session.id] = path
            self._locks[session.id] = lock
            self._stamps[session.id] = _stamp(path)
            self._open[session.id] = session
            return session
        if session_id is not None:
            message = _(
                "could not create session {id}: a session with this id already exists in {folder}"
            )
            raise SessionSaveError(message.format(id=session_id, folder=_shown(sessions_dir)))
        message = _("could not find a free session name in {folder}")
        raise SessionSaveError(  # pragma: no cover - 20 collisions of 40 random bits
            message.format(folder=_shown(sessions_dir))
        )

    def save(
        self,
        session: Session,
        *,
        updated: dt.datetime | None = None,
        progress: tuple[int, int] | None = None,
    ) -> None:
        """Write the whole session at once; sets `updated` (to now unless given). Raises
        SessionLocked if another window took the lock, SessionSaveError if the disk refused
        (old file unchanged). `progress`, counted from the session as it is now, is kept
        in the file for the listings (see Session.to_toml)."""
        path = self._paths.get(session.id)
        if path is None:
            message = _(
                "session {id} is not open for writing here (resume it with: esp-wizard resume {id})"
            )
            raise SessionNotOpen(message.format(id=session.id))
        session.updated = updated if updated is not None else utc_now()
        data = _serialise(session, self._answer_cache.setdefault(session.id, {}), progress)
        try:
            self._locks[session.id].ensure()  # SessionLocked if another window took it
            self._unchanged(session.id, path)
            atomic_write_bytes(path, data)
            self._stamps[session.id] = _stamp(path)
            self._open[session.id] = session
        except OSError as error:
            message = _("could not save session {id} to {file}: {reason}")
            raise SessionSaveError(
                message.format(id=path.stem, file=_shown(path), reason=_reason(error))
            ) from error

    def _unchanged(self, session_id: str, path: Path) -> None:
        """Under the lock: refuse to save over a file someone changed since we last saw it
        (a second window after its lock was deleted by hand, an editor, a sync tool)."""
        known = self._stamps.get(session_id)
        if known is not None and _stamp(path) != known:
            message = _(
                "not saved: session {id} changed on disk since this window read it ({file}); "
                "nothing was overwritten: close it and open it again"
            )
            raise SessionChangedOnDisk(message.format(id=path.stem, file=_shown(path)))

    def open(self, ref: str) -> Session:
        """Find a session, lock it and load it, for writing (save, then close).

        A session file that is a symbolic link is followed: the lock and every save go to
        the file it points to, and the link itself stays as it is.
        """
        path = self.find(ref)
        if path.is_symlink():
            path = Path(os.path.realpath(path))
        lock = self._lock(path)
        try:
            lock.acquire()
        except OSError as error:  # a read-only folder, say: no lock, so no writing
            message = _("cannot open session {id} for writing: {reason}")
            raise UserError(message.format(id=path.stem, reason=_reason(error))) from error
        try:
            stamp = _stamp(path)
            session = self.load(path)
            known = self._paths.get(session.id)
            if known is not None and known.absolute() != path.absolute():
                message = _(
                    "session id {id} is in two files, {file} and {other}; rename or remove the copy"
                )
                raise UserError(
                    message.format(id=session.id, file=_shown(known), other=_shown(path))
                )
            remove_stray_temps(path)  # a crashed writer's leftovers; we are the writer now
        except BaseException:
            lock.release()
            raise
        if known is not None:
            lock.release()  # this store already holds it
        else:
            self._paths[session.id] = path
            self._locks[session.id] = lock
            self._stamps[session.id] = stamp
            self._open[session.id] = session
        return session

    def close(self, session: Session | str) -> None:
        """Release the session's lock; later saves of it are refused."""
        session_id = session if isinstance(session, str) else session.id
        self._paths.pop(session_id, None)
        self._stamps.pop(session_id, None)
        self._open.pop(session_id, None)
        self._answer_cache.pop(session_id, None)
        lock = self._locks.pop(session_id, None)
        if lock is not None:
            lock.release()

    @classmethod
    def open_stores(cls) -> builtins.list[SessionStore]:
        """Every store alive in this process (for a last save when the terminal is gone)."""
        return builtins.list(cls._open_stores)

    def save_open_sessions(self) -> None:
        """Save every session open for writing, as it stands in memory (best effort)."""
        for session in builtins.list(self._open.values()):
            path = self._paths.get(session.id)
            with contextlib.suppress(UserError, OSError):
                on_disk = split_progress(path.read_bytes())[0] if path is not None else None
                if _serialise(session) == on_disk:
                    continue  # nothing new since the last save: leave the file as it is
                self.save(session)

    def close_all(self) -> None:
        for session_id in builtins.list(self._locks):
            self.close(session_id)

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close_all()

    def path_of(self, session: Session) -> Path | None:
        """The file this store writes `session` to, if it is open here."""
        return self._paths.get(session.id)

    # -- reading -----------------------------------------------------------------------------
    def read(self, ref: str) -> Session:
        """Find and load a session without locking it (export, report, listing)."""
        return self.load(self.find(ref))

    def load(self, path: str | Path) -> Session:
        """Read one session file; FileProblems (path:line: key › path: message) if it is bad."""
        session = load_session(path)
        self._read[id(session)] = Path(path)
        return session

    def file_of(self, session: Session) -> Path | None:
        """The file `session` was read from or is written to, if this store knows it."""
        return self._paths.get(session.id) or self._read.get(id(session))

    def check_answers(
        self, session: Session, problems: builtins.list[tuple[tuple[str | int, ...], str]]
    ) -> None:
        """Raise SessionDamaged (located in the session's file) if `problems` is not empty."""
        if not problems:
            return
        path = self.file_of(session)
        shown = _shown(path) if path else f"session {session.id}"
        try:
            text, data = read_toml(path, shown) if path else ("", {})
        except FileProblems:
            text, data = "", {}
        index = LineIndex(text)
        found = [
            Problem(shown, index.line_of(loc, data) if text else None, _readable(loc, data), msg)
            for loc, msg in problems
        ]
        raise SessionDamaged(shown, found)

    def find(self, ref: str) -> Path:
        """A session's file from its id, a unique prefix of it, its file name or path."""
        ref = ref.strip()
        sessions_dir = self.workspace.sessions_dir
        if ref.endswith(".toml") or "/" in ref or os.sep in ref:
            for candidate in (Path(ref).expanduser(), sessions_dir / ref):
                if candidate.is_file():
                    return candidate.absolute()
            message = _("no session file {ref} (esp-wizard sessions lists them)")
            raise UserError(message.format(ref=ref))
        if ref and (sessions_dir / f"{ref}.toml").is_file():
            return (sessions_dir / f"{ref}.toml").absolute()
        wanted = ref.lower()
        ids = {path: self._file_id(path) for path in self._session_files()} if wanted else {}
        exact = [path for path, i in ids.items() if i == wanted]
        matches = exact or [path for path, i in ids.items() if i.startswith(wanted)]
        if not matches:
            message = _("no session matches '{ref}' (esp-wizard sessions lists them)")
            raise UserError(message.format(ref=ref))
        if len(matches) > 1:
            shown = ", ".join(f"{ids[p]} ({p.name})" for p in sorted(matches))
            message = (
                _("'{ref}' matches several sessions: {shown}; give the file's path")
                if exact
                else _("'{ref}' matches several sessions: {shown}; give more of the id")
            )
            raise UserError(message.format(ref=ref, shown=shown))
        return matches[0].absolute()

    # -- questionnaire copies ------------------------------------------------------------
    def questionnaire_copy_path(self, session: Session) -> Path:
        """Where the exact questionnaire file of `session` is kept."""
        name = questionnaire_copy_name(session.questionnaire)
        path = self._copy_paths.get(name)
        if path is None:  # joining paths costs more than the rest of a report's look-up
            path = self._copy_paths[name] = self.workspace.snapshots_dir / name
        return path

    def questionnaire_text(self, session: Session) -> str:
        """The exact questionnaire text `session` ran with, checked against its hash.

        FileProblems if the copy is missing or altered (say, a session copied from another
        laptop without `sessions/.questionnaires/`); the caller may then fall back to the
        installed questionnaire of the same id and language, with a warning.
        """
        path = self.questionnaire_copy_path(session)
        where = (path, os.getcwd())  # shown relative to the current folder
        shown = self._copy_shown.get(where) or self._copy_shown.setdefault(where, _shown(path))
        if not os.path.lexists(path):
            message = _("questionnaire copy not found (session {id} ran with it)")
            message = message.format(id=session.id)
            raise FileProblems(shown, [Problem(shown, None, "", message)])
        data, digest = self._copy_bytes(path, shown)
        expected = session.questionnaire.hash.lower()
        if not digest.startswith(expected) or not expected:
            message = _("altered: its content no longer matches session {id}'s hash")
            message = message.format(id=session.id)
            raise FileProblems(shown, [Problem(shown, None, "", message)])
        known = self._texts.get(digest)
        if known is not None:
            return known
        try:
            text = self._texts[digest] = data.decode("utf-8")
            return text
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            message = _("not UTF-8 text ({reason})").format(reason=decode_reason(error))
            raise FileProblems(shown, [Problem(shown, line, "", message)]) from None

    def _copy_bytes(self, path: Path, shown: str) -> tuple[bytes, str]:
        """A copy's bytes and sha256, read once while the file stays the same (a report
        opens hundreds of sessions that share one copy)."""
        stamp = _stamp(path)
        known = self._copies.get(path)
        if known is not None and stamp is not None and known[0] == stamp:
            return known[1], known[2]
        data = read_regular(path, shown)
        digest = hashlib.sha256(data).hexdigest()
        if stamp is not None and stamp == _stamp(path):
            self._copies[path] = (stamp, data, digest)
        return data, digest

    # -- internals ---------------------------------------------------------------------------
    def _lock(self, path: Path) -> SessionLock:
        return SessionLock(path, owner=self._owner)

    def _keep_copy(self, ref: QuestionnaireRef, data: bytes) -> None:
        """Copy the questionnaire once; rewrite a copy only if its bytes were altered."""
        path = self.workspace.snapshots_dir / questionnaire_copy_name(ref)
        try:
            if hashlib.sha256(read_regular(path, str(path))).hexdigest() == ref.hash:
                return
        except FileProblems:  # missing (or not a plain file): written below
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)

    def _session_files(self) -> builtins.list[Path]:
        """Every `*.toml` directly in sessions/, except hidden files (temporaries, copies)."""
        try:
            entries = builtins.list(os.scandir(self.workspace.sessions_dir))
        except OSError:
            return []
        files = [  # folders and FIFOs too: reading them reports them, never blocks
            Path(entry.path)
            for entry in entries
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        ]
        return sorted(files)

    def _id_taken(self, session_id: str) -> bool:
        return any(self._file_id(path) == session_id for path in self._session_files())

    @staticmethod
    def _file_id(path: Path) -> str:
        """The id a file holds (its first `id = "…"` line), else its name's last part."""
        head = head_bytes(path, _HEAD_BYTES).decode("utf-8", errors="replace")
        first_table = head.find("\n[")
        match = _HEAD_ID.search(head, 0, first_table if first_table >= 0 else len(head))
        return (match.group(1) if match else path.stem.rsplit("-", 1)[-1]).lower()

    def list(self) -> SessionListing:
        """Every session of the workspace, newest change first; bad files as problems.

        Defined last: inside the class body, `list` names this method from here on.
        """
        entries: builtins.list[SessionEntry] = []
        problems: builtins.list[FileProblems] = []
        real_files: set[str] = set()
        for path in self._session_files():
            real = os.path.realpath(path)
            if real in real_files:
                continue  # a symlink to a file listed already: one session, not two
            real_files.add(real)
            try:
                entries.append(SessionEntry(path, self.load(path)))
            except FileProblems as error:
                problems.append(error)
        entries.sort(key=lambda e: (e.session.updated, e.path.name), reverse=True)
        return SessionListing(entries, problems, _duplicates(entries))


def _duplicates(entries: builtins.list[SessionEntry]) -> builtins.list[builtins.list[SessionEntry]]:
    """Groups of entries (distinct files) sharing a session id, newest first."""
    by_id: dict[str, builtins.list[SessionEntry]] = {}
    for entry in entries:
        by_id.setdefault(entry.session.id, []).append(entry)
    return [group for group in by_id.values() if len(group) > 1]


# -- names ----------------------------------------------------------------------------------
def new_session_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def _is_session_id(text: str) -> bool:
    return len(text) == ID_LENGTH and set(text) <= set(ID_ALPHABET)


def session_file_name(session: Session) -> str:
    """`2026-11-22-acme-ana-souza-k3j5m2pq.toml`; empty slugs are left out."""
    person = session.interviewees[0].name if session.interviewees else ""
    parts = [
        session.started.astimezone(dt.UTC).date().isoformat(),
        slugify(session.client),
        slugify(person),
        session.id,
    ]
    return "-".join(part for part in parts if part) + ".toml"


# -- reading a file -----------------------------------------------------------------------
def load_session(path: str | Path) -> Session:
    """Read and check one session file; raises FileProblems, never writes."""
    path = Path(path)
    shown = _shown(path)

    def fail(line: int | None, where: str, message: str) -> FileProblems:
        return FileProblems(shown, [Problem(shown, line, where, message)])

    # The limits (tomlfile) are checked where they can be broken: first on every way to a
    # problem, as parse_toml checks them, so a damaged file reads exactly as before; and
    # on a session the model took, only where it keeps a number as given (_numbers_within).
    # Walking every value of every file first was a tenth of a report's own work.
    text, data = read_toml(path, shown, limits=False)

    def beyond_limits() -> None:
        if (problem := limits_problem(shown, text, data)) is not None:
            raise problem

    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > SESSION_FORMAT:
        beyond_limits()
        message = _(
            "format {version} is newer than this esp-wizard reads ({known}); update esp-wizard"
        ).format(version=version, known=SESSION_FORMAT)
        raise fail(LineIndex(text).line_of(("format",), data), "format", message)
    try:
        session = Session.model_validate(data, context=TOML_TEXT)
    except ValidationError as error:
        beyond_limits()
        raise FileProblems(
            shown, validation_problems(shown, text, data, error, _readable, _message)
        ) from None
    if not _numbers_within(session):
        beyond_limits()
    return session


def _numbers_within(session: Session) -> bool:
    """No integer past 64 bits where the model keeps one as the file gave it.

    Everything else that tomlfile's limits refuse cannot reach a Session: no field nests
    deeper than five levels, nan and inf are refused (allow_inf_nan=False), and every other
    integer is bounded (severity, impact) or not an integer's place; an answer's value, a
    row's cells, `format` and the progress counts are the places left
    (tests/test_session_limits.py tries each place with each kind of value).
    """
    numbers = [session.format]
    if session.progress is not None:
        numbers += (session.progress.done, session.progress.total)
    for answer in session.answers.values():
        value = answer.value
        if type(value) is int:
            numbers.append(value)
        elif type(value) is list:
            for row in value:
                if type(row) is dict:
                    numbers.extend(cell for cell in row.values() if type(cell) is int)
    return all(MIN_INT <= number <= MAX_INT for number in numbers)


def _readable(loc: tuple[str | int, ...], data: Any) -> str:
    """`answers › list_source › status`; list items by their id or name, else `#n`."""
    parts = []
    node = data
    for step in loc:
        if isinstance(step, int):
            item = node[step] if has_step(node, step) else None
            label = item.get("id") or item.get("name") if isinstance(item, dict) else None
            parts.append(str(label) if isinstance(label, str) and label else f"#{step + 1}")
        else:
            parts.append(step)
        node = node[step] if has_step(node, step) else None
    return " › ".join(parts)


def _message(loc: Loc, items: builtins.list[ErrorDetails], data: Any) -> str:
    first = items[0]
    value = first.get("input")
    if len(items) > 1:  # no member of a union took it: an answer's value
        return _(
            "expected text, a number, true or false, a date, a list of options "
            "or a list of rows, got {value}"
        ).format(value=show(value))
    return describe(first, _allowed_keys(loc[:-1]))


def _allowed_keys(loc: tuple[str | int, ...]) -> builtins.list[str]:
    """The keys the table at `loc` may hold, from the model that describes it."""
    shape = tuple("#" if isinstance(step, int) else step for step in loc)
    tables: dict[tuple[str, ...], type[BaseModel]] = {
        (): Session,
        ("questionnaire",): QuestionnaireRef,
        ("interviewees", "#"): Interviewee,
        ("observations", "#"): Observation,
    }
    model = Answer if len(shape) == 2 and shape[0] == "answers" else tables.get(shape)
    return builtins.list(model.model_fields) if model else []


_Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> _Stamp:
    """What changes whenever the file does: a save replaces it (new inode), an editor
    rewrites it (new time, often a new size)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


# -- small helpers -----------------------------------------------------------------------
def _serialise(
    session: Session,
    cache: AnswerTomlCache | None = None,
    progress: tuple[int, int] | None = None,
) -> bytes:
    """The file's bytes; SessionSaveError (before anything is written) if TOML refuses."""
    try:
        return session.to_toml(cache, progress).encode("utf-8")
    except (TypeError, ValueError) as error:  # UnicodeEncodeError is a ValueError
        message = _("could not save session {id}: {reason}")
        raise SessionSaveError(message.format(id=session.id, reason=error)) from error


def _cannot_create(name: str, error: OSError) -> str:
    return _("could not create session {id}: {reason}").format(id=name, reason=_reason(error))


def _shown(path: Path) -> str:
    """A path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _reason(error: OSError) -> str:
    return os_reason(error)
