"""What each session file contributed to the last report, kept so an unchanged file is
not read, validated and judged again.

One file per workspace, in the user cache folder (never beside the sessions), written once
at the end of a report and only when something changed: writing an entry per session
cost a report over a thousand changed files more than a third of its time. Each entry is
valid for one exact version of its session file (size, modification time, inode), of its
questionnaire copy, and of esp-wizard; and for the report's date and timeline estimate
only if the session's rules read them (`Interview.consulted`). The file is signed with
HMAC-SHA256 under a random key kept in the cache folder (mode 0600): a file that is
damaged, cut short, written by another version or copied from another workspace fails a
check and every fact is computed afresh, so a cache can make a report faster but never
different. Whoever can write that folder as the user can also change the sessions
themselves: that is the trust boundary. Any cache problem (unwritable folder, full disk)
only costs speed.

Layout: a line with the signature of the rest, then two pickle streams (factcodec.py):
the index (format, version, language, and per file its key, its copy's key, what it
consulted and where its facts are), then every file's facts. The facts are only read
when some entry is still valid, so a report after every file changed does not pay for
them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from esp_wizard import __version__, i18n
from esp_wizard.filecache import Key, cache_dir, file_key, signing_key
from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.factcodec import DecodeError, dump, load

# The layout of the file and of the facts' classes: a file of another layout (fields kept
# in a `__dict__` before they were slotted) would unpickle into nonsense, not an error.
FORMAT = 3
CHUNK = 1 << 20


@dataclass(frozen=True)
class Cached:
    """One file's facts, and the report-wide values they were judged with (if read)."""

    facts: SessionFacts
    consulted: dict[str, Any]  # "today": ISO date, "estimate": [low, high] or None


@dataclass(frozen=True)
class _Entry:
    key: Key
    copy: list[Any]  # [copy path, its key]
    consulted: dict[str, Any]
    at: int  # its facts' place in the facts stream (or -1: facts in hand)
    facts: SessionFacts | None = None


def _entry(raw: Any) -> _Entry:
    """An index entry as written by `_write`; ValueError for anything else."""
    key, copy, consulted, at = raw
    if not (isinstance(key, list) and isinstance(copy, list) and len(copy) == 2):
        raise ValueError("not an index entry")
    if not (isinstance(copy[0], str) and isinstance(consulted, dict) and type(at) is int):
        raise ValueError("not an index entry")
    return _Entry(key, copy, consulted, at)


