"""The current-state map: the systems around the ESP and the flows between them.

Nodes are the systems of the integration and data-source inventories (merged by name),
plus the systems that call the ESP's API for messages; edges carry direction, transport
and schedule. A flow nobody documented, or nobody owns, is flagged. The layout is
computed here, deterministically: systems that feed the ESP on the left, systems it feeds
(or that flow both ways) on the right, each column sorted by name, the ESP in the middle.
The same answers always give the same picture, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from esp_wizard.findings.model import InventoryRow
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Direction, MapEdge, MapNode, Missing, SystemMap
from esp_wizard.i18n import N_, _, ngettext

NODE_W, NODE_H, ROW_GAP, MARGIN, TOP = 200, 44, 20, 20, 40
ESP_W, ESP_H = 180, 60
LEFT_X, ESP_X, RIGHT_X = MARGIN, 440, 780
STUB = 150  # the flat part of an edge, next to its system, that carries its label
WIDTH = RIGHT_X + NODE_W + MARGIN
ESP_ID = "esp"


@dataclass
class _System:
    name: str
    kind: str = ""
    owner: str = ""
    documented: bool | None = None
    directions: set[str] = field(default_factory=set)
    transport: list[str] = field(default_factory=list)
    schedule: list[str] = field(default_factory=list)


# The inventories the map is drawn from: (question, direction when none is given, whom to
# ask, what is missing without it).
SOURCES: tuple[tuple[str, str | None, tuple[str, ...], str], ...] = (
    ("integrations", None, ("it-integrations",), N_("the integrations")),
    ("data_sources", "to_esp", ("data-crm",), N_("the data sources")),
)


def system_map(answers: Answers) -> SystemMap:
    systems: dict[str, _System] = {}
    missing: list[Missing] = []
    for question_id, default, roles, what in SOURCES:
        table = answers.table(question_id)
        if table is None:
            missing.append(answers.missing(_(what), question_id, roles))
            continue
        for row in table.rows:
            _add(systems.setdefault(row.key, _System(row.name)), row, default)
    _add_callers(systems, answers)
    nodes, edges = _layout(systems)
    unscheduled = [e for e in edges if not e.schedule]
    if unscheduled:
        missing.append(
            answers.missing(
                ngettext(
                    "the schedule of {count} flow",
                    "the schedule of {count} flows",
                    len(unscheduled),
                ).format(count=len(unscheduled)),
                "integrations",
                ("it-integrations",),
            )
        )
    esp = next((g.shown for g in answers.values("current_esp")), "") or _("Current ESP")
    rows = max(sum(1 for n in nodes if n.x == x) for x in (LEFT_X, RIGHT_X)) if nodes else 1
    height = TOP + max(rows * (NODE_H + ROW_GAP), ESP_H + ROW_GAP) + MARGIN
    return SystemMap(esp, tuple(nodes), tuple(edges), WIDTH, height, tuple(missing))


def _add(system: _System, row: InventoryRow, default: str | None) -> None:
    raw = [s.raw for s in row.sources]
    given = {r["direction"] for r in raw if isinstance(r.get("direction"), str)}
    system.directions |= given & {"to_esp", "from_esp", "both"}  # another questionnaire's
    if not given and default:  # own values or types say nothing we can draw
        system.directions.add(default)
    system.kind = system.kind or " / ".join(row.cells.get("kind", ()))
    system.owner = system.owner or " / ".join(row.cells.get("owner", ()))
    documented = {r["documented"] for r in raw if isinstance(r.get("documented"), bool)}
    if documented:
        system.documented = all(documented) and (system.documented is not False)
    for field_id, into in (("transport", system.transport), ("schedule", system.schedule)):
        into += [v for v in row.cells.get(field_id, ()) if v not in into]
    system.schedule += [v for v in row.cells.get("frequency", ()) if v not in system.schedule]


def _add_callers(systems: dict[str, _System], answers: Answers) -> None:
    """A system that asks the ESP to send a message is a flow into it, by API."""
    table = answers.table("api_messages")
    for row in table.rows if table else ():
        for caller in row.cells.get("trigger_system", ()):
            key = " ".join(caller.split()).casefold()
            system = systems.setdefault(key, _System(caller, kind=_("message API")))
            system.directions.add("to_esp")
            if not system.transport:
                system.transport.append("API")


def _direction(directions: set[str]) -> Direction:
    if not directions:
        return "unknown"
    if len(directions) > 1 or "both" in directions:
        return "both"
    return "to_esp" if "to_esp" in directions else "from_esp"


def _layout(systems: dict[str, _System]) -> tuple[list[MapNode], list[MapEdge]]:
    ordered = sorted(systems.items(), key=lambda kv: (kv[1].name.casefold(), kv[0]))
    columns: dict[int, int] = {LEFT_X: 0, RIGHT_X: 0}
    nodes, edges = [], []
    for number, (_key, system) in enumerate(ordered, start=1):
        direction = _direction(system.directions)
        x = LEFT_X if direction in ("to_esp", "unknown") else RIGHT_X
        y = TOP + columns[x] * (NODE_H + ROW_GAP)
        columns[x] += 1
        node = MapNode(
            f"n{number}", system.name, system.kind, system.owner, system.documented, x, y
        )
        nodes.append(node)
        source, target = (node.id, ESP_ID) if x == LEFT_X else (ESP_ID, node.id)
        edges.append(
            MapEdge(
                source,
                target,
                direction,
                " / ".join(system.transport),
                " / ".join(system.schedule),
                node.flagged,
            )
        )
    return nodes, edges


def esp_position(system_map: SystemMap) -> tuple[int, int]:
    """The ESP box's top-left corner: centred on the taller column."""
    return ESP_X, TOP + max(0, (system_map.height - TOP - MARGIN - ESP_H - ROW_GAP) // 2)
