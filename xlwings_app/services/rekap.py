"""The action "Rekap Formulir" (``kinerja rekap``): forms back into the master, all or nothing.

Every form is read and checked first, against the master's forms key (``forms.kunci``: a form edited
outside its cells or made from another master is refused) and the master's penanggung jawab of
every row, and the problems of all forms are listed together (file, sheet, cell). Only when no form has an error are the changes applied to the master, in one
commit of the master (``services.master``: locked, atomic, with a backup); otherwise the master stays
byte-identical. Written: the period's Realisasi TW column and Permasalahan, Rencana Aksi,
Keterangan of the IKU/IKI rows, located by kode (the analysis in the period's own columns,
``domain.analisis``); text stays text. Each change is appended to sheet
Riwayat. With no change the master is not rewritten, unless its SOP step log has a step to stamp
(``services.log_otomatis``: the forms collected and the rekap, in the same save). ``periksa_rekap`` is the check on
data read from a file or the live workbook; the ribbon's Impor Formulir applies its changes to the
open workbook: the same ``rekap`` on the live master.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xlwings_app.adapters.openpyxl.form_reader import form_files, read_forms
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.otomatis import Jalan
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.forms.consolidate import Konsolidasi, consolidate
from xlwings_app.forms.filled import Change, FilledForm
from xlwings_app.forms.kunci import read_key
from xlwings_app.forms.pengumpulan import waktu_pengumpulan
from xlwings_app.forms.periode import periode_of_forms
from xlwings_app.forms.spec import chosen_periode as form_periode
from xlwings_app.forms.spec import spec
from xlwings_app.services import log_otomatis
from xlwings_app.services.master import Master, using
from xlwings_app.sheets.changes import SetCells
from xlwings_app.sheets.riwayat import Entry


@dataclass(frozen=True)
class Perubahan:
    """A change with the master cell it lands in."""

    change: Change
    sheet: str
    sel: str


@dataclass
class HasilRekap:
    periode: Periode
    problems: list[Problem] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    konsolidasi: Konsolidasi = field(default_factory=Konsolidasi)
    ditulis: bool = False
    cadangan: Path | None = None
    log: list[str] = field(default_factory=list)
    """What was stamped into Log Langkah (steps "formulir diisi" and "merekap"), for the user."""
    log_ditulis: bool = False

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def _collect(path: Path, sources: Sequence[Path], lembar: bool) -> tuple[list[FilledForm], list[Problem]]:
    if lembar:
        return read_forms(path, lembar=True)
    files, problems = form_files(sources, master=path)
    if not files and not problems:
        problems.append(Problem("Tidak ada formulir yang diberikan: sebutkan file atau folder formulir."))
    forms: list[FilledForm] = []
    for file in files:
        found, trouble = read_forms(file)
        forms += found
        problems += trouble
    return forms, problems


def _locate(data: WorkbookData, changes: Sequence[Change], problems: list[Problem]) -> list[Perubahan]:
    """Each change with its master cell; a column the master lacks (a workbook made before the
    analysis per period) is an error naming it, once per sheet and column."""
    rows = {i.kode.casefold(): i for i in data.indicators}
    located, missing = [], set()
    for change in changes:
        ind = rows[change.kode.casefold()]
        try:
            located.append(Perubahan(change, ind.sheet, data.cells[(ind.sheet, ind.baris or 0, change.key)]))
        except KeyError:
            if (ind.sheet, change.kolom) not in missing:
                missing.add((ind.sheet, change.kolom))
                problems.append(Problem(
                    f"Kolom '{change.kolom}' tidak ada di sheet {ind.sheet} (workbook format lama): tambahkan kolom "
                    "itu di kanan tabel (judul persis sama, lihat README, Format workbook), lalu ulangi rekap.",
                    ind.sheet, kolom=change.kolom, file=data.path.name))
    return located


def riwayat_entries(perubahan: Sequence[Perubahan], when: datetime) -> list[Entry]:
    """One Riwayat row per change: when, source file and cell, kode, column, master cell, old, new."""
    return [
        Entry(when, p.change.file, f"{p.change.sheet}!{p.change.sel}", p.change.kode, p.change.kolom,
              f"{p.sheet}!{p.sel}", p.change.lama, p.change.baru)
        for p in perubahan
    ]  # fmt: skip


def form_key(master: Master) -> bytes | None:
    """The master's forms key (``forms.kunci``; its very hidden sheet), None when it has none yet."""
    return read_key(master.rows(spec().kunci_sheet))


