"""The expression parser: every token, operator, precedence rule and syntax error."""

from __future__ import annotations

import pytest

from esp_wizard.questionnaire.expression import ExpressionError, parse, to_source
from esp_wizard.questionnaire.expression.ast import (
    BoolOp,
    Call,
    Compare,
    Expr,
    Field,
    ListLiteral,
    Literal,
    Name,
    Not,
)
from esp_wizard.questionnaire.expression.lexer import Kind, tokenize
from esp_wizard.questionnaire.expression.parser import MAX_DEPTH

a, b, c = Name("a"), Name("b"), Name("c")


def And(*operands: Expr) -> BoolOp:
    return BoolOp("and", operands)


def Or(*operands: Expr) -> BoolOp:
    return BoolOp("or", operands)


# -- tokens -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "kind", "value"),
    [
        ('"csv upload"', Kind.STRING, "csv upload"),
        ("'csv upload'", Kind.STRING, "csv upload"),
        ("''", Kind.STRING, ""),
        (r'"a\"b"', Kind.STRING, 'a"b'),
        (r"'it\'s'", Kind.STRING, "it's"),
        (r'"back\\slash"', Kind.STRING, "back\\slash"),
        (r'"two\nlines"', Kind.STRING, "two\nlines"),
        ('"it\'s"', Kind.STRING, "it's"),
        ('"é ü 日本"', Kind.STRING, "é ü 日本"),
        ("42", Kind.NUMBER, 42),
        ("0", Kind.NUMBER, 0),
        ("-3", Kind.NUMBER, -3),
        ("2.5", Kind.NUMBER, 2.5),
        ("-0.25", Kind.NUMBER, -0.25),
        ("true", Kind.TRUE, "true"),
        ("false", Kind.FALSE, "false"),
        ("none", Kind.NONE, "none"),
        ("list_source", Kind.NAME, "list_source"),
        ("_x9", Kind.NAME, "_x9"),
        ("nothing", Kind.NAME, "nothing"),
        ("android", Kind.NAME, "android"),
        ("truest", Kind.NAME, "truest"),
        ("and", Kind.AND, "and"),
        ("or", Kind.OR, "or"),
        ("not", Kind.NOT, "not"),
        ("in", Kind.IN, "in"),
        ("==", Kind.OP, "=="),
        ("!=", Kind.OP, "!="),
        ("<", Kind.OP, "<"),
        ("<=", Kind.OP, "<="),
        (">", Kind.OP, ">"),
        (">=", Kind.OP, ">="),
        ("(", Kind.LPAREN, None),
        (")", Kind.RPAREN, None),
        ("[", Kind.LBRACKET, None),
        ("]", Kind.RBRACKET, None),
        (",", Kind.COMMA, None),
        (".", Kind.DOT, None),
    ],
)
def test_each_token(source: str, kind: Kind, value: object) -> None:
    token, end = tokenize(source)
    assert (token.kind, token.value, token.column) == (kind, value, 1)
    assert type(token.value) is type(value)
    assert end.kind is Kind.END


def test_tokens_carry_their_column() -> None:
    tokens = tokenize('x  >= 4 and\t"a"')
    assert [(t.text, t.column) for t in tokens] == [
        ("x", 1),
        (">=", 4),
        ("4", 7),
        ("and", 9),
        ('"a"', 13),
        ("", 16),
    ]


def test_dotted_access_is_three_tokens() -> None:
    kinds = [t.kind for t in tokenize("systems.kind")]
    assert kinds == [Kind.NAME, Kind.DOT, Kind.NAME, Kind.END]


