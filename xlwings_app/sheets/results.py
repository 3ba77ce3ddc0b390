"""What sheets Hasil and Rekap hold, as plain values: one layout for every writer.

``hasil_values`` and ``rekap_values`` return a ``grid.SheetValues``: the cell values from A1 and
the styled spans (title, header, box, number formats, status fills) as data. Sheet Hasil's
headers, widths, header row and status column are ``[hasil]`` of workbook/layout.toml. Three
writers interpret these values: the openpyxl writer (``adapters.openpyxl.results``), the zip
package writer (``adapters.xlsx.results_parts`` on ``adapters.xlsx.package``), both for ``kinerja hitung``,
and the xlwings writer (``adapters.xlwings.book.write_sheet``, for the ribbon's Hitung Capaian),
so the file and the live workbook hold the same cells. Nothing here imports openpyxl or xlwings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.summary import Ringkasan
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.charts import BarChart
from xlwings_app.sheets.grid import SheetValues

REKAP_PREDIKAT_ROW = 5
"""Header row of the count-per-predikat block; the chart reads the rows below it."""
REKAP_META_COLUMN = 8
"""Hidden column H: how many rows the Rekap charts read (H5 predikat rows, H6/H7 sasaran block)."""
REKAP_WIDTHS = (44, 16, 20, 12, 14, 12)
DECIMAL = "0.00"
SHOWN_DECIMALS = 2
"""As ``domain.formatting.MAX_DECIMALS`` (not imported: Babel is slow to load for ``hitung``)."""
NUMBER = "General"
"""Targets and realisasi show the decimals they have ("82", "82,5"); "#,##0.##" shows "82," in Excel."""
BLOCK_HEADERS = (
    "Nama", "Jumlah Indikator", "Rata-rata Capaian (%)", "Tercapai", "Tidak Tercapai", "Belum Diisi",
)  # fmt: skip


def shown(value: Decimal | None) -> Decimal | None:
    """A target or realisasi as the documents print it: at most 2 decimals (a mean of 95,2666…
    is 95,27), so the cell's General format shows no long tail and no trailing separator."""
    return None if value is None else round_half_away(value, SHOWN_DECIMALS)


def hasil_row(h: Hasil) -> tuple[object, ...]:
    """The values of ``h``'s row in sheet Hasil, column A onwards (domain values, not yet cells)."""
    return hasil_fields_row(
        h.indicator, h.periode, h.target, h.realisasi, h.capaian, h.predikat, h.status, h.pesan, h.serapan, h.efisiensi
    )


def hasil_fields_row(
    ind: Indicator, periode: Periode, target: Decimal | None, realisasi: Decimal | None, capaian: Decimal | None,
    predikat: str | None, status: Status, pesan: str, serapan: Decimal | None, efisiensi: Decimal | None,
) -> tuple[object, ...]:  # fmt: skip
    """``hasil_row`` of the result with these fields (``Hasil``'s, in its order; no object made)."""
    return (
        ind.jenis.value, ind.kode, ind.nama, ind.satuan, periode.label, shown(target), shown(realisasi),
        capaian, predikat, status.value, pesan, serapan, efisiensi,
    )  # fmt: skip


def hasil_values(results: Sequence[Hasil], unit: str, tahun: int) -> SheetValues:
    """Sheet Hasil: one row per indicator and period, below the header row of ``[hasil]``."""
    lay = L.layout().hasil
    sheet = SheetValues(lay.sheet)
    sheet.put(1, 1, [f"Hasil Pengukuran Kinerja {unit} Tahun {tahun}".replace("  ", " ")], "title")
    sheet.put(
        2, 1, ["Ditulis oleh Kinerja (kinerja hitung); jangan diketik, akan ditimpa saat dihitung ulang."],
        "subtitle",
    )  # fmt: skip
    sheet.put(lay.header_row, 1, lay.headers, "header")
    row = lay.header_row
    for h in results:
        row += 1
        sheet.put(row, 1, hasil_row(h), "box")
        sheet.style(f"status:{h.status.value}", row, lay.status_column)
    if row > lay.header_row:
        count = row - lay.header_row
        first = lay.header_row + 1
        sheet.style(f"format:{NUMBER}", first, 6, count, 2)
        for col in (8, 12, 13):
            sheet.style(f"format:{DECIMAL}", first, col, count)
        sheet.style("wrap", first, 11, count)
    return sheet


