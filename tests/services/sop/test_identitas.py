"""The SOP sheet names the unit of sheet Profil: ``periksa`` warns where it does not, ``sop sesuaikan``
adapts it. Played as a new user in another kabupaten does: ``kinerja baru`` with the three presets, then
Profil and Pejabat typed in, the file saved again by LibreOffice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.services.sop.helpers import digest, libreoffice_resave, type_profil
from xlwings_app.cli import app
from xlwings_app.domain.sop.adapt import Identitas
from xlwings_app.domain.sop.identitas import check_identity
from xlwings_app.domain.sop.model import Pengesah
from xlwings_app.domain.sop.presets import asal_semua, preset
from xlwings_app.samples import example_sop
from xlwings_app.services.baru import baru

runner = CliRunner()
THREE = "pengukuran-lumajang,perencanaan-lumajang,pengumpulan-data-tim-sakip"
JEMBER = Identitas("Kabupaten Jember", "Kecamatan Sumbersari", "Camat Sumbersari",
                   Pengesah("Camat Sumbersari", "Drs. HARI PURNOMO, M.Si.", "19720315 199803 1 007"))
PROFIL_JEMBER: dict[str, object] = {
    "kabupaten": "Kabupaten Jember", "unit": "Kecamatan Sumbersari", "alamat": "Jl. Letjen Panjaitan No. 40, Jember",
    "tahun": 2025, "ttd_jabatan": "Camat Sumbersari", "ttd_nama": "Drs. HARI PURNOMO, M.Si.",
    "ttd_pangkat": "Pembina Tingkat I (IV/b)", "ttd_nip": "19720315 199803 1 007", "pengelola_jabatan": "Kasubag Keuangan",
    "pengelola_nama": "DEWI LESTARI, S.E.", "pengelola_nip": "19850203 201001 2 014", "tempat": "Jember",
}  # fmt: skip
PEJABAT_JEMBER = [
    ("Camat", "Drs. HARI PURNOMO, M.Si.", "19720315 199803 1 007", "Pembina Tingkat I (IV/b)"),
    ("Sekretaris Camat", "ANDI SETIAWAN, S.STP.", "19800611 200212 1 004", "Pembina (IV/a)"),
    ("Kasubag Keuangan", "DEWI LESTARI, S.E.", "19850203 201001 2 014", "Penata Tingkat I (III/d)"),
]
LUMAJANG = ("Lumajang", "Sumbersuko", "Senduro", "Kunir", "427.90", "Rosyadi", "DEDWI", "19770309", "19701218")


def sop_text(path: Path) -> str:
    """The SOP sheets' identity and steps (not the note in A3, which says what was replaced)."""
    wb = load_workbook(path)
    return "\n".join(str(c.value) for name in wb.sheetnames if name.startswith("SOP")
                     for row in wb[name].iter_rows(min_row=4) for c in row if c.value is not None)  # fmt: skip


def test_the_seed_sop_in_a_jember_unit_is_warned_at_each_cell() -> None:
    found = check_identity(preset("pengukuran-lumajang"), JEMBER, asal_semua(), sheet="SOP",
                           cells={"unit": "C4", "nomor": "C5", "peringatan": "C17", "disahkan_nama": "C10"})  # fmt: skip
    by_cell = {p.sel: p.pesan for p in found}
    assert all(p.tingkat == "peringatan" and p.sheet == "SOP" for p in found)
    assert "menyebut Kecamatan Lumajang, Kabupaten Lumajang, bukan Kecamatan Sumbersari" in by_cell["C4"]
    assert "Nomor SOP 427.90/26/01/2024 adalah nomor SOP bawaan" in by_cell["C5"]
    assert "Kecamatan Lumajang" in by_cell["C17"]
    assert "M. Ron Rosyadi, MA adalah penandatangan SOP bawaan" in by_cell["C10"]
    assert all(p.pesan.endswith("sesuaikan dengan: kinerja sop sesuaikan FILE.") for p in found)


def test_the_examples_own_sop_is_not_warned() -> None:
    assert check_identity(example_sop.example_sop(), example_sop.IDENTITAS, asal_semua(), sheet="SOP") == []


