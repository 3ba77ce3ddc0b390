"""The lambang daerah left of the kop: from the Profil's file name or ``--lambang``."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from tests.cli.test_report_cmds import PROFIL, app
from xlwings_app.adapters.documents import lambang_contoh as lambang
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.settings import Settings
from xlwings_app.samples import contoh
from xlwings_app.services.laporan import laporan


def book(folder: Path, named: str = "") -> Path:
    path = folder / "kinerja.xlsx"
    build_workbook({**PROFIL, "lambang": named}, contoh.INDICATORS, Settings()).save(path)
    return path


def media(docx: Path) -> list[bytes]:
    with zipfile.ZipFile(docx) as zf:
        return [zf.read(n) for n in zf.namelist() if n.startswith("word/media/")]


def test_the_placeholder_is_a_png_marked_as_an_example(tmp_path: Path) -> None:
    (tmp_path / "l.png").write_bytes(lambang.placeholder_png())
    with Image.open(tmp_path / "l.png") as image:
        assert image.format == "PNG" and image.size == lambang.SIZE


def test_the_file_named_in_profil_prints_in_the_kop(tmp_path: Path) -> None:
    (tmp_path / "lambang.png").write_bytes(lambang.placeholder_png())
    doc = laporan(book(tmp_path, "lambang.png"), tmp_path / "out")
    assert lambang.placeholder_png() in media(doc.docx)
    assert not [w for w in doc.peringatan if w.kolom == "Berkas Lambang Daerah"]


def test_without_a_lambang_the_kop_has_no_image_but_the_chart(tmp_path: Path) -> None:
    doc = laporan(book(tmp_path), tmp_path / "out")
    assert len(media(doc.docx)) == 1  # the chart only


def test_a_missing_profil_file_warns_and_the_document_is_still_made(tmp_path: Path) -> None:
    doc = laporan(book(tmp_path, "tidak-ada.png"), tmp_path / "out")
    [warning] = [w for w in doc.peringatan if w.kolom == "Berkas Lambang Daerah"]
    assert "Lambang daerah tidak dicetak" in warning.pesan and "tidak-ada.png" in warning.pesan
    assert doc.docx.is_file()


@pytest.mark.parametrize("content", [None, b"bukan gambar"])
def test_a_lambang_option_that_cannot_be_used_refuses_and_writes_nothing(tmp_path: Path,
                                                                         content: bytes | None) -> None:
    path = book(tmp_path)
    image = tmp_path / "logo.png"
    if content is not None:
        image.write_bytes(content)
    result = CliRunner().invoke(app(), ["laporan", str(path), "-p", "TW2", "--lambang", str(image),
                                        "--keluar", str(tmp_path / "out")])
    assert result.exit_code == 2 and "--lambang:" in result.output
    assert not (tmp_path / "out").exists()


def test_the_lambang_option_wins_over_profil(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(lambang.placeholder_png())
    other = tmp_path / "b.png"
    Image.new("RGB", (40, 40), "red").save(other)
    result = CliRunner().invoke(app(), ["laporan", str(book(tmp_path, "a.png")), "-p", "TW2",
                                        "--lambang", str(other), "--keluar", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [docx] = (tmp_path / "out").glob("*.docx")
    assert other.read_bytes() in media(docx) and lambang.placeholder_png() not in media(docx)