class FactCache:
    """The entries of one workspace's sessions folder: read on the first `get`, written by
    `save` when an entry was added, replaced or dropped."""

    def __init__(self, sessions_dir: Path) -> None:
        root = cache_dir()
        scope = hashlib.sha256(str(sessions_dir.absolute()).encode()).hexdigest()[:16]
        self.path = root / f"report-{scope}.facts"
        self._old_folder = root / f"report-{scope}"  # one file per entry, before FORMAT 3
        self._root = root
        self._key = signing_key(root)
        self._language = i18n.current()
        self._stored: dict[str, _Entry] | None = None  # the file's index, once read
        self._file: IO[bytes] | None = None  # open on the facts stream until it is read
        self._facts: list[Any] | None = None
        self._kept: dict[str, _Entry] = {}  # what the next file will hold
        self._changed = False
        self._saved = False

    def get(self, path: Path, key: Key | None) -> Cached | None:
        """The entry for this exact file and its copy, if the cache file is whole and
        signed by us."""
        if key is None or self._key is None:
            return None
        name = str(path.absolute())
        entry = self._index().get(name)
        if entry is None or entry.key != key:
            return None
        copy, copied = entry.copy
        if file_key(copy) != copied:  # the copy is gone or was replaced since
            return None
        facts = self._facts_at(entry.at)
        if facts is None:
            return None
        self._kept[name] = _Entry(entry.key, entry.copy, entry.consulted, -1, facts)
        return Cached(facts, entry.consulted)

    def put(
        self,
        path: Path,
        key: Key | None,
        copy: list[Any],
        facts: SessionFacts,
        consulted: dict[str, Any],
    ) -> None:
        """Keep `facts` for this version of the file and of its copy (`copy_key`)."""
        if key is None or self._key is None:
            return
        self._kept[str(path.absolute())] = _Entry(key, copy, consulted, -1, facts)
        self._changed = True

    def close(self) -> None:
        """Let go of the cache file without writing (a reader that only looked)."""
        self._close()

    def save(self) -> None:
        """Write the entries got or put since this cache was opened, if they differ from
        the file's: the entries of files removed, renamed or changed are left out. Once:
        a second call does nothing."""
        self._close()
        if self._key is None or self._saved:
            return
        self._saved = True
        stored = self._stored or {}
        kept, self._kept, self._facts = self._kept, {}, None  # stale facts let go after
        if not self._changed and kept.keys() == stored.keys():
            return
        with contextlib.suppress(
            OSError, pickle.PicklingError, TypeError, ValueError, RecursionError
        ):
            self._write(kept)  # only speed is lost
        if self._old_folder.is_dir():
            shutil.rmtree(self._old_folder, ignore_errors=True)

    # -- reading ------------------------------------------------------------------------
    def _index(self) -> dict[str, _Entry]:
        if self._stored is None:
            self._stored = {}
            with contextlib.suppress(OSError, DecodeError, ValueError, TypeError, AttributeError):
                self._stored = self._open()
        return self._stored

    def _open(self) -> dict[str, _Entry]:
        """The index of a whole file signed with our key; the file is kept open on its
        facts. Empty for anything else."""
        assert self._key is not None
        file = open(self.path, "rb")  # noqa: SIM115  (kept open for the facts)
        try:
            index = self._verified_index(file)
        except BaseException:
            file.close()
            raise
        if index:
            self._file = file
        else:
            file.close()
        return index

    def _verified_index(self, file: IO[bytes]) -> dict[str, _Entry]:
        assert self._key is not None
        signature = file.readline().rstrip(b"\n")
        start = file.tell()
        mac = hmac.new(self._key, digestmod=hashlib.sha256)
        while chunk := file.read(CHUNK):
            mac.update(chunk)
        if not hmac.compare_digest(signature, mac.hexdigest().encode()):
            return {}
        file.seek(start)
        head = load(file)
        if not isinstance(head, list) or head[:3] != [FORMAT, __version__, self._language]:
            return {}
        return {str(name): _entry(raw) for name, raw in head[3].items()}

    def _facts_at(self, at: int) -> SessionFacts | None:
        if self._facts is None:
            self._facts = []
            if self._file is not None:
                with contextlib.suppress(DecodeError):
                    facts = load(self._file)
                    if isinstance(facts, list):
                        self._facts = facts
            self._close()
        found = self._facts[at] if 0 <= at < len(self._facts) else None
        if isinstance(found, SessionFacts):
            return found
        return None

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    # -- writing ------------------------------------------------------------------------
    def _write(self, kept: dict[str, _Entry]) -> None:
        """To a temporary file renamed over the cache: a reader sees the old file or the
        new one, never half of one; two reports at once each write a whole file."""
        assert self._key is not None
        index = {
            name: [e.key, e.copy, e.consulted, at] for at, (name, e) in enumerate(kept.items())
        }
        facts = [e.facts for e in kept.values()]
        self._root.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self._root, prefix=".report-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                signed = _Signed(file, self._key)
                file.write(b"0" * 64 + b"\n")  # the signature, once it is known
                dump([FORMAT, __version__, self._language, index], signed)
                dump(facts, signed)
                file.seek(0)
                file.write(signed.signature())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


class _Signed:
    """A file that signs what is written to it."""

    def __init__(self, file: IO[bytes], key: bytes) -> None:
        self._file = file
        self._mac = hmac.new(key, digestmod=hashlib.sha256)

    def write(self, data: bytes) -> int:
        self._mac.update(data)
        return self._file.write(data)

    def signature(self) -> bytes:
        return self._mac.hexdigest().encode()


def copy_key(copy: Path) -> list[Any]:
    return [str(copy), file_key(copy)]
