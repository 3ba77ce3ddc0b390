"""Which Python function handles which ribbon button.

Keys are the button ids of macros/customUI.xml; values are ``"module:function"`` strings, so
that importing this registry imports nothing else. A handler takes the calling ``xlwings.Book``.
``OWN_PROCESS`` names the buttons that run in a Python of their own rather than the long-lived one.
A button whose service has not landed yet has no entry here (tests/addin lists it as pending,
with the issue that adds it).
"""

from __future__ import annotations

HANDLERS: dict[str, str] = {
    "rencana_kinerja": "xlwings_app.ribbon.handlers_perencanaan:rencana_kinerja",
    "perjanjian_kinerja": "xlwings_app.ribbon.handlers_perencanaan:perjanjian_kinerja",
    "pk_pejabat": "xlwings_app.ribbon.handlers_perencanaan:pk_pejabat",
    "tanda_terima": "xlwings_app.ribbon.handlers_pengumpulan:tanda_terima",
    "laporan_pengumpulan_draf": "xlwings_app.ribbon.handlers_pengumpulan:laporan_pengumpulan_draf",
    "laporan_pengumpulan_final": "xlwings_app.ribbon.handlers_pengumpulan:laporan_pengumpulan_final",
    "buat_lembar_isian": "xlwings_app.ribbon.handlers_data:buat_lembar_isian",
    "ekspor_formulir": "xlwings_app.ribbon.handlers_data:ekspor_formulir",
    "impor_formulir": "xlwings_app.ribbon.handlers_data:impor_formulir",
    "catat_waktu_langkah": "xlwings_app.ribbon.handlers_data:catat_waktu_langkah",
    "periksa_data": "xlwings_app.ribbon.handlers_hitung:periksa_data",
    "hitung_capaian": "xlwings_app.ribbon.handlers_hitung:hitung_capaian",
    "periksa_waktu_sop": "xlwings_app.ribbon.handlers_hitung:periksa_waktu_sop",
    "dokumen_pengukuran": "xlwings_app.ribbon.handlers_laporan:dokumen_pengukuran",
    "dokumen_pdf": "xlwings_app.ribbon.handlers_laporan:dokumen_pdf",
    "dokumen_iki": "xlwings_app.ribbon.handlers_laporan:dokumen_iki",
    "arsipkan": "xlwings_app.ribbon.handlers_laporan:arsipkan",
    "kertas_kerja": "xlwings_app.ribbon.handlers_pohon:kertas_kerja",
    "rekapitulasi_pohon": "xlwings_app.ribbon.handlers_pohon:rekapitulasi_pohon",
    "evaluasi_akip": "xlwings_app.ribbon.handlers_lke:evaluasi_akip",
    "lembar_disposisi": "xlwings_app.ribbon.handlers_administrasi:lembar_disposisi",
    "checklist_dokumen": "xlwings_app.ribbon.handlers_administrasi:checklist_dokumen",
    "tanda_terima_dokumen": "xlwings_app.ribbon.handlers_administrasi:tanda_terima_dokumen",
    "formulir_rencana": "xlwings_app.ribbon.handlers_administrasi:formulir_rencana",
    "impor_rencana": "xlwings_app.ribbon.handlers_administrasi:impor_rencana",
    "petunjuk": "xlwings_app.ribbon.handlers_bantuan:petunjuk",
}

LABELS: dict[str, str] = {
    "rencana_kinerja": "Rencana Kinerja",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "pk_pejabat": "PK Pejabat",
    "tanda_terima": "Tanda Terima",
    "laporan_pengumpulan_draf": "Laporan Pengumpulan",
    "laporan_pengumpulan_final": "Laporan Pengumpulan Final",
    "buat_lembar_isian": "Buat Lembar Isian",
    "ekspor_formulir": "Ekspor Formulir",
    "impor_formulir": "Impor Formulir",
    "periksa_data": "Periksa Data",
    "hitung_capaian": "Hitung Capaian",
    "periksa_waktu_sop": "Periksa Waktu SOP",
    "catat_waktu_langkah": "Catat Waktu Langkah",
    "dokumen_pengukuran": "Dokumen Pengukuran",
    "dokumen_pdf": "PDF",
    "dokumen_iki": "Dokumen IKI",
    "arsipkan": "Arsipkan",
    "kertas_kerja": "Kertas Kerja",
    "rekapitulasi_pohon": "Rekapitulasi Tingkat",
    "evaluasi_akip": "Evaluasi AKIP",
    "lembar_disposisi": "Lembar Disposisi",
    "checklist_dokumen": "Checklist Dokumen",
    "tanda_terima_dokumen": "Tanda Terima Dokumen",
    "formulir_rencana": "Formulir Rencana",
    "impor_rencana": "Impor Rencana",
    "petunjuk": "Petunjuk",
}
"""The buttons' Indonesian labels, as on the ribbon, for messages."""

OWN_PROCESS = frozenset({
    "rencana_kinerja", "perjanjian_kinerja", "pk_pejabat", "ekspor_formulir", "impor_formulir",
    "tanda_terima", "dokumen_pengukuran", "dokumen_pdf", "dokumen_iki", "laporan_pengumpulan_draf",
    "laporan_pengumpulan_final", "arsipkan", "kertas_kerja", "rekapitulasi_pohon", "evaluasi_akip", "lembar_disposisi", "checklist_dokumen",
    "tanda_terima_dokumen",
    "formulir_rencana", "impor_rencana",
})  # fmt: skip
"""Buttons that run in a new Python of their own (``tag="proses-sendiri"`` in customUI.xml): they work
on the saved file and write files beside it (documents, PDF through LibreOffice or Word, forms, the
archive), which can take longer than the ~90 s Excel waits for a COM call into xlwings' long-lived
Python. The others (Periksa Data, Hitung Capaian, Periksa Waktu SOP, Catat Waktu Langkah, Buat Lembar
Isian, Petunjuk) read and write the open workbook only, and run in the long-lived Python."""
