"""Which SOP step each Kinerja action stamps, and the stamping rules (never over a person's entry)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.services.sop.helpers import example_profil
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
    step6 = plan.baru[5]  # Kinerja's clock marks when the step was done: the moment the forms went out
    assert (step6.mulai, step6.selesai) == (datetime(2024, 10, 7, 9, 16), datetime(2024, 10, 7, 9, 16))
    assert step6.catatan == "Dicatat otomatis (kinerja formulir) pada Mulai dan Selesai: 3 formulir"
    assert all(e.mulai is None for e in plan.baru if e.langkah != 6)


def _log(rows: list[LogEntry]) -> list[LogEntry]:
    return [LogEntry(**{**e.__dict__, "baris": 5 + i}) for i, e in enumerate(rows)]


def test_only_empty_cells_are_filled_and_a_persons_complete_row_is_left() -> None:
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    typed = LogEntry("TW4", 6, "NURUL", datetime(2024, 10, 7, 8, 0), None, "dibagikan di rapat", baris=10)
    rows[5] = typed
    plan = catat(PENGUMPULAN, rows, "TW4", "formulir", T0, T1)
    assert [(c.baris, c.kolom) for c in plan.isian] == [(10, "selesai"), (10, "catatan")]  # Mulai is the person's
    assert plan.isian[1].nilai == "dibagikan di rapat; Dicatat otomatis (kinerja formulir) pada Selesai"
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
    assert [(e.langkah, e.mulai) for e in plan.baru] == [(9, datetime(2024, 10, 7, 9, 16))]


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


def test_the_mark_names_the_cells_each_command_wrote() -> None:
    from xlwings_app.domain.sop.otomatis import kolom_aksi, waktu_kinerja, with_mark

    note = with_mark("", "formulir", frozenset({"mulai"}), "8 formulir")
    note = with_mark(note, "rekap", frozenset({"selesai"}), "8 formulir, 2 perubahan")
    assert note == ("Dicatat otomatis (kinerja formulir) pada Mulai: 8 formulir; "
                    "Dicatat otomatis (kinerja rekap) pada Selesai: 8 formulir, 2 perubahan")
    assert kolom_aksi(note, "rekap") == {"selesai"} and waktu_kinerja(note) == {"mulai", "selesai"}
    again = with_mark(note, "formulir", frozenset({"mulai"}), "9 formulir")  # its own mark replaced
    assert again.count("kinerja formulir") == 1 and "9 formulir" in again and again.endswith("2 perubahan")
    people = "Dicatat otomatis (kinerja rekap, formulir masuk) pada Mulai dan Selesai: A Final"
    assert waktu_kinerja(people) == {"mulai"}  # Selesai is when the last form was saved Final
    assert waktu_kinerja("Rapat molor karena tamu dinas") == frozenset()


def test_pelaksana_is_the_official_holding_the_steps_role() -> None:
    from xlwings_app.domain.sop.pelaksana import pejabat_langkah
    profil = example_profil()
    names = {no: pejabat_langkah(PENGUMPULAN.step(no), profil) for no in (1, 2, 6, 7, 10, 12)}
    assert names == {1: "Drs. DEDWI SUPRAPTO, M.Si.", 2: "AGUS WIDODO, S.Sos., M.M.", 6: "NURUL HIDAYATI, S.E.",
                     7: "AGUS WIDODO, S.Sos., M.M.", 10: "AGUS WIDODO, S.Sos., M.M.", 12: ""}  # Staf: nobody
    lumajang = preset("pengukuran-lumajang")  # roles spelled "Kasubbag Keuangan"
    assert pejabat_langkah(lumajang.step(5), profil) == "NURUL HIDAYATI, S.E."
    plan = catat(PENGUMPULAN, [], "TW4", "formulir", T0, T1, profil=profil)
    assert plan.baru[5].pelaksana == "NURUL HIDAYATI, S.E." and plan.baru[0].pelaksana == ""


def test_an_open_row_gets_its_pelaksana_only_when_empty() -> None:
    profil = example_profil()
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    plan = catat(PENGUMPULAN, rows, "TW4", "rekap", T0, T1, profil=profil)
    assert ("pelaksana", "NURUL HIDAYATI, S.E.") in [(c.kolom, c.nilai) for c in plan.isian]
    rows[7] = LogEntry("TW4", 8, "RINA", baris=12)
    plan = catat(PENGUMPULAN, rows, "TW4", "rekap", T0, T1, profil=profil)
    assert "pelaksana" not in [c.kolom for c in plan.isian]


def test_running_again_restamps_only_the_cells_the_command_wrote() -> None:
    rows = _log(new_period_entries(PENGUMPULAN, "TW4"))
    rows[7] = LogEntry("TW4", 8, "NURUL", datetime(2024, 10, 7, 8, 0), datetime(2024, 10, 7, 9, 16),
                       "Dicatat otomatis (kinerja rekap) pada Selesai: 8 formulir", baris=12)  # fmt: skip
    later = datetime(2024, 10, 8, 10, 30)
    plan = catat(PENGUMPULAN, rows, "TW4", "rekap", later, later, "8 formulir, 3 perubahan")
    assert [(c.kolom, c.nilai) for c in plan.isian] == [
        ("selesai", later), ("catatan", "Dicatat otomatis (kinerja rekap) pada Selesai: 8 formulir, 3 perubahan")]
    # the person's Mulai (08.00) stays theirs


def test_the_yearly_perencanaan_sop_is_never_stamped_by_the_quarterly_actions() -> None:
    plan_sop = preset("perencanaan-lumajang")  # its step 4 says "berdasarkan form ... kasubbag dan seksi"
    for aksi in ("formulir", "rekap", "laporan", "arsip", "pengumpulan", "laporan-draf", "laporan-final"):
        assert langkah_aksi(plan_sop, aksi) is None, aksi  # type: ignore[arg-type]
