"""Builders for the SOP adapter, service and CLI tests: workbooks made from literal values."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.model import Sop
from xlwings_app.sheets.sop_layout import LOG_HEADERS, SHEET_LOG


def plain_workbook(path: Path, tahun: int | None = 2024) -> Path:
    """A workbook with only a Profil sheet (Tahun in B3), as a Kinerja workbook before SOP sheets."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Profil"
    if tahun is not None:
        ws["A3"], ws["B3"] = "Tahun *", tahun
    wb.save(path)
    return path


def sop_workbook(path: Path, sop: Sop, tahun: int = 2024) -> Path:
    wb = Workbook()
    add_sop_sheets(wb, sop, tahun)
    wb.save(path)
    return path


def edit(path: Path, change: Callable[[Workbook], None]) -> None:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def log_column(header: str) -> int:
    return LOG_HEADERS.index(header) + 1


def fill_log(path: Path, rows: list[tuple[object, ...]], first_row: int = 5) -> None:
    """Write (periode, langkah, pelaksana, mulai, selesai, catatan) rows into Log Langkah."""

    def change(wb: Workbook) -> None:
        ws: Worksheet = wb[SHEET_LOG]
        for offset, (periode, langkah, pelaksana, mulai, selesai, catatan) in enumerate(rows):
            row = first_row + offset
            values = {"Periode": periode, "Langkah": langkah, "Pelaksana": pelaksana,
                      "Mulai": mulai, "Selesai": selesai, "Catatan": catatan}  # fmt: skip
            for header, value in values.items():
                ws.cell(row, log_column(header), value)
        table = ws.tables["TabelLogLangkah"]
        table.ref = f"A4:H{max(first_row + len(rows) - 1, 5)}"

    edit(path, change)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def example_profil() -> Profil:
    """Sheets Profil and Pejabat of the example unit (Kecamatan Lumajang) as read."""
    from xlwings_app.samples import example

    p = example.PROFIL
    return Profil(
        kabupaten=str(p["kabupaten"]), unit=str(p["unit"]), alamat=str(p["alamat"]), tahun=2024,
        penandatangan=Pejabat(str(p["ttd_jabatan"]), str(p["ttd_nama"]), str(p["ttd_pangkat"]), str(p["ttd_nip"])),
        pengelola=Pejabat(str(p["pengelola_jabatan"]), str(p["pengelola_nama"]), "", str(p["pengelola_nip"])),
        tempat=str(p["tempat"]), pejabat=example.PEJABAT,
    )  # fmt: skip


def libreoffice_resave(path: Path, work: Path) -> Path:
    """``path`` opened and saved again by headless LibreOffice Calc (as .xlsx), in place."""
    import shutil
    import subprocess

    out = work / "lo-out"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(work / 'lo-profil').as_uri()}", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=240)  # fmt: skip
    shutil.move(out / path.name, path)
    return path


def type_profil(path: Path, values: dict[str, object], pejabat: list[tuple[str, str, str, str]]) -> None:
    """Type sheet Profil's values (by label in column A) and the rows of sheet Pejabat (jabatan, nama,
    NIP, pangkat) into a workbook, as a user does in Excel."""
    from xlwings_app.sheets import layout as L

    labels = {field.label: field.key for field in L.layout().profil}

    def change(wb: Workbook) -> None:
        ws = wb["Profil"]
        for row in ws.iter_rows(max_row=60):
            label = str(row[0].value or "").rstrip(" *")
            key = labels.get(label)
            if key in values:
                ws.cell(row[0].row, 2, values[key])
        sheet = wb["Pejabat"]
        header = next(r[0].row for r in sheet.iter_rows(max_row=20) if r[0].value == "Jabatan")
        columns = {str(c.value): c.column for c in sheet[header] if c.value}
        for offset, (jabatan, nama, nip, pangkat) in enumerate(pejabat, start=1):
            for title, value in (("Jabatan", jabatan), ("Nama", nama), ("NIP", nip), ("Pangkat/Golongan", pangkat)):
                if title in columns:
                    sheet.cell(header + offset, columns[title], value).data_type = "s"

    edit(path, change)
