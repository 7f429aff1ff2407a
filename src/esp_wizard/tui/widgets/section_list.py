"""The sidebar: every section with answered/active counts; the current one marked.

Sections that skip logic has hidden stay listed (dimmed, not reachable), so the facilitator
sees the shape of the whole interview and why a part was not asked. One widget draws the
whole list, each section's row rendered once and kept: a new count or a move of the
current section renders and repaints only the rows that changed (an OptionList, or a
Static redrawing every row, costs several times more at each question). Its size is set
by the CSS, never by its text, so a redraw is a repaint and never a layout.

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
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from esp_wizard.i18n import N_
from esp_wizard.questionnaire import model as m
from esp_wizard.session.interview import Interview
from esp_wizard.tui.safe import safe

Row = tuple[m.Section, bool, str]  # section, reachable, counts
Look = tuple[str, bool, str, bool, bool]  # title, reachable, counts, current, under the cursor


class SectionList(Widget, can_focus=True):
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
        self.rows: list[Row] = []
        self.current = ""
        self._active: set[str] | None = None  # the active questions the rows were counted on
        self._focused: bool | None = None  # while focus moves, before has_focus says so
        self._looks: list[Look] = []  # what each row's strips were rendered from
        self._strips: list[list[Strip]] = []  # each row's lines, as last rendered
        self._rendered_for: tuple[int, object] | None = None  # width and base style

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
        self._redraw()

    def _count(self, interview: Interview, current: str) -> list[Row]:
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

    # -- drawing: each row rendered on its own, only when what it shows changes ------------------
    def _look(self) -> list[Look]:
        focused = self.has_focus if self._focused is None else self._focused
        return [
            (
                section.title,
                reachable,
                counts,
                section.id == self.current,
                focused and n == self.cursor,
            )
            for n, (section, reachable, counts) in enumerate(self.rows)
        ]

    def _redraw(self) -> None:
        """Render the rows whose look changed; repaint only their lines when every row keeps
        its height (else, or before the first layout, the whole list)."""
        before = [len(strips) for strips in self._strips]
        changed = self._render_rows()
        if changed is None or [len(strips) for strips in self._strips] != before:
            self.refresh()
            return
        width = self.size.width
        for row in changed:
            top = sum(before[:row])
            self.refresh(Region(0, top, width, before[row]))

    def _render_rows(self) -> list[int] | None:
        """Bring the rows' strips up to date; the rows rendered again, or None when all were
        (first render, another width or base style)."""
        width = self.size.width
        if not width:
            self._looks, self._strips, self._rendered_for = [], [], None
            return None
        looks = self._look()
        rendered_for = (width, self.visual_style)
        if rendered_for != self._rendered_for or len(looks) != len(self._looks):
            self._rendered_for, self._looks = rendered_for, looks
            self._strips = [self._render_row(look, width) for look in looks]
            return None
        changed = [
            n for n, (old, new) in enumerate(zip(self._looks, looks, strict=True)) if old != new
        ]
        for n in changed:
            self._strips[n] = self._render_row(looks[n], width)
        self._looks = looks
        return changed

    def _render_row(self, look: Look, width: int) -> list[Strip]:
        visual = visualize(self, _line(*look))
        return Visual.to_strips(self, visual, width, None, self.visual_style) or [Strip.blank(0)]

    def render(self) -> Text:
        """The whole list as text (what a selection copies, and what tests read)."""
        text = Text("\n").join(_line(*look) for look in self._look())
        text.rstrip()
        return text

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # a mouse selection: drawn over the whole text
            return super().render_line(y)
        self._render_rows()
        for strips in self._strips:
            if y < len(strips):
                return strips[y]
            y -= len(strips)
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def watch_cursor(self) -> None:
        self._redraw()

    def on_focus(self) -> None:
        self._focused = True
        self._redraw()
        self._focused = None

    def on_blur(self) -> None:
        self._focused = False
        self._redraw()
        self._focused = None

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
        self._render_rows()
        line = 0
        for number, strips in enumerate(self._strips):
            if line <= event.y < line + len(strips):
                self.cursor = number
                self.action_choose()
                return
            line += len(strips)


def _line(title: str, reachable: bool, counts: str, current: bool, cursor: bool) -> Text:
    """One section's row: the current one marked, the cursor reversed, skipped ones dimmed."""
    line = Text("▶ " if current else "  ", style="bold")
    line.append(title, style="bold" if current else "" if reachable else "dim")
    line.append(f" {counts}", style=_count_style(counts, reachable))
    if cursor:
        line.stylize("reverse")
    return safe(line)


def _row(interview: Interview, section: m.Section) -> Row:
    if not any(interview.is_active(q.id) for q in section.questions):
        return section, False, "skipped"
    progress = interview.progress(section)
    return section, True, f"{progress.done}/{progress.total}"


def _count_style(counts: str, reachable: bool) -> str:
    if not reachable:
        return "dim italic"
    done, _, total = counts.partition("/")
    return "green" if done == total else "dim"
