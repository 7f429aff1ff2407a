"""Properties: parsing never fails but with ExpressionError; well-typed conditions always
check, round-trip through text and evaluate to a bool, whatever the answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from esp_wizard.questionnaire.expression import (
    ExpressionError,
    MappingEnv,
    NameType,
    Scope,
    check,
    evaluate,
    parse,
    to_source,
)
from esp_wizard.questionnaire.expression.ast import (
    BoolOp,
    Call,
    Compare,
    CompareOp,
    Expr,
    Field,
    ListLiteral,
    Literal,
    Name,
    Not,
)

SOURCES = ("api", "sftp", "csv_upload", "other")
CHANNELS = ("email", "sms", "push", "other")
KINDS = ("crm", "cdp", "other")
FIELDS = {
    "name": NameType("string"),
    "kind": NameType("string", options=KINDS),
    "users": NameType("number"),
    "must_move": NameType("bool"),
}
NAMES = {
    "flag": NameType("bool"),
    "hours": NameType("number"),
    "source": NameType("string", options=SOURCES),
    "note": NameType("string"),
    "start": NameType("date"),
    "channels": NameType("list", options=CHANNELS),
    "systems": NameType("inventory", fields=FIELDS),
}
ITEM_SCOPE = Scope(names=NAMES, item_fields=FIELDS)
SETTINGS = settings(max_examples=200, deadline=None)

# -- token soup ---------------------------------------------------------------------------
PIECES = [
    *NAMES, "item", "nothing", "and", "or", "not", "in", "true", "false", "none",
    "==", "!=", "<", "<=", ">", ">=", "=", "!", "&&", "(", ")", "[", "]", ",", ".",
    '"api"', "'sms'", '"2025-01-31"', '"', "'", "\\", "1", "2.5", "-3", "1.", "4x",
    "answered", "unknown", "count", "cout", "True", "é", "\x00", "\n",
]  # fmt: skip
soup = st.one_of(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " "])), max_size=25).map(
        lambda parts: "".join(p + sep for p, sep in parts)
    ),
    st.text(max_size=60),
    st.text(alphabet="abin_.()[],=!<>\"' \\0123456789-", max_size=60),
)


@SETTINGS
@given(soup)
def test_parse_raises_only_expression_errors(source: str) -> None:
    try:
        tree = parse(source)
    except ExpressionError as error:
        assert error.message
        assert 1 <= error.column <= len(source) + 1
        return
    # whatever parsed checks cleanly or with an ExpressionError, and always evaluates
    for scope in (Scope(names=NAMES), ITEM_SCOPE):
        try:
            check(tree, scope)
        except ExpressionError as error:
            assert error.message
    assert isinstance(evaluate(tree, MappingEnv({"flag": True, "hours": 3})), bool)
    assert parse(to_source(tree)) == tree


# -- well-typed conditions ----------------------------------------------------------------
def lit(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Literal]:
    return values.map(Literal)


numbers = st.one_of(st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False))
iso_dates = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(dt.date.isoformat)
orders = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])
equals = st.sampled_from(["==", "!="])
members = st.sampled_from(["in", "not in"])


def both_ways(op: CompareOp, a: Expr, b: Expr, flip: bool) -> Compare:
    return Compare(op, b, a) if flip else Compare(op, a, b)


def conditions(item: bool) -> st.SearchStrategy[Expr]:
    number = st.one_of(
        st.just(Name("hours")),
        st.just(Call("count", Name("channels"))),
        st.just(Call("count", Name("systems"))),
        lit(numbers),
        *([st.just(Field(Name("item"), "users"))] if item else []),
    )
    choice = lit(st.sampled_from(SOURCES))
    any_name = st.sampled_from(list(NAMES)).map(Name)
    leaves = [
        st.just(Name("flag")),
        lit(st.booleans()),
        st.builds(Compare, equals, st.just(Name("flag")), lit(st.booleans())),
        st.builds(Compare, orders, number, number),
        st.builds(both_ways, equals, st.just(Name("source")), choice, st.booleans()),
        st.builds(
            Compare,
            members,
            st.just(Name("source")),
            st.lists(choice, max_size=4).map(lambda xs: ListLiteral(tuple(xs))),
        ),
        st.builds(
            Compare,
            members,
            number,
            st.lists(lit(numbers), max_size=3).map(lambda xs: ListLiteral(tuple(xs))),
        ),
        st.builds(
            both_ways, equals, st.just(Name("note")), lit(st.text(max_size=8)), st.booleans()
        ),
        st.builds(both_ways, orders, st.just(Name("start")), lit(iso_dates), st.booleans()),
        st.builds(Compare, members, lit(st.sampled_from(CHANNELS)), st.just(Name("channels"))),
        st.builds(
            Compare, members, lit(st.sampled_from(KINDS)), st.just(Field(Name("systems"), "kind"))
        ),
        st.builds(Compare, members, lit(numbers), st.just(Field(Name("systems"), "users"))),
        st.builds(both_ways, equals, any_name, st.just(Literal(None)), st.booleans()),
        st.builds(Call, st.sampled_from(["answered", "unknown"]), any_name),
    ]
    if item:
        leaves += [
            st.just(Field(Name("item"), "must_move")),
            st.builds(
                Call,
                st.just("answered"),
                st.sampled_from(list(FIELDS)).map(lambda f: Field(Name("item"), f)),
            ),
            st.builds(
                Compare, equals, st.just(Field(Name("item"), "kind")), lit(st.sampled_from(KINDS))
            ),
        ]
    return st.recursive(
        st.one_of(*leaves),
        lambda inner: st.one_of(
            inner.map(Not),
            st.builds(
                BoolOp,
                st.sampled_from(["and", "or"]),
                st.lists(inner, min_size=2, max_size=4).map(tuple),
            ),
            st.builds(Compare, equals, inner, inner),
        ),
        max_leaves=20,
    )


rows = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "name": st.text(max_size=5),
            "kind": st.sampled_from(KINDS),
            "users": numbers,
            "must_move": st.booleans(),
        },
    ),
    max_size=4,
)
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "flag": st.booleans(),
    "hours": numbers,
    "source": st.sampled_from(SOURCES),
    "note": st.text(max_size=8),
    "start": st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    "channels": st.lists(st.sampled_from(CHANNELS), unique=True),
    "systems": rows,
}
answers = st.fixed_dictionaries({n: st.one_of(st.none(), v) for n, v in VALUES.items()})
unknowns = st.sets(st.sampled_from(list(NAMES)))
odd = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=5), st.dates()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner)
    ),
    max_leaves=4,
)


@SETTINGS
@given(conditions(item=False), answers, unknowns)
def test_well_typed_conditions_check_and_evaluate(
    tree: Expr, given_answers: dict, unknown: set
) -> None:
    check(tree, Scope(names=NAMES))
    assert parse(to_source(tree)) == tree
    assert isinstance(evaluate(tree, MappingEnv(given_answers, unknown)), bool)


@SETTINGS
@given(conditions(item=True), answers, st.one_of(st.none(), rows.filter(bool).map(lambda r: r[0])))
def test_conditions_under_for_each(tree: Expr, given_answers: dict, row: dict | None) -> None:
    check(tree, ITEM_SCOPE)
    assert isinstance(evaluate(tree, MappingEnv(given_answers, item=row)), bool)


@settings(max_examples=100, deadline=None)
@given(conditions(item=True), st.fixed_dictionaries({n: odd for n in NAMES}), odd)
def test_odd_session_data_never_raises(tree: Expr, given_answers: dict, row: Any) -> None:
    assert isinstance(evaluate(tree, MappingEnv(given_answers, item=row)), bool)


@SETTINGS
@given(conditions(item=False), answers)
def test_not_negates_and_none_rules_hold(tree: Expr, given_answers: dict) -> None:
    env = MappingEnv(given_answers)
    assert evaluate(Not(tree), env) is not evaluate(tree, env)
    missing = [n for n, v in given_answers.items() if v in (None, [], "")]
    for name in missing:
        for op in ("<", ">=", "in", "not in"):
            right = ListLiteral((Literal(1),)) if "in" in op else Literal(1)
            assert evaluate(Compare(op, Name(name), right), env) is False
        assert evaluate(Compare("==", Name(name), Literal(None)), env) is True
        assert evaluate(Compare("!=", Name(name), Literal(None)), env) is False
