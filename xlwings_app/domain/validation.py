"""Checks across rows: what no single row can tell (the beancount habit: ``check -> problems``).

- Every kode is unique in the workbook (IKU and IKI together): the document and the forms
  identify an indicator by it. Kodes are compared normalised (``rows.normalise_kode``) and case
  ignored; a duplicate names both cells. Rows with errors count too (``seen``).
- Every IKI names an existing IKU as its parent (cascading, PermenPANRB 89/2021); an IKU row with
  a bad cell still exists for this check (its own error is reported on its row).
- A penanggung jawab, once the table of officials (sheet Pejabat) has entries, is one of its jabatan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import KodeSeen


def check_indicators(
    indicators: Sequence[Indicator],
    cells: Mapping[tuple[str, int, str], str] | None = None,
    daftar_penanggung_jawab: Sequence[str] = (),
    seen: Sequence[KodeSeen] | None = None,
) -> list[Problem]:
    """All cross-row problems; ``cells`` maps (sheet, row, key) to a cell address for messages;
    ``seen`` is every kode read (rows with errors too), by default those of ``indicators``."""
    cells = cells or {}
    problems: list[Problem] = []

    def at(ind: Indicator, key: str, kolom: str, pesan: str, nilai: object) -> Problem:
        return Problem(pesan, ind.sheet, ind.baris, kolom, cells.get((ind.sheet, ind.baris or 0, key)), nilai)

    if seen is None:
        seen = [
            KodeSeen(i.jenis, i.kode, i.sheet, i.baris or 0, cells.get((i.sheet, i.baris or 0, "kode")))
            for i in indicators
        ]
    first: dict[str, KodeSeen] = {}
    for row in seen:
        key = row.kode.casefold()
        if not key:
            continue
        if key in first:
            other = first[key]
            where = f"sel {other.sheet}!{other.sel}" if other.sel else f"sheet {other.sheet} baris {other.baris}"
            problems.append(
                Problem(
                    f"Kode '{row.kode}' ganda: sudah dipakai di {where} (sel {row.sheet}!{row.sel}).",
                    row.sheet, row.baris, "Kode", row.sel, row.kode,
                )
            )
        else:
            first[key] = row
    iku = {row.kode.casefold() for row in seen if row.jenis is Jenis.IKU}
    for ind in indicators:
        if ind.jenis is Jenis.IKI and ind.induk and ind.induk.casefold() not in iku:
            problems.append(
                at(ind, "induk", "IKU Induk", f"IKU Induk '{ind.induk}' tidak ada di sheet IKU.", ind.induk)
            )
    allowed = {" ".join(p.split()).casefold() for p in daftar_penanggung_jawab if p}
    if allowed:
        for ind in indicators:
            if ind.penanggung_jawab and " ".join(ind.penanggung_jawab.split()).casefold() not in allowed:
                problems.append(
                    at(
                        ind,
                        "penanggung_jawab",
                        "Penanggung Jawab",
                        f"Penanggung Jawab '{ind.penanggung_jawab}' tidak ada di tabel Pejabat (sheet Pejabat): "
                        "tambahkan jabatannya di sana atau pilih dari daftar.",
                        ind.penanggung_jawab,
                    )
                )
    return problems