def _block(sheet: SheetValues, row: int, title: str, groups: Sequence[Ringkasan]) -> int:
    sheet.put(row, 1, [title], "bold")
    sheet.put(row + 1, 1, BLOCK_HEADERS, "header")
    for offset, g in enumerate(groups, start=2):
        values = (g.nama, g.jumlah_indikator, g.rata_rata_capaian, g.tercapai, g.tidak_tercapai, g.belum_diisi)
        sheet.put(row + offset, 1, values, "box")
        sheet.style("wrap", row + offset, 1)
        sheet.style(f"format:{DECIMAL}", row + offset, 3)
    return row + len(groups) + 3


def rekap_values(
    periode: Periode,
    unit: str,
    tahun: int,
    per_jenis: dict[Jenis, Ringkasan],
    per_sasaran: Sequence[Ringkasan],
    per_pj: Sequence[Ringkasan],
) -> SheetValues:
    """Sheet Rekap for ``periode``: counts per predikat, then the per sasaran and per PJ blocks."""
    sheet = SheetValues(L.SHEET_REKAP)
    sheet.put(1, 1, [f"Rekapitulasi Capaian Kinerja {unit} — {periode.dengan_tahun(tahun)}"], "title")
    sheet.put(2, 1, ["Ditulis oleh Kinerja (kinerja hitung) dari isian IKU dan IKI."], "subtitle")
    sheet.put(3, 1, [periode.value], "subtitle")
    row = REKAP_PREDIKAT_ROW
    sheet.put(row, 1, ("Predikat", "IKU", "IKI"), "header")
    iku, iki = per_jenis[Jenis.IKU], per_jenis[Jenis.IKI]
    labels = list(iku.per_predikat)
    for offset, label in enumerate(labels, start=1):
        sheet.put(row + offset, 1, (label, iku.per_predikat[label], iki.per_predikat.get(label, 0)), "box")
    row += len(labels) + 1
    extra = (
        ("Belum diisi", iku.belum_diisi, iki.belum_diisi),
        ("Tidak dapat dihitung", iku.tidak_dapat_dihitung, iki.tidak_dapat_dihitung),
        ("Jumlah indikator", iku.jumlah_indikator, iki.jumlah_indikator),
        ("Rata-rata capaian (%)", iku.rata_rata_capaian, iki.rata_rata_capaian),
    )
    for values in extra:
        sheet.put(row, 1, values, "box")
        row += 1
    sheet.style(f"format:{DECIMAL}", row - 1, 2, 1, 2)
    sheet.put(REKAP_PREDIKAT_ROW, REKAP_META_COLUMN, [len(labels)], "subtitle")
    row += 1
    sasaran_row = row
    row = _block(sheet, row, "Capaian per Sasaran Strategis (IKU)", per_sasaran)
    sheet.cells[(REKAP_PREDIKAT_ROW + 1, REKAP_META_COLUMN)] = sasaran_row + 2
    sheet.cells[(REKAP_PREDIKAT_ROW + 2, REKAP_META_COLUMN)] = len(per_sasaran)
    _block(sheet, row, "Capaian per Penanggung Jawab", per_pj)
    return sheet


def rekap_charts(cell: Callable[[int, int], object]) -> list[BarChart]:
    """Rekap's charts, from the sheet's own cells (``cell(row, col)``): indicators per predikat
    (IKU and IKI columns) and the mean capaian per sasaran; the hidden column H says how many
    rows each reads (``rekap_values``). None when H5 holds no count (a Rekap not made by Kinerja)."""
    count = cell(REKAP_PREDIKAT_ROW, REKAP_META_COLUMN)
    if not isinstance(count, int) or count < 1:
        return []
    top = REKAP_PREDIKAT_ROW
    charts = [
        BarChart("Jumlah Indikator per Predikat", "col", (2, 3), 1, top, top + count, "J2", value_axis_title="Jumlah")
    ]
    first, n = cell(top + 1, REKAP_META_COLUMN), cell(top + 2, REKAP_META_COLUMN)
    if isinstance(first, int) and isinstance(n, int) and n > 0:
        charts.append(
            BarChart("Rata-rata Capaian per Sasaran (%)", "bar", (3,), 1, first - 1, first + n - 1, "J18", legend=False)
        )
    return charts
