"""The transformation network drawn for people: SVG (for a manuscript figure), DOT
(Graphviz) and GraphML (Gephi, yEd, networkx), all from the same Network.

The SVG is laid out by hand, not by a graph layout engine, because the axes
mean something to a chemist: one band per material, species placed left to
right by absorption peak, transformations as arcs between them.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from api.outputs.formats import Offer
from api.schemas.transformations import Network, NetworkEdge, NetworkNode
from models.enums import EvidenceStatus, SpeciesKind


class NetworkFormat(StrEnum):
    JSON = "json"
    SVG = "svg"
    DOT = "dot"
    GRAPHML = "graphml"


# --- SVG geometry (px) ---------------------------------------------------------------

NODE_W, NODE_H = 96, 40
MARGIN_LEFT, MARGIN_RIGHT = 110, 60
COLUMN_W = 250
LANE_H = 96
LINE_H = 14
CHAR_W = 6.4
FONT = "Helvetica, Arial, sans-serif"

KIND_FILL = {
    SpeciesKind.MSC: "#dbe9f6",
    SpeciesKind.PC: "#fbe3c8",
}
OTHER_FILL = "#e8e8e8"
REPORTED_STROKE = "#1f3b57"
OTHER_STROKE = "#8a5a00"


@dataclass
class Placed:
    node: NetworkNode
    x: float
    lane: int
    y: float = 0.0


@dataclass
class Connection:
    """The transformations between one pair of species, drawn as one arc."""

    left: Placed
    right: Placed
    edges: list[NetworkEdge] = field(default_factory=list)
    above: bool = True
    height: float = 0.0

    @property
    def lines(self) -> list[str]:
        out = []
        for e in self.edges:
            if e.reversible:
                arrow = "⇄"
            else:
                arrow = "→" if e.source == self.left.node.id else "←"
            out.append(f"{arrow} {e.label or e.trigger.value}")
        return out

    @property
    def label_h(self) -> float:
        return LINE_H * len(self.lines) + 4

    @property
    def label_w(self) -> float:
        return max(len(line) for line in self.lines) * CHAR_W + 8

    @property
    def dashed(self) -> bool:
        return all(e.status is not EvidenceStatus.REPORTED for e in self.edges)

    @property
    def head_right(self) -> bool:
        return any(e.reversible or e.target == self.right.node.id for e in self.edges)

    @property
    def head_left(self) -> bool:
        return any(e.reversible or e.target == self.left.node.id for e in self.edges)


def _layout(nodes: list[NetworkNode], edges: list[NetworkEdge]) -> list[Placed]:
    """Columns in order of absorption peak, one per distinct peak; species sharing a
    column (the same peak, or a PC beside its MSC) stack in lanes below it."""
    ids = {n.id for n in nodes}
    neighbours: dict[str, list[str]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        if e.source in ids and e.target in ids:
            neighbours[e.source].append(e.target)
            neighbours[e.target].append(e.source)
            degree[e.source] += 1
            degree[e.target] += 1
    peaks = {n.id: n.peak_nm for n in nodes if n.peak_nm is not None}
    no_peak = -1.0  # a column left of all peaks
    column_of = {
        n.id: peaks.get(n.id) or next((peaks[m] for m in neighbours[n.id] if m in peaks), no_peak)
        for n in nodes
    }
    columns = sorted(set(column_of.values()))
    placed: list[Placed] = []
    lanes: dict[float, int] = defaultdict(int)
    order = sorted(
        nodes,
        key=lambda n: (n.id not in peaks, -degree[n.id], n.kind != SpeciesKind.MSC, n.id),
    )
    for node in order:
        column = column_of[node.id]
        x = MARGIN_LEFT + NODE_W / 2 + columns.index(column) * COLUMN_W
        placed.append(Placed(node, x, lanes[column]))
        lanes[column] += 1
    return placed


def _parameter(fraction: float) -> float:
    """The t at which an arc (a cubic with vertical tangents at its ends) is a
    ``fraction`` of the way across: solves 3t² − 2t³ = fraction by bisection."""
    low, high = 0.0, 1.0
    for _ in range(30):
        t = (low + high) / 2
        if 3 * t * t - 2 * t**3 < fraction:
            low = t
        else:
            high = t
    return (low + high) / 2


def _clearance(c: Connection, d: Connection) -> float:
    """The apex height ``c`` needs to pass over ``d`` and its label: at parameter t the
    arc stands 4·h·t·(1 − t) high, lowest over the label edge farther out."""
    needed = d.height + d.label_h + 6
    span = c.right.x - c.left.x
    middle = (d.left.x + d.right.x) / 2
    edges = (middle - d.label_w / 2, middle + d.label_w / 2)
    ts = [_parameter(min(max((x - c.left.x) / span, 0.02), 0.98)) for x in edges]
    return needed / min(4 * t * (1 - t) for t in ts)


def _stack(connections: list[Connection]) -> float:
    """Give each arc a height that clears the arcs (and labels) under it, shortest arcs
    lowest; return the room the tallest needs."""
    done: list[Connection] = []
    room = 0.0
    for c in sorted(connections, key=lambda c: (c.right.x - c.left.x, c.left.x)):
        under = [_clearance(c, d) for d in done if d.left.x < c.right.x and d.right.x > c.left.x]
        c.height = max([NODE_H / 2 + 26, *under])
        done.append(c)
        room = max(room, c.height + c.label_h)
    return room


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 12,
    anchor: str = "middle",
    weight: str = "normal",
    fill: str = "#111",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>'
    )


def _apex(c: Connection) -> tuple[float, float, float]:
    """Where the arc starts and ends (y) and the height of its apex (y)."""
    sign = -1 if c.above else 1
    y_start = c.left.y + sign * NODE_H / 2
    y_end = c.right.y + sign * NODE_H / 2
    base = min(y_start, y_end) if c.above else max(y_start, y_end)
    return y_start, y_end, base + sign * c.height


def _arc(c: Connection) -> list[str]:
    x1, x2 = c.left.x, c.right.x
    y_start, y_end, apex_y = _apex(c)
    # A cubic with vertical tangents at both ends peaks at 3/4 of its control height.
    lift = (apex_y - (y_start + y_end) / 2) * 4 / 3
    c1, c2 = y_start + lift, y_end + lift
    forward = f"M{x1:.1f},{y_start:.1f} C{x1:.1f},{c1:.1f} {x2:.1f},{c2:.1f} {x2:.1f},{y_end:.1f}"
    backward = f"M{x2:.1f},{y_end:.1f} C{x2:.1f},{c2:.1f} {x1:.1f},{c1:.1f} {x1:.1f},{y_start:.1f}"
    return [
        f'<g class="edge" data-transformations={quoteattr(" ".join(e.id for e in c.edges))}>',
        f"<title>{escape(chr(10).join(c.lines))}</title>",
        *_line_with_heads(forward, backward, c.dashed, c.head_right, c.head_left),
        "</g>",
    ]


def _line_with_heads(
    forward: str, backward: str, dashed: bool, head_end: bool, head_start: bool
) -> list[str]:
    """The stroke, then each arrowhead as the end marker of an unstroked copy of the path
    (walked backward for the head at its start): renderers agree on end markers."""
    color = OTHER_STROKE if dashed else REPORTED_STROKE
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    marker = f' marker-end="url(#head-{_marker(color)})"'
    parts = [f'<path d="{forward}" fill="none" stroke="{color}" stroke-width="1.6"{dash}/>']
    for wanted, d in ((head_end, forward), (head_start, backward)):
        if wanted:
            parts.append(f'<path d="{d}" fill="none" stroke="none"{marker}/>')
    return parts


def _arc_label(c: Connection) -> list[str]:
    """The label block at the apex, drawn over every line so that none crosses it."""
    _, _, apex_y = _apex(c)
    middle = (c.left.x + c.right.x) / 2
    top = apex_y - c.label_h if c.above else apex_y + 2
    stroke = REPORTED_STROKE if not c.dashed else OTHER_STROKE
    parts = [
        '<g class="edge-label">',
        f'<rect x="{middle - c.label_w / 2:.1f}" y="{top:.1f}" width="{c.label_w:.1f}" '
        f'height="{c.label_h - 2:.1f}" fill="white" fill-opacity="0.92"/>',
    ]
    for i, line in enumerate(c.lines):
        parts.append(_text(middle, top + LINE_H * (i + 1) - 2, line, size=11, fill=stroke))
    parts.append("</g>")
    return parts


def _node(p: Placed) -> list[str]:
    n = p.node
    fill = KIND_FILL.get(n.kind, OTHER_FILL)
    x, y = p.x - NODE_W / 2, p.y - NODE_H / 2
    peak = "" if n.peak_nm is None else f"{n.peak_nm:g} nm"
    return [
        f'<g class="node" id={quoteattr("species-" + n.id)} data-species={quoteattr(n.id)}>',
        f"<title>{escape(f'{n.material} {n.label} ({n.kind.value})')}</title>",
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{NODE_W}" height="{NODE_H}" rx="7" '
        f'fill="{fill}" stroke="#2b2b2b" stroke-width="1"/>',
        _text(p.x, p.y - 2 if peak else p.y + 4, n.label, size=13, weight="bold"),
        *([_text(p.x, p.y + 13, peak, size=10, fill="#444")] if peak else []),
        "</g>",
    ]


def _vertical(c: Connection) -> list[str]:
    """Two species in one column (a PC under its MSC): a straight line, label beside it."""
    upper, lower = sorted((c.left, c.right), key=lambda p: p.y)
    x = upper.x
    y1, y2 = upper.y + NODE_H / 2, lower.y - NODE_H / 2
    color = OTHER_STROKE if c.dashed else REPORTED_STROKE
    down = any(e.reversible or e.target == lower.node.id for e in c.edges)
    up = any(e.reversible or e.target == upper.node.id for e in c.edges)
    lines = []
    for e in c.edges:
        arrow = "⇅" if e.reversible else ("↓" if e.target == lower.node.id else "↑")
        lines.append(f"{arrow} {e.label or e.trigger.value}")
    parts = [
        f'<g class="edge" data-transformations={quoteattr(" ".join(e.id for e in c.edges))}>',
        f"<title>{escape(chr(10).join(lines))}</title>",
        *_line_with_heads(
            f"M{x:.1f},{y1:.1f} L{x:.1f},{y2:.1f}",
            f"M{x:.1f},{y2:.1f} L{x:.1f},{y1:.1f}",
            c.dashed,
            down,
            up,
        ),
    ]
    top = (y1 + y2) / 2 - LINE_H * len(lines) / 2
    for i, line in enumerate(lines):
        parts.append(
            _text(x + 8, top + LINE_H * (i + 1) - 3, line, size=11, anchor="start", fill=color)
        )
    parts.append("</g>")
    return parts


def _marker(color: str) -> str:
    return "reported" if color == REPORTED_STROKE else "other"


def _markers() -> list[str]:
    out = []
    for color in (REPORTED_STROKE, OTHER_STROKE):
        name = _marker(color)
        out += [
            f'<marker id="head-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{color}"/>'
            "</marker>",
        ]
    return out


def to_svg(network: Network, *, title: str) -> str:
    by_material: dict[str, list[NetworkNode]] = defaultdict(list)
    for node in network.nodes:
        by_material[node.material].append(node)
    bands = {m: _layout(by_material[m], network.edges) for m in sorted(by_material)}
    right = max((p.x for placed in bands.values() for p in placed), default=MARGIN_LEFT)
    width = max(right + NODE_W / 2 + MARGIN_RIGHT, 640)
    body: list[str] = []
    y = 84.0
    for material, placed in bands.items():
        where = {p.node.id: p for p in placed}
        pairs: dict[tuple[str, str], Connection] = {}
        for e in network.edges:
            if e.source in where and e.target in where:
                a, b = sorted((where[e.source], where[e.target]), key=lambda p: (p.x, p.lane))
                pairs.setdefault((a.node.id, b.node.id), Connection(a, b)).edges.append(e)
        connections = list(pairs.values())
        vertical = [c for c in connections if c.left.x == c.right.x]
        arcs = [c for c in connections if c.left.x != c.right.x]
        for c in arcs:
            c.above = c.left.lane == 0 and c.right.lane == 0
        room_above = _stack([c for c in arcs if c.above])
        room_below = _stack([c for c in arcs if not c.above])
        lanes = max(p.lane for p in placed) + 1
        lane0 = y + max(room_above, 24) + NODE_H / 2 + 8
        for p in placed:
            p.y = lane0 + p.lane * LANE_H
        bottom = lane0 + (lanes - 1) * LANE_H + NODE_H / 2 + room_below + 24
        body.append(
            f'<rect x="8" y="{y:.1f}" width="{width - 16:.1f}" height="{bottom - y:.1f}" '
            'fill="#fafafa" stroke="#d0d0d0"/>'
        )
        body.append(_text(20, lane0 + 5, material, size=15, anchor="start", weight="bold"))
        for c in arcs:
            body.extend(_arc(c))
        for c in vertical:
            body.extend(_vertical(c))
        for c in arcs:
            body.extend(_arc_label(c))
        for p in placed:
            body.extend(_node(p))
        y = bottom + 14
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{y + 6:.0f}" '
        f'viewBox="0 0 {width:.0f} {y + 6:.0f}" font-family="{FONT}">',
        "<defs>",
        *_markers(),
        "</defs>",
        '<rect width="100%" height="100%" fill="white"/>',
        _text(16, 28, title, size=17, anchor="start", weight="bold"),
        _text(
            16,
            50,
            "Species left to right by absorption peak; blue: MSC, orange: PC (under its "
            "MSC). → transformation, ⇄ reversible.",
            size=11,
            anchor="start",
            fill="#444",
        ),
        _text(
            16,
            66,
            "Solid: reported; dashed: proposed or argued. Labels: trigger, additive and "
            "amount, time window.",
            size=11,
            anchor="start",
            fill="#444",
        ),
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


# --- DOT and GraphML -----------------------------------------------------------------


def _dot_id(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(network: Network, *, title: str) -> str:
    lines = [
        f"digraph {_dot_id(title)} {{",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    by_material: dict[str, list[NetworkNode]] = defaultdict(list)
    for node in network.nodes:
        by_material[node.material].append(node)
    for i, material in enumerate(sorted(by_material)):
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f"    label={_dot_id(material)};")
        for n in sorted(by_material[material], key=lambda n: (n.peak_nm or 0, n.id)):
            label = n.label + ("" if n.peak_nm is None else f"\\n{n.peak_nm:g} nm")
            fill = KIND_FILL.get(n.kind, OTHER_FILL)
            lines.append(f'    {_dot_id(n.id)} [label="{label}", fillcolor="{fill}"];')
        lines.append("  }")
    for e in network.edges:
        attrs = [f"label={_dot_id(e.label or e.trigger.value)}", f"id={_dot_id(e.id)}"]
        if e.reversible:
            attrs.append("dir=both")
        if e.status is not EvidenceStatus.REPORTED:
            attrs.append("style=dashed")
        lines.append(f"  {_dot_id(e.source)} -> {_dot_id(e.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _data(key: str, value: object) -> str:
    if value is None:
        return ""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return f'<data key="{key}">{escape(text)}</data>'


def to_graphml(network: Network, *, title: str) -> str:
    keys: Iterable[tuple[str, str, str, str]] = (
        ("material", "node", "material", "string"),
        ("kind", "node", "kind", "string"),
        ("label", "node", "label", "string"),
        ("peak_nm", "node", "peak_nm", "double"),
        ("trigger", "edge", "trigger", "string"),
        ("reversible", "edge", "reversible", "boolean"),
        ("status", "edge", "status", "string"),
        ("edge_label", "edge", "label", "string"),
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        *(
            f'  <key id="{k}" for="{target}" attr.name="{name}" attr.type="{kind}"/>'
            for k, target, name, kind in keys
        ),
        f'  <graph id={quoteattr(title)} edgedefault="directed">',
    ]
    for n in network.nodes:
        data = "".join(
            _data(k, v)
            for k, v in (
                ("material", n.material),
                ("kind", n.kind.value),
                ("label", n.label),
                ("peak_nm", n.peak_nm),
            )
        )
        lines.append(f"    <node id={quoteattr(n.id)}>{data}</node>")
    for e in network.edges:
        data = "".join(
            _data(k, v)
            for k, v in (
                ("trigger", e.trigger.value),
                ("reversible", e.reversible),
                ("status", e.status.value),
                ("edge_label", e.label),
            )
        )
        lines.append(
            f"    <edge id={quoteattr(e.id)} source={quoteattr(e.source)} "
            f"target={quoteattr(e.target)}>{data}</edge>"
        )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


class NetworkRenderer(Protocol):
    def __call__(self, network: Network, *, title: str) -> str: ...


NETWORK: Offer[NetworkFormat, NetworkRenderer] = Offer(
    NetworkFormat,
    {
        NetworkFormat.SVG: to_svg,
        NetworkFormat.DOT: to_dot,
        NetworkFormat.GRAPHML: to_graphml,
    },
)
