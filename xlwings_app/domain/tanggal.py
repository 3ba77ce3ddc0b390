"""Reading a date as a person types it (the signing date of a document).

Rules: a date cell (Excel stores a serial number with a date format; the readers give a
``datetime``) is taken as is; text may be ISO ("2024-10-07"), day first with / - or . ("7/10/2024",
"07-10-2024"), or written out in Indonesian ("7 Oktober 2024", "7 Okt 2024"). Anything else is
refused with an Indonesian message saying which forms are understood. A document is dated on its
tanggal penandatanganan, the date the office chooses, never the day it is printed (PermenPANRB
53/2014 forms are signed and dated by the head of the unit).
"""

from __future__ import annotations

import datetime as dt
import re

BULAN = (
    "januari", "februari", "maret", "april", "mei", "juni",
    "juli", "agustus", "september", "oktober", "november", "desember",
)  # fmt: skip
_SINGKAT = {name[:3]: n for n, name in enumerate(BULAN, start=1)} | {"agt": 8, "ags": 8, "okt": 10, "des": 12}

CONTOH = "mis. 7 Oktober 2024, 07/10/2024 atau 2024-10-07"


def _month(word: str) -> int | None:
    word = word.casefold().rstrip(".")
    if word in BULAN:
        return BULAN.index(word) + 1
    return _SINGKAT.get(word[:3]) if len(word) >= 3 else None


def parse_tanggal(value: object) -> dt.date | None:
    """The date ``value`` means; ``None`` when it is blank; ``ValueError`` (Indonesian) otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    try:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if found:
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
        found = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if found:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        found = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]+\.?)[ -](\d{4})", text)
        if found and (month := _month(found[2])):
            return dt.date(int(found[3]), month, int(found[1]))
    except ValueError:
        raise ValueError(f"Tanggal '{text}' tidak ada di kalender.") from None
    raise ValueError(f"Tanggal '{text}' tidak dikenali: tulis tanggal lengkap, {CONTOH}.")
