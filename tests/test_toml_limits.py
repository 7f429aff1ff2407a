"""The quick limits pass (`_within_limits`) never lets through what the exact one
(`_beyond_limits`) refuses, at every edge: depth, integer size, nan and inf."""

from __future__ import annotations

from typing import Any

import pytest

from esp_wizard.tomlfile import MAX_DEPTH, MAX_INT, MIN_INT, _beyond_limits, _within_limits


def nested(depth: int, leaf: Any) -> dict[str, Any]:
    """`leaf` at key path length `depth`, through tables and lists in turn."""
    node: Any = leaf
    for level in range(depth - 1, -1, -1):
        node = {"k": node} if level % 2 == 0 else [1, node]
    return node


CASES = [
    nested(MAX_DEPTH, "deep enough"),
    nested(MAX_DEPTH + 1, "one too deep"),
    nested(MAX_DEPTH, {}),
    nested(MAX_DEPTH, []),
    nested(MAX_DEPTH + 1, []),
    nested(4, MAX_INT),
    nested(4, MAX_INT + 1),
    nested(4, MIN_INT),
    nested(4, MIN_INT - 1),
    nested(3, float("nan")),
    nested(3, float("inf")),
    nested(3, float("-inf")),
    nested(3, 1.5),
    {"flag": True, "when": [1, 2.5, "x", [True, -(2**63)]]},
]


@pytest.mark.parametrize("data", CASES)
def test_the_quick_pass_agrees_with_the_exact_one(data: dict[str, Any]) -> None:
    assert _within_limits(data, 0) == (_beyond_limits(data) is None)


def test_each_edge_is_refused_where_it_should_be() -> None:
    refused = [_beyond_limits(data) is not None for data in CASES]
    depth = [False, True, False, False, True]
    numbers = [False, True, False, True, True, True, True, False]
    assert refused == [*depth, *numbers, False]
