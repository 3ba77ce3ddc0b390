"""Presets made the unit's own: the seed's office names replaced, and the SOP sheet says so."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.sop.adapt import Identitas, for_unit
from xlwings_app.domain.sop.model import Pengesah
from xlwings_app.domain.sop.presets import nama_asal, preset, preset_ids
from xlwings_app.samples import example
from xlwings_app.services.baru import baru
from xlwings_app.services.contoh import contoh
from xlwings_app.services.sop import mulai


def all_text(sop) -> str:
    parts = [sop.nama, *sop.unit, *sop.kualifikasi_pelaksana, *sop.keterkaitan, *sop.peralatan,
             sop.peringatan, *sop.pencatatan]
    if sop.disahkan_oleh:
        parts.append(sop.disahkan_oleh.jabatan)
    for step in sop.steps:
        parts += [step.kegiatan, step.kelengkapan, step.output, step.keterangan]
    return "\n".join(parts)


def test_every_preset_declares_the_names_of_its_own_offices() -> None:
    for preset_id in preset_ids():
        asal = nama_asal(preset_id)
        assert asal.unit, preset_id
        assert any(name in all_text(preset(preset_id)) for name in asal.unit + asal.kepala), preset_id


TEMPEH = Identitas("Kabupaten Lumajang", "Kecamatan Tempeh", "Camat Tempeh",
                   Pengesah("Camat Tempeh", "Drs. X", "19700101 199001 1 001"))
JEMBER = Identitas("Kabupaten Jember", "Kecamatan Sumbersari", "Camat Sumbersari",
                   Pengesah("Camat Sumbersari", "Drs. HARI PURNOMO, M.Si.", "19720315 199803 1 007"))


def test_no_other_office_is_left_in_any_preset_made_a_units_own() -> None:
    for preset_id in preset_ids():
        asal = nama_asal(preset_id)
        own, replaced = for_unit(preset(preset_id), asal, TEMPEH)
        text = all_text(own)
        assert not [name for name in asal.unit + asal.kepala if name in text], preset_id
        assert "Kecamatan Tempeh" in text and replaced
        assert own.dasar_hukum == preset(preset_id).dasar_hukum  # the same kabupaten: its regulations stay
        assert own.disahkan_oleh == TEMPEH.kepala  # the unit's head signs its SOP
        assert own.nomor == "" and own.tanggal_pembuatan is None  # the seed office's register is not Tempeh's


def test_a_unit_in_another_kabupaten_keeps_nothing_of_lumajang() -> None:
    for preset_id in preset_ids():
        own, replaced = for_unit(preset(preset_id), nama_asal(preset_id), JEMBER)
        text = "\n".join([all_text(own), *own.dasar_hukum, own.nomor])
        assert "Lumajang" not in text and "Sumbersuko" not in text and "Senduro" not in text, preset_id
        assert own.unit[0] == "Pemerintah Kabupaten Jember" and "Kecamatan Sumbersari" in own.unit, preset_id
        assert own.disahkan_oleh == JEMBER.kepala
        assert not [d for d in own.dasar_hukum if "Peraturan Bupati" in d or "Peraturan Daerah" in d]
        national = [d for d in preset(preset_id).dasar_hukum if "Menteri" in d or "Undang" in d or "Presiden" in d]
        assert set(national) <= set(own.dasar_hukum)  # national law is cited as it is
        assert any("dasar hukum daerah" in r for r in replaced), preset_id


def test_seed_002_names_sumbersuko_and_senduro_until_adapted() -> None:
    sop = preset("pengukuran-tim-sakip")
    assert "Dokumen Renstra Kecamatan Sumbersuko." in sop.peralatan
    lumajang = Identitas("Kabupaten Lumajang", "Kecamatan Lumajang", "Camat Lumajang",
                         Pengesah("Camat Lumajang", "Drs. DEDWI SUPRAPTO, M.Si.", "19701218 199101 1 002"))
    own, replaced = for_unit(sop, nama_asal("pengukuran-tim-sakip"), lumajang)
    assert "Dokumen Renstra Kecamatan Lumajang." in own.peralatan
    assert any("dievaluasi oleh Camat Lumajang Kabupaten Lumajang" in line for line in own.pencatatan)
    assert replaced[:2] == ("'Kecamatan Sumbersuko' diganti 'Kecamatan Lumajang'",
                            "'Camat Senduro' diganti 'Camat Lumajang'")
    assert replaced[2].startswith("Disahkan Oleh: Camat Lumajang, Drs. DEDWI SUPRAPTO")


def test_the_seeds_own_unit_keeps_its_register() -> None:
    lumajang = Identitas("Kabupaten Lumajang", "Kecamatan Lumajang", "Camat Lumajang",
                         Pengesah("Camat Lumajang", "Drs. DEDWI SUPRAPTO, M.Si.", "19701218 199101 1 002"))
    own, _ = for_unit(preset("pengukuran-lumajang"), nama_asal("pengukuran-lumajang"), lumajang)
    assert own.nomor == "427.90/26/01/2024" and own.tanggal_efektif is not None
    assert own.disahkan_oleh == lumajang.kepala  # signed by the Camat of Kunir in the seed: not this unit's


def test_the_examples_sop_sheet_is_its_own_and_says_so(tmp_path: Path) -> None:
    for _ in contoh(tmp_path):
        pass
    ws = load_workbook(next(tmp_path.glob("*.xlsx")))["SOP"]
    text = "\n".join(str(c.value) for row in ws.iter_rows(min_row=4) for c in row if c.value)
    assert "Sumbersuko" not in text and "Senduro" not in text
    assert ws["A3"].value.startswith("Disesuaikan dari SOP bawaan untuk Kecamatan Lumajang: 'Kecamatan Sumbersuko' "
                                     "diganti 'Kecamatan Lumajang'; 'Camat Senduro' diganti 'Camat Lumajang'; "
                                     "Disahkan Oleh: Camat Lumajang")


def test_mulai_adds_a_preset_under_the_profils_names(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    profil = {**example.PROFIL, "unit": "Kecamatan Tempeh", "ttd_jabatan": "Camat Tempeh"}
    build_workbook(profil, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    result = mulai(path, "TW3", "pengukuran-tim-sakip", 2024)
    assert result.valid, result.problems
    ws = load_workbook(path)["SOP"]
    assert "'Kecamatan Sumbersuko' diganti 'Kecamatan Tempeh'" in ws["A3"].value
    assert "'Camat Senduro' diganti 'Camat Tempeh'" in ws["A3"].value


def test_a_new_empty_workbook_says_which_names_to_replace(tmp_path: Path) -> None:
    baru(tmp_path / "baru.xlsx", sop="pengukuran-tim-sakip", tahun=2025)
    note = load_workbook(tmp_path / "baru.xlsx")["SOP"]["A3"].value
    assert note.startswith("SOP bawaan ini menyebut Kecamatan Sumbersuko") and "kinerja sop sesuaikan FILE" in note


def test_a_new_workbook_carries_no_seed_register(tmp_path: Path) -> None:
    baru(tmp_path / "baru.xlsx", sop="pengukuran-lumajang,perencanaan-lumajang", tahun=2025)
    wb = load_workbook(tmp_path / "baru.xlsx")
    text = "\n".join(str(c.value) for name in ("SOP", "SOP Perencanaan") for row in wb[name].iter_rows(max_row=20)
                     for c in row if c.value is not None)
    for seed in ("427.90/26/01/2024", "427.90/26/01/2022", "Rosyadi", "DEDWI", "19770309", "19701218"):
        assert seed not in text
