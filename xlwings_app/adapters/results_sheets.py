"""Sheets Hasil and Rekap: what ``kinerja hitung`` writes back (inputs are never touched).

Hasil holds one row per indicator and period (s.d. TW I … s.d. TW IV, Tahunan) as the Excel
table ``TabelHasil``, its status cells coloured. Rekap holds the counts per predikat, the mean
capaian per sasaran and per penanggung jawab for the chosen period, and two native bar charts.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app import layout as L
from xlwings_app.adapters import charts
from xlwings_app.adapters import styles as S
from xlwings_app.adapters.workbook_builder import excel_value
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.summary import Ringkasan

REKAP_PREDIKAT_ROW = 5
"""Header row of the count-per-predikat block; the chart reads the rows below it."""


def _replace_sheet(wb: Workbook, name: str, after: str | None = None) -> Worksheet:
    index = None
    if name in wb.sheetnames:
        index = wb.sheetnames.index(name)
        del wb[name]
    elif after and after in wb.sheetnames:
        index = wb.sheetnames.index(after) + 1
    return wb.create_sheet(name, index)


def _header(ws: Worksheet, row: int, headers: Sequence[str], col: int = 1) -> None:
    for offset, text in enumerate(headers):
        cell = ws.cell(row, col + offset, text)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX


def write_hasil(wb: Workbook, results: Sequence[Hasil], unit: str, tahun: int) -> None:
    """Rewrite sheet Hasil from ``results`` (every indicator, every period)."""
    lay = L.layout()
    ws = _replace_sheet(wb, lay.hasil_sheet, after=L.SHEET_PENGATURAN)
    ws["A1"] = f"Hasil Pengukuran Kinerja {unit} Tahun {tahun}".replace("  ", " ")
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = "Ditulis oleh Kinerja (kinerja hitung); jangan diketik, akan ditimpa saat dihitung ulang."
    ws["A2"].font = S.SUBTITLE_FONT
    header_row = 4
    _header(ws, header_row, lay.hasil_headers)
    widths = (6, 12, 40, 10, 16, 11, 11, 10, 14, 20, 50, 12, 10)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    row = header_row
    for h in results:
        row += 1
        values = (
            h.indicator.jenis.value,
            h.indicator.kode,
            h.indicator.nama,
            h.indicator.satuan,
            h.periode.label,
            h.target,
            h.realisasi,
            h.capaian,
            h.predikat,
            h.status.value,
            h.pesan,
            h.serapan,
            h.efisiensi,
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, excel_value(value))
            if isinstance(value, str):
                cell.data_type = "s"
            cell.border = S.BOX
        for col in (6, 7):
            ws.cell(row, col).number_format = "#,##0.##"
        for col in (8, 12, 13):
            ws.cell(row, col).number_format = "0.00"
        ws.cell(row, 10).fill = S.STATUS_FILLS[h.status.value]
        ws.cell(row, 11).alignment = S.WRAP
    if row == header_row:
        row += 1
    table = Table(
        displayName=lay.hasil_name, ref=f"A{header_row}:{get_column_letter(len(lay.hasil_headers))}{row}"
    )
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = f"D{header_row + 1}"
    ws.auto_filter.ref = None
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"


def _block(ws: Worksheet, row: int, title: str, groups: Sequence[Ringkasan]) -> int:
    ws.cell(row, 1, title).font = S.BOLD
    _header(
        ws,
        row + 1,
        ("Nama", "Jumlah Indikator", "Rata-rata Capaian (%)", "Tercapai", "Tidak Tercapai", "Belum Diisi"),
    )
    for offset, g in enumerate(groups, start=2):
        values = (
            g.nama,
            g.jumlah_indikator,
            excel_value(g.rata_rata_capaian),
            g.tercapai,
            g.tidak_tercapai,
            g.belum_diisi,
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row + offset, col, value)
            cell.border = S.BOX
            if col == 1:
                cell.data_type = "s"
                cell.alignment = S.WRAP
        ws.cell(row + offset, 3).number_format = "0.00"
    return row + len(groups) + 3


def write_rekap(
    wb: Workbook,
    periode: Periode,
    unit: str,
    tahun: int,
    per_jenis: dict[Jenis, Ringkasan],
    per_sasaran: Sequence[Ringkasan],
    per_pj: Sequence[Ringkasan],
) -> None:
    """Rewrite sheet Rekap for ``periode``."""
    ws = _replace_sheet(wb, L.SHEET_REKAP, after=L.layout().hasil_sheet)
    ws["A1"] = f"Rekapitulasi Capaian Kinerja {unit} — {periode.label} Tahun {tahun}"
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = "Ditulis oleh Kinerja (kinerja hitung) dari isian IKU dan IKI."
    ws["A2"].font = S.SUBTITLE_FONT
    ws["A3"] = periode.value
    ws["A3"].font = S.SUBTITLE_FONT
    for col, width in zip("ABCDEF", (44, 16, 20, 12, 14, 12), strict=True):
        ws.column_dimensions[col].width = width
    row = REKAP_PREDIKAT_ROW
    _header(ws, row, ("Predikat", "IKU", "IKI"))
    iku, iki = per_jenis[Jenis.IKU], per_jenis[Jenis.IKI]
    labels = list(iku.per_predikat)
    for offset, label in enumerate(labels, start=1):
        for col, value in enumerate(
            (label, iku.per_predikat[label], iki.per_predikat.get(label, 0)), start=1
        ):
            ws.cell(row + offset, col, value).border = S.BOX
    row += len(labels) + 1
    extra = (
        ("Belum diisi", iku.belum_diisi, iki.belum_diisi),
        ("Tidak dapat dihitung", iku.tidak_dapat_dihitung, iki.tidak_dapat_dihitung),
        ("Jumlah indikator", iku.jumlah_indikator, iki.jumlah_indikator),
        ("Rata-rata capaian (%)", excel_value(iku.rata_rata_capaian), excel_value(iki.rata_rata_capaian)),
    )
    for name, a, b in extra:
        for col, value in enumerate((name, a, b), start=1):
            ws.cell(row, col, value).border = S.BOX
        row += 1
    ws.cell(row - 1, 2).number_format = ws.cell(row - 1, 3).number_format = "0.00"
    ws.cell(REKAP_PREDIKAT_ROW, 8, len(labels))  # how many predikat rows the chart reads
    ws.cell(REKAP_PREDIKAT_ROW, 8).font = S.SUBTITLE_FONT
    row += 1
    sasaran_row = row
    row = _block(ws, row, "Capaian per Sasaran Strategis (IKU)", per_sasaran)
    ws.cell(REKAP_PREDIKAT_ROW + 1, 8, sasaran_row + 2)
    ws.cell(REKAP_PREDIKAT_ROW + 2, 8, len(per_sasaran))
    _block(ws, row, "Capaian per Penanggung Jawab", per_pj)
    for col in range(8, 9):
        ws.column_dimensions[get_column_letter(col)].hidden = True
    draw_rekap_charts(ws)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


@charts.register(L.SHEET_REKAP)
def draw_rekap_charts(ws: Worksheet) -> None:
    """Bar charts: indicators per predikat (IKU, IKI) and mean capaian per sasaran."""
    count = ws.cell(REKAP_PREDIKAT_ROW, 8).value
    if not isinstance(count, int) or count < 1:
        return
    top = REKAP_PREDIKAT_ROW
    chart = BarChart()
    chart.type = "col"
    chart.title = "Jumlah Indikator per Predikat"
    chart.y_axis.title = "Jumlah"
    chart.add_data(
        Reference(ws, min_col=2, max_col=3, min_row=top, max_row=top + count), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=top + count))
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, "J2")
    first, n = ws.cell(top + 1, 8).value, ws.cell(top + 2, 8).value
    if isinstance(first, int) and isinstance(n, int) and n > 0:
        bars = BarChart()
        bars.type = "bar"
        bars.title = "Rata-rata Capaian per Sasaran (%)"
        bars.add_data(
            Reference(ws, min_col=3, min_row=first - 1, max_row=first + n - 1), titles_from_data=True
        )
        bars.set_categories(Reference(ws, min_col=1, min_row=first, max_row=first + n - 1))
        bars.legend = None
        bars.height, bars.width = 7.5, 16
        ws.add_chart(bars, "J18")
