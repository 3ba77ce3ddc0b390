"""Shared example data for the report tests: the example unit, as the workbook reader gives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pytest

from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.samples import contoh

TRICKY = 'A & B <x> "y" {z} {{ v }} {% p %}'
NOW = dt.datetime(2024, 7, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@dataclass
class Data:
    """The fields of the workbook service's WorkbookData the documents read."""

    profil: Profil | None
    settings: Settings
    indicators: list[Indicator]
    problems: list[Problem] = field(default_factory=list)


@pytest.fixture
def data() -> Data:
    return Data(contoh.PROFIL, Settings(), list(contoh.INDICATORS))


@pytest.fixture
def tricky_data() -> Data:
    """User text full of characters that mean something to XML and to jinja."""
    indicators = list(contoh.INDICATORS)
    first = indicators[1]  # the document's period is TW II (``provided``, the tests' default)
    indicators[1] = replace(first, analisis=with_catatan(first.analisis, Periode.TW2, permasalahan=f"{TRICKY}\nBaris kedua"))
    profil = replace(contoh.PROFIL, alamat=f"Jl. {TRICKY}")
    return Data(profil, Settings(), indicators)
