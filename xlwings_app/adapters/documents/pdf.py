"""Convert a .docx to PDF: LibreOffice headless, else Word through COM on Windows.

Rules:
- LibreOffice runs through ``adapters.documents.libreoffice`` (its own throw-away profile per call, so
  conversions run side by side; stopped after ``timeout`` seconds); soffice exits 0 even when it
  failed, so success means the PDF exists and starts with ``%PDF``;
- without LibreOffice, on Windows, Microsoft Word is driven through COM (pywin32) when importable;
  a Word that cannot be started counts as no converter;
- otherwise ``PdfUnavailable`` says, in Indonesian, what to install; ``PdfFailed`` says what went
  wrong with a converter that exists.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.adapters.documents import libreoffice
from xlwings_app.domain.problems import Refusal

TIMEOUT = 120


class PdfUnavailable(Refusal):
    """No converter on this computer."""


class PdfFailed(Refusal):
    """A converter exists but did not produce the PDF (exit code 1: not the user's input)."""

    exit_code = 1


def _is_pdf(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as f:
        return f.read(5) == b"%PDF-"


def convert_with_libreoffice(docx: Path, out_dir: Path, timeout: float = TIMEOUT) -> Path:
    """Convert with LibreOffice headless (``adapters.documents.libreoffice``); return the PDF's path."""
    try:
        target = libreoffice.convert(docx, "pdf", out_dir, timeout)
    except libreoffice.LibreOfficeError as exc:
        raise PdfFailed(str(exc)) from exc
    if not _is_pdf(target):
        raise PdfFailed(f"LibreOffice tidak menghasilkan PDF yang sah dari {docx.name}.")
    return target


NO_CONVERTER = (
    "PDF tidak dapat dibuat: LibreOffice tidak ditemukan dan Microsoft Word tidak dapat "
    "dipanggil. Pasang LibreOffice (https://www.libreoffice.org) atau buka file .docx di Word "
    "lalu simpan sebagai PDF."
)


def convert_with_word(docx: Path, out_dir: Path) -> Path:
    """Convert with Microsoft Word through COM (Windows, pywin32).

    pywin32 is there wherever Kinerja is (xlwings needs it), Word not always: Word that cannot be
    started (not installed: "Invalid class string") is ``PdfUnavailable``, as no converter at all;
    Word failing on the document is ``PdfFailed``. No COM error reaches the caller."""
    import win32com.client

    out_dir.mkdir(parents=True, exist_ok=True)
    target = (out_dir / f"{docx.stem}.pdf").resolve()
    try:
        word = win32com.client.DispatchEx("Word.Application")
    except Exception as exc:  # noqa: BLE001 - pywintypes.com_error, which only Windows can import
        raise PdfUnavailable(f"{NO_CONVERTER} (Word: {exc})") from exc
    try:
        word.Visible = False
        try:
            document = word.Documents.Open(str(docx.resolve()), ReadOnly=True)
            document.SaveAs2(str(target), FileFormat=17)  # wdFormatPDF
            document.Close(False)
        finally:
            word.Quit()
    except Exception as exc:  # noqa: BLE001 - a COM error of Word on this document
        raise PdfFailed(f"Microsoft Word tidak dapat membuat PDF dari {docx.name}: {exc}") from exc
    if not _is_pdf(target):
        raise PdfFailed(f"Microsoft Word tidak menghasilkan PDF dari {docx.name}.")
    return target


def _word_available() -> bool:
    if sys.platform != "win32":
        return False
    try:
        import win32com.client  # noqa: F401
    except ImportError:
        return False
    return True


def to_pdfs(documents: Sequence[Path], out_dir: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert several .docx files to PDF in ``out_dir``: LibreOffice in one run (its start-up paid
    once, ``kinerja laporan-iki --pdf``), else Word one by one; in the order given."""
    if not documents:
        return []
    if libreoffice.find_soffice():
        try:
            targets = libreoffice.convert_many(list(documents), "pdf", out_dir, timeout)
        except libreoffice.LibreOfficeError as exc:
            raise PdfFailed(str(exc)) from exc
        for docx, target in zip(documents, targets, strict=True):
            if not _is_pdf(target):
                raise PdfFailed(f"LibreOffice tidak menghasilkan PDF yang sah dari {docx.name}.")
        return targets
    return [to_pdf(docx, out_dir, timeout) for docx in documents]


def to_pdf(docx: Path, out_dir: Path | None = None, timeout: float = TIMEOUT) -> Path:
    """Convert ``docx`` to a PDF beside it (or in ``out_dir``) with the first converter found."""
    out_dir = out_dir or docx.parent
    if libreoffice.find_soffice():
        return convert_with_libreoffice(docx, out_dir, timeout)
    if _word_available():
        return convert_with_word(docx, out_dir)
    raise PdfUnavailable(NO_CONVERTER)
