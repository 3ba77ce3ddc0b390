"""Where the open workbook lives: a book with no file on this computer, and one in a mail cache.

Fault 1 (round three): xlwings cannot map a OneDrive/SharePoint address to a local folder unless
the book is synced; ``Book.fullname`` then raises (xlwings' ``fullname_url_to_local_path``). Every
button must answer with the "save first" message or do its work on the open book, never with
"kesalahan yang tidak terduga". Fault 14: a workbook opened from an Outlook attachment lives in
the hidden ``INetCache\\Content.Outlook`` folder; documents must not be written there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook
from xlwings.main import Book

from tests.addin import remote_book
from xlwings_app.ribbon import entry, registry


def _unmappable(self: Book) -> str:
    raise xw.XlwingsError("Couldn't find your local OneDrive file, see: xlwings.org/error")


def _click(button: str, path: Path, name: str) -> tuple[list[str], list[dict[str, object]]]:
    book = xw.Book(json=remote_book.payload(load_workbook(path), name=name))
    try:
        entry.dispatch(button, book)
        actions = book.json()["actions"]
    finally:
        book.close()
    return [a["args"][0] for a in actions if a["func"] == "alert"], actions


@pytest.mark.parametrize("button", sorted(registry.HANDLERS))
def test_a_book_whose_fullname_raises_never_fails_unexpectedly(
    button: str, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Book, "fullname", property(_unmappable))
    alerts, _ = _click(button, example_path, "https://contoso-my.sharepoint.com/personal/x/Documents/kinerja.xlsx")
    assert len(alerts) <= 1, alerts
    assert not any("tidak terduga" in a for a in alerts), alerts
    assert list(example_path.parent.glob("*.docx")) == []


@pytest.mark.parametrize("button", ["dokumen_pengukuran", "arsipkan", "ekspor_formulir", "impor_formulir"])
def test_the_file_buttons_ask_to_save_a_book_without_a_local_file(
    button: str, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Book, "fullname", property(_unmappable))
    [alert], _ = _click(button, example_path, "kinerja.xlsx")
    assert "belum disimpan sebagai file di komputer ini" in alert and "OneDrive/SharePoint" in alert


def test_hitung_capaian_works_on_a_book_without_a_local_file(
    example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live buttons need no file: the results are written into the open workbook."""
    monkeypatch.setattr(Book, "fullname", property(_unmappable))
    [alert], actions = _click("hitung_capaian", example_path, "kinerja.xlsx")
    assert "Hasil dan Rekap ditulis" in alert
    assert any(a["func"] == "setSheetName" and a["args"] == ["Hasil"] for a in actions)


@pytest.mark.parametrize("button", ["dokumen_pengukuran", "dokumen_pdf", "tanda_terima", "impor_formulir"])
def test_a_workbook_opened_from_an_outlook_attachment_is_saved_first(
    button: str, example_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "INetCache" / "Content.Outlook" / "Q3F2K1"
    cache.mkdir(parents=True)
    attachment = cache / example_path.name
    shutil.copy(example_path, attachment)
    [alert], _ = _click(button, attachment, str(attachment))
    assert "dibuka dari lampiran email" in alert and "Simpan dulu ke folder kerja" in alert
    assert sorted(p.name for p in cache.iterdir()) == [example_path.name]  # nothing written there
