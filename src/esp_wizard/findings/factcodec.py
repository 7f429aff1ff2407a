"""One session's facts as bytes and back, exactly: what the report cache stores per file.

`SessionFacts` is a tree of frozen dataclasses, tuples, dicts and answer values (text,
numbers, booleans, dates) in which one SessionRef is shared by every piece of evidence.
Pickle keeps all of that (types, key order, sharing) and reads a thousand sessions' facts
in a fraction of what a tagged JSON walk in Python takes (measured: about 20x). It is
only ever fed bytes whose HMAC this user's key signed (factcache.py), and even then it can
build nothing but the facts' own dataclasses, dates and times: any other class is refused
(`find_class`), so a forged or damaged entry is a DecodeError, never code run.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
from typing import Any

from esp_wizard.findings.collect import (
    Compared,
    InventoryFacts,
    Raised,
    RowFacts,
    SessionFacts,
)
from esp_wizard.findings.model import (
    Evidence,
    FollowUp,
    NamedAnswer,
    Person,
    SessionRef,
    Worry,
)
from esp_wizard.findings.timeline import DriverFacts

ALLOWED: dict[tuple[str, str], type] = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (
        SessionFacts,
        SessionRef,
        Person,
        Raised,
        Evidence,
        NamedAnswer,
        InventoryFacts,
        RowFacts,
        Compared,
        FollowUp,
        Worry,
        DriverFacts,
        dt.datetime,
        dt.date,
        dt.timezone,
        dt.timedelta,
    )
}
PROTOCOL = 5


class DecodeError(ValueError):
    """Not facts this version wrote: compute them again."""


def _text_id(obj: Any) -> Any:
    """Each string as a persistent id, so that reading gives one object per distinct text
    across all sessions (question texts, labels, ids, notes said alike): kept once, as a
    fresh compile keeps them, not once per session. (A plain function, not a method: a
    pickler holding its own bound method lives until the cycle collector runs.)"""
    return obj if type(obj) is str else None


class _OnlyFacts(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return ALLOWED[(module, name)]
        except KeyError:
            raise DecodeError(f"{module}.{name} is not part of a session's facts") from None


def encode(facts: SessionFacts) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=PROTOCOL)
    pickler.persistent_id = _text_id  # type: ignore[method-assign]
    pickler.dump(facts)
    return out.getvalue()


def decode(data: bytes, texts: dict[str, str] | None = None) -> SessionFacts:
    """The facts in `data`; `texts`, shared by every decode of a report, keeps each
    distinct string once."""
    shared: dict[str, str] = {} if texts is None else texts

    def text(pid: Any) -> str:
        if type(pid) is not str:
            raise DecodeError("not a text")
        return shared.setdefault(pid, pid)

    unpickler = _OnlyFacts(io.BytesIO(data))
    unpickler.persistent_load = text  # type: ignore[method-assign]
    try:
        facts = unpickler.load()
    except DecodeError:
        raise
    except Exception as error:  # a cut or garbled stream: any of pickle's many errors
        raise DecodeError(f"unreadable ({type(error).__name__})") from None
    if not isinstance(facts, SessionFacts):
        raise DecodeError("not a session's facts")
    return facts
