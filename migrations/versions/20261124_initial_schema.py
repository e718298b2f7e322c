"""initial schema

Revision ID: 20261124_0001
Revises:
Create Date: 2026-11-24 22:24:12.577706
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261124_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("formula", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=True),
        sa.CheckConstraint("length(formula) > 0", name=op.f("ck_material_formula_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material")),
        sa.UniqueConstraint("formula", name=op.f("uq_material_formula")),
    )
    op.create_table(
        "reagent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("abbreviation", sa.String(length=40), nullable=True),
        sa.Column("full_name", sa.String(length=300), nullable=True),
        sa.CheckConstraint("length(slug) > 0", name=op.f("ck_reagent_slug_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reagent")),
        sa.UniqueConstraint("slug", name=op.f("uq_reagent_slug")),
    )
    op.create_table(
        "reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column(
            "entry_type",
            sa.Enum(
                "article",
                "book",
                "inbook",
                "misc",
                name="entry_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("journal", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("volume", sa.String(length=40), nullable=True),
        sa.Column("issue", sa.String(length=40), nullable=True),
        sa.Column("pages", sa.String(length=40), nullable=True),
        sa.Column("doi", sa.String(length=200), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("edition", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("length(key) > 0", name=op.f("ck_reference_key_not_empty")),
        sa.CheckConstraint(
            "year IS NULL OR (year >= 1800 AND year <= 2100)", name=op.f("ck_reference_year_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference")),
        sa.UniqueConstraint("doi", name=op.f("uq_reference_doi")),
        sa.UniqueConstraint("key", name=op.f("uq_reference_key")),
    )
    with op.batch_alter_table("reference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_journal"), ["journal"], unique=False)
        batch_op.create_index(batch_op.f("ix_reference_year"), ["year"], unique=False)

    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_citation_reference_id_reference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citation")),
        sa.UniqueConstraint(
            "reference_id", "locator", name=op.f("uq_citation_reference_id_locator")
        ),
    )
    op.create_table(
        "experiment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name=op.f("fk_experiment_material_id_material"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_experiment_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiment")),
        sa.UniqueConstraint("slug", name=op.f("uq_experiment_slug")),
    )
    with op.batch_alter_table("experiment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_experiment_material_id"), ["material_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_experiment_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "glossary_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_glossary_term_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_term")),
        sa.UniqueConstraint("slug", name=op.f("uq_glossary_term_slug")),
    )
    with op.batch_alter_table("glossary_term", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_glossary_term_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "key_advance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref_number", sa.Integer(), nullable=False),
        sa.Column(
            "approach",
            sa.Enum(
                "one-step",
                "two-step",
                name="approach",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("material_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("ref_number >= 1", name=op.f("ck_key_advance_ref_number_positive")),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name=op.f("fk_key_advance_material_id_material"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_key_advance_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_advance")),
        sa.UniqueConstraint("ref_number", name=op.f("uq_key_advance_ref_number")),
    )
    with op.batch_alter_table("key_advance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_key_advance_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "maldi_matrix",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(acronym) > 0", name=op.f("ck_maldi_matrix_acronym_not_empty")),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_maldi_matrix_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maldi_matrix")),
        sa.UniqueConstraint("acronym", name=op.f("uq_maldi_matrix_acronym")),
    )
    with op.batch_alter_table("maldi_matrix", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maldi_matrix_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "mechanism",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("applies_when", sa.Text(), nullable=True),
        sa.Column("organic_analogue", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_mechanism_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mechanism")),
        sa.UniqueConstraint("slug", name=op.f("uq_mechanism_slug")),
    )
    with op.batch_alter_table("mechanism", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mechanism_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "monomer_formula",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("element", sa.String(length=8), nullable=False),
        sa.Column("chalcogen_count", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("chalcogen_count >= 1", name=op.f("ck_monomer_formula_n_positive")),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_monomer_formula_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monomer_formula")),
        sa.UniqueConstraint("element", name=op.f("uq_monomer_formula_element")),
    )
    with op.batch_alter_table("monomer_formula", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_monomer_formula_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "physical_constant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("quantity", sa.String(length=120), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("value_kj_mol", sa.Double(), nullable=False),
        sa.Column("uncertainty_kj_mol", sa.Double(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "uncertainty_kj_mol IS NULL OR uncertainty_kj_mol >= 0",
            name=op.f("ck_physical_constant_unc"),
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_physical_constant_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_physical_constant")),
        sa.UniqueConstraint(
            "quantity", "subject", name=op.f("uq_physical_constant_quantity_subject")
        ),
        sa.UniqueConstraint("slug", name=op.f("uq_physical_constant_slug")),
    )
    with op.batch_alter_table("physical_constant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_physical_constant_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "quasi_isomer_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_quasi_isomer_group_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quasi_isomer_group")),
        sa.UniqueConstraint("slug", name=op.f("uq_quasi_isomer_group_slug")),
    )
    with op.batch_alter_table("quasi_isomer_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quasi_isomer_group_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "reference_author",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=120), nullable=False),
        sa.Column("given", sa.String(length=120), nullable=True),
        sa.CheckConstraint("length(family) > 0", name=op.f("ck_reference_author_family_not_empty")),
        sa.CheckConstraint("position >= 1", name=op.f("ck_reference_author_position_positive")),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_reference_author_reference_id_reference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_author")),
        sa.UniqueConstraint(
            "reference_id", "position", name=op.f("uq_reference_author_reference_id_position")
        ),
    )
    op.create_table(
        "reference_field_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("checked_at", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_reference_field_source_reference_id_reference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_field_source")),
        sa.UniqueConstraint(
            "reference_id", "field", name=op.f("uq_reference_field_source_reference_id_field")
        ),
    )
    op.create_table(
        "species",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "msc",
                "pc",
                "qd",
                "monomer",
                "fragment",
                "intermediate",
                "cluster",
                name="species_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(label) > 0", name=op.f("ck_species_label_not_empty")),
        sa.CheckConstraint("length(slug) > 0", name=op.f("ck_species_slug_not_empty")),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name=op.f("fk_species_material_id_material"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_species_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_species")),
        sa.UniqueConstraint("material_id", "label", name=op.f("uq_species_material_id_label")),
        sa.UniqueConstraint("slug", name=op.f("uq_species_slug")),
    )
    with op.batch_alter_table("species", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_species_material_id"), ["material_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_species_reference_id"), ["reference_id"], unique=False)

    op.create_table(
        "synthesis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("preparation_text", sa.String(length=300), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name=op.f("fk_synthesis_material_id_material"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_synthesis_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_synthesis")),
        sa.UniqueConstraint("slug", name=op.f("uq_synthesis_slug")),
    )
    with op.batch_alter_table("synthesis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_synthesis_material_id"), ["material_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_synthesis_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "absorption_peak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("peak_nm", sa.Double(), nullable=True),
        sa.Column("peak_low_nm", sa.Double(), nullable=True),
        sa.Column("peak_high_nm", sa.Double(), nullable=True),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "((peak_nm IS NULL AND peak_low_nm IS NULL AND peak_high_nm IS NULL) OR (peak_nm IS NOT NULL AND peak_low_nm IS NULL AND peak_high_nm IS NULL) OR (peak_nm IS NULL AND peak_low_nm IS NOT NULL AND peak_high_nm IS NOT NULL AND peak_low_nm <= peak_high_nm)) AND coalesce(peak_nm, 1) > 0 AND coalesce(peak_low_nm, 1) > 0",
            name=op.f("ck_absorption_peak_peak"),
        ),
        sa.CheckConstraint(
            "peak_nm IS NOT NULL OR peak_low_nm IS NOT NULL",
            name=op.f("ck_absorption_peak_peak_given"),
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_absorption_peak_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_absorption_peak_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absorption_peak")),
    )
    with op.batch_alter_table("absorption_peak", schema=None) as batch_op:
        batch_op.create_index("ix_absorption_peak_peak", ["peak_nm", "peak_low_nm"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_absorption_peak_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_absorption_peak_species_id"), ["species_id"], unique=False
        )

    op.create_table(
        "characterization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("method", sa.String(length=200), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=True),
        sa.Column("experiment_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiment.id"],
            name=op.f("fk_characterization_experiment_id_experiment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name=op.f("fk_characterization_material_id_material"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_characterization_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_characterization")),
        sa.UniqueConstraint("slug", name=op.f("uq_characterization_slug")),
    )
    with op.batch_alter_table("characterization", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_characterization_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "comparison",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("aspect", sa.String(length=80), nullable=False),
        sa.Column(
            "finding",
            sa.Enum(
                "similar",
                "different",
                name="finding",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("methods", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("first_id <> second_id", name=op.f("ck_comparison_distinct_species")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["species.id"],
            name=op.f("fk_comparison_first_id_species"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_comparison_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["species.id"],
            name=op.f("fk_comparison_second_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comparison")),
    )
    with op.batch_alter_table("comparison", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comparison_first_id"), ["first_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_comparison_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_comparison_second_id"), ["second_id"], unique=False)

    op.create_table(
        "composition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("formula", sa.String(length=80), nullable=True),
        sa.Column("structure", sa.String(length=200), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "formula IS NOT NULL OR structure IS NOT NULL",
            name=op.f("ck_composition_something_known"),
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_composition_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_composition_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_composition")),
    )
    with op.batch_alter_table("composition", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_composition_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_composition_species_id"), ["species_id"], unique=False)

    op.create_table(
        "condition_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("synthesis_id", sa.Integer(), nullable=True),
        sa.Column("experiment_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "react",
                "heat",
                "hold",
                "ramp",
                "store",
                "disperse",
                "incubate",
                "add",
                "sample",
                "purify",
                name="step_action",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("temperature_end_c", sa.Double(), nullable=True),
        sa.Column("start_s", sa.Double(), nullable=True),
        sa.Column("end_s", sa.Double(), nullable=True),
        sa.Column("duration_s", sa.Double(), nullable=True),
        sa.Column("label", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(synthesis_id IS NULL) <> (experiment_id IS NULL)",
            name=op.f("ck_condition_step_one_parent"),
        ),
        sa.CheckConstraint(
            "duration_s IS NULL OR duration_s > 0", name=op.f("ck_condition_step_duration_positive")
        ),
        sa.CheckConstraint(
            "end_s IS NULL OR start_s IS NULL OR end_s >= start_s",
            name=op.f("ck_condition_step_end_after_start"),
        ),
        sa.CheckConstraint("position >= 1", name=op.f("ck_condition_step_position_positive")),
        sa.CheckConstraint(
            "start_s IS NULL OR start_s >= 0", name=op.f("ck_condition_step_start_not_negative")
        ),
        sa.CheckConstraint(
            "temperature_c IS NULL OR temperature_c >= -273.15",
            name=op.f("ck_condition_step_temperature"),
        ),
        sa.CheckConstraint(
            "temperature_end_c IS NULL OR temperature_end_c >= -273.15",
            name=op.f("ck_condition_step_temperature_end"),
        ),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiment.id"],
            name=op.f("fk_condition_step_experiment_id_experiment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["synthesis_id"],
            ["synthesis.id"],
            name=op.f("fk_condition_step_synthesis_id_synthesis"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_condition_step")),
        sa.UniqueConstraint(
            "experiment_id", "position", name=op.f("uq_condition_step_experiment_id_position")
        ),
        sa.UniqueConstraint(
            "synthesis_id", "position", name=op.f("uq_condition_step_synthesis_id_position")
        ),
    )
    with op.batch_alter_table("condition_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_condition_step_experiment_id"), ["experiment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_condition_step_synthesis_id"), ["synthesis_id"], unique=False
        )

    op.create_table(
        "counterpart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pc_id", sa.Integer(), nullable=False),
        sa.Column("msc_id", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("pc_id <> msc_id", name=op.f("ck_counterpart_distinct_species")),
        sa.ForeignKeyConstraint(
            ["msc_id"],
            ["species.id"],
            name=op.f("fk_counterpart_msc_id_species"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pc_id"], ["species.id"], name=op.f("fk_counterpart_pc_id_species"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_counterpart_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counterpart")),
        sa.UniqueConstraint("pc_id", "msc_id", name=op.f("uq_counterpart_pc_id_msc_id")),
    )
    with op.batch_alter_table("counterpart", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_counterpart_msc_id"), ["msc_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_counterpart_pc_id"), ["pc_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_counterpart_reference_id"), ["reference_id"], unique=False
        )

    op.create_table(
        "isomer_pair",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_isomer_pair_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["species.id"],
            name=op.f("fk_isomer_pair_first_id_species"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_isomer_pair_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["species.id"],
            name=op.f("fk_isomer_pair_second_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_isomer_pair")),
        sa.UniqueConstraint(
            "first_id", "second_id", name=op.f("uq_isomer_pair_first_id_second_id")
        ),
    )
    with op.batch_alter_table("isomer_pair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_isomer_pair_first_id"), ["first_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_isomer_pair_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_isomer_pair_second_id"), ["second_id"], unique=False)

    op.create_table(
        "key_advance_peak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_advance_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("peak_nm", sa.Double(), nullable=True),
        sa.Column("peak_low_nm", sa.Double(), nullable=True),
        sa.Column("peak_high_nm", sa.Double(), nullable=True),
        sa.CheckConstraint(
            "((peak_nm IS NULL AND peak_low_nm IS NULL AND peak_high_nm IS NULL) OR (peak_nm IS NOT NULL AND peak_low_nm IS NULL AND peak_high_nm IS NULL) OR (peak_nm IS NULL AND peak_low_nm IS NOT NULL AND peak_high_nm IS NOT NULL AND peak_low_nm <= peak_high_nm)) AND coalesce(peak_nm, 1) > 0 AND coalesce(peak_low_nm, 1) > 0",
            name=op.f("ck_key_advance_peak_peak"),
        ),
        sa.CheckConstraint(
            "peak_nm IS NOT NULL OR peak_low_nm IS NOT NULL",
            name=op.f("ck_key_advance_peak_peak_given"),
        ),
        sa.ForeignKeyConstraint(
            ["key_advance_id"],
            ["key_advance.id"],
            name=op.f("fk_key_advance_peak_key_advance_id_key_advance"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_advance_peak")),
        sa.UniqueConstraint(
            "key_advance_id", "position", name=op.f("uq_key_advance_peak_key_advance_id_position")
        ),
    )
    op.create_table(
        "maldi_measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("synthesis_id", sa.Integer(), nullable=True),
        sa.Column("matrix_alternatives", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_maldi_measurement_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_maldi_measurement_species_id_species"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["synthesis_id"],
            ["synthesis.id"],
            name=op.f("fk_maldi_measurement_synthesis_id_synthesis"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maldi_measurement")),
        sa.UniqueConstraint("slug", name=op.f("uq_maldi_measurement_slug")),
    )
    with op.batch_alter_table("maldi_measurement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maldi_measurement_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_maldi_measurement_species_id"), ["species_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_maldi_measurement_synthesis_id"), ["synthesis_id"], unique=False
        )

    op.create_table(
        "mechanism_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mechanism_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("equation", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("rate_determining", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("position >= 1", name=op.f("ck_mechanism_step_position_positive")),
        sa.ForeignKeyConstraint(
            ["mechanism_id"],
            ["mechanism.id"],
            name=op.f("fk_mechanism_step_mechanism_id_mechanism"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mechanism_step")),
        sa.UniqueConstraint(
            "mechanism_id", "position", name=op.f("uq_mechanism_step_mechanism_id_position")
        ),
    )
    op.create_table(
        "observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("experiment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column(
            "trend",
            sa.Enum(
                "rises",
                "falls",
                "stable",
                "appears",
                "vanishes",
                "evolves-and-stabilises",
                "red-shifts",
                "present",
                name="trend",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("window_start_s", sa.Double(), nullable=True),
        sa.Column("window_end_s", sa.Double(), nullable=True),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("label", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "species_id IS NOT NULL OR subject IS NOT NULL", name=op.f("ck_observation_has_subject")
        ),
        sa.CheckConstraint(
            "window_end_s IS NULL OR window_start_s IS NULL OR window_end_s >= window_start_s",
            name=op.f("ck_observation_window_order"),
        ),
        sa.CheckConstraint(
            "window_start_s IS NULL OR window_start_s >= 0", name=op.f("ck_observation_start")
        ),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiment.id"],
            name=op.f("fk_observation_experiment_id_experiment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_observation_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_observation_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
        sa.UniqueConstraint(
            "experiment_id", "position", name=op.f("uq_observation_experiment_id_position")
        ),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_observation_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_observation_species_id"), ["species_id"], unique=False)

    op.create_table(
        "quasi_isomer_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["quasi_isomer_group.id"],
            name=op.f("fk_quasi_isomer_member_group_id_quasi_isomer_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_quasi_isomer_member_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quasi_isomer_member")),
        sa.UniqueConstraint(
            "group_id", "species_id", name=op.f("uq_quasi_isomer_member_group_id_species_id")
        ),
    )
    with op.batch_alter_table("quasi_isomer_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quasi_isomer_member_species_id"), ["species_id"], unique=False
        )

    op.create_table(
        "size_measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=80), nullable=False),
        sa.Column("quantity", sa.String(length=120), nullable=False),
        sa.Column("size_nm", sa.Double(), nullable=True),
        sa.Column("size_low_nm", sa.Double(), nullable=True),
        sa.Column("size_high_nm", sa.Double(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "((size_nm IS NULL AND size_low_nm IS NULL AND size_high_nm IS NULL) OR (size_nm IS NOT NULL AND size_low_nm IS NULL AND size_high_nm IS NULL) OR (size_nm IS NULL AND size_low_nm IS NOT NULL AND size_high_nm IS NOT NULL AND size_low_nm <= size_high_nm)) AND coalesce(size_nm, 1) > 0 AND coalesce(size_low_nm, 1) > 0",
            name=op.f("ck_size_measurement_size"),
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_size_measurement_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_size_measurement_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_size_measurement")),
    )
    with op.batch_alter_table("size_measurement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_size_measurement_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_size_measurement_species_id"), ["species_id"], unique=False
        )

    op.create_table(
        "species_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_species_alias_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_species_alias")),
        sa.UniqueConstraint("species_id", "alias", name=op.f("uq_species_alias_species_id_alias")),
    )
    op.create_table(
        "transformation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=160), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("reversible", sa.Boolean(), nullable=True),
        sa.Column(
            "trigger",
            sa.Enum(
                "thermal",
                "chemical",
                "dilution",
                "solvent",
                "spontaneous",
                "unknown",
                name="trigger",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("experiment_id", sa.Integer(), nullable=True),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("solvent_id", sa.Integer(), nullable=True),
        sa.Column("additive_id", sa.Integer(), nullable=True),
        sa.Column("additive_volume_ml", sa.Double(), nullable=True),
        sa.Column("window_start_s", sa.Double(), nullable=True),
        sa.Column("window_end_s", sa.Double(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "additive_volume_ml IS NULL OR additive_volume_ml > 0",
            name=op.f("ck_transformation_additive_volume"),
        ),
        sa.CheckConstraint(
            "source_id <> product_id", name=op.f("ck_transformation_distinct_species")
        ),
        sa.CheckConstraint(
            "temperature_c IS NULL OR temperature_c >= -273.15",
            name=op.f("ck_transformation_temperature"),
        ),
        sa.CheckConstraint(
            "window_end_s IS NULL OR window_start_s IS NULL OR window_end_s >= window_start_s",
            name=op.f("ck_transformation_window_order"),
        ),
        sa.CheckConstraint(
            "window_start_s IS NULL OR window_start_s >= 0",
            name=op.f("ck_transformation_window_start"),
        ),
        sa.ForeignKeyConstraint(
            ["additive_id"],
            ["reagent.id"],
            name=op.f("fk_transformation_additive_id_reagent"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiment.id"],
            name=op.f("fk_transformation_experiment_id_experiment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["species.id"],
            name=op.f("fk_transformation_product_id_species"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_transformation_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["solvent_id"],
            ["reagent.id"],
            name=op.f("fk_transformation_solvent_id_reagent"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["species.id"],
            name=op.f("fk_transformation_source_id_species"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transformation")),
        sa.UniqueConstraint("slug", name=op.f("uq_transformation_slug")),
    )
    with op.batch_alter_table("transformation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transformation_additive_id"), ["additive_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transformation_experiment_id"), ["experiment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transformation_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transformation_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transformation_solvent_id"), ["solvent_id"], unique=False
        )
        batch_op.create_index(
            "ix_transformation_source_product", ["source_id", "product_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_transformation_trigger"), ["trigger"], unique=False)

    op.create_table(
        "isosbestic_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transformation_id", sa.Integer(), nullable=False),
        sa.Column("wavelength_nm", sa.Double(), nullable=False),
        sa.Column("temperature_c", sa.Double(), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "wavelength_nm > 0", name=op.f("ck_isosbestic_point_wavelength_positive")
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_isosbestic_point_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transformation_id"],
            ["transformation.id"],
            name=op.f("fk_isosbestic_point_transformation_id_transformation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_isosbestic_point")),
        sa.UniqueConstraint(
            "transformation_id",
            "temperature_c",
            name=op.f("uq_isosbestic_point_transformation_id_temperature_c"),
        ),
    )
    with op.batch_alter_table("isosbestic_point", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_isosbestic_point_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_isosbestic_point_transformation_id"), ["transformation_id"], unique=False
        )

    op.create_table(
        "kinetics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transformation_id", sa.Integer(), nullable=False),
        sa.Column("solvent_id", sa.Integer(), nullable=True),
        sa.Column("reaction_order", sa.Double(), nullable=True),
        sa.Column("barrier_kj_mol", sa.Double(), nullable=True),
        sa.Column("barrier_uncertainty_kj_mol", sa.Double(), nullable=True),
        sa.Column("relative_rate", sa.String(length=200), nullable=True),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "barrier_kj_mol IS NULL OR barrier_kj_mol > 0",
            name=op.f("ck_kinetics_barrier_positive"),
        ),
        sa.CheckConstraint(
            "barrier_uncertainty_kj_mol IS NULL OR barrier_uncertainty_kj_mol >= 0",
            name=op.f("ck_kinetics_uncertainty_not_negative"),
        ),
        sa.CheckConstraint(
            "reaction_order IS NULL OR reaction_order > 0", name=op.f("ck_kinetics_order_positive")
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_kinetics_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["solvent_id"],
            ["reagent.id"],
            name=op.f("fk_kinetics_solvent_id_reagent"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transformation_id"],
            ["transformation.id"],
            name=op.f("fk_kinetics_transformation_id_transformation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kinetics")),
        sa.UniqueConstraint(
            "transformation_id", "solvent_id", name=op.f("uq_kinetics_transformation_id_solvent_id")
        ),
    )
    with op.batch_alter_table("kinetics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kinetics_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_kinetics_transformation_id"), ["transformation_id"], unique=False
        )

    op.create_table(
        "maldi_measurement_matrix",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("matrix_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["matrix_id"],
            ["maldi_matrix.id"],
            name=op.f("fk_maldi_measurement_matrix_matrix_id_maldi_matrix"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["maldi_measurement.id"],
            name=op.f("fk_maldi_measurement_matrix_measurement_id_maldi_measurement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maldi_measurement_matrix")),
        sa.UniqueConstraint(
            "measurement_id",
            "matrix_id",
            name=op.f("uq_maldi_measurement_matrix_measurement_id_matrix_id"),
        ),
        sa.UniqueConstraint(
            "measurement_id",
            "position",
            name=op.f("uq_maldi_measurement_matrix_measurement_id_position"),
        ),
    )
    with op.batch_alter_table("maldi_measurement_matrix", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maldi_measurement_matrix_matrix_id"), ["matrix_id"], unique=False
        )

    op.create_table(
        "maldi_peak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("mass_da", sa.Double(), nullable=True),
        sa.Column("mass_low_da", sa.Double(), nullable=True),
        sa.Column("mass_high_da", sa.Double(), nullable=True),
        sa.Column("charge", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "((mass_da IS NULL AND mass_low_da IS NULL AND mass_high_da IS NULL) OR (mass_da IS NOT NULL AND mass_low_da IS NULL AND mass_high_da IS NULL) OR (mass_da IS NULL AND mass_low_da IS NOT NULL AND mass_high_da IS NOT NULL AND mass_low_da <= mass_high_da)) AND coalesce(mass_da, 1) > 0 AND coalesce(mass_low_da, 1) > 0",
            name=op.f("ck_maldi_peak_mass"),
        ),
        sa.CheckConstraint("charge <> 0", name=op.f("ck_maldi_peak_charge_not_zero")),
        sa.CheckConstraint(
            "mass_da IS NOT NULL OR mass_low_da IS NOT NULL", name=op.f("ck_maldi_peak_mass_given")
        ),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["maldi_measurement.id"],
            name=op.f("fk_maldi_peak_measurement_id_maldi_measurement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maldi_peak")),
        sa.UniqueConstraint(
            "measurement_id", "position", name=op.f("uq_maldi_peak_measurement_id_position")
        ),
    )
    with op.batch_alter_table("maldi_peak", schema=None) as batch_op:
        batch_op.create_index("ix_maldi_peak_mass", ["mass_da"], unique=False)
        batch_op.create_index(
            "ix_maldi_peak_mass_range", ["mass_low_da", "mass_high_da"], unique=False
        )

    op.create_table(
        "step_component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "precursor",
                "solvent",
                "additive",
                "ligand",
                "sample",
                name="component_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reagent_id", sa.Integer(), nullable=False),
        sa.Column("volume_ml", sa.Double(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.CheckConstraint(
            "volume_ml IS NULL OR volume_ml > 0", name=op.f("ck_step_component_volume_positive")
        ),
        sa.ForeignKeyConstraint(
            ["reagent_id"],
            ["reagent.id"],
            name=op.f("fk_step_component_reagent_id_reagent"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["condition_step.id"],
            name=op.f("fk_step_component_step_id_condition_step"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_component")),
        sa.UniqueConstraint("step_id", "position", name=op.f("uq_step_component_step_id_position")),
    )
    with op.batch_alter_table("step_component", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_step_component_reagent_id"), ["reagent_id"], unique=False
        )

    op.create_table(
        "transformation_mechanism",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transformation_id", sa.Integer(), nullable=False),
        sa.Column("mechanism_id", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mechanism_id"],
            ["mechanism.id"],
            name=op.f("fk_transformation_mechanism_mechanism_id_mechanism"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_transformation_mechanism_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transformation_id"],
            ["transformation.id"],
            name=op.f("fk_transformation_mechanism_transformation_id_transformation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transformation_mechanism")),
        sa.UniqueConstraint(
            "transformation_id",
            "mechanism_id",
            name=op.f("uq_transformation_mechanism_transformation_id_mechanism_id"),
        ),
    )
    with op.batch_alter_table("transformation_mechanism", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transformation_mechanism_mechanism_id"), ["mechanism_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_transformation_mechanism_reference_id"), ["reference_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("transformation_mechanism", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transformation_mechanism_reference_id"))
        batch_op.drop_index(batch_op.f("ix_transformation_mechanism_mechanism_id"))

    op.drop_table("transformation_mechanism")
    with op.batch_alter_table("step_component", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_component_reagent_id"))

    op.drop_table("step_component")
    with op.batch_alter_table("maldi_peak", schema=None) as batch_op:
        batch_op.drop_index("ix_maldi_peak_mass_range")
        batch_op.drop_index("ix_maldi_peak_mass")

    op.drop_table("maldi_peak")
    with op.batch_alter_table("maldi_measurement_matrix", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maldi_measurement_matrix_matrix_id"))

    op.drop_table("maldi_measurement_matrix")
    with op.batch_alter_table("kinetics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kinetics_transformation_id"))
        batch_op.drop_index(batch_op.f("ix_kinetics_reference_id"))

    op.drop_table("kinetics")
    with op.batch_alter_table("isosbestic_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_isosbestic_point_transformation_id"))
        batch_op.drop_index(batch_op.f("ix_isosbestic_point_reference_id"))

    op.drop_table("isosbestic_point")
    with op.batch_alter_table("transformation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transformation_trigger"))
        batch_op.drop_index("ix_transformation_source_product")
        batch_op.drop_index(batch_op.f("ix_transformation_solvent_id"))
        batch_op.drop_index(batch_op.f("ix_transformation_reference_id"))
        batch_op.drop_index(batch_op.f("ix_transformation_product_id"))
        batch_op.drop_index(batch_op.f("ix_transformation_experiment_id"))
        batch_op.drop_index(batch_op.f("ix_transformation_additive_id"))

    op.drop_table("transformation")
    op.drop_table("species_alias")
    with op.batch_alter_table("size_measurement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_size_measurement_species_id"))
        batch_op.drop_index(batch_op.f("ix_size_measurement_reference_id"))

    op.drop_table("size_measurement")
    with op.batch_alter_table("quasi_isomer_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quasi_isomer_member_species_id"))

    op.drop_table("quasi_isomer_member")
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_species_id"))
        batch_op.drop_index(batch_op.f("ix_observation_reference_id"))

    op.drop_table("observation")
    op.drop_table("mechanism_step")
    with op.batch_alter_table("maldi_measurement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maldi_measurement_synthesis_id"))
        batch_op.drop_index(batch_op.f("ix_maldi_measurement_species_id"))
        batch_op.drop_index(batch_op.f("ix_maldi_measurement_reference_id"))

    op.drop_table("maldi_measurement")
    op.drop_table("key_advance_peak")
    with op.batch_alter_table("isomer_pair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_isomer_pair_second_id"))
        batch_op.drop_index(batch_op.f("ix_isomer_pair_reference_id"))
        batch_op.drop_index(batch_op.f("ix_isomer_pair_first_id"))

    op.drop_table("isomer_pair")
    with op.batch_alter_table("counterpart", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_counterpart_reference_id"))
        batch_op.drop_index(batch_op.f("ix_counterpart_pc_id"))
        batch_op.drop_index(batch_op.f("ix_counterpart_msc_id"))

    op.drop_table("counterpart")
    with op.batch_alter_table("condition_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_condition_step_synthesis_id"))
        batch_op.drop_index(batch_op.f("ix_condition_step_experiment_id"))

    op.drop_table("condition_step")
    with op.batch_alter_table("composition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_composition_species_id"))
        batch_op.drop_index(batch_op.f("ix_composition_reference_id"))

    op.drop_table("composition")
    with op.batch_alter_table("comparison", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comparison_second_id"))
        batch_op.drop_index(batch_op.f("ix_comparison_reference_id"))
        batch_op.drop_index(batch_op.f("ix_comparison_first_id"))

    op.drop_table("comparison")
    with op.batch_alter_table("characterization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_characterization_reference_id"))

    op.drop_table("characterization")
    with op.batch_alter_table("absorption_peak", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absorption_peak_species_id"))
        batch_op.drop_index(batch_op.f("ix_absorption_peak_reference_id"))
        batch_op.drop_index("ix_absorption_peak_peak")

    op.drop_table("absorption_peak")
    with op.batch_alter_table("synthesis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_synthesis_reference_id"))
        batch_op.drop_index(batch_op.f("ix_synthesis_material_id"))

    op.drop_table("synthesis")
    with op.batch_alter_table("species", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_species_reference_id"))
        batch_op.drop_index(batch_op.f("ix_species_material_id"))

    op.drop_table("species")
    op.drop_table("reference_field_source")
    op.drop_table("reference_author")
    with op.batch_alter_table("quasi_isomer_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quasi_isomer_group_reference_id"))

    op.drop_table("quasi_isomer_group")
    with op.batch_alter_table("physical_constant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_physical_constant_reference_id"))

    op.drop_table("physical_constant")
    with op.batch_alter_table("monomer_formula", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monomer_formula_reference_id"))

    op.drop_table("monomer_formula")
    with op.batch_alter_table("mechanism", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mechanism_reference_id"))

    op.drop_table("mechanism")
    with op.batch_alter_table("maldi_matrix", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maldi_matrix_reference_id"))

    op.drop_table("maldi_matrix")
    with op.batch_alter_table("key_advance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_advance_reference_id"))

    op.drop_table("key_advance")
    with op.batch_alter_table("glossary_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_glossary_term_reference_id"))

    op.drop_table("glossary_term")
    with op.batch_alter_table("experiment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experiment_reference_id"))
        batch_op.drop_index(batch_op.f("ix_experiment_material_id"))

    op.drop_table("experiment")
    op.drop_table("citation")
    with op.batch_alter_table("reference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_year"))
        batch_op.drop_index(batch_op.f("ix_reference_journal"))

    op.drop_table("reference")
    op.drop_table("reagent")
    op.drop_table("material")
