"""The benchmark's questions, each as our API's URL, Datasette's URL (where Datasette
can answer it) and the SQL that is the engine's floor, with parameters drawn from
the database so that requests vary."""

import base64
import json
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

Params = dict[str, Any]


@dataclass(frozen=True)
class Query:
    name: str
    ours: Callable[[Params], str]
    sql: str
    """SQLite, with :named parameters."""
    datasette: Callable[[Params], str] | None = None

    @property
    def pg_sql(self) -> str:
        """The same SQL for psycopg (%(name)s parameters)."""
        import re

        return re.sub(r":(\w+)", r"%(\1)s", self.sql)


def _cursor(after: str) -> str:
    raw = json.dumps({"after": after}, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _datasette_sql(sql: str) -> Callable[[Params], str]:
    return lambda p: "/bench.json?" + urlencode({"sql": sql, "_shape": "array", **p})


SPECIES_BY_SLUG = "SELECT * FROM species WHERE slug = :slug"
MALDI_WINDOW = (
    "SELECT m.*, p.mass_da FROM maldi_measurement m JOIN maldi_peak p"
    " ON p.measurement_id = m.id WHERE p.mass_da BETWEEN :low AND :high"
    " ORDER BY m.slug LIMIT 51"
)
MATERIAL_PEAK = (
    "SELECT s.* FROM species s WHERE s.material_id ="
    " (SELECT id FROM material WHERE formula = :material) AND EXISTS"
    " (SELECT 1 FROM absorption_peak a WHERE a.species_id = s.id"
    " AND a.peak_nm BETWEEN :low AND :high) ORDER BY s.slug LIMIT 51"
)
OUT_OF = (
    "SELECT t.* FROM transformation t WHERE t.source_id ="
    " (SELECT id FROM species WHERE slug = :slug) ORDER BY t.slug LIMIT 51"
)
PAGE = "SELECT * FROM species WHERE slug > :after ORDER BY slug LIMIT 51"
FIRST_PAGE = "SELECT * FROM species ORDER BY slug LIMIT 51"

QUERIES: dict[str, Query] = {
    q.name: q
    for q in (
        Query(
            "species_by_slug",
            lambda p: f"/api/v1/species/{p['slug']}",
            SPECIES_BY_SLUG,
            lambda p: f"/bench/species.json?slug={quote(p['slug'])}&_shape=array",
        ),
        Query(
            "maldi_mass_window",
            lambda p: f"/api/v1/maldi?mass_da={(p['low'] + p['high']) / 2}&tolerance_da=5",
            MALDI_WINDOW,
            _datasette_sql(MALDI_WINDOW),
        ),
        Query(
            "species_material_peak",
            lambda p: (
                "/api/v1/species?"
                + urlencode(
                    {"material": p["material"], "peak_nm_min": p["low"], "peak_nm_max": p["high"]}
                )
            ),
            MATERIAL_PEAK,
            _datasette_sql(MATERIAL_PEAK),
        ),
        Query(
            "transformations_out",
            lambda p: f"/api/v1/transformations?source={p['slug']}",
            OUT_OF,
            _datasette_sql(OUT_OF),
        ),
        Query("first_page", lambda p: "/api/v1/species", FIRST_PAGE, _datasette_sql(FIRST_PAGE)),
        Query(
            "page_1000_deep",
            lambda p: f"/api/v1/species?cursor={_cursor(p['after'])}",
            PAGE,
            _datasette_sql(PAGE),
        ),
        Query(
            "paths_4_apart",
            lambda p: (
                "/api/v1/transformations/paths?"
                + urlencode({"source": p["source"], "target": p["target"], "max_steps": 4})
            ),
            "",
        ),
    )
}


def parameters(connection: Any, name: str, count: int, seed: int = 11) -> list[Params]:
    """``count`` parameter sets for query ``name``, drawn from the database."""
    rng = random.Random(seed)

    def one(sql: str) -> Any:
        return connection.execute(sql).fetchone()[0]

    n_species = one("SELECT count(*) FROM species")
    ids = ",".join(str(1 + rng.randrange(n_species)) for _ in range(count))
    slugs = [row[0] for row in connection.execute(f"SELECT slug FROM species WHERE id IN ({ids})")]
    if name == "species_by_slug":
        return [{"slug": s} for s in slugs]
    if name == "maldi_mass_window":
        masses = [rng.uniform(1_000, 100_000) for _ in range(count)]
        return [{"low": m - 5, "high": m + 5} for m in masses]
    if name == "species_material_peak":
        materials = [r[0] for r in connection.execute("SELECT formula FROM material").fetchall()]
        out = []
        for _ in range(count):
            low = rng.uniform(300, 690)
            out.append({"material": rng.choice(materials), "low": low, "high": low + 10})
        return out
    if name == "transformations_out":
        return [{"slug": s} for s in slugs]
    if name == "first_page":
        return [{}] * count
    if name == "page_1000_deep":
        after = connection.execute(
            "SELECT slug FROM species ORDER BY slug LIMIT 1 OFFSET 49999"
        ).fetchone()[0]
        return [{"after": after}] * count
    if name == "paths_4_apart":
        return _pairs_four_apart(connection, rng, count)
    raise KeyError(name)


def _pairs_four_apart(connection: Any, rng: random.Random, count: int) -> list[Params]:
    """Species pairs whose shortest path (reversible arcs both ways) is four steps."""
    arcs: dict[int, list[int]] = {}
    for source, product, reversible in connection.execute(
        "SELECT source_id, product_id, reversible FROM transformation"
    ).fetchall():
        arcs.setdefault(source, []).append(product)
        if reversible:
            arcs.setdefault(product, []).append(source)
    slug = dict(connection.execute("SELECT id, slug FROM species").fetchall())
    starts = list(arcs)
    pairs: list[Params] = []
    while len(pairs) < count:
        start = rng.choice(starts)
        depth = {start: 0}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if depth[node] == 4:
                continue
            for nxt in arcs.get(node, ()):
                if nxt not in depth:
                    depth[nxt] = depth[node] + 1
                    queue.append(nxt)
        far = [n for n, d in depth.items() if d == 4]
        if far:
            pairs.append({"source": slug[start], "target": slug[rng.choice(far)]})
    return pairs
