"""Compile an engagement's sessions into findings, inventory, conflicts and a timeline.

Pure core: it reads sessions and questionnaires, never imports a UI, and decides
everything that the renderers in `esp_wizard.export` and the TUI only present.
"""

from __future__ import annotations

from esp_wizard.findings.compile import compile_engagement
from esp_wizard.findings.engagement import (
    EngagementChoice,
    choose,
    compile_workspace,
    engagements,
    load_engagement,
)
from esp_wizard.findings.model import PRIORITY_FORMULA, EngagementReport, Finding, SessionSummary
from esp_wizard.findings.summary import summarize_session

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
