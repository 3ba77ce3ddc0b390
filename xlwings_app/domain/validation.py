"""Checks across rows: what no single row can tell (the beancount habit: ``check -> problems``).

- Every kode is unique in the workbook (IKU and IKI together): the document and the forms
  identify an indicator by it.
- Every IKI names an existing IKU as its parent (cascading, PermenPANRB 89/2021).
- A penanggung jawab, once the table of officials (sheet Pejabat) has entries, is one of its jabatan.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.problems import Problem


def check_indicators(
    indicators: Sequence[Indicator],
    cells: dict[tuple[str, int, str], str] | None = None,
    daftar_penanggung_jawab: Sequence[str] = (),
    known_iku: Collection[str] = (),
) -> list[Problem]:
    """All cross-row problems; ``cells`` maps (sheet, row, key) to a cell address for messages.

    ``known_iku`` are the kodes of IKU rows that exist but could not be read as indicators (their
    own problems say why): an IKI naming one is not told that its parent is missing.
    """
    cells = cells or {}
    problems: list[Problem] = []

    def at(ind: Indicator, key: str, kolom: str, pesan: str, nilai: object) -> Problem:
        return Problem(pesan, ind.sheet, ind.baris, kolom, cells.get((ind.sheet, ind.baris or 0, key)), nilai)

    first: dict[str, Indicator] = {}
    for ind in indicators:
        key = ind.kode.casefold()
        if key in first:
            other = first[key]
            problems.append(
                at(
                    ind,
                    "kode",
                    "Kode",
                    f"Kode '{ind.kode}' ganda: sudah dipakai di sheet {other.sheet} baris {other.baris}.",
                    ind.kode,
                )
            )
        else:
            first[key] = ind
    iku = {i.kode.casefold() for i in indicators if i.jenis is Jenis.IKU} | {k.casefold() for k in known_iku}
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
