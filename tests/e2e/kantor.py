"""An office working through its year with Kinerja, for the year-long story test (test_tahun_penuh.py).

``Kantor`` is one unit's folder: its master workbook, the commands it runs (the real CLI, in process)
and what its people do by hand: typing sheet Profil, Pejabat, IKU and IKI into the workbook
``kinerja baru`` made (openpyxl standing in for Excel), filling and returning forms (in Excel, or in
LibreOffice itself: typed through the program, or saved again by it, or saved as .ods), and logging
the SOP steps only people do. Nothing here decides a rule: it types and runs, the test asserts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.lo_typing import type_in_libreoffice
from tests.services.forms.conftest import find_cell
from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
from xlwings_app.cli import app
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.sop_layout import LOG_HEADERS

runner = CliRunner()

EXCEL, LIBRE_KETIK, LIBRE_SIMPAN, ODS = "excel", "libreoffice-ketik", "libreoffice-simpan", "ods"
"""How a form comes back: typed in Excel (openpyxl, "95%" stored as 0.95 with a percent format when a
tuple ``(format, value)`` is given), typed in LibreOffice (the text as typed), typed in Excel then saved
again by LibreOffice, or saved by LibreOffice as OpenDocument (.ods) beside the blank form."""


REALISASI = ("r1", "r2", "r3", "r4")


@dataclass(frozen=True)
class Run:
    code: int
    output: str

    def json(self) -> Any:
        return json.loads(self.output)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def docx_text(path: Path) -> str:
    """Every paragraph of the body, its tables, headers and footers, as read back from the .docx."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def flat(text: str) -> str:
    return " ".join(text.split())


def zip_member_text(archive: Path, suffix: str, work: Path) -> str:
    """The text of the archive's first member ending in ``suffix`` (.docx or .pdf)."""
    with zipfile.ZipFile(archive) as z:
        name = next(n for n in z.namelist() if n.endswith(suffix))
        target = work / f"dari-arsip{suffix}"
        target.write_bytes(z.read(name))
    return docx_text(target) if suffix == ".docx" else pdf_text(target)


def libreoffice_save_as(path: Path, target_ext: str, work: Path) -> Path:
    """``path`` opened and saved by headless LibreOffice Calc as ``target_ext`` (xlsx: in place)."""
    out = work / "lo-keluar"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(work / 'lo-profil').as_uri()}", "--calc",
                    "--convert-to", target_ext, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=240)  # fmt: skip
    made = out / f"{path.stem}.{target_ext}"
    target = path.with_suffix(f".{target_ext}")
    shutil.move(made, target)
    return target


