"""The action "new workbook" (``kinerja baru``); the example is ``services.contoh``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.sop.presets import DEFAULT_PRESET
from xlwings_app.services.workbook import WorkbookError, create


def baru(path: Path, overwrite: bool = False, sop: str = DEFAULT_PRESET, tahun: int | None = None) -> None:
    """Create an empty Kinerja workbook at ``path`` holding the SOP preset(s) ``sop``.

    The sheets SOP, Kalender (that year's cuti bersama filled in) and Log Langkah come from the
    preset; the user may edit them. ``sop`` may list several presets separated by commas
    ("pengukuran-lumajang,perencanaan-lumajang"): the first gets the sheets SOP and Log Langkah,
    each further one its own (SOP Perencanaan, Log Perencanaan). ``tahun`` defaults to this year.
    """
    from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
    from xlwings_app.domain.sop.presets import UnknownPreset
    from xlwings_app.services.sop import own_preset
    from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SopPlace, short_name

    try:
        chosen = [own_preset(name.strip()) for name in sop.split(",") if name.strip()]
    except UnknownPreset as exc:
        raise WorkbookError(str(exc)) from exc
    if len({short_name(s.nama) for s, _ in chosen}) < len(chosen):
        raise WorkbookError(f"--sop {sop}: dua SOP bernama sama; pilih SOP yang berbeda jenisnya.")
    year = tahun or date.today().year  # the year the help promises, written into Profil too
    wb = build_workbook({"tahun": year}, [], Settings())
    places = [DEFAULT_PLACE] + [SopPlace(short_name(s.nama)) for s, _ in chosen[1:]]
    for place, (one, note) in zip(places, chosen, strict=True):
        add_sop_sheets(wb, one, year, catatan=note, place=place)
    create(path, wb, overwrite=overwrite)
