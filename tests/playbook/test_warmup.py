"""The warm-up plan: a weekly ramp to the peak, its stop rules and stated assumptions."""

from __future__ import annotations

from esp_wizard.findings.collect import Compared
from esp_wizard.findings.playbook.model import WarmupPlan
from playbook.facts import answer, playbook, ref, session

BEN = ref("s1", ("Ben", "deliverability"))


def plan(*answers: Compared) -> WarmupPlan:
    return playbook(session(BEN, answers=answers)).warmup


def test_the_ramp_doubles_from_a_small_start_on_engaged_subscribers_to_the_peak() -> None:
    warmup = plan(
        answer("daily_peak_volume", 100_000),
        answer("gmail_daily_volume", 30_000),
        answer("engaged_share", 60),
        answer("dedicated_ip_count", 1),
    )
    assert [w.daily_volume for w in warmup.weeks] == [5_000, 15_000, 45_000, 100_000]
    assert warmup.length_weeks == 4
    assert warmup.weeks[0].audience.startswith("most engaged")
    assert warmup.weeks[-1].audience == "engaged plus less recent subscribers"
    assert "Growth: daily volume ×3 each week." in warmup.assumptions
    assert warmup.missing == ()
    assert any("0.1%" in rule for rule in warmup.stop_rules)


def test_a_gmail_heavy_list_with_few_engaged_subscribers_ramps_more_slowly() -> None:
    warmup = plan(
        answer("daily_peak_volume", 100_000),
        answer("gmail_daily_volume", 70_000),
        answer("engaged_share", 20),
    )
    assert [w.daily_volume for w in warmup.weeks][:3] == [5_000, 10_000, 20_000]
    assert len(warmup.weeks) == 6
    assert warmup.assumptions[2] == (
        "Growth: daily volume ×2 each week because Gmail takes 70% of the peak "
        "and only 20% of subscribers are engaged."
    )


def test_a_small_sender_still_takes_the_minimum_four_weeks() -> None:
    warmup = plan(answer("daily_peak_volume", 3_000), answer("engaged_share", 50))
    assert [w.daily_volume for w in warmup.weeks] == [3_000] * 4


def test_without_a_peak_the_monthly_volume_gives_a_stated_estimate() -> None:
    warmup = plan(answer("monthly_messages", 1_500_000))
    assert warmup.target_daily == 100_000
    assert warmup.assumptions[0].startswith("Target: 100,000 a day, estimated")
    assert {m.question_id for m in warmup.missing} == {
        "daily_peak_volume",
        "big_provider_share",
        "engaged_share",
    }


def test_with_no_volume_at_all_there_is_no_ramp_and_it_says_whom_to_ask() -> None:
    warmup = plan()
    assert warmup.weeks == ()
    assert warmup.length_weeks is None
    assert warmup.missing[0].ask == "Deliverability (Ben)"


def test_the_share_at_gmail_yahoo_and_microsoft_sets_the_pace_before_gmail_volume() -> None:
    warmup = plan(
        answer("daily_peak_volume", 100_000),
        answer("gmail_daily_volume", 10_000),  # a small Gmail day, but…
        answer("big_provider_share", 75),  # …most of the list at the big three
        answer("engaged_share", 50),
    )
    assert warmup.assumptions[2] == (
        "Growth: daily volume ×2 each week because Gmail, Yahoo and Microsoft hold 75% of the list."
    )
    assert warmup.missing == ()


def test_the_ramp_reaches_a_normal_day_when_the_peak_multiple_is_known() -> None:
    warmup = plan(
        answer("daily_peak_volume", 300_000),
        answer("peak_multiplier", 3),
        answer("engaged_share", 50),
        answer("big_provider_share", 40),
    )
    assert warmup.target_daily == 100_000
    assert warmup.weeks[-1].daily_volume == 100_000
    assert warmup.assumptions[0].startswith("Target: a normal day of 100,000, the peak of 300,000")
