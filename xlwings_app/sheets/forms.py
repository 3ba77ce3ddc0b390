"""What a lembar isian (form sheet) and the form metadata hold, as values: for the live writer.

``form_sheet_values`` gives the cells ``adapters.openpyxl.form_builder.write_form_sheet`` writes (title,
instructions, the Status formulir cell, headers, one row per indicator with the live formulas as ``Formula``) and the
styles as spans: yellow input cells, grey computed cells, header, wrap, number formats, column
widths. ``meta_sheet_values`` gives the metadata rows, all text. The ribbon's Buat Lembar Isian
writes them into the open workbook (``adapters.xlwings.forms``); tests/addin checks they equal what
``kinerja lembar`` writes. The row values come from the same helpers the openpyxl builder uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.checks import STATUS_CHOICES, STATUS_LABEL
from xlwings_app.forms.meta import META_HEADERS, FormMeta, to_rows
from xlwings_app.forms.spec import form_columns, row_formulas, spec
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import Formula, SheetValues, column_letter
from xlwings_app.sheets.indicator_rows import indicator_values


def instructions(periode: Periode) -> tuple[str, ...]:
    tw = periode.label.replace("s.d. ", "")
    return (
        "Petunjuk pengisian",
        f"1. Isi hanya sel kuning: Realisasi {tw}, Permasalahan, Rencana Aksi dan Keterangan. "
        "Sel kosong berarti belum diisi; 0 berarti realisasinya nol.",
        "2. Kolom putih (kode, indikator, satuan, target, realisasi triwulan sebelumnya) adalah konteks "
        "Perjanjian Kinerja dan terkunci. Bila ada yang salah, hubungi Tim SAKIP; jangan diubah di sini.",
        f"3. Kolom abu-abu dihitung otomatis saat Anda mengetik: capaian {periode.label} menurut agregasi "
        "indikator (tanpa makro; juga di LibreOffice).",
        "4. Bila target tidak tercapai, Permasalahan dan Rencana Aksi wajib diisi.",
        "5. Angka desimal mengikuti pengaturan Windows (mis. 82,5); persen boleh ditulis 85%.",
        "6. Jangan menambah, menghapus atau memindah baris/kolom. Simpan sebagai .xlsx dan kirim kembali ke "
        "Tim SAKIP dengan nama file yang sama.",
    )


def header_row(periode: Periode) -> int:
    """Row of the column headers: below the title (2 rows), instructions and a blank row."""
    return 2 + len(instructions(periode)) + 2


def form_sheet_values(
    meta: FormMeta, indicators: Sequence[Indicator], periode: Periode, settings: Settings
) -> SheetValues:
    """The form sheet ``meta.sheet`` for ``indicators``, as ``write_form_sheet`` lays it out."""
    sheet = SheetValues(meta.sheet)
    sheet.put(1, 1, [f"Formulir Pengumpulan Data Kinerja {periode.label} Tahun {meta.get('tahun')}"], "title")
    official = f" ({meta.get('pejabat')})" if meta.get("pejabat") else ""
    sheet.put(2, 1, [f"{meta.get('unit')} — Penanggung jawab: {meta.get('penanggung_jawab')}{official}"], "subtitle")
    for offset, line in enumerate(instructions(periode)):
        sheet.put(3 + offset, 1, [line], "bold" if offset == 0 else "subtitle")
    columns = form_columns(periode)
    top = header_row(periode)
    sheet.put(top - 1, 1, [STATUS_LABEL], "bold")  # "Status formulir": Draf/Final
    sheet.put(top - 1, 2, [STATUS_CHOICES[0]], f"fill:{P.INPUT}")
    sheet.style("unlocked", top - 1, 2)
    sheet.style("box", top - 1, 2)
    sheet.put(top - 1, 3, ["← pilih Final bila semua isian sudah lengkap"], "subtitle")
    sheet.put(top, 1, [c.header for c in columns], "header")
    for col, column in enumerate(columns, start=1):
        sheet.style(f"width:{column.column.width}", top, col)
    for r, indicator in enumerate(indicators, start=top + 1):
        values = indicator_values(indicator)
        cells = {c.key: f"{column_letter(i)}{r}" for i, c in enumerate(columns, start=1)}
        formulas = row_formulas(periode, settings, cells)
        for col, column in enumerate(columns, start=1):
            if column.role == "hitung":
                sheet.put(r, col, [Formula(formulas[column.key])], f"fill:{P.COMPUTED}")
            else:
                value = values.get(column.key)
                sheet.put(r, col, [None if value in ("", None) else value])
                if column.is_input:
                    sheet.style(f"fill:{P.INPUT}", r, col)
                if column.is_input:
                    sheet.style("unlocked", r, col)
            sheet.style("box", r, col)
            # text wraps; numbers sit at the top beside it (one vertical alignment per row)
            sheet.style("wrap" if column.column.type == "text" else "top", r, col)
            fmt = column.column.format_for(indicator.satuan)
            if fmt:
                sheet.style(f"format:{fmt}", r, col)
    return sheet


def meta_sheet_values(metas: Sequence[FormMeta]) -> SheetValues:
    """The metadata sheet describing ``metas``: a header row, then text rows."""
    sheet = SheetValues(spec().meta_sheet)
    sheet.put(1, 1, META_HEADERS)
    row = 1
    for meta in metas:
        for values in to_rows(meta):
            row += 1
            sheet.put(row, 1, values)
    return sheet
