"""The planning round: Formulir Rencana Kinerja out, back, and into the master all or nothing.

The same house rules as the realisasi rekap (tests/forms): every problem of every form at once,
each naming its file and cell, exit code 2, and the master byte-identical when anything is wrong.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from xlwings_app.adapters.openpyxl.rencana_fill import fill_planning_form
from xlwings_app.adapters.xlsx.reader import read_riwayat
from xlwings_app.cli import app
from xlwings_app.services.formulir_rencana import formulir_rencana, rekap_rencana
from xlwings_app.services.workbook import load
from xlwings_app.sheets import formulir_rencana as F

runner = CliRunner()
PMD = "Formulir Rencana 2024 - Kasi Pemberdayaan Masyarakat.xlsx"
PEM = "Formulir Rencana 2024 - Kasi Pemerintahan.xlsx"


_fill = fill_planning_form


@pytest.fixture
def returned(example_workbook: Path) -> tuple[Path, Path]:
    folder = example_workbook.parent / "Formulir Rencana"
    made = formulir_rencana(example_workbook, folder)
    assert len(made) == 8 and (folder / PEM).is_file()
    # IKU-08 has no yearly target yet: its Kasi proposes one, so the IKI under it has a parent target
    _fill(folder / PMD, {"IKU-08": {"target_tahunan": 3.5, "t1": 3.2, "t2": 3.3, "t3": 3.4, "t4": 3.5}})
    return example_workbook, folder


def test_the_form_holds_the_officials_indicators_prefilled_and_blank_rows(returned) -> None:
    _, folder = returned
    wb = load_workbook(folder / PEM)
    ws = wb[F.SHEET]
    assert ws["B3"].value == "Kecamatan Lumajang" and ws["B4"].value == 2024 and ws["B5"].value == "Kasi Pemerintahan"
    rows = [r for r in ws.iter_rows(min_row=F.HEADER_ROW + 1, values_only=True) if r[0]]
    assert [r[0] for r in rows] == ["Indikator", "Baru", "Baru", "Baru"]
    assert rows[0][1] == "IKI-PEM-01" and rows[0][12] == 12 and rows[0][13:17] == (3, 3, 3, 3)


def test_returned_forms_change_targets_add_an_indicator_and_write_riwayat(returned) -> None:
    master, folder = returned
    _fill(folder / PEM, {"IKI-PEM-01": {"target_tahunan": 16, "t1": 4, "t2": 4, "t3": 4, "t4": 4,
                                        "rencana_aksi": "Rapat koordinasi tiap bulan"}},
          [{"kode": "IKI-PEM-02", "jenis": "IKI", "induk": "IKU-06", "sasaran": "Meningkatnya ketenteraman dan "
            "ketertiban umum", "nama": "Jumlah patroli gabungan", "satuan": "kegiatan", "polaritas": "Positif",
            "agregasi": "Jumlah", "target_tahunan": 8, "t1": 2, "t2": 2, "t3": 2, "t4": 2}])  # fmt: skip
    result = rekap_rencana(master, [folder])
    assert result.valid and result.ditulis, [str(p) for p in result.problems]
    assert result.gabung is not None and result.gabung.baru == ("IKI-PEM-02",)
    assert result.gabung.rencana_aksi["IKI-PEM-01"] == "Rapat koordinasi tiap bulan"
    data = load(master)
    by = {i.kode: i for i in data.indicators}
    assert by["IKI-PEM-01"].target_tahunan == 16 and by["IKI-PEM-01"].target_tw == (4, 4, 4, 4)
    assert by["IKU-08"].target_tahunan == Decimal("3.5")
    new = by["IKI-PEM-02"]
    assert (new.induk, new.penanggung_jawab, new.target_tahunan, new.satuan) == ("IKU-06", "Kasi Pemerintahan", 8,
                                                                                  "kegiatan")  # fmt: skip
    riwayat, _ = read_riwayat(master)
    sources = {e.sumber for e in riwayat}
    assert {PEM, PMD} <= sources
    assert any(e.kode == "IKI-PEM-01" and e.kolom == "Target Tahunan" and e.lama == 12 and e.baru == 16 for e in riwayat)


def test_one_bad_form_refuses_all_and_the_master_stays_byte_identical(returned) -> None:
    master, folder = returned
    _fill(folder / PEM, {"IKI-PEM-01": {"target_tahunan": -4, "t1": 1, "t2": 1, "t3": 1, "t4": 1}},
          [{"kode": "IKU-01", "nama": "Kode yang sudah dipakai", "satuan": "kali", "polaritas": "Positif",
            "agregasi": "Jumlah", "sasaran": "x", "induk": "IKU-06", "target_tahunan": 1}])  # fmt: skip
    before = master.read_bytes()
    result = rekap_rencana(master, [folder])
    assert not result.valid and not result.ditulis
    text = " ".join(str(p) for p in result.problems)
    assert PEM in text and "M8" in text  # the negative Target Tahunan, at its cell
    assert "IKU-01" in text  # a Kode already used by the master
    assert master.read_bytes() == before
    cli = runner.invoke(app, ["rekap", str(master), str(folder), "--rencana"])
    assert cli.exit_code == 2
    assert "Tidak ada yang ditulis ke workbook induk" in cli.output
    assert master.read_bytes() == before


def test_a_file_that_is_no_planning_form_is_named_and_nothing_is_written(returned) -> None:
    master, folder = returned
    (folder / "catatan.xlsx").write_bytes(b"bukan excel")
    before = master.read_bytes()
    result = rekap_rencana(master, [folder])
    assert not result.valid
    assert any(p.file == "catatan.xlsx" for p in result.problems)
    assert master.read_bytes() == before


def test_the_cli_hands_out_the_planning_forms(example_workbook: Path) -> None:
    out = example_workbook.parent / "fr"
    result = runner.invoke(app, ["formulir", str(example_workbook), "--rencana", "--keluar", str(out)])
    assert result.exit_code == 0, result.output
    assert "Formulir Rencana Kinerja: 8 file" in result.output
    assert len(list(out.glob("Formulir Rencana 2024 - *.xlsx"))) == 8
