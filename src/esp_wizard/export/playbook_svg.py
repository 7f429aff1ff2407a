"""The current-state map as a self-contained SVG: the layout the core computed, drawn.

No script, no external font or image, fixed number formatting: the same map always gives
the same bytes (a golden file checks it). Its words are in the language in use. Every name
and label is escaped; a long one is cut with an ellipsis and given whole in a <title> tooltip.
"""

from __future__ import annotations

from markupsafe import escape

from esp_wizard.export import playbook_text as pt
from esp_wizard.findings.playbook.current_map import (
    ESP_H,
    ESP_W,
    NODE_H,
    NODE_W,
    STUB,
    esp_position,
)
from esp_wizard.findings.playbook.model import MapEdge, MapNode, SystemMap
from esp_wizard.i18n import _, ngettext

FLAG = "#b03a2e"
INK = "#1f2d3d"
LINE = "#5d6d7e"
NAME_CHARS, LABEL_CHARS = 27, 28


def cut(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _title(system_map: SystemMap) -> str:
    count = len(system_map.nodes)
    title = ngettext(
        "Current-state map: {esp} and {count} connected system",
        "Current-state map: {esp} and {count} connected systems",
        count,
    )
    return title.format(esp=system_map.esp, count=count)


def map_svg(system_map: SystemMap) -> str:
    width, height = system_map.width, system_map.height
    feeds, fed = _("Feeds the ESP"), _("Fed by the ESP (or both ways)")
    esp_x, esp_y = esp_position(system_map)
    nodes = {n.id: n for n in system_map.nodes}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="sans-serif" font-size="12">',
        f"<title>{escape(_title(system_map))}</title>",
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{LINE}"/>'
        "</marker></defs>",
        f'<text x="20" y="22" font-weight="bold" fill="{INK}">{escape(feeds)}</text>',
        f'<text x="{width - 20}" y="22" text-anchor="end" font-weight="bold" fill="{INK}">'
        f"{escape(fed)}</text>",
    ]
    parts += [_edge(e, nodes, esp_x, esp_y) for e in system_map.edges]
    parts += [_node(n) for n in system_map.nodes]
    parts.append(
        f'<rect x="{esp_x}" y="{esp_y}" width="{ESP_W}" height="{ESP_H}" rx="8" '
        f'fill="{INK}"/><text x="{esp_x + ESP_W // 2}" y="{esp_y + ESP_H // 2 + 4}" '
        f'text-anchor="middle" fill="#ffffff" font-weight="bold">'
        f"<title>{escape(system_map.esp)}</title>{escape(cut(system_map.esp, 22))}</text>"
    )
    if not system_map.nodes:
        parts.append(
            f'<text x="20" y="{esp_y + ESP_H // 2}" fill="{FLAG}">{escape(_(pt.NO_MAP))}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _node(node: MapNode) -> str:
    flagged = bool(node.flagged)
    stroke = (
        f'stroke="{FLAG}" stroke-width="2" stroke-dasharray="5 3"'
        if flagged
        else (f'stroke="{LINE}"')
    )
    sub = " · ".join(pt.FLAG_LABELS.get(f, f) for f in node.flagged) if flagged else node.kind
    owner = _("owner: {owner}").format(owner=node.owner or _("none"))
    full = ", ".join(p for p in (node.name, node.kind, owner) if p)
    return (
        f"<g><title>{escape(full)}</title>"
        f'<rect x="{node.x}" y="{node.y}" width="{NODE_W}" height="{NODE_H}" rx="4" '
        f'fill="#ffffff" {stroke}/>'
        f'<text x="{node.x + 8}" y="{node.y + 18}" fill="{INK}">'
        f"{escape(cut(node.name, NAME_CHARS))}</text>"
        f'<text x="{node.x + 8}" y="{node.y + 34}" font-size="10" '
        f'fill="{FLAG if flagged else LINE}">{escape(cut(sub, LABEL_CHARS + 4))}</text></g>'
    )


def _edge(edge: MapEdge, nodes: dict[str, MapNode], esp_x: int, esp_y: int) -> str:
    """From the system's side, flat under its label, then straight to the ESP."""
    outer = nodes[edge.target] if edge.source == "esp" else nodes[edge.source]
    left = outer.x < esp_x
    node_x = outer.x + NODE_W if left else outer.x
    stub_x = node_x + STUB if left else node_x - STUB
    esp_side = esp_x if left else esp_x + ESP_W
    node_y, esp_mid = outer.y + NODE_H // 2, esp_y + ESP_H // 2
    points = f"{node_x},{node_y} {stub_x},{node_y} {esp_side},{esp_mid}"
    ends = {
        "to_esp": ' marker-end="url(#arrow)"',
        "from_esp": ' marker-start="url(#arrow)"',
        "both": ' marker-start="url(#arrow)" marker-end="url(#arrow)"',
        "unknown": "",
    }[edge.direction]
    dash = f' stroke="{FLAG}" stroke-dasharray="5 3"' if edge.flagged else f' stroke="{LINE}"'
    label_x = node_x + 6 if left else node_x - 6
    anchor = "start" if left else "end"
    text = edge.label + (f" ({pt.flags(edge.flagged)})" if edge.flagged else "")
    return (
        f"<g><title>{escape(text)}</title>"
        f'<polyline points="{points}" fill="none" stroke-width="1.5"{dash}{ends}/>'
        f'<text x="{label_x}" y="{node_y - 5}" text-anchor="{anchor}" font-size="10" '
        f'fill="{INK}">{escape(cut(edge.label, LABEL_CHARS))}</text></g>'
    )
