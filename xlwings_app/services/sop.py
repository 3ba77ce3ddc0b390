"""The SOP actions: "Mulai Periode" (``kinerja sop mulai``) and "Periksa Waktu SOP" (``kinerja sop periksa``).

``mulai`` adds one empty Log Langkah row per SOP step for a period (and, given a preset, first adds
the sheets SOP, Kalender and Log Langkah to a workbook that has none). ``periksa`` measures every
run of every step against its Mutu Baku Waktu (``ukur``, on data read from a file or the live
workbook) and writes sheet Hasil SOP. Both read and check
everything first; with any error they write nothing, so the file stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.sop_results import write_hasil_sop
from xlwings_app.adapters.openpyxl.sop_sheets import (
    LOG_HEADER_ROW,
    SHEET_KALENDER,
    SHEET_LOG,
    SHEET_SOP,
    add_sop_sheets,
    write_log,
    write_log_rows,
)
from xlwings_app.adapters.xlsx.sop_reader import SopWorkbook, read_sop_workbook
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.log import LogEntry, new_period_entries, normalize_periode
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.presets import UnknownPreset, preset
from xlwings_app.domain.sop.summary import PeriodSummary, check_log, describe_minutes
from xlwings_app.samples import example_sop
from xlwings_app.services.workbook import update


@dataclass
class MulaiSop:
    """What ``mulai`` did: the rows added (sheet rows ``first_row``..``last_row``) or the problems."""

    periode: str
    problems: list[Problem] = field(default_factory=list)
    sop: Sop | None = None
    rows: list[LogEntry] = field(default_factory=list)
    first_row: int | None = None
    last_row: int | None = None
    sheets_added: bool = False
    cadangan: Path | None = None

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


@dataclass
class PemeriksaanSop:
    """What ``periksa`` measured: one summary per period, and every problem found."""

    problems: list[Problem] = field(default_factory=list)
    sop: Sop | None = None
    summaries: list[PeriodSummary] = field(default_factory=list)
    day_minutes: int = 450
    ditulis: bool = False
    cadangan: Path | None = None

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def own_preset(preset_id: str, path: Path | None = None) -> tuple[Sop, str]:
    """The preset with the seed's office names replaced by the unit's (sheet Profil of ``path``).

    Without a readable Profil (a new, empty workbook) the preset is kept and the note says which
    names to replace by hand.
    """
    from xlwings_app.domain.sop.adapt import catatan, catatan_kosong, for_unit
    from xlwings_app.domain.sop.model import Pengesah
    from xlwings_app.domain.sop.presets import nama_asal

    sop, asal = preset(preset_id), nama_asal(preset_id)
    profil = None
    if path is not None:
        from xlwings_app.adapters.xlsx.guard import WorkbookError
        from xlwings_app.adapters.xlsx.reader import read_workbook

        try:
            profil = read_workbook(path).profil
        except WorkbookError:
            profil = None
    if profil is None or not profil.unit.strip():
        return sop, catatan_kosong(asal)
    head = profil.penandatangan
    own, replaced = for_unit(sop, asal, profil.unit, head.jabatan,
                             Pengesah(head.jabatan_lengkap, head.nama, head.nip))
    return own, catatan(profil.unit, replaced)


def mulai(path: Path, periode: str, preset_id: str | None = None, tahun: int | None = None) -> MulaiSop:
    """Add the rows of ``periode`` to Log Langkah, one per SOP step, in SOP order.

    Without sheet SOP, ``preset_id`` names the built-in SOP to add first (with sheet Kalender,
    cuti bersama of ``tahun`` pre-filled, and Log Langkah). A period already in the log is refused.
    """
    name = normalize_periode(periode)
    data = read_sop_workbook(path)
    result = MulaiSop(periode=name, sop=data.sop)
    replaced = ""
    adding = SHEET_SOP not in data.sheets and preset_id is not None
    if adding:
        try:
            result.sop, replaced = own_preset(str(preset_id), path)
        except UnknownPreset as exc:
            result.problems.append(Problem(str(exc), SHEET_SOP, file=path.name))
            return result
        data.problems = [p for p in data.problems if p.sheet not in (SHEET_SOP, SHEET_KALENDER)]
    elif preset_id is not None:
        data.problems.append(
            Problem(f"Sheet {SHEET_SOP} sudah ada: --sop {preset_id} diabaikan.", SHEET_SOP,
                    file=path.name, tingkat="catatan")
        )  # fmt: skip
    result.problems = data.problems
    rows_of_period = [e.baris for e in data.entries if e.periode == name]
    if rows_of_period:
        result.problems.append(
            Problem(
                f"Periode {name} sudah ada di Log Langkah (baris {min(rows_of_period)}-{max(rows_of_period)}); "
                "hapus baris itu dulu bila ingin memulai ulang.",
                SHEET_LOG,
                min(rows_of_period),
                "Periode",
                file=path.name,
            )
        )
    sop = result.sop
    if sop is None or not result.valid:
        return result
    result.rows = new_period_entries(sop, name)
    year = tahun or data.tahun or date.today().year
    new_sheets = adding
    log_missing = SHEET_LOG not in data.sheets
    last = data.log_last_row if not (new_sheets or log_missing) else LOG_HEADER_ROW
    result.first_row = (last or LOG_HEADER_ROW) + 1

    def change(wb: Workbook) -> None:
        if new_sheets:
            add_sop_sheets(wb, sop, year, catatan=replaced)
        elif log_missing:
            write_log(wb, sop)
        assert result.first_row is not None
        result.last_row = write_log_rows(wb[SHEET_LOG], sop, result.rows, result.first_row)

    result.cadangan = update(path, change)
    result.sheets_added = new_sheets
    return result


def periksa(path: Path, periode: str | None = None, tulis: bool = True) -> PemeriksaanSop:
    """Measure the step log (all periods, or ``periode``) and, when nothing is wrong, write Hasil SOP."""
    result = ukur(read_sop_workbook(path), periode)
    if not result.valid or not tulis or result.sop is None:
        return result
    sop, summaries, chosen = result.sop, result.summaries, normalize_periode(periode) if periode else None
    result.cadangan = update(path, lambda wb: write_hasil_sop(wb, sop.nama, summaries, chosen))
    result.ditulis = True
    return result


def ukur(data: SopWorkbook, periode: str | None = None) -> PemeriksaanSop:
    """Measure every run of every step of ``data`` (read from a file or the live workbook); no writing.

    Measured even when reading found errors, so that every problem is listed in one pass.
    """
    name = data.path.name
    result = PemeriksaanSop(problems=data.problems, sop=data.sop, day_minutes=_day_minutes(data))
    if SHEET_LOG not in data.sheets:
        result.problems.append(
            Problem(f"Sheet {SHEET_LOG} tidak ditemukan: buat dengan kinerja sop mulai FILE --periode TW1.",
                    SHEET_LOG, file=name)
        )  # fmt: skip
    if data.sop is None or SHEET_LOG not in data.sheets:
        return result
    summaries, problems = check_log(data.sop, data.entries, data.calendar, periode=periode, sheet=SHEET_LOG)
    result.summaries = summaries
    result.problems.extend(p.in_file(name) for p in problems)
    return result


def _day_minutes(data: SopWorkbook) -> int:
    return int(data.calendar.nominal_day.total_seconds() // 60)


def summary_lines(summary: PeriodSummary, day_minutes: int = 450) -> list[str]:
    """The period's figures in Indonesian sentences (CLI, ``make demo``)."""
    share = "-" if summary.share_on_time is None else f"{summary.share_on_time}".replace(".", ",") + "%"
    counts = ", ".join(f"{status} {n}" for status, n in summary.status_counts.items() if n)
    delays = "; ".join(
        f"langkah {r.langkah}" + (f" (putaran {r.run_no})" if r.run_no > 1 else "")
        + f" +{describe_minutes(r.difference_minutes, day_minutes)}"
        for r in summary.longest_delays
    )  # fmt: skip
    lines = [
        f"Periode {summary.periode}: {len(summary.runs)} pelaksanaan langkah; tepat waktu {share} ({counts}).",
        f"Waktu kerja langkah selesai: standar {describe_minutes(summary.standard_minutes, day_minutes)}, "
        f"aktual {describe_minutes(summary.actual_minutes, day_minutes)}; standar SOP sekali jalan "
        f"{describe_minutes(summary.sop_standard_minutes, day_minutes)}.",
    ]
    if summary.cycle_calendar_days is not None:
        lines.append(
            f"Siklus: {describe_minutes(summary.cycle_working_minutes, day_minutes)} waktu kerja, "
            f"{summary.cycle_calendar_days} hari kalender; putaran revisi {summary.revision_rounds}."
        )
    lines.append(f"Keterlambatan terbesar: {delays or 'tidak ada'}.")
    return lines


def contoh(path: Path) -> Iterator[str]:
    """Add the example SOP and its filled TW3 log to the workbook at ``path``, then check it.

    For ``kinerja contoh``: yields the lines to print.
    """
    from xlwings_app.domain.sop.adapt import catatan

    (sop, replaced), rows = example_sop.adapted(), example_sop.example_log()

    def change(wb: Workbook) -> None:
        add_sop_sheets(wb, sop, 2024, catatan=catatan("Kecamatan Lumajang", replaced))
        write_log_rows(wb[SHEET_LOG], sop, rows, LOG_HEADER_ROW + 1)

    update(path, change)
    yield f"SOP contoh: {sop.nama} (preset {example_sop.PRESET}), log {example_sop.PERIODE} terisi."
    result = periksa(path)
    if not result.valid:
        raise RuntimeError("log SOP contoh tidak sah: " + "; ".join(str(p) for p in result.problems))
    for summary in result.summaries:
        yield from summary_lines(summary, result.day_minutes)
    yield f"Sheet Hasil SOP ditulis ke {path}"
