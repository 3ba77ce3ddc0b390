"""Convert a .docx to PDF: LibreOffice headless, else Word through COM on Windows.

Rules:
- LibreOffice runs through ``adapters.documents.libreoffice`` (a private work folder and profile per
  run, so conversions run side by side and a killed one blocks nothing; stopped after ``timeout``
  seconds); soffice exits 0 even when it failed, so success means the PDF exists and starts with
  ``%PDF``;
- without LibreOffice, on Windows, Microsoft Word is driven through COM (pywin32) when importable,
  saving into a private work folder too; a Word that cannot be started counts as no converter;
- every PDF reaches its place whole, staged in the command's ``atomic.Outputs`` (``stage_pdfs``):
  an earlier PDF of that name stays as it was until the command's files are all made;
- otherwise ``PdfUnavailable`` says, in Indonesian, what to install; ``PdfFailed`` says what went
  wrong with a converter that exists.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.adapters.documents import libreoffice
from xlwings_app.adapters.documents.atomic import Outputs
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


UNAVAILABLE = (
    "PDF tidak dapat dibuat: LibreOffice tidak ditemukan dan Microsoft Word tidak dapat "
    "dipanggil. Pasang LibreOffice (https://www.libreoffice.org) atau buka file .docx di Word "
    "lalu simpan sebagai PDF."
)


def _word_pdf(docx: Path, work: Path, stem: str) -> Path:
    """``docx`` saved as PDF by Microsoft Word through COM (Windows, pywin32), into ``work``.

    pywin32 is there wherever Kinerja is (xlwings needs it), Word not always: Word that cannot be
    started (not installed: "Invalid class string") is ``PdfUnavailable``, as no converter at all;
    Word failing on the document is ``PdfFailed``. No COM error reaches the caller."""
    import win32com.client

    target = (work / f"{stem}.pdf").resolve()
    try:
        word = win32com.client.DispatchEx("Word.Application")
    except Exception as exc:  # noqa: BLE001 - pywintypes.com_error, which only Windows can import
        raise PdfUnavailable(f"{UNAVAILABLE} (Word: {exc})") from exc
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


def stage_pdfs(outputs: Outputs, pairs: Sequence[tuple[Path, Path]], timeout: float = TIMEOUT) -> list[Path]:
    """Convert each ``(docx, pdf target)`` and stage the PDF in ``outputs`` (moved into place at its
    commit): LibreOffice in one run (its start-up paid once), else Word one by one; the targets."""
    if not pairs:
        return []
    if libreoffice.find_soffice():
        try:
            with libreoffice.converted([(docx, pdf.stem) for docx, pdf in pairs], "pdf", timeout) as made:
                for (docx, target), output in zip(pairs, made, strict=True):
                    if not _is_pdf(output):
                        raise PdfFailed(f"LibreOffice tidak menghasilkan PDF yang sah dari {docx.name}.")
                    outputs.copy(target, output)
        except libreoffice.LibreOfficeError as exc:
            raise PdfFailed(str(exc)) from exc
        return [target for _docx, target in pairs]
    if _word_available():
        work = Path(tempfile.mkdtemp(prefix="kinerja-word-"))
        try:
            for docx, target in pairs:
                outputs.copy(target, _word_pdf(docx, work, target.stem))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return [target for _docx, target in pairs]
    raise PdfUnavailable(UNAVAILABLE)


def to_pdfs(documents: Sequence[Path], out_dir: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert several .docx files to PDF in ``out_dir`` (same stems), each written whole."""
    with Outputs() as outputs:
        targets = stage_pdfs(outputs, [(d, out_dir / f"{d.stem}.pdf") for d in documents], timeout)
        outputs.commit()
    return targets


def to_pdf(docx: Path, out_dir: Path | None = None, timeout: float = TIMEOUT) -> Path:
    """Convert ``docx`` to a PDF beside it (or in ``out_dir``), written whole."""
    [target] = to_pdfs([docx], out_dir or docx.parent, timeout)
    return target


def write_document(docx: Path, content: bytes, pdf: bool) -> Path | None:
    """Write ``content`` to ``docx`` and, with ``pdf``, its PDF beside it, both whole and together
    (``Outputs``: an earlier file of either name survives any failure); the PDF's path, or ``None``."""
    pdf_path = docx.with_suffix(".pdf") if pdf else None
    with Outputs() as outputs:
        made = outputs.put(docx, content)
        if pdf_path is not None:
            stage_pdfs(outputs, [(made, pdf_path)])
        outputs.commit()
    return pdf_path
