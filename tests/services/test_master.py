"""The unit of work: one action opens and guards the master once, reads it once, commits once.

The guard (``adapters.xlsx.guard.check_xlsx``) is wrapped wherever a module imported it, and the
readings are counted: inputs (``read_inputs``), SOP sheets (``read_sop_sheets``) and calamine opens
of the master file. Forms are other files and are not counted.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import FakeMaster
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx import guard
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example
from xlwings_app.services import arsip, hitung, laporan, rekap
from xlwings_app.services.contoh import formulir_contoh, sop_contoh
from xlwings_app.sheets.changes import AppendSeal, PutResults

pytestmark = pytest.mark.libreoffice


@pytest.fixture()
def master(tmp_path: Path) -> Path:
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS).save(path)
    list(sop_contoh(path))
    return path


@pytest.fixture()
def counts(monkeypatch: pytest.MonkeyPatch, master: Path) -> Iterator[Counter[str]]:
    """Counts of guard calls, readings and calamine opens of ``master`` during the test."""
    seen: Counter[str] = Counter()
    target = master.resolve()

    def counting(name: str, func: Callable[..., Any], arg: int = 0) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if Path(args[arg]).resolve() == target:
                seen[name] += 1
            return func(*args, **kwargs)

        return wrapper

    real_guard = guard.check_xlsx
    for module in [m for n, m in sys.modules.items() if n.startswith("xlwings_app")]:
        if getattr(module, "check_xlsx", None) is real_guard:
            monkeypatch.setattr(module, "check_xlsx", counting("guard", real_guard))
    from xlwings_app.adapters.xlsx import calamine
    from xlwings_app.adapters.xlsx import master as file_master
    from xlwings_app.sheets import inputs, sop_workbook

    monkeypatch.setattr(file_master, "GUARD", counting("guard", real_guard))
    monkeypatch.setattr(file_master, "read_inputs", counting("inputs", inputs.read_inputs, 1))
    monkeypatch.setattr(file_master, "read_sop_sheets", counting("sop", sop_workbook.read_sop_sheets, 1))
    original = calamine.CalamineSource.__init__

    def opened(self: Any, path: Path) -> None:
        if Path(path).resolve() == target:
            seen["calamine"] += 1
        original(self, path)

    monkeypatch.setattr(calamine.CalamineSource, "__init__", opened)
    yield seen


def test_hitung_guards_and_reads_the_master_once(master: Path, counts: Counter[str]) -> None:
    assert hitung.hitung(master).ditulis
    assert counts == {"guard": 1, "inputs": 1, "calamine": 1}


def test_rekap_guards_and_reads_the_master_once(master: Path, tmp_path: Path, counts: Counter[str]) -> None:
    list(formulir_contoh(master, tmp_path / "formulir"))  # distribute (one action) and collect (another)
    counts.clear()
    result = rekap.rekap(master, [tmp_path / "formulir"], Periode.TW4)
    assert result.valid
    # the SOP sheets too (the rekap stamps its step in Log Langkah), from the same opening
    assert counts == {"guard": 1, "inputs": 1, "sop": 1, "calamine": 1}


def test_laporan_guards_and_reads_the_master_once(master: Path, tmp_path: Path, counts: Counter[str]) -> None:
    laporan.laporan(master, tmp_path / "dokumen", Periode.TW3)
    assert counts == {"guard": 1, "inputs": 1, "sop": 1, "calamine": 1}


def test_arsip_guards_and_reads_the_master_once(master: Path, tmp_path: Path, counts: Counter[str]) -> None:
    laporan.laporan(master, None, Periode.TW3, log=False)  # the final document, as signed
    counts.clear()
    result = arsip.arsip(master, Periode.TW3, tmp_path / "arsip")
    assert counts == {"guard": 1, "inputs": 1, "sop": 1, "calamine": 1}
    assert [s.periode for s in read_workbook(master).segel] == [result.record.periode]


def test_a_service_runs_on_an_in_memory_master(master: Path) -> None:
    fake = FakeMaster(workbook=read_workbook(master))
    result = hitung.hitung(fake)
    assert result.ditulis and fake.reads == 1
    [[change]] = fake.committed
    assert isinstance(change, PutResults) and len(change.semua_periode) == 5 * len(example.INDICATORS)


def test_arsip_records_the_seal_in_the_master_it_is_given(master: Path, tmp_path: Path) -> None:
    laporan.laporan(master, None, Periode.TW3, log=False)  # the final document, as signed
    before = master.read_bytes()
    segel = FakeMaster(read_workbook(master))  # the workbook open in Excel: the same data
    result = arsip.arsip(master, Periode.TW3, tmp_path, segel=segel)
    assert segel.committed == [[AppendSeal(result.record)]] and master.read_bytes() == before


def test_a_master_changed_on_disk_before_commit_is_refused(master: Path) -> None:
    from xlwings_app.adapters.xlsx.guard import WorkbookError
    from xlwings_app.services.master import open_file

    with open_file(master) as m:  # type: ignore[attr-defined]
        data = m.data()
        m.stage(hitung.results_change(hitung.hitung_data(data)))
        changed = master.read_bytes() + b""
        master.write_bytes(changed)
        import os

        os.utime(master, ns=(1, 1))
        with pytest.raises(WorkbookError, match="berubah"):
            m.commit()
    assert master.read_bytes() == changed
