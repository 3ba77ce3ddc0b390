"""Handlers of the ribbon's Perencanaan group: Rencana Kinerja, Perjanjian Kinerja, PK Pejabat.

They run ``kinerja rencana`` and ``kinerja perjanjian [--iki]`` on the saved workbook
(``live.saved_path``: the rule "save first") and put the documents (.docx, and PDF when a
converter is there) beside it. A refusal (input errors, a final document with gaps) reaches the
dispatcher, which shows it; the draft is made from the command line (``--draf``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def _with_pdf(make: Callable[..., Any]) -> Any:
    """``make(pdf=True)``, else without PDF when no converter is installed (said in the message)."""
    from xlwings_app.services.laporan import PdfUnavailable

    try:
        return make(pdf=True), None
    except PdfUnavailable as exc:
        return make(pdf=False), exc.pesan


def _show(book: xw.Book, title: str, documents: Sequence[Any], no_pdf: str | None) -> None:
    lines = [title]
    for doc in documents:
        who = f"{doc.pejabat}: " if getattr(doc, "pejabat", "") else ""
        lines.append(f"- {who}{(doc.pdf or doc.docx).name}")
    lines += [f"Peringatan: {p.pesan}" for doc in documents for p in doc.peringatan]
    if no_pdf:
        lines.append(f"PDF tidak dibuat: {no_pdf}")
    live.alert(book, "\n".join(lines))


def rencana_kinerja(book: xw.Book) -> None:
    """The Rencana Kinerja Tahunan (``kinerja rencana --pdf``) beside the workbook."""
    from xlwings_app.services.rencana import rencana

    path = live.saved_path(book)
    doc, no_pdf = _with_pdf(lambda pdf: rencana(path, pdf=pdf))
    _show(book, f"Rencana Kinerja dibuat di {path.parent}:", [doc], no_pdf)


def perjanjian_kinerja(book: xw.Book) -> None:
    """The unit's Perjanjian Kinerja with the kepala daerah (``kinerja perjanjian --pdf``)."""
    from xlwings_app.services.perjanjian import perjanjian

    path = live.saved_path(book)
    docs, no_pdf = _with_pdf(lambda pdf: perjanjian(path, pdf=pdf))
    _show(book, f"Perjanjian Kinerja dibuat di {path.parent}:", docs, no_pdf)


def pk_pejabat(book: xw.Book) -> None:
    """One Perjanjian Kinerja per official of the IKI (``kinerja perjanjian --iki --pdf``)."""
    from xlwings_app.services.perjanjian import perjanjian

    path = live.saved_path(book)
    docs, no_pdf = _with_pdf(lambda pdf: perjanjian(path, pdf=pdf, iki=True))
    _show(book, f"{len(docs)} Perjanjian Kinerja pejabat dibuat di {path.parent}:", docs, no_pdf)
