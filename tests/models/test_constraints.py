"""The schema refuses bad rows on both engines."""

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from models import MaldiMeasurement, MaldiPeak, Material, Species
from models.enums import EvidenceStatus
from tests.helpers import make_reference, make_species


def test_valid_rows_are_accepted(session: Session) -> None:
    species = make_species(session)
    measurement = MaldiMeasurement(
        slug="m1",
        species=species,
        reference=species.reference,
        locator="Table S4, row 2",
        status=EvidenceStatus.REPORTED,
        peaks=[MaldiPeak(position=1, mass_da=5166.7, charge=1)],
    )
    session.add(measurement)
    session.flush()
    assert measurement.id is not None


def test_duplicate_slug_is_refused(session: Session) -> None:
    first = make_species(session)
    with pytest.raises(IntegrityError, match="(?i)unique|duplicate"):
        make_species(
            session,
            slug=first.slug,
            label="MSC-311 again",
            material=first.material,
            reference=first.reference,
        )


def test_duplicate_citation_key_is_refused(session: Session) -> None:
    make_reference(session)
    with pytest.raises(IntegrityError, match="(?i)unique|duplicate"):
        make_reference(session)


def test_dangling_foreign_key_is_refused(session: Session) -> None:
    reference = make_reference(session)
    with pytest.raises(IntegrityError, match="(?i)foreign key"):
        session.execute(
            text(
                "INSERT INTO species (slug, material_id, kind, label, reference_id, locator,"
                " status, approximate) VALUES ('cds-pc-311', 999999, 'pc', 'PC-311', :ref,"
                " 'Table S4, row 1', 'reported', false)"
            ),
            {"ref": reference.id},
        )


@pytest.mark.parametrize(
    ("mass", "low", "high"),
    [
        (-5160.0, None, None),
        (0.0, None, None),
        (None, 90000.0, 60000.0),
        (None, 60000.0, None),
        (5160.0, 5000.0, 6000.0),
        (None, None, None),
    ],
    ids=["negative", "zero", "inverted-range", "half-range", "value-and-range", "nothing"],
)
def test_bad_mass_is_refused(
    session: Session, mass: float | None, low: float | None, high: float | None
) -> None:
    species = make_species(session)
    measurement = MaldiMeasurement(
        slug="m1",
        species=species,
        reference=species.reference,
        locator="Table S4, row 2",
        status=EvidenceStatus.REPORTED,
    )
    session.add(measurement)
    session.flush()
    session.add(
        MaldiPeak(
            measurement_id=measurement.id,
            position=1,
            mass_da=mass,
            mass_low_da=low,
            mass_high_da=high,
        )
    )
    with pytest.raises(IntegrityError, match="(?i)check"):
        session.flush()


def test_mass_range_is_accepted(session: Session) -> None:
    species = make_species(session)
    measurement = MaldiMeasurement(
        slug="m1",
        species=species,
        reference=species.reference,
        locator="Note S2",
        status=EvidenceStatus.REPORTED,
        peaks=[MaldiPeak(position=1, mass_low_da=60000.0, mass_high_da=90000.0)],
    )
    session.add(measurement)
    session.flush()
    assert measurement.peaks[0].mass_da is None


def test_unknown_enumeration_value_is_refused_by_the_database(session: Session) -> None:
    reference = make_reference(session)
    material = Material(formula="CdS")
    session.add(material)
    session.flush()
    with pytest.raises(IntegrityError, match="(?i)check"):
        session.execute(
            text(
                "INSERT INTO species (slug, material_id, kind, label, reference_id, locator,"
                " status, approximate) VALUES ('cds-x-1', :mat, 'nanoplatelet', 'X-1', :ref,"
                " 'Table S4, row 1', 'reported', false)"
            ),
            {"mat": material.id, "ref": reference.id},
        )


def test_unknown_status_is_refused_before_reaching_the_database(session: Session) -> None:
    reference = make_reference(session)
    with pytest.raises(StatementError, match="measured"):
        session.execute(
            insert(Species).values(
                slug="cds-msc-322",
                material_id=1,
                kind="msc",
                label="MSC-322",
                reference_id=reference.id,
                locator="Table S5",
                status="measured",
            )
        )
