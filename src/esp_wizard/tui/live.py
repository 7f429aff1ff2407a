"""A session being interviewed on screen: the core's interview controller, under the name
the TUI's screens use. The screen never decides what is valid or how a file is written; it
hands values to the controller, which records, saves and reports the outcome (a failed save
is remembered, not raised, so the screen keeps the message and the typed answer on view).
"""

from __future__ import annotations

from esp_wizard.session.controller import InterviewController as LiveInterview

__all__ = ["LiveInterview"]
