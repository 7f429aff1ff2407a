"""The report cache's contents as a pickle stream and back, exactly.

`SessionFacts` is a tree of frozen dataclasses, tuples, dicts and answer values (text,
numbers, booleans, dates) in which one SessionRef is shared by every piece of evidence,
and equal values are shared across sessions (`collect.Shared`). Pickle keeps all of that
(types, key order, sharing: one object written once, read back once) in C, far faster
than any walk in Python. It is only ever fed bytes whose HMAC this user's key signed
(factcache.py), and even then it can build nothing but the facts' own dataclasses, dates
and times: any other class is refused (`find_class`), so a forged or damaged stream is a
DecodeError, never code run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import pickle
from collections.abc import Callable
from typing import IO, Any, Protocol

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


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """A slotted dataclass as its class and its fields' values, read in C: the dataclass's
    own pickling looks its fields up for every object, in and out (a third of a cache's
    time), where this rebuilds each one by calling the class, as `collect` does."""
    read = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    return lambda obj: (cls, read(obj))


# Every dataclass of the facts (each has two fields or more: attrgetter gives a tuple).
_REDUCERS = {cls: _by_fields(cls) for cls in ALLOWED.values() if dataclasses.is_dataclass(cls)}


class _FactsPickler(pickle.Pickler):
    dispatch_table = _REDUCERS


class DecodeError(ValueError):
    """Not what this version wrote: compute the facts again."""


class _OnlyFacts(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return ALLOWED[(module, name)]
        except KeyError:
            raise DecodeError(f"{module}.{name} is not part of a session's facts") from None

    def persistent_load(self, pid: Any) -> Any:
        raise DecodeError("not a stream this version wrote")


class Writable(Protocol):
    """Where a stream goes: a file, or factcache's signing wrapper around one."""

    def write(self, data: bytes, /) -> int: ...


def dump(value: Any, file: Writable) -> None:
    """One pickle stream of `value` (facts, or plain lists, dicts and tuples) into `file`."""
    _FactsPickler(file, protocol=PROTOCOL).dump(value)


def load(file: IO[bytes]) -> Any:
    """The next stream of `file`, built of nothing but the facts' own classes."""
    try:
        return _OnlyFacts(file).load()
    except DecodeError:
        raise
    except Exception as error:  # a cut or garbled stream: any of pickle's many errors
        raise DecodeError(f"unreadable ({type(error).__name__})") from None
