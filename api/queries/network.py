"""The transformation network: paths between two species, and its nodes and edges.

A transformation is an arc from its source to its product; a reversible one is
also an arc back. Paths are found by a bidirectional search that reads only
the arcs around the two ends (one query per level, from whichever side has the
smaller frontier), then enumerated in memory, shortest first.
"""

from collections import defaultdict, deque
from dataclasses import dataclass

from sqlalchemy import or_, select, union
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from api.queries import CHUNK, SPECIES, Dict, children, in_ids, mappings
from api.queries.species import species_select, species_summaries
from api.queries.transformations import (
    TRANSFORMATION,
    list_transformations,
    transformation_select,
    transformation_summary,
)


@dataclass(frozen=True)
class Arc:
    transformation_id: int
    start: int
    end: int
    forward: bool
    """False for a reversible transformation walked from its product to its source."""


def _arcs(session: Session, nodes: set[int], *, outgoing: bool) -> list[Arc]:
    """The arcs leaving (``outgoing``) or entering ``nodes``."""
    found: list[Arc] = []
    ordered = sorted(nodes)
    for i in range(0, len(ordered), CHUNK):
        chunk = ordered[i : i + CHUNK]
        rows = session.execute(
            select(
                TRANSFORMATION.c.id,
                TRANSFORMATION.c.source_id,
                TRANSFORMATION.c.product_id,
                TRANSFORMATION.c.reversible,
            ).where(
                or_(TRANSFORMATION.c.source_id.in_(chunk), TRANSFORMATION.c.product_id.in_(chunk))
            )
        )
        for tid, source, product, reversible in rows:
            candidates = [Arc(tid, source, product, True)]
            if reversible:
                candidates.append(Arc(tid, product, source, False))
            found.extend(a for a in candidates if (a.start if outgoing else a.end) in nodes)
    return found


def _arcs_near(session: Session, source: int, target: int, max_steps: int) -> set[Arc]:
    """Every arc that can lie on a path of at most ``max_steps`` from source to target.

    The forward search expands the nodes at distance < a from the source, the
    backward one those at distance < b from the target, with a + b = max_steps:
    on any such path, an arc leaving position i < a is read forward and an arc
    entering position i + 1 > a is read backward.
    """
    arcs: set[Arc] = set()
    seen = ({source}, {target})
    frontiers = ({source}, {target})
    depth = 0
    while depth < max_steps and all(frontiers):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        new = _arcs(session, frontiers[side], outgoing=side == 0)
        arcs.update(new)
        reached = {a.end if side == 0 else a.start for a in new} - seen[side]
        seen[side].update(reached)
        frontiers = (reached, frontiers[1]) if side == 0 else (frontiers[0], reached)
        depth += 1
    return arcs


def find_paths(
    session: Session, source: int, target: int, *, max_steps: int, limit: int
) -> tuple[list[list[Arc]], bool]:
    """Simple paths from source to target, shortest first; and whether more than
    ``limit`` exist."""
    arcs = _arcs_near(session, source, target, max_steps)
    leaving: dict[int, list[Arc]] = defaultdict(list)
    entering: dict[int, list[Arc]] = defaultdict(list)
    for arc in sorted(arcs, key=lambda a: (a.transformation_id, a.forward)):
        leaving[arc.start].append(arc)
        entering[arc.end].append(arc)
    to_target = {target: 0}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for arc in entering[node]:
            if arc.start not in to_target:
                to_target[arc.start] = to_target[node] + 1
                queue.append(arc.start)

    paths: list[list[Arc]] = []

    def walk(node: int, path: list[Arc], visited: set[int], length: int) -> None:
        if len(paths) > limit:
            return
        if len(path) == length:
            if node == target:
                paths.append(list(path))
            return
        left = length - len(path) - 1
        for arc in leaving[node]:
            if arc.end in visited or to_target.get(arc.end, max_steps + 1) > left:
                continue
            path.append(arc)
            visited.add(arc.end)
            walk(arc.end, path, visited, length)
            visited.discard(arc.end)
            path.pop()

    if source in to_target:
        for length in range(to_target[source], max_steps + 1):
            walk(source, [], {source}, length)
            if len(paths) > limit:
                break
    return paths[:limit], len(paths) > limit


TRANSFORMATIONS_BY_ID = transformation_select().where(in_ids(TRANSFORMATION.c.id))


def load_transformations(session: Session, ids: set[int]) -> dict[int, RowMapping]:
    """Rows of :func:`transformation_select` by id."""
    rows = children(session, TRANSFORMATIONS_BY_ID, "id", sorted(ids))
    return {tid: found[0] for tid, found in rows.items()}


def network(session: Session, *, material_id: int | None) -> tuple[list[Dict], list[Dict]]:
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
