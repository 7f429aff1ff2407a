"""The warm-up plan: a week-by-week daily volume ramp to the peak, with its stop rules.

The ramp starts small on the most engaged subscribers and multiplies the daily volume
each week until it reaches a normal day (the peak daily volume answered, divided by how
much bigger the peak is than a normal day when that is answered). It grows more slowly when the
big mailbox providers (Gmail, Yahoo and Microsoft filter hardest on engagement) hold most
of the list (or, not asked that, when Gmail takes most of the peak day), or when few
subscribers are engaged. On shared IPs the provider's pool carries the
reputation, so the ramp only warms the new domains. Every number the plan assumes is
written out with it, and its length feeds the roadmap.
"""

from __future__ import annotations

import math

from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Missing, WarmupPlan, WarmupWeek

START_PER_IP = 5_000  # daily messages a fresh dedicated IP starts with
START_SHARED = 20_000  # a new domain on an established shared pool
FAST, SLOW = 3.0, 2.0  # weekly growth of the daily volume: 4-8 weeks for most senders
GMAIL_HEAVY = 50  # % of daily volume at Gmail above which the ramp slows
BIG_PROVIDERS = 60  # % of the list at Gmail, Yahoo and Microsoft above which it slows
LOW_ENGAGED = 30  # % of engaged subscribers below which the ramp slows
MIN_WEEKS = 4
DEFAULT_ENGAGED = 40  # % assumed when not answered
STOP_RULES = (
    "Hold the volume for a week when bounces pass 2% of a day's sends.",
    "Hold the volume when complaints pass 0.1% (Google Postmaster or feedback loops).",
    "Step back one week when Gmail's spam rate reaches 0.3% or a provider throttles or blocks.",
    "Never add unengaged subscribers before the ramp reaches the peak volume.",
)


def warmup_plan(answers: Answers) -> WarmupPlan:
    peak, assumptions, missing = _peak(answers)
    if peak is None or peak <= 0:
        return WarmupPlan((), None, STOP_RULES, tuple(assumptions), tuple(missing))
    shared = answers.one("target_ip_plan") == "shared" or (
        answers.one("target_ip_plan") is None and answers.one("ip_setup") == "shared"
    )
    ips = max(1, int(answers.number("dedicated_ip_count") or 1))
    start = min(peak, START_SHARED if shared else START_PER_IP * ips)
    pool = "a shared pool: the ramp warms the new domains" if shared else f"{ips} dedicated IP(s)"
    assumptions.append(f"IPs: {pool}; week 1 sends {start:,} a day.")
    growth = _growth(answers, peak, assumptions, missing)
    engaged = answers.number("engaged_share")
    if engaged is None:
        engaged = DEFAULT_ENGAGED
        assumptions.append(f"Engaged share: {DEFAULT_ENGAGED}% assumed (not answered).")
        missing.append(
            answers.missing(
                "the share of engaged subscribers", "engaged_share", ("deliverability",)
            )
        )
    else:
        assumptions.append(f"Engaged share: {engaged:g}% of the list, answered.")
    weeks = _ramp(start, peak, growth, peak * engaged / 100)
    return WarmupPlan(tuple(weeks), peak, STOP_RULES, tuple(assumptions), tuple(missing))


def _peak(answers: Answers) -> tuple[int | None, list[str], list[Missing]]:
    """The daily volume the ramp must reach: a normal day when the peak's multiple is known."""
    peak = answers.number("daily_peak_volume")
    multiplier = answers.number("peak_multiplier")
    if peak is not None and multiplier and multiplier > 1:
        normal = math.ceil(peak / multiplier)
        return (
            normal,
            [
                f"Target: a normal day of {normal:,}, the peak of {int(peak):,} ÷ {multiplier:g} "
                "(answered); the peak season comes only after the ramp ends."
            ],
            [],
        )
    if peak is not None:
        return int(peak), [f"Target: the peak daily volume of {int(peak):,}, answered."], []
    need = answers.missing("the peak daily volume", "daily_peak_volume", ("deliverability",))
    monthly = answers.number("monthly_messages")
    if monthly is None:
        return None, [], [need]
    estimate = math.ceil(monthly / 30 * 2)
    said = (
        f"Target: {estimate:,} a day, estimated as twice the daily average "
        f"of {int(monthly):,} a month (not answered by deliverability)."
    )
    return estimate, [said], [need]


def _growth(answers: Answers, peak: int, assumptions: list[str], missing: list[Missing]) -> float:
    big = answers.number("big_provider_share")
    gmail = answers.number("gmail_daily_volume")
    peak = int(answers.number("daily_peak_volume") or peak)  # Gmail's count is of that day
    engaged = answers.number("engaged_share")
    reasons = []
    if big is not None and big > BIG_PROVIDERS:
        reasons.append(f"Gmail, Yahoo and Microsoft hold {big:g}% of the list")
    elif big is None and gmail is not None and gmail / peak * 100 > GMAIL_HEAVY:
        reasons.append(f"Gmail takes {gmail / peak:.0%} of the peak")
    elif big is None and gmail is None:
        missing.append(
            answers.missing(
                "the share of the list at Gmail, Yahoo and Microsoft",
                "big_provider_share",
                ("deliverability",),
            )
        )
    if engaged is not None and engaged < LOW_ENGAGED:
        reasons.append(f"only {engaged:g}% of subscribers are engaged")
    growth = SLOW if reasons else FAST
    why = f" because {' and '.join(reasons)}" if reasons else ""
    assumptions.append(f"Growth: daily volume ×{growth:g} each week{why}.")
    return growth


def _ramp(start: int, peak: int, growth: float, engaged: float) -> list[WarmupWeek]:
    weeks: list[WarmupWeek] = []
    volume = float(start)
    while True:
        daily = min(peak, round(volume))
        audience = (
            "most engaged (opened or clicked in 30 days)"
            if daily <= engaged / 2
            else "engaged (active in 90 days)"
            if daily <= engaged
            else "engaged plus less recent subscribers"
        )
        weeks.append(WarmupWeek(len(weeks) + 1, daily, audience))
        if daily >= peak and len(weeks) >= MIN_WEEKS:
            return weeks
        volume = min(peak, volume * growth)
