"""The action "Tanda Terima Formulir" (``kinerja tanda-terima``): the receipt of forms already handed out.

``kinerja formulir`` writes it with the forms; this makes it again from the forms in a folder (a
lost or spoiled print, forms copied in by hand): one row per form, dated on the day the forms
were made (their metadata), the penanggung jawab and indicator count as the forms carry them.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from pathlib import Path

from xlwings_app.adapters.openpyxl.form_reader import form_files, read_forms
from xlwings_app.adapters.openpyxl.tanda_terima import build_tanda_terima
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.services.workbook import WorkbookError, create, load
from xlwings_app.sheets import tanda_terima as T


def tanda_terima(path: Path, folder: Path, periode: Periode | None = None, overwrite: bool = False) -> tuple[Path, list[Problem]]:
    """Write ``Tanda Terima Formulir <periode>.xlsx`` into ``folder`` from the forms found there."""
    from xlwings_app.services.formulir import chosen_periode

    data = load(path)
    chosen = chosen_periode(data, periode)
    files, problems = form_files([folder], master=path)
    rows: list[T.Diberikan] = []
    made: list[date] = []
    for file in files:
        forms, trouble = read_forms(file)
        problems += trouble
        for form in forms:
            if form.meta.get("periode") != chosen.value:
                continue
            rows.append(T.Diberikan(form.meta.get("penanggung_jawab"), form.file, len(form.meta.kodes)))
            with contextlib.suppress(ValueError):
                made.append(datetime.fromisoformat(form.meta.get("dibuat")).date())
    if not rows:
        raise WorkbookError(f"Tidak ada formulir {chosen.value} di folder {folder}: buat dengan kinerja formulir.")
    target = folder / T.file_name(chosen)
    profil = data.profil
    sheet = T.tanda_terima_values(
        profil.unit if profil else "", profil.tahun if profil else date.today().year, chosen, rows,
        min(made) if made else date.today(), profil.tempat if profil else "",
    )  # fmt: skip
    create(target, build_tanda_terima(sheet, len(rows)), overwrite=overwrite)
    return target, problems
