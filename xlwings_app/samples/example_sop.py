"""The built-in example's SOP log: Kecamatan Lumajang measures TW3 2024 with the Tim SAKIP SOP.

The office uses the preset "pengukuran-tim-sakip" (seed 002) under its own names: the seed's
"Kecamatan Sumbersuko" and "Camat Senduro" become Kecamatan Lumajang and its Camat. The log of 1-4
Oktober 2024 has late steps and one revision round: the Sekretaris sends the recapitulation back
(step 8 answered TIDAK), the Tim SAKIP reports again (step 7, run 2), and step 8 then says YA.
Names other than the Camat's are invented.
"""

from __future__ import annotations

from datetime import date, datetime

from xlwings_app.domain.sop.adapt import Identitas, for_unit
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.model import Pengesah, Sop
from xlwings_app.domain.sop.presets import nama_asal, preset

PRESET = "pengukuran-tim-sakip"
PERIODE = "TW3"
TANGGAL_LAPORAN = date(2024, 10, 14)
"""The date of the example's Laporan Kepatuhan Waktu SOP (after the TW3 cycle ended)."""
CAMAT = "Drs. DEDWI SUPRAPTO, M.Si."
SEKRETARIS = "AHMAD FAUZI, S.Sos."
TIM = "NURUL HIDAYATI, S.E. (Ketua Tim SAKIP)"
STAF = "RINA WULANDARI"

# (langkah, pelaksana, mulai, selesai, catatan)
_ROWS = (
    (1, CAMAT, "2024-10-01 08:00", "2024-10-01 08:10", ""),
    (2, SEKRETARIS, "2024-10-01 09:00", "2024-10-01 10:00", ""),
    (3, TIM, "2024-10-01 10:00", "2024-10-01 13:30", "Rapat molor karena tamu dinas"),
    (4, TIM, "2024-10-01 13:30", "2024-10-01 15:30", ""),
    (5, TIM, "2024-10-02 08:00", "2024-10-02 15:30", ""),
    (6, TIM, "2024-10-03 08:00", "2024-10-03 10:00", ""),
    (7, TIM, "2024-10-03 10:00", "2024-10-03 10:30", ""),
    (8, SEKRETARIS, "2024-10-03 10:30", "2024-10-03 14:30", "TIDAK: data realisasi IKU-03 belum lengkap"),
    (7, TIM, "2024-10-04 08:00", "2024-10-04 08:45", "Dilengkapi sesuai arahan Sekretaris"),
    (8, SEKRETARIS, "2024-10-04 09:00", "2024-10-04 10:00", "YA"),
    (9, SEKRETARIS, "2024-10-04 10:00", "2024-10-04 10:20", ""),
    (10, STAF, "2024-10-04 10:30", "2024-10-04 11:00", ""),
)


def example_sop() -> Sop:
    """The preset as the example office keeps it (its own unit and Camat's names)."""
    return adapted()[0]


IDENTITAS = Identitas("Kabupaten Lumajang", "Kecamatan Lumajang", "Camat Lumajang",
                      Pengesah("Camat Lumajang", CAMAT, "19701218 199101 1 002"))
"""The example office as sheet Profil names it (``samples.example.PROFIL``)."""


def adapted() -> tuple[Sop, tuple[str, ...]]:
    """The preset made Kecamatan Lumajang's (``domain.sop.adapt``), and what was replaced."""
    return own(PRESET)


def example_log() -> list[LogEntry]:
    """The filled log of TW3."""
    return [
        LogEntry(
            PERIODE,
            no,
            name,
            datetime.fromisoformat(mulai),
            datetime.fromisoformat(selesai),
            catatan,
        )
        for no, name, mulai, selesai, catatan in _ROWS
    ]


# The Perencanaan Kinerja SOP (seed 001) beside it: the Rencana Kinerja 2024 drafted in January
# 2024; the draft (step 5, 7 hari) takes two working days longer.
PERENCANAAN_PRESET = "perencanaan-lumajang"
PERENCANAAN_PERIODE = "2024"
KASUBAG_KEU = "NURUL HIDAYATI, S.E."
_PERENCANAAN_ROWS = (
    (1, STAF, "2024-01-02 08:00", "2024-01-02 08:05", "Surat Edaran Bappeda"),
    (2, SEKRETARIS, "2024-01-02 08:30", "2024-01-02 08:45", ""),
    (3, CAMAT, "2024-01-02 09:00", "2024-01-02 09:10", ""),
    (4, KASUBAG_KEU, "2024-01-03", "2024-01-08", "Form diisi bersama Kasubag dan Kasi"),
    (5, STAF, "2024-01-09", "2024-01-19", "Menunggu data dua seksi"),
    (6, KASUBAG_KEU, "2024-01-22 08:00", "2024-01-22 08:15", ""),
    (7, SEKRETARIS, "2024-01-22 08:30", "2024-01-22 15:00", ""),
    (8, SEKRETARIS, "2024-01-23 08:00", "2024-01-23 08:15", ""),
    (9, CAMAT, "2024-01-23 09:00", "2024-01-23 09:30", ""),
    (10, STAF, "2024-01-23 10:00", "2024-01-23 10:15", ""),
    (11, STAF, "2024-01-23 10:30", "2024-01-23 11:30", ""),
)
PENGUMPULAN_PRESET = "pengumpulan-data-tim-sakip"
"""The Pengumpulan Data SOP, the third beside them (its log is started, not yet filled)."""


def _at(text: str) -> datetime | date:
    return datetime.fromisoformat(text) if " " in text else date.fromisoformat(text)


def own(preset_id: str) -> tuple[Sop, tuple[str, ...]]:
    """The preset ``preset_id`` made Kecamatan Lumajang's, as ``adapted`` does for the first SOP."""
    return for_unit(preset(preset_id), nama_asal(preset_id), IDENTITAS)


def perencanaan_sop() -> Sop:
    """The Perencanaan Kinerja preset as the example office keeps it."""
    return own(PERENCANAAN_PRESET)[0]


def perencanaan_log() -> list[LogEntry]:
    """The filled log of the Rencana Kinerja 2024."""
    return [
        LogEntry(PERENCANAAN_PERIODE, no, name, _at(mulai), _at(selesai), catatan)
        for no, name, mulai, selesai, catatan in _PERENCANAAN_ROWS
    ]
