"""Is a realisasi of a "%" indicator the percentage that was meant? Two slips of typing a percentage.

An indicator whose satuan is "%" holds percentage points: 95 means 95 % (docs/masukan-excel.md).
Two slips store a number a hundred times off, and both are errors naming the cell, with what was
probably meant:

- a fraction: a realisasi above 0 and at most 1 against a target above 1, NOT typed with a percent
  sign (not read from a percent-formatted cell). "0,95" typed for 95 %, or "95%" typed in
  LibreOffice into a cell with a literal-% format (LibreOffice keeps such a format and stores 0.95).
  Meant: realisasi × 100. A realisasi really below 1 % is typed with its sign ("0,95%": a percent
  cell, read 0.95) and is never refused. 0 is 0 % either way and is never refused;
- a hundredfold: a realisasi typed WITHOUT the sign into a cell that already has a percent format
  (LibreOffice stores 95 there, shown 9500 %; Excel does so when its automatic percent entry is
  off), read as a percentage at least 10 times the target (such a slip lands near 100 times the
  target; a real result ten times its target is not a percentage any office plans). Meant:
  realisasi ÷ 100.

The target compared with is the realisasi's own triwulan target, else the yearly target, else the
range's upper bound (PermenPANRB 53/2014 and 6/2022 measure realisasi against the target of the same
period). The rule judges what a cell holds, so the reader of the master (``kinerja periksa``,
``hitung``) and of a form (``kinerja rekap``) apply it alike.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.numbers import Percent
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import RawRow

PERCENT_UNIT = "%"
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_TENFOLD = Decimal(10)


def _shown(number: Decimal) -> str:
    """``number`` the Indonesian way with every decimal it has (a slip's digits are all shown)."""
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return angka(number, min(places, 10)) if places > 2 else angka(number)


def is_percent_unit(satuan: str) -> bool:
    """Whether an indicator of unit ``satuan`` holds percentage points (its satuan is "%")."""
    return satuan.strip() == PERCENT_UNIT


def reference_target(target_tw: Decimal | None, target_tahunan: Decimal | None,
                     batas_atas: Decimal | None = None) -> Decimal | None:
    """The target a triwulan's realisasi is judged against: its own triwulan target, else the yearly
    target, else the range's upper bound."""
    for target in (target_tw, target_tahunan, batas_atas):
        if target is not None:
            return target
    return None


def implausible_percent(kolom: str, kode: str, realisasi: Decimal | None, target: Decimal | None,
                        typed_percent: bool) -> str | None:
    """The Indonesian error for a "%" indicator's realisasi a hundred times off (module docstring),
    or None. ``typed_percent``: the value was read from a percent-formatted cell (typed with "%")."""
    if realisasi is None or target is None or target <= 0:
        return None
    if not typed_percent and 0 < realisasi <= _ONE < target:
        meant = _shown(realisasi * _HUNDRED)
        return (
            f"{kolom} {kode} tertulis {_shown(realisasi)}, padahal targetnya {_shown(target)}%: mungkin maksudnya "
            f"{meant}% (persen ditulis sebagai pecahan, atau 95% tersimpan 0,95 di sel berformat lama). "
            f"Ketik {meant}. Bila realisasinya memang {_shown(realisasi)}%, ketik dengan tanda persen: "
            f"{_shown(realisasi)}%."
        )
    if typed_percent and realisasi >= target * _TENFOLD:
        meant = _shown(realisasi / _HUNDRED)
        return (
            f"{kolom} {kode} tampil {_shown(realisasi)}%, padahal targetnya {_shown(target)}%: mungkin maksudnya "
            f"{meant}% (angka diketik tanpa tanda % di sel yang sudah berformat persen). "
            f"Ketik ulang dengan tanda persen: {meant}%."
        )
    return None


def row_percent_problems(raw: RawRow, indicator: Indicator) -> list[Problem]:
    """The errors of a master row's realisasi TW I–IV (``implausible_percent``), each at its cell."""
    if not is_percent_unit(indicator.satuan):
        return []
    problems = []
    for i, realisasi in enumerate(indicator.realisasi_tw):
        key = f"r{i + 1}"
        target = reference_target(indicator.target_tw[i], indicator.target_tahunan, indicator.batas_atas)
        kolom = raw.headers.get(key, key)
        pesan = implausible_percent(kolom, indicator.kode, realisasi, target, isinstance(raw.values.get(key), Percent))
        if pesan:
            problems.append(Problem(pesan, raw.sheet, raw.baris, kolom, raw.cells.get(key), raw.values.get(key)))
    return problems
