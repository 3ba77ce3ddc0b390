"""A workbook written as literal rows, for the sheet readers' tests: ``Rows({"IKU": [[...], ...]})``.

What an engine hands the readers (``sheets.source.SheetSource``): the sheet names and each sheet's
rows from row 1, plus, when given, its Excel Tables and merged ranges.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.sheets.source import TableInfo


class Rows:
    """The sheets ``sheets`` (name → rows from row 1), their ``tables`` and ``merged`` ranges."""

    def __init__(
        self,
        sheets: dict[str, Sequence[Sequence[object]]],
        tables: dict[str, list[TableInfo]] | None = None,
        merged: dict[str, list[str]] | None = None,
    ) -> None:
        self._sheets = {name: [list(row) for row in rows] for name, rows in sheets.items()}
        self._tables = tables or {}
        self._merged = merged
        self.reads: list[str] = []

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def iter_values(self, sheet: str) -> list[list[object]]:
        self.reads.append(sheet)
        return self._sheets[sheet]

    def tables(self, sheet: str) -> list[TableInfo]:
        return self._tables.get(sheet, [])

    def merged(self, sheet: str) -> list[str]:
        return (self._merged or {}).get(sheet, [])


def numbered(rows: Sequence[Sequence[object]]) -> list[tuple[int, Sequence[object]]]:
    """``rows`` with their 1-based row numbers, as ``sheets.source.sheet_rows`` gives them."""
    return list(enumerate(rows, start=1))


def profil_rows(**values: object) -> list[list[object]]:
    """Sheet Profil as ``kinerja baru`` lays it out (title rows, then label | value), each field's
    example value unless ``values`` gives another (``None`` leaves it empty; ``...`` drops its row)."""
    from xlwings_app.sheets import layout as L

    rows: list[list[object]] = [["Profil Unit Kerja"], []]
    for field in L.layout().profil:
        value = values.get(field.key, field.contoh.split(" (")[0] if field.required else None)
        if value is not ...:
            rows.append([field.label, value])
    return rows


def indicator_rows(jenis: str, *rows: dict[str, object], title_rows: int = 3) -> list[list[object]]:
    """An IKU or IKI table: ``title_rows`` rows, the header row of every input column, one row per
    dict (column key → value)."""
    from xlwings_app.domain.indicator import Jenis
    from xlwings_app.sheets import layout as L

    columns = L.layout().tables[Jenis(jenis)].inputs
    return [["Judul"]] * title_rows + [[c.header for c in columns]] + [[row.get(c.key) for c in columns] for row in rows]


IKU_ROW: dict[str, object] = {
    "kode": "IKU-01", "sasaran": "Meningkatnya pelayanan", "nama": "Indeks kepuasan", "satuan": "indeks",
    "polaritas": "Positif", "agregasi": "Akhir", "target_tahunan": 80, "t1": 80, "t2": 80, "t3": 80, "t4": 80,
    "r1": 81,
}  # fmt: skip
