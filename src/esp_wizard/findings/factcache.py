"""What each session file contributed to the last report, kept so an unchanged file is
not read, validated and judged again.

One entry per session file, in the user cache folder (never beside the sessions), valid
for this exact version of the file (size, modification time, inode), of its questionnaire
copy, and of esp-wizard; and for the report's date and timeline estimate only if the
session's rules read them (`Interview.consulted`). Each entry is signed with HMAC-SHA256
under a random key kept in the cache folder (mode 0600): an entry that is damaged, cut
short, written by another version or copied from another machine fails the check and is
computed afresh, so a cache can make a report faster but never different. Whoever can
write that folder as the user can also change the sessions themselves: that is the trust
boundary. Any cache problem (unwritable folder, full disk) only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from esp_wizard import __version__, i18n
from esp_wizard.filecache import Key, cache_dir, file_key, signing_key
from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.factcodec import decode, encode

# What the facts' classes look like: an entry of another layout (fields kept in a
# `__dict__` before they were slotted) would unpickle into nonsense, not an error.
FORMAT = 2


@dataclass(frozen=True)
class Cached:
    """One file's facts, and the report-wide values they were judged with (if read)."""

    facts: SessionFacts
    consulted: dict[str, Any]  # "today": ISO date, "estimate": [low, high] or None


class FactCache:
    """The entries of one workspace's sessions folder."""

    def __init__(self, sessions_dir: Path) -> None:
        root = cache_dir()
        scope = hashlib.sha256(str(sessions_dir.absolute()).encode()).hexdigest()[:16]
        self.folder = root / f"report-{scope}"
        self._key = signing_key(root)
        self._language = i18n.current()
        self._texts: dict[str, str] = {}  # every string read, once (factcodec.decode)
        self._folder_made = False

    def _entry(self, path: Path) -> Path:
        return self.folder / (hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:32])

    def _identity(self, path: Path, key: Key) -> list[Any]:
        """Everything an entry must have been computed from, but its questionnaire copy."""
        return [__version__, FORMAT, self._language, str(path.absolute()), key]

    def get(self, path: Path, key: Key | None) -> Cached | None:
        """The entry for this exact file and its copy, if it is whole and signed by us."""
        if key is None or self._key is None:
            return None
        try:
            data = self._entry(path).read_bytes()
        except OSError:
            return None
        signature, _, body = data.partition(b"\n")
        expected = hmac.new(self._key, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            return None
        header, _, payload = body.partition(b"\n")
        try:
            stored = json.loads(header)
            if stored["identity"] != self._identity(path, key):
                return None
            copy, copied = stored["copy"]
            if file_key(copy) != copied:  # the copy is gone or was replaced since
                return None
            consulted = stored["consulted"]
            if not isinstance(consulted, dict):
                return None
            return Cached(decode(payload, self._texts), consulted)
        except (ValueError, KeyError, TypeError, RecursionError):  # DecodeError included
            return None

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
        header = {"identity": self._identity(path, key), "copy": copy, "consulted": consulted}
        try:
            body = json.dumps(header).encode() + b"\n" + encode(facts)
        except (TypeError, ValueError, pickle.PicklingError):
            return  # a value that cannot be kept: this file is simply not cached
        signature = hmac.new(self._key, body, hashlib.sha256).hexdigest().encode()
        # Written in place, not through a temporary file: a reader meeting it half written,
        # or two writers' bytes mixed, fails the signature and computes the facts again.
        try:
            if not self._folder_made:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._folder_made = True
            fd = os.open(self._entry(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as file:
                file.write(signature + b"\n" + body)
        except OSError:
            pass  # only speed is lost

    def forget_others(self, paths: list[Path]) -> None:
        """Remove the entries of files no longer in the folder (removed, renamed)."""
        wanted = {self._entry(p).name for p in paths}
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                if entry.name not in wanted and not entry.name.startswith("."):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def copy_key(copy: Path) -> list[Any]:
    return [str(copy), file_key(copy)]
