"""Errors meant for a person: one line each, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class UserError(Exception):
    """A user's mistake (bad option, unknown session, invalid file): exit code 2, one line."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with where it stands: `file:line: path: message`."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class FileProblems(UserError):
    """A file that cannot be used, with every problem found in it."""

    def __init__(self, path: str | Path, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(str(problems[0]) if problems else self.path)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]
