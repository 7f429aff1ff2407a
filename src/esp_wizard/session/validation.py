"""Is a proposed answer acceptable for its question? Messages are for the facilitator.

Both interview modes (TUI and plain prompts) call these; neither re-implements a rule.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from esp_wizard.questionnaire import model as m


class AnswerError(ValueError):
    """A proposed answer that cannot be saved; str() is the message to show."""


def parse_text(question: m.Question, text: str) -> Any:
    """Turn what was typed into the question's value type (numbers, dates, yes/no, scale)."""
    text = text.strip()
    if isinstance(question, m.NumberQuestion):
        return _parse_number(question, text)
    if isinstance(question, m.ScaleQuestion):
        if not re.fullmatch(r"-?\d+", text):
            raise AnswerError(f"Choose a point from {question.min} to {question.max}.")
        return int(text)
    if isinstance(question, m.DateQuestion):
        return _parse_date(text)
    if isinstance(question, m.YesNoQuestion):
        if text.lower() in ("y", "yes", "o", "oui", "true", "1"):
            return True
        if text.lower() in ("n", "no", "non", "false", "0"):
            return False
        raise AnswerError("Answer yes or no (y / n).")
    return text


def _parse_number(question: m.NumberQuestion, text: str) -> int | float:
    cleaned = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cleaned):
        raise AnswerError(f"Enter a number{_range(question)}.")
    number = float(cleaned)
    if number.is_integer() and "." not in cleaned and "e" not in cleaned.lower():
        return int(cleaned)
    return number


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise AnswerError("Enter a date as YYYY-MM-DD, e.g. 2026-03-31.") from None


def validate(question: m.Question, value: Any, other: str = "") -> Any:
    """Return the value to store, or raise AnswerError saying what to change."""
    checker = _CHECKERS.get(question.type)
    if checker is None:
        raise AnswerError("A note takes no answer.")
    return checker(question, value, other)


def _text(question: Any, value: Any, _other: str = "") -> str:
    if not isinstance(value, str):
        raise AnswerError("Type the answer as text.")
    if question.max_length is not None and len(value) > question.max_length:
        raise AnswerError(f"Keep it to {question.max_length} characters (now {len(value)}).")
    pattern = getattr(question, "pattern", None)
    if pattern and value and not _fullmatch(pattern, value):
        hint = f" (e.g. {question.placeholder})" if question.placeholder else ""
        raise AnswerError(f"This does not have the expected form{hint}.")
    return value


def _fullmatch(pattern: str, value: str) -> bool:
    """With a time limit: a questionnaire's pattern never hangs the interview."""
    from esp_wizard.questionnaire.limits import PatternTimeout, fullmatch

    try:
        return fullmatch(pattern, value)
    except PatternTimeout as error:
        raise AnswerError(f"This answer cannot be checked against its pattern ({error}).") from None


