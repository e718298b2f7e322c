"""Grow a synthetic MSC-KB at scale, through the project's own migrations and tables.

    .venv/bin/python -m bench.generate --url sqlite:///bench/.data/bench.sqlite3 [--scale 1]

At scale 1: 200,000 species over a dozen materials, 1,000,000 MALDI measurements
(one peak each, 1-100 kDa), 500,000 transformations (a few hub species take a large
share), 100,000 references. Peaks are 300-700 nm. The numbers are made up: this
database is for measuring speed, never for facts.
"""

import argparse
import random
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, Table, insert

from api.store.db import make_engine
from api.store.migrate import upgrade
from models import Base

MATERIALS = [
    *("CdS", "CdSe", "CdTe", "ZnS", "ZnSe", "ZnTe"),
    *("PbS", "PbSe", "InP", "InAs", "GaAs", "CuInS2"),
]
KINDS = ["msc", "pc", "msc", "msc", "pc", "intermediate", "fragment", "qd"]
TRIGGERS = ["thermal", "chemical", "dilution", "solvent", "spontaneous", "unknown"]
STATUSES = ["reported", "reported", "reported", "proposed", "hypothesised", "argued"]
BATCH = 20_000


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _fill(engine: Engine, table: Table, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    for batch in _batches(rows):
        with engine.begin() as connection:
            connection.execute(insert(table), batch)
        count += len(batch)
    return count


def generate(url: str, scale: float, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    t = Base.metadata.tables
    n_species = int(200_000 * scale)
    n_maldi = int(1_000_000 * scale)
    n_transformations = int(500_000 * scale)
    n_references = int(100_000 * scale)
    counts: dict[str, int] = {}

    counts["material"] = _fill(
        engine, t["material"], ({"id": i + 1, "formula": f} for i, f in enumerate(MATERIALS))
    )
    counts["reference"] = _fill(
        engine,
        t["reference"],
        (
            {
                "id": i + 1,
                "key": f"author{i:06d}{1990 + i % 35}",
                "entry_type": "article",
                "title": f"Synthetic study {i} of magic-size clusters",
                "journal": rng.choice(["Chem. Mater.", "Nat. Commun.", "J. Am. Chem. Soc."]),
                "year": 1990 + i % 35,
                "volume": str(1 + i % 60),
                "pages": f"{i % 9000}–{i % 9000 + 9}",
                "version": 1,
            }
            for i in range(n_references)
        ),
    )

    def evidence(i: int) -> dict[str, Any]:
        return {
            "reference_id": 1 + (i * 7919) % n_references,
            "locator": f"Table S{1 + i % 5}, row {1 + i % 40}",
            "status": STATUSES[i % len(STATUSES)],
            "approximate": i % 11 == 0,
        }

    def species() -> Iterator[dict[str, Any]]:
        for i in range(n_species):
            material = 1 + i % len(MATERIALS)
            kind = KINDS[i % len(KINDS)]
            label = f"{kind.upper()}-{300 + i % 400}-{i}"
            yield {
                "id": i + 1,
                "slug": f"{MATERIALS[material - 1].lower()}-{label.lower()}",
                "material_id": material,
                "kind": kind,
                "label": label,
                "version": 1,
                **evidence(i),
            }

    counts["species"] = _fill(engine, t["species"], species())
    counts["absorption_peak"] = _fill(
        engine,
        t["absorption_peak"],
        (
            {"species_id": i + 1, "peak_nm": round(rng.uniform(300, 700), 1), **evidence(i)}
            for i in range(n_species)
        ),
    )
    counts["maldi_measurement"] = _fill(
        engine,
        t["maldi_measurement"],
        (
            {
                "id": i + 1,
                "slug": f"maldi-{i:07d}",
                "species_id": 1 + rng.randrange(n_species),
                "matrix_alternatives": False,
                "version": 1,
                **evidence(i),
            }
            for i in range(n_maldi)
        ),
    )
    counts["maldi_peak"] = _fill(
        engine,
        t["maldi_peak"],
        (
            {
                "measurement_id": i + 1,
                "position": 1,
                "mass_da": round(rng.uniform(1_000, 100_000), 1),
                "charge": 1,
            }
            for i in range(n_maldi)
        ),
    )
    hubs = [1 + rng.randrange(n_species) for _ in range(20)]

    def endpoint() -> int:
        # A few hubs take about a tenth of all ends; the rest spread evenly.
        return rng.choice(hubs) if rng.random() < 0.1 else 1 + rng.randrange(n_species)

    def transformations() -> Iterator[dict[str, Any]]:
        for i in range(n_transformations):
            source = endpoint()
            product = endpoint()
            while product == source:
                product = 1 + rng.randrange(n_species)
            yield {
                "id": i + 1,
                "slug": f"t-{i:07d}",
                "source_id": source,
                "product_id": product,
                "reversible": rng.random() < 0.2,
                "trigger": TRIGGERS[i % len(TRIGGERS)],
                "temperature_c": float(rng.choice([15, 30, 46, 60, 80, 180])),
                "version": 1,
                **evidence(i),
            }

    counts["transformation"] = _fill(engine, t["transformation"], transformations())
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="SQLAlchemy URL of an empty database")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.url, args.scale)
    elapsed = time.perf_counter() - started
    print(f"generated in {elapsed:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
