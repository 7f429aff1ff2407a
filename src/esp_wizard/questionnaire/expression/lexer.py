"""Tokenizer for `when` expressions, hand-written so every mistake gets a plain message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from esp_wizard.i18n import _
from esp_wizard.questionnaire.expression.errors import ExpressionError


class Kind(Enum):
    STRING = "string"
    NUMBER = "number"
    TRUE = "true"
    FALSE = "false"
    NONE = "none"
    NAME = "name"
    DOT = "."
    AND = "and"
    OR = "or"
    NOT = "not"
    IN = "in"
    OP = "operator"  # == != < <= > >=
    LPAREN = "("
    RPAREN = ")"
    LBRACKET = "["
    RBRACKET = "]"
    COMMA = ","
    END = "end"


KEYWORDS = {
    "and": Kind.AND,
    "or": Kind.OR,
    "not": Kind.NOT,
    "in": Kind.IN,
    "true": Kind.TRUE,
    "false": Kind.FALSE,
    "none": Kind.NONE,
}
COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
_TWO_CHAR = ("==", "!=", "<=", ">=")
_SINGLE = {"(": Kind.LPAREN, ")": Kind.RPAREN, "[": Kind.LBRACKET, "]": Kind.RBRACKET}
_SINGLE |= {",": Kind.COMMA, ".": Kind.DOT}
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n"}
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyz_")
_NAME_CHARS = _NAME_START | frozenset("0123456789")
_DIGITS = frozenset("0123456789")
# Operators people bring from other languages, with what to write instead.
_FOREIGN = {"&&": "'and'", "||": "'or'", "=": "'=='", "!": "'not' or '!='"}


@dataclass(frozen=True)
class Token:
    """One token: `text` is as written (for messages), `value` is the decoded literal."""

    kind: Kind
    text: str
    column: int  # 1-based
    value: str | int | float | None = None


def tokenize(source: str) -> list[Token]:
    """Split `source` into tokens ending with an END token; raises ExpressionError."""
    tokens: list[Token] = []
    i, size = 0, len(source)
    while i < size:
        char = source[i]
        column = i + 1
        if char.isspace():
            i += 1
        elif char in "'\"":
            value, end = _string(source, i)
            tokens.append(Token(Kind.STRING, source[i:end], column, value))
            i = end
        elif char in _DIGITS or (char == "-" and source[i + 1 : i + 2] in _DIGITS):
            token, i = _number(source, i)
            tokens.append(token)
        elif char in _NAME_START:
            end = i
            while end < size and source[end] in _NAME_CHARS:
                end += 1
            word = source[i:end]
            if end < size and source[end].isalnum():
                _bad_word(source, i)
            tokens.append(Token(KEYWORDS.get(word, Kind.NAME), word, column, word))
            i = end
        elif char.isalpha():
            _bad_word(source, i)
        elif (two := source[i : i + 2]) in _TWO_CHAR:
            tokens.append(Token(Kind.OP, two, column, two))
            i += 2
        elif char in "<>":
            tokens.append(Token(Kind.OP, char, column, char))
            i += 1
        elif char in _SINGLE:
            tokens.append(Token(_SINGLE[char], char, column))
            i += 1
        else:
            written = source[i : i + 2] if source[i : i + 2] in _FOREIGN else char
            if written in _FOREIGN:
                message = _("'{text}' is not an operator here; use {instead}")
                raise ExpressionError(
                    message.format(text=written, instead=_FOREIGN[written]), column
                )
            message = _("unexpected character {char}").format(char=_show_char(char))
            raise ExpressionError(message, column)
    tokens.append(Token(Kind.END, "", size + 1))
    return tokens


def _string(source: str, start: int) -> tuple[str, int]:
    """Decode the string literal opening at `start`; return its value and the index after it."""
    quote = source[start]
    parts: list[str] = []
    i = start + 1
    while i < len(source):
        char = source[i]
        if char == quote:
            return "".join(parts), i + 1
        if char == "\\":
            escaped = source[i + 1 : i + 2]
            if escaped not in _ESCAPES:
                shown = f"'\\{escaped}'" if escaped else _("'\\' at the end")
                message = _("unknown escape {escape} in a string (use \\\\, \\', \\\" or \\n)")
                message = message.format(escape=shown)
                raise ExpressionError(message, i + 1)
            parts.append(_ESCAPES[escaped])
            i += 2
        else:
            parts.append(char)
            i += 1
    raise ExpressionError(_("unclosed string"), start + 1)


def _number(source: str, start: int) -> tuple[Token, int]:
    """An integer or a decimal such as 4, -1 or 2.5; a letter right after it is a mistake."""
    i = start + 1
    while i < len(source) and source[i] in _DIGITS:
        i += 1
    decimal = False
    if i < len(source) and source[i] == ".":
        if source[i + 1 : i + 2] not in _DIGITS:
            message = _("expected digits after the '.' in '{text}'")
            raise ExpressionError(message.format(text=source[start : i + 1]), i + 2)
        decimal = True
        i += 1
        while i < len(source) and source[i] in _DIGITS:
            i += 1
    if i < len(source) and (source[i].isalnum() or source[i] == "_"):
        end = i
        while end < len(source) and (source[end].isalnum() or source[end] == "_"):
            end += 1
        message = _("'{text}' is not a number, and a name cannot start with a digit")
        message = message.format(text=source[start:end])
        raise ExpressionError(message, start + 1)
    text = source[start:i]
    value: int | float = float(text) if decimal else int(text)
    return Token(Kind.NUMBER, text, start + 1, value), i


def _bad_word(source: str, start: int) -> None:
    """Names are lower case ASCII (question ids); say so instead of 'unexpected character'."""
    end = start
    while end < len(source) and (source[end].isalnum() or source[end] == "_"):
        end += 1
    word = source[start:end]
    hint = _("; write '{word}'").format(word=word.lower()) if word.lower() in KEYWORDS else ""
    message = _("'{word}' is not a name: question ids and keywords use only a-z, 0-9 and _")
    message = message.format(word=word)
    raise ExpressionError(message + hint, start + 1)


def _show_char(char: str) -> str:
    return repr(char) if char.isprintable() else f"U+{ord(char):04X}"
