"""Service: ``laporan_sop`` (``kinerja sop laporan``): the Laporan Kepatuhan Waktu SOP of a period.

Why a report of its own: the signed Pengukuran Kinerja is printed before its own last steps happen
(the head signs it, then it is sent to the officials and to Bappeda: seed 000 steps 10-12), so an
annex printed with it could only say "Belum Dimulai" for them. The SOP's timing goes to the
Sekretaris afterwards, here, and the signed page carries none.

Rules:
- one section per SOP of the workbook whose log holds ``periode`` ("TW2"; the Perencanaan SOP logs
  years, "2025"), in sheet order; ``sop`` (``--sop NAMA``) keeps that SOP only; none: refused;
- measured as ``kinerja sop periksa`` measures (``services.sop.measure_sop``); a log with errors: refused,
  naming every cell, nothing written;
- final by default, refused while a run of the period is not finished (Belum Dimulai, Belum
  Selesai, Data Tidak Lengkap) or out of order (Urutan Salah), each named by sheet and row; with
  ``draf`` the document is written with "DRAF" on every page and that list under the title;
- from the Pengelola Kinerja of Profil to the Sekretaris (sheet Pejabat), signed by the Pengelola;
  dated ``tanggal``, else the day it is made (a working paper, not the signed document); the kop
  carries the lambang daerah Profil names;
- warnings where an SOP sheet names another unit than Profil (``services.sop_identitas``) come back
  as notes; the report is not an SOP step, so no log is stamped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.domain.administrasi.perbandingan import BandingLangkah
from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, normalize_periode
from xlwings_app.domain.sop.measure import UNFINISHED
from xlwings_app.domain.sop.model import Sop
from xlwings_app.report.context_sop import KepatuhanSop, Surat, build_sop_context
from xlwings_app.resources import resource_dir
from xlwings_app.services.master import Master, using
from xlwings_app.services.sop import measure_sop
from xlwings_app.services.sop_master import MasterSource, place_of, sop_of
from xlwings_app.sheets.sop_layout import SopPlace
from xlwings_app.sheets.sop_sheet import sop_places

TEMPLATE = "laporan_kepatuhan_sop.docx"
UNSIGNED = "...................................."
GAP_STATUSES = UNFINISHED | {"Urutan Salah"}
"""Statuses a final report is refused for: the run's time is not (yet, or not rightly) known."""


class LaporanSopDitolak(Refusal):
    """The report cannot be made from this workbook; ``problems`` say why (Indonesian)."""


@dataclass(frozen=True)
class LaporanSop:
    """The document written, the SOPs it reports, and what the user should know."""

    docx: Path
    pdf: Path | None
    periode: str
    sop: tuple[str, ...]
    draf: bool
    tanggal: dt.date
    peringatan: list[Problem] = field(default_factory=list)


def default_template() -> Path:
    return resource_dir("report_templates") / TEMPLATE


def file_name(profil: Profil, periode: str, draf: bool) -> str:
    """ "Laporan_Kepatuhan_Waktu_SOP_2025_TW2" (``_DRAF`` for a draft; no extension)."""
    tahun = "" if periode == str(profil.tahun) else f"{profil.tahun}_"
    return f"Laporan_Kepatuhan_Waktu_SOP_{tahun}{periode}{'_DRAF' if draf else ''}"


def _signable(official: Pejabat) -> Pejabat:
    return official if official.nama.strip() else replace(official, nama=UNSIGNED)


def kepada(profil: Profil) -> Pejabat:
    """The Sekretaris of sheet Pejabat (the first jabatan beginning "Sekretaris"), else a title."""
    found = next((p for p in profil.pejabat if p.jabatan.casefold().startswith("sekretaris")), None)
    return found or Pejabat(f"Sekretaris {profil.unit}".strip(), UNSIGNED)


def dari(profil: Profil) -> Pejabat:
    """The Pengelola Kinerja of Profil, who keeps the logs (SOP: "Pencatatan ... pada Kasubag")."""
    return _signable(profil.pengelola if profil.pengelola.jabatan.strip() else Pejabat("Pengelola Kinerja", ""))


def gaps(parts: list[tuple[SopPlace, KepatuhanSop]]) -> list[Problem]:
    """Every run a final report is refused for, by sheet and row."""
    found: list[Problem] = []
    for place, part in parts:
        for run in part.ringkasan.runs:
            if run.status in GAP_STATUSES:
                putaran = f" (putaran {run.run_no})" if run.run_no > 1 else ""
                found.append(Problem(f"Langkah {run.langkah}{putaran}: {run.status}.", place.log, run.baris,
                                     "Mulai" if run.mulai is None else "Selesai", tingkat="galat"))  # fmt: skip
    return found


