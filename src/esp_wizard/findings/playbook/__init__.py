"""The migration playbook the interviews already contain, derived from answers and rules.

`build_playbook` reads the facts `collect` gathered and the report compiled from them
(merged inventory, acceptance checklist, findings, timeline): interview plan, send-at-
parity checklist, go/no-go scorecard, warm-up plan, current-state map and the contract
verdict. Pure: no files, no UI; renderers live in `esp_wizard.export.playbook_*`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.contract import contract_verdict
from esp_wizard.findings.playbook.current_map import system_map
from esp_wizard.findings.playbook.gonogo import scorecard
from esp_wizard.findings.playbook.interview_plan import interview_plan
from esp_wizard.findings.playbook.model import Playbook
from esp_wizard.findings.playbook.parity import parity
from esp_wizard.findings.playbook.warmup import warmup_plan

if TYPE_CHECKING:
    from esp_wizard.findings.collect import SessionFacts
    from esp_wizard.findings.model import EngagementReport


def build_playbook(facts: Sequence[SessionFacts], report: EngagementReport) -> Playbook:
    plan = interview_plan(report.inventory, report.sessions, report.roles_missing)
    answers = Answers(facts, report.inventory, plan.candidates)
    warmup = warmup_plan(answers)
    dates = report.executive.dates if report.executive else None
    return Playbook(
        interview_plan=plan,
        parity=parity(report.checklist, answers),
        scorecard=scorecard(answers, report.findings),
        warmup=warmup,
        system_map=system_map(answers),
        contract=contract_verdict(report.timeline, answers, warmup.length_weeks, dates),
    )


__all__ = ["Playbook", "build_playbook"]
