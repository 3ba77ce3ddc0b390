"""What the ribbon's handlers share: the open workbook as this click's master, and "save first".

``master(book)`` is the live master (``services.master.open_live``): its inputs are read once per
click through ``XlwingsSource``, with the same checks as ``kinerja periksa`` on a file.

The rule "save first" (``saved_path``; ``saved`` also hands back the master it read), for the buttons whose service works on the file
(Dokumen Pengukuran, PDF, Arsipkan, Ekspor Formulir; Impor Formulir reads and writes the open
workbook, so it only needs the folder the workbook is saved in): the document must say what
the saved file says, and Excel keeps the open file locked against writing. xlwings cannot ask
Excel "are there unsaved changes?" on every engine, so the rule is checked on what matters:
- the workbook must be a file on this computer (``master.path`` absolute and existing): a new
  book ("Book1"), a book opened from a web address and a OneDrive/SharePoint book not synced to a
  local folder have none — otherwise: save it in a folder first;
- the file must not sit in a mail program's hidden cache (a workbook opened from an Outlook
  attachment lives in ``INetCache\\Content.Outlook``): the documents would be written there;
- the inputs read from the open workbook must equal the inputs read from that file (Profil,
  Pengaturan, IKU, IKI) — otherwise: there are unsaved changes, save first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlwings_app.ribbon.errors import PesanPengguna

if TYPE_CHECKING:
    from xlwings_app.domain.workbook_data import WorkbookData
    from xlwings_app.services.master import Master

TITLE = "Kinerja"


def alert(book: Any, message: str) -> None:
    """An Indonesian message box with the Kinerja title; commands named by their full path."""
    from xlwings_app.ribbon.messages import runnable

    book.app.alert(runnable(message), title=TITLE)


def master(book: Any) -> Master:
    """The open workbook as the master of this click (``services.master.open_live``): read once."""
    from xlwings_app.services.master import open_live

    return open_live(book)


def _same_inputs(a: WorkbookData, b: WorkbookData) -> bool:
    return (a.profil_values, a.settings, a.indicators) == (b.profil_values, b.settings, b.indicators)


def saved_path(book: Any) -> Path:
    """The workbook's file, once it is saved with the inputs on screen; else ``PesanPengguna``."""
    return saved(book)[0]


MAIL_CACHES = ("inetcache", "temporary internet files", "content.outlook", "content.mso")
"""Folders (lower case) where Windows and Outlook keep an opened attachment: hidden from the user."""


def in_mail_cache(path: Path) -> bool:
    """Whether ``path`` lies in the hidden folder a mail attachment is opened from."""
    return any(part.lower() in MAIL_CACHES for part in path.parts[:-1])


def folder_of(opened: Master) -> Path:
    """The folder of the open workbook's file, once it is a file on this computer outside a mail
    cache; else ``PesanPengguna`` saying to save it first."""
    path = opened.path
    if not path.is_absolute() or not path.is_file():
        raise PesanPengguna(
            f"Workbook '{opened.name}' belum disimpan sebagai file di komputer ini. Simpan dulu "
            "(File > Simpan Sebagai, format .xlsx atau .xlsm di sebuah folder), lalu klik lagi. "
            "Workbook di OneDrive/SharePoint yang tidak tersinkron ke sebuah folder di komputer ini "
            "juga dianggap belum disimpan."
        )
    if in_mail_cache(path):
        raise PesanPengguna(
            f"Workbook '{opened.name}' dibuka dari lampiran email (folder sementara yang tersembunyi: "
            f"{path.parent}). Simpan dulu ke folder kerja Anda (File > Simpan Sebagai), buka file "
            "itu, lalu klik lagi: dokumen dibuat di samping workbook."
        )
    return path.parent


def saved(book: Any) -> tuple[Path, Master]:
    """``saved_path`` and the open workbook's master, whose inputs were read once for the comparison
    (a handler that needs them again, e.g. for the active period, asks the master: no second read)."""
    from xlwings_app.domain.problems import Refusal
    from xlwings_app.services.hitung import periksa

    opened = master(book)
    folder_of(opened)
    path = opened.path
    try:
        saved_data = periksa(path)
    except Refusal as exc:
        raise PesanPengguna(f"File tersimpan tidak dapat dibaca: {exc.pesan}") from exc
    if not _same_inputs(opened.data(), saved_data):
        raise PesanPengguna(
            "Ada perubahan yang belum disimpan. Simpan workbook dulu (Ctrl+S), lalu klik lagi: "
            "dokumen dibuat dari file yang tersimpan."
        )
    return path, opened
