"""50 forms × 40 indicators consolidate into one master (the generator is the benchmark's too)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from bench.forms_scenario import make_forms_scenario
from xlwings_app.services.contoh import formulir_contoh as contoh
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import load


def test_50_forms_of_40_indicators(tmp_path: Path) -> None:
    scenario = make_forms_scenario(tmp_path, n_forms=50, n_indicators=40)
    assert len(list(scenario.forms.glob("Formulir*.xlsx"))) == 50
    started = time.perf_counter()
    result = rekap(scenario.master, [scenario.forms], scenario.periode)
    elapsed = time.perf_counter() - started
    print(f"rekap 50 formulir × 40 indikator: {elapsed:.1f} s")
    assert result.valid, [str(p) for p in result.problems[:5]]
    assert result.konsolidasi.jumlah_formulir == 50 and len(result.perubahan) == 2 * 50 * 40
    typed = {k: v["r2"] for k, v in scenario.filled.items()}
    assert {i.kode: i.realisasi_tw[1] for i in load(scenario.master).indicators} == typed
    assert all(isinstance(v, Decimal) for v in typed.values())
    riwayat = load_workbook(scenario.master, read_only=True)["Riwayat"]
    assert sum(1 for r in riwayat.iter_rows(min_row=5, values_only=True) if r[0]) == 4000


def test_the_demo_step_distributes_and_collects_the_example_forms(master: Path, tmp_path: Path) -> None:
    steps = contoh(master, tmp_path / "formulir")
    first = next(steps)  # the forms are made: the master now keeps their key (forms.kunci)
    before = master.read_bytes()
    lines = [first, *steps]
    assert lines[0].startswith("Formulir TW4: 8 file")
    assert lines[1].startswith("Tanda terima formulir") and lines[1].endswith("Tanda Terima Formulir TW4.xlsx")
    assert "0 formulir masuk, 8 belum kembali (masih kosong), 0 perubahan" in lines[2]
    assert master.read_bytes() == before
