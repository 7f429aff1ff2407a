"""No message of the core reaches a person in English only.

test_i18n_unmarked.py watches the faces (tui/, ask/, commands/, cli.py); this one watches
everything else under src/esp_wizard: the questionnaire and session packages, the findings
and the exports, the config, the workspace and the TOML readers. The core says what went
wrong by raising (UserError and its kin, AnswerError, ExpressionError, a ValueError that
pydantic turns into a file's problem) or by building a `Problem`; the faces print
`str(error)` as it comes. So a message written as a literal, an f-string or a concatenation
instead of `_()` / `ngettext()` is English on a French screen.

The scan reads the source (AST, nothing is imported). It flags, in every function, the
message of a `raise X(...)` (its first argument, or `message=`), of a `Problem(...)` (its
fourth argument, or `message=`) and of a load-time check's `yield loc, message` (or
`return`), when that message is literal text holding a word or a `: ; ? !` (a glued
fragment such as f"{field}: {error}" is as untranslatable as a sentence). It follows a
message through a local name (`message = f"..."; raise X(message)`), a module's constant
and a helper of the same module that returns literal text. What is marked (`_()`,
`ngettext()`, `N_()`, or `.format()` on one of them) passes.

Programmer errors (TypeError, AssertionError, ...: a bug, never a user's doing) are not
looked at. Any other exception that never reaches a person is allowed below, by file and
text, with the reason.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

from helpers.i18n_scan import SRC, called, literal_text

FACES = {"tui", "ask", "commands", "cli.py"}  # test_i18n_unmarked.py
MARKERS = {"_", "N_", "ngettext"}
# By convention these say a bug in the program, never something a user or a file caused.
PROGRAMMER_ERRORS = {
    "TypeError",
    "AssertionError",
    "NotImplementedError",
    "RuntimeError",
    "KeyError",
    "IndexError",
}
# Exceptions whose first argument is a path, not the message (the messages are Problems).
PATH_FIRST = {"FileProblems", "SessionDamaged"}
# Text a person reads: a word, or the punctuation that glues fragments into a sentence.
READABLE = re.compile(r"[A-Za-z]{2,}|[:;?!]")

# (file relative to src/esp_wizard, the message as the scan shows it): why it may stay.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "questionnaire/expression/name_type.py",
        "unknown kind {} (one of {})",
    ): "NameType is built by the code from a question type, never from a file",
    (
        "session/interview.py",
        "only {} can be annotated",
    ): "a face passing a wrong keyword to annotate(): a bug",
    ("session/summary.py", "format or counts"): "caught: the row is read again by the model",
    ("session/summary.py", "status"): "caught: the row is read again by the model",
    ("findings/factcodec.py", "unreadable ({})"): "caught: a damaged cache entry is rebuilt",
    ("findings/factcodec.py", "not a stream this version wrote"): "caught: the cache is rebuilt",
    ("findings/factcache.py", "not an index entry"): "caught: the cache entry is recomputed",
    ("findings/dates.py", "{} is not in collect.DATED_ANSWERS"): "a key date not listed: a bug",
    ("findings/factcodec.py", "{}.{} is not part of a session's facts"): "caught: rebuilt",
    (
        "findings/__init__.py",
        "module {} has no attribute {}",
    ): "Python's own AttributeError of a lazy package: a name the code misspelled, a bug",
    (
        "questionnaire/expression/__init__.py",
        "module {} has no attribute {}",
    ): "Python's own AttributeError of a lazy package: a name the code misspelled, a bug",
}


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Functions of the module that return literal text: name -> the first such text."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and (text := literal_text(inner.value)):
                    found.setdefault(node.name, text)
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound to literal text (`_PROBLEM = f"Enter ..."`)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and (text := literal_text(node.value)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, text)
    return found


class _Function:
    """What one function's messages are: literal text, through local names and helpers."""

    def __init__(self, function: ast.AST, helpers: dict[str, str], constants: dict[str, str]):
        self.helpers = helpers
        self.names: dict[str, str] = dict(constants)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                text = self.text(node.value)
                for target in targets:
                    if isinstance(target, ast.Name) and text:
                        self.names[target.id] = self.names.get(target.id, "") or text

    def text(self, node: ast.AST | None) -> str | None:
        if (text := literal_text(node)) is not None:
            return text
        match node:
            case ast.Name(id=name):
                return self.names.get(name)
            case ast.Call(func=ast.Name(id=name)) if name in self.helpers:
                return self.helpers[name]
            case ast.Call(func=ast.Attribute(attr="format", value=value)):
                return self.text(value)
            case ast.BinOp(op=ast.Add(), left=left, right=right):
                parts = [self.text(left), self.text(right)]
                return "".join(p for p in parts if p) or None
        return None


def _messages(call: ast.Call, first: int) -> Iterator[ast.AST]:
    if len(call.args) > first:
        yield call.args[first]
    yield from (k.value for k in call.keywords if k.arg == "message")


