"""Pengumpulan Data Kinerja: a form per penanggung jawab, and the rekap of the forms (issue 6).

Pure parts only: which columns a form has and their live formulas (``spec``), the metadata and
its checksum (``meta``), a form as read back (``filled``), the checks of one form (``checks``) and
the rekap of many (``consolidate``). The files are written and read by ``adapters.openpyxl.form_builder``
and ``adapters.openpyxl.form_reader``; ``bench.forms_scenario`` generates forms for tests and benchmarks.
"""
