"""Service ``kabupaten``: the kabupaten's rekap of one period from every unit's workbook or archive.

Steps (``domain.kabupaten`` states the rules of each judgement):
1. read the kabupaten workbook's sheet Isian Kabupaten first (expected units, codes from the
   signed papers, signer); codes imported from a list (``kode_dari``) are merged into it;
2. read every source (``services.kabupaten_sumber``): a bad file becomes a reason, never a stop;
3. judge each unit, measure the counted ones (each with its own settings, as its ``kinerja hitung``);
4. build the consolidated frame and its figures (``services.kabupaten_tabel``, pandas);
5. render the "Rekapitulasi Pengukuran Kinerja Perangkat Daerah" (.docx, PDF on request) under
   temporary names: signed by the kabupaten's own signer (sheet Isian Kabupaten), with the lambang
   that sheet names (or ``--lambang``), a DRAF while the signer's name, NIP or date is missing;
6. each unit's LKjIP of the year, in and final or not (``domain.kabupaten_lkjip``): an LKjIP archive in the
   sources (never read as a period's unit file) or a unit workbook's Segel row "LKJIP"; sheet LKjIP Unit;
7. rebuild the generated sheets and write the workbook atomically (the Isian sheet kept), then move
   the document into place: the workbook and the document are one outcome, a failure of either
   leaves both as they were (and no temporary file).

A refusal (the rekap workbook unreadable, Isian errors, no unit file that could be read or used)
raises ``WorkbookError`` before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs, reason
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.domain.file_names import readable_name
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import (
    AgregatUnit,
    Isian,
    Konsolidasi,
    Penolakan,
    konsolidasi,
    normal_code,
    pilih,
    tahun_rekap,
    unit_key,
)
from xlwings_app.domain.kabupaten_lkjip import StatusLkjip, lkjip_status
from xlwings_app.domain.kabupaten_program import per_program
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import DEFAULT_SCALE
from xlwings_app.domain.summary import summarize
from xlwings_app.services.kabupaten_sumber import find_sources, lkjip_archive, lkjip_sealed, read_all
from xlwings_app.sheets import kabupaten as K

TEMPLATE = "rekapitulasi_kabupaten.docx"


@dataclass
class Rekapitulasi:
    """What one run did: the consolidation, its figures, the files written, notes for the user."""

    rekap: Konsolidasi
    figures: dict[str, AgregatUnit]
    workbook: Path
    docx: Path | None = None
    pdf: Path | None = None
    cadangan: Path | None = None
    catatan: list[Problem] = field(default_factory=list)
    lkjip: list[StatusLkjip] = field(default_factory=list)
    """Each unit's LKjIP of the year: in and final or not (``domain.kabupaten_lkjip``; sheet LKjIP Unit)."""


def read_isian(path: Path) -> tuple[Isian, dict[str, str], list[list[object]] | None, list[Problem]]:
    """The kabupaten's inputs from ``path`` (empty when the workbook does not exist yet)."""
    from xlwings_app.adapters.openpyxl.kabupaten import read_isian_rows

    if not path.exists():
        return Isian(), {"instansi": K.DEFAULT_INSTANSI, "alamat": ""}, None, []
    rows = read_isian_rows(path)
    if rows is None:
        raise WorkbookError(
            f"File {path.name} tidak memiliki sheet '{K.SHEET_ISIAN}': bukan rekap kabupaten Kinerja. Pilih "
            "nama file lain untuk --keluar (file itu tidak diubah)."
        )
    isian, kop, problems = K.parse_isian(rows)
    return isian, kop, rows, [p.in_file(path.name) for p in problems]


def import_codes(
    source: Path, rows: list[list[object]] | None, isian: Isian
) -> tuple[Isian, dict[tuple[int, int], str], list[Problem]]:
    """Merge a list of codes (CSV: Unit Kerja;Periode;Kode, header first, ``;`` or ``,``) into the
    Isian: a unit on the kabupaten's list gets the code in its row (the cells to write are
    returned); a unit not on the list is reported (add it to the list first)."""
    name = readable_name(source.name)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkbookError(f"Daftar kode {name} bukan teks UTF-8: simpan sebagai CSV UTF-8 lalu ulangi.") from exc
    except OSError as exc:
        raise WorkbookError(f"Daftar kode {name} tidak dapat dibaca: {reason(exc)}.") from exc
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text.splitlines()[0] if text.strip() else ";", delimiters=";,\t")
    except csv.Error:  # one column, or no separator Kinerja knows: read as ";"-separated
        dialect = _Semicolon
    lines = list(csv.reader(text.splitlines(), dialect))
    problems: list[Problem] = []
    positions, columns = K.isian_positions(rows or [])
    codes = dict(isian.kode_dokumen)
    cells: dict[tuple[int, int], str] = {}
    for n, line in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in line):
            continue
        if len(line) < 3:
            problems.append(Problem("baris harus berisi Unit Kerja, Periode, Kode", None, n, file=name))
            continue
        unit, periode_text, code = (c.strip() for c in line[:3])
        try:
            periode = Periode.parse(periode_text)
        except ValueError:
            problems.append(Problem(f"periode '{periode_text}' tidak dikenal", None, n, file=name))
            continue
        row = positions.get(unit_key(unit))
        if row is None:
            problems.append(Problem(
                f"unit '{unit}' tidak ada di daftar unit sheet {K.SHEET_ISIAN}: tambahkan dulu", None, n,
                file=name,
            ))  # fmt: skip
            continue
        codes[(unit_key(unit), periode)] = normal_code(code)
        cells[(row, columns[periode])] = normal_code(code)
    return replace(isian, kode_dokumen=codes), cells, problems