def _pair(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Tuple) and len(node.elts) == 2


def unmarked(path: Path) -> Iterator[tuple[int, str]]:
    """(line, message) for each raised or Problem message written out in English."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    helpers, constants = _helpers(tree), _constants(tree)
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        scope = _Function(function, helpers, constants)
        for node in ast.walk(function):
            candidates: list[ast.AST] = []
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = called(node.exc)
                if name not in PROGRAMMER_ERRORS and name not in PATH_FIRST:
                    candidates = list(_messages(node.exc, 0))
            elif isinstance(node, ast.Call) and called(node) == "Problem":
                candidates = list(_messages(node, 3))
            elif isinstance(node, ast.Yield | ast.Return) and _pair(node.value):
                candidates = [node.value.elts[1]]  # a load-time check's (key path, message)
            for candidate in candidates:
                text = scope.text(candidate)
                if text and READABLE.search(text):
                    yield node.lineno, text


def core_files() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] not in FACES:
            yield path


def found() -> list[str]:
    allowed = ALLOWED
    lines = []
    for path in core_files():
        rel = path.relative_to(SRC).as_posix()
        lines += [
            f"{rel}:{lineno}: {text!r}"
            for lineno, text in unmarked(path)
            if (rel, text) not in allowed
        ]
    return sorted(set(lines))


def test_every_message_the_core_raises_goes_through_the_catalogue() -> None:
    lines = found()
    assert not lines, (
        "a message a person will read, not marked: wrap it in _() (ngettext() for a count),"
        " with its French entry, or allow it with a reason:\n" + "\n".join(lines)
    )


def test_every_allowance_still_matches_a_message() -> None:
    """An allowance left behind after its message was marked or removed hides nothing and
    would excuse the next message written in the same words: drop it."""
    seen = {
        (path.relative_to(SRC).as_posix(), text)
        for path in core_files()
        for _line, text in unmarked(path)
    }
    stale = sorted(set(ALLOWED) - seen)
    assert not stale, "allowed but no longer found:\n" + "\n".join(map(str, stale))


def test_the_scan_sees_what_it_must(tmp_path: Path) -> None:
    """The usual shapes are caught, their marked forms and programmer errors are not."""
    source = textwrap.dedent(
        """
        def check(row, n, field, error):
            if n:
                raise UserError(f"no session matches {n}")
            if row:
                message = "Row repeats " + str(n)
                raise AnswerError(message)
            if field:
                raise AnswerError(f"{field.text}: {error}")
            if error:
                raise ExpressionError(_why(n), 3)
            problems = [Problem("f.toml", 3, "id", "must be text")]
            yield (*row, "min"), f"min ({n}) is greater than max"
            return (*row, "for_each"), _not_inventory(n)
            raise FileProblems(f"session {n}", problems)

        def _why(n):
            return f"{n} is not a condition"

        _PROBLEM = "Enter a percentage."

        def _not_inventory(n):
            listed = ", ".join(n) if n else "none"
            return f"'{n}' is not an inventory question ({listed})"

        def percent(n):
            raise AnswerError(_PROBLEM)

        def fine(n, name):
            raise UserError(_("no session matches '{ref}'").format(ref=n))
            message = ngettext("{n} row", "{n} rows", n).format(n=n)
            raise AnswerError(message)
            raise TypeError(f"not an expression: {n!r}")
            raise ValueError(name)
            raise FileProblems(f"session {n}", [Problem("f.toml", 3, "id", _("must be text"))])
            yield ("id",), _("'{id}' is already the id of an earlier question").format(id=n)
        """
    )
    path = tmp_path / "example.py"
    path.write_text(source, encoding="utf-8")
    assert sorted(text for _line, text in unmarked(path)) == [
        "'{}' is not an inventory question ({})",
        "Enter a percentage.",
        "Row repeats ",
        "min ({}) is greater than max",
        "must be text",
        "no session matches {}",
        "{} is not a condition",
        "{}: {}",
    ]


def _binds_underscore(function: ast.AST) -> bool:
    """`_` assigned in the function's own scope (a comprehension has its own)."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
            return True
        scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.comprehension)
        if not isinstance(node, scopes):
            stack.extend(ast.iter_child_nodes(node))
    return False


def test_no_function_of_the_core_hides_the_translator_behind_a_throwaway_name() -> None:
    """`for _ in range(...)` in a function that also calls `_()` turns the call into a str:
    the message is replaced by a TypeError at the very moment it should be shown."""
    hidden = []
    for path in core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            calls = any(
                isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_" for n in ast.walk(node)
            )
            if calls and _binds_underscore(node):
                hidden.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.name}")
    assert not hidden, "rename the throwaway `_`:\n" + "\n".join(hidden)


if __name__ == "__main__":
    print("\n".join(found()))