class Kantor:
    """One unit's folder: the master workbook and the commands and hands working on it."""

    def __init__(self, root: Path, master_name: str) -> None:
        self.root = root
        self.master = root / master_name
        self.docs = root / "dokumen"
        self.arsip = root / "arsip"

    # --- the commands -------------------------------------------------------------------------
    def run(self, *args: object) -> Run:
        result = runner.invoke(app, [str(a) for a in args])
        assert "Traceback" not in result.output, result.output
        return Run(result.exit_code, result.output)

    def ok(self, *args: object) -> Run:
        run = self.run(*args)
        assert run.code == 0, f"kinerja {' '.join(map(str, args))}\n{run.output}"
        return run

    def refused(self, *args: object) -> Run:
        run = self.run(*args)
        assert run.code == 2, f"kinerja {' '.join(map(str, args))}: expected a refusal\n{run.output}"
        return run

    # --- typing into the master ---------------------------------------------------------------
    def type_profil(self, values: Mapping[str, object], pejabat: Sequence[tuple[str, str, str, str]]) -> None:
        """Sheet Profil's values (by label in column A) and the rows of sheet Pejabat (jabatan, nama, NIP,
        pangkat), typed as a user does in Excel."""
        labels = {field.label: field.key for field in L.layout().profil}
        wb = load_workbook(self.master)
        ws = wb[L.SHEET_PROFIL]
        for row in ws.iter_rows(max_row=60):
            key = labels.get(str(row[0].value or "").rstrip(" *"))
            if key is not None and key in values:
                ws.cell(row[0].row, 2, values[key])
        sheet = wb["Pejabat"]
        header = next(r[0].row for r in sheet.iter_rows(max_row=20) if r[0].value == "Jabatan")
        columns = {str(c.value): c.column for c in sheet[header] if c.value}
        for offset, (jabatan, nama, nip, pangkat) in enumerate(pejabat, start=1):
            for title, value in (("Jabatan", jabatan), ("Nama", nama), ("NIP", nip), ("Pangkat/Golongan", pangkat)):
                sheet.cell(header + offset, columns[title], value).data_type = "s"
        wb.save(self.master)

    def type_indicators(self, rows: Sequence[Mapping[str, object]]) -> None:
        """Indicator rows (column key → value; ``jenis`` "IKU" or "IKI") typed into the tables' first rows."""
        wb = load_workbook(self.master)
        for jenis, table in L.layout().tables.items():
            ws = wb[table.sheet]
            header = next(r[0].row for r in ws.iter_rows(max_row=20) if r[0].value == "Kode")
            columns = {str(c.value): c.column for c in ws[header] if c.value}
            mine = [r for r in rows if r["jenis"] == jenis.value]
            for offset, values in enumerate(mine, start=1):
                for key, value in values.items():
                    if key != "jenis" and value is not None:
                        cell = ws.cell(header + offset, columns[table.column(key).header], value)
                        if isinstance(value, str):
                            cell.data_type = "s"
        wb.save(self.master)

    def type_cells(self, kode: str, values: Mapping[str, object]) -> None:
        """Cells of indicator ``kode``'s row (column key → value) typed into sheet IKU or IKI."""
        wb = load_workbook(self.master)
        for table in L.layout().tables.values():
            ws = wb[table.sheet]
            header = next(r[0].row for r in ws.iter_rows(max_row=20) if r[0].value == "Kode")
            columns = {str(c.value): c.column for c in ws[header] if c.value}
            for row in ws.iter_rows(min_row=header + 1, max_row=header + 60):
                if row[0].value == kode:
                    for key, value in values.items():
                        cell = ws.cell(row[0].row, columns[table.column(key).header], value)
                        if isinstance(value, str):
                            cell.data_type = "s"
        wb.save(self.master)

    def set_periode_aktif(self, periode: str) -> None:
        """Sheet Pengaturan's Periode aktif, chosen from its list (README: set each quarter)."""
        wb = load_workbook(self.master)
        ws = wb[L.SHEET_PENGATURAN]
        row = next(r for r in ws.iter_rows(max_row=20) if str(r[0].value or "").startswith("Periode aktif"))
        row[1].value = periode
        wb.save(self.master)

    def log_steps(self, sheet: str, periode: str, steps: Mapping[int, tuple[str, datetime, datetime]]) -> None:
        """The steps people did, typed into a Log sheet's rows of ``periode``: langkah → (pelaksana,
        mulai, selesai). Rows Kinerja stamped are left alone."""
        wb = load_workbook(self.master)
        ws = wb[sheet]
        header = next(r[0].row for r in ws.iter_rows(max_row=20) if r[0].value == LOG_HEADERS[0])
        col = {h: LOG_HEADERS.index(h) for h in LOG_HEADERS}
        for row in ws.iter_rows(min_row=header + 1):
            if str(row[col["Periode"]].value) != periode or row[col["Langkah"]].value not in steps:
                continue
            pelaksana, mulai, selesai = steps[int(row[col["Langkah"]].value)]
            row[col["Pelaksana"]].value, row[col["Mulai"]].value, row[col["Selesai"]].value = pelaksana, mulai, selesai
        wb.save(self.master)

    def edit_log_row(self, sheet: str, periode: str, langkah: int, cells: Mapping[str, object]) -> None:
        """A person corrects a Log row (header → value), e.g. types the real Mulai of a stamped step."""
        wb = load_workbook(self.master)
        ws = wb[sheet]
        header = next(r[0].row for r in ws.iter_rows(max_row=20) if r[0].value == LOG_HEADERS[0])
        for row in ws.iter_rows(min_row=header + 1):
            if str(row[0].value) == periode and row[1].value == langkah:
                for title, value in cells.items():
                    row[LOG_HEADERS.index(title)].value = value
        wb.save(self.master)

    # --- forms --------------------------------------------------------------------------------
    def form(self, periode: str, pj: str) -> Path:
        return self.root / f"Formulir {periode}" / f"Formulir {periode} - {pj}.xlsx"

    def return_form(self, periode: str, pj: str, how: str, values: Mapping[str, Mapping[str, object]],
                    status: str = "Final") -> Path:  # fmt: skip
        """The Kasi fills ``values`` (kode → column key → value typed) and saves the form over the
        blank one (same name, same folder), in the program ``how`` names; .ods is saved beside it."""
        form = self.form(periode, pj)
        if how == LIBRE_KETIK:  # the realisasi typed in LibreOffice; any analysis text written beforehand
            text = {kode: {k: v for k, v in cells.items() if k not in REALISASI} for kode, cells in values.items()}
            if any(text.values()):
                fill_form(form, text)
            sheet = load_workbook(form).worksheets[0].title
            entries = [(sheet, find_cell(form, sheet, kode, _header(key)), str(typed))
                       for kode, cells in values.items() for key, typed in cells.items() if key in REALISASI]  # fmt: skip
            set_status(form, status)
            type_in_libreoffice(form, form, entries)
            return form
        for kode, cells in values.items():
            for key, typed in cells.items():
                if isinstance(typed, tuple):  # "95%" typed in Excel: 0.95 stored with a percent format
                    fmt, value = typed
                    wb = load_workbook(form)
                    ws = wb.worksheets[0]
                    cell = ws[find_cell(form, ws.title, kode, _header(key))]
                    cell.value, cell.number_format = value, fmt
                    wb.save(form)
                else:
                    fill_form(form, {kode: {key: typed}})
        set_status(form, status)
        if how == LIBRE_SIMPAN:
            libreoffice_save_as(form, "xlsx", self.root)
        elif how == ODS:
            return libreoffice_save_as(form, "ods", self.root)
        return form

    # --- reading back -------------------------------------------------------------------------
    def log_rows(self, sheet: str, periode: str) -> dict[int, dict[str, object]]:
        """A Log sheet's rows of ``periode`` by langkah (the row's cells by header)."""
        ws = load_workbook(self.master, read_only=True)[sheet]
        rows = list(ws.iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r and r[0] == LOG_HEADERS[0])
        found: dict[int, dict[str, object]] = {}
        for r in rows[header + 1:]:
            cells = dict(zip(LOG_HEADERS, r, strict=False))
            if str(cells.get("Periode")) == periode and isinstance(cells.get("Langkah"), int):
                found[int(str(cells["Langkah"]))] = cells
        return found


def _header(key: str) -> str:
    from xlwings_app.domain.indicator import Jenis

    return L.layout().tables[Jenis.IKU].column(key).header
