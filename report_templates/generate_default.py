"""(Re)generate the default template ``pengukuran_kinerja.docx`` with python-docx.

The committed .docx is the source users edit in Word; run this only to start it afresh:
``.venv/bin/python report_templates/generate_default.py``. The layout: A4 portrait, kop (lambang daerah
``{{ lambang }}`` on the left, the text centred on the page) with a double rule, title, table grouped by Sasaran (No and Sasaran cells merged with ``{% vm %}``, header
repeated on every page, rows never split), summary (with, for a period short of the year, the progress toward the yearly target, and,
only when an indicator has a Target Akhir Renstra, the progress toward it), chart, analysis, budget (only when present),
and a signature block in a table row that cannot break across pages, its paragraphs kept together;
then, on a new page, the realisasi per triwulan. The SOP's timing is not on the signed page: it is
the Laporan Kepatuhan Waktu SOP of its own (``generate_sop.py``). The footer carries the verification code
and "Halaman X dari Y" (no generation time: the signed page is dated by its signing date, and the
time it was made goes to the archive's manifest).

It also writes ``rekapitulasi_kabupaten.docx`` (``kinerja kabupaten``: kop, summary, the units
table, the units not yet reporting, signature of Kepala Bappeda / Sekda), and
``pengukuran_kinerja_individu.docx``, the document of one official's IKI: the same
kop, table and summary, the analysis, and a two-column signature block ("Mengetahui", the head, on
the left; the official on the right, name and NIP as dotted lines to fill in by hand).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

OUT = Path(__file__).with_name("pengukuran_kinerja.docx")
FONT = "Arial"
HEADER_FILL = "D9E2F3"
CENTER, LEFT, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def para(container, text: str = "", *, bold: bool = False, size: float | None = None,
         align=LEFT, underline: bool = False, after: float = 0, keep: bool = False,
         italic: bool = False) -> Paragraph:
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(0)
    if keep:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    if text:
        run = p.add_run(text)
        run.bold, run.underline, run.italic = bold, underline, italic
        if size:
            run.font.size = Pt(size)
    return p


def cell_text(cell: _Cell, text: str, *, bold: bool = False, align=LEFT, size: float = 9) -> None:
    cell.paragraphs[0].text = ""
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def shade(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill))


def row_props(row: _Row, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(_el("w:cantSplit"))
    if header:
        tr_pr.append(_el("w:tblHeader"))


def table(doc, widths_mm: list[float], header: list[str] | None) -> Table:
    t = doc.add_table(rows=1 if header else 0, cols=len(widths_mm))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    margins = _el("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_el(f"w:{side}", w="57", type="dxa"))  # 1 mm: narrow columns keep their words
    t._tbl.tblPr.append(margins)
    for column, width in zip(t.columns, widths_mm, strict=True):
        column.width = Mm(width)
    if header:
        row = t.rows[0]
        row_props(row, header=True)
        for cell, text, width in zip(row.cells, header, widths_mm, strict=True):
            cell.width = Mm(width)
            cell_text(cell, text, bold=True, align=CENTER)
            shade(cell, HEADER_FILL)
    return t


def add_row(t: Table, widths_mm: list[float], texts: list[str], aligns: list | None = None) -> _Row:
    row = t.add_row()
    row_props(row)
    for n, (cell, text, width) in enumerate(zip(row.cells, texts, widths_mm, strict=True)):
        cell.width = Mm(width)
        cell_text(cell, text, align=aligns[n] if aligns else LEFT)
    return row


def tag_row(t: Table, widths_mm: list[float], tag: str) -> None:
    """A row holding only a ``{%tr ... %}`` tag: docxtpl replaces the whole row with it."""
    row = t.add_row()
    row.cells[0].width = Mm(widths_mm[0])
    cell_text(row.cells[0], tag)


def heading(doc, text: str) -> None:
    para(doc, text, bold=True, size=11, after=4, keep=True).paragraph_format.space_before = Pt(10)


def field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    run._r.append(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run._r.append(_el("w:fldChar", fldCharType="separate"))
    text = _el("w:t")
    text.text = "1"
    run._r.append(text)
    run._r.append(_el("w:fldChar", fldCharType="end"))


def setup(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.footer_distance = Mm(10)
    doc.styles["Footer"].font.size = Pt(8)


KOP = [26, 113, 26]


def kop(doc) -> None:
    """Lambang daerah on the left, the kop text centred on the page, a double rule under both."""
    t = doc.add_table(rows=1, cols=3)
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(t.columns, KOP, strict=True):
        column.width = Mm(width)
    logo, text, _ = t.rows[0].cells
    for cell, width in zip(t.rows[0].cells, KOP, strict=True):
        cell.width = Mm(width)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    logo.paragraphs[0].alignment = LEFT
    logo.paragraphs[0].add_run("{{ lambang }}")
    text.paragraphs[0].text = ""
    for n, (line, size, bold) in enumerate((("{{ kop.pemerintah }}", 14, True), ("{{ kop.unit }}", 16, True),
                                            ("{{ kop.alamat }}", 10, False), ("{{ kop.kontak }}", 10, False))):
        p = text.paragraphs[0] if n == 0 else text.add_paragraph()
        p.alignment = CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
    p = para(doc, "", size=4, after=6)
    borders = _el("w:pBdr")
    borders.append(_el("w:bottom", val="thickThinSmallGap", sz="24", space="4", color="000000"))
    p._p.get_or_add_pPr().append(borders)


def title(doc) -> None:
    para(doc, "", after=6)
    para(doc, "{{ dokumen.judul }}", bold=True, size=13, align=CENTER)
    para(doc, "{{ dokumen.periode }}", bold=True, size=12, align=CENTER, after=10)


WORD_MM = 27
"""The narrowest column of names: "penyelenggaraan" at 9 pt (24.5 mm in Arial) and the 2 mm of cell
margins, so no word is broken mid-word (tests/report/test_column_words.py measures every template)."""
MAIN = [8, WORD_MM, 14, 34, 16, 14, 16, 15, 21]


def scale_note(doc) -> None:
    para(doc, "{{ skala }}", size=8, italic=True, after=2).paragraph_format.space_before = Pt(3)
    para(doc, "{%p if pembahasan.belum_tersedia %}")
    para(doc, "{{ pembahasan.belum_tersedia }}", size=8, italic=True, after=2)
    para(doc, "{%p endif %}")


def main_table(doc) -> None:
    heading(doc, "A. Capaian Indikator Kinerja Utama")
    t = table(doc, MAIN, ["No", "Sasaran Strategis", "Kode", "Indikator Kinerja", "Satuan", "Target",
                          "Realisasi", "Capaian (%)", "Predikat"])
    tag_row(t, MAIN, "{%tr for g in sasaran %}")
    tag_row(t, MAIN, "{%tr for i in g.indikator %}")
    add_row(t, MAIN, ["{{ g.no }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ i.kode }}", "{{ i.nama }}",
                      "{{ i.satuan }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}",
                      "{{ i.predikat }}"],
            [CENTER, LEFT, LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, CENTER])
    tag_row(t, MAIN, "{%tr endfor %}")
    tag_row(t, MAIN, "{%tr endfor %}")
    scale_note(doc)


PROGRESS = [19, 52, 17, 18, 21, 17, 21]
RENSTRA = [19, 49, 17, 18, 21, 21, 20]


def _progress_table(doc, rows: str, title: str, widths: list[int], target: tuple[str, str],
                    progres: tuple[str, str], note: str) -> None:
    """A target, the period's realisasi and the progress toward it, per indicator of the context
    list ``rows`` (the section is left out when the list is empty); ``target`` and ``progres``:
    (header, field)."""
    para(doc, f"{{%p if {rows} %}}")
    para(doc, title, bold=True, size=10, after=3, keep=True).paragraph_format.space_before = Pt(8)
    t = table(doc, widths, ["Kode", "Indikator Kinerja", "Satuan", target[0],
                            "Realisasi {{ dokumen.periode_label }}", progres[0], "Agregasi"])
    tag_row(t, widths, f"{{%tr for k in {rows} %}}")
    add_row(t, widths, ["{{ k.kode }}", "{{ k.nama }}", "{{ k.satuan }}", f"{{{{ k.{target[1]} }}}}",
                        "{{ k.realisasi }}", f"{{{{ k.{progres[1]} }}}}", "{{ k.agregasi }}"],
            [LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, CENTER])
    tag_row(t, widths, "{%tr endfor %}")
    para(doc, note, size=8, italic=True)
    para(doc, "{%p endif %}")


def progress(doc, title: str = "Kemajuan terhadap Target Tahunan") -> None:
    """For a period short of the year: the yearly target and how far the period has come."""
    _progress_table(doc, "kemajuan", title, PROGRESS, ("Target Tahunan", "target_tahunan"),
                    ("Progres (%)", "progres"),
                    "Progres: agregasi Jumlah = realisasi s.d. periode ÷ target tahunan × 100; Akhir dan "
                    "Rata-rata = capaian realisasi periode terhadap target tahunan.")


def renstra_progress(doc) -> None:
    """Only when an indicator has a Target Akhir Renstra: that target and how far the period has come."""
    _progress_table(doc, "renstra", "Kemajuan terhadap Target Akhir Renstra", RENSTRA,
                    ("Target Akhir Renstra", "target_renstra"), ("Kemajuan (%)", "progres_renstra"),
                    "Kemajuan: agregasi Jumlah = realisasi tahun ini s.d. periode ÷ target akhir Renstra × 100 "
                    "(realisasi tahun-tahun sebelumnya tidak dijumlahkan); Akhir dan Rata-rata = capaian "
                    "realisasi periode terhadap target akhir Renstra.")


SUMMARY = [60, 35]


def summary(doc) -> None:
    heading(doc, "B. Ringkasan Capaian")
    para(doc, "{{ ringkasan.kalimat }}", after=6)
    t = table(doc, SUMMARY, ["Predikat", "Jumlah Indikator"])
    tag_row(t, SUMMARY, "{%tr for p in ringkasan.per_predikat %}")
    add_row(t, SUMMARY, ["{{ p.predikat }}", "{{ p.jumlah }}"], [LEFT, CENTER])
    tag_row(t, SUMMARY, "{%tr endfor %}")
    add_row(t, SUMMARY, ["Rata-rata capaian (%)", "{{ ringkasan.rata_rata_capaian }}"], [LEFT, CENTER])
    progress(doc)
    renstra_progress(doc)


def chart(doc) -> None:
    heading(doc, "C. Grafik Capaian Kinerja")
    para(doc, "{{ grafik }}", align=CENTER, keep=True)
    para(doc, "Gambar 1. Capaian indikator kinerja {{ dokumen.periode_tahun }}", size=9, align=CENTER, italic=True, after=4)


ANALYSIS = [8, 18, WORD_MM, 15, 17, 40, 40]
GAP = "BELUM DIISI: wajib sebelum ditandatangani"


def analysis(doc, title: str = "D. Analisis Indikator yang Belum Mencapai Target", keep: bool = False) -> None:
    """The analysis of the unmet indicators; with ``keep`` the sentence that stands for it when every
    target is met is kept with what follows (the closing and the signature). LibreOffice does not
    keep a table with the next paragraph, so the closing sentence is what goes with a signature
    that moves to a new page."""
    heading(doc, title)
    para(doc, "{%p if pembahasan.perbandingan %}")
    para(doc, "{{ pembahasan.perbandingan }}", after=4)
    para(doc, "{%p endif %}")
    para(doc, "{%p if analisis %}")
    para(doc, "{{ pembahasan.terjauh }}", after=6)
    t = table(doc, ANALYSIS, ["No", "Kode", "Indikator Kinerja", "Capaian (%)",
                              "{% if pembahasan.periode_lalu %}Periode lalu (%){% else %}Periode lalu{% endif %}",
                              "Permasalahan", "Rencana Aksi"])
    tag_row(t, ANALYSIS, "{%tr for a in analisis %}")
    row = add_row(t, ANALYSIS, ["{{ loop.index }}", "{{ a.kode }}", "{{ a.nama }}", "{{ a.capaian }}",
                                "{{ a.capaian_lalu }}{% if a.tren %} ({{ a.tren }}){% endif %}", "", ""],
                  [CENTER, LEFT, LEFT, RIGHT, RIGHT, LEFT, LEFT])
    for cell, name in ((row.cells[5], "a.permasalahan"), (row.cells[6], "a.rencana_aksi")):
        cell_text(cell, f"{{%p for b in {name} %}}")
        for text in ("{{ b }}", "{%p endfor %}", f"{{%p if {name}_kosong %}}", GAP, "{%p endif %}"):
            p = cell.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(text)
            run.font.size = Pt(9)
            if text == GAP:
                run.bold = True
                run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    tag_row(t, ANALYSIS, "{%tr endfor %}")
    para(doc, "{%p else %}")
    para(doc, "{{ pembahasan.tanpa_analisis }}", keep=keep)
    para(doc, "{%p endif %}")


BUDGET = [50, 28, 28, 19, 19, 21]


def budget(doc) -> None:
    para(doc, "{%p if anggaran %}")
    heading(doc, "E. Realisasi Anggaran dan Efisiensi")
    t = table(doc, BUDGET, ["Indikator Kinerja", "Pagu", "Realisasi Anggaran", "Serapan (%)",
                            "Capaian (%)", "Efisiensi (%)"])
    tag_row(t, BUDGET, "{%tr for b in anggaran %}")
    add_row(t, BUDGET, ["{{ b.nama }}", "{{ b.pagu }}", "{{ b.realisasi }}", "{{ b.serapan }}",
                        "{{ b.capaian }}", "{{ b.efisiensi }}"],
            [LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT])
    tag_row(t, BUDGET, "{%tr endfor %}")
    para(doc, "Serapan = realisasi anggaran ÷ pagu × 100; efisiensi = (1 − serapan ÷ capaian) × 100.",
         size=9, italic=True)
    para(doc, "{%p endif %}")


def signature_lines(cell: _Cell, lines: list[tuple[str, bool, bool]]) -> None:
    """Centred lines (text, bold, underline), each kept with the next so the block never splits."""
    cell.paragraphs[0].text = ""
    for n, (text, bold, underline) in enumerate(lines):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        p.alignment = CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_together = True
        p.paragraph_format.keep_with_next = n < len(lines) - 1
        if text:
            run = p.add_run(text)
            run.bold, run.underline = bold, underline


SPACE = [("", False, False)] * 4


def signature_row(doc, widths: tuple[float, float] = (80, 85), closing: str = "") -> tuple[_Cell, _Cell]:
    """The row of signature blocks, in a table row that cannot split; ``closing``, the closing sentence
    of the document, is kept with it, so a signature never stands alone on a page."""
    if closing:
        para(doc, closing, size=11, keep=True).paragraph_format.space_before = Pt(6)
    para(doc, "", keep=True)
    t = doc.add_table(rows=1, cols=2)
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(t.columns, widths, strict=True):
        column.width = Mm(width)
    row = t.rows[0]
    row_props(row)
    left, right = row.cells
    left.width, right.width = Mm(widths[0]), Mm(widths[1])
    return left, right


def signature(doc, closing: str = "") -> None:
    _, right = signature_row(doc, closing=closing)
    signature_lines(right, [
        ("{{ tempat_tanggal }}", False, False),
        ("{{ penandatangan.jabatan }}", False, False),
        *SPACE,
        ("{{ penandatangan.nama }}", True, True),
        ("{{ penandatangan.pangkat }}", False, False),
        ("{{ penandatangan.nip }}", False, False),
    ])


QUARTERS = [19, 35, 17, 16, 19.5, 19.5, 19.5, 19.5]


def quarter_annex(doc, judul: str = "LAMPIRAN: REALISASI PER TRIWULAN") -> None:
    """Every indicator's target and realisasi per triwulan, on a page of its own."""
    p = para(doc, judul, bold=True, size=12, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    para(doc, "{{ dokumen.judul }} {{ dokumen.periode }}", bold=True, size=10, align=CENTER, after=8,
         keep=True)
    t = table(doc, QUARTERS, ["Kode", "Indikator Kinerja", "Satuan", "Target Tahunan", "TW I", "TW II",
                              "TW III", "TW IV"])
    tag_row(t, QUARTERS, "{%tr for q in triwulan %}")
    add_row(t, QUARTERS, ["{{ q.kode }}", "{{ q.nama }}", "{{ q.satuan }}", "{{ q.target_tahunan }}",
                          "{{ q.tw1 }}", "{{ q.tw2 }}", "{{ q.tw3 }}", "{{ q.tw4 }}"],
            [LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT])
    tag_row(t, QUARTERS, "{%tr endfor %}")
    para(doc, "Setiap sel triwulan: target / realisasi triwulan itu; – berarti belum diisi.", size=8,
         italic=True)


def draft_header(doc) -> None:
    """"DRAF" at the top of every page of a draft (the header is empty in a final document)."""
    p = doc.sections[0].header.paragraphs[0]
    p.alignment = CENTER
    run = p.add_run("{% if draf %}DRAF · untuk koreksi, belum untuk ditandatangani{% endif %}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def draft_notes(doc) -> None:
    """In a draft, under the title: what must be filled in before the document can be signed."""
    para(doc, "{%p if draf %}")
    t = table(doc, [165], None)
    cell = add_row(t, [165], ["DRAF: dokumen ini untuk putaran koreksi dan belum dapat ditandatangani."]).cells[0]
    shade(cell, "FFF2CC")
    cell.paragraphs[0].runs[0].bold = True
    for text in ("{%p if kekurangan %}", "Isian yang harus dilengkapi di workbook:",
                 "{%p for k in kekurangan %}", "• {{ k }}", "{%p endfor %}", "{%p endif %}"):
        p = cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        p.add_run(text).font.size = Pt(9)
    para(doc, "{%p endif %}")


def footer(doc, text: str = "Kode verifikasi: {{ kode_verifikasi }}") -> None:
    """The footer: ``text`` at the left, "Halaman X dari Y" at the right margin.

    Word's Footer style has its own centre (82.5 mm) and right stops; they are cleared and one right
    stop at 165 mm set, so the page number sits at the right margin however long ``text`` is.
    """
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = LEFT
    p.add_run(text).font.size = Pt(8)
    p.add_run("\t").font.size = Pt(8)
    for part, instruction in (("Halaman ", "PAGE"), (" dari ", "NUMPAGES")):
        p.add_run(part).font.size = Pt(8)
        field(p, instruction)
    stops = p.paragraph_format.tab_stops
    stops.add_tab_stop(Twips(4680), alignment=WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Twips(9360), alignment=WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(165), alignment=WD_TAB_ALIGNMENT.RIGHT)


def build(out: Path = OUT) -> Path:
    doc = Document()
    setup(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    main_table(doc)
    summary(doc)
    chart(doc)
    analysis(doc)
    budget(doc)
    signature(doc)
    quarter_annex(doc)
    draft_header(doc)
    footer(doc)
    doc.save(str(out))
    return out


OUT_IKI = Path(__file__).with_name("pengukuran_kinerja_individu.docx")


def iki_identity(doc) -> None:
    t = table(doc, [40, 125], None)
    for label, value in (("Jabatan", "{{ pejabat.jabatan }}"), ("Unit Kerja", "{{ dokumen.unit }}"),
                         ("Periode", "{{ dokumen.periode_tahun }}")):
        add_row(t, [40, 125], [label, value])


IKI_MAIN = [7, 28, 19, 28, 17, 14, 17, 15, 20]


def iki_table(doc) -> None:
    heading(doc, "A. Capaian Indikator Kinerja Individu")
    t = table(doc, IKI_MAIN, ["No", "Indikator Kinerja Utama (IKU)", "Kode", "Indikator Kinerja Individu",
                              "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"])
    tag_row(t, IKI_MAIN, "{%tr for g in iku %}")
    tag_row(t, IKI_MAIN, "{%tr for i in g.indikator %}")
    add_row(t, IKI_MAIN, ["{{ g.no }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ i.kode }}", "{{ i.nama }}",
                          "{{ i.satuan }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}",
                          "{{ i.predikat }}"],
            [CENTER, LEFT, LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, CENTER])
    tag_row(t, IKI_MAIN, "{%tr endfor %}")
    tag_row(t, IKI_MAIN, "{%tr endfor %}")
    scale_note(doc)


def iki_signature(doc) -> None:
    left, right = signature_row(doc, (82, 83), "Demikian dokumen pengukuran kinerja individu ini dibuat untuk "
                                               "dipergunakan sebagaimana mestinya.")
    signature_lines(left, [
        ("Mengetahui,", False, False),
        ("{{ penandatangan.jabatan }}", False, False),
        *SPACE,
        ("{{ penandatangan.nama }}", True, True),
        ("{{ penandatangan.pangkat }}", False, False),
        ("{{ penandatangan.nip }}", False, False),
    ])
    signature_lines(right, [
        ("{{ tempat_tanggal }}", False, False),
        ("{{ pejabat.jabatan }}", False, False),
        *SPACE,
        ("{{ pejabat.nama }}", True, True),
        ("{{ pejabat.pangkat }}", False, False),
        ("{{ pejabat.nip }}", False, False),
    ])


def build_iki(out: Path = OUT_IKI) -> Path:
    doc = Document()
    setup(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    iki_identity(doc)
    iki_table(doc)
    heading(doc, "B. Ringkasan Capaian")
    para(doc, "{{ ringkasan.kalimat }}", after=6)
    progress(doc)
    renstra_progress(doc)
    analysis(doc, "C. Analisis Indikator yang Belum Mencapai Target", keep=True)
    iki_signature(doc)
    quarter_annex(doc)
    para(doc, "")
    draft_header(doc)
    footer(doc)
    doc.save(str(out))
    return out


OUT_KABUPATEN = Path(__file__).with_name("rekapitulasi_kabupaten.docx")
UNITS = [10, 32, 19, 15, 19, 17, 25, 28]
STATES = [100, 45]


def kabupaten_body(doc) -> None:
    heading(doc, "A. Ringkasan")
    para(doc, "Dari {{ ringkasan.jumlah_unit }} perangkat daerah, {{ ringkasan.diterima }} telah "
              "menyampaikan Pengukuran Kinerja {{ dokumen.periode_tahun }}; "
              "{{ ringkasan.dihitung }} dihitung dalam rekapitulasi ini dan {{ ringkasan.final }} di "
              "antaranya final dan tersegel. Rata-rata capaian kinerja perangkat daerah "
              "{{ ringkasan.rata_rata }}%.", after=6)
    t = table(doc, STATES, ["Keadaan", "Jumlah Perangkat Daerah"])
    tag_row(t, STATES, "{%tr for k in ringkasan.per_keadaan %}")
    add_row(t, STATES, ["{{ k.keadaan }}", "{{ k.jumlah }}"], [LEFT, CENTER])
    tag_row(t, STATES, "{%tr endfor %}")
    heading(doc, "B. Capaian per Perangkat Daerah")
    t = table(doc, UNITS, ["No", "Perangkat Daerah", "Peringkat", "Jumlah IKU", "Rata-rata Capaian (%)",
                           "Tercapai (%)", "Keadaan", "Kode Verifikasi"])
    tag_row(t, UNITS, "{%tr for u in unit %}")
    add_row(t, UNITS, ["{{ u.no }}", "{{ u.unit }}", "{{ u.peringkat }}", "{{ u.jumlah }}",
                       "{{ u.rata_rata }}", "{{ u.tercapai }}", "{{ u.keadaan }}", "{{ u.kode }}"],
            [CENTER, LEFT, CENTER, CENTER, RIGHT, RIGHT, LEFT, CENTER])
    tag_row(t, UNITS, "{%tr endfor %}")
    para(doc, "Peringkat menurut rata-rata capaian IKU, lalu persentase indikator tercapai. Kode verifikasi "
              "dihitung ulang dari data yang diterima.", size=9, italic=True, after=4)
    heading(doc, "C. Perangkat Daerah yang Belum Melapor")
    para(doc, "{%p if belum_melapor %}")
    para(doc, "Perangkat daerah berikut belum menyampaikan Pengukuran Kinerja atau isiannya masih "
              "mengandung galat, sehingga tidak dihitung:", after=2, keep=True)
    para(doc, "{%p for b in belum_melapor %}")
    para(doc, "{{ loop.index }}. {{ b }}", keep=True)  # the last sections go with the signature
    para(doc, "{%p endfor %}")
    para(doc, "{%p else %}")
    para(doc, "Seluruh perangkat daerah telah menyampaikan Pengukuran Kinerja.", keep=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p if catatan %}")
    heading(doc, "D. Catatan Keabsahan Data")
    para(doc, "{%p for c in catatan %}")
    para(doc, "{{ loop.index }}. {{ c }}", keep=True)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def build_kabupaten(out: Path = OUT_KABUPATEN) -> Path:
    """The kabupaten's "Rekapitulasi Pengukuran Kinerja Perangkat Daerah", signed by Kepala Bappeda / Sekda:
    a draft (DRAF on every page, what is missing under the title) until the signer is complete."""
    doc = Document()
    setup(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    kabupaten_body(doc)
    signature(doc, "Demikian rekapitulasi ini disusun untuk dipergunakan sebagaimana mestinya.")
    para(doc, "")
    draft_header(doc)
    footer(doc, "{% if draf %}Draf, dibuat {{ dibuat }}{% endif %}")  # nothing of the tool on a signed page
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
    print(build_iki())
    print(build_kabupaten())
