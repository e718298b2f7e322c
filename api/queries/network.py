"""The transformation network: paths between two species, and its nodes and edges.

A transformation is an arc from its source to its product; a reversible one is
also an arc back. Paths are found by a bidirectional search that reads only
the arcs around the two ends (one query per level, from whichever side has the
smaller frontier), then enumerated in memory, shortest first.
"""

from collections import defaultdict
from typing import Any, NamedTuple

from sqlalchemy import CompoundSelect, false, select, true, union, union_all
from sqlalchemy.orm import Session

from api.queries import CHUNK, SPECIES, Dict, Row, children, in_ids, mappings
from api.queries.species import species_select, species_summaries
from api.queries.transformations import (
    TRANSFORMATION,
    list_transformations,
    transformation_select,
    transformation_summary,
)
from api.schemas.transformations import Network, NetworkEdge, NetworkNode, PathRead, PathStep
from models.enums import EvidenceStatus, Trigger


class Arc(NamedTuple):
    """A tuple, so that thousands of them around a hub hash and sort in C."""

    transformation_id: int
    start: int
    end: int
    forward: bool
    """False for a reversible transformation walked from its product to its source."""


def _arcs_select(*, outgoing: bool) -> CompoundSelect[Any]:
    """The arcs leaving (``outgoing``) or entering the nodes ``:ids``: transformations
    walked forward from that end, and reversible ones walked back. Two range scans
    of the covering indexes ix_transformation_arcs_out and _in."""
    t = TRANSFORMATION.c
    near, far = (t.source_id, t.product_id) if outgoing else (t.product_id, t.source_id)
    return union_all(
        select(
            t.id, t.source_id.label("start"), t.product_id.label("end"), true().label("fwd")
        ).where(in_ids(near)),
        select(t.id, t.product_id, t.source_id, false()).where(in_ids(far), t.reversible.is_(True)),
    )


ARCS = {outgoing: _arcs_select(outgoing=outgoing) for outgoing in (True, False)}


def _arcs(session: Session, nodes: set[int], *, outgoing: bool) -> list[Arc]:
    """The arcs leaving (``outgoing``) or entering ``nodes``."""
    ordered = sorted(nodes)
    return [
        Arc(tid, start, end, bool(forward))
        for i in range(0, len(ordered), CHUNK)
        for tid, start, end, forward in session.connection()
        .execute(ARCS[outgoing], {"ids": ordered[i : i + CHUNK]})
        .all()
    ]


def _arcs_near(session: Session, source: int, target: int, max_steps: int) -> set[Arc]:
    """Every arc that can lie on a path of at most ``max_steps`` from source to target.

    The forward search expands the nodes at distance < a from the source, the
    backward one those at distance < b from the target, with a + b = max_steps:
    on any such path, an arc leaving position i < a is read forward and an arc
    entering position i + 1 > a is read backward.

    The last expansion keeps only the arcs that meet the other side: an arc it reads
    leaves a node at distance a - 1 from the source (entering one at b - 1 from the
    target) and can lie on such a path only where it does so at position a - 1, so
    its other end is within b of the target (a of the source): seen by the other
    side, which is done. On any other position it is read by the other side too.
    Around a hub this leaves out most of the arcs read, none of which could be walked.
    """
    arcs: set[Arc] = set()
    seen = ({source}, {target})
    frontiers = ({source}, {target})
    depth = 0
    while depth < max_steps and all(frontiers):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        new = _arcs(session, frontiers[side], outgoing=side == 0)
        if depth == max_steps - 1:
            other = seen[1 - side]
            new = [a for a in new if (a.end if side == 0 else a.start) in other]
        arcs.update(new)
        reached = {a.end if side == 0 else a.start for a in new} - seen[side]
        seen[side].update(reached)
        frontiers = (reached, frontiers[1]) if side == 0 else (frontiers[0], reached)
        depth += 1
    return arcs


def _arc_paths(
    session: Session, source: int, target: int, *, max_steps: int, limit: int
) -> tuple[list[list[Arc]], bool]:
    """Simple paths from source to target, shortest first; and whether more than
    ``limit`` exist."""
    arcs = _arcs_near(session, source, target, max_steps)
    search = _Enumeration(arcs, target, max_steps, limit)
    for length in range(1, max_steps + 1):
        if source in search.reach[length]:
            search.walk(source, [], {source}, length)
            if len(search.paths) > limit:
                break
    return search.paths[:limit], len(search.paths) > limit


class _Enumeration:
    """The simple paths to ``target`` over ``arcs``. A class, not a recursive closure:
    a closure that calls itself is a reference cycle, which kept the arcs around a hub
    alive until the next full garbage collection (peak memory under load +50 MB)."""

    def __init__(self, arcs: set[Arc], target: int, max_steps: int, limit: int) -> None:
        self.target = target
        self.limit = limit
        self.paths: list[list[Arc]] = []
        # Each node's arcs are walked in their order (so paths come out in the same
        # order every time), but sorted only for the nodes the walk reaches: around a
        # hub, sorting every arc read cost more than the walk.
        self.unsorted: dict[int, list[Arc]] = defaultdict(list)
        self.sorted: dict[int, list[Arc]] = {}
        entering: dict[int, list[int]] = defaultdict(list)  # the starts of the arcs into a node
        for arc in arcs:
            self.unsorted[arc.start].append(arc)
            entering[arc.end].append(arc.start)
        # reach[k]: the nodes with a walk of exactly k arcs to the target. Pruning on
        # it keeps the enumeration off dead ends: around a hub, "near enough" (a
        # distance of at most k) let thousands of partial paths in that could not
        # end on time.
        self.reach = [{target}]
        for _ in range(max_steps):
            self.reach.append({start for node in self.reach[-1] for start in entering[node]})

    def leaving(self, node: int) -> list[Arc]:
        """The arcs leaving ``node``, in order."""
        found = self.sorted.get(node)
        if found is None:
            found = self.sorted[node] = sorted(self.unsorted.get(node, ()))
        return found

    def walk(self, node: int, path: list[Arc], visited: set[int], length: int) -> None:
        if len(self.paths) > self.limit:
            return
        if len(path) == length:
            if node == self.target:
                self.paths.append(list(path))
            return
        left = length - len(path) - 1
        for arc in self.leaving(node):
            if arc.end in visited or arc.end not in self.reach[left]:
                continue
            path.append(arc)
            visited.add(arc.end)
            self.walk(arc.end, path, visited, length)
            visited.discard(arc.end)
            path.pop()


