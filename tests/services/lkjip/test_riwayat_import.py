"""Earlier years imported for the LKjIP from that year's workbook or its sealed archive
(``kinerja lkjip --riwayat``): verified against the yearly seal; a tampered archive or workbook refused."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.lkjip.history import SegelStatus
from xlwings_app.samples import example
from xlwings_app.services.arsip import arsip
from xlwings_app.services.contoh_lkjip import closed
from xlwings_app.services.laporan import LaporanDitolak, laporan
from xlwings_app.services.lkjip import lkjip, lkjip_input
from xlwings_app.services.lkjip_riwayat import read_year


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """2023's workbook, its yearly Pengukuran document final, sealed (``kinerja arsip --periode Tahunan``);
    and 2024's workbook without sheet Riwayat Capaian."""
    folder = tmp_path_factory.mktemp("riwayat")
    y2023 = folder / "2023" / "kinerja-2023.xlsx"
    y2023.parent.mkdir()
    profil = {**example.PROFIL, "tahun": 2023, "tanggal_ttd": dt.date(2024, 1, 15)}
    build_workbook(profil, [closed(i) for i in example.INDICATORS], example.SETTINGS,
                   pejabat=example.PEJABAT).save(y2023)  # fmt: skip
    laporan(y2023, periode=Periode.TAHUNAN)
    made = arsip(y2023, Periode.TAHUNAN, folder / "arsip")
    y2024 = folder / "kinerja-2024.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(y2024)
    return {"workbook": y2023, "zip": made.zip, "master": y2024, "folder": folder}


@pytest.mark.parametrize("kind", ["zip", "workbook"])
def test_a_sealed_year_joins_the_history_verified(sealed: dict[str, Path], kind: str) -> None:
    _, data_input, _, problems = lkjip_input(sealed["master"], riwayat=[sealed[kind]])
    assert not [p for p in problems if p.is_error], problems
    iku01 = data_input.history.of("IKU-01")
    assert iku01 is not None
    record = iku01.record(2023)
    assert record is not None
    # 2023 from the sealed year (83,4 at its TW IV), not the 2024 workbook's Realisasi Tahun Lalu (81,6)
    assert (record.realisasi, record.segel, record.sumber) == (Decimal("83.4"), SegelStatus.TERVERIFIKASI,
                                                                sealed[kind].name)  # fmt: skip


def tampered_archive(source: Path, target: Path) -> Path:
    """``source`` with IKU-01's TW IV realisasi changed in its workbook; the manifest left as sealed."""
    work = target.parent / "work"
    work.mkdir()
    with zipfile.ZipFile(source) as zf:
        zf.extractall(work)
    [book] = (work / "workbook").glob("*.xlsx")
    wb = load_workbook(book)
    ws = wb["IKU"]
    row = next(r for r in ws.iter_rows() if r[0].value == "IKU-01")
    header = next(r for r in ws.iter_rows() if any(c.value == "Realisasi TW IV" for c in r))
    column = next(c.column for c in header if c.value == "Realisasi TW IV")
    ws.cell(row[0].row, column, 99)
    wb.save(book)
    with zipfile.ZipFile(target, "w") as zf:
        for file in sorted(work.rglob("*")):
            if file.is_file():
                zf.write(file, file.relative_to(work).as_posix())
    return target


def test_a_tampered_archive_is_refused_whole(sealed: dict[str, Path], tmp_path: Path) -> None:
    bad = tampered_archive(sealed["zip"], tmp_path / "Arsip_2023_Tahunan_diubah.zip")
    verdict = read_year(bad)
    assert verdict.refused and verdict.records == ()
    assert any("workbook/" in p.pesan for p in verdict.problems)  # the changed file named
    # the LKjIP: a draft names the refused year, a final is refused
    _, data_input, _, problems = lkjip_input(sealed["master"], riwayat=[bad])
    assert any("Riwayat tahun 2023" in p.pesan and "ditolak" in p.pesan for p in problems)
    iku01 = data_input.history.of("IKU-01")
    assert iku01 is not None and iku01.record(2023) is not None
    assert iku01.record(2023).sumber != bad.name  # only the Realisasi Tahun Lalu column: nothing of the archive
    with pytest.raises(LaporanDitolak):
        lkjip(sealed["master"], tmp_path / "out", final=True, riwayat=[bad])


def test_a_workbook_changed_after_its_seal_is_refused(sealed: dict[str, Path], tmp_path: Path) -> None:
    changed = tmp_path / "kinerja-2023.xlsx"
    shutil.copy(sealed["workbook"], changed)
    wb = load_workbook(changed)
    ws = wb["IKU"]
    header = next(r for r in ws.iter_rows() if any(c.value == "Realisasi TW IV" for c in r))
    column = next(c.column for c in header if c.value == "Realisasi TW IV")
    row = next(r for r in ws.iter_rows() if r[0].value == "IKU-02")
    ws.cell(row[0].row, column, 50)
    wb.save(changed)
    verdict = read_year(changed)
    assert verdict.refused and verdict.records == ()
    assert any("IKU-02" in p.pesan and "berubah sejak disegel" in p.pesan for p in verdict.problems)
