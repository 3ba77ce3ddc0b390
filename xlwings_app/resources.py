"""Where the non-Python parts of the product live: workbook/, macros/, report_templates/.

In a wheel they are packed under ``xlwings_app/_data``; in a source checkout (``pip install -e``)
they are the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder ``name`` (``"workbook"``, ``"macros"`` or ``"report_templates"``)."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def nomenklatur_files() -> list[Path]:
    """The national nomenclature lists shipped in workbook/nomenklatur, one CSV per bidang urusan
    (read with ``domain.tree.nomenklatur.parse_nomenklatur``)."""
    return sorted((resource_dir("workbook") / "nomenklatur").glob("*.csv"))
