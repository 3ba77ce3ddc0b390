"""The planner's checks (domain.planning): one input built for each rule, then the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.planning import check_plan, plan_row
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import RawRow
from xlwings_app.samples import example

COLUMNS = {"kode": "A", "induk": "B", "agregasi": "G", "target_tahunan": "H", "t1": "I", "t2": "J",
           "t3": "K", "t4": "L", "batas_bawah": "M", "batas_atas": "N"}  # fmt: skip


def row(
    kode: str,
    agregasi: str,
    tahunan: object,
    tw: tuple[object, object, object, object] = (None, None, None, None),
    *,
    baris: int = 5,
    jenis: Jenis = Jenis.IKU,
    induk: str = "",
    bawah: object = None,
    atas: object = None,
) -> RawRow:
    values = {"kode": kode, "induk": induk, "agregasi": agregasi, "target_tahunan": tahunan,
              "t1": tw[0], "t2": tw[1], "t3": tw[2], "t4": tw[3], "batas_bawah": bawah, "batas_atas": atas}  # fmt: skip
    cells = {key: f"{letter}{baris}" for key, letter in COLUMNS.items()}
    return RawRow(jenis, jenis.value, baris, values, cells, {})


def check(*rows: RawRow) -> list[Problem]:
    return check_plan([plan_row(r) for r in rows])


def test_consistent_targets_have_no_problem() -> None:
    assert check(
        row("IKU-1", "Jumlah", 6, (2, 1, 1, 2)),
        row("IKU-2", "Akhir", 82, (80, 81, 81.5, 82)),
        row("IKU-3", "Rata-rata", 95, (95, 95, 95, 95)),
        row("IKU-4", "Akhir", 70, (None, None, None, 70)),
        row("IKU-5", "Akhir", None, bawah=80, atas=90),
    ) == []


def test_jumlah_triwulan_must_sum_to_the_yearly_target() -> None:
    [p] = check(row("IKU-1", "Jumlah", 6, (2, 1, 1, 1), baris=7))
    assert p.tingkat == "galat" and p.sel == "I7"
    assert "I7:L7" in p.pesan and "H7" in p.pesan and "= 5" in p.pesan and "= 6" in p.pesan
    assert "kumulatif" not in p.pesan


def test_jumlah_written_cumulatively_names_the_likely_cause() -> None:
    [p] = check(row("IKU-1", "Jumlah", 12, (3, 6, 9, 12)))
    assert p.tingkat == "galat" and "kumulatif" in p.pesan and "= 30" in p.pesan


def test_akhir_tw_iv_must_equal_the_yearly_target() -> None:
    [p] = check(row("IKU-2", "Akhir", 82, (80, 81, 81.5, 81.5), baris=9))
    assert p.tingkat == "galat" and p.sel == "L9"
    assert "L9" in p.pesan and "H9" in p.pesan and "81,5" in p.pesan and "82" in p.pesan


def test_rata_rata_mean_differs_is_a_warning() -> None:
    [p] = check(row("IKU-3", "Rata-rata", 95, (90, 92, 95, 96)))
    assert p.tingkat == "peringatan" and not p.is_error
    assert "I5:L5" in p.pesan and "H5" in p.pesan and "93,25" in p.pesan


def test_jumlah_with_a_blank_triwulan_target_is_a_warning() -> None:
    [p] = check(row("IKU-1", "Jumlah", 6, (2, None, 2, 2)))
    assert p.tingkat == "peringatan" and p.sel == "J5" and "Target TW II (J5)" in p.pesan and "H5" in p.pesan


def test_akhir_with_tw_iv_blank_is_a_warning() -> None:
    [p] = check(row("IKU-2", "Akhir", 82, (80, 81, 81.5, None)))
    assert p.tingkat == "peringatan" and p.sel == "L5" and "H5" in p.pesan


def test_no_triwulan_target_at_all_is_a_warning() -> None:
    [p] = check(row("IKU-2", "Akhir", 82))
    assert p.tingkat == "peringatan" and "I5:L5" in p.pesan and "H5" in p.pesan


def test_missing_yearly_target_gets_the_implied_value_as_hint() -> None:
    [p] = check(row("IKU-1", "Jumlah", None, (1200, 1200, 1200, 1200)))
    assert p.tingkat == "peringatan" and p.sel == "H5" and "4.800" in p.pesan and "I5:L5" in p.pesan


def test_text_numbers_are_read_as_typed() -> None:
    assert check(row("IKU-1", "Jumlah", "1.234,5", ("1.000", 234.5, 0, 0))) == []


def test_iki_whose_parent_has_no_target() -> None:
    problems = check(
        row("IKU-05", "Jumlah", None, baris=9),
        row("IKI-SEK-01", "Akhir", 100, (100, 100, 100, 100), jenis=Jenis.IKI, induk="iku-05", baris=6),
    )
    [p] = [p for p in problems if p.sheet == "IKI"]
    assert p.tingkat == "galat" and p.sel == "B6" and "IKU-05" in p.pesan and "sheet IKU, sel H9" in p.pesan


def test_iki_whose_parent_has_a_range_target_is_fine() -> None:
    assert check(
        row("IKU-08", "Akhir", None, bawah=80, atas=90),
        row("IKI-1", "Akhir", 100, (100, 100, 100, 100), jenis=Jenis.IKI, induk="IKU-08"),
    ) == []


runner = CliRunner()
SetCell = Callable[[Path, Jenis, str, str, object], str]


def test_periksa_reports_planning_problems_with_cells(example_path: Path, set_cell: SetCell) -> None:
    t4 = set_cell(example_path, Jenis.IKU, "IKU-05", "t4", 1)
    yearly = set_cell(example_path, Jenis.IKU, "IKU-06", "target_tahunan", None)
    result = runner.invoke(app, ["periksa", str(example_path), "--json"])
    assert result.exit_code == 2
    masalah = json.loads(result.stdout)["masalah"]
    sum_problem = next(m for m in masalah if "Jumlah target TW I–IV" in m["pesan"])
    assert sum_problem["sheet"] == "IKU" and "= 5" in sum_problem["pesan"] and t4[1:] in sum_problem["sel"]
    parent = next(m for m in masalah if "belum punya target" in m["pesan"])
    assert parent["sheet"] == "IKI" and yearly in parent["pesan"]
    # the IKI is not told its parent is missing: the IKU row exists, only its target is blank
    assert not any("tidak ada di sheet IKU" in m["pesan"] for m in masalah)


def test_periksa_warning_does_not_block(example_path: Path, set_cell: SetCell) -> None:
    set_cell(example_path, Jenis.IKU, "IKU-02", "t1", 90)
    result = runner.invoke(app, ["periksa", str(example_path)])
    assert result.exit_code == 0, result.output
    assert "peringatan" in result.output and "Rata-rata target" in result.output


def test_example_plan_is_consistent(tmp_path: Path) -> None:
    from xlwings_app.adapters.documents import lambang_contoh as lambang

    path = tmp_path / "kinerja.xlsx"  # the example with its officials and lambang: nothing to warn of
    profil = {**example.PROFIL, "lambang": lambang.FILE_NAME}
    build_workbook(profil, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    (tmp_path / lambang.FILE_NAME).write_bytes(lambang.placeholder_png())
    result = runner.invoke(app, ["periksa", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["masalah"] == []


def test_periksa_warns_of_what_a_final_document_would_print_incomplete(example_path: Path) -> None:
    result = runner.invoke(app, ["periksa", str(example_path), "--json"])
    masalah = json.loads(result.stdout)["masalah"]
    assert result.exit_code == 0 and {m["tingkat"] for m in masalah} == {"peringatan"}
    assert sum("tanpa lambang" in m["pesan"] for m in masalah) == 1
    assert sum("tanpa Nama dan NIP" in m["pesan"] for m in masalah) == 7  # the officials without names