def _number(question: m.NumberQuestion, value: Any, _other: str = "") -> int | float:
    if isinstance(value, str):
        value = _parse_number(question, value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswerError(f"Enter a number{_range(question)}.")
    if question.integer:
        if not float(value).is_integer():
            raise AnswerError(f"Enter a whole number{_range(question)}.")
        value = int(value)
    if (question.min is not None and value < question.min) or (
        question.max is not None and value > question.max
    ):
        raise AnswerError(f"Enter a number{_range(question)}.")
    return value


def _range(question: m.NumberQuestion) -> str:
    unit = f" {question.unit}" if question.unit else ""
    low, high = question.min, question.max
    if low is not None and high is not None:
        return f" from {_show(low)} to {_show(high)}{unit}"
    if low is not None:
        return f" of at least {_show(low)}{unit}"
    if high is not None:
        return f" of at most {_show(high)}{unit}"
    return f" ({question.unit})" if question.unit else ""


def _show(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _scale(question: m.ScaleQuestion, value: Any, _other: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnswerError(f"Choose a point from {question.min} to {question.max}.")
    if not question.min <= value <= question.max:
        raise AnswerError(f"Choose a point from {question.min} to {question.max}.")
    return value


def _yes_no(_question: m.YesNoQuestion, value: Any, _other: str = "") -> bool:
    if not isinstance(value, bool):
        raise AnswerError("Answer yes or no (y / n).")
    return value


def _choice(question: m.ChoiceQuestion, value: Any, other: str = "") -> str:
    if not isinstance(value, str) or value not in question.values:
        raise AnswerError("Pick one of the options.")
    if value == m.OTHER and question.other and not other.strip():
        raise AnswerError("Say what “Other” is.")
    return value


def _multi_choice(question: m.MultiChoiceQuestion, value: Any, other: str = "") -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise AnswerError("Pick options from the list.")
    unknown = [v for v in value if v not in question.values]
    if unknown:
        raise AnswerError(f"Not an option: {', '.join(unknown)}.")
    chosen = [v for v in question.values if v in value]  # the questionnaire's order, no repeats
    low, high = question.min_selected, question.max_selected
    if low is not None and len(chosen) < low:
        raise AnswerError(f"Pick at least {low} (now {len(chosen)}).")
    if high is not None and len(chosen) > high:
        raise AnswerError(f"Pick at most {high} (now {len(chosen)}).")
    if m.OTHER in chosen and question.other and not other.strip():
        raise AnswerError("Say what “Other” is.")
    return chosen


def _date(question: m.DateQuestion, value: Any, _other: str = "") -> dt.date:
    if isinstance(value, str):
        value = _parse_date(value.strip())
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise AnswerError("Enter a date as YYYY-MM-DD, e.g. 2026-03-31.")
    if question.min is not None and value < question.min:
        raise AnswerError(f"Enter a date on or after {question.min.isoformat()}.")
    if question.max is not None and value > question.max:
        raise AnswerError(f"Enter a date on or before {question.max.isoformat()}.")
    return value


def validate_row(question: m.InventoryQuestion, row: dict[str, Any]) -> dict[str, Any]:
    """One inventory row: known fields, required ones filled, each value valid."""
    unknown = [key for key in row if question.field(key) is None]
    if unknown:
        raise AnswerError(f"Unknown field: {', '.join(unknown)}.")
    clean: dict[str, Any] = {}
    for field in question.fields:
        value = row.get(field.id)
        if value is None or value == "":
            if field.required:
                raise AnswerError(f"{field.text}: required.")
            continue
        try:
            clean[field.id] = validate(field, value)
        except AnswerError as error:
            raise AnswerError(f"{field.text}: {error}") from None
    return clean


def _inventory(question: m.InventoryQuestion, value: Any, _other: str = "") -> list[dict]:
    if not isinstance(value, list | tuple) or not all(isinstance(r, dict) for r in value):
        raise AnswerError(f"Add {question.item} rows.")
    rows = []
    seen: dict[str, int] = {}
    for number, row in enumerate(value, start=1):
        try:
            clean = validate_row(question, row)
        except AnswerError as error:
            raise AnswerError(f"Row {number}: {error}") from None
        key = row_key(clean.get(question.key_field))
        if key and key in seen:
            raise AnswerError(
                f"Row {number} repeats row {seen[key]} ({clean[question.key_field]})."
            )
        seen[key] = number
        rows.append(clean)
    low, high = question.min_rows, question.max_rows
    if low is not None and len(rows) < low:
        raise AnswerError(f"Add at least {low} {question.item} rows (now {len(rows)}).")
    if high is not None and len(rows) > high:
        raise AnswerError(f"Keep it to {high} {question.item} rows (now {len(rows)}).")
    return rows


def row_key(value: Any) -> str:
    """Rows merge by their first field, compared case- and space-insensitively."""
    return " ".join(str(value).split()).casefold() if value is not None else ""


_CHECKERS: dict[str, Any] = {
    "text": _text,
    "long_text": _text,
    "number": _number,
    "scale": _scale,
    "yes_no": _yes_no,
    "choice": _choice,
    "multi_choice": _multi_choice,
    "date": _date,
    "inventory": _inventory,
}