# -- trees --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "tree"),
    [
        ("a", a),
        ('"x"', Literal("x")),
        ("4", Literal(4)),
        ("true", Literal(True)),
        ("none", Literal(None)),
        ("[]", ListLiteral(())),
        ('["a", 1, none,]', ListLiteral((Literal("a"), Literal(1), Literal(None)))),
        ("[a, systems.kind]", ListLiteral((a, Field(Name("systems"), "kind")))),
        ("systems.kind", Field(Name("systems"), "kind")),
        ("item.owner", Field(Name("item"), "owner")),
        ("systems.in", Field(Name("systems"), "in")),
        ("answered(a)", Call("answered", a)),
        ("unknown(a)", Call("unknown", a)),
        ("count(systems)", Call("count", Name("systems"))),
        ("answered(item.owner)", Call("answered", Field(Name("item"), "owner"))),
        ("count ( systems )", Call("count", Name("systems"))),
        ("a == b", Compare("==", a, b)),
        ("a != b", Compare("!=", a, b)),
        ("a < b", Compare("<", a, b)),
        ("a <= b", Compare("<=", a, b)),
        ("a > b", Compare(">", a, b)),
        ("a >= b", Compare(">=", a, b)),
        ("a in b", Compare("in", a, b)),
        ("a not in b", Compare("not in", a, b)),
        ("a==b", Compare("==", a, b)),
        ('a in ["x", "y"]', Compare("in", a, ListLiteral((Literal("x"), Literal("y"))))),
        ("a and b", And(a, b)),
        ("a or b", Or(a, b)),
        ("not a", Not(a)),
        ("not not a", Not(Not(a))),
        ("a and b and c", And(a, b, c)),
        ("a or b or c", Or(a, b, c)),
        # precedence: or < and < not < comparisons
        ("not a and b", And(Not(a), b)),
        ("a or b and c", Or(a, And(b, c))),
        ("a and b or c", Or(And(a, b), c)),
        ("not a == b", Not(Compare("==", a, b))),
        ("not a in b", Not(Compare("in", a, b))),
        ("a == b and c", And(Compare("==", a, b), c)),
        ("a or not b", Or(a, Not(b))),
        # parentheses
        ("(a)", a),
        ("((a))", a),
        ("(a or b) and c", And(Or(a, b), c)),
        ("not (a and b)", Not(And(a, b))),
        ("a or (b or c)", Or(a, Or(b, c))),
        ("(a or b) == true", Compare("==", Or(a, b), Literal(True))),
        (
            'list_source == "csv_upload" or list_prep_hours >= 4',
            Or(
                Compare("==", Name("list_source"), Literal("csv_upload")),
                Compare(">=", Name("list_prep_hours"), Literal(4)),
            ),
        ),
        ("not answered(item.owner)", Not(Call("answered", Field(Name("item"), "owner")))),
    ],
)
def test_parse(source: str, tree: object) -> None:
    assert parse(source) == tree


def test_literal_types_survive() -> None:
    one, one_point_zero, true = parse("1"), parse("1.0"), parse("true")
    assert isinstance(one, Literal) and type(one.value) is int
    assert isinstance(one_point_zero, Literal) and type(one_point_zero.value) is float
    assert isinstance(true, Literal) and true.value is True


@pytest.mark.parametrize(
    ("source", "column"),
    [
        ("  a", 3),  # a name
        ("a  == b", 4),  # a comparison: its operator
        ("a or b", 3),  # and/or: the first operator
        ("x and not y", 7),  # not
        ("[1]", 1),  # a list
        ("systems.kind", 9),  # a field: the field's name
        ("count(x)", 1),  # a call
    ],
)
def test_node_columns(source: str, column: int) -> None:
    node = parse(source)
    if isinstance(node, BoolOp) and source.startswith("x"):
        node = node.operands[1]
    assert node.column == column


@pytest.mark.parametrize(
    "source",
    [
        'a == "x" and (b or not c) and d in ["p", "q"]',
        "not (a != 2.5) or count(s) >= -1",
        r'a == "quote \" and \\ and newline \n"',
        "a not in [1, 2, b.c] and item.x == none",
    ],
)
def test_to_source_round_trips(source: str) -> None:
    tree = parse(source)
    assert parse(to_source(tree)) == tree


