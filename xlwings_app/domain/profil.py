"""The unit's identity and the signing official (sheet Profil)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pejabat:
    """An official as printed in a signature block (DOMAIN.md, "Printed documents")."""

    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""
    status: str = ""  # "", "Plt." or "Plh." when acting

    @property
    def jabatan_lengkap(self) -> str:
        """"Plt. Kepala Dinas ..." when acting, else the jabatan itself."""
        return f"{self.status} {self.jabatan}".strip() if self.status else self.jabatan


@dataclass(frozen=True)
class Profil:
    """Who measures: kabupaten, unit, address, year, signing official, Kasubag in charge.

    ``tanggal_ttd`` is the signing date the office chose (None: not chosen yet); ``lambang`` the
    file name of the lambang daerah image, beside the workbook; ``pejabat`` the officials of the
    unit (sheet Pejabat), who are the Penanggung Jawab of the indicators.
    """

    kabupaten: str
    unit: str
    alamat: str
    tahun: int
    penandatangan: Pejabat
    pengelola: Pejabat
    tempat: str
    telepon: str = ""
    email: str = ""
    laman: str = ""
    tanggal_ttd: dt.date | None = None
    lambang: str = ""
    pejabat: tuple[Pejabat, ...] = ()

    def pejabat_untuk(self, jabatan: str) -> Pejabat | None:
        """The official whose jabatan is ``jabatan`` (case and spacing ignored), if listed."""
        wanted = " ".join(jabatan.split()).casefold()
        return next((p for p in self.pejabat if " ".join(p.jabatan.split()).casefold() == wanted), None)


NIP_DIGITS = 18


def nip_digits(text: str) -> str:
    """The digits of a NIP as typed ("19770309 200501 1 003", "NIP. 1977...")."""
    return re.sub(r"[^0-9]", "", text)  # ASCII digits only: "١٩٧٧" is not a NIP


def format_nip(text: str) -> str:
    """Group an 18-digit NIP 8-6-1-3: "19770309 200501 1 003"; other input is returned trimmed.

    NIP structure (BKN): birth date YYYYMMDD, appointment YYYYMM, sex 1 or 2, sequence.
    """
    digits = nip_digits(text)
    if len(digits) != NIP_DIGITS:
        return text.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def nip_problem(text: str) -> str | None:
    """Why ``text`` is not a valid NIP (Indonesian), or ``None`` when it is."""
    digits = nip_digits(text)
    if len(digits) != NIP_DIGITS:
        return f"NIP harus 18 angka (tertulis {len(digits)} angka)."
    month, app_month, sex = int(digits[4:6]), int(digits[12:14]), digits[14]
    if not 1 <= month <= 12 or not 1 <= int(digits[6:8]) <= 31:
        return "8 angka pertama NIP harus tanggal lahir (TTTTBBHH)."
    if not 1 <= app_month <= 12:
        return "Angka ke-9 s.d. 14 NIP harus tahun dan bulan pengangkatan (TTTTBB)."
    if sex not in "12":
        return "Angka ke-15 NIP harus 1 (pria) atau 2 (wanita)."
    return None
