"""`:obs`: the facilitator's own finding, asked field by field, linked to the question.

Observations are compiled into the report with the rules' findings, so they carry the same
category, severity, impact and phase; one may join a root cause the questionnaires' rules
name (asked last, by the causes' titles, "none" first), and the report then states it inside
that cause's finding. An empty text calls the observation off before the causes are even
loaded; the interview controller records it (and makes its id).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from questionary import Choice

from esp_wizard import i18n
from esp_wizard.ask.prompter import Prompter
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.causes import Cause
from esp_wizard.questionnaire.model import CATEGORIES, PHASES

CATEGORY_HELP = {
    "strength": N_("strength: works well, keep it"),
    "gap": N_("gap: something missing"),
    "hack": N_("hack: a workaround that keeps something running"),
    "manual": N_("manual: done by hand, a platform should do it"),
}
SEVERITY_HELP = N_("1-5, how much it hurts or risks the business today")
IMPACT_HELP = N_("1-5, how much it matters to the migration (5: blocks cutover)")


def ask_observation(
    prompter: Prompter, causes: Callable[[], Sequence[Cause]] = tuple
) -> dict[str, Any] | None:
    """The observation's fields, asked one by one; None when its text is left empty."""
    category = prompter.select(
        _("Observation: category"), [Choice(_(CATEGORY_HELP[c]), value=c) for c in CATEGORIES]
    )
    severity = prompter.select(
        _("Severity ({severity_help})").format(severity_help=_(SEVERITY_HELP)), _points(), default=3
    )
    impact = prompter.select(
        _("Impact ({impact_help})").format(impact_help=_(IMPACT_HELP)), _points(), default=3
    )
    phase = prompter.select(_("Phase it bears on"), [Choice(p, value=p) for p in PHASES])
    title = prompter.text(_("Title"), instruction=_("(optional, a short line)"))
    text = prompter.text(_("What did you observe?"), instruction=_("(empty: record nothing)"))
    if not text.strip():
        prompter.say("  " + _("No observation recorded."))
        return None
    return {
        "category": category,
        "severity": severity,
        "impact": impact,
        "phase": phase,
        "title": title.strip(),
        "text": text.strip(),
        "cause": _cause(prompter, causes()),
    }


def _cause(prompter: Prompter, causes: Sequence[Cause]) -> str:
    """The root cause it joins, "" for none (not asked when no rule names a cause)."""
    if not causes:
        return ""
    none = Choice(i18n._("none: a finding of its own"), value="")
    choices = [none, *(Choice(c.title, value=c.id) for c in causes)]
    return str(prompter.select(i18n._("Root cause it belongs to"), choices, default=""))


def _points() -> list[Choice]:
    return [Choice(str(p), value=p) for p in range(1, 6)]
