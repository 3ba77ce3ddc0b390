"""Catat Waktu Langkah and Ekspor Formulir through xlwings' remote engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from tests.addin import remote_book
from tests.ready import example_with_sop
from xlwings_app.cli import app
from xlwings_app.domain.sop.stamp import stamp_column
from xlwings_app.ribbon import entry
from xlwings_app.services import sop as sop_service
from xlwings_app.sheets.log import log_header
from xlwings_app.sheets.sop_layout import SHEET_LOG


@pytest.mark.parametrize(
    ("mulai", "selesai", "expected"),
    [
        (None, None, "mulai"),
        ("  ", None, "mulai"),
        (None, dt.datetime(2024, 7, 1, 9), "mulai"),  # Mulai first, even when Selesai was typed
        (dt.datetime(2024, 7, 1, 8), None, "selesai"),
        (dt.datetime(2024, 7, 1, 8), "", "selesai"),
        (dt.datetime(2024, 7, 1, 8), dt.datetime(2024, 7, 1, 9), None),
    ],
)
def test_stamp_column(mulai: object, selesai: object, expected: str | None) -> None:
    assert stamp_column(mulai, selesai) == expected


def click(button: str, wb: Workbook, name: str = "kinerja.xlsx", **kwargs: str) -> list[str]:
    book = xw.Book(json=remote_book.payload(wb, name=name, **kwargs))
    entry.dispatch(button, book)
    return remote_book.apply(book.json()["actions"], wb)


@pytest.fixture
def with_log(example_path: Path) -> tuple[Path, int]:
    """The example with its SOP, the filled TW3 log and empty TW4 rows; the first TW4 row."""
    example_with_sop(example_path, spare_rows=5)  # the example_path workbook with sop_contoh run, built once
    added = sop_service.mulai(example_path, "TW4")
    assert added.valid and added.first_row
    return example_path, added.first_row


def test_catat_waktu_stamps_mulai_then_selesai_then_refuses(with_log: tuple[Path, int]) -> None:
    path, row = with_log
    wb = load_workbook(path)
    header, cols = log_header([list(r) for r in wb[SHEET_LOG].iter_rows(values_only=True)]) or (0, {})
    mulai, selesai = (f"{get_column_letter(cols[k] + 1)}{row}" for k in ("mulai", "selesai"))
    start = dt.datetime.now().replace(second=0, microsecond=0)
    [first] = click("catat_waktu_langkah", wb, active=SHEET_LOG, selection=f"B{row}")
    stamped = wb[SHEET_LOG][mulai].value
    assert isinstance(stamped, dt.datetime) and start <= stamped <= dt.datetime.now()
    assert wb[SHEET_LOG][selesai].value is None
    assert first.startswith(f"Mulai langkah 1 (TW4), baris {row}:")
    assert wb[SHEET_LOG][mulai].number_format == "dd-mm-yyyy hh:mm"
    [second] = click("catat_waktu_langkah", wb, active=SHEET_LOG, selection=f"B{row}")
    assert isinstance(wb[SHEET_LOG][selesai].value, dt.datetime) and second.startswith("Selesai")
    [third] = click("catat_waktu_langkah", wb, active=SHEET_LOG, selection=f"B{row}")
    assert third.startswith(f"Mulai dan Selesai baris {row} sudah terisi")
    wb.save(path)  # the stamped times read back as the CLI reads them
    result = CliRunner().invoke(app, ["sop", "periksa", str(path), "--periode", "TW4", "--json"])
    assert '"langkah": 1' in result.output and stamped.isoformat() in result.output


@pytest.mark.parametrize(
    ("active", "selection", "message"),
    [("IKU", "B5", "Pilih dulu satu baris langkah"), (SHEET_LOG, "B2", "Baris 2 bukan baris langkah"),
     (SHEET_LOG, "B5:B6", "Pilih dulu satu baris langkah")],
)  # fmt: skip
def test_catat_waktu_outside_a_log_row_says_what_to_select(
    with_log: tuple[Path, int], active: str, selection: str, message: str
) -> None:
    wb = load_workbook(with_log[0])
    [alert] = click("catat_waktu_langkah", wb, active=active, selection=selection)
    assert alert.startswith(message)


def test_ekspor_formulir_writes_the_forms_kinerja_formulir_writes(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli-forms"
    result = CliRunner().invoke(app, ["formulir", str(example_path), "--keluar", str(out)])
    assert result.exit_code == 0, result.output
    [alert] = click("ekspor_formulir", load_workbook(example_path), str(example_path))
    [folder] = [p for p in example_path.parent.iterdir() if p.name.startswith("Formulir ")]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in out.iterdir())
    assert str(folder) in alert
    stamps = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    [again] = click("ekspor_formulir", load_workbook(example_path), str(example_path))
    assert "tidak ditimpa" in again
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps
