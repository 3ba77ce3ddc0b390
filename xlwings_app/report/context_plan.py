"""The contexts of the planning documents: Rencana Kinerja Tahunan and Perjanjian Kinerja.

Pure: indicators and officials in, formatted text out (PermenPANRB 53/2014, forms of the Rencana
Kinerja Tahunan and of the Perjanjian Kinerja with its lampiran). Rules:
- indicators are grouped by Sasaran Strategis in order of first appearance, numbered 1, 2, ...;
- a target prints the Indonesian way with the decimals it has ("81,5", "4.800"); a range target
  prints as "80–90"; a blank target as an em dash;
- the Rencana Aksi (lampiran) lists each indicator's four triwulan targets;
- Program/Kegiatan with Anggaran: each program named in the indicators' Program/Kegiatan column,
  in order of first appearance, with the sum of their Pagu Anggaran ("Rp 1.234.567"); rows
  without a program are left out;
- the comparison with the year before appears only when an indicator has Target/Realisasi Tahun
  Lalu or a Target Akhir Renstra (``pembanding`` empty otherwise, and the template leaves it out);
- pihak pertama and pihak kedua are signature blocks (``report.context.pejabat``): jabatan, nama,
  pangkat, "NIP ..."; a missing name prints as a dotted line to fill in by hand;
- a draft (``Penetapan.draf``) has ``draf`` = "DRAF" (printed on every page) and ``kekurangan``,
  the planner's problems to correct before the head signs (as the Pengukuran document's drafts);
  a final document has ``draf`` = "" and no ``kekurangan``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.report.context import kop, pejabat

JUDUL_RENCANA = "RENCANA KINERJA TAHUNAN"
JUDUL_PERJANJIAN = "PERJANJIAN KINERJA"
TITIK = "...................................."


@dataclass(frozen=True)
class Penetapan:
    """What a planning document is about besides its indicators: the year, its date, draft or final."""

    tahun: int
    tanggal: dt.date
    draf: bool = False
    kekurangan: tuple[str, ...] = ()
    kode_verifikasi: str = ""
    """The code printed in the footer (``domain.verification.plan_code``: the plan and its signing)."""


def target_text(indicator: Indicator) -> str:
    """The yearly target as printed: "82", "4.800", "80–90" (range), "–" (blank)."""
    if indicator.is_range:
        return f"{fmt.angka(indicator.batas_bawah)}–{fmt.angka(indicator.batas_atas)}"
    return fmt.angka(indicator.target_tahunan)


def _row(i: Indicator) -> dict[str, str]:
    return {
        "kode": i.kode,
        "nama": i.nama,
        "satuan": i.satuan,
        "target": target_text(i),
        "target_lalu": fmt.angka(i.target_lalu),
        "realisasi_lalu": fmt.angka(i.realisasi_lalu),
        "renstra": fmt.angka(i.target_akhir_renstra),
    }


def sasaran(indicators: Sequence[Indicator]) -> list[dict[str, object]]:
    """Indicators grouped by Sasaran Strategis (numbered), each with satuan and target."""
    groups: dict[str, list[Indicator]] = {}
    for i in indicators:
        groups.setdefault(i.sasaran, []).append(i)
    return [
        {"no": str(n), "nama": name, "indikator": [_row(i) for i in items]}
        for n, (name, items) in enumerate(groups.items(), start=1)
    ]


def rencana_aksi(indicators: Sequence[Indicator]) -> list[dict[str, str]]:
    """Each indicator's target spread over the four triwulan (lampiran Rencana Aksi)."""
    return [
        {
            "no": str(n),
            **_row(i),
            "agregasi": i.agregasi.value,
            "tw": [fmt.angka(t) for t in i.target_tw],  # type: ignore[dict-item]
        }
        for n, i in enumerate(indicators, start=1)
    ]


def program(indicators: Sequence[Indicator]) -> tuple[list[dict[str, str]], str]:
    """(programs with their Anggaran, the total) from the Program/Kegiatan and Pagu columns."""
    totals: dict[str, Decimal | None] = {}
    for i in indicators:
        name = " ".join(i.program.split())
        if not name:
            continue
        known = totals.get(name)
        totals[name] = i.pagu if known is None else known + (i.pagu or Decimal(0))
    rows = [
        {"no": str(n), "nama": name, "anggaran": fmt.rupiah(pagu)}
        for n, (name, pagu) in enumerate(totals.items(), start=1)
    ]
    given = [p for p in totals.values() if p is not None]
    return rows, fmt.rupiah(sum(given, Decimal(0))) if given else fmt.KOSONG


def pembanding(indicators: Sequence[Indicator]) -> list[dict[str, str]]:
    """Rows comparing with the year before and the Renstra, or [] when none of it is filled."""
    if not any(
        v is not None for i in indicators for v in (i.target_lalu, i.realisasi_lalu, i.target_akhir_renstra)
    ):
        return []
    return [_row(i) for i in indicators]


def pihak(p: Pejabat) -> dict[str, str]:
    """A party's signature block; a missing name is a dotted line."""
    block = pejabat(p)
    return {**block, "nama": p.nama.strip() or TITIK}


def _header(profil: Profil, penetapan: Penetapan, judul: str, subjudul: str) -> dict[str, str]:
    return {
        "judul": judul,
        "subjudul": subjudul,
        "tahun": str(penetapan.tahun),
        "tahun_lalu": str(penetapan.tahun - 1),
        "periode": f"TAHUN {penetapan.tahun}",
        "unit": profil.unit,
        "kabupaten": profil.kabupaten,
    }


def _draf(penetapan: Penetapan) -> dict[str, object]:
    return {"draf": "DRAF" if penetapan.draf else "", "kekurangan": list(penetapan.kekurangan) if penetapan.draf else [],
            "kode_verifikasi": penetapan.kode_verifikasi}  # fmt: skip


def rencana_context(
    profil: Profil,
    iku: Sequence[Indicator],
    penetapan: Penetapan,
) -> dict[str, object]:
    """The Rencana Kinerja Tahunan of the unit: its IKU by Sasaran Strategis, signed by the head.

    The Perencanaan SOP's timing is not on the signed page (``kinerja sop laporan``); ``lampiran_sop``
    stays, always empty, for templates made when it was.
    """
    return {
        "kop": kop(profil),
        "dokumen": _header(profil, penetapan, JUDUL_RENCANA, profil.unit.upper()),
        **_draf(penetapan),
        "sasaran": sasaran(iku),
        "pembanding": pembanding(iku),
        "rencana_aksi": rencana_aksi(iku),
        "penandatangan": pihak(profil.penandatangan),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(penetapan.tanggal)}",
        "lampiran_sop": "",
    }


def perjanjian_context(
    profil: Profil,
    indicators: Sequence[Indicator],
    pertama: Pejabat,
    kedua: Pejabat,
    penetapan: Penetapan,
    subjudul: str,
) -> dict[str, object]:
    """A Perjanjian Kinerja: ``pertama`` promises ``kedua`` the targets of ``indicators``.

    The unit's PK: the head of the unit and the head of the region, with the IKU; an official's
    PK: the official and the head of the unit, with that official's IKI.
    """
    programs, total = program(indicators)
    return {
        "kop": kop(profil),
        "dokumen": _header(profil, penetapan, JUDUL_PERJANJIAN, subjudul),
        **_draf(penetapan),
        "pertama": pihak(pertama),
        "kedua": pihak(kedua),
        "sasaran": sasaran(indicators),
        "program": programs,
        "total_anggaran": total,
        "rencana_aksi": rencana_aksi(indicators),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(penetapan.tanggal)}",
    }
