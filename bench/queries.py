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
    """``count`` distinct parameter sets for query ``name``, drawn from the database (at
    most as many as the database holds: one species per slug ...).

    ``first_page`` is the one exception: it has no parameters (the species list as
    everyone opens it first), so its one URL is a cache hit in every load but the
    first request; any parameter would make it another query."""
    rng = random.Random(seed)

    def one(sql: str) -> Any:
        return connection.execute(sql).fetchone()[0]

    def species_slugs() -> list[str]:
        n_species = one("SELECT count(*) FROM species")
        ids = ",".join(str(i) for i in rng.sample(range(1, n_species + 1), min(count, n_species)))
        found = [r[0] for r in connection.execute(f"SELECT slug FROM species WHERE id IN ({ids})")]
        rng.shuffle(found)  # the database answers in id order
        return found

    if name == "species_by_slug":
        return [{"slug": s} for s in species_slugs()]
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
        return [{"slug": s} for s in species_slugs()]
    if name == "first_page":
        return [{}] * count
    if name == "page_1000_deep":
        # Keyset pages cost the same at any depth past the first: cursors at 1,000
        # pages of 50 and beyond (half the list on a small database).
        ordered = [r[0] for r in connection.execute("SELECT slug FROM species ORDER BY slug")]
        first = min(49_999, len(ordered) // 2)
        positions = range(first, max(first + 1, len(ordered) - 51))
        return [{"after": ordered[i]} for i in rng.sample(positions, min(count, len(positions)))]
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
    seen: set[tuple[int, int]] = set()
    # A walk four steps out from a start near a hub takes 0.1-0.2 s at scale 1: for
    # thousands of pairs, several targets per start (200 walks for 10,000 pairs).
    per_start = max(1, count // 200)
    attempts = 0
    while len(pairs) < count and attempts < 20 * count:
        attempts += 1
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
        for target in rng.sample(far, min(len(far), per_start, count - len(pairs))):
            if (start, target) not in seen:
                seen.add((start, target))
                pairs.append({"source": slug[start], "target": slug[target]})
    return pairs
