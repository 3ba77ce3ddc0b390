"""``kinerja kabupaten`` over the generated inbox: the states, the figures, the kept Isian sheet."""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.services.kabupaten.conftest import PERIODE, UNITS, Inbox
from xlwings_app.cli import app
from xlwings_app.domain.kabupaten import Keadaan
from xlwings_app.services.kabupaten import kabupaten
from xlwings_app.sheets import kabupaten as K

runner = CliRunner()
EXPECTED = {
    UNITS[0]: Keadaan.FINAL,
    UNITS[1]: Keadaan.BERUBAH,
    UNITS[2]: Keadaan.TIDAK_COCOK,
    UNITS[3]: Keadaan.BERUBAH,
    UNITS[4]: Keadaan.GALAT_ISIAN,
    UNITS[5]: Keadaan.BELUM_DISEGEL,
    UNITS[7]: Keadaan.BELUM_DITERIMA,
}


def _sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    ws = load_workbook(path, read_only=True, data_only=True)[sheet]
    rows = list(ws.iter_rows(min_row=K.HEADER_ROW, values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


@pytest.fixture(scope="module")
def built(inbox: Inbox, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("rekap") / "Rekap Kabupaten.xlsx"
    shutil.copy(inbox.rekap, target)
    result = runner.invoke(app, ["kabupaten", str(inbox.kiriman), "--periode", "TW2", "--keluar", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_every_unit_gets_its_state(built: Path) -> None:
    states = {r[K.UNIT_HEADER]: r["Keadaan"] for r in _sheet_rows(built, K.SHEET_REKAP)}
    assert states == {unit: state.value for unit, state in EXPECTED.items()}


def test_the_reasons_name_what_differs(built: Path, inbox: Inbox) -> None:
    rows = {r[K.UNIT_HEADER]: r for r in _sheet_rows(built, K.SHEET_REKAP)}
    assert "SHA-256 tidak cocok" in str(rows[UNITS[1]]["Keterangan"])
    assert inbox.codes[UNITS[2]] in str(rows[UNITS[2]]["Keterangan"])
    assert rows[UNITS[2]]["Kode pada Dokumen"] == inbox.codes[UNITS[2]]
    assert rows[UNITS[2]]["Kode Verifikasi (dihitung)"] != inbox.codes[UNITS[2]]
    assert "kode segel" in str(rows[UNITS[3]]["Keterangan"])
    assert "IKU-00003" in str(rows[UNITS[4]]["Keterangan"]) or "Realisasi" in str(rows[UNITS[4]]["Keterangan"])
    assert rows[UNITS[4]]["Rata-rata Capaian (%)"] is None  # left out of the figures, but shown
    assert rows[UNITS[0]]["Kode Verifikasi (dihitung)"] == inbox.codes[UNITS[0]]


def test_bad_files_are_listed_with_file_and_reason(built: Path) -> None:
    rows = _sheet_rows(built, K.SHEET_BERKAS)
    refused = {str(r["Berkas"]): str(r["Alasan / Masalah"]) for r in rows if r["Dipakai"] == "tidak"}
    assert "tidak dapat dibuka" in refused["rusak.xlsx"] or "rusak" in refused["rusak.xlsx"]
    assert "tahun 2023" in refused["Badan_Uji_07.xlsx"]
    copies = [n for n in ("Dinas_Uji_06.xlsx", "Dinas_Uji_06 (salinan).xlsx") if n in refused]
    assert len(copies) == 1 and "duplikat" in refused[copies[0]]  # the first in path order is used
    assert any("periode TW1" in reason for name, reason in refused.items() if name.startswith("Arsip_"))
    errors = [r for r in rows if r[K.UNIT_HEADER] == UNITS[4] and r["Tingkat"] == "galat"]
    assert errors and all("sheet IKU" in str(r["Alasan / Masalah"]) for r in errors)


def _unit_json(book: Path) -> dict[str, object]:
    result = runner.invoke(app, ["hitung", str(book), "--periode", "TW2", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _received_book(inbox: Inbox, unit: str, into: Path) -> Path:
    """The workbook the kabupaten read for ``unit``: its file, or the one inside its archive."""
    name = unit.replace(" ", "_") + ".xlsx"
    if (inbox.kiriman / name).exists():
        return Path(shutil.copy(inbox.kiriman / name, into / name))
    for archive in sorted((inbox.kiriman / "arsip").rglob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            if manifest["unit"] == unit and manifest["periode"] == PERIODE.value:
                (into / name).write_bytes(zf.read(f"workbook/{name}"))
                return into / name
    raise AssertionError(unit)


def test_figures_equal_each_units_own_hitung(built: Path, inbox: Inbox, tmp_path: Path) -> None:
    rows = {r[K.UNIT_HEADER]: r for r in _sheet_rows(built, K.SHEET_REKAP)}
    counted = [u for u, s in EXPECTED.items() if s.dihitung]
    for unit in counted:
        own = _unit_json(_received_book(inbox, unit, tmp_path))
        iku = own["ringkasan"]["per_jenis"]["IKU"]  # type: ignore[index]
        row = rows[unit]
        assert row["Jumlah IKU"] == iku["jumlah_indikator"]
        for label, count in iku["per_predikat"].items():
            assert row[label] == count, (unit, label)
        assert row["Rata-rata Capaian (%)"] == pytest.approx(iku["rata_rata_capaian"], abs=1e-9)
        share = Decimal(iku["tercapai"] * 100) / (iku["jumlah_indikator"] - iku["tanpa_target"])  # measured ones
        assert Decimal(str(row["Tercapai (%)"])) == share.quantize(Decimal("0.01"))


def test_one_table_holds_every_counted_units_indicators(built: Path) -> None:
    wb = load_workbook(built)
    ws = wb[K.SHEET_INDIKATOR]
    assert list(ws.tables) == [K.TABLE_INDIKATOR]
    rows = _sheet_rows(built, K.SHEET_INDIKATOR)
    per_unit = {u: sum(1 for r in rows if r[K.UNIT_HEADER] == u) for u in EXPECTED}
    assert per_unit[UNITS[4]] == 0 and per_unit[UNITS[7]] == 0
    assert all(per_unit[u] == 12 for u, s in EXPECTED.items() if s.dihitung)
    assert ws.tables[K.TABLE_INDIKATOR].ref == f"A{K.HEADER_ROW}:M{K.HEADER_ROW + len(rows)}"


def test_ranking_and_shared_indicators(built: Path) -> None:
    ranked = _sheet_rows(built, K.SHEET_PERINGKAT)
    means = [r["Rata-rata Capaian (%)"] for r in ranked]
    assert means == sorted(means, reverse=True)  # type: ignore[type-var]
    assert [r["Peringkat"] for r in ranked][0] == 1
    assert {r[K.UNIT_HEADER] for r in ranked} == {u for u, s in EXPECTED.items() if s.dihitung}
    shared = {r["Indikator Kinerja"]: r for r in _sheet_rows(built, K.SHEET_BERSAMA)}
    ikm = shared["Indeks Kepuasan Masyarakat (IKM)"]
    assert ikm["Jumlah Unit"] == 5
    values = [ikm[u] for u, s in EXPECTED.items() if s.dihitung and ikm[u] is not None]
    assert ikm["Tertinggi (%)"] == max(values) and ikm["Terendah (%)"] == min(values)


def test_charts_are_native(built: Path) -> None:
    with zipfile.ZipFile(built) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 4


def test_rebuild_is_idempotent_and_keeps_the_isian_sheet(inbox: Inbox, rekap_copy: Path) -> None:
    before = [list(r) for r in load_workbook(rekap_copy)[K.SHEET_ISIAN].iter_rows(values_only=True)]
    kabupaten([inbox.kiriman], PERIODE, rekap_copy, dokumen=False)
    first = {s: _sheet_rows(rekap_copy, s) for s in K.GENERATED}
    kabupaten([inbox.kiriman], PERIODE, rekap_copy, dokumen=False)
    second = {s: _sheet_rows(rekap_copy, s) for s in K.GENERATED}
    assert first == second
    after = [list(r) for r in load_workbook(rekap_copy)[K.SHEET_ISIAN].iter_rows(values_only=True)]
    assert after == before
    assert load_workbook(rekap_copy).sheetnames == [K.SHEET_ISIAN, *K.GENERATED]


def test_codes_imported_from_a_list_land_in_the_isian_sheet(inbox: Inbox, rekap_copy: Path, tmp_path: Path) -> None:
    listing = tmp_path / "kode.csv"
    listing.write_text(
        f"Unit Kerja;Periode;Kode\n{UNITS[5]};TW2;{inbox.codes[UNITS[5]].lower().replace('-', ' ')}\n"
        f"{UNITS[3]};TW 2;AAAAA-BBBBB\n", encoding="utf-8",
    )  # fmt: skip
    result = kabupaten([inbox.kiriman], PERIODE, rekap_copy, kode_dari=listing, dokumen=False)
    states = {u.unit: u.keadaan for u in result.rekap.units}
    assert states[UNITS[5]] is Keadaan.BELUM_DISEGEL  # the code matches: its state is unchanged
    assert states[UNITS[3]] is Keadaan.TIDAK_COCOK
    isian = {r[0]: r for r in load_workbook(rekap_copy)[K.SHEET_ISIAN].iter_rows(values_only=True) if r[0]}
    assert isian[UNITS[5]][2] == inbox.codes[UNITS[5]] and isian[UNITS[3]][2] == "AAAAA-BBBBB"


def test_a_failed_run_leaves_the_rekap_byte_identical(inbox: Inbox, rekap_copy: Path, tmp_path: Path) -> None:
    listing = tmp_path / "kode.csv"
    listing.write_text("Unit Kerja;Periode;Kode\nUnit Tak Dikenal;TW9;X\n", encoding="utf-8")
    before = rekap_copy.read_bytes()
    result = runner.invoke(app, ["kabupaten", str(inbox.kiriman), "-p", "TW2", "-k", str(rekap_copy),
                                 "--kode-dari", str(listing)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert rekap_copy.read_bytes() == before


def test_no_readable_unit_is_a_clear_refusal(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rusak.xlsx").write_bytes(b"bukan workbook")
    result = runner.invoke(app, ["kabupaten", str(tmp_path / "in"), "-p", "TW2", "-k", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2
    assert "rusak.xlsx" in result.output and not (tmp_path / "r.xlsx").exists()


def test_a_unit_workbook_given_as_the_rekap_is_refused_untouched(inbox: Inbox, tmp_path: Path) -> None:
    book = Path(shutil.copy(inbox.kiriman / "Dinas_Uji_06.xlsx", tmp_path / "salah.xlsx"))
    before = book.read_bytes()
    result = runner.invoke(app, ["kabupaten", str(inbox.kiriman), "-p", "TW2", "-k", str(book)])
    assert result.exit_code == 2 and "Isian Kabupaten" in result.output
    assert book.read_bytes() == before
