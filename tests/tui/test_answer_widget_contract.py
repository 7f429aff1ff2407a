"""Every answer type must say how to read and fill its inputs, or it fails at import."""

from __future__ import annotations

import pytest

from esp_wizard.tui.widgets.answer import AnswerWidget


def test_an_answer_type_without_load_is_refused() -> None:
    with pytest.raises(TypeError, match="must define load"):

        class Half(AnswerWidget):
            def value(self) -> str:
                return ""
