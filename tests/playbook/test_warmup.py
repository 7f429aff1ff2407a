"""The warm-up plan: a weekly ramp to the peak, its stop rules and stated assumptions."""

from __future__ import annotations

from playbook.facts import answer, playbook, ref, session

BEN = ref("s1", ("Ben", "deliverability"))


def plan(*answers):  # type: ignore[no-untyped-def]
    return playbook(session(BEN, answers=answers)).warmup


def test_the_ramp_doubles_from_a_small_start_on_engaged_subscribers_to_the_peak() -> None:
    warmup = plan(
        answer("daily_peak_volume", 100_000),
        answer("gmail_daily_volume", 30_000),
        answer("engaged_share", 60),
        answer("dedicated_ip_count", 1),
    )
    assert [w.daily_volume for w in warmup.weeks] == [
        5_000,
        10_000,
        20_000,
        40_000,
        80_000,
        100_000,
    ]
    assert warmup.length_weeks == 6
    assert warmup.weeks[0].audience.startswith("most engaged")
    assert warmup.weeks[-1].audience == "engaged plus less recent subscribers"
    assert "Growth: daily volume ×2 each week." in warmup.assumptions
    assert warmup.missing == ()
    assert any("0.1%" in rule for rule in warmup.stop_rules)


def test_a_gmail_heavy_list_with_few_engaged_subscribers_ramps_more_slowly() -> None:
    warmup = plan(
        answer("daily_peak_volume", 100_000),
        answer("gmail_daily_volume", 70_000),
        answer("engaged_share", 20),
    )
    assert len(warmup.weeks) > 6
    assert warmup.assumptions[2] == (
        "Growth: daily volume ×1.5 each week because Gmail takes 70% of the peak "
        "and only 20% of subscribers are engaged."
    )


def test_a_small_sender_still_takes_the_minimum_four_weeks() -> None:
    warmup = plan(answer("daily_peak_volume", 3_000), answer("engaged_share", 50))
    assert [w.daily_volume for w in warmup.weeks] == [3_000] * 4


def test_without_a_peak_the_monthly_volume_gives_a_stated_estimate() -> None:
    warmup = plan(answer("monthly_messages", 1_500_000))
    assert warmup.target_daily == 100_000
    assert warmup.assumptions[0].startswith("Peak daily volume: 100,000 estimated")
    assert {m.question_id for m in warmup.missing} == {
        "daily_peak_volume",
        "gmail_daily_volume",
        "engaged_share",
    }


def test_with_no_volume_at_all_there_is_no_ramp_and_it_says_whom_to_ask() -> None:
    warmup = plan()
    assert warmup.weeks == ()
    assert warmup.length_weeks is None
    assert warmup.missing[0].ask == "deliverability (Ben)"
