"""(Re)generate the templates of the SOPs' administrative papers (``xlwings_app/report/context_administrasi.py``).

Sibling of ``generate_default.py`` (same kop, tables, signature and footer helpers). The committed
.docx files are what users edit in Word; run this only to start them afresh:
``.venv/bin/python report_templates/generate_administrasi.py``. Each is A4 portrait with the kop:

- ``lembar_disposisi.docx``: the Lembar Disposisi of one incoming letter (Permendagri 54/2009: surat
  dari, nomor and tanggal surat, diterima tanggal, nomor agenda, sifat, hal), its dispositions from
  the register and empty rows for the ones still to be written by hand;
- ``notulen_rapat.docx``: the Notulen Rapat (identity of the meeting, peserta with a signature
  column, pembahasan, keputusan, tindak lanjut, signed by notulis and pimpinan rapat);
- ``program_kerja.docx``: the Program Kerja Kegiatan (steps on the working calendar, planned start
  and end, length, deadline; the log's actual times beside them when there are);
- ``checklist_dokumen.docx``: the Checklist Dokumen (each document, who names it, its state);
- ``tanda_terima_dokumen.docx``: the Tanda Terima of a signed document, one row per official;
- ``surat_pengantar.docx``: the Surat Pengantar to Bappeda (lampiran with verification codes, the
  receiver's part).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
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

HERE = Path(__file__).parent
FOOTER = "{{ catatan_kaki }}"


def _height(row, mm: float) -> None:
    row._tr.get_or_add_trPr().append(_el("w:trHeight", val=str(int(mm * 56.7)), hRule="atLeast"))


def _fields(doc, rows: list[tuple[str, str]], widths: tuple[float, float, float] = (40, 5, 120)) -> None:
    """A label : value block without borders."""
    t = doc.add_table(rows=0, cols=3)
    t.autofit = False
    for column, width in zip(t.columns, widths, strict=True):
        column.width = Mm(width)
    for label, value in rows:
        row = t.add_row()
        for cell, text, width in zip(row.cells, (label, ":", value), widths, strict=True):
            cell.width = Mm(width)
            cell_text(cell, text, size=10)
    para(doc, "", after=4)


def _title(doc, text: str, sub: str = "") -> None:
    para(doc, "", after=4)
    para(doc, text, bold=True, size=13, align=CENTER)
    if sub:
        para(doc, sub, bold=True, size=11, align=CENTER)
    para(doc, "{{ status }}", bold=True, size=12, align=CENTER, after=8)


def _signer(cell, prefix: str, lead: str) -> None:
    signature_lines(cell, [
        (lead, False, False),
        (f"{{{{ {prefix}.jabatan }}}}", False, False),
        *SPACE,
        (f"{{{{ {prefix}.nama }}}}", True, True),
        (f"{{{{ {prefix}.pangkat }}}}", False, False),
        (f"{{{{ {prefix}.nip }}}}", False, False),
    ])


def _start(title: str, sub: str = "") -> Document:
    doc = Document()
    setup(doc)
    kop(doc)
    _title(doc, title, sub)
    return doc


DISPOSISI = [8, 33, 33, 50, 20, 21]


def lembar_disposisi(out: Path = HERE / "lembar_disposisi.docx") -> Path:
    doc = _start("LEMBAR DISPOSISI")
    widths = [82.5, 82.5]
    t = table(doc, widths, None)
    for left, right in (
        ("Surat dari: {{ surat.dari }}", "Diterima tanggal: {{ surat.diterima }}"),
        ("Nomor surat: {{ surat.nomor }}", "Nomor agenda: {{ surat.no_agenda }}"),
        ("Tanggal surat: {{ surat.tanggal }}", "Sifat: {{ surat.sifat }}"),
    ):
        add_row(t, widths, [left, right])
    row = add_row(t, widths, ["Hal: {{ surat.hal }}", ""])
    row.cells[0].merge(row.cells[1])
    row = add_row(t, widths, ["Jenis: {{ surat.jenis }}", "Batas waktu: {{ surat.batas_waktu }}"])
    para(doc, "", after=4)
    heading(doc, "Disposisi")
    t = table(doc, DISPOSISI, ["No", "Dari", "Diteruskan Kepada", "Isi Disposisi", "Tanggal", "Batas Waktu"])
    tag_row(t, DISPOSISI, "{%tr for d in disposisi %}")
    add_row(t, DISPOSISI, ["{{ d.no }}", "{{ d.dari }}", "{{ d.kepada }}", "{{ d.isi }}", "{{ d.tanggal }}",
                           "{{ d.batas_waktu }}"], [CENTER, LEFT, LEFT, LEFT, LEFT, LEFT])
    tag_row(t, DISPOSISI, "{%tr endfor %}")
    tag_row(t, DISPOSISI, "{%tr for k in kosong %}")
    row = add_row(t, DISPOSISI, ["{{ k }}", "", "", "", "", ""], [CENTER, LEFT, LEFT, LEFT, LEFT, LEFT])
    _height(row, 18)
    tag_row(t, DISPOSISI, "{%tr endfor %}")
    para(doc, "", after=6)
    para(doc, "Paraf dan tanggal pemberi disposisi dibubuhkan pada kolom Isi Disposisi.", size=8)
    footer(doc, FOOTER)
    doc.save(str(out))
    return out


PESERTA = [10, 60, 65, 30]
TINDAK = [10, 85, 40, 30]


def _blank_or(doc, items: str, empty: str) -> None:
    para(doc, f"{{%p if {items} %}}")
    para(doc, f"{{%p for x in {items} %}}")
    para(doc, "{{ loop.index }}. {{ x }}", size=10)
    para(doc, "{%p endfor %}")
    para(doc, "{%p else %}")
    para(doc, "{%p for x in " + empty + " %}")
    para(doc, "{{ x }}. ...........................................................................................",
         size=10, after=6)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def notulen_rapat(out: Path = HERE / "notulen_rapat.docx") -> Path:
    doc = _start("NOTULEN RAPAT", "{{ rapat.sop }}")
    _fields(doc, [
        ("Hari, tanggal", "{{ rapat.tanggal }}"),
        ("Waktu", "{{ rapat.waktu }}"),
        ("Tempat", "{{ rapat.tempat }}"),
        ("Pimpinan rapat", "{{ rapat.pimpinan }}"),
        ("Notulis", "{{ rapat.notulis }}"),
        ("Dasar", "{{ rapat.dasar }}"),
        ("Acara", "{{ rapat.agenda }}"),
        ("Langkah SOP", "{{ rapat.langkah }}"),
    ])
    heading(doc, "A. Peserta Rapat")
    t = table(doc, PESERTA, ["No", "Nama", "Jabatan", "Tanda Tangan"])
    tag_row(t, PESERTA, "{%tr for p in peserta %}")
    row = add_row(t, PESERTA, ["{{ p.no }}", "{{ p.nama }}", "{{ p.jabatan }}", ""], [CENTER, LEFT, LEFT, LEFT])
    _height(row, 9)
    tag_row(t, PESERTA, "{%tr endfor %}")
    heading(doc, "B. Pembahasan")
    _blank_or(doc, "pembahasan", "kosong")
    heading(doc, "C. Keputusan")
    _blank_or(doc, "keputusan", "kosong")
    heading(doc, "D. Tindak Lanjut")
    t = table(doc, TINDAK, ["No", "Uraian", "Penanggung Jawab", "Batas Waktu"])
    tag_row(t, TINDAK, "{%tr for x in tindak_lanjut %}")
    row = add_row(t, TINDAK, ["{{ x.no }}", "{{ x.uraian }}", "{{ x.penanggung_jawab }}", "{{ x.batas_waktu }}"],
                  [CENTER, LEFT, LEFT, LEFT])
    _height(row, 9)
    tag_row(t, TINDAK, "{%tr endfor %}")
    para(doc, "", after=6)
    left, right = signature_row(doc, (82.5, 82.5))
    _signer(left, "notulis", "Notulis,")
    _signer(right, "pimpinan", "{{ tempat_tanggal }}")
    footer(doc, FOOTER)
    doc.save(str(out))
    return out


PROGRAM = [8, 64, 28, 16, 40, 40, 41]
BANDING = [8, 47, 38, 38, 38, 38, 22, 18]


def landscape(doc) -> None:
    """A4 landscape (a work plan's table is wide); the footer's page number at the right margin."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    stops = section.footer.paragraphs[0].paragraph_format.tab_stops
    stops.add_tab_stop(Mm(165), alignment=WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(247), alignment=WD_TAB_ALIGNMENT.RIGHT)


def program_kerja(out: Path = HERE / "program_kerja.docx") -> Path:
    doc = Document()
    setup(doc)
    landscape(doc)
    kop(doc)
    _title(doc, "PROGRAM KERJA KEGIATAN", "{{ program.sop }}")
    _fields(doc, [
        ("Periode", "{{ program.periode }}"),
        ("Mulai", "{{ program.mulai }}"),
        ("Selesai (rencana)", "{{ program.selesai }}"),
        ("Lama", "{{ program.lama }}"),
        ("Batas waktu", "{{ program.batas }}"),
        ("Keterangan", "{{ program.batas_uraian }}"),
    ])
    heading(doc, "A. Rencana Langkah di Kalender Kerja")
    t = table(doc, PROGRAM, ["No", "Kegiatan", "Pelaksana", "Waktu", "Mulai", "Selesai", "Output"])
    tag_row(t, PROGRAM, "{%tr for x in langkah %}")
    add_row(t, PROGRAM, ["{{ x.no }}", "{{ x.kegiatan }}", "{{ x.pelaksana }}", "{{ x.waktu }}", "{{ x.mulai }}",
                         "{{ x.selesai }}", "{{ x.output }}"], [CENTER, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT])
    tag_row(t, PROGRAM, "{%tr endfor %}")
    para(doc, "Waktu dihitung dalam jam kerja (sheet Kalender): libur nasional, cuti bersama, Sabtu, Minggu dan "
              "istirahat dilewati; Jumat memakai jam Jumat.", size=8, after=6)
    para(doc, "{%p if banding %}")
    heading(doc, "B. Rencana terhadap Log Langkah")
    t = table(doc, BANDING, ["No", "Kegiatan", "Rencana Mulai", "Rencana Selesai", "Mulai", "Selesai", "Status",
                             "Selisih"])
    tag_row(t, BANDING, "{%tr for x in banding %}")
    add_row(t, BANDING, ["{{ x.no }}", "{{ x.kegiatan }}", "{{ x.rencana_mulai }}", "{{ x.rencana_selesai }}",
                         "{{ x.mulai }}", "{{ x.selesai }}", "{{ x.status }}", "{{ x.selisih }}"],
            [CENTER, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT])
    tag_row(t, BANDING, "{%tr endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "", after=6)
    left, right = signature_row(doc, (123.5, 123.5))
    _signer(left, "mengetahui", "Mengetahui,")
    _signer(right, "penyusun", "{{ tempat_tanggal }}")
    footer(doc, FOOTER)
    landscape(doc)
    doc.save(str(out))
    return out


CHECKLIST = [8, 45, 50, 18, 44]


def checklist_dokumen(out: Path = HERE / "checklist_dokumen.docx") -> Path:
    doc = _start("CHECKLIST DOKUMEN", "{{ checklist.judul }}")
    _fields(doc, [("SOP", "{{ checklist.sop }}"), ("Keadaan", "{{ checklist.ringkasan }}")])
    t = table(doc, CHECKLIST, ["No", "Dokumen", "Disebut pada", "Keadaan", "Berkas / Lokasi"])
    tag_row(t, CHECKLIST, "{%tr for x in dokumen %}")
    add_row(t, CHECKLIST, ["{{ x.no }}", "{{ x.nama }}", "{{ x.disebut }}", "{{ x.status }}", "{{ x.berkas }}"],
            [CENTER, LEFT, LEFT, CENTER, LEFT])
    tag_row(t, CHECKLIST, "{%tr endfor %}")
    para(doc, "{%p if kurang %}")
    heading(doc, "Yang masih kurang")
    para(doc, "{%p for x in kurang %}")
    para(doc, "{{ loop.index }}. {{ x }}", size=10)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "", after=6)
    left, right = signature_row(doc, (82.5, 82.5))
    _signer(right, "penyusun", "{{ tempat_tanggal }}")
    footer(doc, FOOTER)
    doc.save(str(out))
    return out


TERIMA = [8, 62, 28, 28, 39]


def tanda_terima_dokumen(out: Path = HERE / "tanda_terima_dokumen.docx") -> Path:
    doc = _start("TANDA TERIMA DOKUMEN")
    _fields(doc, [
        ("Dokumen", "{{ dokumen.judul }}"),
        ("Ditandatangani", "{{ dokumen.tanggal }} oleh {{ dokumen.penandatangan }}"),
        ("Kode verifikasi", "{{ dokumen.kode_verifikasi }}"),
        ("Langkah SOP", "{{ dokumen.langkah }}"),
    ])
    t = table(doc, TERIMA, ["No", "Nama / Jabatan", "Tanggal Diberikan", "Tanggal Diterima", "Tanda Tangan"])
    tag_row(t, TERIMA, "{%tr for x in penerima %}")
    row = add_row(t, TERIMA, ["{{ x.no }}", "{{ x.nama }}\n{{ x.jabatan }}", "{{ x.diberikan }}", "{{ x.diterima }}",
                              "{{ x.no }}."], [CENTER, LEFT, LEFT, LEFT, LEFT])
    _height(row, 12)
    tag_row(t, TERIMA, "{%tr endfor %}")
    para(doc, "", after=6)
    para(doc, "Penerima mencocokkan kode verifikasi pada kaki halaman dokumen yang diterima dengan kode di atas.",
         size=8)
    left, right = signature_row(doc, (82.5, 82.5))
    _signer(right, "penyerah", "{{ tempat_tanggal }}")
    footer(doc, FOOTER)
    doc.save(str(out))
    return out


LAMPIRAN = [8, 80, 20, 57]


def surat_pengantar(out: Path = HERE / "surat_pengantar.docx") -> Path:
    doc = Document()
    setup(doc)
    kop(doc)
    para(doc, "{{ tempat_tanggal }}", align=None, size=11).alignment = 2  # right
    para(doc, "Kepada", size=11)
    para(doc, "Yth. {{ surat.kepada }}", size=11)
    para(doc, "di {{ surat.di }}", size=11, after=8)
    para(doc, "SURAT PENGANTAR", bold=True, size=13, align=CENTER)
    para(doc, "Nomor: {{ surat.nomor }}", size=11, align=CENTER)
    para(doc, "{{ status }}", bold=True, size=12, align=CENTER, after=8)
    para(doc, "Perihal: {{ surat.perihal }}", size=11, after=6)
    t = table(doc, LAMPIRAN, ["No", "Naskah yang Dikirimkan", "Banyaknya", "Keterangan (Kode Verifikasi)"])
    tag_row(t, LAMPIRAN, "{%tr for x in lampiran %}")
    add_row(t, LAMPIRAN, ["{{ x.no }}", "{{ x.judul }}\nDitandatangani {{ x.tanggal }}", "{{ x.banyaknya }}",
                          "{{ x.kode_verifikasi }} {{ x.keterangan }}"], [CENTER, LEFT, CENTER, LEFT])
    tag_row(t, LAMPIRAN, "{%tr endfor %}")
    para(doc, "", after=6)
    left, right = signature_row(doc, (82.5, 82.5))
    signature_lines(left, [
        ("Diterima tanggal: {{ surat.diterima }}", False, False),
        ("Penerima,", False, False),
        *SPACE,
        ("{{ surat.penerima }}", True, False),
    ])
    _signer(right, "pengirim", "Pengirim,")
    para(doc, "Dikirim: {{ surat.dikirim }}", size=8, after=0)
    footer(doc, FOOTER)
    doc.save(str(out))
    return out


def build() -> list[Path]:
    return [lembar_disposisi(), notulen_rapat(), program_kerja(), checklist_dokumen(), tanda_terima_dokumen(),
            surat_pengantar()]


if __name__ == "__main__":
    for path in build():
        print(path)
