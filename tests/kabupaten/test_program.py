"""The kabupaten's per-program view: units' programs matched by nomenclature code, not by name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.sheets.test_pohon import node_row, put
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten_program import ProgramUnit, per_program
from xlwings_app.samples import example, pohon
from xlwings_app.services.kabupaten import kabupaten
from xlwings_app.services.master import using
from xlwings_app.sheets import kabupaten as K
from xlwings_app.sheets.changes import PutPohon
from xlwings_app.sheets.pohon import manual_values, pohon_values

D = Decimal


def test_programs_are_matched_by_code_and_only_shared_ones_are_listed() -> None:
    shared = per_program({
        "Kecamatan A": [ProgramUnit("7.01.02", "Program Penyelenggaraan Pemerintahan", D("90")),
                        ProgramUnit("7.01.06", "Program Pembinaan Desa", D("80"))],
        "Kecamatan B": [ProgramUnit("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", D("101"),
                                    D(100))],
        "Kecamatan C": [ProgramUnit("7.01.02", "Program Penyelenggaraan Pemerintahan", None, D(50))],
    })  # fmt: skip
    [row] = shared  # 7.01.06 is one unit's only
    assert (row.kode, row.nama, len(row.per_unit)) == ("7.01.02", "Program Penyelenggaraan Pemerintahan", 3)
    assert (row.rata_rata, row.tertinggi, row.terendah, row.pagu) == (D("95.50"), D("101"), D("90"), D(150))


def _unit(folder: Path, unit: str) -> Path:
    path = folder / f"{unit}.xlsx"
    build_workbook({**example.PROFIL, "unit": unit}, example.INDICATORS, example.SETTINGS, spare_rows=2,
                   pejabat=example.PEJABAT).save(path)  # fmt: skip
    with using(path) as master:
        master.stage(PutPohon(pohon_values(pohon.NODES, unit), manual_values(pohon.MANUALS, pohon.SIMPUL)))
        master.commit()
    return path


def test_the_kabupaten_workbook_gets_sheet_program_bersama(tmp_path: Path) -> None:
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    _unit(inbox, "Kecamatan Sukodono")
    other = _unit(inbox, "Kecamatan Tempeh")
    put(other, "Pohon Kinerja", f"D{node_row('7.01.02')}", "Penyelenggaraan Pemerintahan dan Pelayanan Publik")
    put(other, "Manual Indikator", "B17", "7.01.02.2.04")  # IKI-PEL-02 moved: kegiatan 7.01.02.2.04 gets 102,22
    keluar = tmp_path / "Rekap Kabupaten.xlsx"
    kabupaten([inbox], Periode.TW3, keluar, dokumen=False)
    ws = load_workbook(keluar, read_only=True)[K.SHEET_PROGRAM]
    rows = [r for r in ws.iter_rows(min_row=K.HEADER_ROW, values_only=True)]
    header, body = rows[0], [r for r in rows[1:] if r[0]]
    assert header[:7] == K.PROGRAM_FIXED and set(header[7:]) == {"Kecamatan Sukodono", "Kecamatan Tempeh"}
    assert [r[0] for r in body] == ["7.01.01", "7.01.02", "7.01.03", "7.01.04", "7.01.05"]
    row = dict(zip(header, body[1], strict=False))
    # Sukodono: (102,22 + 103,06) / 2 = 102,64; Tempeh: 7.01.02.2.02 has only 98,33 of its sub kegiatan,
    # 7.01.02.2.04 has IKI-PEL-02 (102,22): (98,33 + 102,22) / 2 = 100,28 (the names differ, the code matches)
    assert (row["Kecamatan Sukodono"], row["Kecamatan Tempeh"], row["Jumlah Unit"]) == (102.64, 100.28, 2)
    assert row["Rata-rata Capaian (%)"] == 101.46 and row["Jumlah Pagu"] == 400_000_000
