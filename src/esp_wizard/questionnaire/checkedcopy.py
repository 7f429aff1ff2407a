"""Questionnaire texts already checked in full, kept parsed so a resume does not check again.

A session's questionnaire copy is read and checked in full (TOML, pydantic, every
cross-check and expression) each time the session is opened: ~0.1 s for 300 questions,
all before the first question can show. Once a text has passed, the parsed questionnaire
is pickled in the user cache folder under the text's SHA-256, signed with HMAC-SHA256
under the cache folder's key (filecache.signing_key) together with esp-wizard's version
and a stamp of the questionnaire code (each module's size and time); the same text loads
from there. An entry that is damaged, cut short, unsigned, or made by other code or for
another text fails a check and is ignored and written again: a cache can make opening
faster, never let a text pass that the check would refuse. Whoever can write the cache
folder as the user can also change the sessions: that is the trust boundary, as for the
report's cache (findings/factcache.py). Any cache problem only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from esp_wizard import __version__
from esp_wizard.filecache import cache_dir, signing_key
from esp_wizard.questionnaire.loader import content_hash, parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire

FOLDER = "questionnaires-checked"
_kept_later: ContextVar[bool] = ContextVar("kept_later", default=False)
_SIGNATURE = 32  # bytes of HMAC-SHA256 at the start of an entry


def load_checked(text: str, file: str) -> Questionnaire:
    """`parse_questionnaire(text, file)`, from the cache when this text passed before
    (FileProblems, as always, for a text that does not pass)."""
    digest = content_hash(text)
    place = _place(digest)
    found = _read(*place) if place else None
    if found is None:
        found = parse_questionnaire(text, file)
        if place and not _kept_later.get():
            _write(*place, found)
    found._source = text
    found._path = file
    found._hash = digest
    return found


@contextlib.contextmanager
def kept_later() -> Iterator[None]:
    """Within it, a text that passes the check is not written to the cache: the caller
    keeps it later with `remember_checked` (the TUI, from a worker after its first frame:
    the pickle and the write are not on the way to a resumed interview's first question)."""
    token = _kept_later.set(True)
    try:
        yield
    finally:
        _kept_later.reset(token)


def remember_checked(questionnaire: Questionnaire) -> None:
    """Keep a questionnaire the catalog has just loaded and checked in full, for the
    session started with it: its first resume then finds its copy already checked."""
    text = questionnaire.source
    if not text or content_hash(text) != questionnaire.hash:
        return  # not a questionnaire parse_questionnaire made from its text
    place = _place(questionnaire.hash)
    if place and not _signed(*place):  # missing, or left by another version: replaced
        _write(*place, questionnaire)


def _place(digest: str) -> tuple[Path, bytes, bytes] | None:
    """The entry for a text, the key that signs it, and the header it must start with;
    None when no key can be read or made (nothing is cached then)."""
    root = cache_dir()
    key = signing_key(root)
    if key is None:
        return None
    header = f"{__version__}\n{code_stamp()}\n{digest}\n".encode()
    return root / FOLDER / f"{digest}.pickle", key, header


def _body(entry: Path, key: bytes, header: bytes) -> bytes | None:
    """The entry's body if it is signed with `key` and starts with `header`, else None."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    signature, body = data[:_SIGNATURE], data[_SIGNATURE:]
    if not hmac.compare_digest(signature, hmac.new(key, body, hashlib.sha256).digest()):
        return None
    if not body.startswith(header):
        return None  # another version, other code, or another text
    return body


def _signed(entry: Path, key: bytes, header: bytes) -> bool:
    """Whether the entry would be read (not unpickled: only whether to write it again)."""
    return _body(entry, key, header) is not None


def _read(entry: Path, key: bytes, header: bytes) -> Questionnaire | None:
    body = _body(entry, key, header)
    if body is None:
        return None
    try:
        found = pickle.loads(body[len(header) :])  # signed by this user's key: ours
    except Exception:  # a class renamed since, or any unpickling failure: not cached
        return None
    return found if isinstance(found, Questionnaire) else None


def _write(entry: Path, key: bytes, header: bytes, questionnaire: Questionnaire) -> None:
    """Whole or not at all: a temporary file renamed over the entry."""
    try:
        body = header + pickle.dumps(questionnaire, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value pickle cannot keep: this text is simply not cached
        return
    signature = hmac.new(key, body, hashlib.sha256).digest()
    temporary = entry.with_name(f".{entry.name}.{secrets.token_hex(6)}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(signature + body)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@cache
def code_stamp() -> str:
    """Which code checked and pickled: every module of the questionnaire package, by
    name, size and modification time (an edited checkout changes it, not only a release)."""
    package = Path(__file__).resolve().parent
    seen: list[str] = []
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            stat = path.stat()
            seen.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(seen).encode()).hexdigest()[:32]
