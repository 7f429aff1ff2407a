"""The timeline against the contract: does the estimated migration fit the months left?

The estimate's band ("6-9 months") is compared with the months left on the current
contract, the shortest answer winning (the safe reading when people disagree); the notice
period says by when the renewal decision is due.
"""

from __future__ import annotations

import re

from esp_wizard import i18n
from esp_wizard.findings.model import Timeline
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Contract
from esp_wizard.i18n import _


def contract_verdict(timeline: Timeline, answers: Answers, warmup_weeks: int | None) -> Contract:
    left = answers.number("contract_months_left", pick="min")
    bounds = [timeline.low_months, timeline.high_months]
    if not all(bounds):  # a timeline built without its span: read it from the label
        bounds = [int(n) for n in re.findall(r"\d+", timeline.estimate)]
    if left is None or not bounds:
        who = answers.ask(("executive",))
        said = _("months left on the contract not answered: ask {who}").format(who=who)
        return Contract("unknown", said)
    low, high = bounds[0], bounds[-1]
    notice = answers.number("notice_period_months", pick="max")
    said = _("{left} months left on the contract, migration estimated at {estimate}").format(
        left=i18n.decimal(left), estimate=timeline.estimate
    )
    if warmup_weeks:
        said += _(" (warm-up {weeks} weeks included in the send phase)").format(weeks=warmup_weeks)
    if notice:
        said += _("; notice {notice} months: decide renewal within {within} months").format(
            notice=i18n.decimal(notice), within=i18n.decimal(max(0, left - notice))
        )
    if left >= high:
        return Contract("fits", said)
    return Contract("tight" if left >= low else "does not fit", said)
