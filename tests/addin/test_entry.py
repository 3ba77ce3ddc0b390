"""The ribbon dispatcher: handlers run on a real xlwings Book (remote engine), errors become
Indonesian message boxes, tracebacks go to a log, and a click imports only what it needs."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import xlwings as xw

from tests.addin import remote_book
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.settings import Settings
from xlwings_app.ribbon import entry, registry
from xlwings_app.sheets.layout import SHEET_PETUNJUK


@pytest.fixture(autouse=True)
def _private_temp_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def broken(book: object) -> None:
    """A handler for the tests below: fails the way a bug would."""
    raise RuntimeError("boom in handler")


def refused(book: object) -> None:
    from xlwings_app.ribbon.errors import PesanPengguna

    raise PesanPengguna("Isi dulu sheet Profil.")


def test_petunjuk_activates_the_petunjuk_sheet_of_the_example_workbook() -> None:
    wb = build_workbook({}, [], Settings())
    other = next(name for name in wb.sheetnames if name != SHEET_PETUNJUK)
    book = xw.Book(json=remote_book.payload(wb, active=other))
    entry.dispatch("petunjuk", book)
    alerts = remote_book.apply(book.json()["actions"], wb)
    assert wb.active.title == SHEET_PETUNJUK
    assert alerts == []


def test_petunjuk_without_the_sheet_says_so_in_indonesian() -> None:
    wb = build_workbook({}, [], Settings())
    del wb[SHEET_PETUNJUK]
    book = xw.Book(json=remote_book.payload(wb))
    entry.dispatch("petunjuk", book)
    alerts = remote_book.apply(book.json()["actions"], wb)
    assert len(alerts) == 1 and "Lembar 'Petunjuk' tidak ada" in alerts[0]


def _book() -> xw.Book:
    return xw.Book(json=remote_book.payload(build_workbook({}, [], Settings())))


def test_unexpected_error_shows_a_message_and_logs_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(registry.HANDLERS, "hitung_capaian", f"{__name__}:broken")
    book = _book()
    entry.dispatch("hitung_capaian", book)
    [alert] = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert alert.startswith("'Hitung Capaian' gagal")
    assert "Traceback" not in alert and "boom" not in alert
    log = entry.log_path()
    assert str(log) in alert
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: boom in handler" in logged


def test_user_facing_error_is_shown_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.HANDLERS, "periksa_data", f"{__name__}:refused")
    book = _book()
    entry.dispatch("periksa_data", book)
    alerts = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert alerts == ["Isi dulu sheet Profil."]
    assert not entry.log_path().exists()


def test_a_button_without_handler_says_it_is_not_available_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(registry.HANDLERS, "arsipkan", raising=False)
    book = _book()
    entry.dispatch("arsipkan", book)
    alerts = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert alerts == ["Tombol 'Arsipkan' belum tersedia di versi Kinerja ini."]


def test_without_excel_the_message_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    # No Book.caller() outside Excel: the failure is still a message, never a traceback.
    entry.dispatch("petunjuk")
    err = capsys.readouterr().err
    assert "'Petunjuk' gagal" in err and "Traceback" not in err


def test_importing_the_entry_point_stays_cheap() -> None:
    code = (
        "import sys, xlwings_app.ribbon.entry; "
        "print(sorted(m for m in ('xlwings', 'pandas', 'openpyxl', 'docxtpl', 'numpy') "
        "if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