TRANSFORMATIONS_BY_ID = transformation_select().where(in_ids(TRANSFORMATION.c.id))


def load_transformations(session: Session, ids: set[int]) -> dict[int, Row]:
    """Rows of :func:`transformation_select` by id."""
    rows = children(session, TRANSFORMATIONS_BY_ID, "id", sorted(ids))
    return {tid: found[0] for tid, found in rows.items()}


def _nodes_and_edges(session: Session, *, material_id: int | None) -> tuple[list[Dict], list[Dict]]:
    """The transformations touching a material (or all), and the species at their ends,
    as SpeciesSummary and TransformationSummary dicts."""
    matching = list_transformations(material_id=material_id)
    edges = mappings(session, matching.order_by(TRANSFORMATION.c.slug))
    ends = union(
        matching.with_only_columns(TRANSFORMATION.c.source_id),
        matching.with_only_columns(TRANSFORMATION.c.product_id),
    )
    nodes = species_summaries(
        session,
        mappings(session, species_select().where(SPECIES.c.id.in_(ends)).order_by(SPECIES.c.slug)),
    )
    return nodes, [transformation_summary(t) for t in edges]


def network(session: Session, *, material_id: int | None) -> Network:
    """The transformation network of a material (or all): species as nodes placed by
    their absorption peak, transformations as labelled edges."""
    nodes, edges = _nodes_and_edges(session, material_id=material_id)
    return Network(
        nodes=[
            NetworkNode(
                id=s["slug"],
                material=s["material"],
                kind=s["kind"],
                label=s["label"],
                peak_nm=_first_peak_nm(s),
            )
            for s in nodes
        ],
        edges=[
            NetworkEdge(
                id=t["id"],
                source=t["source"]["slug"],
                target=t["product"]["slug"],
                reversible=t["reversible"],
                trigger=t["trigger"],
                status=t["evidence"]["status"],
                label=edge_label(t),
            )
            for t in edges
        ],
    )


def _first_peak_nm(species: Dict) -> float | None:
    for peak in species["absorption_peaks"]:
        if peak["peak_nm"] is not None:
            return float(peak["peak_nm"])
        if peak["peak_low_nm"] is not None and peak["peak_high_nm"] is not None:
            return float(peak["peak_low_nm"] + peak["peak_high_nm"]) / 2
    return None


def edge_label(transformation: Dict) -> str:
    """Trigger and key conditions in a few words, e.g. "OTA 0.4 mL, 80–480 min"."""
    parts: list[str] = []
    trigger: Trigger = transformation["trigger"]
    status: EvidenceStatus = transformation["evidence"]["status"]
    conditions = transformation["conditions"]
    if trigger is not Trigger.UNKNOWN:
        parts.append(trigger.value)
    if conditions["additive"] is not None:
        volume = conditions["additive_volume_ml"]
        amount = "" if volume is None else f" {volume:g} mL"
        parts.append(f"{conditions['additive']['name']}{amount}")
    if conditions["solvent"] is not None:
        parts.append(conditions["solvent"]["name"])
    if conditions["temperature_c"] is not None:
        parts.append(f"{conditions['temperature_c']:g} °C")
    start, end = conditions["window_start_s"], conditions["window_end_s"]
    if start is not None and end is not None:
        parts.append(f"{start / 60:g}–{end / 60:g} min")
    if status is not EvidenceStatus.REPORTED:
        parts.append(status.value)
    return ", ".join(parts)


def find_paths(
    session: Session, source: int, target: int, *, max_steps: int, limit: int
) -> tuple[list[PathRead], bool]:
    """Every path from ``source`` to ``target`` of at most ``max_steps``, shortest first,
    each step with its direction and conditions; and whether ``limit`` cut the list."""
    arc_paths, truncated = _arc_paths(session, source, target, max_steps=max_steps, limit=limit)
    loaded = load_transformations(
        session, {arc.transformation_id for path in arc_paths for arc in path}
    )
    rows = {tid: transformation_summary(row) for tid, row in loaded.items()}
    paths = []
    for arc_path in arc_paths:
        steps = []
        for arc in arc_path:
            row = rows[arc.transformation_id]
            begin, finish = ("source", "product") if arc.forward else ("product", "source")
            steps.append(
                PathStep.model_validate(
                    {
                        "transformation": row["id"],
                        "from_species": row[begin]["slug"],
                        "to_species": row[finish]["slug"],
                        "direction": "forward" if arc.forward else "reverse",
                        "trigger": row["trigger"],
                        "reversible": row["reversible"],
                        "conditions": row["conditions"],
                        "status": row["evidence"]["status"],
                    }
                )
            )
        slugs = [steps[0].from_species, *(step.to_species for step in steps)]
        paths.append(PathRead(length=len(steps), species=slugs, steps=steps))
    return paths, truncated
