"""The planning round: ``kinerja formulir --rencana`` hands out a Formulir Rencana Kinerja per
penanggung jawab; ``kinerja rekap --rencana`` brings the returned ones into the master, all or nothing.

Rules (SOP Prosedur Penyusunan Perencanaan Kinerja step 4, Penyusunan Pengukuran Kinerja step 5:
"bersama seluruh kasubbag dan seksi", Output "Form Rencana Kinerja";
``domain.administrasi.formulir_rencana``, ``periksa_rencana``, ``gabung_rencana``):
- one form per penanggung jawab of the master's year (the plan year: the workbook ``kinerja baru
  --dari`` made), and one of blank rows for each official of sheet Pejabat without an indicator;
- the rekap reads every form of the folders (a file that is no planning form is a problem), checks
  them all against the master and each other, and lists every problem at once (file, sheet, cell);
  one galat and nothing is written: the master stays byte-identical (as ``services.rekap``);
- otherwise, in one commit: each changed Target Tahunan and Target TW of an indicator, each new
  indicator written into the next free row of sheet IKU or IKI (its official as Penanggung Jawab),
  every change appended to sheet Riwayat (old -> new, the form cell it came from); ``kinerja
  rencana`` and ``kinerja perjanjian`` then print them. The proposed Rencana Aksi are returned to the
  caller (the master's Rencana Aksi column holds the analysis of an unmet target).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xlwings_app.domain.administrasi.formulir_rencana import formulir_rencana_semua
from xlwings_app.domain.administrasi.gabung_rencana import HasilGabung, gabung_rencana
from xlwings_app.domain.administrasi.periksa_rencana import FormulirRencanaKembali
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.master import Master, using
from xlwings_app.services.workbook import WorkbookError, create, load
from xlwings_app.sheets import formulir_rencana as F
from xlwings_app.sheets.changes import SetCells
from xlwings_app.sheets.riwayat import Entry

PREFIX = "Formulir Rencana"
_WRITTEN = ("kode", "induk", "sasaran", "nama", "satuan", "polaritas", "agregasi", "target_tahunan", "t1", "t2",
            "t3", "t4", "penanggung_jawab")  # fmt: skip


def file_name(tahun: int, penanggung_jawab: str) -> str:
    """ "Formulir Rencana 2025 - Kasi Pemerintahan.xlsx"."""
    safe = "".join(c if c.isalnum() or c in " .-_" else "_" for c in penanggung_jawab).strip()
    return f"{PREFIX} {tahun} - {safe}.xlsx"


def formulir_rencana(path: Path, out_dir: Path, timpa: bool = False) -> list[Path]:
    """Write one Formulir Rencana Kinerja per penanggung jawab into ``out_dir`` (rules above)."""
    from xlwings_app.adapters.openpyxl.grid import sheet_workbook

    data = load(path)
    if data.errors or data.profil is None:
        raise WorkbookError("Formulir rencana tidak dibuat: perbaiki dulu isian workbook (kinerja periksa).")
    profil = data.profil
    forms = formulir_rencana_semua(data.indicators, profil.unit, profil.tahun, profil.pejabat)
    made = []
    for form in forms:
        target = out_dir / file_name(profil.tahun, form.penanggung_jawab)
        create(target, sheet_workbook(F.formulir_values(form)), overwrite=timpa)
        made.append(target)
    return made


def baca_formulir(sources: Sequence[Path], master: Path) -> tuple[list[FormulirRencanaKembali], list[Problem]]:
    """The planning forms of ``sources`` (files or folders; never the master, nor Excel's "~$" lock
    files), each read, and the problems of those that cannot be."""
    from xlwings_app.adapters.openpyxl.grid import read_sheet_rows

    files: list[Path] = []
    for source in sources:
        files += sorted(source.glob("*.xlsx")) if source.is_dir() else [source]
    forms: list[FormulirRencanaKembali] = []
    problems: list[Problem] = []
    for file in files:
        if file.name.startswith("~$") or file.resolve() == master.resolve():
            continue
        try:
            rows = read_sheet_rows(str(file), F.SHEET)
        except Exception:  # openpyxl raises many types for a file that is no workbook
            problems.append(Problem("Berkas tidak dapat dibuka sebagai workbook Excel.", file=file.name))
            continue
        if rows is None:
            problems.append(Problem(f"Bukan Formulir Rencana Kinerja: tidak ada sheet {F.SHEET}.", file=file.name))
            continue
        form, trouble = F.read_formulir_rencana(rows, file.name)
        problems += trouble
        if form is not None:
            forms.append(form)
    if not forms and not problems:
        problems.append(Problem("Tidak ada Formulir Rencana Kinerja di folder yang diberikan."))
    return forms, problems


@dataclass
class HasilRekapRencana:
    """The planning rekap: every problem; when written, the cells changed and the new indicators."""

    problems: list[Problem] = field(default_factory=list)
    gabung: HasilGabung | None = None
    sel: list[tuple[str, str, object]] = field(default_factory=list)
    ditulis: bool = False

    @property
    def valid(self) -> bool:
        return not errors(self.problems)


def _new_rows(data: WorkbookData, added: Sequence[Indicator]) -> tuple[list[tuple[str, str, object]], dict[str, str], list[Problem]]:
    """The cells of each new indicator in the next free rows of its sheet, the master cell of each
    (kode, key), and a problem when the master has no sheet for its kind."""
    cells: list[tuple[str, str, object]] = []
    where: dict[str, str] = {}
    problems: list[Problem] = []
    next_row: dict[str, int] = {}
    for ind in added:
        same = [i for i in data.indicators if i.jenis is ind.jenis and i.sheet]
        if not same:
            problems.append(Problem(f"Indikator baru {ind.kode}: workbook induk belum punya baris {ind.jenis.value} "
                                    "untuk dicontoh.", kolom="Jenis"))  # fmt: skip
            continue
        sheet = same[0].sheet
        last = max(i.baris or 0 for i in data.indicators if i.sheet == sheet)
        row = next_row.get(sheet, last + 1)
        next_row[sheet] = row + 1
        sample = next(i for i in same)
        for key in _WRITTEN:
            address = data.cells.get((sheet, sample.baris or 0, key))
            if address is None:
                continue
            letters = address.rstrip("0123456789")
            value = _value(ind, key)
            if value not in (None, ""):
                cells.append((sheet, f"{letters}{row}", value))
                where[f"{ind.kode}|{key}"] = f"{sheet}!{letters}{row}"
    return cells, where, problems


def _value(ind: Indicator, key: str) -> object:
    if key in ("t1", "t2", "t3", "t4"):
        return ind.target_tw[int(key[1]) - 1]
    value = getattr(ind, key)
    return getattr(value, "value", value)


def rekap_rencana(source: Path | Master, sources: Sequence[Path], tulis: bool = True) -> HasilRekapRencana:
    """Check every returned planning form of ``sources`` and merge them into the master (rules above)."""
    with using(source) as master:
        data = master.data()
        result = HasilRekapRencana(problems=list(data.errors))
        if data.profil is None:
            result.problems.append(Problem("Sheet Profil belum lengkap.", file=master.name))
            return result
        forms, problems = baca_formulir(sources, master.path)
        result.problems += problems
        profil = data.profil
        merged = gabung_rencana(forms, data.indicators, profil.unit, profil.tahun)
        result.gabung = merged
        result.problems += list(merged.problems)
        if not result.valid:
            return result
        added = [i for i in merged.indikator if i.kode in merged.baru]
        new_cells, new_where, trouble = _new_rows(data, added)
        result.problems += trouble
        if not result.valid or not tulis:
            return result
        by_kode = {i.kode.casefold(): i for i in data.indicators}
        cells, entries = list(new_cells), []
        when = datetime.now()
        for change in merged.perubahan:
            ind = by_kode.get(change.kode.casefold())
            if ind is not None:
                at = data.cells[(ind.sheet, ind.baris or 0, change.key)]
                cells.append((ind.sheet, at, change.baru))
                target = f"{ind.sheet}!{at}"
            else:
                target = new_where.get(f"{change.kode}|{change.key}", "")
            entries.append(Entry(when, change.file, f"{change.sheet}!{change.sel}", change.kode, change.kolom, target,
                                 change.lama, change.baru))  # fmt: skip
        if not cells:
            return result
        master.stage(SetCells(cells, entries))
        master.commit()
        result.sel, result.ditulis = cells, True
    return result

