"""No cyclic garbage collection while the TUI starts; its start-up objects frozen after.

Start-up allocates hundreds of thousands of objects that live as long as the app (modules,
pydantic schemas, Textual's widgets and styles), and CPython's cyclic collector keeps
rescanning them: one full collection in the middle of start-up took 35-55 ms, and the
younger ones as much again, all before the first frame. Nothing collectable is made
then, so the commands hold the collector from their first import until the first frame
is on the terminal; the app then freezes what exists (later collections skip it, as
`WizardApp.settle_memory` does for the interview) and turns the collector back on.

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
