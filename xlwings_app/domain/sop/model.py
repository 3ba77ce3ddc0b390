"""An SOP as data: its identity and its procedure table (PermenPANRB 35/2012).

PermenPANRB 35/2012 (Pedoman Penyusunan SOP Administrasi Pemerintahan) fixes the two parts used here.
Identity: unit, Nomor SOP, Tanggal Pembuatan, Tanggal Revisi, Tanggal Efektif, Disahkan Oleh
(jabatan, nama, NIP), Nama SOP, Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan,
Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan. Procedure: No | Kegiatan | one column
per Pelaksana | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, drawn as a flowchart whose
decision symbol answers YA (go on) or TIDAK (back to an earlier step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.sop.waktu import Duration, parse_waktu


@dataclass(frozen=True)
class Pengesah:
    """Disahkan Oleh: the official who signed the SOP."""

    jabatan: str
    nama: str
    nip: str = ""


@dataclass(frozen=True)
class Step:
    """One row of the procedure table.

    ``pelaksana`` names the columns the step's symbol sits in (usually one). ``waktu`` is the Mutu
    Baku Waktu as written; empty means the SOP gives no time limit. A decision step answered TIDAK
    goes back to ``returns_to``. ``baris`` is the source row when read from a sheet.
    """

    no: int
    kegiatan: str
    pelaksana: tuple[str, ...]
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    is_decision: bool = False
    returns_to: int | None = None
    baris: int | None = field(default=None, compare=False)

    def duration(self) -> Duration | None:
        """The parsed Waktu, or None when it is empty or unreadable (``check_sop`` reports that)."""
        if not self.waktu.strip():
            return None
        parsed = parse_waktu(self.waktu)
        return parsed if isinstance(parsed, Duration) else None


@dataclass(frozen=True)
class Sop:
    """A Standard Operating Procedure: identity fields and steps, in the order of the table."""

    nama: str
    unit: tuple[str, ...]
    pelaksana: tuple[str, ...]
    steps: tuple[Step, ...]
    nomor: str = ""
    tanggal_pembuatan: date | None = None
    tanggal_revisi: date | None = None
    tanggal_efektif: date | None = None
    disahkan_oleh: Pengesah | None = None
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan: tuple[str, ...] = ()
    peringatan: str = ""
    pencatatan: tuple[str, ...] = ()

    def step(self, no: int) -> Step | None:
        """The step numbered ``no``, or None."""
        return next((s for s in self.steps if s.no == no), None)


def check_sop(sop: Sop, *, sheet: str | None = None) -> list[Problem]:
    """Every problem of an SOP's procedure table, all at once.

    Rules: steps are numbered 1, 2, 3 ... in order; every step has a Kegiatan and at least one
    Pelaksana, each one of the SOP's Pelaksana columns; Waktu is readable (``parse_waktu``), and an
    empty Waktu is a notice (no time limit, so the step cannot be late); only a decision step has a
    TIDAK target, and it is an earlier step (the flowchart goes back, PermenPANRB 35/2012).
    """
    problems: list[Problem] = []

    def add(step: Step, kolom: str, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> None:
        problems.append(
            Problem(
                f"Langkah {step.no}: {pesan}",
                sheet=sheet,
                baris=step.baris,
                kolom=kolom,
                nilai=nilai,
                tingkat=tingkat,
            )
        )

    if not sop.steps:
        problems.append(Problem("SOP tidak punya langkah.", sheet=sheet))
    for expected, step in enumerate(sop.steps, start=1):
        if step.no != expected:
            add(step, "No", f"nomor seharusnya {expected} (langkah bernomor 1, 2, 3 ... urut).", step.no)
        if not step.kegiatan.strip():
            add(step, "Kegiatan", "kegiatan kosong.", step.kegiatan)
        if not step.pelaksana:
            add(step, "Pelaksana", "tidak ada pelaksana yang ditandai.", None)
        for role in step.pelaksana:
            if sop.pelaksana and role not in sop.pelaksana:
                add(step, "Pelaksana", f'pelaksana "{role}" bukan kolom pelaksana SOP ini.', role)
        if not step.waktu.strip():
            add(step, "Waktu", "Waktu kosong; langkah ini tanpa batas waktu.", step.waktu, "catatan")
        else:
            parsed = parse_waktu(step.waktu, sheet=sheet, baris=step.baris)
            if not isinstance(parsed, Duration):
                problems.append(
                    Problem(
                        f"Langkah {step.no}: {parsed.pesan}",
                        sheet=sheet,
                        baris=step.baris,
                        kolom="Waktu",
                        nilai=step.waktu,
                    )
                )
        if step.is_decision:
            if step.returns_to is None or not 1 <= step.returns_to < step.no:
                add(
                    step,
                    "Kembali ke",
                    "keputusan TIDAK harus kembali ke langkah sebelumnya.",
                    step.returns_to,
                )
        elif step.returns_to is not None:
            add(step, "Kembali ke", "hanya langkah keputusan yang punya TIDAK.", step.returns_to)
    return problems
