"""Fault 15: an office PC with pywin32 (always there: xlwings needs it) but without Microsoft Word
and without LibreOffice. Word's COM class cannot be created ("Invalid class string"): that is "no
PDF converter", said in Indonesian, never a COM error and never a crash of ``kinerja contoh``.

pywin32 exists only on Windows; here a stand-in ``win32com.client`` raises what pywin32 raises
(``pywintypes.com_error`` with Windows' HRESULT -2147221005, CO_E_CLASSSTRING)."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from xlwings_app.adapters.documents import libreoffice, pdf
from xlwings_app.cli import app


class com_error(Exception):  # noqa: N801 - pywintypes' name
    """pywintypes.com_error: (hresult, text, excepinfo, argerror)."""


class Word:
    """Word.Application whose SaveAs2 fails, as on a protected or corrupt document."""

    def __init__(self) -> None:
        self.quit = False
        self.Documents = types.SimpleNamespace(Open=lambda *a, **k: types.SimpleNamespace(SaveAs2=self._fail))

    def _fail(self, *args: Any, **kwargs: Any) -> None:
        raise com_error(-2147352567, "Exception occurred.", (0, "Microsoft Word", "Command failed", None, 0, -2146824090), None)

    def Quit(self) -> None:  # noqa: N802 - Word's name
        self.quit = True


def _pywin32(monkeypatch: pytest.MonkeyPatch, dispatch: Any) -> None:
    client = types.ModuleType("win32com.client")
    client.DispatchEx = dispatch  # type: ignore[attr-defined]
    package = types.ModuleType("win32com")
    package.client = client  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "win32com", package)
    monkeypatch.setitem(sys.modules, "win32com.client", client)


def _no_word(name: str) -> Any:
    raise com_error(-2147221005, "Invalid class string", None, None)


@pytest.fixture
def pc_without_word(monkeypatch: pytest.MonkeyPatch) -> None:
    _pywin32(monkeypatch, _no_word)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "_word_available", lambda: True)  # pywin32 importable, as on Windows


def test_word_that_cannot_be_started_is_no_converter(pc_without_word: None, tmp_path: Path) -> None:
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(pdf.PdfUnavailable) as refused:
        pdf.to_pdf(docx)
    assert "LibreOffice tidak ditemukan dan Microsoft Word tidak dapat dipanggil" in refused.value.pesan
    assert "Invalid class string" in refused.value.pesan


def test_word_failing_on_the_document_is_a_failed_pdf_and_word_is_closed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    word = Word()
    _pywin32(monkeypatch, lambda name: word)
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(pdf.PdfFailed, match="Microsoft Word tidak dapat membuat PDF dari laporan.docx"):
        pdf._word_pdf(docx, tmp_path, "laporan")
    assert word.quit


def test_kinerja_contoh_finishes_without_word(pc_without_word: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["contoh", str(tmp_path / "contoh")])
    assert result.exit_code == 0, result.output
    assert "PDF tidak dibuat" in result.output
    assert list((tmp_path / "contoh").rglob("*.docx")) and not list((tmp_path / "contoh").rglob("*.pdf"))