class _Semicolon(csv.excel):
    delimiter = ";"


def kabupaten(
    sources: Sequence[Path],
    periode: Periode,
    target: Path,
    tahun: int | None = None,
    kode_dari: Path | None = None,
    dokumen: bool = True,
    pdf: bool = False,
    now: dt.datetime | None = None,
    lambang: Path | None = None,
) -> Rekapitulasi:
    """Build the rekap of ``periode`` from ``sources`` into the workbook ``target`` (see module)."""
    now = now or dt.datetime.now().astimezone()
    isian, kop, rows, notes = read_isian(target)
    cells: dict[tuple[int, int], str] = {}
    if kode_dari is not None:
        isian, cells, more = import_codes(kode_dari, rows, isian)
        notes += more
    if any(p.is_error for p in notes):
        raise IsianDitolak(notes)
    paths, missing = find_sources(sources, skip=target)
    lkjip_found = {p: f for p in paths if (f := lkjip_archive(p)) is not None}  # not a period's source
    read = read_all([p for p in paths if p not in lkjip_found], periode)
    kiriman = [k for k in read if not isinstance(k, Penolakan)]
    ditolak = missing + [k for k in read if isinstance(k, Penolakan)]
    if not kiriman:
        raise WorkbookError(
            f"Rekap tidak dibuat: tidak ada workbook atau arsip unit yang terbaca di sumber ({target.name} "
            "tidak diubah).", _reasons(ditolak) or ["sumber tidak berisi file .xlsx, .xlsm atau .zip"],
        )
    year = tahun_rekap(isian, kiriman, tahun)
    assert year is not None  # a unit file read has its year (or the Isian or --tahun gives one)
    diterima, more_rejected = pilih(kiriman, year, periode)
    if not diterima:
        raise WorkbookError(
            f"Rekap tidak dibuat: tidak ada unit yang dapat direkap untuk tahun {year} {periode.value} "
            f"({target.name} tidak diubah).", _reasons(ditolak + more_rejected),
        )
    rekap = konsolidasi(isian, diterima, ditolak + more_rejected, year, periode)
    labels = _labels(rekap)
    for u in rekap.dihitung:
        assert u.kiriman is not None
        u.hasil = measure_all(u.kiriman.indicators, periode, u.kiriman.settings)
        u.ringkasan = summarize("IKU", u.hasil, u.kiriman.settings)
    from xlwings_app.services import kabupaten_tabel as T

    frame = T.indicator_frame(rekap.units)
    names = [u.unit for u in rekap.dihitung]
    figures = T.aggregates(frame, labels, names)
    sheets = [
        K.rekap_values(rekap, figures, labels),
        K.indikator_values(rekap, _table_rows(frame)),
        K.peringkat_values(rekap, T.ranking(figures)),
        K.bersama_values(rekap, T.shared(frame, names), names),
        K.program_values(rekap, per_program({u.unit: u.kiriman.program for u in rekap.dihitung if u.kiriman}), names),
        K.berkas_values(rekap, rekap.ditolak),
    ]
    fakta = [*lkjip_found.values(), *(f for k in kiriman if (f := lkjip_sealed(k)) is not None)]
    lkjip = lkjip_status([u.unit for u in rekap.units], fakta, year)
    sheets.append(K.lkjip_values(rekap, lkjip))
    from xlwings_app.adapters.openpyxl.kabupaten import write_rekap_workbook

    new_isian = K.isian_values(rekap.kabupaten, year, [u.unit for u in rekap.units])
    if not isian.unit_diharapkan:
        notes.append(Problem(
            f"Daftar unit yang diharapkan di sheet {K.SHEET_ISIAN} masih kosong"
            + (": diisi dengan unit yang diterima kali ini; lengkapi lalu jalankan ulang."
               if rows is None else "; unit yang belum diterima tidak dapat disebut."),
            K.SHEET_ISIAN, file=target.name, tingkat="catatan",
        ))  # fmt: skip
    result = Rekapitulasi(rekap, figures, target, catatan=notes, lkjip=lkjip)
    image = _lambang(result, isian, kop, lambang) if dokumen else None
    with Outputs() as outputs:  # the document first, under temporary names: one outcome with the workbook
        if dokumen:
            _document(result, isian, kop, now, pdf, outputs, image)
        result.cadangan = write_rekap_workbook(target, sheets, new_isian, cells)
        outputs.commit()
    return result


