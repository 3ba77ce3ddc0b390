"""The action "Lembar Disposisi" (``kinerja disposisi``): the register of letters and their dispositions.

Rules:
- the register is sheet Register Surat (``sheets.register_surat``); a workbook without it gets it
  (empty, with its header) and nothing else is made: the office fills it first;
- every problem of the register (``surat_masuk.periksa_register``) is reported at once; an error
  refuses the papers (``LaporanDitolak``), nothing is written;
- one Lembar Disposisi per letter (or the one ``nomor`` names), with its dispositions and empty
  rows for those still to be written by hand; the Surat Edaran and each report sent up with a
  disposition (SOP Tim SAKIP Pengukuran 8-9, Pengumpulan Data 10-11);
- with ``nomor`` (one letter: a register spans periods, the letter's period is the one given), the
  log of every SOP with a step the letter answers gets that step's Selesai from the letter's
  own moments (``surat_masuk.stempel_surat``: received, disposed, dated), in ``periode``'s rows,
  committed with nothing else (``services.stempel_log``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.administrasi.surat_masuk import (
    BarisRegister,
    SuratMasuk,
    periksa_register,
    stempel_surat,
    surat_masuk,
)
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.report.context_administrasi import disposisi_context
from xlwings_app.services.kertas import Kertas, nama_berkas, profil_of, tulis
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.master import Master, using
from xlwings_app.services.stempel_log import stage_stempel
from xlwings_app.sheets import register_surat as R
from xlwings_app.sheets.changes import PutSheet

TEMPLATE = "lembar_disposisi.docx"


@dataclass(frozen=True)
class HasilDisposisi:
    """The papers written, the letters read, the log lines and the notes."""

    kertas: list[Kertas]
    surat: tuple[SuratMasuk, ...]
    log: list[str] = field(default_factory=list)
    peringatan: list[Problem] = field(default_factory=list)
    sheet_baru: bool = False


def register_of(master: Master) -> tuple[list[BarisRegister], list[Problem]] | None:
    """The register's rows and problems, or None when the workbook has no sheet Register Surat."""
    if R.SHEET not in master.sheet_names():
        return None
    rows, problems = R.read_register(master.rows(R.SHEET))
    return rows, [p.in_file(master.name) for p in [*problems, *periksa_register(rows)]]


def disposisi(
    source: Path | Master,
    out_dir: Path | None = None,
    nomor: str | None = None,
    pdf: bool = False,
    periode: str | None = None,
    log: bool = True,
    lambang: Path | None = None,
) -> HasilDisposisi:
    """Print the Lembar Disposisi of the register's letters (rules in the module docstring)."""
    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Lembar Disposisi")
        found = register_of(master)
        if found is None:
            master.stage(PutSheet(R.head_values()))
            master.commit()
            return HasilDisposisi([], (), sheet_baru=True)
        rows, problems = found
        if errors(problems):
            raise LaporanDitolak(f"Lembar Disposisi tidak dibuat: {len(errors(problems))} masalah di sheet "
                                 f"{R.SHEET}.", errors(problems))  # fmt: skip
        letters = surat_masuk(rows)
        if nomor:
            letters = tuple(s for s in letters if normal(s.nomor) == normal(nomor))
            if not letters:
                raise LaporanDitolak(f"Surat nomor {nomor} tidak ada di sheet {R.SHEET}.")
        if not letters:
            raise LaporanDitolak(f"Sheet {R.SHEET} belum berisi surat: catat surat masuk dan disposisinya dulu.")
        papers = [(f"Lembar Disposisi {s.nomor}", TEMPLATE, disposisi_context(profil, s),
                   nama_berkas("Lembar_Disposisi", s.nomor)) for s in letters]  # fmt: skip
        made, notes = tulis(data, master.path, out_dir, "Lembar Disposisi", papers, pdf, lambang)
        lines = _stamp(master, letters, periode or data.settings.periode_aktif.value) if log and nomor else []
    return HasilDisposisi(made, letters, lines, [*notes, *(p for p in problems if not p.is_error)])


def _stamp(master: Master, letters: Sequence[SuratMasuk], periode: str) -> list[str]:
    from xlwings_app.services.sop_master import every_sop

    stamps = [s for d in every_sop(master) if d.sop is not None for letter in letters
              for s in stempel_surat(d.sop, letter)]  # fmt: skip
    lines = stage_stempel(master, stamps, periode)
    master.commit()
    return lines
