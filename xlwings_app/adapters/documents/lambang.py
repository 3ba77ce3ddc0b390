"""The lambang daerah printed left of the kop: an image file the user names once.

Rules: the Profil field "Berkas Lambang Daerah" names a file beside the workbook (a relative name
is taken from the workbook's folder); ``--lambang`` names any file and wins. The file must be a
PNG or JPEG image. A file named in Profil that is missing or not an image gives a warning and a kop
without lambang (the document is still made); a ``--lambang`` file that cannot be used refuses
the command, since the user asked for exactly that file.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.layout import SHEET_PROFIL

FORMATS = {"PNG", "JPEG"}
FIELD = "Berkas Lambang Daerah"


class LambangError(Exception):
    """The ``--lambang`` file cannot be used; the message says why (Indonesian)."""


def _why_not(path: Path) -> str | None:
    if not path.is_file():
        return f"berkas {path} tidak ditemukan"
    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return f"berkas {path.name} bukan gambar yang dapat dibaca ({type(exc).__name__})"
    if kind not in FORMATS:
        return f"berkas {path.name} berformat {kind}; pakai PNG atau JPEG"
    return None


def load_lambang(folder: Path, named: str, override: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    """The image bytes for the kop, or None; warnings for a Profil file that cannot be used."""
    if override is not None:
        why = _why_not(override)
        if why:
            raise LambangError(f"--lambang: {why}.")
        return override.read_bytes(), []
    if not named.strip():
        return None, []
    path = Path(named.strip())
    path = path if path.is_absolute() else folder / path
    why = _why_not(path)
    if why:
        return None, [Problem(f"Lambang daerah tidak dicetak: {why}. Letakkan gambar PNG/JPEG di folder "
                              f"workbook dan tulis nama berkasnya di sheet {SHEET_PROFIL}.",
                              SHEET_PROFIL, kolom=FIELD, nilai=named, tingkat="catatan")]
    return path.read_bytes(), []
