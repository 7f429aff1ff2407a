"""Cross-checks that need the whole questionnaire: ids, ranges, expressions, templates.

Each problem is returned as (key path in the file's data, message) so the loader can place
it on a line. Parsed conditions are attached to their owners here, once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.expression import ExpressionError, NameType, Scope, check, parse
from esp_wizard.questionnaire.expression import names as expression_names
from esp_wizard.questionnaire.expression.ast import BUILTIN_NAMES
from esp_wizard.questionnaire.kinds import kind_of, name_type
from esp_wizard.questionnaire.kinds.base import Conditional, Found, Loc
from esp_wizard.questionnaire.limits import model_problems
from esp_wizard.questionnaire.rules import RuleScope, form_of
from esp_wizard.questionnaire.templates import template_problems


def check_questionnaire(q: m.Questionnaire) -> list[Found]:
    if duplicates := list(_duplicate_ids(q)):
        return duplicates  # every other check would name the wrong question
    names = _Names(q)
    return [
        *model_problems(q),
        *_duplicate_ids(q),
        *(p for s_i, s in enumerate(q.sections) for p in _section_problems(names, s_i, s)),
        *_rule_problems(q, names),
    ]


class _Names:
    """Every question's type and position, computed once, to build each condition's scope."""

    def __init__(self, q: m.Questionnaire) -> None:
        self.order = [x.id for x in q.questions()]
        self.position = {question_id: i for i, question_id in enumerate(self.order)}
        self.types = {x.id: name_type(x) for x in q.questions()}

    def scope(
        self,
        limit: int,
        item_fields: Mapping[str, NameType] | None = None,
        only: set[str] | None = None,
        estimate: bool = False,
    ) -> Scope:
        """Names before position `limit` are visible, later ones are named as such.

        `only` restricts the scope to the names an expression uses: checking hundreds of
        conditions stays linear. A failed check is redone with the full scope, so that
        messages can suggest close names.
        """
        wanted = self.order if only is None else [n for n in only if n in self.position]
        visible = {n: t for n in wanted if self.position[n] < limit and (t := self.types[n])}
        later = frozenset(n for n in wanted if self.position[n] >= limit)
        return Scope(names=visible, later=later, item_fields=item_fields, estimate=estimate)


_ANOTHER = {
    "sections": N_("'{id}' is already the id of another section"),
    "findings": N_("'{id}' is already the id of another finding"),
    "drivers": N_("'{id}' is already the id of another driver"),
}


def _duplicate_ids(q: m.Questionnaire) -> Iterator[Found]:
    seen: set[str] = set()
    for s_i, section in enumerate(q.sections):
        for q_i, question in enumerate(section.questions):
            loc: Loc = ("sections", s_i, "questions", q_i, "id")
            if question.id in BUILTIN_NAMES:
                message = _("'{id}' is a built-in name of conditions; choose another id")
                yield loc, message.format(id=question.id)
            if question.id in seen:
                message = _("'{id}' is already the id of an earlier question")
                yield loc, message.format(id=question.id)
            seen.add(question.id)
    groups = (
        ("sections", [s.id for s in q.sections]),
        ("findings", [r.id for r in q.findings]),
        ("drivers", [d.id for d in q.drivers]),
    )
    for key, ids in groups:
        counts = Counter(ids)
        for i, item_id in enumerate(ids):
            if counts[item_id] > 1 and item_id in ids[:i]:
                yield (key, i, "id"), _(_ANOTHER[key]).format(id=item_id)


def _section_problems(names: _Names, s_i: int, section: m.Section) -> Iterator[Found]:
    first = names.position[section.questions[0].id]
    yield from _condition(section, ("sections", s_i, "when"), names, first)
    for q_i, question in enumerate(section.questions):
        loc: Loc = ("sections", s_i, "questions", q_i)
        yield from _condition(question, (*loc, "when"), names, names.position[question.id])
        yield from kind_of(question).problems(question, loc)


def _rule_problems(q: m.Questionnaire, names: _Names) -> Iterator[Found]:
    all_ids = set(names.order)
    end = len(names.order)
    for r_i, rule in enumerate(q.findings):
        loc: Loc = ("findings", r_i)
        scope = form_of(rule).check(q, rule, loc, names.types)
        if not isinstance(scope, RuleScope):
            yield scope
            continue
        yield from _condition(rule, (*loc, "when"), names, end, scope.row_types, estimate=True)
        for key in ("title", "detail", "recommendation"):
            for message in template_problems(getattr(rule, key), all_ids, scope.item_fields):
                yield (*loc, key), message
    for d_i, driver in enumerate(q.drivers):
        yield from _condition(driver, ("drivers", d_i, "when"), names, end)


def _condition(
    owner: Conditional,
    loc: Loc,
    names: _Names,
    limit: int,
    item_fields: Mapping[str, NameType] | None = None,
    estimate: bool = False,
) -> Iterator[Found]:
    """Parse and check `owner.when` against the questions before position `limit`;
    only finding rules (`estimate`) may name the timeline estimate."""
    if owner.when is None:
        return
    try:
        expression = parse(owner.when)
        used = expression_names(expression)
        try:
            check(expression, names.scope(limit, item_fields, only=used, estimate=estimate))
        except ExpressionError:
            full = names.scope(limit, item_fields, estimate=estimate)
            check(expression, full)  # the full scope's message
    except ExpressionError as error:
        yield loc, str(error)
        return
    owner._condition = expression
