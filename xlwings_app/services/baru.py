"""The actions "new workbook" (``kinerja baru``) and "built-in example" (``kinerja contoh``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.sop.presets import DEFAULT_PRESET
from xlwings_app.services.workbook import WorkbookError, create


def baru(path: Path, overwrite: bool = False, sop: str = DEFAULT_PRESET, tahun: int | None = None) -> None:
    """Create an empty Kinerja workbook at ``path`` holding the SOP preset ``sop``.

    The sheets SOP, Kalender (that year's cuti bersama filled in) and Log Langkah come from the
    preset; the user may edit them. ``tahun`` defaults to the current year.
    """
    from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
    from xlwings_app.domain.sop.presets import UnknownPreset
    from xlwings_app.services.sop import own_preset

    try:
        chosen, note = own_preset(sop)
    except UnknownPreset as exc:
        raise WorkbookError(str(exc)) from exc
    year = tahun or date.today().year  # the year the help promises, written into Profil too
    wb = build_workbook({"tahun": year}, [], Settings())
    add_sop_sheets(wb, chosen, year, catatan=note)
    create(path, wb, overwrite=overwrite)
