"""Which SOP step each Kinerja action stamps, and the stamping rules (never over a person's entry)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from xlwings_app.domain.sop.log import LogEntry, new_period_entries
from xlwings_app.domain.sop.otomatis import Jalan, catat, catat_semua, langkah_aksi
from xlwings_app.domain.sop.presets import preset

PENGUMPULAN = preset("pengumpulan-data-tim-sakip")
T0, T1 = datetime(2024, 10, 7, 9, 15, 42), datetime(2024, 10, 7, 9, 16, 5)


@pytest.mark.parametrize(
    ("preset_id", "expected"),
    [
        ("pengumpulan-data-tim-sakip", {"formulir": (6, "mulai-selesai"), "pengumpulan": (7, "mulai-selesai"),
                                         "rekap": (8, "mulai-selesai"), "laporan-draf": (9, "mulai-selesai"),
                                         "laporan-final": (10, "mulai-selesai"), "arsip": (12, "mulai-selesai"),
                                         "laporan": None}),
        ("pengukuran-tim-sakip", {"formulir": None, "rekap": (6, "mulai-selesai"), "laporan": (7, "mulai-selesai"),
                                   "arsip": (10, "mulai-selesai"), "laporan-draf": None}),
        ("pengukuran-lumajang", {"formulir": (5, "mulai"), "rekap": (5, "selesai"), "laporan": (6, "mulai-selesai"),
                                  "arsip": None}),
        ("pengukuran-kominfo", {"laporan": (6, "mulai-selesai"), "arsip": (9, "mulai-selesai"), "formulir": None}),
    ],
)  # fmt: skip
def test_each_action_maps_to_the_step_whose_text_names_it(preset_id: str, expected: dict[str, object]) -> None:
    sop = preset(preset_id)
    for aksi, want in expected.items():
        found = langkah_aksi(sop, aksi)  # type: ignore[arg-type]
        assert (None if found is None else (found[0].no, found[1])) == want, aksi


def test_the_papers_are_the_outputs_of_their_steps() -> None:
    outputs = {no: PENGUMPULAN.step(no).output for no in (6, 8, 9, 12)}
    assert "Tanda Terima" in outputs[6] and "Rekapitulasi" in outputs[8]
    assert outputs[9].startswith("Draft Laporan") and outputs[12].startswith("Arsip")


def test_a_period_not_in_the_log_gets_its_rows_and_the_step_stamped_to_the_minute() -> None:
    plan = catat(PENGUMPULAN, [], "TW4", "formulir", T0, T1, "3 formulir")
    assert [e.langkah for e in plan.baru] == list(range(1, 13))
    step6 = plan.baru[5]
    assert (step6.mulai, step6.selesai) == (datetime(2024, 10, 7, 9, 15), datetime(2024, 10, 7, 9, 16))
    assert step6.catatan == "Dicatat otomatis (kinerja formulir): 3 formulir"
    assert all(e.mulai is None for e in plan.baru if e.langkah != 6)


def _log(rows: list[LogEntry]) -> list[LogEntry]:
    return [LogEntry(**{**e.__dict__, "baris": 5 + i}) for i, e in enumerate(rows)]


def test_only_empty_cells_are_filled_and_a_persons_complete_row_is_left() -> None:
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    typed = LogEntry("TW4", 6, "NURUL", datetime(2024, 10, 7, 8, 0), None, "dibagikan di rapat", baris=10)
    rows[5] = typed
    plan = catat(PENGUMPULAN, rows, "TW4", "formulir", T0, T1)
    assert [(c.baris, c.kolom) for c in plan.isian] == [(10, "selesai")]  # Mulai and Catatan are the person's
    done = LogEntry("TW4", 8, "NURUL", datetime(2024, 10, 7, 8, 0), datetime(2024, 10, 7, 9, 0), baris=12)
    rows[7] = done
    again = catat(PENGUMPULAN, rows, "TW4", "rekap", T0, T1)
    assert again.kosong and "sudah terisi" in again.pesan


def test_selesai_is_not_written_before_a_persons_later_mulai() -> None:
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    rows[7] = LogEntry("TW4", 8, mulai=datetime(2024, 10, 7, 13, 0), baris=12)
    plan = catat(PENGUMPULAN, rows, "TW4", "rekap", T0, T1)
    assert plan.kosong and "lebih akhir" in plan.catatan[0]


def test_a_step_a_tidak_decision_returns_to_gets_a_new_run() -> None:
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    rows[8] = LogEntry("TW4", 9, mulai=date(2024, 10, 7), selesai=date(2024, 10, 7), baris=13)
    assert catat(PENGUMPULAN, rows, "TW4", "laporan-draf", T0, T1).kosong  # not decided yet
    rows[9] = LogEntry("TW4", 10, mulai=date(2024, 10, 7), selesai=date(2024, 10, 7), catatan="TIDAK", baris=14)
    plan = catat(PENGUMPULAN, rows, "TW4", "laporan-draf", T0, T1)
    assert [(e.langkah, e.mulai) for e in plan.baru] == [(9, datetime(2024, 10, 7, 9, 15))]


def test_a_finished_cycle_gets_no_new_run() -> None:
    from xlwings_app.samples import example_sop

    rows = _log(example_sop.example_log())  # 7, 8 TIDAK, 7 again, 8 YA, 9, 10: the flow went on
    plan = catat(example_sop.example_sop(), rows, "TW3", "laporan", T0, T1)
    assert plan.langkah == 7 and plan.kosong and "sudah terisi" in plan.pesan


def test_runs_written_together_see_each_other() -> None:
    runs = [Jalan("formulir", datetime(2024, 10, 1, 8, 0), datetime(2024, 10, 1, 8, 5)),
            Jalan("pengumpulan", datetime(2024, 10, 1, 8, 0), None, "Kasi A Draf"), Jalan("rekap", T0, T1)]
    plan = catat_semua(PENGUMPULAN, [], "TW4", runs, last_row=4)
    assert plan.isian == () and len(plan.baru) == 12 and plan.langkah == (6, 7, 8)
    assert plan.baru[6].mulai == datetime(2024, 10, 1, 8, 0) and plan.baru[6].selesai is None
    assert plan.baru[7].selesai == datetime(2024, 10, 7, 9, 16)
    assert [e.baris for e in plan.baru] == list(range(5, 17))


def test_only_handing_out_the_forms_opens_a_period_missing_from_the_log() -> None:
    for aksi in ("rekap", "laporan-draf", "arsip"):
        plan = catat(PENGUMPULAN, [], "TW2", aksi, T0, T1)  # type: ignore[arg-type]
        assert plan.kosong and "belum memuat periode TW2" in plan.pesan, aksi
    assert len(catat(PENGUMPULAN, [], "TW2", "formulir", T0, T1).baru) == 12
