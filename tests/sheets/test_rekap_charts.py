"""Rekap's charts drawn by both interpreters of ``sheets.results.rekap_charts`` are the same chart.

``kinerja hitung`` writes them as XML (``adapters.xlsx.chart_xml``, in the zip patch); every openpyxl
save redraws them (``adapters.openpyxl.results.add_bar_chart``). Both files are read back as XML:
bar direction, title, series titles, category and value ranges, legend, anchor cell and size agree.
LibreOffice opens the patched file and prints the charts' titles.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from xlwings_app.adapters.xlsx.master import apply_to_workbook
from xlwings_app.services.hitung import hitung, results_change
from xlwings_app.sheets.results import rekap_charts

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"


def _text(el: etree._Element | None) -> str | None:
    return None if el is None else "".join(el.itertext())


def _rekap_parts(path: Path) -> tuple[etree._Element, list[etree._Element]]:
    """Rekap's drawing and its charts (in the drawing's order)."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        rid = etree.fromstring(wb.encode()).xpath(
            "//*[local-name()='sheet'][@name='Rekap']/@*[local-name()='id']"
        )[0]
        sheet = "xl/" + next(r.get("Target") for r in rels if r.get("Id") == rid).lstrip("/").removeprefix("xl/")

        def rel_targets(part: str) -> dict[str, str]:
            folder, name = part.rsplit("/", 1)
            root = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
            out = {}
            for r in root:
                t = r.get("Target")
                out[r.get("Id")] = t.lstrip("/") if t.startswith("/") else f"{folder.rsplit('/', 1)[0]}/{t.removeprefix('../')}"
            return out

        drawing = next(iter(rel_targets(sheet).values()))
        charts = rel_targets(drawing)
        root = etree.fromstring(z.read(drawing))
        ids = [el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") for el in root.iter(f"{C}chart")]
        return root, [etree.fromstring(z.read(charts[i])) for i in ids]


def _summary(path: Path) -> list[dict[str, object]]:
    drawing, charts = _rekap_parts(path)
    anchors = list(drawing.iter(f"{XDR}oneCellAnchor"))
    out = []
    for anchor, chart in zip(anchors, charts, strict=True):
        title = chart.find(f"{C}chart/{C}title")
        out.append({
            "dir": chart.find(f".//{C}barDir").get("val"),
            "title": _text(title),
            "series": [
                (_text(s.find(f"{C}tx//{C}f")), _text(s.find(f"{C}cat//{C}f")).replace("$", ""),
                 _text(s.find(f"{C}val//{C}f")).replace("$", ""))
                for s in chart.iter(f"{C}ser")
            ],
            "value_axis": _text(chart.find(f".//{C}valAx/{C}title")),
            "legend": chart.find(f"{C}chart/{C}legend") is not None,
            "at": (anchor.findtext(f"{XDR}from/{XDR}col"), anchor.findtext(f"{XDR}from/{XDR}row")),
            "size": (anchor.find(f"{XDR}ext").get("cx"), anchor.find(f"{XDR}ext").get("cy")),
        })  # fmt: skip
    return out


def _normal(summary: list[dict[str, object]]) -> list[dict[str, object]]:
    """Series titles as plain references ("'Rekap'!B5" and "'Rekap'!$B$5:$B$5" are the same cell)."""
    for chart in summary:
        chart["series"] = [
            (t.replace("$", "").split(":")[0] if t else t, cat, val)  # type: ignore[union-attr]
            for t, cat, val in chart["series"]  # type: ignore[attr-defined]
        ]
    return summary


def test_patch_and_openpyxl_draw_the_same_rekap_charts(example_path: Path, tmp_path: Path) -> None:
    patched, saved = tmp_path / "patch.xlsx", tmp_path / "openpyxl.xlsx"
    shutil.copy2(example_path, patched)
    result = hitung(patched)
    assert result.valid
    wb = load_workbook(example_path)
    apply_to_workbook(wb, results_change(hitung(example_path, tulis=False)))
    from xlwings_app.adapters.openpyxl.charts import restore_charts

    restore_charts(wb)
    wb.save(saved)
    mine, theirs = _normal(_summary(patched)), _normal(_summary(saved))
    assert len(mine) == 2
    assert mine == theirs
    assert mine[0]["title"] == "Jumlah Indikator per Predikat" and mine[0]["legend"]
    assert mine[1]["dir"] == "bar" and not mine[1]["legend"]


def test_no_count_no_chart() -> None:
    assert rekap_charts(lambda row, col: None) == []


@pytest.mark.libreoffice
def test_libreoffice_draws_the_patched_charts(example_path: Path, tmp_path: Path) -> None:
    patched = tmp_path / "contoh.xlsx"
    shutil.copy2(example_path, patched)
    hitung(patched)
    out = tmp_path / "ods"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "ods", "--outdir", str(out), str(patched)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with zipfile.ZipFile(out / "contoh.ods") as z:
        objects = [n for n in z.namelist() if n.startswith("Object") and n.endswith("content.xml")]
        texts = " ".join(z.read(n).decode() for n in objects)
    assert "Jumlah Indikator per Predikat" in texts and "Rata-rata Capaian per Sasaran (%)" in texts
