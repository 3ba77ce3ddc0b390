"""No word broken mid-word in a narrow column: every table column of a shipped template that prints
names (indicators, sasaran, units, officials, SOP steps) is wide enough for a long Indonesian word
("penyelenggaraan", 15 letters) at the size it is printed, within the table's 1 mm cell margins.
LibreOffice and Word break a word longer than its column anywhere ("penyelenggara/an"), and no
hyphenation dictionary for Indonesian can be counted on."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import ImageFont

from xlwings_app.resources import resource_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG_WORD = "penyelenggaraan"
PROSE = re.compile(r"\{\{\s*\w+\.(nama|unit|sasaran|penanggung_jawab|pelaksana|kegiatan)\s*\}\}")
TWIPS_PER_MM = 56.7


def _font(bold: bool) -> ImageFont.FreeTypeFont:
    style = "Liberation Sans:bold" if bold else "Liberation Sans"  # Arial's metric twin
    path = subprocess.run(["fc-match", "-f", "%{file}", style], capture_output=True, text=True, check=True).stdout
    return ImageFont.truetype(path, 1000)


DEFAULT_MARGIN_TWIPS = 108  # Word's cell margin, left and right, when a table sets none (1,9 mm)


def needed_mm(size_pt: float, bold: bool = False, margins_mm: float = 2) -> float:
    """The width of ``LONG_WORD`` at ``size_pt`` plus the cell margins (the templates' 1 mm a side)."""
    return _font(bold).getlength(LONG_WORD) / 1000 * size_pt * 25.4 / 72 + margins_mm


def narrow_prose_cells(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    found = []
    for table in root.iter(f"{W}tbl"):
        grid = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        sides = {side: table.find(f"{W}tblPr/{W}tblCellMar/{W}{side}") for side in ("left", "right")}
        margins = sum(int(m.get(f"{W}w")) if m is not None else DEFAULT_MARGIN_TWIPS for m in sides.values())
        for row in table.findall(f"{W}tr"):
            column = 0
            for cell in row.findall(f"{W}tc"):
                span = cell.find(f"{W}tcPr/{W}gridSpan")
                width = sum(grid[column:column + (int(span.get(f"{W}val")) if span is not None else 1)])
                column += int(span.get(f"{W}val")) if span is not None else 1
                text = "".join(t.text or "" for t in cell.iter(f"{W}t"))
                if not PROSE.search(text):
                    continue
                sizes = [int(s.get(f"{W}val")) / 2 for s in cell.iter(f"{W}sz")] or [11.0]
                bold = any(b.get(f"{W}val", "1") not in ("0", "false") for b in cell.iter(f"{W}b"))
                if width / TWIPS_PER_MM < needed_mm(max(sizes), bold, margins / TWIPS_PER_MM):
                    found.append(f"{docx.name}: {text.strip()} {width / TWIPS_PER_MM:.1f} mm")
    return found


@pytest.mark.parametrize("template", sorted(p.name for p in resource_dir("report_templates").glob("*.docx")))
def test_every_column_of_names_holds_a_long_word_whole(template: str) -> None:
    assert narrow_prose_cells(resource_dir("report_templates") / template) == []


@pytest.mark.libreoffice
def test_the_printed_document_keeps_long_words_whole(tmp_path: Path) -> None:
    from dataclasses import replace

    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.samples import example
    from xlwings_app.services.laporan import laporan

    sasaran = "Meningkatnya kualitas penyelenggaraan pelayanan Dispendukcapil"
    indicators = [replace(i, sasaran=sasaran, nama=f"{i.nama} penyelenggaraan") if i.kode == "IKU-01" else i
                  for i in example.INDICATORS]  # fmt: skip
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, indicators, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    doc = laporan(path, tmp_path / "out", pdf=True, log=False)
    assert doc.pdf is not None
    text = subprocess.run(["pdftotext", str(doc.pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = text.split()
    assert words.count("penyelenggaraan") >= 2 and "Dispendukcapil" in words  # never "penyelenggara" + "an"
    assert "penyelenggara" not in words and "Dispendukca" not in words
