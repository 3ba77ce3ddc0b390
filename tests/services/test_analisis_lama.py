"""A workbook made before the analysis was kept per period keeps its text (docs/analisis-periode.md).

Such a workbook has one Permasalahan and one Rencana Aksi column for the whole year. Its text is read
as the analysis of the Periode aktif (the period it was written for), with a notice naming the old
columns; a seal of that period made before keeps its code; a rekap into a period column the workbook
lacks is refused naming the column.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import build_master, find_cell
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.verification import verification_code
from xlwings_app.services.formulir import formulir
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import load

TW3 = Periode.TW3


def old_format(path: Path) -> Path:
    """The example with its TW III analysis in the yearly columns of the old format, and no other
    analysis column (as a workbook made before them)."""
    build_master(path)
    wb = load_workbook(path)
    for sheet in ("IKU", "IKI"):
        ws = wb[sheet]
        header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Kode")
        titles = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
        for old, new in (("Permasalahan TW III", "Permasalahan"), ("Rencana Aksi TW III", "Rencana Aksi")):
            ws.cell(header, titles[old]).value = new
        for name in list(ws.tables):  # read by its header row alone, as a workbook of the old layout
            del ws.tables[name]
        for title, col in titles.items():  # the other analysis columns go
            kept = ("Target", "Realisasi TW", "Permasalahan TW III", "Rencana Aksi TW III")  # renamed above
            if str(title).endswith((" TW I", " TW II", " TW III", " TW IV", " Tahunan")) and not str(title).startswith(
                    kept):  # fmt: skip
                for r in range(header, ws.max_row + 1):
                    ws.cell(r, col).value = None
    wb.save(path)
    return path


def test_the_yearly_text_is_the_periode_aktifs_with_a_notice(tmp_path: Path) -> None:
    new = load(build_master(tmp_path / "baru.xlsx"))
    old = load(old_format(tmp_path / "lama.xlsx"))
    assert old.settings.periode_aktif is TW3 and not old.errors
    by_kode = {i.kode: i for i in old.indicators}
    for indicator in new.indicators:
        was, now = by_kode[indicator.kode].catatan(TW3), indicator.catatan(TW3)
        assert (was.permasalahan, was.rencana_aksi) == (now.permasalahan, now.rencana_aksi)
    notices = [p for p in old.problems if "format lama" in p.pesan]
    assert {p.sheet for p in notices} == {"IKU", "IKI"} and all(p.tingkat == "catatan" for p in notices)
    assert "Permasalahan TW III" in notices[0].pesan
    # the code of TW III (a seal made before) is the one the same text gives in the new format
    iku = [i for i in old.indicators if i.jenis is Jenis.IKU]
    assert old.profil is not None and new.profil is not None
    assert verification_code(old.profil, TW3, iku, old.settings) == verification_code(
        new.profil, TW3, [i for i in new.indicators if i.jenis is Jenis.IKU], new.settings)


def test_a_rekap_into_a_missing_period_column_is_refused_naming_it(tmp_path: Path) -> None:
    master = old_format(tmp_path / "lama.xlsx")
    made = formulir(master, tmp_path / "formulir", Periode.TW4)
    form = next(Path(p) for pj, p, _ in made.formulir if "Ketenteraman" in pj)
    fill_form(form, {"IKU-06": {"r4": 9, "permasalahan": "Teks TW IV."}})
    before = master.read_bytes()
    result = rekap(master, [form], Periode.TW4)
    assert not result.valid and not result.ditulis
    assert any("Kolom 'Permasalahan TW IV' tidak ada di sheet IKU" in p.pesan for p in result.problems)
    assert master.read_bytes() == before
    assert find_cell(master, "IKU", "IKU-06", "Permasalahan")  # the old column is still there, untouched
