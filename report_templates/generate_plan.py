"""(Re)generate the planning templates ``rencana_kinerja.docx`` and ``perjanjian_kinerja.docx``.

Like ``generate_default.py`` (whose helpers it uses): the committed .docx files are the source
users edit in Word; run ``.venv/bin/python report_templates/generate_plan.py`` only to start them
afresh. Forms of PermenPANRB 53/2014:

- Rencana Kinerja Tahunan: kop, title, in a draft the box of what to correct (and "DRAF" in the
  header of every page, as the Pengukuran document's drafts), the table No / Sasaran Strategis /
  Indikator Kinerja / Satuan / Target (No and Sasaran merged over the group with ``{% vm %}``), the
  comparison with the year before (only when filled), the head's signature block on the right;
  then the lampiran "Target Triwulan" on a new page. The Perencanaan SOP's timing is not on the
  signed page: ``kinerja sop laporan --sop Perencanaan`` reports it (``generate_sop.py``).
- Perjanjian Kinerja: kop, title, the agreement text naming pihak pertama and pihak kedua, both
  signatures (pihak kedua on the left, pihak pertama on the right, in a row that cannot split);
  on a new page the lampiran Sasaran / Indikator / Target and Program/Kegiatan / Anggaran with
  both signatures again; then the Rencana Aksi (targets per triwulan).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).parent))

import generate_default as G  # noqa: E402

OUT_RENCANA = Path(__file__).with_name("rencana_kinerja.docx")
OUT_PERJANJIAN = Path(__file__).with_name("perjanjian_kinerja.docx")
CENTER, LEFT, RIGHT = G.CENTER, G.LEFT, G.RIGHT


def titles(doc, lines: list[tuple[str, float]]) -> None:
    G.para(doc, "", after=4)
    for n, (text, size) in enumerate(lines):
        G.para(doc, text, bold=True, size=size, align=CENTER, after=10 if n == len(lines) - 1 else 0)


def footer(doc) -> None:
    """The title and year, the verification code of the signed document (its plan and its signing,
    ``domain.verification.plan_code``), and "Halaman X dari Y" at the right margin."""
    G.footer(doc, "{{ dokumen.judul }} {{ dokumen.tahun }}{% if draf %} — DRAF{% endif %}"
                  "{% if kode_verifikasi %} · Kode verifikasi: {{ kode_verifikasi }}{% endif %}")


def block(name: str, heading: str | None = None) -> list[tuple[str, bool, bool]]:
    """Signature lines of ``name`` (a context dict): optional heading, jabatan, space, nama, pangkat, NIP."""
    lines = [(heading, False, False)] if heading else []
    return [
        *lines,
        (f"{{{{ {name}.jabatan }}}}", False, False),
        *G.SPACE,
        (f"{{{{ {name}.nama }}}}", True, True),
        (f"{{{{ {name}.pangkat }}}}", False, False),
        (f"{{{{ {name}.nip }}}}", False, False),
    ]


SASARAN = [10, 50, 60, 22, 23]


def sasaran_table(doc, target_header: str = "Target") -> None:
    t = G.table(doc, SASARAN, ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", target_header])
    G.tag_row(t, SASARAN, "{%tr for g in sasaran %}")
    G.tag_row(t, SASARAN, "{%tr for i in g.indikator %}")
    G.add_row(t, SASARAN, ["{{ g.no }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ i.nama }}", "{{ i.satuan }}",
                           "{{ i.target }}"], [CENTER, LEFT, LEFT, CENTER, RIGHT])
    G.tag_row(t, SASARAN, "{%tr endfor %}")
    G.tag_row(t, SASARAN, "{%tr endfor %}")


AKSI = [9, 55, 17, 18, 16, 16, 16, 18]


def rencana_aksi_table(doc) -> None:
    t = G.table(doc, AKSI, ["No", "Indikator Kinerja", "Satuan", "Target Tahunan", "TW I", "TW II", "TW III",
                            "TW IV"])
    G.tag_row(t, AKSI, "{%tr for a in rencana_aksi %}")
    G.add_row(t, AKSI, ["{{ a.no }}", "{{ a.nama }}", "{{ a.satuan }}", "{{ a.target }}", "{{ a.tw[0] }}",
                        "{{ a.tw[1] }}", "{{ a.tw[2] }}", "{{ a.tw[3] }}"],
              [CENTER, LEFT, CENTER, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT])
    G.tag_row(t, AKSI, "{%tr endfor %}")


COMPARE = [55, 18, 23, 23, 23, 23]


def comparison(doc) -> None:
    G.para(doc, "{%p if pembanding %}")
    G.heading(doc, "Target dan Realisasi Tahun Sebelumnya")
    t = G.table(doc, COMPARE, ["Indikator Kinerja", "Satuan", "Target {{ dokumen.tahun_lalu }}",
                               "Realisasi {{ dokumen.tahun_lalu }}", "Target {{ dokumen.tahun }}",
                               "Target Akhir Renstra"])
    G.tag_row(t, COMPARE, "{%tr for i in pembanding %}")
    G.add_row(t, COMPARE, ["{{ i.nama }}", "{{ i.satuan }}", "{{ i.target_lalu }}", "{{ i.realisasi_lalu }}",
                           "{{ i.target }}", "{{ i.renstra }}"], [LEFT, CENTER, RIGHT, RIGHT, RIGHT, RIGHT])
    G.tag_row(t, COMPARE, "{%tr endfor %}")
    G.para(doc, "{%p endif %}")


def build_rencana(out: Path = OUT_RENCANA) -> Path:
    doc = Document()
    G.setup(doc)
    G.kop(doc)
    titles(doc, [("{{ dokumen.judul }}", 13), ("{{ dokumen.subjudul }}", 12), ("{{ dokumen.periode }}", 12)])
    G.draft_notes(doc)
    sasaran_table(doc, "Target {{ dokumen.tahun }}")
    comparison(doc)
    _, right = G.signature_row(doc)
    G.signature_lines(right, [("{{ tempat_tanggal }}", False, False), *block("penandatangan")])
    p = G.para(doc, "LAMPIRAN: TARGET TRIWULAN", bold=True, size=12, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, "{{ dokumen.judul }} {{ dokumen.periode }}", bold=True, size=11, align=CENTER, after=8, keep=True)
    rencana_aksi_table(doc)
    G.para(doc, "Target triwulan menurut agregasi indikator: Jumlah (dijumlah menjadi target tahunan), Akhir "
                "(TW IV = target tahunan), Rata-rata.", size=9, italic=True)
    G.draft_header(doc)
    footer(doc)
    doc.save(str(out))
    return out


def party(doc, name: str, sentence: str) -> None:
    t = G.table(doc, [30, 5, 130], None)
    t.style = doc.styles["Normal Table"]
    for field, key in (("Nama", "nama"), ("Jabatan", "jabatan")):
        row = G.add_row(t, [30, 5, 130], [field, ":", f"{{{{ {name}.{key} }}}}"])
        for cell, text in zip(row.cells, (field, ":", f"{{{{ {name}.{key} }}}}"), strict=True):
            G.cell_text(cell, text, size=11)
    G.para(doc, sentence, after=6)


TEXT_INTRO = ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
              "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
TEXT_JANJI = ("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
              "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
              "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
              "tanggung jawab kami.")
TEXT_SUPERVISI = ("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
                  "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
                  "pemberian penghargaan dan sanksi.")


def both_signatures(doc) -> None:
    G.para(doc, "", keep=True)
    G.para(doc, "{{ tempat_tanggal }}", align=RIGHT, keep=True).paragraph_format.right_indent = G.Mm(12)
    left, right = G.signature_row(doc, (82, 83))
    G.signature_lines(left, block("kedua", "Pihak Kedua,"))
    G.signature_lines(right, block("pertama", "Pihak Pertama,"))


PROGRAM = [10, 115, 40]


def build_perjanjian(out: Path = OUT_PERJANJIAN) -> Path:
    doc = Document()
    G.setup(doc)
    G.kop(doc)
    titles(doc, [("{{ dokumen.judul }} TAHUN {{ dokumen.tahun }}", 13), ("{{ dokumen.subjudul }}", 12)])
    G.draft_notes(doc)
    G.para(doc, TEXT_INTRO, after=6).paragraph_format.alignment = G.WD_ALIGN_PARAGRAPH.JUSTIFY
    party(doc, "pertama", "Selanjutnya disebut pihak pertama.")
    party(doc, "kedua", "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua.")
    for text in (TEXT_JANJI, TEXT_SUPERVISI):
        G.para(doc, text, after=6).paragraph_format.alignment = G.WD_ALIGN_PARAGRAPH.JUSTIFY
    both_signatures(doc)
    p = G.para(doc, "LAMPIRAN PERJANJIAN KINERJA TAHUN {{ dokumen.tahun }}", bold=True, size=12, align=CENTER,
               keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, "{{ dokumen.subjudul }}", bold=True, size=11, align=CENTER, after=8, keep=True)
    sasaran_table(doc)
    G.para(doc, "{%p if program %}")
    G.para(doc, "", after=4)
    t = G.table(doc, PROGRAM, ["No", "Program/Kegiatan", "Anggaran"])
    G.tag_row(t, PROGRAM, "{%tr for p in program %}")
    G.add_row(t, PROGRAM, ["{{ p.no }}", "{{ p.nama }}", "{{ p.anggaran }}"], [CENTER, LEFT, RIGHT])
    G.tag_row(t, PROGRAM, "{%tr endfor %}")
    row = G.add_row(t, PROGRAM, ["", "Jumlah", "{{ total_anggaran }}"], [CENTER, RIGHT, RIGHT])
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    G.para(doc, "{%p endif %}")
    both_signatures(doc)
    p = G.para(doc, "RENCANA AKSI", bold=True, size=12, align=CENTER, keep=True)
    p.paragraph_format.page_break_before = True
    G.para(doc, "{{ dokumen.subjudul }} TAHUN {{ dokumen.tahun }}", bold=True, size=11, align=CENTER, after=8,
           keep=True)
    rencana_aksi_table(doc)
    G.draft_header(doc)
    footer(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build_rencana())
    print(build_perjanjian())
