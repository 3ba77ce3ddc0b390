"""Sheets Pohon Kinerja and Manual Indikator in a built workbook: each tree rule names its cell, ratio
indicators are computed from their parts, the roll-up equals what a person computes by hand, and a
workbook without the sheets reads as the two-level workbook it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.tree.manual import ManualIndikator
from xlwings_app.samples import example, pohon
from xlwings_app.services.hitung import hitung, periksa
from xlwings_app.services.master import using
from xlwings_app.sheets.changes import PutPohon
from xlwings_app.sheets.pohon import MANUAL_HEADER_ROW, POHON_HEADER_ROW, manual_values, pohon_values

D = Decimal


def tree_workbook(path: Path) -> Path:
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=2, pejabat=example.PEJABAT).save(path)
    with using(path) as master:
        master.stage(PutPohon(pohon_values(pohon.NODES, "Kecamatan Lumajang"), manual_values(pohon.MANUALS, pohon.SIMPUL)))
        master.commit()
    return path


@pytest.fixture
def tree_path(tmp_path: Path) -> Path:
    return tree_workbook(tmp_path / "pohon.xlsx")


def node_row(kode: str) -> int:
    return POHON_HEADER_ROW + 1 + [n.kode for n in pohon.NODES].index(kode)


def manual_row(kode: str) -> int:
    return MANUAL_HEADER_ROW + 1 + [m.kode for m in pohon.MANUALS].index(kode)


def put(path: Path, sheet: str, address: str, value: object) -> None:
    wb = load_workbook(path)
    wb[sheet][address] = value
    wb.save(path)


def problems_at(path: Path, sheet: str, cell: str) -> list[str]:
    with using(path) as master:
        data = master.data()
    return [p.pesan for p in data.problems if p.sheet == sheet and p.sel == cell and p.is_error]


def test_the_example_tree_reads_whole_and_valid(tree_path: Path) -> None:
    with using(tree_path) as master:
        data = master.data()
    assert not data.errors, [str(p) for p in data.errors]
    assert data.pohon is not None and data.pohon.tree is not None
    levels = [n.jenjang.value for n in data.pohon.nodes]
    assert [levels.count(j) for j in ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")] == [2, 4, 5, 10, 20]
    tree = data.pohon.tree
    assert [i.kode for i in tree.indicators_of(tree.node("7.01.02.2.02"))] == ["IKI-PEL-02"]
    assert [i.kode for i in tree.indicators_of(tree.node("S1"))] == ["IKU-01", "IKU-02", "IKU-03"]


def test_a_child_under_the_wrong_parent_names_the_induk_cell(tree_path: Path) -> None:
    row = node_row("7.01.02.2.02")
    put(tree_path, "Pohon Kinerja", f"C{row}", "7.01.01")
    [message] = problems_at(tree_path, "Pohon Kinerja", f"C{row}")
    assert "kodenya menunjuk program '7.01.02': induk salah" in message


def test_a_code_not_of_the_nomenclature_s_shape_names_the_kode_cell(tree_path: Path) -> None:
    row = node_row("7.01.03.2.03.0004")
    put(tree_path, "Pohon Kinerja", f"B{row}", "7.1.3.2.3.4")
    messages = problems_at(tree_path, "Pohon Kinerja", f"B{row}")
    assert any("tidak berbentuk kode sub kegiatan nomenklatur" in m for m in messages)


def test_a_skipped_level_names_the_induk_cell(tree_path: Path) -> None:
    row = node_row("7.01.02.2.04")
    put(tree_path, "Pohon Kinerja", f"C{row}", "S1")
    messages = problems_at(tree_path, "Pohon Kinerja", f"C{row}")
    assert any(m.startswith("Tingkat terlewat: kegiatan '7.01.02.2.04' langsung di bawah sasaran 'S1'") for m in messages)


def test_an_indicator_on_no_level_names_the_cell_that_should_place_it(tree_path: Path) -> None:
    row = manual_row("IKI-PEL-02")
    put(tree_path, "Manual Indikator", f"B{row}", "7.01.09.2.01")
    [message] = problems_at(tree_path, "Manual Indikator", f"B{row}")
    assert message == "Indikator 'IKI-PEL-02' menunjuk '7.01.09.2.01', yang tidak ada di pohon kinerja."


def test_a_ratio_indicator_s_realisasi_is_computed_from_its_parts(tree_path: Path) -> None:
    row = manual_row("IKI-SEK-01")  # 4 of 4, 4 of 4, 3 of 4 documents: 100, 100, 75 as typed
    put(tree_path, "Manual Indikator", f"M{row}", 2)  # pembilang TW III: 2 of 4 documents
    result = hitung(tree_path, Periode.TW3, tulis=False)
    [h] = [h for h in result.hasil if h.indicator.kode == "IKI-SEK-01"]
    assert h.realisasi == D("50.00") and h.capaian == D("50.00")
    [note] = [p for p in result.problems if p.sheet == "IKI" and p.kolom == "Realisasi TW III"]
    assert note.tingkat == "catatan" and "diketik 75" in note.pesan and "= 50" in note.pesan


def test_roll_ups_equal_hand_computed_values(tree_path: Path) -> None:
    result = hitung(tree_path, Periode.TW3, tulis=False)
    capaian = {c.node.kode: c.capaian for c in result.pohon.values()}
    # IKU-01 83,1/81,5 = 101,96; IKU-02 mean(92,5; 96; 97,3)/95 = 100,28; IKU-03 (2×3 − 2,9)/3 = 103,33
    assert capaian["S1"] == D("101.86")  # (101,96 + 100,28 + 103,33) / 3 = 101,857 (own indicators)
    assert capaian["7.01.02.2.04"] == D("103.06")  # its one measured sub kegiatan (IKI-PEL-01 3710/3600)
    assert capaian["7.01.02"] == D("102.64")  # (102,22 + 103,06) / 2
    assert capaian["T1"] == D("88.43")  # (101,86 + 75,00) / 2
    efisiensi = result.pohon["7.01.02"]
    assert efisiensi.pagu == D(200_000_000) and efisiensi.realisasi_anggaran == D(141_000_000)
    assert efisiensi.serapan == D("70.50") and efisiensi.efisiensi == D("31.31")  # (1 − 70,5/102,64) × 100


def test_the_roll_up_weighted_by_pagu_is_a_setting_of_the_sheet(tree_path: Path) -> None:
    put(tree_path, "Pohon Kinerja", "B3", "Bobot pagu")
    result = hitung(tree_path, Periode.TW3, tulis=False)
    # kegiatan 7.01.02.2.02: 102,22 on pagu 130 jt; 7.01.02.2.04: 103,06 on pagu 70 jt
    assert result.pohon["7.01.02"].capaian == D("102.51")  # (102,22 × 130 + 103,06 × 70) / 200 = 102,514


def test_hitung_writes_the_tree_block_into_rekap(tree_path: Path) -> None:
    hitung(tree_path, Periode.TW3)
    ws = load_workbook(tree_path, read_only=True)["Rekap"]
    rows = [r[:6] for r in ws.iter_rows(values_only=True)]
    first = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("Capaian per Tingkat Pohon Kinerja"))
    block = rows[first + 2 : first + 2 + len(pohon.NODES)]
    assert block[0][:3] == ("Tujuan T1 Meningkatnya kualitas tata kelola dan pelayanan pemerintahan kecamatan",
                            88.43, "Tinggi")
    assert all(r[0] for r in block) and len(block) == 41


def test_smart_gaps_are_warnings_of_periksa_at_the_manual_s_cells(tree_path: Path) -> None:
    row = manual_row("IKU-03")
    put(tree_path, "Manual Indikator", f"H{row}", None)  # sumber data removed
    data = periksa(tree_path)
    assert not data.errors
    [gap] = [p for p in data.problems if p.sheet == "Manual Indikator" and p.sel == f"H{row}"]
    assert gap.tingkat == "peringatan" and gap.pesan == "Indikator 'IKU-03' belum menyebut sumber data."


def test_a_two_level_workbook_has_no_tree_and_its_rekap_no_tree_block(example_path: Path) -> None:
    result = hitung(example_path, Periode.TW3, tulis=False)
    assert result.data.pohon is None and result.pohon == {}
    assert not [p for p in periksa(example_path).problems if p.sheet == "Manual Indikator"]


def test_a_manual_without_a_tree_only_computes_ratios_and_a_stray_manual_row_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "manual.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=2, pejabat=example.PEJABAT).save(path)
    manuals = [*pohon.MANUALS, ManualIndikator("IKU-99", "Indikator yang tidak ada")]
    with using(path) as master:
        master.stage(PutPohon(None, manual_values(manuals, {})))
        master.commit()
    with using(path) as master:
        data = master.data()
    assert not data.errors
    [stray] = [p for p in data.problems if p.nilai == "IKU-99"]
    assert stray.tingkat == "peringatan" and stray.sel == f"A{MANUAL_HEADER_ROW + 17}"
    assert data.pohon is not None and not data.pohon.has_tree
