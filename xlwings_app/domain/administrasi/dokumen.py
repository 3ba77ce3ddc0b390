"""A signed document as the papers that carry it refer to it: kind, title, date, verification code.

The Tanda Terima of its distribution and the Surat Pengantar that sends it to Bappeda name the same
thing: which document (Pengukuran Kinerja of a period, Rencana Kinerja or Perjanjian Kinerja of a
year), its tanggal penandatanganan and the verification code printed in its footer
(``domain.verification``: 10 characters of RFC 4648 base32, grouped 5-5), by which a paper copy
is matched to the data it was made from, at the unit and at the kabupaten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xlwings_app.domain.verification import CODE_LENGTH

KODE = re.compile(rf"^[A-Z2-7]{{{CODE_LENGTH // 2}}}-[A-Z2-7]{{{CODE_LENGTH - CODE_LENGTH // 2}}}$")
"""A verification code as printed: "K7Q2M-XR4TB"."""


class JenisDokumen(StrEnum):
    """The signed documents the SOPs distribute and send up."""

    PENGUKURAN = "Pengukuran Kinerja"
    RENCANA = "Rencana Kinerja"
    PERJANJIAN = "Perjanjian Kinerja"


@dataclass(frozen=True)
class DokumenTertanda:
    """A signed document: kind, title as printed, year, period ("" for a year's plan), signing
    date, verification code and file name."""

    jenis: JenisDokumen
    judul: str
    tahun: int
    tanggal: date | None
    kode_verifikasi: str
    periode: str = ""
    berkas: str = ""


def kode_sah(kode: str) -> bool:
    """``kode`` has the printed form of a verification code (``KODE``), spaces and case aside."""
    return bool(KODE.match("".join(kode.split()).upper()))
