"""The context of the "Laporan Kepatuhan Waktu SOP": how each SOP's steps of a period kept time.

A working paper for the Sekretaris, apart from the signed documents: the Pengukuran Kinerja is
signed before its own last steps happen (step 10 signs it, steps 11-12 send it: seed 000), so its
timing can only be told afterwards, in a document of its own. One section per SOP whose log holds
the period (Pengukuran, Pengumpulan Data, ...; the Perencanaan SOP logs years), each with:
- the SOP's identity as its sheet states it (Nama, Nomor SOP) and the log it was measured from;
- the summary of ``domain.sop.summary.summarize``: runs per status, the on-time share of the runs
  measured against a standard, the working time of those runs, the cycle, revision rounds, the
  longest delays;
- every run: Kegiatan, Pelaksana, Mulai and Selesai as logged, the standard as the SOP states it
  ("4 hari", "15 Menit"; "Tanpa standar"), the working time the people logged (a step Kinerja
  stamped is "Dicatat Otomatis" and shows no working time), the status and the measurement's notes.
Working time prints in words ("1 hari 2 jam 30 menit", a hari = the calendar's usual working day).
From the unit's Pengelola Kinerja to the Sekretaris (sheet Pejabat), signed by the Pengelola; a
draft (runs not finished yet) is marked DRAF and lists what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.administrasi.perbandingan import BandingLangkah
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.log import Moment
from xlwings_app.domain.sop.measure import StepRun
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.summary import PeriodSummary, describe_minutes
from xlwings_app.report.context import kop, pejabat

JUDUL = "LAPORAN KEPATUHAN WAKTU SOP"
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


@dataclass(frozen=True)
class KepatuhanSop:
    """One SOP's part of the report: the SOP, the summary of its log's period, where it was read."""

    sop: Sop
    ringkasan: PeriodSummary
    log: str
    menit_per_hari: int = 450
    rencana: tuple[BandingLangkah, ...] = ()
    """The Program Kerja laid from the period's first Mulai against the log (``domain.administrasi.perbandingan``)."""


@dataclass(frozen=True)
class Surat:
    """Who writes to whom, when, and whether it is a draft (``kekurangan`` not None)."""

    dari: Pejabat
    kepada: Pejabat
    tanggal: dt.date
    kekurangan: tuple[str, ...] | None = None


def label_periode(periode: str, tahun: int) -> str:
    """The log's period in words: "TW2" -> "Triwulan II Tahun 2025"; "2025" -> "Tahun 2025"."""
    match = re.fullmatch(r"TW([1-4])", periode)
    if match:
        return f"Triwulan {_ROMAN[match.group(1)]} Tahun {tahun}"
    if re.fullmatch(r"\d{4}", periode):
        return f"Tahun {periode}"
    return f"Periode {periode} Tahun {tahun}"


def _moment(value: Moment | None) -> str:
    if value is None:
        return fmt.KOSONG
    if isinstance(value, dt.datetime):
        return f"{value:%d-%m-%Y %H.%M}"
    return f"{value:%d-%m-%Y}"


def _durasi(minutes: int | None, day: int) -> str:
    return fmt.KOSONG if minutes is None else describe_minutes(minutes, day)


def langkah(run: StepRun, day: int) -> dict[str, str]:
    """One run as its table row."""
    kegiatan = run.kegiatan + (f" (putaran {run.run_no})" if run.run_no > 1 else "")
    status = run.status + (f" ({run.decision})" if run.decision else "")
    return {
        "no": str(run.langkah),
        "kegiatan": kegiatan,
        "pelaksana": run.pelaksana or ", ".join(run.roles),
        "mulai": _moment(run.mulai),
        "selesai": _moment(run.selesai),
        "waktu_sop": run.standard_text,
        "aktual": _durasi(run.actual_minutes, day),
        "status": status,
        "keterangan": " ".join(run.keterangan),
    }


