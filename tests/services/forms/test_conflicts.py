"""Every conflict is reported in Indonesian, with its place, and leaves the master byte-identical."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import TW4, build_master, find_cell
from xlwings_app.adapters.openpyxl.form_builder import write_meta_sheet
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Periode
from xlwings_app.forms.meta import FormMeta, from_rows, sealed
from xlwings_app.samples import example
from xlwings_app.services.formulir import formulir
from xlwings_app.services.rekap import HasilRekap, rekap

TRANTIB = example.KASI_TRANTIB


def refused(master: Path, sources: Sequence[Path], message: str, periode: Periode = TW4) -> HasilRekap:
    """Run the rekap; it must refuse with ``message`` and leave the master exactly as it was (no new
    backup either: making the forms wrote the master's forms key, the refused rekap writes nothing)."""
    before = master.read_bytes()
    backups = sorted((master.parent / "Cadangan Kinerja").glob("*"))
    result = rekap(master, sources, periode)
    assert not result.valid
    errors = [p for p in result.problems if p.is_error]
    assert any(message in p.pesan for p in errors), [str(p) for p in errors]
    assert all(p.file for p in errors)
    assert master.read_bytes() == before
    assert sorted((master.parent / "Cadangan Kinerja").glob("*")) == backups
    assert not result.ditulis
    return result


def rewrite_meta(path: Path, change: Callable[[FormMeta], FormMeta], reseal: bool) -> None:
    wb = load_workbook(path)
    rows = wb["KinerjaFormulir"].iter_rows(min_row=2, values_only=True)
    metas = [change(m) for m in from_rows(rows)]
    write_meta_sheet(wb, [sealed(m) if reseal else m for m in metas])
    wb.save(path)


def other_forms(tmp_path: Path, periode: Periode = TW4, **profil: object) -> Path:
    other = build_master(tmp_path / "lain" / "induk-lain.xlsx", **profil) if profil else None
    source = other or (tmp_path / "induk.xlsx")
    result = formulir(source, tmp_path / f"lain-{periode.value}", periode)
    path = Path(next(p for pj, p, _ in result.formulir if pj == TRANTIB))
    fill_form(path, {"IKU-06": {f"r{periode.number}": 9}})
    return path


@pytest.fixture(autouse=True)
def _lain(tmp_path: Path) -> None:
    (tmp_path / "lain").mkdir()


def test_a_form_of_another_unit(master: Path, tmp_path: Path) -> None:
    form = other_forms(tmp_path, unit="Kecamatan Sukodono")
    refused(master, [form], "Formulir untuk unit 'Kecamatan Sukodono', bukan 'Kecamatan Lumajang'")


def test_a_form_of_another_year(master: Path, tmp_path: Path) -> None:
    refused(master, [other_forms(tmp_path, tahun=2023)], "Formulir untuk tahun 2023, workbook induk tahun 2024")


def test_a_form_of_another_period(master: Path, tmp_path: Path) -> None:
    form = other_forms(tmp_path, Periode.TW3)
    refused(master, [form], "Formulir untuk periode TW3, rekap untuk periode TW4")


def test_a_form_of_an_older_template(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    rewrite_meta(form, lambda m: replace(m, fields={**m.fields, "versi_format": "0"}), reseal=True)
    refused(master, [form], "Formulir dibuat dengan templat versi 0.2")


def test_edited_metadata_is_detected_by_the_checksum(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    rewrite_meta(form, lambda m: replace(m, context={**m.context, "IKU-06": {**m.context["IKU-06"], "t4": "99"}}),
                 reseal=False)
    refused(master, [form], "checksum tidak cocok")


def test_a_target_edited_in_the_form(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    fill_form(form, {"IKU-06": {"t4": 12, "r4": 9}})
    result = refused(master, [form], "Target TW IV diubah di formulir: tertulis 12, formulir dikirim dengan 10")
    problem = next(p for p in result.problems if "diubah di formulir" in p.pesan)
    assert (problem.file, problem.sheet, problem.sel) == (form.name, "Isian", find_cell(form, "Isian", "IKU-06", "Target TW IV"))


def test_a_target_changed_in_the_master_after_distribution(master: Path, forms: dict[str, Path]) -> None:
    wb = load_workbook(master)
    wb["IKU"][find_cell(master, "IKU", "IKU-06", "Target TW IV")] = 12
    wb.save(master)
    fill_form(forms[TRANTIB], {"IKU-06": {"r4": 9}})
    refused(master, [forms[TRANTIB]], "Di workbook induk Target TW IV IKU-06 sekarang 12, formulir dikirim dengan 10")


def test_the_same_indicator_twice_with_different_values(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    form = forms[TRANTIB]
    copy = tmp_path / "lain" / "salinan.xlsx"
    shutil.copy(form, copy)
    fill_form(form, {"IKU-06": {"r4": 9}})
    fill_form(copy, {"IKU-06": {"r4": 11}})
    refused(master, [form.parent, copy], "Realisasi TW IV IKU-06 dikirim dua kali: 9")


def test_the_same_indicator_twice_with_the_same_value_is_only_noted(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    form = forms[TRANTIB]
    fill_form(form, {"IKU-06": {"r4": 9}})
    copy = tmp_path / "lain" / "salinan.xlsx"
    shutil.copy(form, copy)
    result = rekap(master, [form, copy], TW4)
    assert result.valid and result.ditulis and len(result.perubahan) == 1
    assert any("nilai sama, dipakai sekali" in p.pesan for p in result.problems)


def test_a_missing_form_is_a_notice_listing_who_is_missing(master: Path, forms: dict[str, Path]) -> None:
    forms[example.KASI_PEM].unlink()
    fill_form(forms[TRANTIB], {"IKU-06": {"r4": 9}})
    result = rekap(master, [forms[TRANTIB].parent], TW4)
    assert result.valid and result.ditulis
    assert example.KASI_PEM in result.konsolidasi.tanpa_formulir and TRANTIB not in result.konsolidasi.tanpa_formulir
    assert len(result.konsolidasi.tanpa_formulir) == len(forms) - 1  # the six blank ones are not back either
    notice = next(p for p in result.problems if p.pesan.startswith("Formulir belum masuk dari"))
    assert notice.tingkat == "catatan" and "Kasi Pemerintahan (1 indikator)" in notice.pesan
    assert "tidak dihitung masuk: " in notice.pesan and forms[example.KASI_PEL].name in notice.pesan


@pytest.mark.parametrize(
    ("typed", "message"),
    [("banyak", "bukan angka"), (-3, "tidak boleh negatif"), ("=1+1", "berisi rumus")],
)
def test_an_invalid_realisasi(master: Path, forms: dict[str, Path], typed: object, message: str) -> None:
    form = forms[TRANTIB]
    fill_form(form, {"IKU-06": {"r4": typed}})
    if typed == "=1+1":  # typed as a formula, as Excel does without a leading apostrophe
        wb = load_workbook(form)
        wb["Isian"][find_cell(form, "Isian", "IKU-06", "Realisasi TW IV")] = "=1+1"
        wb.save(form)
    refused(master, [form], message)


def test_a_deleted_row_and_an_added_row(master: Path, forms: dict[str, Path]) -> None:
    form = forms[TRANTIB]
    wb = load_workbook(form)
    ws = wb["Isian"]
    ws[find_cell(form, "Isian", "IKU-07", "Kode")] = "IKU-99"
    wb.save(form)
    result = refused(master, [form], "Baris indikator 'IKU-07' hilang dari formulir")
    assert any("Baris kode 'IKU-99' tidak ada saat formulir dibagikan" in p.pesan for p in result.problems)


def test_files_that_are_not_forms(master: Path, tmp_path: Path) -> None:
    text = tmp_path / "lain" / "catatan.xlsx"
    text.write_text("bukan workbook", encoding="utf-8")
    plain = tmp_path / "lain" / "biasa.xlsx"
    shutil.copy(master, plain)
    result = refused(master, [text, plain], "Bukan formulir Kinerja")
    assert any(p.file == "catatan.xlsx" and "bukan workbook Excel" in p.pesan for p in result.problems)


def test_the_problems_of_all_forms_are_listed_together(master: Path, forms: dict[str, Path]) -> None:
    fill_form(forms[TRANTIB], {"IKU-06": {"r4": "banyak"}})
    fill_form(forms[example.KASI_PEL], {"IKU-02": {"t1": 50}, "IKU-03": {"r4": -1}})
    result = refused(master, [forms[TRANTIB].parent], "bukan angka")
    files = {p.file for p in result.problems if p.is_error}
    assert files == {forms[TRANTIB].name, forms[example.KASI_PEL].name}
    assert len([p for p in result.problems if p.is_error]) == 3


def test_the_cli_exits_2_and_names_file_and_cell(master: Path, forms: dict[str, Path]) -> None:
    fill_form(forms[TRANTIB], {"IKU-06": {"t4": 12}})
    before = master.read_bytes()
    run = CliRunner().invoke(app, ["rekap", str(master), str(forms[TRANTIB]), "--periode", "TW4"])
    assert run.exit_code == 2 and "Workbook induk tidak diubah" in run.output
    run = CliRunner().invoke(app, ["rekap", str(master), str(forms[TRANTIB]), "--periode", "TW4", "--json"])
    assert run.exit_code == 2
    payload = json.loads(run.stdout)
    assert payload["ditulis"] is False and payload["perubahan"] == []
    problem = next(p for p in payload["masalah"] if p["tingkat"] == "galat")
    assert problem["file"] == forms[TRANTIB].name and problem["sheet"] == "Isian"
    assert problem["sel"] == find_cell(forms[TRANTIB], "Isian", "IKU-06", "Target TW IV")
    assert problem["pesan"].startswith("Target TW IV diubah di formulir")
    assert master.read_bytes() == before
