"""A year of data collection for a unit that is not the example: TW I–IV, forms in one folder per quarter.

Kecamatan Kaliwates (Kabupaten Jember), five officials. Each quarter ``kinerja formulir`` hands out the
forms into "Formulir TWn"; the returned ones are saved over their blanks (the Kasi's file of the same
name), typed the way Excel stores them (openpyxl: "85%" as 0.85 with a percent format) or typed in
LibreOffice itself ("100", "90%"); some never come back. Each quarter the rekap, the Laporan Hasil
Pengumpulan and the Tanda Terima agree on who returned a form and who did not, and the master holds
exactly what was typed. In TW III a Kasi types 0,7 for 70 %: the rekap refuses it naming the cell, the
corrected form goes in.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.forms.conftest import find_cell
from tests.lo_typing import type_in_libreoffice
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.settings import Settings
from xlwings_app.services.laporan_pengumpulan import laporan_pengumpulan
from xlwings_app.services.tanda_terima import tanda_terima
from xlwings_app.services.workbook import load
from xlwings_app.sheets import layout as L

runner = CliRunner()
CAMAT, SEK, PEM, KESOS, KEU = ("Camat", "Sekretaris Camat", "Kasi Pemerintahan", "Kasi Kesejahteraan Sosial",
                               "Kasubag Perencanaan dan Keuangan")  # fmt: skip
PJ = (CAMAT, SEK, PEM, KESOS, KEU)
PROFIL = {
    "kabupaten": "Kabupaten Jember", "unit": "Kecamatan Kaliwates", "alamat": "Jl. Gajah Mada No. 245, Jember",
    "tahun": 2025, "ttd_jabatan": "Camat Kaliwates", "ttd_nama": "Drs. ARIF SETIAWAN, M.Si.",
    "ttd_pangkat": "Pembina (IV/a)", "ttd_nip": "19750312 199803 1 004", "pengelola_jabatan": SEK,
    "pengelola_nama": "SITI AMINAH, S.Sos.", "pengelola_nip": "19800521 200501 2 011", "tempat": "Jember",
    "tanggal_ttd": dt.date(2025, 4, 10), "tanggal_rencana": dt.date(2025, 1, 20),
    "kd_jabatan": "Bupati Jember", "kd_nama": "H. MUHAMMAD FAWAIT, S.E., M.Sc.",
}  # fmt: skip
S1, S2 = "Meningkatnya kualitas pelayanan kecamatan", "Meningkatnya akuntabilitas kinerja kecamatan"


def _ind(kode: str, jenis: Jenis, sasaran: str, nama: str, satuan: str, agregasi: Agregasi, tahunan: int,
         targets: tuple[int, ...], pj: str, induk: str | None = None) -> Indicator:  # fmt: skip
    return Indicator(kode, jenis, sasaran, nama, satuan, Polaritas.POSITIF, agregasi, Decimal(tahunan),
                     tuple(Decimal(t) for t in targets), penanggung_jawab=pj, induk=induk)  # type: ignore[arg-type]


INDICATORS = [
    _ind("IKU-01", Jenis.IKU, S1, "Persentase layanan administrasi selesai tepat waktu", "%", Agregasi.AKHIR, 90,
         (85, 87, 89, 90), CAMAT),
    _ind("IKU-02", Jenis.IKU, S2, "Jumlah dokumen perencanaan dan pelaporan kinerja", "dokumen", Agregasi.JUMLAH, 8,
         (2, 2, 2, 2), SEK),
    _ind("IKI-PEM-01", Jenis.IKI, S1, "Persentase desa/kelurahan tertib administrasi", "%", Agregasi.RATA_RATA, 100,
         (100, 100, 100, 100), PEM, "IKU-01"),
    _ind("IKI-KESOS-01", Jenis.IKI, S1, "Jumlah warga miskin terverifikasi DTKS", "orang", Agregasi.JUMLAH, 400,
         (100, 100, 100, 100), KESOS, "IKU-01"),
    _ind("IKI-KEU-01", Jenis.IKI, S2, "Persentase realisasi anggaran kecamatan", "%", Agregasi.AKHIR, 100,
         (25, 50, 75, 100), KEU, "IKU-02"),
]  # fmt: skip
KODE = {CAMAT: "IKU-01", SEK: "IKU-02", PEM: "IKI-PEM-01", KESOS: "IKI-KESOS-01", KEU: "IKI-KEU-01"}

# each quarter: who returns how, the value typed, the value the master must then hold
EXCEL, LIBRE = "excel", "libreoffice"
YEAR: dict[Periode, dict[str, tuple[str, object, Decimal]]] = {
    Periode.TW1: {CAMAT: (EXCEL, ("0%", 0.85), Decimal(85)), SEK: (EXCEL, 2, Decimal(2)),
                  PEM: (LIBRE, "100", Decimal(100)), KEU: (EXCEL, 24, Decimal(24))},
    Periode.TW2: {SEK: (EXCEL, 2, Decimal(2)), PEM: (EXCEL, 98.5, Decimal("98.5")),
                  KESOS: (LIBRE, "112", Decimal(112)), KEU: (LIBRE, "51,5%", Decimal("51.5"))},
    Periode.TW3: {CAMAT: (EXCEL, 88, Decimal(88)), KESOS: (EXCEL, 95, Decimal(95)), KEU: (EXCEL, 70, Decimal(70))},
    Periode.TW4: {CAMAT: (LIBRE, "90%", Decimal(90)), SEK: (EXCEL, 3, Decimal(3)), PEM: (EXCEL, 100, Decimal(100)),
                  KESOS: (EXCEL, 101, Decimal(101)), KEU: (EXCEL, ("0.0%", 0.987), Decimal("98.7"))},
}  # fmt: skip


def _form(folder: Path, periode: Periode, pj: str) -> Path:
    return folder / f"Formulir {periode.value} - {pj}.xlsx"


def _header(key: str) -> str:
    return L.layout().tables[Jenis.IKU].column(key).header


def _type_excel(form: Path, kode: str, key: str, typed: object) -> None:
    if isinstance(typed, tuple):  # "85%" typed in Excel: 0.85 stored with a percent format
        fmt, value = typed
        wb = load_workbook(form)
        ws = wb.worksheets[0]
        cell = ws[find_cell(form, ws.title, kode, _header(key))]
        cell.value, cell.number_format = value, fmt
        wb.save(form)
    else:
        fill_form(form, {kode: {key: typed}})


def _return(form: Path, periode: Periode, pj: str, how: str, typed: object) -> None:
    """The Kasi fills the form and saves it over the blank one (same name, same folder)."""
    kode, key = KODE[pj], f"r{periode.number}"
    if how == LIBRE:
        sheet = load_workbook(form).worksheets[0].title
        address = find_cell(form, sheet, kode, _header(key))
        type_in_libreoffice(form, form, [(sheet, address, str(typed))])
    else:
        _type_excel(form, kode, key, typed)
    set_status(form, "Final")


def _rekap(master: Path, folder: Path) -> tuple[int, dict[str, object]]:
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--json"])  # the period from the forms
    return run.exit_code, json.loads(run.stdout)


def _receipt_rows(path: Path) -> int:
    ws = load_workbook(path).worksheets[0]
    [total] = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("Jumlah:")]
    return int(total.split()[1])


@pytest.mark.libreoffice
def test_a_year_of_forms_counts_who_returned_each_quarter(tmp_path: Path) -> None:
    master = tmp_path / "Kinerja Kaliwates 2025.xlsx"
    build_workbook(PROFIL, INDICATORS, Settings(periode_aktif=Periode.TW1, daftar_penanggung_jawab=PJ)).save(master)
    held: dict[str, list[Decimal | None]] = {i.kode: [None] * 4 for i in INDICATORS}
    for periode, returns in YEAR.items():
        folder = tmp_path / f"Formulir {periode.value}"
        run = runner.invoke(app, ["formulir", str(master), "--periode", periode.value, "--keluar", str(folder)])
        assert run.exit_code == 0, run.output
        code, payload = _rekap(master, folder)  # right after handing out: nothing is back
        assert code == 0 and payload["formulir"] == 0 and len(payload["belum_kembali"]) == len(PJ)
        for pj, (how, typed, _) in returns.items():
            _return(_form(folder, periode, pj), periode, pj, how, typed)
        if periode is Periode.TW3:  # 0,7 typed for 70 %: refused, named; the Kasi corrects it
            form = _form(folder, periode, KEU)
            fill_form(form, {KODE[KEU]: {"r3": 0.7}})
            code, payload = _rekap(master, folder)
            assert code == 2
            [wrong] = [p for p in payload["masalah"] if p["tingkat"] == "galat"]
            assert wrong["file"] == form.name and "mungkin maksudnya 70%" in wrong["pesan"]
            fill_form(form, {KODE[KEU]: {"r3": 70}})
        code, payload = _rekap(master, folder)
        assert code == 0, payload["masalah"]
        missing = [pj for pj in PJ if pj not in returns]
        assert payload["periode"] == periode.value and payload["formulir"] == len(returns)
        assert sorted(payload["tanpa_formulir"]) == sorted(missing)
        assert sorted(payload["belum_kembali"]) == sorted(_form(folder, periode, pj).name for pj in missing)
        report = laporan_pengumpulan(master, [folder], periode, out_dir=tmp_path / "laporan")
        h = report.hasil
        assert sorted(d.penanggung_jawab for d in h.diterima) == sorted(returns)
        assert all(d.status == "Final" for d in h.diterima)
        assert sorted(pj for pj, _ in h.belum_masuk) == sorted(missing)
        receipt, _ = tanda_terima(master, folder, periode, overwrite=True)
        assert _receipt_rows(receipt) == len(h.diterima) + len(h.belum_masuk) == len(PJ)
        for pj, (_, _, value) in returns.items():
            held[KODE[pj]][periode.number - 1] = value
        assert {i.kode: list(i.realisasi_tw) for i in load(master).indicators} == held
