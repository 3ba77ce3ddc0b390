"""A lembar isian read back (``sheets.forms``): what ``form_sheet_values`` lays out, read by the table reader."""

from __future__ import annotations

from collections.abc import Iterator

from tests.unit.builders import indicator
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.filled import Cell
from xlwings_app.forms.meta import FormMeta, sealed
from xlwings_app.forms.spec import form_columns
from xlwings_app.sheets.forms import form_sheet_values, header_row, meta_sheet_values, read_form_book
from xlwings_app.sheets.grid import Formula

INDICATORS = [indicator(kode="IKU-01"), indicator(kode="IKU-02")]
META = sealed(FormMeta("TW2-abc", "Isian", {"periode": "TW2", "unit": "Kecamatan", "tahun": "2024"},
                       {"IKU-01": {"kode": "IKU-01"}, "IKU-02": {"kode": "IKU-02"}}))  # fmt: skip


class Book:
    """A form workbook as an engine hands it over: values, and cells with their address."""

    def __init__(self, sheets: dict[str, list[list[object]]]) -> None:
        self.sheets = sheets

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def values(self, sheet: str) -> list[list[object]]:
        return self.sheets[sheet]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        for r, row in enumerate(self.sheets[sheet], start=1):
            yield r, [Cell(f"{column_letter(c)}{r}", v, isinstance(v, Formula)) for c, v in enumerate(row, start=1)]


def book(meta: FormMeta = META) -> Book:
    form = form_sheet_values(meta, INDICATORS, Periode.TW2, Settings()).grid()
    return Book({"Isian": form, "KinerjaFormulir": meta_sheet_values([meta]).grid()})


def test_a_form_laid_out_is_read_back_cell_by_cell() -> None:
    [form], problems = read_form_book(book(), "Formulir.xlsx")
    assert problems == []
    top = header_row(Periode.TW2)
    assert (form.meta.form_id, form.meta.checksum, form.meta.context) == (META.form_id, META.checksum, META.context)
    assert {k: v for k, v in form.meta.fields.items() if v} == META.fields
    assert (form.header_row, form.status) == (top, Cell(f"B{top - 1}", "Draf"))
    assert form.headers == tuple(c.header for c in form_columns(Periode.TW2))
    assert [(r.kode, r.baris) for r in form.rows] == [("IKU-01", top + 1), ("IKU-02", top + 2)]
    capaian = form.rows[0].cells["capaian"]
    assert capaian.formula and capaian.address.endswith(str(top + 1))


def test_what_cannot_be_read_is_a_problem_naming_the_file() -> None:
    assert read_form_book(Book({"Isian": []}), "a.xlsx")[1][0].pesan.startswith("Bukan formulir Kinerja")
    assert read_form_book(Book({}), "a.xlsx", lembar=True)[1][0].pesan.startswith("Belum ada lembar isian")
    missing = book()
    del missing.sheets["Isian"]
    assert [p.pesan for p in read_form_book(missing, "a.xlsx")[1]] == [
        "Sheet 'Isian' tidak ditemukan di a.xlsx (sheet diganti nama atau dihapus?)."
    ]
    tahunan = sealed(FormMeta("X", "Isian", {"periode": "TAHUNAN"}))
    forms, [macros, problem] = read_form_book(book(tahunan), "a.xlsx", macros=True)
    assert forms == [] and macros.tingkat == "catatan" and "makro" in macros.pesan
    assert problem.pesan == "Metadata formulir a.xlsx rusak: periode 'TAHUNAN'." and problem.sheet == "Isian"
    damaged = book()
    context = next(row for row in damaged.sheets["KinerjaFormulir"] if str(row[2]).startswith("konteks:"))
    context[3] = "{rusak"
    [problem] = read_form_book(damaged, "a.xlsx")[1]
    assert problem.pesan.startswith("Metadata formulir a.xlsx rusak: ")
