"""(Re)generate ``laporan_pengumpulan_data.docx``, the Laporan Hasil Pengumpulan Data Kinerja.

Sibling of ``generate_default.py`` (same kop, tables, signature and footer helpers). The committed
.docx is what users edit in Word; run this only to start it afresh:
``.venv/bin/python report_templates/generate_pengumpulan.py``. Layout: A4 portrait, kop, title
(with "DRAF" on the draft), the addressing block of a nota dinas (Permendagri 1/2023, tata naskah
dinas: Kepada, Dari, Tanggal, Nomor, Sifat, Lampiran, Hal) under a double rule, A. Ringkasan, B. the forms
that came in, C. the forms still missing (named), D. every change lama → baru (sheet Riwayat),
E. the indicators whose realisasi is still blank, the signature; on the final version a new page
"LEMBAR DISPOSISI" (surat dari, tanggal, perihal; isi disposisi, diteruskan kepada, tanggal and
paraf left blank to fill by hand). Context: ``xlwings_app/report/pengumpulan.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).parent))
from generate_default import (  # noqa: E402
    CENTER,
    LEFT,
    SPACE,
    _el,
    add_row,
    cell_text,
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

OUT = Path(__file__).with_name("laporan_pengumpulan_data.docx")

SUMMARY = [95, 70]
RECEIVED = [9, 42, 49, 20, 17, 28]
MISSING = [9, 50, 22, 84]
CHANGES = [9, 27, 22, 28, 21, 21, 37]
BLANK = [9, 24, 90, 42]


def title(doc) -> None:
    para(doc, "", after=6)
    para(doc, "NOTA DINAS", bold=True, size=13, align=CENTER)
    para(doc, "{{ dokumen.status }}", bold=True, size=12, align=CENTER, after=8)


def addressing(doc) -> None:
    t = doc.add_table(rows=0, cols=3)
    t.autofit = False
    widths = [25, 5, 135]
    for column, width in zip(t.columns, widths, strict=True):
        column.width = Mm(width)
    for label, value in (("Kepada Yth.", "{{ kepada }}"), ("Dari", "{{ dari }}"), ("Tanggal", "{{ nota.tanggal }}"),
                         ("Nomor", "{{ nota.nomor }}"), ("Sifat", "{{ nota.sifat }}"),
                         ("Lampiran", "{{ nota.lampiran }}"), ("Hal", "{{ perihal }}")):
        row = t.add_row()
        for cell, text, width in zip(row.cells, (label, ":", value), widths, strict=True):
            cell.width = Mm(width)
            cell_text(cell, text, size=10)
    rule = para(doc, "", after=6)  # the line under the heading of a nota dinas
    borders = _el("w:pBdr")
    borders.append(_el("w:bottom", val="double", sz="6", space="1", color="000000"))
    rule._p.get_or_add_pPr().append(borders)
    para(doc, "Dengan hormat, bersama ini disampaikan laporan hasil pengumpulan data kinerja "
              "{{ dokumen.periode_tahun }} sebagai berikut.", size=11, after=6)


def summary(doc) -> None:
    heading(doc, "A. Ringkasan")
    t = table(doc, SUMMARY, None)
    for label, value in (
        ("Formulir dibagikan", "{{ ringkasan.dibagikan }} formulir ({{ ringkasan.indikator }} indikator)"),
        ("Formulir masuk", "{{ ringkasan.masuk }} (Final {{ ringkasan.final }}, Draf {{ ringkasan.draf }})"),
        ("Formulir belum masuk", "{{ ringkasan.belum_masuk }}"),
        ("Perubahan data tercatat (sheet Riwayat)", "{{ ringkasan.perubahan }}"),
        ("Indikator dengan realisasi masih kosong", "{{ ringkasan.kosong }}"),
    ):
        add_row(t, SUMMARY, [label, value])


def received(doc) -> None:
    heading(doc, "B. Formulir yang Masuk")
    t = table(doc, RECEIVED, ["No", "Penanggung Jawab", "File", "Indikator", "Status", "Diterima"])
    tag_row(t, RECEIVED, "{%tr for d in diterima %}")
    add_row(t, RECEIVED, ["{{ d.no }}", "{{ d.penanggung_jawab }}", "{{ d.file }}", "{{ d.indikator }}",
                          "{{ d.status }}", "{{ d.waktu }}"], [CENTER, LEFT, LEFT, CENTER, CENTER, LEFT])
    tag_row(t, RECEIVED, "{%tr endfor %}")


def _list_or(doc, heading_text: str, rows: str, widths: list[int], headers: list[str], cells: list[str],
             aligns: list, empty: str) -> None:
    """A numbered section: the table of the context list ``rows`` (``x`` each), or ``empty`` without rows."""
    heading(doc, heading_text)
    para(doc, f"{{%p if {rows} %}}")
    t = table(doc, widths, headers)
    tag_row(t, widths, f"{{%tr for x in {rows} %}}")
    add_row(t, widths, [f"{{{{ x.{cell} }}}}" for cell in cells], aligns)
    tag_row(t, widths, "{%tr endfor %}")
    para(doc, "{%p else %}")
    para(doc, empty, size=10)
    para(doc, "{%p endif %}")


def missing(doc) -> None:
    _list_or(doc, "C. Formulir yang Belum Masuk", "belum_masuk", MISSING,
             ["No", "Penanggung Jawab", "Jumlah Indikator", "Kode Indikator"],
             ["no", "penanggung_jawab", "jumlah", "kode"], [CENTER, LEFT, CENTER, LEFT],
             "Semua formulir sudah masuk.")


def changes(doc) -> None:
    _list_or(doc, "D. Perubahan Data dari Formulir (sheet Riwayat)", "perubahan", CHANGES,
             ["No", "Waktu", "Kode", "Kolom", "Lama", "Baru", "Sumber"],
             ["no", "waktu", "kode", "kolom", "lama", "baru", "sumber"], [CENTER, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
             "Belum ada perubahan data dari formulir periode ini.")


def blank(doc) -> None:
    _list_or(doc, "E. Indikator yang Realisasinya Masih Kosong", "kosong", BLANK,
             ["No", "Kode", "Indikator", "Penanggung Jawab"], ["no", "kode", "nama", "penanggung_jawab"],
             [CENTER, LEFT, LEFT, LEFT], "Semua realisasi periode ini sudah terisi.")


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


def _height(row, mm: float) -> None:
    row._tr.get_or_add_trPr().append(_el("w:trHeight", val=str(int(mm * 56.7)), hRule="atLeast"))


def disposition(doc) -> None:
    para(doc, "{%p if final %}")
    p = para(doc, "{{ kop.pemerintah }}", bold=True, size=12, align=CENTER)
    p.paragraph_format.page_break_before = True
    para(doc, "{{ kop.unit }}", bold=True, size=13, align=CENTER, after=10)
    para(doc, "LEMBAR DISPOSISI", bold=True, size=14, align=CENTER, after=10)
    widths = [82.5, 82.5]
    t = table(doc, widths, None)
    for left, right in (
        ("Surat dari: {{ disposisi.dari }}", "Diterima tanggal: ............................"),
        ("Tanggal surat: {{ disposisi.tanggal_surat }}", "Nomor agenda: ............................"),
        ("Kepada: {{ disposisi.kepada }}", "Sifat: □ Segera  □ Penting  □ Biasa"),
    ):
        add_row(t, widths, [left, right])
    row = add_row(t, widths, ["Perihal: {{ disposisi.perihal }}", ""])
    row.cells[0].merge(row.cells[1])
    row = add_row(t, widths, ["Isi Disposisi:", "Diteruskan kepada:"])
    _height(row, 80)
    row = add_row(t, widths, ["Tanggal: ............................", "Paraf:"])
    _height(row, 22)
    para(doc, "{%p endif %}")


def build(out: Path = OUT) -> Path:
    doc = Document()
    setup(doc)
    kop(doc)
    title(doc)
    addressing(doc)
    summary(doc)
    received(doc)
    missing(doc)
    changes(doc)
    blank(doc)
    signature(doc)
    disposition(doc)
    footer(doc)  # clears the Footer style's own stops, so the page number sits at the right margin
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
