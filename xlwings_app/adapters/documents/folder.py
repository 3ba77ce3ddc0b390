"""The output folder of a document command, checked before anything is rendered.

A folder that is a file, lies under a file, or cannot be written to is refused with an
Indonesian message naming it (the CLI exits 2); nothing is created then.
"""

from __future__ import annotations

import os
from pathlib import Path


def output_folder_problem(folder: Path) -> str | None:
    """Why documents cannot be written into ``folder`` (created if missing), or ``None``."""
    hint = "pilih folder lain dengan --keluar."
    if folder.exists() and not folder.is_dir():
        return f"Folder keluaran {folder} adalah sebuah file, bukan folder: {hint}"
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"Folder keluaran {folder} tidak dapat dibuat: {existing} adalah sebuah file, bukan folder; {hint}"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"Folder keluaran {folder} tidak dapat ditulisi (izin ditolak): {hint}"
    return None
