"""``kinerja pohon impor``: an export-shaped sheet of 300 sub kegiatan is read row by row into sheet Pohon
Kinerja; one broken row refuses the whole import and leaves the workbook as it was."""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.sheets.test_pohon import tree_workbook
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.services.master import using
from xlwings_app.services.pohon_impor import ImporDitolak, impor

HEADER = ["kode_urusan", "kode_bidang_urusan", "kode_program", "nama_program", "kode_giat", "nama_giat",
          "kode_sub_giat", "nama_sub_giat", "pagu"]  # fmt: skip


def export_rows(n_programs: int = 6, n_kegiatan: int = 10, n_sub: int = 5) -> list[list[object]]:
    """SIPD's sub kegiatan export: a title block, then one row per sub kegiatan (6 × 10 × 5 = 300)."""
    rows: list[list[object]] = [["DOKUMEN PELAKSANAAN ANGGARAN"], ["Kecamatan Lumajang 2025"], []]
    rows.append(list(HEADER))
    for p in range(1, n_programs + 1):
        program = f"7.01.{p:02d}"
        for k in range(1, n_kegiatan + 1):
            kegiatan = f"{program}.2.{k:02d}"
            for s in range(1, n_sub + 1):
                rows.append(["7", "7.01", program, f"PROGRAM {p}", kegiatan, f"Kegiatan {p}.{k}",
                             f"{kegiatan}.{s:04d}", f"Sub kegiatan {p}.{k}.{s}", 1_000_000 * (p + k + s)])  # fmt: skip
    return rows


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ekspor SIPD"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return tree_workbook(tmp_path / "kinerja.xlsx")


def test_every_row_of_a_300_sub_kegiatan_export_is_imported(master: Path, tmp_path: Path) -> None:
    source = xlsx(tmp_path / "ekspor.xlsx", export_rows())
    hasil = impor(master, source)
    assert [hasil.jumlah(j) for j in (Jenjang.PROGRAM, Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN)] == [6, 60, 300]
    with using(master) as m:
        data = m.data()
    assert data.pohon is not None
    subs = [n for n in data.pohon.nodes if n.jenjang is Jenjang.SUB_KEGIATAN]
    assert len(subs) == 300 and subs[-1].kode == "7.01.06.2.10.0005" and subs[-1].pagu == Decimal(21_000_000)
    kept = next(n for n in data.pohon.nodes if n.kode == "7.01.02")
    assert kept.induk == "S1"  # the program already in the tree keeps its sasaran
    assert any(n.kode == "S4" for n in data.pohon.nodes)  # tujuan and sasaran stay
    assert {"7.01.01.2.06.0009", "7.01.05.2.01.0008"} <= set(hasil.dihapus)  # not in the export: listed, removed
    assert "7.01.02.2.04.0002" not in hasil.dihapus


def test_one_broken_row_refuses_the_whole_import_and_writes_nothing(master: Path, tmp_path: Path) -> None:
    rows = export_rows()
    rows[150][8] = "seratus ribu"  # a pagu that is no number
    rows[200][6] = "7.01.04.2.0.0001"  # a code of no national shape
    source = xlsx(tmp_path / "ekspor.xlsx", rows)
    before = master.read_bytes()
    with pytest.raises(ImporDitolak) as refused:
        impor(master, source)
    located = {(p.baris, p.sel) for p in refused.value.problems if not isinstance(p, str)}
    assert (151, "I151") in located and (201, "G201") in located
    assert master.read_bytes() == before


def test_a_csv_export_with_semicolons_is_read_too(master: Path, tmp_path: Path) -> None:
    source = tmp_path / "ekspor.csv"
    with source.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(export_rows(2, 2, 3))
    hasil = impor(master, source)
    assert hasil.jumlah(Jenjang.SUB_KEGIATAN) == 12


def test_the_cli_refuses_a_broken_export_with_exit_code_2(master: Path, tmp_path: Path) -> None:
    rows = export_rows(1, 1, 2)
    rows[4][8] = "#REF!"
    source = xlsx(tmp_path / "ekspor.xlsx", rows)
    code = "import sys; from xlwings_app.cli import main; sys.argv[0] = 'kinerja'; main()"
    run = subprocess.run([sys.executable, "-c", code, "pohon", "impor", str(master), str(source)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "Impor dibatalkan" in run.stdout + run.stderr and "I5" in run.stdout + run.stderr


def test_a_two_level_workbook_gets_its_tree_sheets_started_from_its_data(example_path: Path) -> None:
    from xlwings_app.services.pohon_impor import mulai

    hasil = mulai(example_path)
    assert [(n.jenjang, n.kode) for n in hasil.nodes] == [
        (Jenjang.SASARAN, "S1"), (Jenjang.SASARAN, "S2"), (Jenjang.SASARAN, "S3"), (Jenjang.SASARAN, "S4"),
        (Jenjang.PROGRAM, "7.01.01"),
    ]  # fmt: skip
    with using(example_path) as m:
        data = m.data()
    assert not data.errors and data.pohon is not None and len(data.pohon.manuals) == 16
    assert data.pohon.simpul["iki-keu-01"][0] == "7.01.01"  # its Program/Kegiatan names the support program
    with pytest.raises(ImporDitolak, match="sudah punya sheet Pohon Kinerja"):
        mulai(example_path)
