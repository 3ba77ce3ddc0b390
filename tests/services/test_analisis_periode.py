"""Issue 25, item 2: the analysis is kept per period, in the master and in each period's form.

What broke, as a Kasubag Keuangan working through TW I and TW II met it: the TW II form arrived with
TW I's Permasalahan already typed in its input cell; that stale text satisfied TW II's final gate;
each quarter overwrote the last; and because the yearly pair was part of every quarter's seal, TW II's
text made the sealed TW I "berubah sejak disegel", at the unit and at the kabupaten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import find_cell
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.analisis import NO_CATATAN, with_catatan
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import Keadaan, keadaan
from xlwings_app.domain.seal import check_seals, seal_record
from xlwings_app.samples import example
from xlwings_app.services.formulir import formulir
from xlwings_app.services.laporan import LaporanDitolak, laporan
from xlwings_app.services.master import using
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import load
from xlwings_app.sheets.changes import AppendSeal

TW1, TW2 = Periode.TW1, Periode.TW2
PEL = example.KASI_PEL
TW1_TEXT = "Pada triwulan I layanan administrasi kependudukan terhambat gangguan jaringan aplikasi SIAK."


def only_tw1(path: Path) -> Path:
    """The example in TW II with only the TW I analysis written (TW II's not yet)."""
    indicators = [replace(i, analisis=with_catatan(NO_CATATAN, TW1, permasalahan=i.catatan(TW1).permasalahan,
                                                   rencana_aksi=i.catatan(TW1).rencana_aksi))
                  for i in example.INDICATORS]  # fmt: skip
    settings = replace(example.SETTINGS, periode_aktif=TW2)
    build_workbook(example.PROFIL, indicators, settings, pejabat=example.PEJABAT).save(path)
    return path


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return only_tw1(tmp_path / "induk.xlsx")


def _row(ws, kode: str) -> int:
    return next(c.row for c in ws["A"] if c.value == kode)


def test_the_tw2_form_shows_tw1s_text_read_only_and_never_as_its_own(master: Path, tmp_path: Path) -> None:
    made = formulir(master, tmp_path / "formulir", TW2)
    form = next(Path(p) for pj, p, _ in made.formulir if pj == PEL)
    ws = load_workbook(form)["Isian"]
    row = _row(ws, "IKU-02")
    header = next(r for r in range(1, 30) if ws.cell(r, 1).value == "Kode")
    cells = {ws.cell(header, c).value: ws.cell(row, c) for c in range(1, ws.max_column + 1)}
    own = cells["Permasalahan TW II"]
    assert own.value is None and not own.protection.locked  # this period's input: blank
    earlier = cells["Permasalahan TW I"]
    assert earlier.value == TW1_TEXT and earlier.protection.locked  # context, read-only
    assert "Permasalahan" not in cells  # no yearly column any more


def test_tw1s_text_does_not_satisfy_tw2s_final_gate(master: Path, tmp_path: Path) -> None:
    before = master.read_bytes()
    with pytest.raises(LaporanDitolak) as refused:
        laporan(master, tmp_path / "out", TW2, log=False)
    listed = {(p.kolom, p.sel) for p in refused.value.problems}
    assert ("Permasalahan TW II", find_cell(master, "IKU", "IKU-02", "Permasalahan TW II")) in listed
    assert ("Rencana Aksi TW II", find_cell(master, "IKU", "IKU-02", "Rencana Aksi TW II")) in listed
    assert master.read_bytes() == before and not (tmp_path / "out").exists()


def test_a_quarter_never_overwrites_the_last_and_a_seal_covers_its_own_period(master: Path, tmp_path: Path) -> None:
    data = load(master)
    profil, iku = data.profil, [i for i in data.indicators if i.jenis.value == "IKU"]
    assert profil is not None
    seal = seal_record(profil, data.settings, iku, TW1, "arsip.zip", "0" * 64, dt.datetime(2024, 4, 10, 9))
    with using(master) as book:
        book.stage(AppendSeal(seal))
        book.commit()
    made = formulir(master, tmp_path / "formulir", TW2)
    form = next(Path(p) for pj, p, _ in made.formulir if pj == PEL)
    fill_form(form, {"IKU-02": {"permasalahan": "Triwulan II: dua petugas loket mutasi.",
                                "rencana_aksi": "Petugas pengganti dari seksi pemerintahan."}})
    result = rekap(master, [form], TW2)
    assert result.valid and result.ditulis, [str(p) for p in result.problems]
    after = load(master)
    iku02 = next(i for i in after.indicators if i.kode == "IKU-02")
    assert iku02.catatan(TW1).permasalahan == TW1_TEXT  # TW I's text stays TW I's
    assert iku02.catatan(TW2).permasalahan == "Triwulan II: dua petugas loket mutasi."
    after_iku = [i for i in after.indicators if i.jenis.value == "IKU"]
    assert after.profil is not None
    assert not [p for p in check_seals(after.segel, after.profil, after.settings, after_iku)
                if "berubah sejak disegel" in p.pesan]  # fmt: skip


def test_the_kabupaten_recap_agrees_a_later_quarter_leaves_the_sealed_one_final(master: Path, tmp_path: Path) -> None:
    from xlwings_app.services.kabupaten_sumber import read_kiriman

    data = load(master)
    iku = [i for i in data.indicators if i.jenis.value == "IKU"]
    assert data.profil is not None
    seal = seal_record(data.profil, data.settings, iku, TW1, "arsip.zip", "0" * 64, dt.datetime(2024, 4, 10, 9))
    with using(master) as book:
        book.stage(AppendSeal(seal))
        book.commit()
    wb = load_workbook(master)
    wb["IKU"][find_cell(master, "IKU", "IKU-02", "Permasalahan TW II")] = "Teks triwulan II."
    wb.save(master)
    kiriman = read_kiriman(master, TW1)
    assert keadaan(kiriman, None) == (Keadaan.FINAL, [])
