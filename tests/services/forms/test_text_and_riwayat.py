"""Typed text stays text in the master; every change is listed (old → new) and kept in Riwayat."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import TW4, find_cell
from xlwings_app.samples import example
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import load

TRANTIB = example.KASI_TRANTIB
NASTY = '=HYPERLINK("http://contoh.invalid","klik")'


def test_text_starting_with_equals_never_becomes_a_formula(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    fill_form(form, {"IKU-06": {"permasalahan": NASTY}})
    wb = load_workbook(form)  # and one typed as a formula (Excel without the leading apostrophe)
    wb["Isian"][find_cell(form, "Isian", "IKU-07", "Keterangan")] = "=1+1"
    wb.save(form)
    result = rekap(master, [form], TW4)
    assert result.valid and result.ditulis
    assert any("rumus disimpan sebagai teks" in p.pesan and p.tingkat == "catatan" for p in result.problems)
    ws = load_workbook(master)["IKU"]
    for kode, header, text in (("IKU-06", "Permasalahan TW IV", NASTY), ("IKU-07", "Keterangan", "=1+1")):
        cell = ws[find_cell(master, "IKU", kode, header)]
        assert (cell.value, cell.data_type) == (text, "s")
    data = load(master)
    assert next(i for i in data.indicators if i.kode == "IKU-06").catatan(TW4).permasalahan == NASTY
    riwayat = load_workbook(master)["Riwayat"]
    cells = [c for row in riwayat.iter_rows(min_row=5) for c in row if c.value == NASTY]
    assert cells and all(c.data_type == "s" for c in cells)


def test_riwayat_records_when_where_old_and_new_and_grows(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    fill_form(form, {"IKU-06": {"r4": 9}})
    first = rekap(master, [form], TW4)
    assert [(p.change.lama, p.change.baru) for p in first.perubahan] == [(None, 9)]
    fill_form(form, {"IKU-06": {"r4": "9,5"}, "IKU-07": {"r4": 0}})
    second = rekap(master, [form], TW4)
    assert sorted((p.change.kode, p.change.lama, p.change.baru) for p in second.perubahan) == [
        ("IKU-06", 9, 9.5), ("IKU-07", None, 0)]
    ws = load_workbook(master)["Riwayat"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    assert [r[3:] for r in rows] == [
        ("IKU-06", "Realisasi TW IV", f"IKU!{find_cell(master, 'IKU', 'IKU-06', 'Realisasi TW IV')}", None, 9),
        ("IKU-06", "Realisasi TW IV", f"IKU!{find_cell(master, 'IKU', 'IKU-06', 'Realisasi TW IV')}", 9, 9.5),
        ("IKU-07", "Realisasi TW IV", f"IKU!{find_cell(master, 'IKU', 'IKU-07', 'Realisasi TW IV')}", None, 0),
    ]
    assert all(r[1] == form.name and r[2].startswith("Isian!") and len(r[0]) == 19 for r in rows)


def test_nothing_to_change_leaves_the_master_untouched(master: Path, forms: dict[str, Path]) -> None:
    before = master.read_bytes()
    result = rekap(master, [next(iter(forms.values())).parent], TW4)
    assert result.valid and not result.ditulis and result.perubahan == []
    assert result.konsolidasi.jumlah_formulir == 0 and len(result.konsolidasi.belum_kembali) == len(forms)
    assert master.read_bytes() == before


def test_a_blank_input_never_erases_the_master(master: Path, forms: dict[str, Path]) -> None:
    form = forms[example.SEKRETARIS]
    fill_form(form, {"IKU-04": {"keterangan": None}})  # the form was prefilled with the master's text
    result = rekap(master, [form], TW4)
    assert result.valid and result.perubahan == []
    assert next(i for i in load(master).indicators if i.kode == "IKU-04").keterangan
