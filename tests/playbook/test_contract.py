"""The timeline against the months left on the contract."""

from __future__ import annotations

import pytest

from playbook.facts import answer, playbook, ref, session


@pytest.mark.parametrize(
    ("months", "verdict"),
    [(24, "fits"), (4, "fits"), (3, "tight"), (2, "does not fit")],
)
def test_months_left_against_the_estimate(months: int, verdict: str) -> None:
    facts = session(
        ref("s1", ("Helen", "executive")), answers=(answer("contract_months_left", months),)
    )
    contract = playbook(facts).contract  # no driver: 3-4 months
    assert contract.verdict == verdict


def test_when_people_disagree_the_shortest_contract_wins_and_notice_is_stated() -> None:
    helen = session(
        ref("s1", ("Helen", "executive")),
        answers=(answer("contract_months_left", 12), answer("notice_period_months", 3)),
    )
    kick = session(
        ref("s2", ("Tom", "email-ops"), number=1), answers=(answer("contract_months_left", 2),)
    )
    contract = playbook(helen, kick).contract
    assert contract.verdict == "does not fit"
    assert contract.reason.startswith("2 months left on the contract")
    assert contract.reason.endswith("notice 3 months: decide renewal within 0 months")


def test_no_contract_answer_is_unknown_and_names_whom_to_ask() -> None:
    contract = playbook(session(ref("s1", ("Tom", "email-ops")))).contract
    assert contract.verdict == "unknown"
    assert contract.reason.endswith("ask Executive sponsor")
