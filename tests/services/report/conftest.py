"""Shared example data for the report tests: the example unit, as the workbook reader gives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.samples import contoh

TRICKY = 'A & B <x> "y" {z} {{ v }} {% p %}'
NOW = dt.datetime(2024, 7, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def Data(  # noqa: N802  (read as the value it makes)
    profil: Profil | None, settings: Settings, indicators: list[Indicator], problems: list[Problem] | None = None
) -> WorkbookData:
    """The read model for data built in code (no file behind it: no cell addresses)."""
    return WorkbookData(Path("kinerja.xlsx"), profil, {}, settings, indicators, problems or [])


@pytest.fixture
def data() -> WorkbookData:
    return Data(contoh.PROFIL, Settings(), list(contoh.INDICATORS))


@pytest.fixture
def tricky_data() -> WorkbookData:
    """User text full of characters that mean something to XML and to jinja."""
    indicators = list(contoh.INDICATORS)
    first = indicators[1]  # the document's period is TW II (``provided``, the tests' default)
    indicators[1] = replace(first, analisis=with_catatan(first.analisis, Periode.TW2, permasalahan=f"{TRICKY}\nBaris kedua"))
    profil = replace(contoh.PROFIL, alamat=f"Jl. {TRICKY}")
    return Data(profil, Settings(), indicators)
