"""How a fitted table shares its width: short columns keep theirs, long ones split the
rest, and columns give way in their rank order when the title would be squeezed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from esp_wizard.tui.widgets.fitted_table import Column, cut, fit, share


def test_everything_fits_at_its_natural_width() -> None:
    assert share([4, 10, 6], 40) == [4, 10, 6]


def test_short_columns_keep_their_width_and_long_ones_split_the_rest() -> None:
    assert share([4, 60, 50], 44) == [4, 20, 20]


@given(st.lists(st.integers(1, 200), min_size=1, max_size=8), st.integers(0, 300))
def test_the_shares_never_exceed_the_room_or_a_columns_need(natural: list[int], room: int) -> None:
    widths = share(natural, room)
    assert widths == natural if sum(natural) <= room else sum(widths) <= room
    assert all(0 <= w <= n for w, n in zip(widths, natural, strict=True))


def test_columns_give_way_by_rank_so_the_title_keeps_what_it_wants() -> None:
    columns = [
        Column("Priority", floor=4, cap=8),
        Column("Finding", floor=20, want=40),
        Column("Phase", floor=6, drop=1),
        Column("Roles", floor=5, drop=2),
    ]
    natural = [8, 90, 10, 5]
    assert fit(columns, natural, 200, 2) == [8, 90, 10, 5]
    narrow = fit(columns, natural, 70, 2)
    assert narrow[3] == 0 and narrow[1] >= 40  # Roles went first
    assert fit(columns, natural, 56, 2)[2:] == [0, 0]
    assert fit(columns, natural, 20, 2)[:2] != [0, 0]  # a column of rank 0 always stays


def test_a_cut_cell_ends_with_an_ellipsis_and_keeps_its_style() -> None:
    cell = Text("Subscriber lists reach the ESP by hand", style="bold")
    short = cut(cell, 12)
    assert short.plain == "Subscriber …" and short.cell_len == 12 and short.style == "bold"
    assert cut(cell, 80) is cell
