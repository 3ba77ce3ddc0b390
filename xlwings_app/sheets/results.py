"""What sheets Hasil and Rekap hold, as plain values: one layout for every writer.

``hasil_values`` and ``rekap_values`` return a ``SheetValues``: the cell values from A1 and the
styled spans (title, header, box, number formats, status fills) as data. The openpyxl writer
(``results_sheets``, for ``kinerja hitung``) and the xlwings writer (``xlwings_results``, for the
ribbon's Hitung Capaian) both write from it, so the file and the live workbook hold the same cells.
Nothing here imports openpyxl or xlwings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.summary import Ringkasan
from xlwings_app.sheets import layout as L

HASIL_HEADER_ROW = 4
HASIL_WIDTHS = (6, 12, 40, 10, 16, 11, 11, 10, 14, 20, 50, 18, 10)
"""Wide enough for each header on one line ("Serapan Anggaran" was clipped at 12)."""
HASIL_STATUS_COLUMN = 10
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


class Formula(str):
    """A cell's formula text ("=..."), written as a formula; any other ``str`` is written as text."""

    __slots__ = ()


def excel_value(value: object) -> object:
    """A domain value as a cell value (Decimal becomes int or float)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@dataclass(frozen=True)
class Span:
    """A styled rectangle (1-based). ``style``: title, subtitle, header, box, bold, wrap, top,
    ``format:<number format>`` or ``status:<status>`` (the status fill)."""

    style: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass
class SheetValues:
    """One sheet's cells (1-based ``(row, col)``) and styled spans."""

    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)

    def put(self, row: int, col: int, values: Sequence[object], *styles: str) -> None:
        """Write ``values`` across row ``row`` from ``col``; style the span with ``styles``."""
        for offset, value in enumerate(values):
            self.cells[(row, col + offset)] = excel_value(value)
        self.spans.extend(Span(s, row, col, 1, len(values)) for s in styles)

    def style(self, style: str, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        self.spans.append(Span(style, row, col, rows, cols))

    @property
    def shape(self) -> tuple[int, int]:
        if not self.cells:
            return 1, 1
        return max(r for r, _ in self.cells), max(c for _, c in self.cells)

    def grid(self) -> list[list[object]]:
        """Every value from A1, a rectangle; ``None`` where nothing is written."""
        rows, cols = self.shape
        return [[self.cells.get((r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]


def _shown(value: Decimal | None) -> Decimal | None:
    """A target or realisasi as the documents print it: at most 2 decimals (a mean of 95,2666…
    is 95,27), so the cell's General format shows no long tail and no trailing separator."""
    return None if value is None else round_half_away(value, SHOWN_DECIMALS)


def hasil_row(h: Hasil) -> tuple[object, ...]:
    """The values of ``h``'s row in sheet Hasil, column A onwards (domain values, not yet cells)."""
    ind = h.indicator
    return (
        ind.jenis.value, ind.kode, ind.nama, ind.satuan, h.periode.label, _shown(h.target), _shown(h.realisasi),
        h.capaian, h.predikat, h.status.value, h.pesan, h.serapan, h.efisiensi,
    )  # fmt: skip


def hasil_values(results: Sequence[Hasil], unit: str, tahun: int) -> SheetValues:
    """Sheet Hasil: one row per indicator and period, under the header in row 4."""
    lay = L.layout()
    sheet = SheetValues(lay.hasil_sheet)
    sheet.put(1, 1, [f"Hasil Pengukuran Kinerja {unit} Tahun {tahun}".replace("  ", " ")], "title")
    sheet.put(
        2, 1, ["Ditulis oleh Kinerja (kinerja hitung); jangan diketik, akan ditimpa saat dihitung ulang."],
        "subtitle",
    )  # fmt: skip
    sheet.put(HASIL_HEADER_ROW, 1, lay.hasil_headers, "header")
    row = HASIL_HEADER_ROW
    for h in results:
        row += 1
        sheet.put(row, 1, hasil_row(h), "box")
        sheet.style(f"status:{h.status.value}", row, HASIL_STATUS_COLUMN)
    if row > HASIL_HEADER_ROW:
        count = row - HASIL_HEADER_ROW
        first = HASIL_HEADER_ROW + 1
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
    sheet.put(1, 1, [f"Rekapitulasi Capaian Kinerja {unit} — {periode.label} Tahun {tahun}"], "title")
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
