"""Periksa Data and Hitung Capaian through xlwings' remote engine, against what the CLI writes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from tests.addin import remote_book
from xlwings_app.adapters.xlwings.marks import NOTE_PREFIX
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis
from xlwings_app.ribbon import entry
from xlwings_app.services.hitung import periksa
from xlwings_app.services.workbook import load

SetCell = Callable[[Path, Jenis, str, str, object], str]
ORANGE, YELLOW = "00F8CBAD", "00FFF2CC"


def click(button: str, path: Path, **kwargs: str) -> tuple[Workbook, list[str]]:
    """Open ``path`` as Excel would, click ``button``; the workbook as saved after, and the alerts."""
    wb = load_workbook(path)
    book = xw.Book(json=remote_book.payload(wb, name=str(path), **kwargs))
    entry.dispatch(button, book)
    alerts = remote_book.apply(book.json()["actions"], wb)
    after = path.with_name("after-click.xlsx")
    wb.save(after)  # numbers as a saved file holds them, like the CLI's file
    return load_workbook(after), alerts


def values(wb: Workbook, sheet: str) -> list[tuple[object, ...]]:
    rows = [tuple(row) for row in wb[sheet].iter_rows(values_only=True)]
    while rows and not any(v is not None for v in rows[-1]):
        rows.pop()
    return rows


def cli_result(path: Path, tmp_path: Path) -> Workbook:
    copy = tmp_path / "cli" / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)
    result = CliRunner().invoke(app, ["hitung", str(copy)])
    assert result.exit_code == 0, result.output
    return load_workbook(copy)


def test_hitung_capaian_writes_what_kinerja_hitung_writes(example_path: Path, tmp_path: Path) -> None:
    expected = cli_result(example_path, tmp_path)
    wb, alerts = click("hitung_capaian", example_path)
    for sheet in ("Hasil", "Rekap"):
        assert values(wb, sheet) == values(expected, sheet), sheet
    assert wb.sheetnames == expected.sheetnames
    status = [c.fill.fgColor.rgb for c in wb["Hasil"]["J"][4:]]
    assert status == [c.fill.fgColor.rgb for c in expected["Hasil"]["J"][4:]]
    assert list(wb["Hasil"].tables) == list(expected["Hasil"].tables) == ["TabelHasil"]
    assert wb["Hasil"].tables["TabelHasil"].ref == expected["Hasil"].tables["TabelHasil"].ref
    [alert] = alerts
    assert "Hasil dan Rekap ditulis" in alert
    assert "IKU: 8 indikator, rata-rata capaian 83,73%" in alert
    for sheet in ("Profil", "IKU", "IKI", "Pengaturan"):
        assert values(wb, sheet) == values(load_workbook(example_path), sheet)


def test_hitung_capaian_twice_replaces_the_sheets(example_path: Path, tmp_path: Path) -> None:
    expected = cli_result(example_path, tmp_path)
    once, _ = click("hitung_capaian", example_path)
    once.save(example_path)
    twice, _ = click("hitung_capaian", example_path)
    assert values(twice, "Hasil") == values(expected, "Hasil")
    assert twice.sheetnames == expected.sheetnames


def test_periksa_data_on_valid_input_says_so_and_writes_no_result(example_path: Path) -> None:
    before = load_workbook(example_path)
    wb, alerts = click("periksa_data", example_path)
    assert alerts == ["Isian lengkap dan sah: 16 indikator. Siap dihitung."]
    for sheet in before.sheetnames:
        assert values(wb, sheet) == values(before, sheet), sheet
    assert not any(c.comment for row in wb["IKU"].iter_rows() for c in row)


@pytest.mark.parametrize("button", ["periksa_data", "hitung_capaian"])
def test_bad_input_colours_and_notes_problem_cells_and_writes_no_hasil(
    button: str, example_path: Path, set_cell: SetCell
) -> None:
    bad = set_cell(example_path, Jenis.IKU, "IKU-02", "polaritas", "ke atas")
    text = set_cell(example_path, Jenis.IKI, "IKI-PEL-02", "r1", "banyak")
    before = load_workbook(example_path)
    wb, alerts = click(button, example_path)
    for sheet, address in (("IKU", bad), ("IKI", text)):
        cell = wb[sheet][address]
        assert cell.fill.fgColor.rgb == ORANGE, (sheet, address)
        assert cell.comment is not None and cell.comment.text.startswith(NOTE_PREFIX)
    assert "ke atas" in wb["IKU"][bad].comment.text or "Polaritas" in wb["IKU"][bad].comment.text
    expected = periksa(example_path).problems  # what `kinerja periksa` reports
    cells = {(p.sheet, p.sel) for p in expected if p.sel}
    assert all(wb[sheet][sel].fill.fgColor.rgb == ORANGE for sheet, sel in cells)
    [alert] = alerts
    assert alert.startswith(f"Ditemukan {len(expected)} masalah ({len(expected)} galat)")
    assert f"{len(cells)} sel diwarnai oranye dan diberi catatan" in alert
    assert f"IKU!{bad}" in alert and f"IKI!{text}" in alert
    assert "Traceback" not in alert
    assert values(wb, "Hasil") == values(before, "Hasil")
    assert values(wb, "Rekap") == values(before, "Rekap")


def test_a_cell_fixed_since_the_last_check_gets_its_input_colour_back(
    example_path: Path, set_cell: SetCell
) -> None:
    address = set_cell(example_path, Jenis.IKU, "IKU-03", "target_tahunan", "x")
    marked, _ = click("periksa_data", example_path)
    assert marked["IKU"][address].fill.fgColor.rgb == ORANGE
    marked["IKU"][address].value = 3  # the yearly target the triwulan targets (3, 3, 3, 3) agree with
    marked.save(example_path)
    wb, alerts = click("periksa_data", example_path)
    assert wb["IKU"][address].fill.fgColor.rgb == YELLOW
    assert alerts == ["Isian lengkap dan sah: 16 indikator. Siap dihitung."]


def test_many_problems_are_listed_up_to_a_limit_with_the_total(
    example_path: Path, set_cell: SetCell
) -> None:
    for kode in ("IKU-01", "IKU-02", "IKU-03", "IKU-04", "IKU-05", "IKU-06", "IKU-07", "IKU-08"):
        set_cell(example_path, Jenis.IKU, kode, "r1", "?")
        set_cell(example_path, Jenis.IKU, kode, "t1", "?")
    total = len(load(example_path).problems)  # the input problems; hitung does not add the planner's checks
    assert total == 16  # two per row; the IKIs under these IKUs keep their parent (no false "tidak ada")
    _, [alert] = click("hitung_capaian", example_path)
    assert f"Ditemukan {total} masalah ({total} galat)" in alert
    assert alert.count("\n- ") == 8 and f"dan {total - 8} masalah lainnya" in alert
    assert len(alert) < 1500


def test_the_click_summary_writes_counts_as_indonesians_do(example_path: Path) -> None:
    """A big unit's counts carry the thousands dot ("1.500 indikator"), as the terminal's do."""
    from decimal import Decimal

    from xlwings_app.domain.summary import Ringkasan
    from xlwings_app.ribbon.handlers_hitung import hitung_summary
    from xlwings_app.services.hitung import Perhitungan

    result = Perhitungan(data=load(example_path), periode=load(example_path).settings.periode_aktif)
    result.per_jenis = {Jenis.IKI: Ringkasan("IKI", 1_500, {"Sangat Tinggi": 1_200, "Rendah": 300},
                                             Decimal("101.5"), 1_200, 300, 0, 0)}  # fmt: skip
    summary = hitung_summary(result)
    assert "IKI: 1.500 indikator, rata-rata capaian 101,50%; Sangat Tinggi 1.200, Rendah 300." in summary