def test_another_unit_or_kabupaten_in_the_unit_kerja_is_warned() -> None:
    from dataclasses import replace

    own = example_sop.example_sop()
    tempeh = replace(own, unit=("Pemerintah Kabupaten Lumajang", "Kecamatan Tempeh"))
    jember = replace(own, unit=("Pemerintah Kabupaten Jember", "Kecamatan Lumajang"))
    said = [[p.pesan.split(";")[0] for p in check_identity(sop, example_sop.IDENTITAS, asal_semua(), sheet="SOP")]
            for sop in (tempeh, jember)]  # fmt: skip
    assert said == [["Unit Kerja menyebut Kecamatan Tempeh, bukan Kecamatan Lumajang dari sheet Profil"],
                    ["Unit Kerja menyebut Kabupaten Jember, bukan Kabupaten Lumajang dari sheet Profil"]]


def test_sesuaikan_is_refused_while_profil_names_no_unit(tmp_path: Path) -> None:
    path = tmp_path / "baru.xlsx"
    baru(path, sop=THREE, tahun=2025)
    before = digest(path)
    result = runner.invoke(app, ["sop", "sesuaikan", str(path)])
    assert result.exit_code == 2 and "isi dulu Kabupaten dan Unit Kerja di sheet Profil" in result.output
    assert digest(path) == before


@pytest.mark.libreoffice
def test_a_new_jember_workbook_is_warned_then_adapted(tmp_path: Path) -> None:
    path = tmp_path / "Kinerja Sumbersari 2025.xlsx"
    baru(path, sop=THREE, tahun=2025)
    type_profil(path, PROFIL_JEMBER, PEJABAT_JEMBER)
    libreoffice_resave(path, tmp_path)

    checked = runner.invoke(app, ["periksa", str(path), "--json"])
    warnings = [p for p in json.loads(checked.stdout)["masalah"] if "kinerja sop sesuaikan" in p["pesan"]]
    assert {p["sheet"] for p in warnings} == {"SOP", "SOP Perencanaan", "SOP Pengumpulan Data"}
    unit = next(p for p in warnings if p["sheet"] == "SOP" and p["kolom"] == "Unit Kerja")
    assert unit["sel"] == "C4" and unit["tingkat"] == "peringatan" and "Kecamatan Lumajang" in unit["pesan"]
    measured = runner.invoke(app, ["sop", "periksa", str(path)])
    assert "kinerja sop sesuaikan FILE" in measured.output  # sop periksa warns too
    before = load_workbook(path)
    sheets, riwayat = before.sheetnames, before["Riwayat"].max_row

    adapted = runner.invoke(app, ["sop", "sesuaikan", str(path)])
    assert adapted.exit_code == 0, adapted.output
    assert "Sheet SOP disesuaikan: 'Kabupaten Lumajang' diganti 'Kabupaten Jember'" in " ".join(adapted.output.split())
    text = sop_text(path)
    for name in LUMAJANG:
        assert name not in text, name
    wb = load_workbook(path)
    ws = wb["SOP"]
    assert ws["C4"].value == "Pemerintah Kabupaten Jember\nKecamatan Sumbersari\nSub Bagian Keuangan"
    assert (ws["C9"].value, ws["C10"].value, ws["C11"].value) == (
        "Camat Sumbersari", "Drs. HARI PURNOMO, M.Si.", "19720315 199803 1 007")
    assert ws["C5"].value is None  # Nomor SOP: the unit fills its own
    assert ws["A3"].value.startswith("Disesuaikan dengan sheet Profil untuk Kecamatan Sumbersari")
    assert wb.sheetnames == sheets and wb["Riwayat"].max_row == riwayat  # only the SOP cells were written
    again = runner.invoke(app, ["periksa", str(path), "--json"])
    assert not [p for p in json.loads(again.stdout)["masalah"] if "kinerja sop sesuaikan" in p["pesan"]]
    before = digest(path)
    unchanged = runner.invoke(app, ["sop", "sesuaikan", str(path)])
    assert unchanged.exit_code == 0 and "sudah sesuai" in unchanged.output and digest(path) == before
