"""``kinerja baru FILE --dari LAST_YEAR.xlsx``: the next year's workbook from the example."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.conftest import cell_of, edit
from xlwings_app.adapters.xlsx.reader import list_sops, read_sop_workbook, read_workbook
from xlwings_app.cli import app
from xlwings_app.domain.analisis import column_keys
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.samples import example
from xlwings_app.sheets.layout import TITLE_ROWS

runner = CliRunner()


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    """The example workbook with its officials, SOPs and filled logs, as ``kinerja contoh`` leaves it."""
    from tests.ready import example_with_sop

    return example_with_sop(tmp_path / "kinerja-2024.xlsx", pejabat=True)  # built once per run, copied


def test_next_year_carries_codes_and_last_years_values(last_year: Path, tmp_path: Path) -> None:
    new = tmp_path / "kinerja-2025.xlsx"
    result = runner.invoke(app, ["baru", str(new), "--dari", str(last_year)])
    assert result.exit_code == 0, result.output
    assert "Workbook 2025 dibuat" in result.output and "16 indikator" in result.output
    data = read_workbook(new)
    assert data.profil_values["tahun"] == "2025" and data.profil_values["tanggal_ttd"] == ""
    old_profil = read_workbook(last_year).profil_values
    assert {k: v for k, v in data.profil_values.items() if k not in ("tahun", "tanggal_ttd")} == {
        k: v for k, v in old_profil.items() if k not in ("tahun", "tanggal_ttd")
    }
    assert data.profil is not None and data.profil.pejabat == example.PEJABAT
    assert data.settings.periode_aktif is Periode.TW1
    assert data.settings.daftar_penanggung_jawab == example.PENANGGUNG_JAWAB
    rows = {r.values["kode"]: r for r in data.rows}
    assert list(rows) == [i.kode for i in example.INDICATORS]
    for old in example.INDICATORS:
        values = rows[old.kode].values
        assert values.get("induk") == old.induk
        assert (values["nama"], values["satuan"], values["agregasi"]) == (old.nama, old.satuan, old.agregasi.value)
        assert all(values[k] is None for k in ("target_tahunan", "t1", "t2", "t3", "t4", "r1", "r2", "r3", "r4"))
        assert values["pagu"] is None and all(values[k] is None for k in column_keys())
        lalu = values["target_lalu"]
        assert (None if lalu is None else Decimal(str(lalu))) == old.target_tahunan
    realisasi = {k: r.values["realisasi_lalu"] for k, r in rows.items()}
    assert realisasi["IKU-01"] == 83.1  # Akhir: the latest filled triwulan
    assert realisasi["IKU-02"] == pytest.approx(95.2667, abs=1e-4)  # Rata-rata of 92.5, 96, 97.3
    assert realisasi["IKU-05"] is None  # Jumlah: TW IV not filled, the year has no realisasi yet
    sop = read_sop_workbook(new)
    assert sop.sop is not None and sop.sop.nama == read_sop_workbook(last_year).sop.nama  # type: ignore[union-attr]
    assert sop.entries == [] and sop.tahun == 2025
    assert any(d.year == 2025 for d in sop.calendar.days_off)
    assert [n for _, n in list_sops(new)] == [n for _, n in list_sops(last_year)]  # all three SOPs
    assert len(list_sops(new)) == 3
    assert all(read_sop_workbook(new, place).entries == [] for place, _ in list_sops(new))


def test_next_year_is_valid_once_targets_are_typed(last_year: Path, tmp_path: Path) -> None:
    new = tmp_path / "kinerja-2025.xlsx"
    assert runner.invoke(app, ["baru", str(new), "--dari", str(last_year)]).exit_code == 0
    assert runner.invoke(app, ["periksa", str(new)]).exit_code == 2
    addresses = {
        (i.jenis, i.kode, key): cell_of(new, i.jenis, i.kode, key)
        for i in example.INDICATORS
        for key in ("target_tahunan", "t1", "t2", "t3", "t4", "batas_bawah", "batas_atas")
    }

    def type_targets(wb: object) -> None:
        for i in example.INDICATORS:
            ws = wb[i.jenis.value]  # type: ignore[index]
            typed = {"target_tahunan": i.target_tahunan, "batas_bawah": i.batas_bawah, "batas_atas": i.batas_atas}
            typed.update({f"t{n + 1}": t for n, t in enumerate(i.target_tw)})
            for key, value in typed.items():
                ws[addresses[(i.jenis, i.kode, key)]] = None if value is None else float(value)

    edit(new, type_targets)
    result = runner.invoke(app, ["periksa", str(new)])
    assert result.exit_code == 0, result.output
    assert "Isian lengkap dan sah: 16 indikator" in result.output


def test_targets_from_the_renstra_column(last_year: Path, tmp_path: Path) -> None:
    header_row = TITLE_ROWS + 1

    def add_renstra(wb: object) -> None:
        ws = wb["IKU"]  # type: ignore[index]
        col = ws.max_column + 2
        ws.cell(header_row, col, "Target Renstra 2025")
        ws.cell(header_row, col + 1, "target renstra 2026")
        ws.cell(header_row + 1, col, 84)  # IKU-01
        ws.cell(header_row + 1, col + 1, 86)
        ws.cell(header_row + 5, col, "7")  # IKU-05, typed as text

    edit(last_year, add_renstra)
    new = tmp_path / "kinerja-2025.xlsx"
    result = runner.invoke(app, ["baru", str(new), "--dari", str(last_year)])
    assert result.exit_code == 0, result.output
    assert "target dari Renstra 2" in result.output
    ws = load_workbook(new)["IKU"]
    assert ws[cell_of(new, Jenis.IKU, "IKU-01", "target_tahunan")].value == 84
    assert ws[cell_of(new, Jenis.IKU, "IKU-05", "target_tahunan")].value == 7
    assert ws[cell_of(new, Jenis.IKU, "IKU-02", "target_tahunan")].value is None


def test_bad_renstra_value_writes_nothing(last_year: Path, tmp_path: Path) -> None:
    def add_renstra(wb: object) -> None:
        ws = wb["IKI"]  # type: ignore[index]
        col = ws.max_column + 1
        ws.cell(TITLE_ROWS + 1, col, "Target Renstra 2025")
        ws.cell(TITLE_ROWS + 2, col, "seratus")

    edit(last_year, add_renstra)
    new = tmp_path / "kinerja-2025.xlsx"
    result = runner.invoke(app, ["baru", str(new), "--dari", str(last_year)])
    assert result.exit_code == 2
    assert "Target Renstra 2025" in result.output and "IKI" in result.output
    assert not new.exists()


def test_last_year_with_errors_writes_nothing(last_year: Path, tmp_path: Path) -> None:
    address = cell_of(last_year, Jenis.IKU, "IKU-03", "polaritas")
    edit(last_year, lambda wb: wb["IKU"].__setitem__(address, "Naik"))
    new = tmp_path / "kinerja-2025.xlsx"
    result = runner.invoke(app, ["baru", str(new), "--dari", str(last_year)])
    assert result.exit_code == 2 and address in result.output and not new.exists()


def test_same_file_is_refused(last_year: Path) -> None:
    before = last_year.read_bytes()
    result = runner.invoke(app, ["baru", str(last_year), "--dari", str(last_year), "--timpa"])
    assert result.exit_code == 2 and "harus berbeda" in result.output
    assert last_year.read_bytes() == before
