"""scale: its points with their labels; the point's number key picks it."""

from __future__ import annotations

from textual.app import ComposeResult

from esp_wizard.questionnaire.kinds.scale import ScaleQuestion
from esp_wizard.tui.widgets.answer import AnswerWidget, answers
from esp_wizard.tui.widgets.option_picker import OptionPicker


@answers("scale")
class ScaleAnswer(AnswerWidget):
    question: ScaleQuestion

    @property
    def points(self) -> list[int]:
        return list(range(self.question.min, self.question.max + 1))

    def compose(self) -> ComposeResult:
        yield OptionPicker(id="picker")

    def setup(self) -> None:
        points = self.points
        labels = [f"{p:>2}  {self.question.label_for(p)}".rstrip() for p in points]
        keys = {str(p): i for i, p in enumerate(points) if 0 <= p <= 9}
        self.picker.reset(labels, keys, None)

    @property
    def picker(self) -> OptionPicker:
        return self.query_one("#picker", OptionPicker)

    def value(self) -> int | None:
        index = self.picker.selected
        return self.points[index] if index is not None else None

    def load(self, answer: object) -> None:
        value = getattr(answer, "value", None)
        points = self.points
        self.picker.select_index(points.index(value) if value in points else None)

    def focus_answer(self) -> None:
        self.picker.focus()

    def on_option_picker_chosen(self, event: OptionPicker.Chosen) -> None:
        event.stop()
        self.confirm() if event.confirm else self.pick()
