"""`{name}` templates in finding titles, details and recommendations.

Only names are substituted: a question id, `item.field` under `for_each`, or one of the
built-in names below (the date the answers are judged on and the timeline estimate).
Nothing else is evaluated. `{{` and `}}` stand for literal braces.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from esp_wizard import i18n
from esp_wizard.i18n import _
from esp_wizard.questionnaire.months import add_months

# `{today}` 2026-10-05, `{estimate}` "6-9" (the text adds "months"), `{estimate_low_months}` 6,
# `{estimate_high_months}` 9, `{estimate_end}` today + the high estimate, as a date. Dates and
# the band are written as the questionnaire's language writes them (05/10/2026, "6 à 9").
TEMPLATE_BUILTINS = (
    "today",
    "estimate",
    "estimate_low_months",
    "estimate_high_months",
    "estimate_end",
)

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_NAME = re.compile(r"^(item\.)?[a-z][a-z0-9_]*$")


def template_names(template: str) -> list[str]:
    """The names a template uses, in order (`item.owner` kept whole)."""
    return [m.group(1).strip() for m in _PLACEHOLDER.finditer(template) if m.group(1) is not None]


def template_problems(
    template: str, questions: set[str], item_fields: set[str] | None
) -> list[str]:
    """What is wrong with a template's names, one message each."""
    problems = []
    for name in template_names(template):
        shown = "{" + name + "}"
        if not _NAME.match(name):
            problems.append(_("'{shown}' is not a question name").format(shown=shown))
        elif name.startswith("item."):
            field = name.removeprefix("item.")
            if item_fields is None:
                message = _("'{shown}': item. is only allowed in a rule with for_each")
                problems.append(message.format(shown=shown))
            elif field not in item_fields:
                allowed = ", ".join(sorted(item_fields))
                message = _("'{shown}': the row has no field '{field}' ({allowed})")
                problems.append(message.format(shown=shown, field=field, allowed=allowed))
        elif name not in questions and name not in TEMPLATE_BUILTINS:
            message = _("'{shown}' is not a question of this questionnaire")
            problems.append(message.format(shown=shown))
    return problems


def fill(template: str, value_of: Callable[[str], str]) -> str:
    """Replace each `{name}` by `value_of(name)`; `{{`/`}}` become braces."""
    if "{" not in template and "}" not in template:
        return template  # nothing to replace (most details and recommendations)

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "{{":
            return "{"
        if match.group(0) == "}}":
            return "}"
        return value_of(match.group(1).strip())

    return _PLACEHOLDER.sub(replace, template)


def builtin_text(
    name: str,
    today: dt.date | None,
    estimate: tuple[int, int] | None,
    blank: str,
    language: str = "en",
) -> str | None:
    """The text of a built-in template name, `blank` when it is not known; None if `name`
    is not built in (a question id then). In `language`: the questionnaire's."""
    if name not in TEMPLATE_BUILTINS:
        return None
    with i18n.use(language):
        return _builtin(name, today, estimate, blank)


def _builtin(name: str, today: dt.date | None, estimate: tuple[int, int] | None, blank: str) -> str:
    if name == "today":
        return i18n.short_date(today) if today else blank
    if estimate is None:
        return blank
    low, high = estimate
    if name == "estimate_low_months":
        return str(low)
    if name == "estimate_high_months":
        return str(high)
    if name == "estimate_end":
        return i18n.short_date(add_months(today, high)) if today else blank
    return _("{low}-{high}").format(low=low, high=high)
