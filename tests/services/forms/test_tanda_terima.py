"""kinerja formulir also writes the Tanda Terima Formulir: one row per form, printable on one A4 page."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.forms.conftest import TW4
from xlwings_app.adapters.documents.libreoffice import convert
from xlwings_app.domain.formatting import tanggal
from xlwings_app.samples import example
from xlwings_app.services.formulir import formulir
from xlwings_app.services.rekap import rekap
from xlwings_app.sheets.tanda_terima import HEADER_ROW, HEADERS


def test_one_row_per_form_with_penanggung_jawab_file_count_and_date(master: Path, tmp_path: Path) -> None:
    result = formulir(master, tmp_path / "Formulir TW4", TW4)
    assert result.tanda_terima == tmp_path / "Formulir TW4" / "Tanda Terima Formulir TW4.xlsx"
    ws = load_workbook(result.tanda_terima)["Tanda Terima"]
    assert tuple(c.value for c in ws[HEADER_ROW]) == HEADERS
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 8)]
    given = tanggal(date.today())
    expected = {pj: sum(1 for i in example.INDICATORS if i.penanggung_jawab == pj) for pj, _, _ in result.formulir}
    assert [(r[1], r[3]) for r in rows] == list(expected.items())
    assert [r[2] for r in rows] == [Path(where).name for _, where, _ in result.formulir]
    assert all(r[4] == given and r[5] is None and r[7] is None for r in rows)  # the recipient signs by hand
    assert ws.cell(HEADER_ROW + 9, 2).value == f"Jumlah: {len(rows)} formulir"
    assert ws.cell(HEADER_ROW + 9, 4).value == len(example.INDICATORS)
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.orientation == "portrait"


def test_the_receipt_is_not_read_as_a_form_and_is_not_overwritten(master: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Formulir TW4"
    formulir(master, folder, TW4)
    result = rekap(master, [folder], TW4)
    assert result.valid and len(result.konsolidasi.belum_kembali) == 8  # handed out, none back yet
    assert not [p for p in result.problems if "Tanda Terima" in (p.file or "")]
    folder.joinpath("Tanda Terima Formulir TW4.xlsx").write_bytes(b"signed copy")
    for form in folder.glob("Formulir*.xlsx"):
        form.unlink()
    with pytest.raises(Exception, match="Tanda Terima Formulir TW4.xlsx"):
        formulir(master, folder, TW4)
    assert folder.joinpath("Tanda Terima Formulir TW4.xlsx").read_bytes() == b"signed copy"


@pytest.mark.libreoffice
def test_the_receipt_prints_on_one_a4_page(master: Path, tmp_path: Path) -> None:
    result = formulir(master, tmp_path / "Formulir TW4", TW4)
    assert result.tanda_terima is not None
    pdf = convert(result.tanda_terima, "pdf", tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info) and "595" in info  # A4 portrait: 595 x 842 pt
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())  # fmt: skip
    assert "TANDA TERIMA FORMULIR PENGUMPULAN DATA CAPAIAN KINERJA" in text
    for pj, _, _ in result.formulir:
        assert pj in text
    assert "Tanda Tangan" in text and "Yang menyerahkan" in text and "Jumlah: 8 formulir" in text
