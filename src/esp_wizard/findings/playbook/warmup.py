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

from esp_wizard import i18n
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Missing, WarmupPlan, WarmupWeek
from esp_wizard.i18n import N_, _, ngettext

START_PER_IP = 5_000  # daily messages a fresh dedicated IP starts with
START_SHARED = 20_000  # a new domain on an established shared pool
FAST, SLOW = 3.0, 2.0  # weekly growth of the daily volume: 4-8 weeks for most senders
GMAIL_HEAVY = 50  # % of daily volume at Gmail above which the ramp slows
BIG_PROVIDERS = 60  # % of the list at Gmail, Yahoo and Microsoft above which it slows
LOW_ENGAGED = 30  # % of engaged subscribers below which the ramp slows
MIN_WEEKS = 4
DEFAULT_ENGAGED = 40  # % assumed when not answered
STOP_RULES = (
    N_("Hold the volume for a week when bounces pass {bounces} of a day's sends."),
    N_("Hold the volume when complaints pass {complaints} (Google Postmaster or feedback loops)."),
    N_(
        "Step back one week when Gmail's spam rate reaches {spam} or a provider throttles or "
        "blocks."
    ),
    N_("Never add unengaged subscribers before the ramp reaches the peak volume."),
)
THRESHOLDS = {"bounces": 0.02, "complaints": 0.001, "spam": 0.003}


def stop_rules() -> tuple[str, ...]:
    """The stop rules in the language in use, their thresholds as it writes percentages."""
    shares = {name: i18n.percent(share) for name, share in THRESHOLDS.items()}
    return tuple(_(rule).format(**shares) for rule in STOP_RULES)


def warmup_plan(answers: Answers) -> WarmupPlan:
    peak, assumptions, missing = _peak(answers)
    if peak is None or peak <= 0:
        return WarmupPlan((), None, stop_rules(), tuple(assumptions), tuple(missing))
    shared = answers.one("target_ip_plan") == "shared" or (
        answers.one("target_ip_plan") is None and answers.one("ip_setup") == "shared"
    )
    ips = max(1, int(answers.number("dedicated_ip_count") or 1))
    start = min(peak, START_SHARED if shared else START_PER_IP * ips)
    if shared:
        pool = _("a shared pool: the ramp warms the new domains")
    else:
        pool = ngettext("{count} dedicated IP", "{count} dedicated IPs", ips).format(count=ips)
    said = _("IPs: {pool}; week 1 sends {start} a day.")
    assumptions.append(said.format(pool=pool, start=i18n.integer(start)))
    growth = _growth(answers, peak, assumptions, missing)
    engaged = answers.number("engaged_share")
    if engaged is None:
        engaged = DEFAULT_ENGAGED
        assumed = _("Engaged share: {share} assumed (not answered).")
        assumptions.append(assumed.format(share=i18n.percent(DEFAULT_ENGAGED / 100)))
        missing.append(
            answers.missing(
                _("the share of engaged subscribers"), "engaged_share", ("deliverability",)
            )
        )
    else:
        said = _("Engaged share: {share} of the list, answered.")
        assumptions.append(said.format(share=i18n.percent(engaged / 100)))
    weeks = _ramp(start, peak, growth, peak * engaged / 100)
    return WarmupPlan(tuple(weeks), peak, stop_rules(), tuple(assumptions), tuple(missing))


def _peak(answers: Answers) -> tuple[int | None, list[str], list[Missing]]:
    """The daily volume the ramp must reach: a normal day when the peak's multiple is known."""
    peak = answers.number("daily_peak_volume")
    multiplier = answers.number("peak_multiplier")
    if peak is not None and multiplier and multiplier > 1:
        normal = math.ceil(peak / multiplier)
        return (
            normal,
            [
                _(
                    "Target: a normal day of {normal}, the peak of {peak} ÷ {multiplier} "
                    "(answered); the peak season comes only after the ramp ends."
                ).format(
                    normal=i18n.integer(normal),
                    peak=i18n.integer(int(peak)),
                    multiplier=i18n.decimal(multiplier),
                )
            ],
            [],
        )
    if peak is not None:
        said = _("Target: the peak daily volume of {peak}, answered.")
        return int(peak), [said.format(peak=i18n.integer(int(peak)))], []
    need = answers.missing(_("the peak daily volume"), "daily_peak_volume", ("deliverability",))
    monthly = answers.number("monthly_messages")
    if monthly is None:
        return None, [], [need]
    estimate = math.ceil(monthly / 30 * 2)
    said = _(
        "Target: {estimate} a day, estimated as twice the daily average of {monthly} a month "
        "(not answered by deliverability)."
    ).format(estimate=i18n.integer(estimate), monthly=i18n.integer(int(monthly)))
    return estimate, [said], [need]


def _growth(answers: Answers, peak: int, assumptions: list[str], missing: list[Missing]) -> float:
    big = answers.number("big_provider_share")
    gmail = answers.number("gmail_daily_volume")
    peak = int(answers.number("daily_peak_volume") or peak)  # Gmail's count is of that day
    engaged = answers.number("engaged_share")
    reasons = []
    if big is not None and big > BIG_PROVIDERS:
        said = _("Gmail, Yahoo and Microsoft hold {share} of the list")
        reasons.append(said.format(share=i18n.percent(big / 100)))
    elif big is None and gmail is not None and gmail / peak * 100 > GMAIL_HEAVY:
        said = _("Gmail takes {share} of the peak")
        reasons.append(said.format(share=i18n.percent(round(gmail / peak, 2), 0)))
    elif big is None and gmail is None:
        missing.append(
            answers.missing(
                _("the share of the list at Gmail, Yahoo and Microsoft"),
                "big_provider_share",
                ("deliverability",),
            )
        )
    if engaged is not None and engaged < LOW_ENGAGED:
        said = _("only {share} of subscribers are engaged")
        reasons.append(said.format(share=i18n.percent(engaged / 100)))
    growth = SLOW if reasons else FAST
    factor = i18n.decimal(growth)
    if reasons:
        said = _("Growth: daily volume ×{factor} each week because {reasons}.")
        assumptions.append(said.format(factor=factor, reasons=_(" and ").join(reasons)))
    else:
        assumptions.append(_("Growth: daily volume ×{factor} each week.").format(factor=factor))
    return growth


def _ramp(start: int, peak: int, growth: float, engaged: float) -> list[WarmupWeek]:
    weeks: list[WarmupWeek] = []
    volume = float(start)
    while True:
        daily = min(peak, round(volume))
        audience = (
            _("most engaged (opened or clicked in 30 days)")
            if daily <= engaged / 2
            else _("engaged (active in 90 days)")
            if daily <= engaged
            else _("engaged plus less recent subscribers")
        )
        weeks.append(WarmupWeek(len(weeks) + 1, daily, audience))
        if daily >= peak and len(weeks) >= MIN_WEEKS:
            return weeks
        volume = min(peak, volume * growth)
