"""Reading a Kinerja workbook's inputs: sheets Profil, Pengaturan, Pejabat, IKU, IKI and Segel.

``read_inputs(source, path)`` reads them from any ``sheets.source.SheetSource`` (a file through
calamine or openpyxl, or the workbook open in Excel) into a ``domain.workbook_data.WorkbookData``,
each sheet by its reader beside its layout (``sheets.profil``, ``sheets.pengaturan``,
``sheets.pejabat``, ``sheets.indicators``, ``sheets.segel``), then the checks across rows
(``domain.validation.check_indicators``). Every problem names the file; nothing is written.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xlwings_app.domain.settings import Settings
from xlwings_app.domain.validation import check_indicators
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.indicators import read_indicator_table
from xlwings_app.sheets.pejabat import read_pejabat
from xlwings_app.sheets.pengaturan import read_pengaturan
from xlwings_app.sheets.pohon import has_tree_sheets, nomenklatur, read_pohon
from xlwings_app.sheets.profil import read_profil
from xlwings_app.sheets.segel import read_seals
from xlwings_app.sheets.source import SheetSource


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection while a workbook's rows are read: reading makes a few objects
    per cell and frees none, so each collection would only walk the rows read so far again (a
    third of the time on 100,000 rows). Collection resumes as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_inputs(source: SheetSource, path: Path) -> WorkbookData:
    """Read every input from ``source`` (a file or the live workbook named ``path``)."""
    with _no_collection():
        return _read(source, path)


def _read(source: SheetSource, path: Path) -> WorkbookData:
    data = WorkbookData(path=path, profil=None, profil_values={}, settings=Settings(), indicators=[])
    read_profil(source, data)
    read_pengaturan(source, data)
    read_pejabat(source, data)
    for table in L.layout().tables.values():
        read_indicator_table(source, table, data)
    if L.SHEET_SEGEL in source.sheetnames:
        data.segel, seal_problems = read_seals(source.iter_values(L.SHEET_SEGEL))
        data.problems.extend(seal_problems)
    data.problems.extend(
        check_indicators(data.indicators, data.cells, data.settings.daftar_penanggung_jawab, data.kodes)
    )
    if has_tree_sheets(source.sheetnames):
        _read_tree(source, data)
    data.problems = [p.in_file(path.name) for p in data.problems]
    return data


def _read_tree(source: SheetSource, data: WorkbookData) -> None:
    """Sheets Pohon Kinerja and Manual Indikator: the tree with its indicators hung, the ratio
    indicators' realisasi from their parts (``domain.tree.workbook.workbook_tree``)."""
    from xlwings_app.domain.tree.workbook import workbook_tree
    from xlwings_app.sheets.indicators import labels_of

    pohon, problems = read_pohon(source)
    data.problems.extend(problems)
    labels = labels_of(next(iter(L.layout().tables.values())))
    tree, applied, found = workbook_tree(data.indicators, pohon, nomenklatur(), data.cells, labels)
    pohon.tree = tree
    data.pohon = pohon
    data.indicators = applied
    data.problems.extend(found)
