"""The SOP actions: "Mulai Periode" (``kinerja sop mulai``) and "Periksa Waktu SOP" (``kinerja sop periksa``).

``mulai`` adds one empty Log Langkah row per SOP step for a period (and, given a preset, first adds
the sheets SOP, Kalender and Log Langkah to a workbook that has none). ``periksa`` measures every
run of every step against its Mutu Baku Waktu (``ukur``, on data read from a file or the live
workbook) and writes sheet Hasil SOP. Both read and check
everything first; with any error they write nothing, so the file stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.sop_results import write_hasil_sop
from xlwings_app.adapters.openpyxl.sop_sheets import (
    DEFAULT_PLACE,
    LOG_HEADER_ROW,
    SHEET_KALENDER,
    SHEET_SOP,
    SopPlace,
    add_sop_sheets,
    short_name,
    write_log,
    write_log_rows,
)
from xlwings_app.adapters.xlsx.sop_reader import (
    SopWorkbook,
    UnknownSop,
    list_sops,
    match_place,
    read_sop_workbook,
)
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.log import LogEntry, new_period_entries, normalize_periode
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.presets import UnknownPreset, preset
from xlwings_app.domain.sop.summary import PeriodSummary, check_log, describe_minutes
from xlwings_app.samples import example_sop
from xlwings_app.services.workbook import WorkbookError, update


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
    place: SopPlace = DEFAULT_PLACE

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
    place: SopPlace = DEFAULT_PLACE

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def place_of(path: Path, name: str | None) -> SopPlace:
    """The workbook's SOP that ``--sop NAME`` names (``find_place``); WorkbookError if none."""
    try:
        return match_place(list_sops(path), name)
    except UnknownSop as exc:
        raise WorkbookError(f"{path.name}: {exc}") from None


def _place_for_mulai(path: Path, name: str | None) -> tuple[SopPlace, Sop | None, Problem | None]:
    """(where, the preset to add there or None, a problem or notice): ``name`` is an SOP of the
    workbook, else a preset id, added as the first SOP or beside the others under its short name."""
    found = list_sops(path)
    try:
        return match_place(found, name), None, None
    except UnknownSop as unknown:
        assert name is not None
        try:
            chosen = preset(name)
        except UnknownPreset as exc:
            pesan = f"{unknown} {exc}" if found else str(exc)
            return DEFAULT_PLACE, None, Problem(pesan, SHEET_SOP, file=path.name)
    if not found:
        return DEFAULT_PLACE, chosen, None
    try:
        there = match_place(found, short_name(chosen.nama))
    except UnknownSop:
        return SopPlace(short_name(chosen.nama)), chosen, None
    notice = f"Sheet {there.sop} sudah ada: --sop {name} diabaikan."
    return there, None, Problem(notice, there.sop, file=path.name, tingkat="catatan")


