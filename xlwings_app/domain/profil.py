"""The unit's identity and the signing official (sheet Profil)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from xlwings_app.domain.problems import Problem


@dataclass(frozen=True)
class Pejabat:
    """An official as printed in a signature block (docs/domain.md, "Printed documents")."""

    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""
    status: str = ""  # "", "Plt." or "Plh." when acting
    atasan: str = ""  # the jabatan of the direct superior (sheet Pejabat, column Atasan); "": by rule

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


SHEET_PROFIL = "Profil"
SHEET_PEJABAT = "Pejabat"
"""Sheets Profil and Pejabat as the domain's problems name them: the layout's names
(workbook/layout.toml), which the domain cannot import (a lower layer); tests/sheets/test_layout.py
holds them equal."""

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


NIP_AS_NUMBER = (
    "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang: ketik ulang sebagai teks "
    "(awali dengan tanda petik, mis. '19770309 200501 1 003)."
)

DOCUMENT_FIELDS: dict[str, str] = {
    "alamat": "Alamat",
    "ttd_jabatan": "Jabatan Penandatangan",
    "ttd_nama": "Nama Penandatangan",
    "ttd_nip": "NIP Penandatangan",
    "pengelola_jabatan": "Jabatan Pengelola (Kasubag)",
    "pengelola_nama": "Nama Pengelola",
    "tempat": "Tempat Penandatanganan",
    "pengelola_nip": "NIP Pengelola",
}
"""The Profil fields only a signed document needs (key → label of sheet Profil, layout.toml): the
kop (address), the signature block (place, signer, NIP) and the Kasubag in charge. Measuring
(``periksa``, ``hitung``, forms) does not need them: there a blank one is a notice at most."""


def _document_values(profil: Profil) -> dict[str, str]:
    return {
        "alamat": profil.alamat,
        "ttd_jabatan": profil.penandatangan.jabatan,
        "ttd_nama": profil.penandatangan.nama,
        "ttd_nip": profil.penandatangan.nip,
        "pengelola_jabatan": profil.pengelola.jabatan,
        "pengelola_nama": profil.pengelola.nama,
        "tempat": profil.tempat,
        "pengelola_nip": profil.pengelola.nip,
    }


OPTIONAL_DOCUMENT_FIELDS = ("pengelola_nip",)
"""Printed when filled in, checked then; may stay blank."""


def document_problems(
    profil: Profil | None,
    cells: Mapping[str, str] | None = None,
    numeric: Collection[str] = (),
    sheet: str = SHEET_PROFIL,
) -> list[Problem]:
    """What a document (Dokumen Pengukuran Kinerja, dokumen IKI, arsip) cannot be signed without:
    every ``DOCUMENT_FIELDS`` entry filled in, and the signer's NIP a valid 18-digit NIP
    (``nip_problem``; BKN's structure), never stored as a number (``numeric``: the keys the
    reader found as numbers). ``cells`` maps a field key to its cell ("B9") for the messages. PermenPANRB 53/2014: the Perjanjian/Pengukuran Kinerja carries the signer's name,
    jabatan and NIP, dated at a place."""
    if profil is None:
        return [Problem("Sheet Profil tidak terbaca: dokumen memerlukan identitas unit dan penandatangan.", sheet)]
    cells = cells or {}
    problems = []
    for key, value in _document_values(profil).items():
        label = DOCUMENT_FIELDS[key]
        if key in numeric:
            problems.append(Problem(NIP_AS_NUMBER, sheet, kolom=label, sel=cells.get(key)))
        elif not value.strip() and key in OPTIONAL_DOCUMENT_FIELDS:
            continue
        elif not value.strip():
            problems.append(Problem(f"{label} belum diisi: diperlukan untuk dokumen yang ditandatangani.",
                                    sheet, kolom=label, sel=cells.get(key)))  # fmt: skip
        elif key.endswith("nip") and (why := nip_problem(value)):
            problems.append(Problem(why, sheet, kolom=label, sel=cells.get(key), nilai=value))
    return problems
