"""The context of ``report_templates/lkjip.docx``: a drafted LKjIP (``domain.lkjip.draft``) as printed
strings, in PermenPANRB 53/2014's order.

Every paragraph is ``{"teks": ..., "belum": bool}``: ``belum`` marks a written piece still to be
written (its text the placeholder "[Belum ditulis: ...]", ``domain.lkjip.written``), which the
template prints highlighted; a final LKjIP has none (its gate refuses it first). Numbers in
Indonesian format (``domain.formatting``); an empty cell prints "–".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.lkjip.budget import ProgramAnggaran, Total
from xlwings_app.domain.lkjip.draft import LkjipDraft, SasaranDraft
from xlwings_app.domain.lkjip.history import YearRecord
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.tables import MultiYearTable, RenstraRow, TargetRealisasiRow
from xlwings_app.domain.lkjip.written import Paragraph
from xlwings_app.domain.profil import Profil
from xlwings_app.report.context import kop, pejabat

JUDUL = "LAPORAN KINERJA INSTANSI PEMERINTAH"
YEARS_SHOWN = 4
"""Years of the multi-year table: this year and the three before it ("dengan tahun lalu dan beberapa
tahun terakhir", PermenPANRB 53/2014 BAB III A.(2)); the Renstra table covers the whole period."""


def _p(paragraph: Paragraph | None) -> dict[str, object]:
    if paragraph is None:
        return {"teks": "", "belum": False, "ada": False, "paras": []}
    lines = [line.strip() for line in paragraph.teks.splitlines() if line.strip()]
    return {"teks": paragraph.teks, "belum": paragraph.belum_ditulis, "ada": bool(lines), "paras": lines}


def _pct(value: Decimal | None) -> str:
    return f"{fmt.persen(value)}%" if value is not None else fmt.KOSONG


def _target(row: TargetRealisasiRow) -> str:
    if row.batas_bawah is not None and row.batas_atas is not None:
        return f"{fmt.angka(row.batas_bawah)}–{fmt.angka(row.batas_atas)}"
    prefix = "≤ " if row.polaritas is Polaritas.NEGATIF and row.target is not None else ""
    return f"{prefix}{fmt.angka(row.target)}"


def target_rows(rows: Sequence[TargetRealisasiRow]) -> list[dict[str, str]]:
    """Table (1): kode, indikator, satuan, target, realisasi, capaian, predikat, status."""
    return [{
        "no": str(n), "kode": r.kode, "nama": r.nama, "satuan": r.satuan, "target": _target(r),
        "realisasi": fmt.angka(r.realisasi), "capaian": _pct(r.capaian), "predikat": r.predikat or fmt.KOSONG,
        "status": r.status.value,
    } for n, r in enumerate(rows, start=1)]  # fmt: skip


def _cell(record: YearRecord | None) -> str:
    if record is None:
        return fmt.KOSONG
    return f"{fmt.angka(record.target)} / {fmt.angka(record.realisasi)} / {_pct(record.capaian)}"


def multi_year(table: MultiYearTable) -> dict[str, object]:
    """Table (2): the years as columns (at most ``YEARS_SHOWN``: the latest), each cell T / R / C."""
    shown = table.tahun[-YEARS_SHOWN:]
    offset = len(table.tahun) - len(shown)
    rows = [{
        "kode": r.kode, "nama": r.nama, "satuan": r.satuan,
        "sel": [_cell(rec) for rec in r.tahun[offset:]] + [""] * (YEARS_SHOWN - len(shown)),
    } for r in table.rows]  # fmt: skip
    return {"tahun": [str(y) for y in shown] + [""] * (YEARS_SHOWN - len(shown)), "rows": rows}


def renstra_rows(rows: Sequence[RenstraRow]) -> list[dict[str, str]]:
    """Table (3): target akhir, realisasi s.d. tahun ini, kemajuan, keterangan."""
    return [{
        "kode": r.kode, "nama": r.nama, "satuan": r.satuan, "agregasi": r.agregasi.value,
        "target_akhir": fmt.angka(r.target_akhir), "nilai": fmt.angka(r.nilai), "progres": _pct(r.progres),
        "keterangan": r.keterangan,
    } for r in rows]  # fmt: skip


def program_rows(programs: Sequence[ProgramAnggaran], total: Total) -> dict[str, object]:
    """Table B (and (7) per sasaran): pagu, realisasi, serapan, capaian, efisiensi, and the total."""
    rows = [{
        "no": str(n), "nama": p.nama, "pagu": fmt.rupiah(p.pagu), "realisasi": fmt.rupiah(p.realisasi_anggaran),
        "serapan": _pct(p.serapan), "capaian": _pct(p.capaian), "efisiensi": _pct(p.efisiensi),
    } for n, p in enumerate(programs, start=1)]  # fmt: skip
    return {"rows": rows, "jumlah": {
        "pagu": fmt.rupiah(total.pagu), "realisasi": fmt.rupiah(total.realisasi_anggaran),
        "serapan": _pct(total.serapan), "capaian": _pct(total.capaian), "efisiensi": _pct(total.efisiensi),
    }}  # fmt: skip


def _sasaran(n: int, s: SasaranDraft) -> dict[str, object]:
    return {
        "no": str(n), "nama": s.nama,
        **{key.replace("bab3.a.", "p").replace(".", "_"): _p(s.paragraph(key)) for key in (
            "bab3.a.1", "bab3.a.2", "bab3.a.3", "bab3.a.4", "bab3.a.5.catatan", "bab3.a.5.analisis", "bab3.a.6",
            "bab3.a.7", "bab3.a.7.analisis")},
        "target": target_rows(s.target_realisasi),
        "multi": multi_year(s.multi_year),
        "renstra": renstra_rows(s.renstra),
        "standar": [{
            "kode": r.kode, "nama": r.nama, "realisasi": fmt.angka(r.realisasi), "standar": fmt.angka(r.standar),
            "sumber": r.sumber, "memenuhi": "Ya" if r.memenuhi else ("Tidak" if r.memenuhi is False else fmt.KOSONG),
        } for r in s.standar],  # fmt: skip
        "program": program_rows(s.programs, s.anggaran),
    }


def lkjip_context(profil: Profil, draft: LkjipDraft, period: RenstraPeriod, tanggal: dt.date,
                  kekurangan: Sequence[str] = ()) -> dict[str, object]:  # fmt: skip
    """The template's context for ``draft`` of ``profil``'s unit, signed on ``tanggal``."""
    unit = {key.replace(".", "_"): _p(draft.paragraph(key)) for key in (
        "ikhtisar.ringkasan", "ikhtisar.kendala", "ikhtisar.antisipasi", "bab1.organisasi", "bab1.tugas_fungsi",
        "bab1.aspek_strategis", "bab1.permasalahan_utama", "bab1.tindak_lanjut", "bab1.sistematika", "bab2.renstra",
        "bab2.pk", "bab3.a.ringkasan", "bab3.b", "bab4.simpulan", "bab4.langkah")}  # fmt: skip
    sasaran = [_sasaran(n, s) for n, s in enumerate(draft.sasaran, start=1)]
    return {
        "dokumen": {
            "judul": JUDUL, "judul_pendek": "Laporan Kinerja", "tahun": str(draft.tahun), "unit": profil.unit,
            "unit_besar": profil.unit.upper(), "kabupaten": profil.kabupaten, "renstra": period.label,
        },  # fmt: skip
        "draf": not draft.final,
        "kekurangan": list(kekurangan),
        "kop": kop(profil),
        "p": unit,
        "pejabat": [{"no": str(n), **pejabat(p)} for n, p in enumerate(profil.pejabat, start=1)],
        "sasaran": sasaran,
        "iku": target_rows(draft.target_realisasi),
        "renstra": renstra_rows(draft.renstra),
        "anggaran": program_rows(draft.programs, draft.anggaran),
        "ada_anggaran": bool(draft.programs),
        "pk": [{"no": s["no"], "nama": s["nama"], "indikator": s["target"]} for s in sasaran],
        "penandatangan": pejabat(profil.penandatangan),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(tanggal)}",
        "placeholder_count": len(draft.placeholders),
    }
