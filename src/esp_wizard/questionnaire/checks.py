"""Cross-checks that need the whole questionnaire: ids, ranges, expressions, templates.

Each problem is returned as (key path in the file's data, message) so the loader can place
it on a line. Parsed conditions are attached to their owners here, once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.expression import ExpressionError, NameType, Scope, check, parse
from esp_wizard.questionnaire.expression import names as expression_names
from esp_wizard.questionnaire.limits import model_problems
from esp_wizard.questionnaire.templates import template_problems

Loc = tuple[str | int, ...]
Found = tuple[Loc, str]

_KINDS = {
    "text": "string",
    "long_text": "string",
    "choice": "string",
    "number": "number",
    "scale": "number",
    "yes_no": "bool",
    "date": "date",
    "multi_choice": "list",
    "inventory": "inventory",
}


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
        item_fields: dict[str, NameType] | None = None,
        only: set[str] | None = None,
    ) -> Scope:
        """Names before position `limit` are visible, later ones are named as such.

        `only` restricts the scope to the names an expression uses: checking hundreds of
        conditions stays linear. A failed check is redone with the full scope, so that
        messages can suggest close names.
        """
        wanted = self.order if only is None else [n for n in only if n in self.position]
        visible = {n: t for n in wanted if self.position[n] < limit and (t := self.types[n])}
        later = frozenset(n for n in wanted if self.position[n] >= limit)
        return Scope(names=visible, later=later, item_fields=item_fields)


def name_type(question: m.Question) -> NameType | None:
    """How expressions see a question; None for notes, which have no answer."""
    kind = _KINDS.get(question.type)
    if kind is None:
        return None
    options = None
    fields = None
    if isinstance(question, m.ChoiceQuestion | m.MultiChoiceQuestion):
        options = tuple(question.values)
    if isinstance(question, m.InventoryQuestion):
        fields = {f.id: t for f in question.fields if (t := name_type(f)) is not None}
    label = f"{question.type} question {question.id}"
    return NameType(kind=kind, options=options, fields=fields, label=label)


def _duplicate_ids(q: m.Questionnaire) -> Iterator[Found]:
    seen: set[str] = set()
    for s_i, section in enumerate(q.sections):
        for q_i, question in enumerate(section.questions):
            if question.id in seen:
                loc: Loc = ("sections", s_i, "questions", q_i, "id")
                yield loc, f"'{question.id}' is already the id of an earlier question"
            seen.add(question.id)
    for key, items in (("sections", q.sections), ("findings", q.findings), ("drivers", q.drivers)):
        counts = Counter(item.id for item in items)
        for i, item in enumerate(items):
            if counts[item.id] > 1 and any(o.id == item.id for o in items[:i]):
                yield (key, i, "id"), f"'{item.id}' is already the id of another {key[:-1]}"


def _section_problems(names: _Names, s_i: int, section: m.Section) -> Iterator[Found]:
    first = names.position[section.questions[0].id]
    yield from _condition(section, ("sections", s_i, "when"), names, first)
    for q_i, question in enumerate(section.questions):
        loc: Loc = ("sections", s_i, "questions", q_i)
        yield from _condition(question, (*loc, "when"), names, names.position[question.id])
        yield from _question_problems(question, loc)


def _question_problems(question: m.Question, loc: Loc) -> Iterator[Found]:
    if isinstance(question, m.NumberQuestion | m.ScaleQuestion | m.DateQuestion):
        low, high = question.min, question.max
        if low is not None and high is not None and low > high:
            yield (*loc, "min"), f"min ({low}) is greater than max ({high})"
    if isinstance(question, m.ScaleQuestion):
        yield from _scale_labels(question, loc)
    if isinstance(question, m.ChoiceQuestion | m.MultiChoiceQuestion):
        yield from _options(question, loc)
    if isinstance(question, m.MultiChoiceQuestion):
        yield from _selection_bounds(question, loc)
    if isinstance(question, m.InventoryQuestion):
        yield from _inventory(question, loc)


def _scale_labels(question: m.ScaleQuestion, loc: Loc) -> Iterator[Found]:
    for point in question.labels:
        if not point.lstrip("-").isdigit() or not question.min <= int(point) <= question.max:
            where = f"{question.min}-{question.max}"
            yield (*loc, "labels", point), f"'{point}' is not a point of the scale ({where})"


def _options(question: m.ChoiceQuestion | m.MultiChoiceQuestion, loc: Loc) -> Iterator[Found]:
    seen: set[str] = set()
    for o_i, option in enumerate(question.options):
        if option.value in seen:
            yield (*loc, "options", o_i, "value"), f"'{option.value}' is listed twice"
        elif option.value == m.OTHER and question.other:
            message = "'other' is the value of other = true; drop this option or other = true"
            yield (*loc, "options", o_i, "value"), message
        seen.add(option.value)


def _selection_bounds(question: m.MultiChoiceQuestion, loc: Loc) -> Iterator[Found]:
    low, high, available = question.min_selected, question.max_selected, len(question.values)
    if low is not None and high is not None and low > high:
        yield (*loc, "min_selected"), f"min_selected ({low}) is greater than max_selected ({high})"
    if low is not None and low > available:
        yield (*loc, "min_selected"), f"min_selected ({low}) exceeds the {available} options"


def _inventory(question: m.InventoryQuestion, loc: Loc) -> Iterator[Found]:
    low, high = question.min_rows, question.max_rows
    if low is not None and high is not None and low > high:
        yield (*loc, "min_rows"), f"min_rows ({low}) is greater than max_rows ({high})"
    seen: set[str] = set()
    for f_i, field in enumerate(question.fields):
        field_loc: Loc = (*loc, "fields", f_i)
        if field.id in seen:
            yield (*field_loc, "id"), f"'{field.id}' is already a field of {question.id}"
        seen.add(field.id)
        if field.when is not None:
            yield (*field_loc, "when"), "a field of an inventory cannot have a when condition"
        yield from _question_problems(field, field_loc)


def _rule_problems(q: m.Questionnaire, names: _Names) -> Iterator[Found]:
    all_ids = set(names.order)
    end = len(names.order)
    for r_i, rule in enumerate(q.findings):
        loc: Loc = ("findings", r_i)
        item_fields: set[str] | None = None
        row_types: dict[str, NameType] | None = None
        if rule.for_each is not None:
            inventory = q.question(rule.for_each)
            if not isinstance(inventory, m.InventoryQuestion):
                kinds = [x.id for x in q.questions() if isinstance(x, m.InventoryQuestion)]
                yield (*loc, "for_each"), _not_inventory(rule.for_each, kinds)
                continue
            item_fields = {f.id for f in inventory.fields}
            inventory_type = names.types[inventory.id]
            row_types = inventory_type.fields if inventory_type else None
        yield from _condition(rule, (*loc, "when"), names, end, row_types)
        for key in ("title", "detail", "recommendation"):
            for message in template_problems(getattr(rule, key), all_ids, item_fields):
                yield (*loc, key), message
    for d_i, driver in enumerate(q.drivers):
        yield from _condition(driver, ("drivers", d_i, "when"), names, end)


def _not_inventory(name: str, inventories: list[str]) -> str:
    listed = ", ".join(inventories) if inventories else "none in this questionnaire"
    return f"'{name}' is not an inventory question ({listed})"


def _condition(
    owner: m.Conditional,
    loc: Loc,
    names: _Names,
    limit: int,
    item_fields: dict[str, NameType] | None = None,
) -> Iterator[Found]:
    """Parse and check `owner.when` against the questions before position `limit`."""
    if owner.when is None:
        return
    try:
        expression = parse(owner.when)
        used = expression_names(expression)
        try:
            check(expression, names.scope(limit, item_fields, only=used))
        except ExpressionError:
            check(expression, names.scope(limit, item_fields))  # the full scope's message
    except ExpressionError as error:
        yield loc, str(error)
        return
    owner._condition = expression
