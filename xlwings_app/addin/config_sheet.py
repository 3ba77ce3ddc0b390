"""The add-in's xlwings config sheet: key in column A, value in column B, from A1 down.

xlwings' VBA (``GetConfigFromSheet``) reads the sheet named ``<PROJECT_NAME>.conf`` of the active
workbook, then of the add-in, before the user's ``%USERPROFILE%\\.<PROJECT_NAME>\\<PROJECT_NAME>.conf``
file; it stops at the first blank cell of column A, and a key present with an empty value hides
the lower layers, so only keys with a value are written.

Because the add-in's sheet comes before the user's file, a key written here can never be changed
by the user. The sheet therefore holds only what Kinerja sets on purpose: the interpreter and
PYTHONPATH chosen by ``kinerja addin pasang``, the UDF module, ADD_WORKBOOK_TO_PYTHONPATH off (a
``.py`` file beside a workbook must not shadow Kinerja's imports) and the add-in's version (the
long-lived Python compares it with its own). Everything else, ``USE UDF SERVER`` (Kinerja's VBA
reads it with the default True: a click runs in xlwings' long-lived Python) and ``SHOW CONSOLE``
among them, is left to ``%USERPROFILE%\\.kinerja\\kinerja.conf``.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from xlwings_app import __version__

CONFIG_NAME = "kinerja"
"""xlwings' PROJECT_NAME in the add-in: the sheet ``kinerja.conf`` and ``~\\.kinerja\\kinerja.conf``."""

SHEET_NAME = f"{CONFIG_NAME}.conf"

VERSION_KEY = "KINERJA_VERSI"
"""The add-in's version; KinerjaRibbon.bas passes it to ``ribbon.entry.dispatch`` on every click."""

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class AddinConfig:
    """The settings the add-in carries; empty strings are left out of the sheet."""

    interpreter_win: str = ""
    pythonpath: str = ""
    udf_modules: str = "xlwings_app.udfs"
    version: str = __version__

    def rows(self) -> list[tuple[str, str | bool]]:
        """The (key, value) rows, as xlwings names the keys."""
        rows: list[tuple[str, str | bool]] = [
            ("Interpreter_Win", self.interpreter_win),
            ("PYTHONPATH", self.pythonpath),
            ("UDF Modules", self.udf_modules),
            ("ADD_WORKBOOK_TO_PYTHONPATH", False),
            (VERSION_KEY, self.version),
        ]
        return [(key, value) for key, value in rows if value != ""]


def sheet_xml(config: AddinConfig, code_name: str) -> str:
    """The worksheet part; inline strings, so no sharedStrings entries are needed."""
    rows = []
    for number, (key, value) in enumerate(config.rows(), start=1):
        key_cell = f'<c r="A{number}" s="1" t="inlineStr"><is><t>{escape(key)}</t></is></c>'
        if isinstance(value, bool):
            value_cell = f'<c r="B{number}" s="1" t="b"><v>{int(value)}</v></c>'
        else:
            value_cell = (
                f'<c r="B{number}" s="1" t="inlineStr"><is><t xml:space="preserve">'
                f"{escape(value)}</t></is></c>"
            )
        rows.append(f'<row r="{number}">{key_cell}{value_cell}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{_MAIN_NS}">'
        f'<sheetPr codeName="{escape(code_name)}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15.75"/>'
        '<cols><col min="1" max="1" width="30" customWidth="1"/>'
        '<col min="2" max="2" width="80" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
