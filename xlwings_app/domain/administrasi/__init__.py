"""The administrative outputs the SOPs name: each step's Mutu Baku Output as a value Kinerja can print.

PermenPANRB 35/2012 gives every SOP step a Mutu Baku of Kelengkapan, Waktu and Output. Beside the
computed outputs (forms, rekap, documents) the SOPs name papers that record who did what and when:
the incoming letter and its disposition, the meeting's notulen, the Program Kerja Kegiatan, the
Checklist Dokumen, the planning forms, the Tanda Terima of a signed document, the Surat Pengantar
to Bappeda and the archive of a period. One module per paper:

- ``langkah``: which SOP step a paper answers, the officials of a Pelaksana role, and the log stamp a
  paper's own moments give;
- ``program_kerja``: the SOP's steps laid on the working calendar; ``perbandingan``: that plan
  against the step log;
- ``surat_masuk``: the register of incoming letters and dispositions;
- ``notulen``: the Notulen Rapat;
- ``checklist``: the documents a period needs, and which are missing;
- ``formulir_rencana``, ``periksa_rencana``, ``gabung_rencana``: the planning round (Formulir
  Rencana Kinerja out, checked when it comes back, merged into the master);
- ``distribusi``: the Tanda Terima of a signed document; ``surat_pengantar``: the letter to Bappeda;
- ``manifest``: what the archive of a period holds.

Pure domain: standard library and ``xlwings_app.domain`` only.
"""
