"""The timeline against the contract: does the estimated migration fit the months left?

The estimate's band (6 to 9 months, the timeline's numbers) is compared with the months
left on the current contract, the shortest answer winning (the safe reading when people
disagree); without that answer, the contract's end date counts from the kickoff, so the
playbook never calls a contract unknown that the executive summary dates. The notice period
says by when the renewal decision is due.
"""

from __future__ import annotations

from esp_wizard import i18n
from esp_wizard.findings.dates import day
from esp_wizard.findings.model import KeyDates, Timeline
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Contract
from esp_wizard.i18n import _
from esp_wizard.questionnaire.months import nearest_months


def contract_verdict(
    timeline: Timeline, answers: Answers, warmup_weeks: int | None, dates: KeyDates | None = None
) -> Contract:
    left, ends = answers.number("contract_months_left", pick="min"), ""
    if left is None and dates and dates.contract_end and dates.kickoff:
        left = nearest_months(dates.kickoff, dates.contract_end)
        ends = _(" (it ends {date})").format(date=day(dates.contract_end))
    low, high = timeline.span
    if left is None or not high:
        who = answers.ask(("executive",))
        said = _("months left on the contract not answered: ask {who}").format(who=who)
        return Contract("unknown", said)
    notice = answers.number("notice_period_months", pick="max")
    said = _("{left} months left on the contract{ends}, migration estimated at {estimate}").format(
        left=i18n.decimal(left), ends=ends, estimate=timeline.estimate
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
