"""The one error the expression language raises: a message for a consultant, and where."""

from __future__ import annotations


class ExpressionError(ValueError):
    """A mistake in a `when` expression.

    `str(error)` is the message alone so that the loader can prefix it with file, line and
    field; `column` (1-based, in the expression's text) lets a caller point at the spot.
    """

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ExpressionError({self.message!r}, column={self.column})"
