"""services.hitung on an in-memory master: what ``hitung`` and ``periksa`` stage and commit.

No file is the point here: the master is ``tests.fakes.FakeMaster`` holding the example unit's
read model; the file path of the same action is tested in tests/services/test_master.py and
tests/cli/test_hitung.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.domain.builders import indicator
from tests.fakes import FakeMaster
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.samples import contoh
from xlwings_app.services.hitung import hitung, periksa
from xlwings_app.sheets.changes import PutResults


def example(*problems: Problem) -> WorkbookData:
    return WorkbookData(Path("kinerja.xlsx"), contoh.PROFIL, {}, Settings(), list(contoh.INDICATORS), list(problems))


def test_hitung_reads_once_and_commits_hasil_and_rekap_once() -> None:
    master = FakeMaster(example())
    result = hitung(master, Periode.TW2)
    [[change]] = master.committed
    assert isinstance(change, PutResults) and master.reads == 1 and result.ditulis
    assert len(list(change.semua_periode)) == 5 * len(contoh.INDICATORS)  # every indicator, every period
    assert [h.periode for h in result.hasil] == [Periode.TW2] * len(contoh.INDICATORS)


def test_an_input_error_stops_before_anything_is_staged() -> None:
    master = FakeMaster(example(Problem("Target tahunan bukan angka.", "IKU", 5, "Target Tahunan", "H5", "x")))
    result = hitung(master)
    assert (master.staged, master.committed, result.ditulis, result.valid) == ([], [], False, False)


def test_hitung_without_writing_and_periksa_commit_nothing() -> None:
    master = FakeMaster(example())
    assert hitung(master, tulis=False).hasil and master.committed == []
    checked = periksa(master)
    assert master.committed == [] and master.staged == []
    assert not checked.errors and checked.indicators == list(contoh.INDICATORS)


def test_periksa_warns_of_an_unmet_indicator_without_its_analysis() -> None:
    unmet = replace(indicator(kode="IKU-99", target_tahunan=100, target_tw=(100, 100, 100, 100),
                              realisasi_tw=(50, 50, 50, 50)), sheet="IKU", baris=7)  # fmt: skip
    data = replace(example(), indicators=[*contoh.INDICATORS, unmet])
    found = [p for p in periksa(FakeMaster(data)).problems if "IKU-99" in p.pesan]
    assert [(p.kolom, p.tingkat) for p in found] == [  # the own analysis of the Periode aktif (Settings(): TW I)
        ("Permasalahan TW I", "catatan"), ("Rencana Aksi TW I", "catatan")]
