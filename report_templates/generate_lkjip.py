"""(Re)generate the LKjIP template ``lkjip.docx`` (``kinerja lkjip``, docs/lkjip.md).

Like ``generate_default.py`` (whose helpers it uses): the committed .docx is the source users edit
in Word; run ``.venv/bin/python report_templates/generate_lkjip.py`` only to start it afresh. The
order is PermenPANRB 53/2014's format of the Laporan Kinerja: a cover; Ikhtisar Eksekutif; BAB I
Pendahuluan (A-F); BAB II Perencanaan Kinerja (Renstra, Perjanjian Kinerja); BAB III Akuntabilitas
Kinerja (A. capaian: the summary, the table of every IKU, the chart of the series, then per sasaran
items (1) to (7) with their tables; B. realisasi anggaran); BAB IV Penutup; the signature; Lampiran
1 Perjanjian Kinerja, Lampiran 2 Pengukuran Kinerja. Each BAB starts on a new page.

A paragraph of the context is ``{teks, belum, ada, paras}``: a placeholder still to be written
(``belum``) prints italic, dark red and highlighted yellow so the reader of a draft cannot miss it;
an optional piece not written prints nothing. "DRAF" heads every page of a draft, and the box under
the cover lists what is to be completed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

sys.path.insert(0, str(Path(__file__).parent))

import generate_default as G  # noqa: E402
import generate_plan as P  # noqa: E402

OUT = Path(__file__).with_name("lkjip.docx")
CENTER, LEFT, RIGHT = G.CENTER, G.LEFT, G.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def piece(doc, var: str) -> None:
    """Paragraph ``var``: its text (a paragraph per line), or its placeholder marked, or nothing."""
    G.para(doc, f"{{%p if {var}.belum %}}")
    p = G.para(doc, f"{{{{ {var}.teks }}}}", italic=True, after=6)
    run = p.runs[0]
    run.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    G.para(doc, f"{{%p elif {var}.ada %}}")
    G.para(doc, f"{{%p for t in {var}.paras %}}")
    p = G.para(doc, "{{ t }}", after=6)
    p.alignment = JUSTIFY
    p.paragraph_format.first_line_indent = G.Mm(10)
    G.para(doc, "{%p endfor %}")
    G.para(doc, "{%p endif %}")


def bab(doc, nomor: str, judul: str) -> None:
    p = G.para(doc, nomor, bold=True, size=13, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, judul, bold=True, size=13, align=CENTER, after=12, keep=True)


def sub(doc, text: str) -> None:
    G.heading(doc, text)


def caption(doc, text: str) -> None:
    G.para(doc, text, size=9, bold=True, align=CENTER, after=3, keep=True).paragraph_format.space_before = Pt(6)


def note(doc, text: str) -> None:
    G.para(doc, text, size=8, italic=True, after=6)


def cover(doc) -> None:
    for _ in range(3):
        G.para(doc, "", after=10)
    G.para(doc, "{{ dokumen.judul }}", bold=True, size=18, align=CENTER, after=4)
    G.para(doc, "(LKjIP)", bold=True, size=16, align=CENTER, after=4)
    G.para(doc, "TAHUN {{ dokumen.tahun }}", bold=True, size=16, align=CENTER, after=40)
    G.para(doc, "{{ lambang }}", align=CENTER, after=40)
    G.para(doc, "{{ dokumen.unit_besar }}", bold=True, size=16, align=CENTER, after=4)
    G.para(doc, "{{ kop.pemerintah }}", bold=True, size=14, align=CENTER, after=4)
    G.para(doc, "{{ kop.alamat }}", size=10, align=CENTER, after=20)
    G.draft_notes(doc)


TARGET = [8, 18, 52, 16, 17, 17, 17, 20]


def target_table(doc, rows: str) -> None:
    t = G.table(doc, TARGET, ["No", "Kode", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian",
                              "Predikat"])
    G.tag_row(t, TARGET, f"{{%tr for i in {rows} %}}")
    G.add_row(t, TARGET, ["{{ i.no }}", "{{ i.kode }}", "{{ i.nama }}", "{{ i.satuan }}", "{{ i.target }}",
                          "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.predikat }}"],
              [CENTER, LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, CENTER])
    G.tag_row(t, TARGET, "{%tr endfor %}")


MULTI = [16, 49, 25, 25, 25, 25]


def multi_table(doc) -> None:
    t = G.table(doc, MULTI, ["Kode", "Indikator Kinerja", *(f"{{{{ s.multi.tahun[{n}] }}}}" for n in range(4))])
    G.tag_row(t, MULTI, "{%tr for i in s.multi.rows %}")
    G.add_row(t, MULTI, ["{{ i.kode }}", "{{ i.nama }} ({{ i.satuan }})",
                         *(f"{{{{ i.sel[{n}] }}}}" for n in range(4))], [LEFT, LEFT, *[CENTER] * 4])
    G.tag_row(t, MULTI, "{%tr endfor %}")
    note(doc, "Setiap sel: target / realisasi / capaian tahun itu; – berarti tidak ada data tahun itu.")


RENSTRA = [15, 44, 17, 20, 20, 18, 31]


def renstra_table(doc, rows: str) -> None:
    t = G.table(doc, RENSTRA, ["Kode", "Indikator Kinerja", "Agregasi", "Target Akhir Renstra",
                               "Realisasi s.d. Tahun Ini", "Kemajuan", "Keterangan"])
    G.tag_row(t, RENSTRA, f"{{%tr for i in {rows} %}}")
    G.add_row(t, RENSTRA, ["{{ i.kode }}", "{{ i.nama }} ({{ i.satuan }})", "{{ i.agregasi }}",
                           "{{ i.target_akhir }}", "{{ i.nilai }}", "{{ i.progres }}", "{{ i.keterangan }}"],
              [LEFT, LEFT, CENTER, RIGHT, RIGHT, RIGHT, LEFT])
    G.tag_row(t, RENSTRA, "{%tr endfor %}")


STANDAR = [16, 55, 22, 22, 35, 15]


def standar_table(doc) -> None:
    G.para(doc, "{%p if s.standar %}")
    t = G.table(doc, STANDAR, ["Kode", "Indikator Kinerja", "Realisasi", "Standar Nasional", "Sumber", "Memenuhi"])
    G.tag_row(t, STANDAR, "{%tr for i in s.standar %}")
    G.add_row(t, STANDAR, ["{{ i.kode }}", "{{ i.nama }}", "{{ i.realisasi }}", "{{ i.standar }}", "{{ i.sumber }}",
                           "{{ i.memenuhi }}"], [LEFT, LEFT, RIGHT, RIGHT, LEFT, CENTER])
    G.tag_row(t, STANDAR, "{%tr endfor %}")
    G.para(doc, "{%p endif %}")


ANGGARAN = [8, 53, 28, 28, 16, 16, 16]


def anggaran_table(doc, var: str) -> None:
    t = G.table(doc, ANGGARAN, ["No", "Program", "Pagu", "Realisasi", "Serapan", "Capaian", "Efisiensi"])
    G.tag_row(t, ANGGARAN, f"{{%tr for a in {var}.rows %}}")
    G.add_row(t, ANGGARAN, ["{{ a.no }}", "{{ a.nama }}", "{{ a.pagu }}", "{{ a.realisasi }}", "{{ a.serapan }}",
                            "{{ a.capaian }}", "{{ a.efisiensi }}"], [CENTER, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT])
    G.tag_row(t, ANGGARAN, "{%tr endfor %}")
    row = G.add_row(t, ANGGARAN, ["", "Jumlah", f"{{{{ {var}.jumlah.pagu }}}}", f"{{{{ {var}.jumlah.realisasi }}}}",
                                  f"{{{{ {var}.jumlah.serapan }}}}", f"{{{{ {var}.jumlah.capaian }}}}",
                                  f"{{{{ {var}.jumlah.efisiensi }}}}"], [CENTER, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT])
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


PEJABAT = [10, 60, 50, 45]


def bab1(doc) -> None:
    bab(doc, "BAB I", "PENDAHULUAN")
    sub(doc, "A. Gambaran Umum Organisasi")
    piece(doc, "p.bab1_organisasi")
    G.para(doc, "{%p if pejabat %}")
    caption(doc, "Tabel 1.1 Susunan Pejabat {{ dokumen.unit }}")
    t = G.table(doc, PEJABAT, ["No", "Jabatan", "Nama", "Pangkat/Golongan"])
    G.tag_row(t, PEJABAT, "{%tr for j in pejabat %}")
    G.add_row(t, PEJABAT, ["{{ j.no }}", "{{ j.jabatan }}", "{{ j.nama }}", "{{ j.pangkat }}"],
              [CENTER, LEFT, LEFT, LEFT])
    G.tag_row(t, PEJABAT, "{%tr endfor %}")
    G.para(doc, "{%p endif %}")
    for title, var in (("B. Tugas dan Fungsi", "p.bab1_tugas_fungsi"),
                       ("C. Aspek Strategis Organisasi", "p.bab1_aspek_strategis"),
                       ("D. Permasalahan Utama (Isu Strategis)", "p.bab1_permasalahan_utama")):
        sub(doc, title)
        piece(doc, var)
    G.para(doc, "{%p if p.bab1_tindak_lanjut.ada %}")
    sub(doc, "E. Tindak Lanjut Hasil Evaluasi LKjIP Tahun Lalu")
    G.para(doc, "{%p endif %}")
    piece(doc, "p.bab1_tindak_lanjut")
    sub(doc, "{% if p.bab1_tindak_lanjut.ada %}F{% else %}E{% endif %}. Sistematika Penyajian")
    piece(doc, "p.bab1_sistematika")


RS = [10, 55, 60, 20, 20]


def bab2(doc) -> None:
    bab(doc, "BAB II", "PERENCANAAN KINERJA")
    sub(doc, "A. Rencana Strategis {{ dokumen.renstra }}")
    piece(doc, "p.bab2_renstra")
    caption(doc, "Tabel 2.1 Sasaran, Indikator dan Target Akhir Renstra {{ dokumen.renstra }}")
    t = G.table(doc, RS, ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Akhir"])
    G.tag_row(t, RS, "{%tr for g in pk %}")
    G.tag_row(t, RS, "{%tr for i in g.indikator %}")
    G.add_row(t, RS, ["{{ g.no }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ i.nama }}", "{{ i.satuan }}",
                      "{% for r in renstra if r.kode == i.kode %}{{ r.target_akhir }}{% endfor %}"],
              [CENTER, LEFT, LEFT, CENTER, RIGHT])
    G.tag_row(t, RS, "{%tr endfor %}")
    G.tag_row(t, RS, "{%tr endfor %}")
    sub(doc, "B. Perjanjian Kinerja Tahun {{ dokumen.tahun }}")
    piece(doc, "p.bab2_pk")
    caption(doc, "Tabel 2.2 Perjanjian Kinerja Tahun {{ dokumen.tahun }}")
    pk_table(doc)


def pk_table(doc) -> None:
    t = G.table(doc, RS, ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"])
    G.tag_row(t, RS, "{%tr for g in pk %}")
    G.tag_row(t, RS, "{%tr for i in g.indikator %}")
    G.add_row(t, RS, ["{{ g.no }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ i.nama }}", "{{ i.satuan }}",
                      "{{ i.target }}"], [CENTER, LEFT, LEFT, CENTER, RIGHT])
    G.tag_row(t, RS, "{%tr endfor %}")
    G.tag_row(t, RS, "{%tr endfor %}")


def bab3(doc) -> None:
    bab(doc, "BAB III", "AKUNTABILITAS KINERJA")
    sub(doc, "A. Capaian Kinerja Organisasi")
    piece(doc, "p.bab3_a_ringkasan")
    caption(doc, "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun {{ dokumen.tahun }}")
    target_table(doc, "iku")
    G.para(doc, "{%p if grafik %}")
    G.para(doc, "{{ grafik }}", align=CENTER, keep=True)
    G.para(doc, "Gambar 3.1 Capaian indikator kinerja utama tahun-tahun Renstra {{ dokumen.renstra }}", size=9,
           align=CENTER, italic=True, after=6)
    G.para(doc, "{%p endif %}")
    G.para(doc, "{%p for s in sasaran %}")
    p = G.para(doc, "Sasaran Strategis {{ s.no }}: {{ s.nama }}", bold=True, size=11, after=4, keep=True)
    p.paragraph_format.space_before = Pt(12)
    sub(doc, "(1) Target dan Realisasi Kinerja Tahun {{ dokumen.tahun }}")
    piece(doc, "s.p1")
    caption(doc, "Tabel Target dan Realisasi Sasaran {{ s.no }}")
    target_table(doc, "s.target")
    sub(doc, "(2) Dibandingkan dengan Tahun Lalu dan Beberapa Tahun Terakhir")
    piece(doc, "s.p2")
    caption(doc, "Tabel Capaian Beberapa Tahun Sasaran {{ s.no }}")
    multi_table(doc)
    sub(doc, "(3) Dibandingkan dengan Target Akhir Renstra")
    piece(doc, "s.p3")
    caption(doc, "Tabel Kemajuan terhadap Target Akhir Renstra Sasaran {{ s.no }}")
    renstra_table(doc, "s.renstra")
    sub(doc, "(4) Dibandingkan dengan Standar Nasional")
    piece(doc, "s.p4")
    standar_table(doc)
    sub(doc, "(5) Penyebab Keberhasilan atau Kegagalan dan Alternatif Solusi")
    piece(doc, "s.p5_catatan")
    piece(doc, "s.p5_analisis")
    sub(doc, "(6) Efisiensi Penggunaan Sumber Daya")
    piece(doc, "s.p6")
    sub(doc, "(7) Program dan Kegiatan Penunjang")
    piece(doc, "s.p7")
    G.para(doc, "{%p if s.program.rows %}")
    anggaran_table(doc, "s.program")
    G.para(doc, "{%p endif %}")
    piece(doc, "s.p7_analisis")
    G.para(doc, "{%p endfor %}")
    sub(doc, "B. Realisasi Anggaran")
    piece(doc, "p.bab3_b")
    G.para(doc, "{%p if ada_anggaran %}")
    caption(doc, "Tabel 3.2 Realisasi Anggaran per Program Tahun {{ dokumen.tahun }}")
    anggaran_table(doc, "anggaran")
    note(doc, "Serapan = realisasi ÷ pagu × 100; efisiensi = (1 − serapan ÷ capaian) × 100.")
    G.para(doc, "{%p endif %}")


def bab4(doc) -> None:
    bab(doc, "BAB IV", "PENUTUP")
    sub(doc, "A. Simpulan")
    piece(doc, "p.bab4_simpulan")
    sub(doc, "B. Langkah di Masa Mendatang")
    piece(doc, "p.bab4_langkah")
    _, right = G.signature_row(doc)
    G.signature_lines(right, [("{{ tempat_tanggal }}", False, False), *P.block("penandatangan")])


def ikhtisar(doc) -> None:
    p = G.para(doc, "IKHTISAR EKSEKUTIF", bold=True, size=13, align=CENTER, after=12, keep=True)
    p.paragraph_format.page_break_before = True
    piece(doc, "p.ikhtisar_ringkasan")
    piece(doc, "p.ikhtisar_kendala")
    piece(doc, "p.ikhtisar_antisipasi")


def lampiran(doc) -> None:
    p = G.para(doc, "LAMPIRAN 1", bold=True, size=12, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, "PERJANJIAN KINERJA TAHUN {{ dokumen.tahun }}", bold=True, size=12, align=CENTER, keep=True)
    G.para(doc, "{{ dokumen.unit_besar }}", bold=True, size=11, align=CENTER, after=8, keep=True)
    pk_table(doc)
    G.para(doc, "{%p if ada_anggaran %}")
    G.para(doc, "", after=4)
    caption(doc, "Program dan Anggaran")
    t = G.table(doc, P.PROGRAM, ["No", "Program/Kegiatan", "Anggaran"])
    G.tag_row(t, P.PROGRAM, "{%tr for a in anggaran.rows %}")
    G.add_row(t, P.PROGRAM, ["{{ a.no }}", "{{ a.nama }}", "{{ a.pagu }}"], [CENTER, LEFT, RIGHT])
    G.tag_row(t, P.PROGRAM, "{%tr endfor %}")
    G.add_row(t, P.PROGRAM, ["", "Jumlah", "{{ anggaran.jumlah.pagu }}"], [CENTER, RIGHT, RIGHT])
    G.para(doc, "{%p endif %}")
    p = G.para(doc, "LAMPIRAN 2", bold=True, size=12, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, "PENGUKURAN KINERJA TAHUN {{ dokumen.tahun }}", bold=True, size=12, align=CENTER, keep=True)
    G.para(doc, "{{ dokumen.unit_besar }}", bold=True, size=11, align=CENTER, after=8, keep=True)
    target_table(doc, "iku")
    caption(doc, "Kemajuan terhadap Target Akhir Renstra {{ dokumen.renstra }}")
    renstra_table(doc, "renstra")


def build(out: Path = OUT) -> Path:
    doc = Document()
    G.setup(doc)
    cover(doc)
    ikhtisar(doc)
    bab1(doc)
    bab2(doc)
    bab3(doc)
    bab4(doc)
    lampiran(doc)
    G.draft_header(doc)
    P.footer(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
