"""The timeline against the contract: does the estimated migration fit the months left?

The estimate's band (6 to 9 months, the timeline's numbers) is compared with the months
left on the current contract, the shortest answer winning (the safe reading when people
disagree); without that answer, the contract's end date counts from the kickoff, so the
playbook never calls a contract unknown that the executive summary dates. The notice period
says by when the renewal decision is due.
"""

from __future__ import annotations

from esp_wizard.findings.dates import day
from esp_wizard.findings.model import KeyDates, Timeline
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Contract
from esp_wizard.questionnaire.months import nearest_months


def contract_verdict(
    timeline: Timeline, answers: Answers, warmup_weeks: int | None, dates: KeyDates | None = None
) -> Contract:
    left, ends = answers.number("contract_months_left", pick="min"), ""
    if left is None and dates and dates.contract_end and dates.kickoff:
        left = nearest_months(dates.kickoff, dates.contract_end)
        ends = f" (it ends {day(dates.contract_end)})"
    low, high = timeline.span
    if left is None or not high:
        who = answers.ask(("executive",))
        return Contract("unknown", f"months left on the contract not answered: ask {who}")
    notice = answers.number("notice_period_months", pick="max")
    said = f"{left:g} months left on the contract{ends}, migration estimated at {timeline.estimate}"
    if warmup_weeks:
        said += f" (warm-up {warmup_weeks} weeks included in the send phase)"
    if notice:
        said += (
            f"; notice {notice:g} months: decide renewal within {max(0, left - notice):g} months"
        )
    if left >= high:
        return Contract("fits", said)
    return Contract("tight" if left >= low else "does not fit", said)
