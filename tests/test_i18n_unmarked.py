"""No user-visible English hides outside the catalogue in the faces (tui/, ask/, cli.py,
commands/).

The catalogue test (test_i18n_catalogue.py) proves every *marked* message has French; this
one finds the messages nobody marked. It reads the source (AST, nothing is imported) and
flags a string literal, an f-string or a concatenation holding words when it is passed
where a person will read it: a binding's description or tooltip, a notification, a
Label / Static / Button / Header text, an Input placeholder, a screen title, a printed or
said line, a prompt's message, an error for the user, argparse help. Wrapped in `_()`,
`N_()` or `ngettext()` it passes. What may stay as written is in ALLOWED, each with why.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from helpers.i18n_scan import SRC, called, literal_text

FACES = [SRC / "tui", SRC / "ask", SRC / "commands", SRC / "cli.py"]

MARKERS = {"_", "N_", "ngettext", "date_hint", "short_date", "long_date"}
# Calls whose every positional argument (and the named ones below) a person reads.
SHOWN_CALLS = {
    "notify",
    "Label",
    "Static",
    "Button",
    "print",
    "say",
    "_say",
    "UserError",
    "Text",
    "KeyBar",
    "SystemCommand",
    "Hit",
    "DiscoveryHit",
    "confirm",
    "select",
    "checkbox",
    "text",
    "add_column",
    "add_columns",
    "update",
    "push_screen_wait",
    "ConfirmScreen",
    "error",
    "exit",
    "warn",
    "append",
    "safe",
    "Content",
    "write",
    "add_row",
    "TabPane",
    "ConfirmModal",
    "Select",
    "Choice",
    "Separator",
    "AnswerError",
    "_required_text",
    "_optional_text",
    "ask_row",
    "_field",
    "_say_quietly",
}
SHOWN_KEYWORDS = {
    "help",
    "description",
    "epilog",
    "placeholder",
    "title",
    "sub_title",
    "tooltip",
    "label",
    "message",
    "instruction",
    "yes",
    "no",
    "border_title",
    "border_subtitle",
}
SHOWN_ATTRIBUTES = {"title", "sub_title", "TITLE", "SUB_TITLE", "border_title", "border_subtitle"}
# Calls whose text is at given positions: key bindings (description, tooltip) and marks.
BINDING_MAKERS = {"Binding": (2,), "_key": (2, 5), "_mark": (2,)}  # _key, _mark: tui/
WORDS = re.compile(r"[A-Za-z]{2,}")

# (file relative to src/esp_wizard, the literal's text): why it may stay as written.
ALLOWED: dict[tuple[str, str], str] = {
    ("tui/app.py", "esp-wizard"): "the program's name",
    ("cli.py", "esp-wizard"): "the program's name",
    ("tui/screens/home.py", "esp-wizard --workspace DIR"): "a command line, typed as shown",
}
# Literals that are names, not words: the program, keys, markup, format specs.
NOT_WORDS = re.compile(
    r"^(esp-wizard( \{__version__\})?|esp-wizard: \{[a-z_.]*\}|[a-z_]+(\.[a-z_]+)+|"
    r"\[/?[a-z $-]*\]|ctrl\+[a-z]|DIR|FILE|N|ID|SECTION|COMMAND)$"
)
# Rich styles passed beside the text (`Text.append(words, "bold")`, `safe(words, "dim")`).
STYLES = re.compile(
    r"^((bold|dim|italic|underline|reverse|red|green|yellow|cyan|white|on|not|\$[a-z-]+)( |\||$))+$"
)


def _is_marked(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and called(node) in MARKERS


def _shown(node: ast.Call) -> Iterator[ast.AST]:
    name = called(node)
    if name in BINDING_MAKERS:
        yield from (node.args[i] for i in BINDING_MAKERS[name] if i < len(node.args))
    elif name in SHOWN_CALLS:
        yield from node.args
    elif name == "add_argument" or name == "add_parser" or name == "ArgumentParser":
        pass
    else:
        # Only the named arguments below, on any call.
        pass
    for keyword in node.keywords:
        if keyword.arg in SHOWN_KEYWORDS:
            yield keyword.value


def unmarked(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        candidates: list[ast.AST] = []
        if isinstance(node, ast.Call):
            candidates = list(_shown(node))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {getattr(t, "attr", getattr(t, "id", "")) for t in targets}
            if names & SHOWN_ATTRIBUTES and node.value is not None:
                candidates = [node.value]
        for candidate in candidates:
            text = literal_text(candidate)
            if (
                text
                and WORDS.search(text)
                and not NOT_WORDS.match(text)
                and not STYLES.match(text.replace(" | ", " "))
            ):
                yield candidate.lineno, text


# The second net: any literal that reads like a phrase (two words), wherever it is, unless
# it is a docstring, CSS, a programmer's error (a bug, never a user's doing), a key compared
# or looked up (data, not display), or allowed below with a reason.
PHRASE = re.compile(r"[A-Za-z]{2,}[,;:.?!]* +[A-Za-z]{2,}")
PROGRAMMER_ERRORS = {"ValueError", "TypeError", "RuntimeError", "AssertionError", "KeyError"}
PHRASES_ALLOWED: dict[tuple[str, str], str] = {
    ("tui/screens/home.py", "esp-wizard --workspace DIR"): "a command line, typed as shown",
    ("ask/summary.py", "esp-wizard ask --resume "): "a command line, typed as shown",
    ("tui/screens/new_interview.py", "#form Input"): "a CSS selector",
    ("commands/common.py", "NAME:ROLE"): "argparse metavar, the form typed",
}


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _exempt(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """A docstring, or inside a marked call, CSS, a programmer's error, a comparison, or
    a dict's key / subscript (a value looked up, never shown as is)."""
    child, parent = node, parents.get(node)
    if isinstance(parent, ast.Expr):
        return True  # a docstring or a bare string
    while parent is not None:
        if _is_marked(parent) or isinstance(parent, ast.Compare):
            return True
        if isinstance(parent, ast.Dict) and child in parent.keys:
            return True
        if isinstance(parent, ast.Subscript) and child is parent.slice:
            return True
        if isinstance(parent, ast.Raise) and isinstance(parent.exc, ast.Call):
            func = parent.exc.func
            return getattr(func, "id", getattr(func, "attr", "")) in PROGRAMMER_ERRORS
        if isinstance(parent, ast.Assign | ast.AnnAssign):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            return any(getattr(t, "id", "") in {"DEFAULT_CSS", "CSS"} for t in targets)
        if isinstance(parent, ast.stmt):
            return False
        child, parent = parent, parents.get(parent)
    return False