class IsianDitolak(WorkbookError):
    """Sheet Isian Kabupaten (or the imported list) has errors: nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("Isian kabupaten bermasalah, rekap tidak ditulis:", [p for p in problems if p.is_error])


def _reasons(ditolak: Sequence[Penolakan]) -> list[str]:
    return [f"{d.file}: {d.alasan}" for d in ditolak]


def _labels(rekap: Konsolidasi) -> list[str]:
    labels: list[str] = []
    for u in rekap.dihitung:
        assert u.kiriman is not None
        for label in reversed(u.kiriman.settings.skala.labels):
            if label not in labels:
                labels.append(label)
    return labels or list(reversed(DEFAULT_SCALE.labels))


def _table_rows(frame: object) -> list[tuple[object, ...]]:
    columns = [
        "unit", "kode", "sasaran", "nama", "satuan", "polaritas", "agregasi", "target", "realisasi",
        "capaian", "predikat", "status", "penanggung_jawab",
    ]  # fmt: skip
    subset = frame[columns]  # type: ignore[index]
    return [tuple(None if v is None or v != v else v for v in row) for row in subset.itertuples(index=False)]


def _lambang(result: Rekapitulasi, isian: Isian, kop: dict[str, str], override: Path | None) -> bytes | None:
    """The lambang of the kop: ``--lambang``, else the file sheet Isian Kabupaten names beside the
    workbook (``adapters.documents.lambang``); a document to be signed without one is a warning."""
    from xlwings_app.adapters.documents.lambang import LambangError, load_lambang

    try:
        image, notes = load_lambang(result.workbook.parent, kop.get("lambang", ""), override)
    except LambangError as exc:
        raise WorkbookError(f"Rekap tidak dibuat: {exc} ({result.workbook.name} tidak diubah).") from exc
    for note in notes:
        result.catatan.append(replace(note, sheet=K.SHEET_ISIAN, kolom="Berkas lambang daerah",
                                      file=result.workbook.name))  # fmt: skip
    if image is None and not notes and not isian.kekurangan():
        result.catatan.append(Problem(
            "Dokumen rekapitulasi dicetak tanpa lambang daerah: tulis nama berkas gambarnya (PNG/JPEG, di folder "
            f"workbook) pada 'Berkas lambang daerah' sheet {K.SHEET_ISIAN}, atau pakai --lambang.",
            K.SHEET_ISIAN, kolom="Berkas lambang daerah", file=result.workbook.name, tingkat="peringatan",
        ))  # fmt: skip
    return image


def _document(result: Rekapitulasi, isian: Isian, kop: dict[str, str], now: dt.datetime, pdf: bool,
              outputs: Outputs, lambang: bytes | None = None) -> None:
    """Render the document (and its PDF) into ``outputs``, to be moved into place with the workbook: a
    DRAF (its file name too) while the signer's block is incomplete (``Isian.kekurangan``)."""
    from xlwings_app.adapters.documents.docx import render_bytes
    from xlwings_app.report.context_kabupaten import kabupaten_context
    from xlwings_app.resources import resource_dir

    tanggal = isian.tanggal
    if tanggal is None:
        tanggal = now.date()
        result.catatan.append(Problem(
            f"Tanggal penandatanganan di sheet {K.SHEET_ISIAN} kosong: dokumen bertanggal hari ini.",
            K.SHEET_ISIAN, file=result.workbook.name, tingkat="catatan",
        ))  # fmt: skip
    rekap = result.rekap
    gaps = isian.kekurangan()
    if gaps:
        result.catatan.append(Problem(
            f"Dokumen rekapitulasi dibuat sebagai DRAF (belum dapat ditandatangani): {' '.join(gaps)} Lengkapi "
            f"sheet {K.SHEET_ISIAN} lalu jalankan ulang.", K.SHEET_ISIAN, file=result.workbook.name,
            tingkat="peringatan",
        ))  # fmt: skip
    context = kabupaten_context(rekap, result.figures, isian, kop, tanggal, now, gaps)
    stem = f"Rekapitulasi_Pengukuran_Kinerja_{rekap.tahun}_{rekap.periode.value}{'_DRAF' if gaps else ''}"
    docx = result.workbook.parent / f"{stem}.docx"
    made = outputs.put(docx, render_bytes(resource_dir("report_templates") / TEMPLATE, context, lambang=lambang))
    result.docx = docx
    if pdf:
        from xlwings_app.adapters.documents.pdf import PdfUnavailable, stage_pdfs

        try:
            [result.pdf] = stage_pdfs(outputs, [(made, docx.with_suffix(".pdf"))])
        except PdfUnavailable as exc:  # the workbook and the .docx are written: say so, do not fail
            result.catatan.append(Problem(str(exc), file=docx.name, tingkat="catatan"))
