"""Recursive-descent parser: `parse(source) -> Expr`, or an ExpressionError saying where.

Grammar, loosest first (comparisons do not chain: `a < b < c` is an error):

    condition  := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := operand [("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") operand]
    operand    := literal | "[" [operand ("," operand)* [","]] "]" | name ["." field]
                | function "(" name ["." field] ")" | "(" condition ")"
                | date_function "(" operand "," operand ")"

`today`, `estimate_low_months` and `estimate_high_months` are names; the checker knows them.
"""

from __future__ import annotations

from collections.abc import Callable

from esp_wizard.i18n import _
from esp_wizard.questionnaire.expression.ast import (
    DATE_FUNCTIONS,
    FUNCTIONS,
    BoolOp,
    Call,
    Compare,
    CompareOp,
    DateCall,
    Expr,
    Field,
    ListLiteral,
    Literal,
    Name,
    Not,
)
from esp_wizard.questionnaire.expression.errors import ExpressionError
from esp_wizard.questionnaire.expression.lexer import KEYWORDS, Kind, Token, tokenize

# Parentheses, lists and `not` nest; past this depth the text is surely a mistake, and the
# limit keeps parsing, checking and evaluating far from Python's recursion limit.
MAX_DEPTH = 100

_LITERALS = {Kind.TRUE: True, Kind.FALSE: False, Kind.NONE: None}
OPERATORS: dict[str, CompareOp] = {
    "==": "==",
    "!=": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
}
_Rule = Callable[[], Expr]


