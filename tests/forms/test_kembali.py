"""Returned versus distributed: only a form its filler saved after distribution is "masuk".

The README's one-folder layout: ``kinerja formulir FILE --keluar formulir/``, each returned form saved
over its blank under the same name, ``kinerja rekap FILE formulir/``. The blank forms still in the
folder are "dibagikan, belum kembali": the rekap, the Laporan Hasil Pengumpulan and the Tanda Terima
agree on how many were handed out, how many came back and who has not returned one.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.forms.conftest import TW4, find_cell
from tests.lo_typing import type_in_libreoffice
from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
from xlwings_app.adapters.openpyxl.form_reader import read_forms
from xlwings_app.adapters.xlsx.core_properties import last_saved
from xlwings_app.cli import app
from xlwings_app.forms.kembali import FINGERPRINT_KEY, KINERJA, kembali
from xlwings_app.forms.meta import HEADER_KEYS, compute_checksum
from xlwings_app.samples import example
from xlwings_app.services.laporan_pengumpulan import laporan_pengumpulan
from xlwings_app.services.rekap import rekap
from xlwings_app.services.tanda_terima import tanda_terima

runner = CliRunner()
TRANTIB, KEU, PEL = example.KASI_TRANTIB, example.KASUBAG_KEU, example.KASI_PEL


def _one(path: Path) -> object:
    [form], problems = read_forms(path)
    assert not [p for p in problems if p.is_error]
    return form


def _saved_by(path: Path, who: str | None, when: datetime) -> None:
    """Rewrite the file's core properties as a program's save does (name of the saver, the moment)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    core = parts["docProps/core.xml"].decode("utf-8")
    core = re.sub(r"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>", "", core)
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\g<2>", core)
    if who is not None:
        core = core.replace("</cp:coreProperties>", f"<cp:lastModifiedBy>{who}</cp:lastModifiedBy></cp:coreProperties>")
    parts["docProps/core.xml"] = core.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_form_as_handed_out_is_not_back_and_kinerja_is_its_last_saver(forms: dict[str, Path]) -> None:
    form = _one(forms[KEU])
    assert form.meta.get(FINGERPRINT_KEY) and form.disimpan is not None and form.disimpan.oleh == KINERJA
    assert not kembali(form)


@pytest.mark.parametrize("edit", ["realisasi", "text", "status", "target"])
def test_anything_typed_chosen_or_edited_brings_it_back(forms: dict[str, Path], edit: str) -> None:
    path = forms[TRANTIB]
    if edit == "status":
        set_status(path, "Final")
    else:
        key = {"realisasi": "r4", "text": "keterangan", "target": "t4"}[edit]
        fill_form(path, {"IKU-06": {key: "data dari Polsek" if edit == "text" else 9}})
    assert kembali(_one(path))


@pytest.mark.parametrize(("who", "later", "back"), [
    ("Pak Budi", timedelta(0), True),  # Excel writes the saver's name
    ("", timedelta(0), True),  # LibreOffice without a user name writes an empty one
    (None, timedelta(0), True),
    (KINERJA, timedelta(hours=3), True),  # a program that kept the name: the moment tells
    (KINERJA, timedelta(seconds=30), False),  # Kinerja's own writing moment
])  # fmt: skip
def test_a_save_by_a_program_brings_it_back_unchanged(forms: dict[str, Path], who: str | None,
                                                      later: timedelta, back: bool) -> None:  # fmt: skip
    path = forms[PEL]
    made = datetime.fromisoformat(_one(path).meta.get("dibuat")).astimezone()
    _saved_by(path, who, made + later)
    saved = last_saved(path)
    assert saved.oleh == who and saved.waktu == (made + later).replace(microsecond=0).astimezone(UTC)
    assert kembali(_one(path)) is back


def test_a_form_made_before_the_fingerprint_counts_as_back(forms: dict[str, Path]) -> None:
    form = _one(forms[KEU])
    fields = {k: v for k, v in form.meta.fields.items() if k != FINGERPRINT_KEY}
    assert kembali(replace(form, meta=replace(form.meta, fields=fields)))


def test_the_mark_of_a_form_without_the_fingerprint_is_the_one_it_had(forms: dict[str, Path]) -> None:
    """The fingerprint is covered by the mark only when present: an older form's mark still matches."""
    import hashlib

    meta = _one(forms[KEU]).meta
    older = replace(meta, fields={k: v for k, v in meta.fields.items() if k != FINGERPRINT_KEY})
    payload = {"form_id": older.form_id, "sheet": older.sheet, "fields": {k: older.fields.get(k, "") for k in HEADER_KEYS},
               "context": {k: dict(v) for k, v in older.context.items()}}  # fmt: skip
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert compute_checksum(older) == hashlib.sha256(text).hexdigest()
    assert compute_checksum(meta) != compute_checksum(older)


