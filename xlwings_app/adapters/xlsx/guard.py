"""Before openpyxl opens a file: is it an .xlsx we may safely read?

Checks, each with an Indonesian message naming the file: the path exists (a broken or looping
link is named as such) and is a file, not a folder; it is not empty; it is not an OLE compound
file, which is either an old binary .xls or a workbook encrypted with a password to open (told
apart by the ``EncryptionInfo`` stream); it is a zip and not an OpenDocument (.ods) file; it
holds ``xl/workbook.xml``; its entries decompress to a bounded size (a zip bomb is refused from the
zip directory, before anything is decompressed); and every entry decompresses intact (CRC) while
every XML part is scanned for a DTD: Excel never writes one, and a DTD is how external entities
(XXE) and entity expansion ("billion laughs") get in, so such a file is refused whole.

Behind that, openpyxl parses sheets and shared strings through defusedxml; ``ensure_defused``
asserts that this is really in effect (openpyxl falls back to the plain parser silently when
defusedxml is missing or ``OPENPYXL_DEFUSEDXML`` is not "True").
"""

from __future__ import annotations

import importlib.util
import os
import sys
import zipfile
from pathlib import Path

from xlwings_app.adapters.xlsx.zip_copy import CHUNK, member_chunks
from xlwings_app.domain.problems import Refusal

MAX_UNCOMPRESSED = 1024 * 1024 * 1024
"""A workbook larger than this once inflated is refused. Excel's own limit, 1,048,576 rows, holds a
master of a million indicator rows with every input column (bench XL2: 315 MB inflated, 30 MB on disk
since the analysis columns per period); a zip bomb is refused by its ratio (``MAX_RATIO``) long before."""
MAX_RATIO = 100
"""Above 20 MB inflated, a workbook inflating more than this many times its size on disk is refused as a
zip bomb (a real workbook's sheets compress about 5-15 times; the bench's million-row master 10 times;
the archive members of ``kinerja arsip`` use the same ratio)."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XML_SUFFIXES = (".xml", ".rels", ".vml")
FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")
"""Each holds "!": a part without that byte is scanned for no marker (``_check_archive``)."""
_CHUNK = CHUNK


class WorkbookError(Refusal):
    """A workbook cannot be opened or read; the message is Indonesian and names the file."""


def ensure_defused() -> None:
    """Raise ``WorkbookError`` unless openpyxl parses worksheet XML through defusedxml.

    openpyxl is not imported for this (the fast reader never loads it): until it is loaded, the
    check is what openpyxl decides when it is (``openpyxl.xml``: defusedxml installed and
    ``OPENPYXL_DEFUSEDXML`` unset or "True"); once loaded, its parser itself is checked.
    """
    functions = sys.modules.get("openpyxl.xml.functions")
    if functions is None:
        defused = os.environ.get("OPENPYXL_DEFUSEDXML", "True") == "True" and (
            "defusedxml" in sys.modules or importlib.util.find_spec("defusedxml") is not None
        )
    else:
        import openpyxl.xml

        defused = bool(openpyxl.xml.DEFUSEDXML) and functions.iterparse.__module__.startswith("defusedxml")
    if not defused:
        raise WorkbookError(
            "Instalasi Kinerja tidak lengkap: pelindung XML (defusedxml) tidak aktif, sehingga file dari luar "
            "tidak dibaca. Pasang ulang Kinerja (pip install defusedxml) dan jangan setel OPENPYXL_DEFUSEDXML."
        )


def check_xlsx(path: Path) -> None:
    """Raise ``WorkbookError`` when ``path`` is not a safe, readable .xlsx/.xlsm file."""
    ensure_defused()
    name = path.name
    if not path.exists():
        if path.is_symlink():
            raise WorkbookError(f"File {name} adalah tautan (shortcut/symlink) yang rusak atau berputar.")
        raise WorkbookError(f"File {name} tidak ditemukan.")
    if path.is_dir():
        raise WorkbookError(f"{name} adalah folder, bukan file workbook.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(f"File {name} tidak dapat dibaca: {exc.strerror or exc}.") from exc
    if size == 0:
        raise WorkbookError(f"File {name} kosong (0 byte).")
    if head == OLE_MAGIC:
        raise WorkbookError(_ole_message(path))
    if not zipfile.is_zipfile(path):
        if name.lower().endswith(".ods") or head.startswith(b"PK"):
            raise WorkbookError(f"File {name} rusak atau bukan workbook Excel (.xlsx).")
        raise WorkbookError(f"File {name} bukan workbook Excel (.xlsx): isinya tidak dikenali.")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, name, size)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(f"File {name} rusak (zip tidak utuh): {exc}.") from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise WorkbookError(f"File {name} tidak dapat dibaca: {exc}.") from exc


def has_macros(path: Path) -> bool:
    """The workbook carries a VBA project (never run by Kinerja: only cell values are read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(n.lower().endswith("vbaproject.bin") for n in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def _ole_message(path: Path) -> str:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
    except Exception:  # a damaged compound file: still not an .xlsx
        streams = set()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        return (
            f"File {path.name} dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca: buka di "
            "Excel, hapus kata sandi (File > Info > Protect Workbook > Encrypt with Password, kosongkan), "
            "simpan, lalu ulangi."
        )
    return (
        f"File {path.name} berformat Excel lama (.xls): buka di Excel lalu simpan sebagai "
        "Excel Workbook (.xlsx), kemudian ulangi."
    )


def _check_archive(archive: zipfile.ZipFile, name: str, size: int) -> None:
    entries = archive.infolist()
    names = {e.filename for e in entries}
    total = sum(e.file_size for e in entries)
    if "mimetype" in names and "content.xml" in names:
        raise WorkbookError(f"File {name} berformat OpenDocument (.ods): simpan sebagai .xlsx lalu ulangi.")
    if "xl/workbook.xml" not in names:
        raise WorkbookError(f"File {name} bukan workbook Excel (.xlsx): xl/workbook.xml tidak ada.")
    if total > MAX_UNCOMPRESSED or (total / size > MAX_RATIO and total > 20 * 1024 * 1024):
        raise WorkbookError(
            f"File {name} terlalu besar setelah diekstrak ({total // (1024 * 1024)} MB): ditolak demi keamanan."
        )
    for entry in entries:
        scan = entry.filename.lower().endswith(XML_SUFFIXES)
        tail = b""
        for chunk in member_chunks(archive, entry):  # read to the end: its CRC is checked
            if scan:
                # a marker is in the chunk or straddles the previous one's last 16 bytes (no copy
                # of the chunk); both hold "!", which one byte search rules out in most parts
                window = tail + chunk[:16]
                utf16 = not tail and chunk.startswith((b"\xff\xfe", b"\xfe\xff"))
                if utf16 or ((b"!" in chunk or b"!" in window) and any(
                    marker in chunk or marker in window for marker in FORBIDDEN_XML
                )):
                    raise WorkbookError(
                        f"File {name} ditolak demi keamanan: bagian {entry.filename} berisi deklarasi XML "
                        "(DTD/entitas, atau pengodean UTF-16) yang tidak pernah ditulis Excel. Buka file di Excel, salin isinya ke "
                        "workbook baru, lalu simpan ulang."
                    )
                tail = (tail + chunk)[-16:] if len(chunk) < 16 else chunk[-16:]
