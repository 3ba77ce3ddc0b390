"""The forms' secret: a random key kept in the master, keying the integrity mark of every form.

Rules:
- the key is 32 random bytes, made the first time forms are made from a master (``kinerja formulir``,
  ``kinerja lembar``, Ekspor Formulir) and kept in the master's very hidden sheet (``[formulir]
  kunci_sheet``, "KinerjaKunci") as hexadecimal text with the moment it was made; no form carries it;
- a form's mark is HMAC-SHA-256 over its metadata keyed by it (``forms.meta.compute_checksum``,
  RFC 2104): a form edited outside its cells (its hidden metadata rewritten, rows added, the mark
  recomputed) cannot carry a matching mark without the master, nor can a form of another master;
- a sheet that holds no readable key counts as no key (forms made before the key existed are judged
  by ``forms.checks``).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from xlwings_app.forms.spec import spec
from xlwings_app.sheets.grid import SheetValues

KEY_BYTES = 32
KEY_LABEL = "kunci_formulir"
MADE_LABEL = "dibuat"
NOTE = ("Kunci tanda keaslian formulir Kinerja: jangan diubah atau dihapus; formulir yang sudah dibagikan "
        "hanya dapat direkap dengan kunci ini.")


def new_key() -> bytes:
    """A fresh random key (the operating system's cryptographic random source)."""
    return secrets.token_bytes(KEY_BYTES)


def key_values(key: bytes, made: datetime) -> SheetValues:
    """The key sheet: label and key, label and the moment it was made, a note; all text."""
    sheet = SheetValues(spec().kunci_sheet)
    sheet.put(1, 1, [KEY_LABEL, key.hex()])
    sheet.put(2, 1, [MADE_LABEL, f"{made:%d-%m-%Y %H:%M}"])  # not ISO: xlwings' remote engine reads that as a date
    sheet.put(3, 1, ["catatan", NOTE])
    return sheet


def read_key(rows: Sequence[Sequence[object]]) -> bytes | None:
    """The key held in the key sheet's ``rows``; None when there is none readable."""
    for row in rows[:20]:
        if len(row) >= 2 and str(row[0] or "").strip() == KEY_LABEL:
            try:
                key = bytes.fromhex(str(row[1] or "").strip())
            except ValueError:
                return None
            return key if len(key) >= KEY_BYTES else None
    return None