def _counts(master: Path, folder: Path) -> tuple[int, int, int, list[str]]:
    """(masuk, belum kembali, tanpa formulir) from ``kinerja rekap --json``, and the belum kembali files."""
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--periode", "TW4", "--json"])
    assert run.exit_code == 0, run.output
    payload = json.loads(run.stdout)
    return payload["formulir"], len(payload["belum_kembali"]), len(payload["tanpa_formulir"]), payload["belum_kembali"]


def _receipt_rows(path: Path) -> int:
    ws = load_workbook(path).worksheets[0]
    [total] = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("Jumlah:")]
    return int(total.split()[1])


def test_the_readme_one_folder_layout_counts_only_returned_forms(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    folder = forms[KEU].parent
    fill_form(forms[TRANTIB], {"IKU-06": {"r4": 9}, "IKU-07": {"r4": 0}})
    set_status(forms[TRANTIB], "Final")
    fill_form(forms[KEU], {"IKU-05": {"r4": 2}, "IKI-KEU-01": {"r4": 96}})  # still Draf
    masuk, blank, tanpa, files = _counts(master, folder)
    assert (masuk, blank, tanpa) == (2, 6, 6)
    assert forms[TRANTIB].name not in files and forms[KEU].name not in files
    report = laporan_pengumpulan(master, [folder], TW4, out_dir=tmp_path / "laporan")
    h = report.hasil
    assert sorted(d.penanggung_jawab for d in h.diterima) == sorted([TRANTIB, KEU])
    assert {d.penanggung_jawab: d.status for d in h.diterima} == {TRANTIB: "Final", KEU: "Draf"}
    assert len(h.belum_masuk) == 6 and PEL in [pj for pj, _ in h.belum_masuk]
    receipt, _ = tanda_terima(master, folder, TW4, overwrite=True)
    assert _receipt_rows(receipt) == len(h.diterima) + len(h.belum_masuk) == len(example.PENANGGUNG_JAWAB)
    run = runner.invoke(app, ["laporan-pengumpulan", str(master), str(folder), "--periode", "TW4",
                              "--keluar", str(tmp_path / "laporan")])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert "2 formulir masuk, 6 belum masuk" in run.output


@pytest.mark.libreoffice
def test_a_form_returned_through_libreoffice_and_a_blank_one_it_only_converted(
    master: Path, forms: dict[str, Path], tmp_path: Path
) -> None:
    """Typed and saved in LibreOffice: back. Converted by LibreOffice untouched (a batch conversion,
    no person saved it): its saver and moment stay Kinerja's, its cells as handed out: not back."""
    folder = tmp_path / "kembali"
    path = forms[TRANTIB]
    sheet = load_workbook(path).worksheets[0].title
    type_in_libreoffice(path, folder / path.name, [(sheet, find_cell(path, sheet, "IKU-06", "Realisasi TW IV"), "9")])
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profil').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(forms[PEL])],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    returned, converted = _one(folder / path.name), _one(folder / forms[PEL].name)
    assert "LibreOffice" in zipfile.ZipFile(folder / forms[PEL].name).read("docProps/app.xml").decode()
    assert kembali(returned) and not kembali(converted)
    result = rekap(master, [folder], TW4)
    assert result.valid and result.konsolidasi.jumlah_formulir == 1 and len(result.perubahan) == 1
    assert [f.file for f in result.konsolidasi.belum_kembali] == [forms[PEL].name]


def test_a_form_returned_as_ods_beside_its_blank_is_named_by_rekap_and_laporan(
    master: Path, forms: dict[str, Path], tmp_path: Path
) -> None:
    """The Kasi saved the form as OpenDocument; the blank .xlsx of the same name is still there."""
    folder = forms[KEU].parent
    ods = forms[PEL].with_suffix(".ods")
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    fill_form(forms[TRANTIB], {"IKU-06": {"r4": 9}})
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--periode", "TW4", "--json"])
    assert run.exit_code == 2
    payload = json.loads(run.stdout)
    [wrong] = [p for p in payload["masalah"] if p["tingkat"] == "galat"]
    assert wrong["file"] == ods.name and "OpenDocument (.ods)" in wrong["pesan"]
    assert forms[PEL].name in payload["belum_kembali"] and payload["formulir"] == 1
    run = runner.invoke(app, ["laporan-pengumpulan", str(master), str(folder), "--periode", "TW4",
                              "--keluar", str(tmp_path / "laporan")])  # fmt: skip
    assert run.exit_code == 2 and ods.name in run.output
    assert not (tmp_path / "laporan").exists() or not any((tmp_path / "laporan").iterdir())