def kekurangan(parts: list[tuple[SopPlace, KepatuhanSop]]) -> tuple[str, ...]:
    """What a draft still lacks, one line per log: "sheet Log Langkah: Belum Dimulai langkah 1, 2; ..."."""
    lines = []
    for place, part in parts:
        by_status: dict[str, list[str]] = {}
        for run in part.ringkasan.runs:
            if run.status in GAP_STATUSES:
                by_status.setdefault(run.status, []).append(
                    str(run.langkah) + (f" (putaran {run.run_no})" if run.run_no > 1 else ""))
        if by_status:
            said = "; ".join(f"{status} langkah {', '.join(steps)}" for status, steps in by_status.items())
            lines.append(f"sheet {place.log}: {said}.")
    return tuple(lines)


def rencana_log(sop: Sop, entries: Sequence[LogEntry], calendar: WorkingCalendar) -> tuple[BandingLangkah, ...]:
    """The Program Kerja of ``sop`` laid from the period's first Mulai, against its log rows (none
    without a Mulai): planned against actual (``domain.administrasi.perbandingan``)."""
    from xlwings_app.domain.administrasi.langkah import urutan
    from xlwings_app.domain.administrasi.perbandingan import banding_program
    from xlwings_app.domain.administrasi.program_kerja import susun_program

    starts = [e.mulai for e in entries if e.mulai is not None]
    if not starts:
        return ()
    program = susun_program(sop, min(starts, key=urutan), calendar)
    return banding_program(program, sop, entries, calendar)


def laporan_sop(
    source: Path | Master,
    periode: str | None = None,
    sop: str | None = None,
    out_dir: Path | None = None,
    pdf: bool = False,
    draf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
) -> LaporanSop:
    """Render the period's Laporan Kepatuhan Waktu SOP beside the workbook (see the module docstring)."""
    from xlwings_app.adapters.documents.docx import render
    from xlwings_app.adapters.documents.folder import output_folder_problem
    from xlwings_app.services.laporan import lambang_of
    from xlwings_app.services.sop_identitas import identity_problems

    with using(source) as master:
        data = master.data()
        profil = data.profil
        if profil is None:
            raise LaporanSopDitolak("Laporan tidak dibuat: sheet Profil belum lengkap.", data.errors)
        name = normalize_periode(periode or data.settings.periode_aktif.value)
        shared = MasterSource(master)
        places = [place_of(master, sop)] if sop else [place for place, _ in sop_places(shared)]
        parts: list[tuple[SopPlace, KepatuhanSop]] = []
        problems: list[Problem] = []
        for place in places:
            read = sop_of(master, place, shared)
            if read.sop is None or not any(e.periode == name for e in read.entries):
                continue
            measured = measure_sop(read, name)
            problems += [p for p in measured.problems if p.is_error]
            summary = next((s for s in measured.summaries if s.periode == name), None)
            if measured.sop is not None and summary is not None:
                plan = rencana_log(measured.sop, [e for e in read.entries if e.periode == name], read.calendar)
                parts.append((place, KepatuhanSop(measured.sop, summary, place.log, measured.day_minutes, plan)))
        if problems:
            raise LaporanSopDitolak(f"Laporan tidak dibuat: log SOP periode {name} bermasalah "
                                    "(periksa dengan kinerja sop periksa).", problems)  # fmt: skip
        if not parts:
            logs = ", ".join(place.log for place in places) or "tidak ada sheet SOP"
            raise LaporanSopDitolak(f"Laporan tidak dibuat: periode {name} tidak ada di log SOP mana pun ({logs}). "
                                    f"Mulai dengan: kinerja sop mulai FILE --periode {name}")  # fmt: skip
        missing = [p.in_file(master.name) for p in gaps(parts)]
        if missing and not draf:
            raise LaporanSopDitolak(
                f"Laporan final tidak dibuat: {len(missing)} pelaksanaan langkah periode {name} belum lengkap di log. "
                "Lengkapi Mulai dan Selesai-nya, atau buat draf dengan --draf:", missing)
        out = out_dir or master.path.parent
        if why := output_folder_problem(out):
            raise LaporanSopDitolak(f"Laporan tidak dibuat: {why}")
        image, notes = lambang_of(data, master.path, lambang)
        notes += identity_problems(master)
        now = dt.datetime.now()
        dated = tanggal or now.date()
        lacking = kekurangan(parts) if draf else None
        context = build_sop_context(profil, name, [part for _, part in parts],
                                    Surat(dari(profil), kepada(profil), dated, lacking), now)  # fmt: skip
        docx = render(default_template(), context, out / f"{file_name(profil, name, draf)}.docx", lambang=image)
    pdf_path = None
    if pdf:
        from xlwings_app.adapters.documents.pdf import to_pdf

        pdf_path = to_pdf(docx, out)
    return LaporanSop(docx, pdf_path, name, tuple(part.sop.nama for _, part in parts), draf, dated, notes)
