"""``kinerja kabupaten`` reports which units' LKjIP of the year are in and final, with their Pelaporan facts:
a unit whose LKjIP was made final and sealed (``kinerja lkjip --final`` then ``kinerja arsip --periode
LKJIP``, real files), one without; the LKjIP archive in the inbox is never read as a period's unit file."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from xlwings_app.cli import app
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten_lkjip import BELUM, FINAL_ARSIP, FINAL_SEGEL, RUSAK
from xlwings_app.samples import example
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.contoh_kabupaten import unit_workbook
from xlwings_app.services.contoh_lkjip import write_workbook
from xlwings_app.services.kabupaten import kabupaten
from xlwings_app.sheets import kabupaten as K

runner = CliRunner()
LUMAJANG = str(example.PROFIL["unit"])
OTHER = "Dinas Uji 02"


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Kecamatan Lumajang's workbook with its LKjIP 2024 final and sealed, its LKjIP archive; another unit's
    workbook without an LKjIP."""
    folder = tmp_path_factory.mktemp("kab-lkjip")
    unit = folder / "unit" / "kinerja-lumajang-2024.xlsx"
    unit.parent.mkdir()
    write_workbook(unit, E.NARASI)
    made = runner.invoke(app, ["lkjip", str(unit), "--final", "--tanggal", E.TANGGAL])
    assert made.exit_code == 0, made.output
    sealed = runner.invoke(app, ["arsip", str(unit), "--periode", "LKJIP"])
    assert sealed.exit_code == 0, sealed.output
    (archive,) = unit.parent.glob("Arsip_LKjIP_2024_LKJIP_*.zip")
    other = unit_workbook(folder / "unit" / "kinerja-dinas-uji-02.xlsx", OTHER, 6, 2,
                          kabupaten=str(example.PROFIL["kabupaten"]))  # fmt: skip
    return {"unit": unit, "archive": archive, "other": other, "folder": folder}


def inbox(sent: dict[str, Path], tmp_path: Path, *names: str) -> Path:
    box = tmp_path / "kiriman"
    box.mkdir()
    for name in names:
        shutil.copy(sent[name], box / sent[name].name)
    return box


def rows_of(path: Path) -> list[dict[str, object]]:
    ws = load_workbook(path, read_only=True)[K.SHEET_LKJIP]
    rows = list(ws.iter_rows(min_row=K.HEADER_ROW, values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_the_archive_makes_a_unit_final_and_the_other_is_not_in(sent: dict[str, Path], tmp_path: Path) -> None:
    box = inbox(sent, tmp_path, "archive", "other")
    result = kabupaten([box], Periode.TW2, tmp_path / "rekap.xlsx", dokumen=False)
    by_unit = {s.unit: s for s in result.lkjip}
    mine = by_unit[LUMAJANG]
    assert mine.status == FINAL_ARSIP and mine.final
    assert mine.fakta is not None
    assert str(mine.fakta.tanggal) == "2025-02-24"
    assert mine.fakta.arsip == sent["archive"].name
    with zipfile.ZipFile(sent["archive"]) as z:
        assert mine.fakta.kode == json.loads(z.read("manifest.json"))["kode_verifikasi"]
    assert by_unit[OTHER].status == BELUM and by_unit[OTHER].fakta is None
    # the LKjIP archive is not a period's unit file: only the other unit is in the rekap
    assert [u.unit for u in result.rekap.units] == [OTHER]
    assert not any(sent["archive"].name in d.file for d in result.rekap.ditolak)
    rows = {r[K.UNIT_HEADER]: r for r in rows_of(tmp_path / "rekap.xlsx")}
    assert rows[LUMAJANG]["Status LKjIP"] == FINAL_ARSIP
    assert rows[LUMAJANG]["Kode Verifikasi"] == mine.fakta.kode
    assert rows[LUMAJANG]["File Arsip"] == sent["archive"].name
    assert str(rows[LUMAJANG]["Tanggal Penandatanganan"])[:10] == "2025-02-24"
    assert rows[OTHER]["Status LKjIP"] == BELUM


def test_a_workbook_with_its_segel_row_reports_final(sent: dict[str, Path], tmp_path: Path) -> None:
    box = inbox(sent, tmp_path, "unit", "other")
    out = runner.invoke(app, ["kabupaten", str(box), "--periode", "TW2", "--keluar", str(tmp_path / "rekap.xlsx"),
                              "--tanpa-dokumen"])  # fmt: skip
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "LKjIP 2024: 1 dari 2 unit final" in text
    assert f"{LUMAJANG}: {FINAL_SEGEL}, ditandatangani 24 Februari 2025, kode " in text
    assert f"arsip {sent['archive'].name}" in text
    assert f"{OTHER}: {BELUM}" in text


def test_a_tampered_lkjip_archive_is_not_final(sent: dict[str, Path], tmp_path: Path) -> None:
    box = inbox(sent, tmp_path, "other")
    bad = box / sent["archive"].name
    with zipfile.ZipFile(sent["archive"]) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data + b"x" if item.filename.endswith(".pdf") or item.filename.endswith(".docx")
                         else data)  # fmt: skip
    result = kabupaten([box], Periode.TW2, tmp_path / "rekap.xlsx", dokumen=False)
    mine = next(s for s in result.lkjip if s.unit == LUMAJANG)
    assert mine.status == RUSAK and not mine.final
    assert mine.fakta is not None and mine.fakta.masalah
