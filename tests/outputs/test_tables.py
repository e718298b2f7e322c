"""The LaTeX tables compile: every one of S1 to S5, wrapped in a minimal document,
goes through pdflatex. Skipped without pdflatex, unless CI is set (then it fails)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from api.outputs.tables import TableName, build_table, to_latex

DOCUMENT = r"""\documentclass{article}
\usepackage{booktabs}
\usepackage{amssymb}
\begin{document}
%s
\end{document}
"""


@pytest.fixture(scope="session")
def pdflatex() -> str:
    found = shutil.which("pdflatex")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pdflatex is missing; CI must compile the LaTeX tables (see .ci/run)")
        pytest.skip("pdflatex is not installed")
    return found


@pytest.mark.parametrize("name", list(TableName))
def test_latex_table_compiles_with_pdflatex(
    seeded: Session, pdflatex: str, tmp_path: Path, name: TableName
) -> None:
    latex = to_latex(build_table(seeded, name.value))
    # Everything beyond ASCII is a macro: pdflatex has no glyph for a raw β or ⇄.
    assert latex.isascii(), [ch for ch in latex if not ch.isascii()]
    (tmp_path / "table.tex").write_text(DOCUMENT % latex, encoding="utf-8")
    run = subprocess.run(
        [pdflatex, "-halt-on-error", "-interaction=nonstopmode", "table.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert (tmp_path / "table.pdf").stat().st_size > 0
