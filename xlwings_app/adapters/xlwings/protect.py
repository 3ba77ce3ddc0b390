"""Writing to a protected sheet of the open workbook (Kinerja protects without a password).

Desktop Excel refuses to colour, annotate or write a cell of a protected sheet, so
``unprotected(sheet)`` lifts the protection for the write and puts it back exactly as the sheet had
it: drawing objects, scenarios and every "allow" option are read before lifting (``protection``)
and given back to ``Protect``. A workbook built by Kinerja protects contents only, drawing objects
(the notes on problem cells among them) stay editable, and formatting rows and columns, sorting and
filtering stay allowed (``adapters.openpyxl.sheet_format.protect``); a sheet a user protected
otherwise keeps the user's choices. The remote engine has no sheet protection: nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ALLOW = (
    "AllowFormattingCells", "AllowFormattingColumns", "AllowFormattingRows", "AllowInsertingColumns",
    "AllowInsertingRows", "AllowInsertingHyperlinks", "AllowDeletingColumns", "AllowDeletingRows",
    "AllowSorting", "AllowFiltering", "AllowUsingPivotTables",
)  # fmt: skip
"""The options of Excel's ``Worksheet.Protection``, named as ``Worksheet.Protect`` takes them."""


def protection(api: Any) -> dict[str, bool]:
    """The arguments of ``Worksheet.Protect`` that give the sheet (``api``) its current protection."""
    options = api.Protection
    return {
        "DrawingObjects": bool(api.ProtectDrawingObjects),
        "Contents": True,
        "Scenarios": bool(api.ProtectScenarios),
        **{name: bool(getattr(options, name)) for name in ALLOW},
    }


@contextmanager
def unprotected(sheet: Any) -> Iterator[Any]:
    """``sheet`` with its (password-less) protection lifted for the block, then put back as it was."""
    api = sheet.api
    restore = protection(api) if bool(getattr(api, "ProtectContents", False)) else None
    if restore is not None:
        api.Unprotect()
    try:
        yield sheet
    finally:
        if restore is not None:
            api.Protect(**restore)
