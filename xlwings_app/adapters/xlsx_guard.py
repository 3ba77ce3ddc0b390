"""Before openpyxl opens a file: is it an .xlsx we may safely read?

Checks, each with an Indonesian message: the file exists and is not empty; it is not an old
binary .xls or an encrypted (password-protected) workbook, both OLE compound files; it is a zip
(xlsx/xlsm); its entries decompress to a bounded size (a zip bomb is refused before any XML is
parsed). XML itself is parsed by openpyxl through defusedxml (installed as a dependency), which
refuses external entities and entity expansion.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class WorkbookError(Exception):
    """A workbook cannot be opened or read; the message is Indonesian and names the file."""


def check_xlsx(path: Path) -> None:
    """Raise ``WorkbookError`` when ``path`` is not a safe, readable .xlsx/.xlsm file."""
    name = path.name
    if not path.exists():
        raise WorkbookError(f"File {name} tidak ditemukan.")
    if path.is_dir():
        raise WorkbookError(f"{name} adalah folder, bukan file workbook.")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookError(f"File {name} kosong (0 byte).")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        raise WorkbookError(
            f"File {name} berformat Excel lama (.xls) atau dilindungi kata sandi: "
            "buka di Excel, hapus kata sandi (bila ada), lalu simpan sebagai .xlsx."
        )
    if not zipfile.is_zipfile(path):
        if name.lower().endswith(".ods") or head.startswith(b"PK"):
            raise WorkbookError(f"File {name} rusak atau bukan workbook Excel (.xlsx).")
        raise WorkbookError(f"File {name} bukan workbook Excel (.xlsx): isinya tidak dikenali.")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            total = sum(e.file_size for e in entries)
            if "mimetype" in names and "content.xml" in names:
                raise WorkbookError(
                    f"File {name} berformat OpenDocument (.ods): simpan sebagai .xlsx lalu ulangi."
                )
            if "xl/workbook.xml" not in names:
                raise WorkbookError(f"File {name} bukan workbook Excel (.xlsx): xl/workbook.xml tidak ada.")
            if total > MAX_UNCOMPRESSED or (size and total / size > MAX_RATIO and total > 20 * 1024 * 1024):
                raise WorkbookError(
                    f"File {name} terlalu besar setelah diekstrak ({total // (1024 * 1024)} MB): ditolak demi keamanan."
                )
            bad = archive.testzip()
            if bad is not None:
                raise WorkbookError(f"File {name} rusak: bagian {bad} tidak dapat dibaca.")
    except zipfile.BadZipFile as exc:
        raise WorkbookError(f"File {name} rusak (zip tidak utuh): {exc}.") from exc
    except (OSError, EOFError) as exc:
        raise WorkbookError(f"File {name} tidak dapat dibaca: {exc}.") from exc
