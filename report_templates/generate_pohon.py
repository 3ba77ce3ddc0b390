"""(Re)generate the Tim SAKIP's measurement papers of the performance tree (seed 002, steps 4–6).

Sibling of ``generate_default.py`` (same kop, tables, signature, draft and footer helpers). The
committed .docx files are what users edit in Word; run this only to start them afresh:
``.venv/bin/python report_templates/generate_pohon.py``. Context: ``xlwings_app/report/context_pohon.py``.

- ``kertas_kerja_pengukuran.docx``, the Kertas Kerja Pengukuran Kinerja: kop, title (DRAF header on
  a draft, with what is missing), A. the methodology per level (one table per tujuan/sasaran/program/
  kegiatan/sub kegiatan: indicator, definisi operasional, rumus, agregasi, sumber data and frekuensi,
  standar), B. the period's working per indicator (target, realisasi, the formula with its numbers,
  capaian, predikat), C. how a level's capaian is combined from the level below, and the Tim SAKIP's
  signature with the Sekretaris's "Mengetahui".
- ``rekapitulasi_pengukuran_kinerja.docx``, the Rekapitulasi Hasil Pengukuran Kinerja: kop, title,
  A. the summary per level, B. one table per level (capaian, predikat, dasar capaian, pagu, serapan,
  efisiensi), C. the tree with its capaian (``{{ pohon_gambar }}`` and the indented list), D. the
  chart of capaian per sasaran and program (``{{ grafik }}``), the signature.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

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

HERE = Path(__file__).parent
KERTAS_KERJA = HERE / "kertas_kerja_pengukuran.docx"
REKAPITULASI = HERE / "rekapitulasi_pengukuran_kinerja.docx"

METHOD = [8, 30, 40, 45, 42]
WORK = [8, 25, 42, 17, 17, 56]
SUMMARY = [30, 18, 18, 26, 40, 23]
LEVEL = [8, 31, 51, 18, 20, 17, 20]
TREE = [120, 20, 25]


def title(doc) -> None:
    para(doc, "", after=6)
    para(doc, "{{ dokumen.judul }}", bold=True, size=13, align=CENTER)
    para(doc, "{{ dokumen.unit }}", bold=True, size=12, align=CENTER)
    para(doc, "{{ dokumen.periode }}", bold=True, size=12, align=CENTER, after=10)


def signatures(doc) -> None:
    left, right = signature_row(doc)
    signature_lines(left, [
        ("Mengetahui,", False, False),
        ("{{ mengetahui.jabatan }}", False, False),
        *SPACE,
        ("{{ mengetahui.nama }}", True, True),
        ("{{ mengetahui.pangkat }}", False, False),
        ("{{ mengetahui.nip }}", False, False),
    ])
    signature_lines(right, [
        ("{{ tempat_tanggal }}", False, False),
        ("{{ penandatangan.jabatan }}", False, False),
        *SPACE,
        ("{{ penandatangan.nama }}", True, True),
        ("{{ penandatangan.pangkat }}", False, False),
        ("{{ penandatangan.nip }}", False, False),
    ])


def methodology(doc) -> None:
    heading(doc, "A. Metodologi Pengukuran per Tingkat (Manual Indikator)")
    para(doc, "Setiap indikator diukur dengan metodologi di bawah ini; indikator tujuan, sasaran dan program "
              "berupa outcome, indikator kegiatan dan sub kegiatan berupa output.", size=9, after=4)
    para(doc, "{%p for t in tingkat %}")
    para(doc, "Tingkat {{ t.nama }} (indikator {{ t.jenis }})", bold=True, size=10, after=2)
    para(doc, "{%p if t.metodologi %}")
    t = table(doc, METHOD, ["No", "Simpul", "Indikator dan Definisi Operasional", "Rumus dan Agregasi",
                            "Sumber Data, Frekuensi, Standar"])
    tag_row(t, METHOD, "{%tr for m in t.metodologi %}")
    add_row(t, METHOD, ["{{ m.no }}", "{{ m.simpul }}", "{{ m.kode }} {{ m.indikator }} ({{ m.satuan }}): "
                        "{{ m.definisi }}", "{{ m.rumus }} {{ m.agregasi }}.",
                        "{{ m.sumber }}; {{ m.frekuensi }}; penanggung jawab: {{ m.penanggung_jawab }}; "
                        "standar: {{ m.standar }}"],
            [CENTER, LEFT, LEFT, LEFT, LEFT])
    tag_row(t, METHOD, "{%tr endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if t.tanpa_indikator %}")
    para(doc, "Tanpa indikator sendiri (capaian dari tingkat di bawahnya): {{ t.tanpa_indikator }}.", size=8,
         after=4)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def working(doc) -> None:
    heading(doc, "B. Lembar Kerja Pengukuran {{ dokumen.periode_label }}")
    para(doc, "{%p for t in tingkat %}")
    para(doc, "{%p if t.kerja %}")
    para(doc, "Tingkat {{ t.nama }}", bold=True, size=10, after=2)
    t = table(doc, WORK, ["No", "Kode", "Indikator", "Target", "Realisasi", "Perhitungan Capaian (%) dan Predikat"])
    tag_row(t, WORK, "{%tr for k in t.kerja %}")
    add_row(t, WORK, ["{{ k.no }}", "{{ k.kode }}", "{{ k.indikator }}", "{{ k.target }}", "{{ k.realisasi }}",
                      "{{ k.perhitungan }} ({{ k.predikat }})"], [CENTER, LEFT, LEFT, CENTER, CENTER, LEFT])
    tag_row(t, WORK, "{%tr endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{{ skala }}", size=8, after=4)


def combination(doc, letter: str) -> None:
    heading(doc, f"{letter + '. ' if letter else ''}Cara Capaian Tingkat di Atasnya Dihitung: {{{{ gabungan.metode }}}}")
    para(doc, "{{ gabungan.alasan }}", size=9, after=4)


def build_kertas_kerja(out: Path = KERTAS_KERJA) -> Path:
    doc = Document()
    setup(doc)
    draft_header(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    methodology(doc)
    working(doc)
    combination(doc, "C")
    signatures(doc)
    footer(doc)
    doc.save(str(out))
    return out


def summary(doc) -> None:
    heading(doc, "A. Ringkasan per Tingkat")
    t = table(doc, SUMMARY, ["Tingkat", "Jumlah", "Terukur", "Rata-rata Capaian (%)", "Pagu", "Serapan (%)"])
    tag_row(t, SUMMARY, "{%tr for r in ringkasan %}")
    add_row(t, SUMMARY, ["{{ r.tingkat }}", "{{ r.jumlah }}", "{{ r.terukur }}", "{{ r.rata_rata }}", "{{ r.pagu }}",
                         "{{ r.serapan }}"], [LEFT, CENTER, CENTER, CENTER, LEFT, CENTER])
    tag_row(t, SUMMARY, "{%tr endfor %}")


def levels(doc) -> None:
    heading(doc, "B. Capaian per Tingkat")
    para(doc, "{%p for t in tingkat %}")
    para(doc, "B.{{ t.nomor }} {{ t.nama }}", bold=True, size=10, after=2)
    t = table(doc, LEVEL, ["No", "Kode", "Nama", "Capaian (%)", "Predikat", "Serapan (%)", "Efisiensi (%)"])
    tag_row(t, LEVEL, "{%tr for s in t.simpul %}")
    add_row(t, LEVEL, ["{{ s.no }}", "{{ s.kode }}", "{{ s.nama }} ({{ s.keterangan }})", "{{ s.capaian }}",
                       "{{ s.predikat }}", "{{ s.serapan }}", "{{ s.efisiensi }}"], [CENTER, LEFT, LEFT, CENTER, LEFT, CENTER, CENTER])
    tag_row(t, LEVEL, "{%tr endfor %}")
    para(doc, "{%p endfor %}")


def tree(doc) -> None:
    para(doc, "C. Pohon Kinerja dengan Capaian", bold=True, size=11, after=4).paragraph_format.page_break_before = True
    para(doc, "{{ pohon_gambar }}", align=CENTER, after=2)
    para(doc, "{%p if pohon_catatan %}")
    para(doc, "{{ pohon_catatan }}", size=8, after=4)
    para(doc, "{%p endif %}")
    t = table(doc, TREE, ["Tingkat / Kode / Nama", "Capaian (%)", "Predikat"])
    tag_row(t, TREE, "{%tr for p in pohon %}")
    add_row(t, TREE, ["{{ p.indent }}{{ p.tingkat }} {{ p.kode }} {{ p.nama }}", "{{ p.capaian }}",
                      "{{ p.predikat }}"], [LEFT, CENTER, LEFT])
    tag_row(t, TREE, "{%tr endfor %}")


def chart(doc) -> None:
    heading(doc, "D. Grafik Capaian Sasaran dan Program")
    para(doc, "{{ grafik }}", align=CENTER, after=4)


def build_rekapitulasi(out: Path = REKAPITULASI) -> Path:
    doc = Document()
    setup(doc)
    draft_header(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    summary(doc)
    levels(doc)
    combination(doc, "")
    tree(doc)
    chart(doc)
    signatures(doc)
    footer(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build_kertas_kerja())
    print(build_rekapitulasi())
