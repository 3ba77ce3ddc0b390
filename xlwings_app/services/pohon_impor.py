"""Service ``kinerja pohon impor``: the DPA/SIPD program, kegiatan and sub kegiatan table into sheet
Pohon Kinerja.

Rules (``domain.tree.dpa``, docs/pohon-kinerja.md "Impor DPA/SIPD"):
- the source is SIPD's export as CSV (comma or semicolon, UTF-8 with or without BOM) or xlsx, or a
  sheet of the master itself where the export was pasted (``sheet``); an xlsx's sheet is the one
  named, else the first whose header the reader finds;
- columns are found by their headers; every row is read; every problem names its row and cell;
- all or nothing: one galat and nothing is written (``ImporDitolak``, every problem listed);
- the master keeps its tujuan and sasaran; a program, kegiatan or sub kegiatan of the export replaces
  the node of the same code (its Induk and Penanggung Jawab kept), the export's nodes take the place
  of the nomenclature nodes the export does not have (they are listed as removed); a program new to
  the tree gets no sasaran: the notes ask to fill its Induk;
- the sheet is rewritten (``PutPohon``) in one commit, with a backup, like every write.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.dpa import DpaImport, find_header, read_dpa
from xlwings_app.domain.tree.model import Node
from xlwings_app.domain.tree.rollup import DEFAULT_METODE
from xlwings_app.services.master import using
from xlwings_app.sheets.changes import PutPohon
from xlwings_app.sheets.pohon import SHEET_POHON, nomenklatur, pohon_values


class ImporDitolak(Refusal):
    """The export does not fit: nothing was imported (exit code 2, every problem listed)."""


@dataclass
class HasilImpor:
    """What was imported."""

    nodes: tuple[Node, ...]
    baru: int
    diganti: int
    dihapus: list[str]
    catatan: list[Problem] = field(default_factory=list)
    cadangan: Path | None = None

    def jumlah(self, jenjang: Jenjang) -> int:
        return sum(1 for n in self.nodes if n.jenjang is jenjang)


def read_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[object]]]:
    """The source's sheet name and rows: a CSV's lines (delimiter sniffed), or an xlsx sheet's cells."""
    if path.suffix.lower() in (".csv", ".txt"):
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        return path.name, [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    with using(path) as source:
        names = source.sheet_names()
        if sheet is not None:
            if sheet not in names:
                raise ImporDitolak(f"Sheet '{sheet}' tidak ada di {path.name} (sheet yang ada: {', '.join(names)}).")
            return sheet, source.rows(sheet)
        for name in names:
            rows = source.rows(name)
            if find_header(rows)[0] is not None:
                return name, rows
    raise ImporDitolak(f"{path.name}: tidak ada sheet dengan kepala tabel program/kegiatan/sub kegiatan dan pagu.")


def merge(existing: tuple[Node, ...], imported: tuple[Node, ...]) -> tuple[tuple[Node, ...], int, int, list[str]]:
    """The master's tujuan and sasaran, then the export's nodes (module docstring): nodes, new, replaced,
    removed codes."""
    kept = {n.key: n for n in existing}
    top = [n for n in existing if not n.jenjang.has_national_code]
    nodes, baru, diganti = list(top), 0, 0
    for node in imported:
        old = kept.get(node.key)
        if old is not None and old.jenjang is node.jenjang:
            diganti += 1
            node = replace(node, induk=node.induk or old.induk, penanggung_jawab=old.penanggung_jawab,
                           realisasi_anggaran=node.realisasi_anggaran if node.realisasi_anggaran is not None
                           else old.realisasi_anggaran)  # fmt: skip
        else:
            baru += 1
        nodes.append(node)
    new_keys = {n.key for n in imported}
    removed = [n.kode for n in existing if n.jenjang.has_national_code and n.key not in new_keys]
    return tuple(nodes), baru, diganti, removed


def impor(master_path: Path, source: Path | None = None, sheet: str | None = None) -> HasilImpor:
    """Import the export ``source`` (or the master's own ``sheet``) into sheet Pohon Kinerja."""
    with using(master_path) as master:
        if source is None:
            if sheet is None:
                raise ImporDitolak("Sebutkan berkas ekspor SIPD, atau --sheet bila ekspor ditempel di workbook ini.")
            if sheet not in master.sheet_names():
                raise ImporDitolak(f"Sheet '{sheet}' tidak ada di {master.name}.")
            name, rows = sheet, master.rows(sheet)
            file = master.name
        else:
            name, rows = read_rows(source, sheet)
            file = source.name
        result: DpaImport = read_dpa(rows, name, nomenklatur=nomenklatur())
        problems = [p.in_file(file) for p in result.problems]
        if not result.ok:
            raise ImporDitolak(
                f"Impor dibatalkan, tidak ada yang ditulis: {sum(p.is_error for p in problems)} baris/sel ekspor "
                "harus diperbaiki dulu (semua atau tidak sama sekali):", [p for p in problems if p.is_error],
            )  # fmt: skip
        data = master.data()
        pohon = data.pohon
        existing = pohon.nodes if pohon is not None else ()
        nodes, baru, diganti, dihapus = merge(existing, result.nodes)
        notes = [p for p in problems if not p.is_error]
        if any(n.jenjang is Jenjang.SASARAN for n in nodes):
            for node in nodes:
                if node.jenjang is Jenjang.PROGRAM and not node.induk:
                    notes.append(Problem(f"Program {node.kode} belum berada di sasaran mana pun: isi kolom Induk "
                                         f"di sheet {SHEET_POHON}.", SHEET_POHON, tingkat="peringatan"))  # fmt: skip
        unit = data.profil.unit if data.profil else ""
        metode = pohon.metode if pohon is not None else DEFAULT_METODE
        master.stage(PutPohon(pohon_values(nodes, unit, metode)))
        cadangan = master.commit()
    return HasilImpor(nodes, baru, diganti, dihapus, notes, cadangan)


@dataclass
class HasilMulai:
    """The sheets started from a two-level workbook."""

    nodes: tuple[Node, ...]
    manual: int
    catatan: list[Problem] = field(default_factory=list)
    cadangan: Path | None = None


def mulai(master_path: Path, overwrite: bool = False) -> HasilMulai:
    """Add sheets Pohon Kinerja and Manual Indikator to a two-level workbook, filled with what its data
    says (``domain.tree.migration``: a sasaran per Sasaran Strategis, programs and kegiatan from codes or
    nomenclature names in Program/Kegiatan) and one Manual Indikator row per indicator with its node;
    refused when the workbook has them already (``overwrite`` replaces them)."""
    from xlwings_app.domain.tree.manual import ManualIndikator
    from xlwings_app.domain.tree.migration import tree_from_indicators
    from xlwings_app.sheets.pohon import SHEET_MANUAL, manual_values

    with using(master_path) as master:
        present = [s for s in (SHEET_POHON, SHEET_MANUAL) if s in master.sheet_names()]
        if present and not overwrite:
            raise ImporDitolak(f"Workbook sudah punya sheet {' dan '.join(present)}: tidak ditimpa (pakai --timpa).")
        data = master.data()
        if data.errors:
            raise ImporDitolak(f"Sheet pohon tidak dibuat: {len(data.errors)} masalah pada data harus diperbaiki dulu.",
                               data.errors)  # fmt: skip
        migration = tree_from_indicators(data.indicators, nomenklatur(), data.cells)
        tree = migration.tree
        simpul = {h.indicator.kode: h.node for h in tree.indicators}
        manuals = [ManualIndikator(i.kode) for i in data.indicators]
        unit = data.profil.unit if data.profil else ""
        master.stage(PutPohon(pohon_values(tree.nodes, unit), manual_values(manuals, simpul)))
        cadangan = master.commit()
    return HasilMulai(tree.nodes, len(manuals), [p.in_file(master_path.name) for p in migration.problems], cadangan)