def mulai(path: Path, periode: str, preset_id: str | None = None, tahun: int | None = None) -> MulaiSop:
    """Add the rows of ``periode`` to the SOP's log, one per SOP step, in SOP order.

    ``preset_id`` names an SOP of the workbook (``--sop Perencanaan``) or a built-in SOP: without
    any SOP sheet it is added first (with sheet Kalender, cuti bersama of ``tahun`` pre-filled,
    and Log Langkah); beside other SOPs it gets its own sheets (SOP Perencanaan, Log Perencanaan).
    A period already in the log is refused.
    """
    name = normalize_periode(periode)
    place, chosen, problem = _place_for_mulai(path, preset_id)
    if problem is not None and problem.is_error:
        return MulaiSop(periode=name, problems=[problem])
    data = read_sop_workbook(path, place)
    result = MulaiSop(periode=name, sop=data.sop)
    adding = chosen is not None
    if chosen is not None:
        result.sop = chosen
        rewritten = (place.sop, SHEET_KALENDER) if place == DEFAULT_PLACE else (place.sop,)
        data.problems = [p for p in data.problems if p.sheet not in rewritten]
    if problem is not None:
        data.problems.append(problem)
    result.problems = data.problems
    rows_of_period = [e.baris for e in data.entries if e.periode == name]
    if rows_of_period:
        result.problems.append(
            Problem(
                f"Periode {name} sudah ada di {place.log} (baris {min(rows_of_period)}-{max(rows_of_period)}); "
                "hapus baris itu dulu bila ingin memulai ulang.",
                place.log,
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
    log_missing = place.log not in data.sheets
    last = data.log_last_row if not (new_sheets or log_missing) else LOG_HEADER_ROW
    result.first_row = (last or LOG_HEADER_ROW) + 1

    def change(wb: Workbook) -> None:
        if new_sheets:
            add_sop_sheets(wb, sop, year, place=place)
        elif log_missing:
            write_log(wb, sop, place=place)
        assert result.first_row is not None
        result.last_row = write_log_rows(wb[place.log], sop, result.rows, result.first_row)

    result.cadangan = update(path, change)
    result.sheets_added = new_sheets
    result.place = place
    return result


def periksa(
    path: Path, periode: str | None = None, tulis: bool = True, sop: str | None = None
) -> PemeriksaanSop:
    """Measure the step log of the SOP ``sop`` names (the first SOP without it; all periods, or
    ``periode``) and, when nothing is wrong, write its Hasil SOP sheet."""
    place = place_of(path, sop)
    result = ukur(read_sop_workbook(path, place), periode)
    if not result.valid or not tulis or result.sop is None:
        return result
    found, summaries, chosen = result.sop, result.summaries, normalize_periode(periode) if periode else None
    result.cadangan = update(path, lambda wb: write_hasil_sop(wb, found.nama, summaries, chosen, place))
    result.ditulis = True
    return result


def ukur(data: SopWorkbook, periode: str | None = None) -> PemeriksaanSop:
    """Measure every run of every step of ``data`` (read from a file or the live workbook); no writing.

    Measured even when reading found errors, so that every problem is listed in one pass.
    """
    name, log = data.path.name, data.place.log
    result = PemeriksaanSop(problems=data.problems, sop=data.sop, day_minutes=_day_minutes(data), place=data.place)
    if log not in data.sheets:
        result.problems.append(
            Problem(f"Sheet {log} tidak ditemukan: buat dengan kinerja sop mulai FILE --periode TW1.",
                    log, file=name)
        )  # fmt: skip
    if data.sop is None or log not in data.sheets:
        return result
    summaries, problems = check_log(data.sop, data.entries, data.calendar, periode=periode, sheet=log)
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
    """Add the example SOPs to the workbook at ``path``, side by side, then check them.

    The Pengukuran SOP (sheets SOP, Log Langkah) with its filled TW3 log, the Perencanaan SOP
    (SOP Perencanaan, Log Perencanaan) with the log of the Rencana Kinerja 2024, and the
    Pengumpulan Data SOP with its TW3 rows started. For ``kinerja contoh``: yields the lines to print.
    """
    sop, rows = example_sop.example_sop(), example_sop.example_log()
    perencanaan = example_sop.perencanaan_sop()
    plan_place = SopPlace(short_name(perencanaan.nama))
    pengumpulan = replace(preset(example_sop.PENGUMPULAN_PRESET), unit=perencanaan.unit)
    data_place = SopPlace(short_name(pengumpulan.nama))

    def change(wb: Workbook) -> None:
        add_sop_sheets(wb, sop, 2024)
        write_log_rows(wb[DEFAULT_PLACE.log], sop, rows, LOG_HEADER_ROW + 1)
        add_sop_sheets(wb, perencanaan, 2024, place=plan_place)
        write_log_rows(wb[plan_place.log], perencanaan, example_sop.perencanaan_log(), LOG_HEADER_ROW + 1)
        add_sop_sheets(wb, pengumpulan, 2024, place=data_place)
        write_log_rows(
            wb[data_place.log], pengumpulan, new_period_entries(pengumpulan, example_sop.PERIODE), LOG_HEADER_ROW + 1
        )

    update(path, change)
    yield f"SOP contoh: {sop.nama} (preset {example_sop.PRESET}), log {example_sop.PERIODE} terisi."
    result = periksa(path)
    if not result.valid:
        raise RuntimeError("log SOP contoh tidak sah: " + "; ".join(str(p) for p in result.problems))
    for summary in result.summaries:
        yield from summary_lines(summary, result.day_minutes)
    yield f"Sheet Hasil SOP ditulis ke {path}"
    plan = periksa(path, sop=plan_place.nama)
    if not plan.valid:
        raise RuntimeError("log SOP Perencanaan contoh tidak sah: " + "; ".join(str(p) for p in plan.problems))
    yield f"SOP contoh: {perencanaan.nama} (sheet {plan_place.sop}), log {example_sop.PERENCANAAN_PERIODE} terisi."
    for summary in plan.summaries:
        yield from summary_lines(summary, plan.day_minutes)
    yield f"Sheet {plan_place.hasil} ditulis; {pengumpulan.nama} di sheet {data_place.sop} (log {example_sop.PERIODE} dimulai)."
