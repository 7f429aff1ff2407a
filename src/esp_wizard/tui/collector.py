"""When the TUI's cyclic garbage collection runs: never during start-up, between frames after.

Start-up allocates hundreds of thousands of objects that live as long as the app (modules,
pydantic schemas, Textual's widgets and styles), and CPython's cyclic collector keeps
rescanning them: one full collection in the middle of start-up took 35-55 ms, and the
younger ones as much again, all before the first frame. Nothing collectable is made
then, so the commands hold the collector from their first import until the first frame
is on the terminal; the app then freezes what exists (later collections skip it, as
`WizardApp.settle_memory` does for the interview) and turns the collector back on.

During an interview the collector is paced (`pace`): CPython's own collections, which
land between a key press and its frame, are made rare, and the app collects the young
generations once each new question is on the terminal (`collect_young`), and all of them
when the interview pauses (`collect_all`).

Plain Python, imported by the commands before Textual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_held = False  # a command holds the collector and the first frame has not come yet


@contextlib.contextmanager
def held_until_first_frame() -> Iterator[None]:
    """Around a TUI command: off now, back on at the first frame or when the command ends."""
    global _held
    if not gc.isenabled():  # someone else's choice: left alone
        yield
        return
    gc.disable()
    _held = True
    try:
        yield
    finally:
        _held = False
        gc.enable()


def first_frame_painted() -> None:
    """Called by the app once its first frame is on the terminal."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


# -- during an interview: collections between frames, not between a key and its frame ------
YOUNG_THRESHOLD = 20_000  # allocations before CPython collects on its own (default 700)
FULL_AFTER_IDLE = 2.0  # seconds without a new question: time for a full collection
FULL_EVERY = 50  # young collections without a pause before a full one all the same


class _Pace:
    """The thresholds to give back, and how many young collections since the last full one."""

    restore: tuple[int, int, int] | None = None
    since_full = 0


def pace() -> None:
    """Once the interview's widgets exist: freeze them, and collect only when told to.

    Every key press allocates about a thousand objects; at CPython's threshold of 700 a
    young collection (every tenth, a middle one; now and then a full one of 50 ms) lands
    between the key and its frame, the slow tail a consultant feels. Frozen objects are
    never rescanned; the raised threshold leaves the collecting to `collect_young`, which
    the app calls once a frame is on the terminal, and to `collect_all` when the interview
    pauses. Left alone if the collector is off.
    """
    gc.freeze()
    if _Pace.restore is None and gc.isenabled():
        _Pace.restore = gc.get_threshold()
        gc.set_threshold(YOUNG_THRESHOLD, *_Pace.restore[1:])
        _Pace.since_full = 0


def paced() -> bool:
    return _Pace.restore is not None


def collect_young() -> None:
    """After a frame: the young generations (a few ms). A full collection takes 50-70 ms
    and waits for a pause (`collect_all`), unless none came for `FULL_EVERY` frames: cyclic
    garbage never waits for the app's exit, so memory stays bounded."""
    if _Pace.restore is None:
        return
    _Pace.since_full += 1
    if _Pace.since_full >= FULL_EVERY:
        collect_all()
    else:
        gc.collect(1)


def collect_all() -> None:
    """Every generation (not the frozen objects), when the interview pauses."""
    if _Pace.restore is not None:
        _Pace.since_full = 0
        gc.collect()


def unpace() -> None:
    """When the app ends: CPython's thresholds as they were before the interview."""
    if _Pace.restore is not None:
        gc.set_threshold(*_Pace.restore)
        _Pace.restore = None
