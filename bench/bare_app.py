"""The baseline of the first-paint benchmarks: a bare Textual app, Header + DataTable + Footer.

Its table is filled in `on_mount` with 30 rows like the home screen's, the last cell of the
first row saying BARE-READY, which the benchmark waits for on the terminal.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Client", "Engagement", "Interviewees", "Status", "Progress")
        for number in range(30):
            done = "BARE-READY" if number == 0 else f"{number}/300"
            table.add_row("Bench Retail", "Replatform", f"Person {number}", "in progress", done)
        table.focus()


if __name__ == "__main__":
    BareApp().run()
