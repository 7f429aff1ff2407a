"""The playbook as plain JSON data, under the report's "playbook" key."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from esp_wizard.findings.model import EngagementReport


def playbook_data(report: EngagementReport) -> dict[str, Any] | None:
    playbook = report.playbook
    if playbook is None:
        return None
    data = asdict(playbook)
    data["scorecard"]["verdict"] = playbook.scorecard.verdict
    data["warmup"]["length_weeks"] = playbook.warmup.length_weeks
    data["system_map"]["edges"] = [
        {**asdict(e), "label": e.label} for e in playbook.system_map.edges
    ]
    data["system_map"]["mermaid"] = _mermaid(report)
    return data


def _mermaid(report: EngagementReport) -> str:
    from esp_wizard.export.playbook_markdown import mermaid

    assert report.playbook is not None
    return mermaid(report.playbook.system_map)
