"""The Program Kerja Kegiatan's planned dates equal dates computed by hand on the working calendar.

The example workbook's SOP Pengumpulan Data Kinerja begun Rabu 6 Maret 2024 07.30, on its sheet
Kalender: Senin 11 Maret is Nyepi and Selasa 12 Maret cuti bersama; Friday works 07.30-11.30 and
13.00-16.30, other weekdays 07.30-12.00 and 13.00-16.00 (450 working minutes, "1 hari"). By hand:

- steps 1-3 (5, 60, 120 menit): Rabu 07.30 → 07.35 → 08.35 → 10.35;
- step 4 (1 hari = 450 menit kerja): 10.35-12.00 (85) and 13.00-16.00 (180) Rabu, then 185 Kamis
  from 07.30: Kamis 7 Maret 10.35;
- step 5 (120): 10.35-12.00 (85), 13.00-13.35 (35): 13.35; step 6 (5): 13.40;
- step 7 (1 hari): Kamis 13.40-16.00 (140), Jumat 07.30-11.30 (240), 13.00-14.10 (70): Jumat
  8 Maret 14.10 (a Monday-to-Thursday day would give 13.40: the Friday break is longer);
- step 8 (120): Jumat 14.10 → 16.10 (Friday ends 16.30);
- step 9 (30): Jumat 16.10-16.30 (20), Senin and Selasa off, Rabu 13 Maret 07.30-07.40 (10);
- steps 10-11 (90, 30): 09.10, 09.40; step 12 has no Waktu: 09.40.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.administrasi.conftest import pdf_text
from xlwings_app.services.program_kerja import program_kerja

BY_HAND = [
    (1, "2024-03-06 07:30", "2024-03-06 07:35"),
    (2, "2024-03-06 07:35", "2024-03-06 08:35"),
    (3, "2024-03-06 08:35", "2024-03-06 10:35"),
    (4, "2024-03-06 10:35", "2024-03-07 10:35"),
    (5, "2024-03-07 10:35", "2024-03-07 13:35"),
    (6, "2024-03-07 13:35", "2024-03-07 13:40"),
    (7, "2024-03-07 13:40", "2024-03-08 14:10"),
    (8, "2024-03-08 14:10", "2024-03-08 16:10"),
    (9, "2024-03-08 16:10", "2024-03-13 07:40"),
    (10, "2024-03-13 07:40", "2024-03-13 09:10"),
    (11, "2024-03-13 09:10", "2024-03-13 09:40"),
    (12, "2024-03-13 09:40", "2024-03-13 09:40"),
]
BULAN = {3: "Maret"}


def _shown(text: str) -> str:
    moment = datetime.fromisoformat(text)
    return f"{moment.day} {BULAN[moment.month]} {moment.year} {moment:%H.%M}"


def test_planned_dates_are_the_hand_computed_ones_with_a_holiday_and_a_friday(example_workbook: Path) -> None:
    hasil = program_kerja(example_workbook, datetime(2024, 3, 6, 7, 30), sop="Pengumpulan", batas=date(2024, 3, 13),
                          periode="TW1", pdf=True)  # fmt: skip
    planned = [(s.no, s.mulai, s.selesai) for s in hasil.program.langkah]
    assert planned == [(no, datetime.fromisoformat(a), datetime.fromisoformat(b)) for no, a, b in BY_HAND]
    assert hasil.program.hari_kerja == 4  # Rabu, Kamis, Jumat, Rabu
    assert hasil.program.batas is not None and hasil.program.batas.terpenuhi
    assert hasil.kertas.pdf is not None
    text = pdf_text(hasil.kertas.pdf)
    for no, start, end in BY_HAND:  # pdftotext reads a table's cells in its own order: each date on its own
        assert _shown(start) in text and _shown(end) in text, no
    assert "Selesai pada hari batas waktu." in text
    assert "13 Maret 2024" in text and not hasil.banding  # the TW1 log has no times: no comparison


def test_a_deadline_missed_is_said_in_working_days(example_workbook: Path) -> None:
    hasil = program_kerja(example_workbook, datetime(2024, 3, 6, 7, 30), sop="Pengumpulan", batas=date(2024, 3, 8))
    assert hasil.program.batas is not None
    assert hasil.program.batas.uraian() == "Melewati batas waktu 1 hari kerja."  # 11 and 12 Maret are off


def test_the_sop_report_prints_the_plan_against_the_log(example_workbook: Path) -> None:
    from xlwings_app.services.laporan_sop import laporan_sop

    hasil = laporan_sop(example_workbook, "TW3", "Pengukuran", pdf=True)
    assert hasil.pdf is not None
    text = pdf_text(hasil.pdf)
    assert "Rencana (Program Kerja Kegiatan) terhadap pelaksanaan" in text
    # planned from the first Mulai (01-10-2024 08.00): step 1 takes 5 menit, the log says 08.00-08.10
    assert "01-10-2024 08.00 s.d. 01-10-2024 08.05" in text
    assert "01-10-2024 08.00 s.d. 01-10-2024 08.10" in text
    assert "+5 menit kerja" in text
