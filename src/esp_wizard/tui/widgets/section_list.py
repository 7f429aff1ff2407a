"""The sidebar: every section with answered/active counts; the current one marked.

Sections that skip logic has hidden stay listed (dimmed, not reachable), so the facilitator
sees the shape of the whole interview and why a part was not asked. One Static draws the
whole list (redrawn only when a count or the current section changes): it is repainted
on every question change, and an OptionList costs several times more to draw. Its size is
set by the CSS, never by its text, so a redraw is a repaint and never a layout.

An answer changes the counts of its own section only, unless it changes which questions
skip logic asks: while the set of active questions stays the same, only the sections of the
question left and of the question shown are counted again (a screen coming back from
another one calls `forget` first, and everything is counted).
Up/Down move the cursor when it has focus; Enter (or a click) goes to that section.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from esp_wizard.i18n import N_
from esp_wizard.questionnaire import model as m
from esp_wizard.session.interview import Interview
from esp_wizard.tui.safe import safe


class SectionList(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", N_("Previous section"), show=False, id="sections.up"),
        Binding("down", "move(1)", N_("Next section"), show=False, id="sections.down"),
        Binding("enter", "choose", N_("Go to section"), show=False, id="sections.go"),
    ]
    cursor: reactive[int] = reactive(0)

    class Chosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[m.Section, bool, str]] = []  # section, reachable, counts
        self.current = ""
        self._active: set[str] | None = None  # the active questions the rows were counted on

    def forget(self) -> None:
        """Count every section at the next `show` (answers may have changed elsewhere)."""
        self._active = None

    def show(self, interview: Interview, current: str) -> None:
        rows = self._count(interview, current)
        if rows == self.rows and current == self.current:
            return
        self.rows, self.current = rows, current
        ids = [section.id for section, _, _ in rows]
        if not self.has_focus and current in ids:  # drawn just below, not by watch_cursor
            self.set_reactive(SectionList.cursor, ids.index(current))
        self.update(self._text(), layout=False)

    def _count(self, interview: Interview, current: str) -> list[tuple[m.Section, bool, str]]:
        sections = interview.questionnaire.sections
        active = interview.active_ids
        same = self._active is not None and active == self._active
        self._active = active
        if not same or len(self.rows) != len(sections):
            return [_row(interview, section) for section in sections]
        touched = {self.current, current}
        return [
            _row(interview, section) if section.id in touched else row
            for section, row in zip(sections, self.rows, strict=True)
        ]

    def _text(self, focused: bool | None = None) -> Text:
        """The list; the cursor drawn only while the list has focus."""
        focused = self.has_focus if focused is None else focused
        text = Text()
        for number, (section, reachable, counts) in enumerate(self.rows):
            current = section.id == self.current
            line = Text("▶ " if current else "  ", style="bold")
            line.append(section.title, style="bold" if current else "" if reachable else "dim")
            line.append(f" {counts}", style=_count_style(counts, reachable))
            if focused and number == self.cursor:
                line.stylize("reverse")
            text.append_text(line)
            text.append("\n")
        text.rstrip()
        return safe(text)

    def watch_cursor(self) -> None:
        self.update(self._text(), layout=False)

    def on_focus(self) -> None:
        self.update(self._text(focused=True), layout=False)

    def on_blur(self) -> None:
        self.update(self._text(focused=False), layout=False)

    def action_move(self, step: int) -> None:
        reachable = [i for i, (_, ok, _) in enumerate(self.rows) if ok]
        if not reachable:
            return
        later = [i for i in reachable if (i - self.cursor) * step > 0]
        self.cursor = min(later, key=lambda i: abs(i - self.cursor)) if later else self.cursor

    def action_choose(self) -> None:
        if 0 <= self.cursor < len(self.rows) and self.rows[self.cursor][1]:
            self.post_message(self.Chosen(self.rows[self.cursor][0].id))

    def on_click(self, event: events.Click) -> None:
        line = 0
        for number, (section, _, _) in enumerate(self.rows):
            height = max(1, len(self._wrapped(section)))
            if line <= event.y < line + height:
                self.cursor = number
                self.action_choose()
                return
            line += height

    def _wrapped(self, section: m.Section) -> list[str]:
        width = max(1, self.content_region.width)
        lines = Text(f"  {section.title} 00/00").wrap(self.app.console, width)
        return [line.plain for line in lines]


def _row(interview: Interview, section: m.Section) -> tuple[m.Section, bool, str]:
    if not any(interview.is_active(q.id) for q in section.questions):
        return section, False, "skipped"
    progress = interview.progress(section)
    return section, True, f"{progress.done}/{progress.total}"


def _count_style(counts: str, reachable: bool) -> str:
    if not reachable:
        return "dim italic"
    done, _, total = counts.partition("/")
    return "green" if done == total else "dim"
