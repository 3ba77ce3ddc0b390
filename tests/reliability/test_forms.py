"""Forms that come back forged or in another format (defects 2 and 18 of the third probe).

A form's integrity mark is keyed by a secret only the master holds, so a form edited outside its cells
(metadata rewritten, rows added, its checksum recomputed) is detected; every row's indicator must
belong to the form's penanggung jawab as the master says. Spreadsheet files in a forms folder that are
no .xlsx are named, and ``*.XLSX`` is read like ``*.xlsx``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.reliability.conftest import files_of, kinerja
from xlwings_app.adapters.openpyxl.form_fill import fill_form
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.forms.meta import HEADER_KEYS, context_of, from_rows
from xlwings_app.forms.spec import form_columns, spec
from xlwings_app.samples import example

TW2 = Periode.TW2
A, B = example.KASI_PEM, example.KASI_PEL
"""The forger (Kasi Pemerintahan) and the official whose indicator is taken (Kasi Pelayanan Umum)."""


@pytest.fixture
def forms(master: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "Formulir TW2"
    run = kinerja("formulir", master, "-p", "TW2", "--keluar", folder)
    assert run.exit_code == 0, run.output
    return folder


def form_of(folder: Path, pj: str) -> Path:
    return folder / f"Formulir TW2 - {pj}.xlsx"


def plain_sha256(fields: dict[str, str], form_id: str, sheet: str, context: dict[str, dict[str, str]]) -> str:
    """The checksum anyone can recompute: SHA-256 over the metadata (the forms' mark before keys)."""
    payload = {"form_id": form_id, "sheet": sheet, "fields": {k: fields.get(k, "") for k in HEADER_KEYS},
               "context": context}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rewrite_meta(path: Path, edit_fields: dict[str, str] | None = None, add_row: str | None = None,
                 value: object = None) -> None:
    """Edit a form outside its cells as a forger with openpyxl would: the metadata's fields, optionally
    one more indicator row (``add_row``: its kode, from the master) with ``value`` as the period's
    realisasi, then the checksum recomputed the only way the forger can."""
    wb = load_workbook(path)
    meta_ws = wb[spec().meta_sheet]
    rows = [tuple(c.value for c in row) for row in meta_ws.iter_rows(min_row=2)]
    [meta] = from_rows(rows)
    fields = {**meta.fields, **(edit_fields or {})}
    context = {k: dict(v) for k, v in meta.context.items()}
    ws = wb[meta.sheet]
    if add_row is not None:
        indicator = next(i for i in example.INDICATORS if i.kode == add_row)
        context[add_row] = context_of(indicator, TW2)
        columns = form_columns(TW2)
        last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value)
        for col, column in enumerate(columns, start=1):
            if column.role in ("konteks",):
                text = context[add_row].get(column.key, "")
                ws.cell(last + 1, col).value = float(text) if text.replace(".", "", 1).isdigit() else text
            elif column.role == "realisasi":
                ws.cell(last + 1, col).value = value
    checksum = plain_sha256(fields, meta.form_id, meta.sheet, context)
    meta_ws.delete_rows(2, meta_ws.max_row)
    for key in HEADER_KEYS:
        meta_ws.append([meta.form_id, meta.sheet, key, fields.get(key, "")])
    for kode, values in context.items():
        meta_ws.append([meta.form_id, meta.sheet, f"konteks:{kode}", json.dumps(values, ensure_ascii=False, sort_keys=True)])
    meta_ws.append([meta.form_id, meta.sheet, "checksum", checksum])
    wb.save(path)


def realisasi(master: Path, kode: str) -> object:
    data = read_workbook(master)
    return next(i for i in data.indicators if i.kode == kode).realisasi_tw[1]


def test_a_forged_form_cannot_write_another_officials_indicator(master: Path, forms: Path) -> None:
    target = "IKI-PEL-02"
    assert next(i for i in example.INDICATORS if i.kode == target).penanggung_jawab == B
    before = master.read_bytes()
    rewrite_meta(form_of(forms, A), add_row=target, value=99)
    run = kinerja("rekap", master, form_of(forms, A), "-p", "TW2")  # the forged form comes in first
    assert run.exit_code == 2, run.output
    assert form_of(forms, A).name in run.output
    assert master.read_bytes() == before
    assert realisasi(master, target) != 99


def test_a_row_of_another_official_is_named_with_its_form_and_row(master: Path, forms: Path) -> None:
    """The master gave one of the form's indicators to another official after the forms went out:
    the row is refused, named by its form and row, saying whose it is now."""
    from dataclasses import replace

    from xlwings_app.adapters.openpyxl.form_fill import set_status
    from xlwings_app.adapters.openpyxl.form_reader import read_forms
    from xlwings_app.forms.consolidate import consolidate

    set_status(form_of(forms, A), "Final")  # it came back: a blank form delivers nothing to refuse
    [form], _ = read_forms(form_of(forms, A))
    first = form.rows[0]
    data = read_workbook(master)
    indicators = [replace(i, penanggung_jawab=B) if i.kode == first.kode else i for i in data.indicators]
    result = consolidate([form], indicators, "Kecamatan Lumajang", 2024, TW2, _master_key(master))
    wrong = [p for p in result.problems if p.is_error]
    assert [(p.file, p.baris) for p in wrong] == [(form.file, first.baris)]
    assert B in wrong[0].pesan and A in wrong[0].pesan


def _master_key(master: Path) -> bytes | None:
    from xlwings_app.services.master import using
    from xlwings_app.services.rekap import form_key

    with using(master) as m:
        return form_key(m)