# -- errors -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "message", "column"),
    [
        ("", "the condition is empty", 1),
        ("   ", "the condition is empty", 1),
        ("stability >= ", "expected a value after '>='", 14),
        ("a ==", "expected a value after '=='", 5),
        ("a == )", "expected a value after '=='", 6),
        ("a and", "expected a value after 'and'", 6),
        ("a or", "expected a value after 'or'", 5),
        ("not", "expected a value after 'not'", 4),
        ("a in", "expected a value after 'in'", 5),
        ("a not in", "expected a value after 'in'", 9),
        ("()", "expected a value after '('", 2),
        ("[1, ,]", "expected a value after ','", 5),
        ("a == and b", "expected a value after '=='", 6),
        (")", "unexpected ')'", 1),
        ("a)", "unexpected ')'", 2),
        ("a]", "unexpected ']'", 2),
        ("and a", "unexpected 'and'", 1),
        ("a b", "unexpected 'b': join conditions with 'and' or 'or'", 3),
        ("a == 1 2", "unexpected '2': join conditions with 'and' or 'or'", 8),
        ("a, b", "unexpected ',': join conditions with 'and' or 'or'", 2),
        ('"abc', "unclosed string", 1),
        ("a == 'abc", "unclosed string", 6),
        ('"abc\\"', "unclosed string", 1),
        (r'"a\tb"', "unknown escape '\\t' in a string (use \\\\, \\', \\\" or \\n)", 3),
        ('"a\\', "unknown escape '\\' at the end in a string", 3),
        ("(a", "missing ')' to close the '(' at column 1", 3),
        ("(a or (b)", "missing ')' to close the '(' at column 1", 10),
        ("(a b)", "missing ')' to close the '(' at column 1, found 'b'", 4),
        ("[1, 2", "missing ']' to close the list at column 1", 6),
        ("x in [1 2]", "expected ',' or ']' in the list, found '2'", 9),
        ("a < b < c", "comparisons cannot be chained; join them with 'and'", 7),
        ("a == b == c", "comparisons cannot be chained", 8),
        ("a < b in c", "comparisons cannot be chained", 7),
        ("a == b not in c", "comparisons cannot be chained", 8),
        ("a not b", "expected 'in' after 'not' here, as in: x not in [...]", 7),
        (
            "cout(systems)",
            "unknown function 'cout' (answered, unknown, count, add_months, "
            "sub_months, add_days, sub_days, months_between, days_between)",
            1,
        ),
        (
            "a == len(x)",
            "unknown function 'len' (answered, unknown, count, add_months, "
            "sub_months, add_days, sub_days, months_between, days_between)",
            6,
        ),
        ("answered()", "answered() needs a question id between the parentheses", 10),
        ("count(a, b)", "count() takes one question id", 8),
        ('unknown("a")', "unknown() takes a question id, not '\"a\"'", 9),
        ("answered(count(a))", "answered() takes a question id, not 'count'", 10),
        ("answered(", "missing ')' to close 'answered(' at column 9", 10),
        ("answered(a", "missing ')' to close 'answered(' at column 9", 11),
        ("answered(a == b)", "missing ')' to close 'answered(' at column 9, found '=='", 12),
        ("systems.", "expected a field name after 'systems.'", 9),
        ("systems.4", "expected a field name after 'systems.'", 9),
        ("a.b.c", "only one '.' is allowed, as in systems.kind or item.owner", 4),
        ("a = b", "'=' is not an operator here; use '=='", 3),
        ("a && b", "'&&' is not an operator here; use 'and'", 3),
        ("a || b", "'||' is not an operator here; use 'or'", 3),
        ("!a", "'!' is not an operator here; use 'not' or '!='", 1),
        ("a @ b", "unexpected character '@'", 3),
        ("a - b", "unexpected character '-'", 3),
        ("a\x00", "unexpected character U+0000", 2),
        ("True", "'True' is not a name: question ids and keywords use only a-z, 0-9 and _", 1),
        ("a == None", "; write 'none'", 6),
        ("listSource", "'listSource' is not a name", 1),
        ("café", "'café' is not a name", 1),
        ("1.", "expected digits after the '.' in '1.'", 3),
        ("1.x", "expected digits after the '.' in '1.'", 3),
        ("4x", "'4x' is not a number, and a name cannot start with a digit", 1),
        ("a == 10_000", "'10_000' is not a number", 6),
        ("not " * (MAX_DEPTH + 1) + "a", "the condition is nested too deeply", 401),
        ("(" * (MAX_DEPTH + 1) + "a", "the condition is nested too deeply", MAX_DEPTH + 1),
        ("x in " + "[" * (MAX_DEPTH + 1), "the condition is nested too deeply", 106),
    ],
)
def test_parse_errors(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert message in str(caught.value)
    assert caught.value.column == column
    assert str(caught.value) == caught.value.message


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH
    assert parse("(" * depth + "a" + ")" * depth) == a
    assert parse("not " * depth + "a") is not None


def test_long_flat_chains_do_not_recurse() -> None:
    tree = parse(" and ".join(["a"] * 5000))
    assert isinstance(tree, BoolOp)
    assert len(tree.operands) == 5000
