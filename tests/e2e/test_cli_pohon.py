"""``kinerja hitung`` and ``kinerja pohon`` on a workbook with a performance tree, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.sheets.test_pohon import node_row, put, tree_workbook
from xlwings_app.cli import app

runner = CliRunner()


def test_hitung_prints_each_level_and_its_json_holds_every_node(tmp_path: Path) -> None:
    path = tree_workbook(tmp_path / "kinerja.xlsx")
    result = runner.invoke(app, ["hitung", str(path)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Tujuan: 2 simpul, 2 terukur, rata-rata capaian 82,69%." in out
    assert "Sub Kegiatan: 20 simpul, 4 terukur, rata-rata capaian 97,57%, serapan 71,80%." in out
    payload = json.loads(runner.invoke(app, ["hitung", str(path), "--json"]).output)
    nodes = {n["kode"]: n for n in payload["pohon"]}
    assert len(nodes) == 41 and nodes["T1"]["capaian"] == 88.43 and nodes["7.01.02"]["efisiensi"] == 31.31


def test_a_tree_rule_broken_stops_hitung_with_exit_2_naming_the_cell(tmp_path: Path) -> None:
    path = tree_workbook(tmp_path / "kinerja.xlsx")
    row = node_row("7.01.02.2.04")
    put(path, "Pohon Kinerja", f"C{row}", "S1")
    result = runner.invoke(app, ["hitung", str(path)])
    assert result.exit_code == 2
    assert f"C{row}" in result.output and "Tingkat terlewat" in " ".join(result.output.split())


def test_pohon_kertas_kerja_draft_through_the_cli(tmp_path: Path) -> None:
    path = tree_workbook(tmp_path / "kinerja.xlsx")
    result = runner.invoke(app, ["pohon", "kertas-kerja", str(path), "--draf", "--periode", "TW2"])
    assert result.exit_code == 0, result.output
    assert "Kertas Kerja DRAF (s.d. Triwulan II)" in result.output
    assert (tmp_path / "Kertas_Kerja_Pengukuran_Kinerja_2024_TW2_DRAF.docx").exists()
