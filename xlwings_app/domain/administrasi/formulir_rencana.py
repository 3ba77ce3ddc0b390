"""Formulir Rencana Kinerja: what each penanggung jawab is asked to propose for the plan year.

Seed SOP Prosedur Penyusunan Pengukuran Kinerja step 5 and Prosedur Penyusunan Perencanaan Kinerja
step 4: the draft is made "berdasarkan form yang ada bersama seluruh kasubbag dan seksi yang ada",
Output "Form Rencana Kinerja". PermenPANRB 53/2014 (Rencana Kinerja Tahunan, Perjanjian Kinerja and
its Rencana Aksi) needs, per indicator, the year's target and its spread over the four triwulan.
So each official who answers for indicators gets one form, holding:

- their indicators of the plan year's master (the workbook ``kinerja baru --dari`` made, with the
  codes, cascading, satuan, polaritas and agregasi carried by ``domain.next_year``), in master
  order, each with last year's target and realisasi and the Renstra's end target for context;
- the proposed yearly and triwulan targets, pre-filled with what the master holds (the Renstra's
  target carried into the year, or a target already typed), for the official to keep or change;
- a Rencana Aksi per indicator: what the official will do to reach the target (the PK's lampiran);
- ``baris_baru`` blank rows for indicators they propose anew (an IKI by default, under an IKU).
An official of sheet Pejabat with no indicator yet gets a form of blank rows only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.indicator import NO_VALUES, Agregasi, Indicator, Jenis, Polaritas, Quarterly
from xlwings_app.domain.profil import Pejabat

BARIS_BARU = 3
"""Blank rows a form offers for new indicators unless asked otherwise."""


@dataclass(frozen=True)
class BarisFormulirRencana:
    """One row of a planning form: an indicator of the master, or a blank row for a new one."""

    kode: str = ""
    jenis: Jenis = Jenis.IKI
    induk: str = ""
    sasaran: str = ""
    nama: str = ""
    satuan: str = ""
    polaritas: Polaritas | None = None
    agregasi: Agregasi | None = None
    target_lalu: Decimal | None = None
    realisasi_lalu: Decimal | None = None
    target_akhir_renstra: Decimal | None = None
    target_tahunan: Decimal | None = None
    """Proposed, pre-filled with the master's."""
    target_tw: Quarterly = NO_VALUES
    rencana_aksi: str = ""
    baru: bool = False


@dataclass(frozen=True)
class FormulirRencana:
    """One official's planning form for the plan year ``tahun``."""

    unit: str
    tahun: int
    penanggung_jawab: str
    pejabat: Pejabat | None
    baris: tuple[BarisFormulirRencana, ...]

    @property
    def indikator(self) -> tuple[BarisFormulirRencana, ...]:
        return tuple(b for b in self.baris if not b.baru)

    @property
    def kosong(self) -> int:
        """Blank rows for new indicators."""
        return sum(1 for b in self.baris if b.baru)


def baris_indikator(indicator: Indicator) -> BarisFormulirRencana:
    """The form row of a master indicator (context and pre-filled proposal)."""
    return BarisFormulirRencana(
        kode=indicator.kode, jenis=indicator.jenis, induk=indicator.induk or "", sasaran=indicator.sasaran,
        nama=indicator.nama, satuan=indicator.satuan, polaritas=indicator.polaritas, agregasi=indicator.agregasi,
        target_lalu=indicator.target_lalu, realisasi_lalu=indicator.realisasi_lalu,
        target_akhir_renstra=indicator.target_akhir_renstra, target_tahunan=indicator.target_tahunan,
        target_tw=indicator.target_tw,
    )  # fmt: skip


def formulir_rencana(
    indicators: Sequence[Indicator],
    penanggung_jawab: str,
    unit: str,
    tahun: int,
    pejabat: Sequence[Pejabat] = (),
    baris_baru: int = BARIS_BARU,
) -> FormulirRencana:
    """The form of ``penanggung_jawab`` (compared with spaces and case folded, named as the master
    spells it), rules above."""
    wanted = normal(penanggung_jawab)
    mine = [i for i in indicators if normal(i.penanggung_jawab) == wanted]
    official = next((p for p in pejabat if normal(p.jabatan) == wanted), None)
    name = mine[0].penanggung_jawab if mine else official.jabatan if official else " ".join(penanggung_jawab.split())
    blank = [BarisFormulirRencana(baru=True) for _ in range(max(baris_baru, 0))]
    return FormulirRencana(unit, tahun, name, official, (*(baris_indikator(i) for i in mine), *blank))


def formulir_rencana_semua(
    indicators: Sequence[Indicator],
    unit: str,
    tahun: int,
    pejabat: Sequence[Pejabat] = (),
    baris_baru: int = BARIS_BARU,
) -> tuple[FormulirRencana, ...]:
    """One form per penanggung jawab, in the order they first appear in the master, then one of
    blank rows for each official of ``pejabat`` who answers for no indicator yet."""
    names: dict[str, str] = {}
    for indicator in indicators:
        if indicator.penanggung_jawab.strip():
            names.setdefault(normal(indicator.penanggung_jawab), indicator.penanggung_jawab)
    for official in pejabat:
        if official.jabatan.strip():
            names.setdefault(normal(official.jabatan), official.jabatan)
    return tuple(formulir_rencana(indicators, name, unit, tahun, pejabat, baris_baru) for name in names.values())
