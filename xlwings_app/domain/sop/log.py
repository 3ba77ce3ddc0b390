"""The step log (sheet Log Langkah): who did which SOP step of a period, from when to when.

One row per run of a step: Periode, Langkah, Pelaksana (a person's name), Mulai, Selesai, Catatan.
A decision answered TIDAK repeats steps, so a step may have several rows in one period. The adapter
hands the raw cell values; this module turns them into ``LogEntry`` values and problems as data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.model import Sop

#: Column labels of the Log Langkah table, by field.
LABELS: dict[str, str] = {
    "periode": "Periode",
    "langkah": "Langkah",
    "pelaksana": "Pelaksana",
    "mulai": "Mulai",
    "selesai": "Selesai",
    "catatan": "Catatan",
}
#: Dates before this are mistakes: Excel shows an empty or zero date cell as 1900.
EARLIEST = date(2000, 1, 1)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_TW = re.compile(r"^(?:tw|triwulan)\s*[-_.]?\s*(iv|i{1,3}|[1-4])$")

Moment = datetime | date  # a date alone means the whole working day


@dataclass(frozen=True)
class LogEntry:
    """One run of one step in the log. ``invalid`` names the fields whose cell could not be read."""

    periode: str
    langkah: int | None
    pelaksana: str = ""
    mulai: Moment | None = None
    selesai: Moment | None = None
    catatan: str = ""
    baris: int | None = None
    invalid: frozenset[str] = field(default_factory=frozenset)


def normalize_periode(value: str) -> str:
    """One spelling per period: "TW I", "tw 1", "Triwulan I" -> "TW1"; other text with spaces tidied."""
    text = " ".join(value.split())
    match = _TW.match(text.lower())
    if match:
        number = match.group(1)
        return f"TW{_ROMAN.get(number, number)}"
    return text


def new_period_entries(sop: Sop, periode: str) -> list[LogEntry]:
    """The rows ``sop mulai`` adds for a period: one empty row per step, in SOP order."""
    name = normalize_periode(periode)
    return [LogEntry(periode=name, langkah=step.no) for step in sop.steps]


def read_moment(
    value: object,
    *,
    label: str = "Mulai",
    sheet: str | None = None,
    baris: int | None = None,
    sel: str | None = None,
) -> Moment | None | Problem:
    """A Mulai or Selesai cell: a datetime (rounded to the minute), a date alone, or empty.

    Rules: a datetime at exactly 00.00 is a date alone (Excel stores a date as midnight, outside any
    working day); a date before 2000 is a mistake (Excel shows 0 as 1900); text, numbers and a time
    without a date are problems, never guesses.
    """

    def problem(pesan: str) -> Problem:
        return Problem(pesan, sheet=sheet, baris=baris, kolom=label, sel=sel, nilai=value)

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        moment: Moment = _round_to_minute(value)
        if isinstance(moment, datetime) and moment.time() == time(0, 0):
            moment = moment.date()
    elif isinstance(value, date):
        moment = value
    elif isinstance(value, time):
        return problem(f"{label} berisi jam {value:%H.%M} tanpa tanggal; isi tanggal dan jam.")
    elif isinstance(value, str):
        return problem(f'{label} berisi teks "{value.strip()}", bukan tanggal; isi tanggal dan jam.')
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return problem(f"{label} berisi angka {value}, bukan tanggal; format sel sebagai tanggal.")
    else:
        return problem(f"{label} berisi {value!r}, bukan tanggal.")
    day = moment.date() if isinstance(moment, datetime) else moment
    if day < EARLIEST:
        return problem(
            f"{label} bertanggal {day:%d-%m-%Y}, sebelum tahun 2000: sel kosong berisi 0 "
            "(tampil sebagai 1900) atau salah ketik."
        )
    return moment


def read_log_row(
    values: Mapping[str, object],
    *,
    baris: int | None = None,
    sheet: str | None = None,
    cells: Mapping[str, str] | None = None,
) -> tuple[LogEntry | None, list[Problem]]:
    """One Log Langkah row from its raw cell values (keys as in ``LABELS``).

    Returns (None, []) for a blank row. Rules: Periode and Langkah are required; Langkah is a whole
    number; Mulai and Selesai follow ``read_moment``; Selesai may not be before Mulai (compared by date
    when either is a date alone). Every problem names its cell (``cells`` maps field to address).
    """
    if all(_blank(values.get(key)) for key in LABELS):
        return None, []
    problems: list[Problem] = []
    invalid: set[str] = set()

    addresses = cells or {}

    def fail(key: str, pesan: str) -> None:
        problems.append(
            Problem(
                pesan,
                sheet=sheet,
                baris=baris,
                kolom=LABELS[key],
                sel=addresses.get(key),
                nilai=values.get(key),
            )
        )
        invalid.add(key)

    periode = _text(values.get("periode"))
    if not periode:
        fail("periode", "Periode kosong; isi mis. TW1.")
    langkah = _step_number(values.get("langkah"))
    if langkah is None:
        fail("langkah", f"Langkah {_shown(values.get('langkah'))} bukan nomor langkah; isi 1, 2, 3 ...")
    moments: dict[str, Moment | None] = {}
    for key in ("mulai", "selesai"):
        read = read_moment(
            values.get(key), label=LABELS[key], sheet=sheet, baris=baris, sel=addresses.get(key)
        )
        if isinstance(read, Problem):
            problems.append(read)
            invalid.add(key)
            read = None
        moments[key] = read
    mulai, selesai = moments["mulai"], moments["selesai"]
    if mulai is not None and selesai is not None and is_before(selesai, mulai):
        fail("selesai", f"Selesai ({_show(selesai)}) lebih awal dari Mulai ({_show(mulai)}).")
    entry = LogEntry(
        periode=normalize_periode(periode),
        langkah=langkah,
        pelaksana=_text(values.get("pelaksana")),
        mulai=mulai,
        selesai=selesai if "selesai" not in invalid else None,
        catatan=_text(values.get("catatan")),
        baris=baris,
        invalid=frozenset(invalid),
    )
    return entry, problems


def is_date_only(moment: Moment) -> bool:
    return not isinstance(moment, datetime)


def is_before(a: Moment, b: Moment) -> bool:
    """a is before b; compared by date when either is a date alone (a date covers its whole day)."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a < b
    return _day(a) < _day(b)


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _show(moment: Moment) -> str:
    return f"{moment:%d-%m-%Y %H.%M}" if isinstance(moment, datetime) else f"{moment:%d-%m-%Y}"


def _round_to_minute(value: datetime) -> datetime:
    """Excel keeps times as fractions of a day; 10.30 may come back as 10.29.59.999. Round it."""
    base = value.replace(second=0, microsecond=0)
    if value - base < timedelta(seconds=30) or base > datetime.max - timedelta(minutes=1):
        return base  # the last minute Excel can hold (31-12-9999 23.59) cannot round up
    return base + timedelta(minutes=1)


def _step_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float) and value.is_integer() and value > 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and int(value.strip()) > 0:
        return int(value.strip())
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    return "kosong" if _blank(value) else f'"{value}"'
