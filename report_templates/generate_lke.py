"""(Re)generate ``evaluasi_akip_mandiri.docx``, the summary of the AKIP self-evaluation (LKE).

Sibling of ``generate_default.py`` (same kop, tables, signature and footer helpers). The committed
.docx is what users edit in Word; run this only to start it afresh:
``.venv/bin/python report_templates/generate_lke.py``. Layout: A4 portrait, kop, title (with the
DRAF header and notes on a draft), A. Ringkasan (nilai akhir, predikat, answers and proposals),
B. Nilai per Komponen (each component and its three sub-components), C. the criteria losing the
most points with what would raise them, D. the kerangka logis notes (only when there are any),
E. Daftar Bukti Dukung (each document once, with its verification code and the criteria it supports), the signature; the footer
carries the document's verification code. Context: ``xlwings_app/report/context_lke.py``.
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

OUT = Path(__file__).with_name("evaluasi_akip_mandiri.docx")

SUMMARY = [80, 85]
SCORES = [14, 95, 18, 18, 20]
LOST = [12, 55, 17, 15, 66]
LOGIS = [9, 156]
EVIDENCE = [8, 62, 35, 60]


def title(doc) -> None:
    para(doc, "", after=6)
    para(doc, "{{ dokumen.judul }}", bold=True, size=13, align=CENTER)
    para(doc, "{{ dokumen.periode }}", bold=True, size=12, align=CENTER, after=8)


def summary(doc) -> None:
    heading(doc, "A. Ringkasan")
    t = table(doc, SUMMARY, None)
    for label, value in (
        ("Nilai akhir evaluasi AKIP mandiri", "{{ ringkasan.nilai }}"),
        ("Predikat", "{{ ringkasan.predikat }} ({{ ringkasan.interpretasi }})"),
        ("Kriteria dijawab", "{{ ringkasan.dijawab }} dari {{ ringkasan.kriteria }}"),
        ("Usulan Kinerja dari data unit", "{{ ringkasan.usulan }} kriteria (dikonfirmasi {{ ringkasan.dikonfirmasi }}, "
                                           "diubah {{ ringkasan.diubah }}, belum dikonfirmasi {{ ringkasan.belum }})"),
        ("Dasar penilaian", "{{ ringkasan.dasar }}"),
    ):
        add_row(t, SUMMARY, [label, value])
    para(doc, "{{ ringkasan.batas }}", size=8, italic=True, after=4)


def scores(doc) -> None:
    heading(doc, "B. Nilai per Komponen")
    t = table(doc, SCORES, ["Kode", "Komponen / Sub-komponen", "Bobot", "Nilai", "% Bobot"])
    tag_row(t, SCORES, "{%tr for k in komponen %}")
    add_row(t, SCORES, ["{{ k.kode }}", "{{ k.nama }}", "{{ k.bobot }}", "{{ k.nilai }}", "{{ k.persen }}"],
            [LEFT, LEFT, CENTER, CENTER, CENTER])
    tag_row(t, SCORES, "{%tr endfor %}")
    add_row(t, SCORES, ["", "Nilai Akhir", "100", "{{ ringkasan.nilai }}", ""], [LEFT, LEFT, CENTER, CENTER, CENTER])


def lost(doc) -> None:
    heading(doc, "C. Kriteria yang Paling Banyak Kehilangan Nilai")
    para(doc, "{{ hilang_pengantar }}", size=9, after=4)
    para(doc, "{%p if hilang %}")
    t = table(doc, LOST, ["Kode", "Kriteria", "Jawaban", "Nilai Hilang", "Yang Akan Menaikkan Nilai"])
    tag_row(t, LOST, "{%tr for h in hilang %}")
    add_row(t, LOST, ["{{ h.kode }}", "{{ h.kriteria }}", "{{ h.jawaban }}", "{{ h.hilang }}", "{{ h.naik }}"],
            [LEFT, LEFT, CENTER, CENTER, LEFT])
    tag_row(t, LOST, "{%tr endfor %}")
    para(doc, "{%p else %}")
    para(doc, "Tidak ada kriteria yang kehilangan nilai.", size=10)
    para(doc, "{%p endif %}")


def logis(doc) -> None:
    para(doc, "{%p if logis %}")
    heading(doc, "D. Catatan Kerangka Logis")
    t = table(doc, LOGIS, ["No", "Jawaban yang melebihi dasarnya"])
    tag_row(t, LOGIS, "{%tr for x in logis %}")
    add_row(t, LOGIS, ["{{ x.no }}", "{{ x.pesan }}"], [CENTER, LEFT])
    tag_row(t, LOGIS, "{%tr endfor %}")
    para(doc, "{%p endif %}")


def evidence(doc) -> None:
    heading(doc, "{{ bukti_judul }}")
    para(doc, "{%p if bukti %}")
    t = table(doc, EVIDENCE, ["No", "Bukti Dukung (dokumen)", "Kode Verifikasi", "Kriteria yang Didukung (jawaban)"])
    tag_row(t, EVIDENCE, "{%tr for b in bukti %}")
    add_row(t, EVIDENCE, ["{{ b.no }}", "{{ b.file }}", "{{ b.verifikasi }}", "{{ b.kriteria }}"],
            [CENTER, LEFT, LEFT, LEFT])
    tag_row(t, EVIDENCE, "{%tr endfor %}")
    para(doc, "{%p else %}")
    para(doc, "Belum ada dokumen tersegel yang menjadi bukti dukung (kinerja arsip).", size=10)
    para(doc, "{%p endif %}")


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
    draft_header(doc)
    kop(doc)
    title(doc)
    draft_notes(doc)
    summary(doc)
    scores(doc)
    lost(doc)
    logis(doc)
    evidence(doc)
    signature(doc)
    footer(doc)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
