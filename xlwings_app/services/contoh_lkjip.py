"""The example's Laporan Kinerja (the last step of ``kinerja contoh``): Kecamatan Lumajang's year 2024
closed in January 2025, with its earlier Renstra years, drafted, written and made final.

The example workbook stops at TW III; the LKjIP is made after the year. So the step builds the unit's
workbook as it stands once TW IV and the budget are in (``samples.example_lkjip``), with sheet Riwayat
Capaian (2021–2023) and an empty sheet Narasi LKjIP, and runs ``kinerja lkjip`` for the draft (every
piece the Sekretaris must write marked); then the same workbook with the Narasi written, and
``kinerja lkjip --final``. Every step is the service a user runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from xlwings_app.adapters.documents import lambang_contoh as lambang
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.lkjip_sheets import add_sheets
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.lkjip.tables import by_sasaran
from xlwings_app.domain.lkjip.written import Tulisan
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.samples import example
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.workbook import create
from xlwings_app.sheets.lkjip import narasi_values, riwayat_values

NAME = "kinerja-kecamatan-lumajang-2024-akhir-tahun.xlsx"


def closed(indicator: Indicator) -> Indicator:
    """``indicator`` as it stands at the end of the year: TW IV, the budget realised, a Jumlah's end target,
    and the year's analysis (Permasalahan/Rencana Aksi Tahunan) carried from the latest period written
    when the year's own is empty (a final needs its period's analysis for an unmet IKU)."""
    r4 = E.REALISASI_TW4.get(indicator.kode)
    tw = indicator.realisasi_tw
    if r4 is not None and tw[3] is None:
        tw = (tw[0], tw[1], tw[2], Decimal(r4))
    anggaran = E.REALISASI_ANGGARAN.get(indicator.kode)
    akhir = E.TARGET_AKHIR_RENSTRA.get(indicator.kode)
    analisis = indicator.analisis
    if analisis[4].kosong and (written := [c for c in analisis[:4] if not c.kosong]):
        analisis = (*analisis[:4], replace(written[-1], alasan=""))
    return replace(
        indicator, realisasi_tw=tw, analisis=analisis,
        realisasi_anggaran=Decimal(anggaran) if anggaran else indicator.realisasi_anggaran,
        target_akhir_renstra=Decimal(akhir) if akhir else indicator.target_akhir_renstra,
    )  # fmt: skip


def write_workbook(path: Path, tulisan: list[Tulisan]) -> None:
    """The closed year's workbook at ``path`` with its history and ``tulisan`` in sheet Narasi LKjIP."""
    indicators = [closed(i) for i in example.INDICATORS]
    profil = {**example.PROFIL, "lambang": lambang.FILE_NAME}
    wb = build_workbook(profil, indicators, example.SETTINGS, spare_rows=10, pejabat=example.PEJABAT)
    from xlwings_app.domain.indicator import Jenis, Periode
    from xlwings_app.domain.measure import measure_all

    sasaran = [name for name, _ in by_sasaran(measure_all([i for i in indicators if i.jenis is Jenis.IKU],
                                                          Periode.TAHUNAN, example.SETTINGS))]  # fmt: skip
    add_sheets(wb, [riwayat_values(E.PERIODE, E.records()), narasi_values(sasaran, tulisan)])
    create(path, wb, overwrite=True)


def contoh(folder: Path) -> Iterator[str]:
    """The example's LKjIP 2024, draft then final, into ``folder``; one line of progress per step."""
    from xlwings_app.adapters.documents.pdf import PdfUnavailable
    from xlwings_app.services.lkjip import lkjip

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NAME
    (folder / lambang.FILE_NAME).write_bytes(lambang.placeholder_png())
    tanggal = parse_tanggal(E.TANGGAL)
    write_workbook(path, [])
    yield f"Workbook akhir tahun 2024 (TW IV terisi, riwayat {E.PERIODE.label}): {path}"
    pdf = True
    try:
        draf = lkjip(path, folder, pdf=True, tanggal=tanggal)
    except PdfUnavailable as exc:
        pdf = False
        draf = lkjip(path, folder, tanggal=tanggal)
        yield f"PDF tidak dibuat: {exc}"
    yield (f"LKjIP 2024 (draf): {draf.pdf or draf.docx}; {len(draf.draft.placeholders)} isian ditandai "
           "[Belum ditulis: ...] untuk ditulis Sekretaris di sheet Narasi LKjIP.")
    write_workbook(path, E.NARASI)
    final = lkjip(path, folder, final=True, pdf=pdf, tanggal=tanggal)
    yield f"LKjIP 2024 (final, Narasi LKjIP ditulis): {final.pdf or final.docx}"
