"""The Kinerja worksheet functions (xlwings UDFs), wrapped in VBA by macros/KinerjaUDF.bas.

Excel names: KINERJA_CAPAIAN(target; realisasi; polaritas),
KINERJA_PREDIKAT(capaian; [skala_batas]; [skala_predikat]), KINERJA_DURASI(mulai; selesai) and
KINERJA_WAKTU_STANDAR(teks). A VBA name cannot hold a dot, so the issue's "KINERJA.CAPAIAN" is
written KINERJA_CAPAIAN; the Python names are the VBA names, as ``xlwings.import_udfs`` would
generate them. Each function computes with the domain, the same rules as the CLI, and never lets
an exception reach the cell: a bad input gives an Indonesian message starting with ``#KINERJA``.

A value that cannot be computed (blank realisasi, target 0 with positive polarity) is ``None``
here. xlwings sends ``None`` to VBA as "" (text), which Excel ranks above every number, so
``=KINERJA_CAPAIAN(...)>=91`` would be TRUE for it; the VBA wrappers of the numeric functions
(macros/KinerjaUDF.bas, ``BlankAsEmpty``) turn that "" into Empty, which Excel treats as an empty
cell in comparisons and sums (as 0: ``>=91`` FALSE, SUM unchanged; the cell shows 0). A predikat
stays text: "" for no predikat.

The public functions carry no type hints on purpose: xlwings reads a UDF's hints as value
converters (``convert=``), and plain values are what these functions take and return.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal

import xlwings as xw

from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.predikat import check_scale, predikat
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale

Cell = object


class _BadInput(ValueError):
    """An argument the function cannot read; ``str(self)`` is the Indonesian reason."""


def _message(error: Exception) -> str:
    return f"#KINERJA: {error}"


def _guarded(compute: Callable[..., object], *args: Cell) -> object:
    """Run ``compute``; a bad input gives its message, anything else a logged generic one."""
    try:
        return compute(*args)
    except _BadInput as error:
        return _message(error)
    except Exception:
        import traceback

        from xlwings_app.ribbon.entry import log_path

        path = log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat(timespec='seconds')} UDF\n")
                log.write(traceback.format_exc())
        except OSError:
            pass
        return f"#KINERJA: kesalahan tak terduga; rincian di {path}"


def _number(value: Cell, name: str) -> Decimal | None:
    read = read_number(value)
    if read.galat:
        raise _BadInput(f"{name}: {read.galat}")
    return read.value


def _polaritas(value: Cell) -> Polaritas:
    text = "" if value is None else str(value).strip().lower()
    for polaritas in Polaritas:
        if text in (polaritas.value.lower(), polaritas.value[0].lower()):
            return polaritas
    raise _BadInput(f"polaritas '{value}' tidak dikenal: isi Positif atau Negatif")


@xw.func(call_in_wizard=False)  # the wrapper skips the Function Wizard (macros/KinerjaUDF.bas)
def KINERJA_CAPAIAN(target, realisasi, polaritas="Positif"):  # type: ignore[no-untyped-def]
    """Capaian (%) of realisasi against target (``domain.capaian``; PermenPANRB 6/2022).

    Positif: R / T × 100. Negatif: (2T − R) / T × 100, never below 0. Rounded to 2 decimals.
    """
    return _guarded(_capaian, target, realisasi, polaritas)


def _capaian(target: Cell, realisasi: Cell, polaritas: Cell) -> float | None:
    result = capaian(_number(target, "target"), _number(realisasi, "realisasi"), _polaritas(polaritas))
    return None if result is None else float(result)


@xw.func(call_in_wizard=False)  # the wrapper skips the Function Wizard (macros/KinerjaUDF.bas)
@xw.arg("skala_batas", ndim=2)
@xw.arg("skala_predikat", ndim=2)
def KINERJA_PREDIKAT(nilai_capaian, skala_batas=None, skala_predikat=None):  # type: ignore[no-untyped-def]
    """Predikat of a capaian (``domain.predikat``), rounded to 2 decimals first.

    Without a scale: Permendagri 86/2017's (>= 91 Sangat Tinggi, 76 Tinggi, 66 Sedang, 51 Rendah,
    else Sangat Rendah). With one: ``skala_batas`` the lower bounds and ``skala_predikat`` the
    labels (a Kinerja workbook names them SkalaBatas and SkalaPredikat, from sheet Pengaturan), or
    ``skala_batas`` alone as two columns (bound, label). Checked like sheet Pengaturan's scale.
    """
    return _guarded(_predikat, nilai_capaian, skala_batas, skala_predikat)


def _predikat(value: Cell, bounds: Cell, labels: Cell) -> str | None:
    scale = DEFAULT_SCALE if bounds is None and labels is None else _scale(bounds, labels)
    return predikat(_number(value, "capaian"), scale)


def _cells(value: Cell) -> list[list[Cell]]:
    """A range or array argument as rows; a single value as one row."""
    if isinstance(value, list | tuple):
        return [list(row) if isinstance(row, list | tuple) else [row] for row in value]
    return [[value]]


def _column(value: Cell) -> list[Cell]:
    rows = _cells(value)
    if len(rows) == 1:  # a row, e.g. {0;51;66} typed across or A10:E10
        return rows[0]
    if any(len(row) != 1 for row in rows):
        raise _BadInput("skala: batas dan predikat masing-masing satu kolom (atau satu baris)")
    return [row[0] for row in rows]


def _scale(bounds: Cell, labels: Cell) -> Scale:
    """The scale of the optional arguments; blank rows (a range longer than the scale) skipped."""
    if labels is None:
        rows = _cells(bounds)
        if any(len(row) != 2 for row in rows):
            raise _BadInput("skala: beri dua kolom (batas bawah, predikat) atau batas dan predikat terpisah")
        pairs = [(row[0], row[1]) for row in rows]
    elif bounds is None:
        raise _BadInput("skala: batas bawah (skala_batas) tidak diisi")
    else:
        lower, names = _column(bounds), _column(labels)
        if len(lower) != len(names):
            raise _BadInput(f"skala: {len(lower)} batas bawah tetapi {len(names)} predikat")
        pairs = list(zip(lower, names, strict=True))
    bands = []
    for bound, label in pairs:
        if bound in (None, "") and label in (None, ""):
            continue
        number = _number(bound, "skala: batas bawah")
        if number is None:
            raise _BadInput(f"skala: predikat '{label}' tanpa batas bawah")
        bands.append(Band(number, "" if label is None else str(label).strip()))
    scale = Scale(tuple(bands))
    from xlwings_app.sheets.layout import SHEET_PENGATURAN  # the scale's defined names live there

    problems = check_scale(scale, SHEET_PENGATURAN)
    if problems:
        raise _BadInput("skala: " + problems[0].pesan)
    return scale


def _moment(value: Cell, name: str) -> datetime | date:
    """A cell as a moment; a date, or a datetime at 00:00, as a whole day."""
    moment: datetime | date | None = None
    if isinstance(value, datetime | date):
        moment = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        moment = xw.to_datetime(value)  # type: ignore[no-untyped-call]
    elif isinstance(value, str) and value.strip():
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if moment is None:
        raise _BadInput(f"{name} '{value}' bukan tanggal/waktu")
    if isinstance(moment, datetime) and moment.time() == time.min:
        return moment.date()
    return moment


@xw.func(call_in_wizard=False)  # the wrapper skips the Function Wizard (macros/KinerjaUDF.bas)
def KINERJA_DURASI(mulai, selesai):  # type: ignore[no-untyped-def]
    """Working minutes from mulai to selesai (``domain.sop.calendar.WorkingCalendar``).

    Counts only working hours of working days, less national holidays; the sheet Kalender's cuti
    bersama are not visible to a worksheet function. A date without a time (or at 00:00) is the
    start (mulai) or the end (selesai) of that working day.
    """
    return _guarded(_durasi, mulai, selesai)


def _durasi(mulai: Cell, selesai: Cell) -> float:
    from xlwings_app.domain.sop.calendar import WorkingCalendar

    start, finish = _moment(mulai, "mulai"), _moment(selesai, "selesai")
    calendar = WorkingCalendar()
    if not isinstance(start, datetime):
        start = calendar.day_start(start)
    if not isinstance(finish, datetime):
        finish = calendar.day_end(finish)
    if finish < start:
        raise _BadInput("selesai lebih awal dari mulai")
    return round(calendar.working_time(start, finish).total_seconds() / 60, 2)


@xw.func(call_in_wizard=False)  # the wrapper skips the Function Wizard (macros/KinerjaUDF.bas)
def KINERJA_WAKTU_STANDAR(teks):  # type: ignore[no-untyped-def]
    """Minutes of working time a Mutu Baku Waktu allows ("15 menit", "1 hari kerja").

    Parsed by ``domain.sop.waktu.parse_waktu``; a day-based unit counts the usual working day
    (7 h 30 min by default), as ``WorkingCalendar.standard_time`` does without a start.
    """
    return _guarded(_waktu_standar, teks)


def _waktu_standar(teks: Cell) -> float:
    from xlwings_app.domain.problems import Problem
    from xlwings_app.domain.sop.calendar import WorkingCalendar
    from xlwings_app.domain.sop.waktu import parse_waktu

    duration = parse_waktu(teks)
    if isinstance(duration, Problem):
        raise _BadInput(duration.pesan)
    return round(WorkingCalendar().standard_time(duration).total_seconds() / 60, 2)