def periksa_rekap(
    data: WorkbookData, forms: Sequence[FilledForm], problems: Sequence[Problem], periode: Periode,
    key: bytes | None = None,
) -> HasilRekap:
    """Check ``forms`` against the master ``data`` (a file or the live workbook) and its forms ``key``
    (``form_key``); locate the changes.

    Writes nothing: the CLI applies ``perubahan`` to the file, the ribbon to the open workbook.
    """
    result = HasilRekap(periode, problems=list(data.errors))
    if data.errors:
        result.problems.append(Problem(
            "Workbook induk masih punya galat isian: perbaiki dulu (kinerja periksa), lalu ulangi rekap.",
            file=data.path.name))
    profil = data.profil
    result.konsolidasi = consolidate(forms, data.indicators, profil.unit if profil else "",
                                     profil.tahun if profil else 0, periode, key)
    result.problems += list(problems) + result.konsolidasi.problems
    if result.valid:
        located = _locate(data, result.konsolidasi.changes, result.problems)
        result.perubahan = located if result.valid else []
    return result


def collect(path: Path, sources: Sequence[Path]) -> tuple[list[FilledForm], list[Problem]]:
    """The forms of ``sources`` (files or folders; never the master ``path``), read and checked."""
    return _collect(path, sources, lembar=False)


def stage_rekap(master: Master, result: HasilRekap, when: datetime) -> None:
    """Stage the located changes and their Riwayat rows on ``master`` (a file or the open workbook)."""
    cells = [(p.sheet, p.sel, p.change.baru) for p in result.perubahan]
    master.stage(SetCells(cells, riwayat_entries(result.perubahan, when)))


def log_runs(forms: Sequence[FilledForm], result: HasilRekap, mulai: datetime, selesai: datetime) -> list[Jalan]:
    """The two SOP steps a rekap performs: the forms collected (step 7) and the rekap itself (step 8)."""
    k = result.konsolidasi
    start, end, note = waktu_pengumpulan(forms, k.tanpa_formulir)
    rekap_note = f"{k.jumlah_formulir} formulir, {len(result.perubahan)} perubahan"
    return [Jalan("pengumpulan", start, end, note), Jalan("rekap", mulai, selesai, rekap_note)]


def rekap(source: Path | Master, sources: Sequence[Path] = (), periode: Periode | None = None,
          lembar: bool = False, tulis: bool = True) -> HasilRekap:
    """Check every form of ``sources`` (or the master's lembar sheets) and apply them to the master.

    ``source`` is the master file or an open master (the ribbon's Impor Formulir passes the live
    workbook). One read of the master, one commit; the file changed meanwhile is refused. The SOP
    step log gets the collection and the rekap stamped (``services.log_otomatis``) in the same
    commit; a rekap without changes writes the master only for that.
    """
    mulai = datetime.now()
    with using(source) as master:
        data = master.data()
        forms, problems = master.lembar() if lembar else _collect(master.path, sources, lembar=False)
        from_forms, said = periode_of_forms(forms) if periode is None else (None, [])
        chosen = form_periode(periode or from_forms, data.settings.periode_aktif)
        result = periksa_rekap(data, forms, [*problems, *said], chosen, form_key(master))
        if not result.valid or not tulis:
            return result
        when = datetime.now()
        stamp = log_otomatis.rencana(master, chosen.value, log_runs(forms, result, mulai, when))
        result.log = log_otomatis.pesan(stamp)
        if not result.perubahan and not log_otomatis.perlu_ditulis(stamp):
            return result
        if result.perubahan:
            stage_rekap(master, result, when)
        result.log_ditulis = log_otomatis.stage(master, stamp)
        result.cadangan = master.commit()
        result.ditulis = bool(result.perubahan)
        return result
