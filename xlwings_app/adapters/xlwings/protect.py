"""Writing to a protected sheet of the open workbook (Kinerja protects without a password).

Desktop Excel refuses to colour, annotate or write a cell of a protected sheet, so
``unprotected(sheet)`` lifts the protection for the write and puts it back as
``sheet_format.protect`` sets it. The remote engine has no sheet protection: nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def unprotected(sheet: Any) -> Iterator[Any]:
    """``sheet`` with its (password-less) protection lifted for the block."""
    api = sheet.api
    protected = bool(getattr(api, "ProtectContents", False))
    if protected:
        api.Unprotect()
    try:
        yield sheet
    finally:
        if protected:
            api.Protect(
                DrawingObjects=True, Contents=True, AllowFormattingColumns=True,
                AllowFormattingRows=True, AllowSorting=True, AllowFiltering=True,
            )  # fmt: skip