def test_a_form_whose_metadata_was_rewritten_is_detected(master: Path, forms: Path) -> None:
    """Fields no other check reads (when and from which file the form was made) rewritten with the
    checksum recomputed: only a mark keyed by the master's secret tells."""
    fill_form(form_of(forms, A), {"IKI-PEM-01": {"r2": 4}})
    rewrite_meta(form_of(forms, A), edit_fields={"sumber": "lain.xlsx", "dibuat": "2024-01-01T00:00:00"})
    before = master.read_bytes()
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 2, run.output
    assert form_of(forms, A).name in run.output
    assert master.read_bytes() == before


def test_a_form_made_from_another_master_is_refused(master: Path, forms: Path, tmp_path: Path) -> None:
    from tests.reliability.conftest import build_master

    other = build_master(tmp_path / "lain" / "kinerja.xlsx")
    assert kinerja("formulir", other, "-p", "TW2", "--keluar", tmp_path / "lain" / "F").exit_code == 0
    shutil.copy(form_of(tmp_path / "lain" / "F", A), form_of(forms, A))
    fill_form(form_of(forms, A), {"IKI-PEM-01": {"r2": 4}})
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 2, run.output
    assert form_of(forms, A).name in run.output


def test_the_masters_secret_is_not_in_any_form(master: Path, forms: Path) -> None:
    key = _master_key(master)
    assert key is not None and len(key) >= 32
    for form in forms.glob("*.xlsx"):
        import zipfile

        with zipfile.ZipFile(form) as z:
            blob = b"".join(z.read(n) for n in z.namelist())
        assert key.hex().encode() not in blob and key not in blob


def test_a_genuine_form_still_goes_in(master: Path, forms: Path) -> None:
    fill_form(form_of(forms, A), {"IKI-PEM-01": {"r2": 4}})
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 0, run.output
    assert str(realisasi(master, "IKI-PEM-01")) == "4"


def test_a_form_of_before_the_key_is_accepted_with_a_notice(master: Path, forms: Path) -> None:
    """A master whose forms went out before this version (no key in it, each form's mark the plain
    SHA-256): its forms are taken, with a notice to hand out new ones."""
    key_sheet = spec().kunci_sheet
    wb = load_workbook(master)
    if key_sheet in wb.sheetnames:
        del wb[key_sheet]
    wb.save(master)
    for form in forms.glob("Formulir TW2 - *.xlsx"):
        rewrite_meta(form)  # the old mark: plain SHA-256
    fill_form(form_of(forms, A), {"IKI-PEM-01": {"r2": 4}})
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 0, run.output
    assert "tanda keaslian" in run.output
    assert str(realisasi(master, "IKI-PEM-01")) == "4"


def test_a_plain_mark_is_refused_once_the_master_has_a_key(master: Path, forms: Path) -> None:
    rewrite_meta(form_of(forms, A))  # the mark anyone can recompute, on a form of a keyed master
    before = master.read_bytes()
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 2, run.output
    assert master.read_bytes() == before


def test_lembar_inside_the_master_is_still_recapped(master: Path) -> None:
    assert kinerja("lembar", master, "-p", "TW2").exit_code == 0
    run = kinerja("rekap", master, "--lembar", "-p", "TW2")
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("suffix", [".XLSX", ".Xlsx"])
def test_a_form_named_in_capitals_is_read(master: Path, forms: Path, suffix: str) -> None:
    path = form_of(forms, A)
    fill_form(path, {"IKI-PEM-01": {"r2": 4}})
    path.rename(path.with_suffix(suffix))
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 0, run.output
    assert str(realisasi(master, "IKI-PEM-01")) == "4"
    assert A not in run.output.split("Formulir belum masuk dari:")[-1].split("\n")[0]


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".xlsb", ".numbers", ".fods", ".XLS"])
def test_a_form_saved_in_another_format_is_named(master: Path, forms: Path, suffix: str) -> None:
    path = form_of(forms, A)
    converted = path.with_suffix(suffix)
    converted.write_bytes(b"PK\x03\x04 a spreadsheet saved as " + suffix.encode())
    path.unlink()
    before = files_of(master.parent)
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert converted.name in run.output
    assert "xlsx" in run.output.split(converted.name, 1)[1][:300].lower()
    assert run.exit_code == 2, run.output
    assert files_of(master.parent) == before


def test_tanda_terima_names_a_form_in_another_format(master: Path, forms: Path) -> None:
    form_of(forms, A).rename(form_of(forms, A).with_suffix(".ods"))
    run = kinerja("tanda-terima", master, forms, "-p", "TW2", "--timpa")
    assert form_of(forms, A).with_suffix(".ods").name in run.output


@pytest.mark.skipif(os.name == "nt", reason="Windows stores file names as UTF-16: no undecodable bytes")
def test_a_form_whose_name_is_not_utf8_is_read_and_named_readably(master: Path, forms: Path) -> None:
    """The kabupaten's rule for odd file names (defect 16) holds for forms too: read, shown with
    "\ufffd", written so into sheet Riwayat and the Tanda Terima."""
    fill_form(form_of(forms, A), {"IKI-PEM-01": {"r2": 4}})
    odd = os.fsdecode(bytes(forms) + b"/Formulir_\xff_" + A.encode() + b".xlsx")
    form_of(forms, A).rename(odd)
    run = kinerja("rekap", master, forms, "-p", "TW2")
    assert run.exit_code == 0, run.output
    assert str(realisasi(master, "IKI-PEM-01")) == "4"
    riwayat = load_workbook(master)["Riwayat"]
    assert any(f"Formulir_\ufffd_{A}.xlsx" in str(c) for row in riwayat.iter_rows(values_only=True) for c in row)
    run = kinerja("tanda-terima", master, forms, "-p", "TW2", "--timpa")
    assert run.exit_code == 0, run.output