def rencana(bagian: KepatuhanSop) -> list[dict[str, str]]:
    """Planned start and end of each step against the log's (the Program Kerja Kegiatan's comparison)."""
    rows = []
    for b in bagian.rencana:
        if b.selisih_menit is None and b.selisih_hari_kerja is None:
            selisih = fmt.KOSONG
        elif b.presisi == "hari" or b.selisih_menit is None:
            selisih = f"{b.selisih_hari_kerja:+d} hari kerja"
        else:
            selisih = f"{b.selisih_menit:+d} menit kerja"
        rows.append({"no": str(b.no), "kegiatan": b.kegiatan, "rencana": f"{_moment(b.rencana_mulai)} s.d. "
                     f"{_moment(b.rencana_selesai)}", "aktual": f"{_moment(b.mulai)} s.d. {_moment(b.selesai)}",
                     "status": b.status, "selisih": selisih})  # fmt: skip
    return rows


def ringkasan(bagian: KepatuhanSop) -> list[dict[str, str]]:
    """The summary table of one SOP: (label, value) rows."""
    r, day = bagian.ringkasan, bagian.menit_per_hari
    counts = ", ".join(f"{status} {n}" for status, n in r.status_counts.items() if n)
    judged = sum(1 for run in r.runs if run.judged)
    on_time = r.status_counts.get("Tepat Waktu", 0)
    share = fmt.KOSONG if r.share_on_time is None else f"{fmt.persen(r.share_on_time)}% ({on_time} dari {judged})"
    otomatis = r.status_counts.get("Dicatat Otomatis", 0)
    cycle = fmt.KOSONG
    if r.cycle_start is not None and r.cycle_end is not None:
        cycle = (f"{_moment(r.cycle_start)} s.d. {_moment(r.cycle_end)}: {r.cycle_calendar_days} hari kalender, "
                 f"{_durasi(r.cycle_working_minutes, day)} waktu kerja")  # fmt: skip
    delays = "; ".join(
        f"langkah {run.langkah}" + (f" putaran {run.run_no}" if run.run_no > 1 else "")
        + f": +{describe_minutes(run.difference_minutes, day)}"
        for run in r.longest_delays
    )  # fmt: skip
    rows = [
        ("Nama SOP", bagian.sop.nama),
        ("Nomor SOP", bagian.sop.nomor or fmt.KOSONG),
        ("Log (periode)", f"sheet {bagian.log} ({r.periode})"),
        ("Pelaksanaan langkah", f"{len(r.runs)} ({counts})" if counts else str(len(r.runs))),
        ("Tepat waktu (langkah yang diukur)", share),
        ("Waktu kerja langkah yang diukur", f"standar {_durasi(r.standard_minutes, day)}, "
                                            f"aktual {_durasi(r.actual_minutes, day)}"),
        ("Dicatat otomatis oleh Kinerja", f"{otomatis} langkah: saat selesainya tercatat, waktu kerjanya tidak "
                                          "diukur" if otomatis else "tidak ada"),
        ("Siklus", cycle),
        ("Putaran revisi (keputusan TIDAK)", str(r.revision_rounds)),
        ("Keterlambatan terbesar", delays or "tidak ada"),
    ]  # fmt: skip
    return [{"label": label, "nilai": value} for label, value in rows]


def build_sop_context(
    profil: Profil, periode: str, bagian: Sequence[KepatuhanSop], surat: Surat, dibuat: dt.datetime
) -> dict[str, object]:
    """The template context: kop, title, addressing, one section per SOP, notes, signature."""
    label = label_periode(periode, profil.tahun)
    day = bagian[0].menit_per_hari if bagian else 450
    return {
        "kop": kop(profil),
        "dokumen": {"judul": JUDUL, "periode": label.upper(), "unit": profil.unit, "tahun": str(profil.tahun),
                    "kaki": f"Laporan Kepatuhan Waktu SOP {profil.unit}, {label}"},  # fmt: skip
        "kepada": surat.kepada.jabatan_lengkap,
        "dari": surat.dari.jabatan_lengkap,
        "perihal": f"Kepatuhan waktu pelaksanaan SOP, {label}",
        "sop": [
            {"no": str(n), "nama": b.sop.nama, "ringkasan": ringkasan(b),
             "langkah": [langkah(run, b.menit_per_hari) for run in b.ringkasan.runs], "rencana": rencana(b)}
            for n, b in enumerate(bagian, start=1)
        ],  # fmt: skip
        "menit_per_hari": describe_minutes(day, 10**6),
        "penandatangan": pejabat(surat.dari),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(surat.tanggal)}",
        "draf": "" if surat.kekurangan is None else "DRAF",
        "kekurangan": list(surat.kekurangan or ()),
        "dibuat": fmt.waktu(dibuat),
    }
