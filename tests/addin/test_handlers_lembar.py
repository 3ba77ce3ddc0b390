"""Buat Lembar Isian through xlwings' remote engine, against what ``kinerja lembar`` writes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.addin.test_handlers_hitung import click, values
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis
from xlwings_app.forms.spec import spec
from xlwings_app.services.rekap import rekap

SetCell = Callable[[Path, Jenis, str, str, object], str]


def test_buat_lembar_isian_writes_what_kinerja_lembar_writes(example_path: Path, tmp_path: Path) -> None:
    cli = tmp_path / "cli" / example_path.name
    cli.parent.mkdir()
    shutil.copy(example_path, cli)
    run = CliRunner().invoke(app, ["lembar", str(cli)])
    assert run.exit_code == 0, run.output
    expected = load_workbook(cli)
    wb, [alert] = click("buat_lembar_isian", example_path)
    assert wb.sheetnames == expected.sheetnames
    lembar = [name for name in expected.sheetnames if name.startswith("Isian ")]
    assert len(lembar) == 8
    for name in lembar:
        assert values(wb, name) == values(expected, name), name  # values and formulas
        fills = lambda ws: [[c.fill.fgColor.rgb for c in row] for row in ws.iter_rows()]  # noqa: E731
        assert fills(wb[name]) == fills(expected[name]), name
        assert any(str(v).startswith("=") for row in values(wb, name) for v in row)
    meta = spec().meta_sheet
    assert wb[meta].sheet_state == "hidden"
    assert [row[1:3] for row in values(wb, meta)] == [row[1:3] for row in values(expected, meta)]
    assert all(wb[meta].cell(r, 4).data_type == "s" for r in range(2, wb[meta].max_row + 1))
    assert alert.startswith(f"{len(lembar)} lembar isian TW3 dibuat:") and "tidak diproteksi" in alert
    # the sheets work: kinerja rekap --lembar reads them back and checks their sealed metadata
    result = rekap(example_path.with_name("after-click.xlsx"), lembar=True, tulis=False)
    assert result.valid, [str(p) for p in result.problems]
    assert result.konsolidasi.jumlah_formulir == 0 and len(result.konsolidasi.belum_kembali) == len(lembar)  # none filled


def test_buat_lembar_isian_twice_refuses(example_path: Path) -> None:
    once, _ = click("buat_lembar_isian", example_path)
    once.save(example_path)
    twice, [alert] = click("buat_lembar_isian", example_path)
    assert twice.sheetnames == once.sheetnames
    assert alert.startswith("Lembar isian sudah ada")


def test_buat_lembar_isian_on_bad_input_writes_nothing(example_path: Path, set_cell: SetCell) -> None:
    bad = set_cell(example_path, Jenis.IKU, "IKU-02", "polaritas", "ke atas")
    before = load_workbook(example_path)
    wb, [alert] = click("buat_lembar_isian", example_path)
    assert wb.sheetnames == before.sheetnames
    assert f"IKU!{bad}" in alert and "Lembar isian tidak dibuat" in alert
    assert "Traceback" not in alert
