"""A text question's `pattern`, made safe: checked at load and matched with a time limit.

Questionnaires come from other people's laptops: a pattern with nested unbounded
quantifiers (`^(a+)+$`) can backtrack for minutes on a 30-character answer. Patterns are
refused at load when too long, repeated too often or nested unboundedly, and matched with
the `regex` package's timeout, so no questionnaire `check` accepts can hang an interview.
`regex` is imported with the first pattern (a tenth of the interview's start-up otherwise;
the bundled questionnaires have none).
"""

from __future__ import annotations

import re

from esp_wizard.i18n import _

MAX_PATTERN = 500  # characters: an id or a postcode shape, not a grammar
MAX_REPEAT = 1000  # {n} and {n,m} bounds
MATCH_SECONDS = 0.1  # a pattern that needs longer on one answer is not a shape check
MAX_MATCHED = 10_000  # characters of an answer a pattern is run against

_REPEAT = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


class PatternTimeout(Exception):
    """A pattern took longer than MATCH_SECONDS on one answer."""


def pattern_problem(pattern: str) -> str:
    """Why a pattern is refused, or "" when it is safe to run on answers."""
    if len(pattern) > MAX_PATTERN:
        message = _("too long ({count} characters, at most {high})")
        return message.format(count=len(pattern), high=MAX_PATTERN)
    for match in _REPEAT.finditer(pattern):
        bounds = [int(b) for b in match.groups() if b]
        if any(b > MAX_REPEAT for b in bounds):
            message = _("repeats too often ({repeat}, at most {limit})")
            return message.format(repeat=match.group(), limit="{" + str(MAX_REPEAT) + "}")
    import regex

    try:
        re.compile(pattern)
        regex.compile(pattern)
    except (re.error, regex.error, OverflowError, RecursionError, ValueError) as error:
        return _("not a valid regular expression ({reason})").format(reason=error)
    if _nested_unbounded(pattern):
        return _(
            "a repeated group holds another unbounded repeat (like (a+)+), which can take "
            "minutes to match; write it without the nesting, e.g. a+"
        )
    return ""


def _nested_unbounded(pattern: str) -> bool:
    """Whether a group that is repeated without bound contains an unbounded repeat."""
    stack: list[bool] = []  # per open group: holds an unbounded repeat
    escaped = in_class = False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            stack.append(False)
        elif char == ")" and stack:
            inner = stack.pop()
            repeated = _unbounded_at(pattern, i + 1)
            if inner and repeated:
                return True
            if stack and (inner or repeated):
                stack[-1] = True
        elif _unbounded_at(pattern, i) and stack:
            stack[-1] = True
    return False


def _unbounded_at(pattern: str, i: int) -> bool:
    """A `*`, `+` or `{n,}` quantifier starts at position i."""
    if i >= len(pattern):
        return False
    if pattern[i] in "*+":
        return True
    match = _REPEAT.match(pattern, i)
    return bool(match and match.group(2) == "" and "," in match.group())


def fullmatch(pattern: str, text: str) -> bool:
    """`pattern` matches all of `text`; PatternTimeout if it takes too long (never hangs)."""
    if len(text) > MAX_MATCHED:
        message = _("answer longer than {count} characters for a pattern")
        raise PatternTimeout(message.format(count=MAX_MATCHED))
    import regex

    try:
        return regex.fullmatch(pattern, text, timeout=MATCH_SECONDS) is not None
    except TimeoutError:
        raise PatternTimeout(_("the pattern took too long on this answer")) from None
