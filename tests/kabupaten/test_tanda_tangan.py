"""The kabupaten recomputes an archive's code signed as its manifest says the document was (issue 25,
item 1): a manifest whose signing date was rewritten no longer verifies."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import Keadaan, keadaan
from xlwings_app.services.contoh_kabupaten import seal, unit_workbook
from xlwings_app.services.kabupaten_sumber import read_kiriman
from xlwings_app.services.laporan import document_code, load_workbook


def _with_manifest(archive: Path, out: Path, **changes: object) -> Path:
    with zipfile.ZipFile(archive) as zf, zipfile.ZipFile(out, "w") as new:
        for item in zf.infolist():
            data = zf.read(item)
            if item.filename == "manifest.json":
                data = json.dumps({**json.loads(data), **changes}).encode()
            new.writestr(item, data)
    return out


def test_an_archive_verifies_with_its_signing_date_and_not_with_another(tmp_path: Path) -> None:
    book = unit_workbook(tmp_path / "unit.xlsx", "Kecamatan Tanda", 4, 77)
    paper = document_code(load_workbook(book), Periode.TW2)
    archive = seal(book, Periode.TW2, tmp_path / "kiriman")
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert (manifest["format"], manifest["tanggal_penandatanganan"]) == (2, "2024-07-15")
    kiriman = read_kiriman(archive, Periode.TW2)
    assert kiriman.kode == kiriman.kode_segel == paper  # type: ignore[union-attr]
    assert keadaan(kiriman, paper) == (Keadaan.FINAL, [])  # type: ignore[arg-type]
    redated = read_kiriman(_with_manifest(archive, tmp_path / "lain.zip", tanggal_penandatanganan="2024-07-16"),
                           Periode.TW2)  # fmt: skip
    assert redated.kode != paper  # type: ignore[union-attr]
    assert keadaan(redated, paper)[0] is Keadaan.TIDAK_COCOK  # type: ignore[arg-type]
