"""Compile an engagement's sessions into findings, inventory, conflicts and a timeline.

Pure core: it reads sessions and questionnaires, never imports a UI, and decides
everything that the renderers in `esp_wizard.export` and the TUI only present.

The names below are loaded when first used (PEP 562): importing one light module of the
package (glance.py, the home screen's plan line from the last report) must not load the
compiler and every model with it, ~250 ms of CPU right after home's first frame.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from esp_wizard.findings.compile import compile_engagement
    from esp_wizard.findings.engagement import (
        EngagementChoice,
        choose,
        compile_workspace,
        engagements,
        load_engagement,
    )
    from esp_wizard.findings.model import (
        PRIORITY_FORMULA,
        EngagementReport,
        Finding,
        SessionSummary,
    )
    from esp_wizard.findings.summary import summarize_session

_MODULE_OF = {
    "PRIORITY_FORMULA": "model",
    "EngagementChoice": "engagement",
    "EngagementReport": "model",
    "Finding": "model",
    "SessionSummary": "model",
    "choose": "engagement",
    "compile_engagement": "compile",
    "compile_workspace": "engagement",
    "engagements": "engagement",
    "load_engagement": "engagement",
    "summarize_session": "summary",
}

__all__ = [
    "PRIORITY_FORMULA",
    "EngagementChoice",
    "EngagementReport",
    "Finding",
    "SessionSummary",
    "choose",
    "compile_engagement",
    "compile_workspace",
    "engagements",
    "load_engagement",
    "summarize_session",
]


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value
