"""Who said what, as a client-facing document may show it: named, by role, or anonymous.

A report for the sponsor's desk attributes evidence by role ("IT integrations"), not by
person: nobody should read their own name next to a weakness. `attribute` returns a copy
of the report where every interviewee is shown as their role (or as "an interviewee"), and
where their names, full or first, are replaced in every text people wrote (answers, notes,
quotes, observations, inventory cells). JSON and CSV keep the named report: they are the
consultant's working files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar

from esp_wizard.findings.model import EngagementReport, Person, SessionRef
from esp_wizard.i18n import N_, _
from esp_wizard.roles import role_label

Attribution = Literal["named", "role", "anonymous"]
ATTRIBUTIONS: tuple[Attribution, ...] = ("named", "role", "anonymous")
ANONYMOUS = N_("an interviewee")
T = TypeVar("T")


def attribute(report: EngagementReport, mode: Attribution) -> EngagementReport:
    """The report as `mode` shows people (named: unchanged)."""
    if mode == "named":
        return report
    people = [p for s in report.sessions for p in s.interviewees]
    replace = name_replacer(people, mode)
    return _walk(report, replace)


def shown_as(person: Person, mode: Attribution) -> str:
    return _(ANONYMOUS) if mode == "anonymous" else role_label(person.role)


def name_replacer(people: Iterable[Person], mode: Attribution) -> Callable[[str], str]:
    """Replace each person's full name, then each first name that only one person has."""
    names: dict[str, str] = {}
    listed = [p for p in people if p.name.strip()]
    firsts: dict[str, set[str]] = {}
    for person in listed:
        firsts.setdefault(person.name.split()[0], set()).add(shown_as(person, mode))
    for person in listed:
        names[person.name.strip()] = shown_as(person, mode)
    for first, shown in firsts.items():
        if len(shown) == 1 and len(first) > 2 and first not in names:
            names[first] = next(iter(shown))
    if not names:
        return lambda text: text
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?!\w)(['’]s(?!\w))?"
    )

    shown_once = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(n) for n in sorted(set(names.values()), key=len, reverse=True))
        + r")(?:, \1(?!\w))+"
    )

    def replace(text: str) -> str:
        shown, count = pattern.subn(lambda m: _possessive(names[m.group(1)], m.group(2)), text)
        if not count:
            return shown
        # Two people of one role are that role once: "IT integrations, IT integrations".
        return shown_once.sub(r"\1", _tidy(shown) if "(" in shown else shown)

    return replace


def _possessive(shown: str, mark: str | None) -> str:
    """ "Mary's answer" under role attribution: "IT integrations' answer", not "…s's"."""
    if not mark:
        return shown
    return shown + mark[0] if shown.endswith("s") else shown + mark


_PARENS = re.compile(r" ?\(([^()]*)\)")


def _tidy(text: str) -> str:
    """Once names became roles, say each role once: "ask IT integrations (IT integrations,
    IT integrations)" reads "ask IT integrations", "(Email operations, Email operations)"
    reads "(Email operations)"."""

    def once(match: re.Match[str]) -> str:
        separator = "; " if ";" in match.group(1) else ", "
        items = [i.strip() for i in re.split(r"[;,]", match.group(1))]
        inner = separator.join(dict.fromkeys(i for i in items if i))
        if inner and match.string[: match.start()].endswith(inner):
            return ""
        return f"{' ' if match.group(0).startswith(' ') else ''}({inner})"

    return _PARENS.sub(once, text)


def _walk(value: T, replace: Callable[[str], str], field: str = "") -> T:
    copied: T = _Walker(replace).walk(value, field)
    return copied


class _Walker:
    """Copies the report with names replaced. A finding appears in the findings, the risk
    register, the roadmap and the executive summary, and a session in every evidence: each
    object is copied once (memo by identity) and shared again, as in the original."""

    def __init__(self, replace: Callable[[str], str]) -> None:
        self.replace = replace
        self.memo: dict[int, Any] = {}

    def walk(self, value: Any, field: str = "") -> Any:
        if isinstance(value, str):
            return value if field in KEPT or not value else self.replace(value)
        if isinstance(value, tuple):
            return tuple(self.walk(v, field) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            done = self.memo.get(id(value))
            if done is None:
                done = self._copy(value)
                self.memo[id(value)] = done
            return done
        if isinstance(value, list):
            return [self.walk(v, field) for v in value]
        if isinstance(value, dict):
            return {k: self.walk(v, field) for k, v in value.items()}
        return value

    def _copy(self, value: Any) -> Any:
        if isinstance(value, SessionRef):
            people = tuple(Person(self.replace(p.name), "") for p in value.interviewees)
            return dataclasses.replace(value, interviewees=people)
        changes = {f.name: self.walk(getattr(value, f.name), f.name) for f in _fields(value)}
        return dataclasses.replace(value, **changes)


_FIELDS: dict[type, tuple[dataclasses.Field[Any], ...]] = {}


def _fields(value: Any) -> tuple[dataclasses.Field[Any], ...]:
    """A dataclass's fields, looked up once per class (the walk visits thousands)."""
    kind = type(value)
    if kind not in _FIELDS:
        _FIELDS[kind] = dataclasses.fields(kind)
    return _FIELDS[kind]


# Ids and keys are matched on, never read: they keep their value.
KEPT = frozenset({"key", "id", "question_id", "inventory", "phase", "category", "cause", "finding"})
