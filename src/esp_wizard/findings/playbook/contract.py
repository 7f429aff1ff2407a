"""The timeline against the contract: does the estimated migration fit the months left?

The estimate's band ("6-9 months") is compared with the months left on the current
contract, the shortest answer winning (the safe reading when people disagree); the notice
period says by when the renewal decision is due.
"""

from __future__ import annotations

import re

from esp_wizard.findings.model import Timeline
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Contract


def contract_verdict(timeline: Timeline, answers: Answers, warmup_weeks: int | None) -> Contract:
    left = answers.number("contract_months_left", pick="min")
    bounds = [timeline.low_months, timeline.high_months]
    if not all(bounds):  # a timeline built without its span: read it from the label
        bounds = [int(n) for n in re.findall(r"\d+", timeline.estimate)]
    if left is None or not bounds:
        who = answers.ask(("executive",))
        return Contract("unknown", f"months left on the contract not answered: ask {who}")
    low, high = bounds[0], bounds[-1]
    notice = answers.number("notice_period_months", pick="max")
    said = f"{left:g} months left on the contract, migration estimated at {timeline.estimate}"
    if warmup_weeks:
        said += f" (warm-up {warmup_weeks} weeks included in the send phase)"
    if notice:
        said += (
            f"; notice {notice:g} months: decide renewal within {max(0, left - notice):g} months"
        )
    if left >= high:
        return Contract("fits", said)
    return Contract("tight" if left >= low else "does not fit", said)
