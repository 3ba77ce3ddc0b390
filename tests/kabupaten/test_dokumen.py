"""The "Rekapitulasi Pengukuran Kinerja Perangkat Daerah" read back from its PDF, and the kabupaten
workbook opened by LibreOffice (no error cell)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.kabupaten.conftest import PERIODE, SIGNER, UNITS, Inbox
from xlwings_app.adapters.documents import libreoffice
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.services.kabupaten import Rekapitulasi, kabupaten
from xlwings_app.sheets import kabupaten as K

pytestmark = pytest.mark.libreoffice
ERRORS = ("#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:")


@pytest.fixture(scope="module")
def with_pdf(inbox: Inbox, tmp_path_factory: pytest.TempPathFactory) -> Rekapitulasi:
    target = tmp_path_factory.mktemp("dok") / "Rekap Kabupaten.xlsx"
    shutil.copy(inbox.rekap, target)
    return kabupaten([inbox.kiriman], PERIODE, target, pdf=True)


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_document_names_the_units_not_yet_reporting(with_pdf: Rekapitulasi) -> None:
    assert with_pdf.pdf is not None
    text = _text(with_pdf.pdf)
    assert "REKAPITULASI PENGUKURAN KINERJA PERANGKAT DAERAH" in text
    assert "S.D. TRIWULAN II TAHUN 2024" in text
    flat = " ".join(text.split())  # the kop keeps room for the lambang: a long unit name wraps there
    assert "PEMERINTAH KABUPATEN UJI BADAN PERENCANAAN PEMBANGUNAN DAERAH" in flat
    missing = text.split("Belum Melapor", 1)[1].split("Catatan Keabsahan", 1)[0]
    assert f"1. {UNITS[4]}" in missing and f"2. {UNITS[7]}" in missing
    assert UNITS[0] not in missing
    notes = text.split("Catatan Keabsahan Data", 1)[1]
    assert UNITS[1] in notes and UNITS[2] in notes and "dokumen bertanda tangan" in notes


def test_the_signature_is_the_kabupatens(with_pdf: Rekapitulasi) -> None:
    assert with_pdf.pdf is not None
    text = _text(with_pdf.pdf)
    assert "Uji, 15 Juli 2024" in text and "Kepala Bappeda" in text
    assert "Ir. SITI RAHAYU, M.T." in text and "NIP 19700512 199503 2 004" in text
    last_page = text.split("\f")[-2] if text.count("\f") > 1 else text
    assert "Kepala Bappeda" in last_page and "NIP 19700512" in last_page  # the block is not split


def test_figures_print_the_indonesian_way(with_pdf: Rekapitulasi) -> None:
    assert with_pdf.pdf is not None
    text = _text(with_pdf.pdf)
    first = with_pdf.figures[UNITS[0]]
    assert first.rata_rata is not None
    assert f"{first.rata_rata:.2f}".replace(".", ",") in text


def test_libreoffice_opens_the_workbook_with_no_error_cell(with_pdf: Rekapitulasi, tmp_path: Path) -> None:
    out = libreoffice.convert(with_pdf.workbook, "xlsx", tmp_path / "lo")
    wb = load_workbook(out, data_only=True)
    assert {*K.GENERATED, K.SHEET_ISIAN} <= set(wb.sheetnames)
    bad = [
        f"{ws.title}!{cell.coordinate}={cell.value}"
        for ws in wb.worksheets for row in ws.iter_rows() for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(ERRORS)
    ]  # fmt: skip
    assert bad == []
    rows = [r for r in wb[K.SHEET_REKAP].iter_rows(min_row=K.HEADER_ROW + 1, values_only=True) if r[1]]
    assert len(rows) == len(with_pdf.rekap.units)
    mine = load_workbook(with_pdf.workbook, data_only=True)[K.SHEET_REKAP]
    assert [c.value for c in wb[K.SHEET_REKAP][K.HEADER_ROW + 1]] == [c.value for c in mine[K.HEADER_ROW + 1]]


def test_the_signed_document_carries_nothing_of_the_tool_and_its_closing_stays_with_the_signature(
    with_pdf: Rekapitulasi,
) -> None:
    assert with_pdf.pdf is not None and with_pdf.docx is not None
    assert with_pdf.docx.name == f"Rekapitulasi_Pengukuran_Kinerja_2024_{PERIODE.value}.docx"
    text = _text(with_pdf.pdf)
    assert "Dibuat dengan Kinerja" not in text and "dibuat" not in text.casefold().replace("dibuat untuk", "")
    assert "DRAF" not in text
    signed = next(page for page in text.split("\f") if "NIP 19700512" in page)
    signed = " ".join(signed.split())  # never the signature alone: the last sections go with it
    assert "Demikian rekapitulasi ini disusun" in signed and "Catatan Keabsahan Data" in signed


def _docx_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        parts = [z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    return " ".join(re.sub(r"<[^>]+>", "", part) for part in parts)


def _rekap(inbox: Inbox, folder: Path, **signer: object) -> Path:
    from xlwings_app.adapters.openpyxl.kabupaten import write_rekap_workbook

    rekap = folder / "Rekap Kabupaten.xlsx"
    write_rekap_workbook(rekap, [], K.isian_values("Kabupaten Uji", 2024, UNITS[:6], {**SIGNER, **signer}))
    return rekap


def test_an_incomplete_signer_makes_a_draft_saying_what_is_missing(inbox: Inbox, tmp_path: Path) -> None:
    result = kabupaten([inbox.kiriman], PERIODE, _rekap(inbox, tmp_path, nama=None, nip=None, tanggal=None))
    assert result.docx is not None and result.docx.name.endswith("_DRAF.docx")
    text = " ".join(_docx_text(result.docx).split())
    assert "DRAF · untuk koreksi" in text
    for gap in ("Nama penandatangan belum diisi.", "NIP penandatangan belum diisi.",
                "Tanggal penandatanganan belum diisi."):
        assert f"Sheet Isian Kabupaten: {gap}" in text
    [warning] = [p for p in result.catatan if "DRAF" in p.pesan]
    assert warning.tingkat == "peringatan" and "Nama penandatangan" in warning.pesan
    assert not [p for p in result.catatan if "lambang" in p.pesan]  # a draft is not warned of the lambang


def test_the_lambang_comes_from_the_isian_sheet_or_the_option(inbox: Inbox, tmp_path: Path) -> None:
    from xlwings_app.adapters.documents import lambang_contoh as lambang

    (tmp_path / "lambang.png").write_bytes(lambang.placeholder_png())
    result = kabupaten([inbox.kiriman], PERIODE, _rekap(inbox, tmp_path, lambang="lambang.png"))
    assert result.docx is not None and not result.docx.name.endswith("_DRAF.docx")
    with zipfile.ZipFile(result.docx) as z:
        assert lambang.placeholder_png() in [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert not [p for p in result.catatan if "lambang" in p.pesan]
    bare = tmp_path / "tanpa"
    bare.mkdir()
    result = kabupaten([inbox.kiriman], PERIODE, _rekap(inbox, bare))
    [warning] = [p for p in result.catatan if "tanpa lambang" in p.pesan]
    assert warning.tingkat == "peringatan" and warning.sheet == K.SHEET_ISIAN
    (bare / "bukan.png").write_bytes(b"bukan gambar")
    with pytest.raises(WorkbookError, match="--lambang"):
        kabupaten([inbox.kiriman], PERIODE, _rekap(inbox, bare), lambang=bare / "bukan.png")