def phrases(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    parents = _parents(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if PHRASE.search(text) and not STYLES.match(text) and not _exempt(node, parents):
                yield node.lineno, text


def unmarked_phrases() -> list[str]:
    found = []
    for face in FACES:
        for path in sorted([face] if face.is_file() else face.rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            found += [
                f"{rel}:{lineno}: {text!r}"
                for lineno, text in phrases(path)
                if (rel, text) not in PHRASES_ALLOWED
            ]
    return found


def findings() -> list[str]:
    found = []
    for face in FACES:
        for path in sorted([face] if face.is_file() else face.rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            for lineno, text in unmarked(path):
                if (rel, text) not in ALLOWED:
                    found.append(f"{rel}:{lineno}: {text!r}")
    return found


def test_every_visible_string_of_the_faces_goes_through_the_catalogue() -> None:
    found = findings()
    assert not found, "wrap in _() (or N_() where defined), or allow with a reason:\n" + (
        "\n".join(found)
    )


def test_no_phrase_of_the_faces_is_left_outside_the_catalogue() -> None:
    found = unmarked_phrases()
    assert not found, "a phrase a person may read, not marked:\n" + "\n".join(found)


def test_the_scanner_sees_what_it_must(tmp_path: Path) -> None:
    """The two nets catch the usual shapes (and not their marked forms)."""
    import textwrap

    source = textwrap.dedent(
        """
        def f(self, n):
            self.notify("Saved.")
            yield Label(f"{n} items")
            Binding("x", "go", "Go there")
            message = f"Could not read: {n}"
            raise UserError("no such session")
            self.notify(_("Saved."))
            Binding("x", "go", N_("Go there"))
            raise ValueError("bug: no widget")
            style = {"not met": "red"}[n]
            self.notify("{} were saved".format(n))
            self.notify(_("{count} saved").format(count=n))
        """
    )
    path = tmp_path / "example.py"
    path.write_text(source, encoding="utf-8")
    calls = sorted(text for _, text in unmarked(path))
    loose = sorted(text for _, text in phrases(path))
    assert calls == ["Go there", "Saved.", "no such session", "{} items", "{} were saved"]
    assert loose == ["Could not read: ", "Go there", "no such session", "{} were saved"]


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


def test_no_function_of_the_faces_hides_the_translator_behind_a_throwaway_name() -> None:
    """`word, _, rest = ...` in a function that also calls `_()` makes the call a str:
    the message is never shown and the prompt breaks (it happened, in ask's `:` commands)."""
    found = []
    for face in FACES:
        for path in sorted([face] if face.is_file() else face.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                calls = any(
                    isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_"
                    for n in ast.walk(node)
                )
                if calls and _binds_underscore(node):
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.name}")
    assert not found, "rename the throwaway `_`:\n" + "\n".join(found)


if __name__ == "__main__":
    print("\n".join(findings() + unmarked_phrases()))