def parse(source: str) -> Expr:
    """Parse a `when` expression; raises ExpressionError(message, column)."""
    return _Parser(source).parse()


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.pos = 0
        self.depth = 0

    # -- helpers ------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> Token:
        return self.tokens[min(self.pos + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind is not Kind.END:
            self.pos += 1
        return token

    def at(self, kind: Kind) -> bool:
        return self.peek().kind is kind

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            message = _("the condition is nested too deeply (more than {count} levels)")
            message = message.format(count=MAX_DEPTH)
            raise ExpressionError(message, token.column)

    def leave(self) -> None:
        self.depth -= 1

    # -- grammar ------------------------------------------------------------------------
    def parse(self) -> Expr:
        if self.at(Kind.END):
            raise ExpressionError(_("the condition is empty"), 1)
        expr = self.condition()
        token = self.peek()
        if token.kind is Kind.END:
            return expr
        if token.kind in (Kind.RPAREN, Kind.RBRACKET):
            raise ExpressionError(_unexpected(token), token.column)
        message = _("unexpected '{text}': join conditions with 'and' or 'or'")
        message = message.format(text=token.text)
        raise ExpressionError(message, token.column)

    def condition(self) -> Expr:
        return self._chain(Kind.OR, self.conjunction)

    def conjunction(self) -> Expr:
        return self._chain(Kind.AND, self.negation)

    def _chain(self, kind: Kind, inner: _Rule) -> Expr:
        """`inner (kind inner)*` as one flat BoolOp, so long chains stay shallow."""
        first = inner()
        if not self.at(kind):
            return first
        column = self.peek().column
        operands = [first]
        while self.at(kind):
            self.advance()
            operands.append(inner())
        return BoolOp("or" if kind is Kind.OR else "and", tuple(operands), column)

    def negation(self) -> Expr:
        if not self.at(Kind.NOT):
            return self.comparison()
        token = self.advance()
        self.enter(token)
        operand = self.negation()
        self.leave()
        return Not(operand, token.column)

    def comparison(self) -> Expr:
        left = self.operand()
        op_token = self.peek()
        op = self._operator()
        if op is None:
            return left
        right = self.operand()
        extra = self.peek()
        if self._operator() is not None:
            message = _("comparisons cannot be chained; join them with 'and', e.g. a < b and b < c")
            raise ExpressionError(message, extra.column)
        return Compare(op, left, right, op_token.column)

    def _operator(self) -> CompareOp | None:
        """Consume a comparison operator if one comes next (`not in` is two tokens)."""
        token = self.peek()
        if token.kind is Kind.OP and str(token.value) in OPERATORS:
            self.advance()
            return OPERATORS[str(token.value)]
        if token.kind is Kind.IN:
            self.advance()
            return "in"
        if token.kind is Kind.NOT:
            if self.peek(1).kind is not Kind.IN:
                after = self.peek(1)
                message = _("expected 'in' after 'not' here, as in: x not in [...]")
                raise ExpressionError(message, after.column)
            self.advance()
            self.advance()
            return "not in"
        return None

    def operand(self) -> Expr:
        token = self.peek()
        kind = token.kind
        if kind in (Kind.STRING, Kind.NUMBER):
            self.advance()
            return Literal(token.value, token.column)
        if kind in _LITERALS:
            self.advance()
            return Literal(_LITERALS[kind], token.column)
        if kind is Kind.LBRACKET:
            return self.list_literal()
        if kind is Kind.LPAREN:
            return self.parenthesised()
        if kind is Kind.NAME:
            if self.peek(1).kind is Kind.LPAREN:
                return self.call()
            return self.name()
        raise self._expected_value(token)

    def _expected_value(self, token: Token) -> ExpressionError:
        previous = self.tokens[self.pos - 1] if self.pos > 0 else None
        if previous is not None:
            message = _("expected a value after '{text}'").format(text=previous.text)
            return ExpressionError(message, token.column)
        return ExpressionError(_unexpected(token), token.column)

    def parenthesised(self) -> Expr:
        opening = self.advance()
        self.enter(opening)
        expr = self.condition()
        self.leave()
        token = self.peek()
        if token.kind is not Kind.RPAREN:
            where = _("missing ')' to close the '(' at column {column}")
            where = where.format(column=opening.column)
            raise ExpressionError(where + _found(token), token.column)
        self.advance()
        return expr

    def list_literal(self) -> Expr:
        opening = self.advance()
        self.enter(opening)
        items: list[Expr] = []
        while not self.at(Kind.RBRACKET):
            items.append(self.operand())
            token = self.peek()
            if token.kind is Kind.COMMA:
                self.advance()
            elif token.kind is Kind.END:
                message = _("missing ']' to close the list at column {column}")
                message = message.format(column=opening.column)
                raise ExpressionError(message, token.column)
            elif token.kind is not Kind.RBRACKET:
                message = _("expected ',' or ']' in the list, found '{text}'")
                message = message.format(text=token.text)
                raise ExpressionError(message, token.column)
        self.advance()
        self.leave()
        return ListLiteral(tuple(items), opening.column)

    def name(self) -> Name | Field:
        token = self.advance()
        base = Name(token.text, token.column)
        if not self.at(Kind.DOT):
            return base
        self.advance()
        field = self.peek()
        if field.kind is not Kind.NAME and field.text not in KEYWORDS:
            message = _("expected a field name after '{text}.'").format(text=token.text)
            raise ExpressionError(message, field.column)
        self.advance()
        if self.at(Kind.DOT):
            message = _("only one '.' is allowed, as in systems.kind or item.owner")
            raise ExpressionError(message, self.peek().column)
        return Field(base, field.text, field.column)

    def call(self) -> Call | DateCall:
        token = self.peek()
        func = token.text
        if func in DATE_FUNCTIONS:
            return self.date_call()
        self.advance()
        if func not in FUNCTIONS:
            known = ", ".join((*FUNCTIONS, *DATE_FUNCTIONS))
            message = _("unknown function '{name}' ({known})").format(name=func, known=known)
            raise ExpressionError(message, token.column)
        opening = self.advance()
        argument = self.peek()
        if argument.kind is Kind.RPAREN:
            message = _("{name}() needs a question id between the parentheses")
            message = message.format(name=func)
            raise ExpressionError(message, argument.column)
        if argument.kind is not Kind.NAME or self.peek(1).kind is Kind.LPAREN:
            if argument.kind is Kind.END:
                message = _unclosed_call(func, opening)
            else:
                message = _("{name}() takes a question id, not '{text}'")
                message = message.format(name=func, text=argument.text)
            raise ExpressionError(message, argument.column)
        arg = self.name()
        closing = self.peek()
        if closing.kind is Kind.COMMA:
            message = _("{name}() takes one question id").format(name=func)
            raise ExpressionError(message, closing.column)
        if closing.kind is not Kind.RPAREN:
            message = _unclosed_call(func, opening) + _found(closing)
            raise ExpressionError(message, closing.column)
        self.advance()
        return Call(func, arg, token.column)

    def date_call(self) -> DateCall:
        """`add_months(x, 3)` and friends: exactly two operands, separated by a comma."""
        token = self.advance()
        func = token.text
        opening = self.advance()
        self.enter(opening)
        args: list[Expr] = []
        while True:
            if self.at(Kind.RPAREN) or self.at(Kind.END):
                break
            args.append(self.operand())
            if not self.at(Kind.COMMA):
                break
            self.advance()
        closing = self.peek()
        if closing.kind is not Kind.RPAREN:
            message = _unclosed_call(func, opening) + _found(closing)
            raise ExpressionError(message, closing.column)
        if len(args) != 2:
            kinds = DATE_FUNCTIONS[func][0]
            message = _("{name}() takes two values ({first}, {second}), not {count}")
            message = message.format(name=func, first=kinds[0], second=kinds[1], count=len(args))
            raise ExpressionError(message, token.column)
        self.advance()
        self.leave()
        return DateCall(func, tuple(args), token.column)


def _unexpected(token: Token) -> str:
    return _("unexpected '{text}'").format(text=token.text)


def _found(token: Token) -> str:
    """ ", found ')'" after a missing closer; nothing at the end of the condition."""
    return "" if token.kind is Kind.END else _(", found '{text}'").format(text=token.text)


def _unclosed_call(func: str, opening: Token) -> str:
    message = _("missing ')' to close '{name}(' at column {column}")
    return message.format(name=func, column=opening.column)
