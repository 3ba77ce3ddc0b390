"""(Re)generate ``laporan_kepatuhan_sop.docx``, the Laporan Kepatuhan Waktu SOP.

Sibling of ``generate_default.py`` (same kop, tables, signature, draft mark and footer helpers) and of
``generate_pengumpulan.py`` (its addressing block). The committed .docx is what users edit in Word;
run this only to start it afresh: ``.venv/bin/python report_templates/generate_sop.py``. Layout: A4
portrait, kop, title and period, the DRAF box of a draft, Kepada / Dari / Perihal, a short
introduction, then per SOP (``{%p for s in sop %}``) its summary table and a table of every run (No,
Kegiatan with the measurement's notes under it, Pelaksana, Mulai / Selesai, Waktu SOP as the SOP
states it, the working time logged, Status), how the time was measured, and the Pengelola's
signature. The footer names the report and its period, with "Halaman X dari Y". Context:
``xlwings_app/report/context_sop.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).parent))
from generate_default import (  # noqa: E402
    CENTER,
    LEFT,
    SPACE,
    add_row,
    draft_header,
    draft_notes,
    footer,
    heading,
    kop,
    para,
    setup,
    signature_lines,
    signature_row,
    table,
    tag_row,
)
from generate_pengumpulan import addressing  # noqa: E402

OUT = Path(__file__).with_name("laporan_kepatuhan_sop.docx")

SUMMARY = [58, 107]
RUNS = [8, 46, 27, 29, 17, 17, 21]
PLAN = [8, 45, 36, 36, 22, 18]


def title(doc) -> None:
    para(doc, "", after=6)
    para(doc, "{{ dokumen.judul }}", bold=True, size=13, align=CENTER)
    para(doc, "{{ dokumen.periode }}", bold=True, size=12, align=CENTER, after=8)


def introduction(doc) -> None:
    para(doc, "Berikut kepatuhan waktu pelaksanaan langkah SOP {{ dokumen.unit }} pada periode ini: waktu "
              "yang dicatat di log langkah dibandingkan dengan Mutu Baku Waktu SOP (PermenPANRB 35/2012). "
              "Dokumen yang ditandatangani (Pengukuran Kinerja) tidak memuat catatan waktu ini: langkah "
              "penandatanganan dan pengirimannya baru terjadi sesudah dokumen itu dicetak.", size=10, after=4)


def _runs_cell(cell, lines: list[tuple[str, bool]]) -> None:
    """Paragraphs of a runs-table cell: (text, italic); the first replaces the cell's own."""
    for n, (text, italic) in enumerate(lines):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if n == 0:
            p.text = ""
        p.alignment = LEFT
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.italic = italic
        run.font.size = Pt(8 if italic else 8.5)


def sop_sections(doc) -> None:
    para(doc, "{%p for s in sop %}")
    heading(doc, "{{ s.no }}. SOP {{ s.nama }}")
    t = table(doc, SUMMARY, None)
    tag_row(t, SUMMARY, "{%tr for r in s.ringkasan %}")
    add_row(t, SUMMARY, ["{{ r.label }}", "{{ r.nilai }}"])
    tag_row(t, SUMMARY, "{%tr endfor %}")
    para(doc, "Pelaksanaan langkah", bold=True, size=10, after=3, keep=True).paragraph_format.space_before = Pt(6)
    t = table(doc, RUNS, ["No", "Kegiatan", "Pelaksana", "Mulai / Selesai", "Waktu SOP", "Waktu kerja",
                          "Status"])
    tag_row(t, RUNS, "{%tr for x in s.langkah %}")
    row = add_row(t, RUNS, ["{{ x.no }}", "", "{{ x.pelaksana }}", "", "{{ x.waktu_sop }}", "{{ x.aktual }}",
                            "{{ x.status }}"], [CENTER, LEFT, LEFT, LEFT, CENTER, CENTER, CENTER])
    _runs_cell(row.cells[1], [("{{ x.kegiatan }}", False), ("{%p if x.keterangan %}", False),
                              ("{{ x.keterangan }}", True), ("{%p endif %}", False)])
    _runs_cell(row.cells[3], [("{{ x.mulai }}", False), ("{{ x.selesai }}", False)])
    for cell in (row.cells[0], row.cells[2], row.cells[4], row.cells[5], row.cells[6]):
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(8.5)
    tag_row(t, RUNS, "{%tr endfor %}")
    para(doc, "{%p if s.rencana %}")
    para(doc, "Rencana (Program Kerja Kegiatan) terhadap pelaksanaan", bold=True, size=10, after=3,
         keep=True).paragraph_format.space_before = Pt(6)
    t = table(doc, PLAN, ["No", "Kegiatan", "Rencana", "Pelaksanaan", "Status", "Selisih"])
    tag_row(t, PLAN, "{%tr for x in s.rencana %}")
    row = add_row(t, PLAN, ["{{ x.no }}", "{{ x.kegiatan }}", "{{ x.rencana }}", "{{ x.aktual }}", "{{ x.status }}",
                            "{{ x.selisih }}"], [CENTER, LEFT, LEFT, LEFT, CENTER, CENTER])
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(8.5)
    tag_row(t, PLAN, "{%tr endfor %}")
    para(doc, "Rencana: langkah SOP diletakkan di kalender kerja mulai saat Mulai pertama periode ini, setiap "
              "langkah sepanjang Mutu Baku Waktunya (kinerja program-kerja).", size=8)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def method(doc) -> None:
    heading(doc, "Cara mengukur")
    for text in (
        "Waktu SOP ditulis seperti di SOP. Waktu kerja dihitung dari Mulai dan Selesai yang dicatat di log, "
        "dalam jam kerja sheet Kalender (1 hari = {{ menit_per_hari }} waktu kerja; libur nasional, cuti "
        "bersama dan akhir pekan tidak dihitung).",
        "Langkah yang Mulai dan Selesai-nya dicatat otomatis oleh Kinerja (membagi formulir, rekap, dokumen, "
        "arsip) menandai saat langkah itu selesai; waktu kerjanya tidak diukur dan tidak dinilai tepat "
        "waktu atau terlambat. Isi Mulai yang sebenarnya di log agar diukur.",
        "Pekerjaan yang dicatat pada hari libur dihitung sebagai hari kerja untuk langkah itu, dengan "
        "catatan. Langkah tanpa Waktu di SOP ditulis \"Tanpa standar\".",
    ):
        para(doc, text, size=9, after=3)


def signature(doc) -> None:
    _, right = signature_row(doc)
    signature_lines(right, [
        ("{{ tempat_tanggal }}", False, False),
        ("{{ penandatangan.jabatan }}", False, False),
        *SPACE,
        ("{{ penandatangan.nama }}", True, True),
        ("{{ penandatangan.pangkat }}", False, False),
        ("{{ penandatangan.nip }}", False, False),
    ])


def build(out: Path = OUT) -> Path:
    doc = Document()
    setup(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    para(doc, "", size=4, after=2)
    addressing(doc)
    introduction(doc)
    sop_sections(doc)
    method(doc)
    signature(doc)
    draft_header(doc)
    footer(doc, "{{ dokumen.kaki }}")
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
