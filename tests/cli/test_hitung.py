"""`kinerja hitung` and `kinerja periksa` on the example and on bad input, as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.conftest import edit
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis

runner = CliRunner()
SetCell = Callable[[Path, Jenis, str, str, object], str]


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_hitung_writes_hasil_and_rekap_and_leaves_inputs_alone(example_path: Path) -> None:
    before = load_workbook(example_path)
    code, output = run("hitung", str(example_path))
    assert code == 0, output
    assert "Sheet Hasil dan Rekap ditulis" in output
    after = load_workbook(example_path)
    for sheet in ("Profil", "IKU", "IKI", "Pengaturan"):
        old = [[c.value for c in row] for row in before[sheet].iter_rows()]
        new = [[c.value for c in row] for row in after[sheet].iter_rows()]
        assert old == new, sheet
    hasil = [row for row in after["Hasil"].iter_rows(min_row=5, values_only=True) if row[1]]
    assert len(hasil) == 16 * 5  # every indicator in every period
    ikm = [row for row in hasil if row[1] == "IKU-01" and row[4] == "s.d. Triwulan III"][0]
    assert ikm[7] == pytest.approx(101.96)
    assert ikm[8] == "Sangat Tinggi"
    assert after["Rekap"]._charts  # the native charts are there
    assert (example_path.parent / "Cadangan Kinerja").is_dir()


def test_hitung_json_follows_the_documented_schema(example_path: Path) -> None:
    code, output = run("hitung", str(example_path), "--json", "--periode", "TW2")
    assert code == 0
    payload = json.loads(output)
    assert set(payload) == {"unit", "tahun", "periode", "indikator", "ringkasan", "masalah"}
    assert payload["unit"] == "Kecamatan Lumajang" and payload["tahun"] == 2024 and payload["periode"] == "TW2"
    keys = {"kode", "jenis", "nama", "satuan", "polaritas", "agregasi", "target", "realisasi", "capaian",
            "predikat", "status", "pesan"}
    assert len(payload["indikator"]) == 16
    for item in payload["indikator"]:
        assert set(item) == keys
        assert item["jenis"] in ("IKU", "IKI")
        for field in ("target", "realisasi", "capaian"):
            assert item[field] is None or isinstance(item[field], int | float)
        if item["capaian"] is not None:
            assert round(item["capaian"], 2) == item["capaian"]
    by_kode = {i["kode"]: i for i in payload["indikator"]}
    # IKU-04 has a target in TW IV only: nothing to fill in TW II
    assert by_kode["IKU-04"]["capaian"] is None and by_kode["IKU-04"]["status"] == "Tidak Ada Target"
    assert by_kode["IKU-08"]["capaian"] == 100.0  # 84 inside the range 80–90
    # IKI-PMD-01 (Akhir) has no realisasi TW II: its TW I value is used, and the user is told
    [carried] = payload["masalah"]
    assert carried["tingkat"] == "catatan" and carried["sheet"] == "IKI" and carried["kolom"] == "Realisasi TW II"
    assert carried["pesan"] == "Realisasi TW II belum diisi; capaian s.d. TW II memakai TW I."
    assert by_kode["IKI-PMD-01"]["pesan"].startswith("Realisasi TW II belum diisi; capaian s.d. TW II memakai TW I.")


def test_periksa_never_writes(example_path: Path) -> None:
    before = example_path.read_bytes()
    code, output = run("periksa", str(example_path))
    assert code == 0 and "16 indikator" in output
    assert example_path.read_bytes() == before


BAD_CELLS = [
    pytest.param(Jenis.IKU, "IKU-02", "r1", "sembilan puluh", "bukan angka", id="text-in-number-cell"),
    pytest.param(Jenis.IKU, "IKU-01", "polaritas", "Naik", "Polaritas 'Naik' tidak dikenal", id="unknown-polaritas"),
    pytest.param(Jenis.IKU, "IKU-06", "r2", -5, "tidak boleh negatif", id="negative-value"),
    pytest.param(Jenis.IKI, "IKI-PEL-01", "induk", "IKU-99", "IKU Induk 'IKU-99' tidak ada", id="unknown-parent"),
    pytest.param(Jenis.IKU, "IKU-03", "kode", "IKU-01", "Kode 'IKU-01' ganda", id="duplicate-kode"),
    pytest.param(Jenis.IKU, "IKU-02", "agregasi", None, "Agregasi belum diisi", id="missing-agregasi"),
    pytest.param(Jenis.IKU, "IKU-02", "r1", "#DIV/0!", "galat Excel #DIV/0!", id="error-cell"),
]


@pytest.mark.parametrize(("jenis", "kode", "key", "value", "message"), BAD_CELLS)
def test_bad_input_is_named_by_cell_exit_2_file_unchanged(
    example_path: Path, set_cell: SetCell, jenis: Jenis, kode: str, key: str, value: object, message: str
) -> None:
    address = set_cell(example_path, jenis, kode, key, value)
    before = example_path.read_bytes()
    code, output = run("hitung", str(example_path), "--json")
    assert code == 2
    problems = json.loads(output)["masalah"]
    hits = [p for p in problems if message in p["pesan"]]
    assert hits, problems
    assert any(p["sel"] == address and p["sheet"] == jenis.value for p in hits) or key == "kode"
    assert example_path.read_bytes() == before
    code, output = run("hitung", str(example_path))
    assert code == 2 and "File tidak diubah" in output


@pytest.mark.parametrize(("text", "number"), [("1.234,5", 1234.5), ("85%", 85), ("92,5", 92.5)])
def test_numbers_typed_as_text_are_read_with_a_notice(
    example_path: Path, set_cell: SetCell, text: str, number: float
) -> None:
    address = set_cell(example_path, Jenis.IKU, "IKU-02", "r3", text)
    code, output = run("hitung", str(example_path), "--json", "--periode", "TW3")
    assert code == 0
    payload = json.loads(output)
    notices = [p for p in payload["masalah"] if p["sel"] == address]
    assert notices and notices[0]["tingkat"] == "catatan" and "dibaca sebagai angka" in notices[0]["pesan"]
    ikm = next(i for i in payload["indikator"] if i["kode"] == "IKU-02")
    assert ikm["realisasi"] == pytest.approx((92.5 + 96 + number) / 3, abs=1e-4)


def test_renamed_table_sheet_is_found_with_a_notice(example_path: Path) -> None:
    edit(example_path, lambda wb: setattr(wb["IKI"], "title", "IKI Pejabat"))
    code, output = run("hitung", str(example_path), "--json")
    assert code == 0
    notices = [p["pesan"] for p in json.loads(output)["masalah"]]
    assert any("dibaca dari sheet 'IKI Pejabat'" in n for n in notices)


def test_missing_sheet_is_an_input_problem(example_path: Path) -> None:
    edit(example_path, lambda wb: wb.remove(wb["IKU"]))
    before = example_path.read_bytes()
    code, output = run("hitung", str(example_path), "--json")
    assert code == 2
    problems = json.loads(output)["masalah"]
    assert any("Sheet 'IKU' tidak ditemukan" in p["pesan"] for p in problems)
    assert example_path.read_bytes() == before


def test_missing_column_is_named(example_path: Path) -> None:
    def drop_column(wb: object) -> None:
        ws = wb["IKU"]  # type: ignore[index]
        ws["N4"] = "Realisasi Triwulan 1"  # was "Realisasi TW I"

    edit(example_path, drop_column)
    before = example_path.read_bytes()
    code, output = run("hitung", str(example_path), "--json")
    assert code == 2
    problems = json.loads(output)["masalah"]
    assert any("Kolom tidak ditemukan" in p["pesan"] and "Realisasi TW I" in p["pesan"] and p["sheet"] == "IKU" for p in problems)
    assert example_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "kosong"), (b"bukan workbook sama sekali", "bukan workbook"), (b"PK\x03\x04rusak", "rusak")],
    ids=["empty", "not-a-zip", "truncated-zip"],
)
def test_unreadable_files_give_a_message_not_a_traceback(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(content)
    code, output = run("hitung", str(path))
    assert code == 2
    assert message in output and "Traceback" not in output
    assert path.read_bytes() == content


@pytest.mark.libreoffice
def test_a_change_in_a_sealed_period_is_warned_by_hitung(example_path: Path, set_cell: SetCell) -> None:
    code, output = run("laporan", str(example_path), "--periode", "TW2", "--pdf")  # the final document, signed
    assert code == 0, output
    code, output = run("arsip", str(example_path), "--periode", "TW2")
    assert code == 0, output
    assert "dicatat di sheet Segel" in output
    code, output = run("hitung", str(example_path), "--json")
    assert code == 0 and json.loads(output)["masalah"] == []
    set_cell(example_path, Jenis.IKU, "IKU-06", "r1", 11)
    code, output = run("hitung", str(example_path), "--json")
    assert code == 0
    warnings = [p for p in json.loads(output)["masalah"] if p["sheet"] == "Segel"]
    assert len(warnings) == 1 and "IKU-06" in warnings[0]["pesan"] and warnings[0]["tingkat"] == "catatan"


def test_an_internal_error_exits_1_with_a_message_and_a_log(
    example_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import xlwings_app.cli.common as common
    import xlwings_app.services.hitung as service

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(service, "measure_fields", broken)  # what measure_workbook measures with
    monkeypatch.setattr(common, "log_file", lambda: tmp_path / "galat.log")
    before = example_path.read_bytes()
    code, output = run("hitung", str(example_path))
    assert code == 1
    assert "Galat internal Kinerja" in output and "Traceback" not in output
    assert "ZeroDivisionError" in (tmp_path / "galat.log").read_text()
    assert example_path.read_bytes() == before


def test_a_rule_failing_while_reading_is_an_internal_error_not_an_unreadable_file(
    example_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bug in a reading rule (``parse_indicator`` dividing by zero) is not the file's fault: exit 1
    and the log file named, never "tidak dapat dibaca" (exit 2) after a second reading."""
    import tempfile

    import xlwings_app.sheets.indicators as indicators

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("bug in parse_indicator")

    monkeypatch.delenv("KINERJA_DEBUG", raising=False)
    monkeypatch.setattr(indicators, "parse_indicator", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where kinerja-galat.log is written
    before = example_path.read_bytes()
    code, output = run("hitung", str(example_path))
    assert code == 1, output
    assert "Galat internal Kinerja" in output and "tidak dapat dibaca" not in output
    assert "kinerja-galat.log" in output.replace("\n", "")
    assert "ZeroDivisionError: bug in parse_indicator" in (tmp_path / "kinerja-galat.log").read_text()
    assert example_path.read_bytes() == before


def test_a_large_workbook_prints_the_summary_not_thousands_of_rows(tmp_path: Path) -> None:
    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.domain.settings import Settings
    from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators

    path = tmp_path / "besar.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(1_000, 40), Settings(), spare_rows=0).save(path)
    code, output = run("hitung", str(path))
    assert code == 0, output
    assert "1.040 indikator: rincian per indikator ada di sheet Hasil" in output  # counts as Indonesians write them
    assert "IKU-00001" not in output
    assert "IKU: 1.000 indikator" in output and "IKI: 40 indikator" in output
