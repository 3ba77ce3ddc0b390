"""The SOP actions: "Mulai Periode" (``kinerja sop mulai``) and "Periksa Waktu SOP" (``kinerja sop periksa``).

``mulai`` adds one empty Log Langkah row per SOP step for a period (and, given a preset, first adds
the sheets SOP, Kalender and Log Langkah to a workbook that has none). ``periksa`` measures every
run of every step of one SOP against its Mutu Baku Waktu (``measure_sop``, on data read from a file or
the live workbook) and writes its sheet Hasil SOP; ``periksa_semua`` does so for every SOP of the
workbook at once (the ribbon's Periksa Waktu SOP, ``kinerja sop periksa`` without ``--sop``): an
SOP whose log has no rows yet is left out with a note, and an error in any SOP writes nothing.
All read and check everything first; with any error they write nothing, so the file stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.sop.log import LogEntry, new_period_entries, normalize_periode
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.presets import UnknownPreset, preset
from xlwings_app.domain.sop.summary import PeriodSummary, check_log, describe_minutes
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.services.master import Master, using
from xlwings_app.services.sop_master import MasterSource, place_of, sop_of
from xlwings_app.sheets.changes import AddLogSheet, AddSopSheets, AppendLogRows, PutHasilSop, Stamp
from xlwings_app.sheets.sop_layout import (
    DEFAULT_PLACE,
    LOG_HEADER_ROW,
    SHEET_KALENDER,
    SHEET_LOG,
    SHEET_SOP,
    SopPlace,
    short_name,
)
from xlwings_app.sheets.sop_sheet import UnknownSop, match_place, sop_places


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


def own_preset(preset_id: str, profil: Profil | None = None) -> tuple[Sop, str]:
    """The preset made the unit's own from sheet Profil (``domain.sop.adapt.for_unit``: unit,
    kabupaten, head; the seed's register emptied), and the SOP sheet's note saying what changed.

    Without a Profil naming the unit (a new, empty workbook) the preset keeps its texts, loses the
    seed's Nomor SOP, dates and signer, and the note says how to adapt it once Profil is filled.
    """
    from xlwings_app.domain.sop.adapt import catatan, catatan_kosong, for_unit, tanpa_register
    from xlwings_app.domain.sop.presets import nama_asal

    sop, asal = preset(preset_id), nama_asal(preset_id)
    if profil is None or not profil.unit.strip():
        return tanpa_register(sop, asal), catatan_kosong(asal)
    from xlwings_app.services.sop_identitas import identitas

    own, replaced = for_unit(sop, asal, identitas(profil))
    return own, catatan(profil.unit, replaced)


def mulai(source: Path | Master, periode: str, preset_id: str | None = None, tahun: int | None = None) -> MulaiSop:
    """Add the rows of ``periode`` to Log Langkah, one per SOP step, in SOP order.

    Without sheet SOP, ``preset_id`` names the built-in SOP to add first (with sheet Kalender,
    cuti bersama of ``tahun`` pre-filled, and Log Langkah). A period already in the log is refused.
    """
    with using(source) as master:
        return _mulai(master, normalize_periode(periode), preset_id, tahun)


def _place_for_mulai(master: Master, name: str) -> tuple[SopPlace, str | None, Problem | None]:
    """(where, the preset id to add there or None, a problem or notice): ``name`` is an SOP of the
    workbook, else a preset id, added as the first SOP or beside the others under its short name."""
    path = master.path
    found = sop_places(MasterSource(master))
    try:
        return match_place(found, name), None, None
    except UnknownSop as unknown:
        try:
            chosen = preset(name)
        except UnknownPreset as exc:
            pesan = f"{unknown} {exc}" if found else str(exc)
            return DEFAULT_PLACE, None, Problem(pesan, SHEET_SOP, file=path.name)
    if not found:
        return DEFAULT_PLACE, name, None
    try:
        there = match_place(found, short_name(chosen.nama))
    except UnknownSop:
        return SopPlace(short_name(chosen.nama)), name, None
    notice = f"Sheet {there.sop} sudah ada: --sop {name} diabaikan."
    return there, None, Problem(notice, there.sop, file=path.name, tingkat="catatan")


def _mulai(master: Master, name: str, preset_id: str | None, tahun: int | None) -> MulaiSop:
    path = master.path
    place, adding_id, problem = DEFAULT_PLACE, None, None
    if preset_id is not None:
        place, adding_id, problem = _place_for_mulai(master, preset_id)
        if problem is not None and problem.is_error:
            return MulaiSop(periode=name, problems=[problem])
    elif SHEET_SOP not in master.sheet_names():
        place = place_of(master, None)
    data = sop_of(master, place)
    result = MulaiSop(periode=name, sop=data.sop)
    replaced = ""
    adding = adding_id is not None
    if adding_id is not None:
        try:
            result.sop, replaced = own_preset(adding_id, master.data().profil)
        except UnknownPreset as exc:
            result.problems.append(Problem(str(exc), SHEET_SOP, file=path.name))
            return result
        rewritten = (place.sop, SHEET_KALENDER) if place == DEFAULT_PLACE else (place.sop,)
        data.problems = [p for p in data.problems if p.sheet not in rewritten]
    if problem is not None:
        data.problems.append(problem)
    result.problems = data.problems
    rows_of_period = [e.baris for e in data.entries if e.periode == name and e.baris is not None]
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

    if new_sheets:
        master.stage(AddSopSheets(sop, year, replaced, place))
    elif log_missing:
        master.stage(AddLogSheet(sop, place))
    rows = AppendLogRows(sop, result.rows, result.first_row, place)
    master.stage(rows)
    result.cadangan = master.commit()
    result.last_row = rows.last_row
    result.sheets_added = new_sheets
    result.place = place
    return result


def periksa(
    source: Path | Master, periode: str | None = None, tulis: bool = True, sop: str | None = None
) -> PemeriksaanSop:
    """Measure the step log of the SOP ``sop`` names (the first SOP without it; all periods, or
    ``periode``) and, when nothing is wrong, write its Hasil SOP sheet.

    ``source`` is the workbook file or an open master (the ribbon's Periksa Waktu SOP: the live one).
    """
    with using(source) as master:
        place = place_of(master, sop)
        result = measure_sop(sop_of(master, place), periode)
        result.problems += [p for p in _identity(master) if p.sheet == place.sop]
        if not result.valid or not tulis or result.sop is None:
            return result
        chosen = normalize_periode(periode) if periode else None
        master.stage(PutHasilSop(result.sop.nama, result.summaries, chosen, place))
        result.cadangan = master.commit()
        result.ditulis = True
        return result


@dataclass
class PemeriksaanSemua:
    """What ``periksa_semua`` measured: one ``PemeriksaanSop`` per SOP of the workbook, in sheet order."""

    hasil: list[PemeriksaanSop] = field(default_factory=list)
    cadangan: Path | None = None

    @property
    def problems(self) -> list[Problem]:
        """Every SOP's problems, once each (the shared sheet Kalender is read for every SOP)."""
        found: list[Problem] = []
        for result in self.hasil:
            found.extend(p for p in result.problems if p not in found)
        return found

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def ditulis(self) -> list[PemeriksaanSop]:
        """The SOPs whose Hasil SOP sheet was written."""
        return [r for r in self.hasil if r.ditulis]


def periksa_semua(source: Path | Master, periode: str | None = None, tulis: bool = True) -> PemeriksaanSemua:
    """Measure the step log of every SOP of the workbook (all periods, or ``periode``) and, when no
    SOP has an error, write each one's Hasil SOP sheet in one commit.

    An SOP with nothing to measure (its log has no rows yet, or not ``periode``: the Perencanaan SOP
    logs years where the others log triwulan) gets a note (``catatan``) and its Hasil SOP is not
    written; a ``periode`` that no log holds is an error. A workbook without any SOP gets
    ``measure_sop``'s error for sheet SOP.
    """
    with using(source) as master:
        shared = MasterSource(master)
        places = [place for place, _ in sop_places(shared)] or [DEFAULT_PLACE]
        several = len(places) > 1
        result = PemeriksaanSemua([_ukur_satu(master, place, shared, periode, several) for place in places])
        warnings = _identity(master)
        for one in result.hasil:
            one.problems += [p for p in warnings if p.sheet == one.place.sop]
        if periode and several and not any(r.summaries for r in result.hasil):
            result.hasil[0].problems.append(Problem(
                f"Periode {normalize_periode(periode)} tidak ada di log SOP mana pun "
                f"({', '.join(place.log for place in places)}).", places[0].log, file=master.path.name))
        if not result.valid or not tulis:
            return result
        chosen = normalize_periode(periode) if periode else None
        writing = [r for r in result.hasil if r.sop is not None and r.summaries]
        for r in writing:
            assert r.sop is not None
            master.stage(PutHasilSop(r.sop.nama, r.summaries, chosen, r.place))
        if writing:
            result.cadangan = master.commit()
        for r in writing:
            r.ditulis, r.cadangan = True, result.cadangan
        return result


def _identity(master: Master) -> list[Problem]:
    """Warnings where an SOP sheet names another unit or kabupaten than Profil (``sop_identitas``)."""
    from xlwings_app.services.sop_identitas import identity_problems

    return identity_problems(master)


def _ukur_satu(
    master: Master, place: SopPlace, shared: MasterSource, periode: str | None, several: bool
) -> PemeriksaanSop:
    """``measure_sop`` of one SOP for ``periksa_semua``: nothing to measure is a note, not an error (a
    missing ``periode`` stays an error when the workbook has this SOP only, as in ``periksa``)."""
    data = sop_of(master, place, shared)
    measured = measure_sop(data, periode)
    if data.sop is None or place.log not in data.sheets or measured.summaries:
        return measured
    if not data.entries:
        why = f"{place.log} belum berisi baris langkah"
    elif periode and several:
        wanted = normalize_periode(periode)
        measured.problems = [p for p in measured.problems if p.pesan != f"Periode {wanted} tidak ada di log."]
        why = f"{place.log} tidak berisi periode {wanted}"
    else:
        return measured
    measured.problems.append(
        Problem(f"{why}; {place.hasil} tidak ditulis.", place.log, file=master.path.name, tingkat="catatan")
    )
    return measured


def measure_sop(data: SopWorkbook, periode: str | None = None) -> PemeriksaanSop:
    """Measure every run of every step of ``data`` (read from a file or the live workbook); no writing.

    Measured even when reading found errors, so that every problem is listed in one pass.
    """
    place = SopPlace(data.place_name)
    name, log = data.path.name, place.log
    result = PemeriksaanSop(problems=data.problems, sop=data.sop, day_minutes=_day_minutes(data), place=place)
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
        f"Waktu kerja langkah yang diukur: standar {describe_minutes(summary.standard_minutes, day_minutes)}, "
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


@dataclass(frozen=True)
class Catatan:
    """What Catat Waktu Langkah wrote: the column (Mulai/Selesai), the row's step and period, the time."""

    kolom: str
    baris: int
    langkah: object
    periode: object
    waktu: datetime


def catat_waktu(master: Master, baris: int, now: datetime | None = None) -> Catatan:
    """Stamp the time into Mulai (if empty) else Selesai of row ``baris`` of Log Langkah (``domain.sop.stamp``).

    Refused (``SopDitolak``, a refusal) for a row that is not a step, or whose Mulai and Selesai are
    both filled. The stamp is one change, committed at once (the ribbon's Catat Waktu Langkah).
    """
    from xlwings_app.domain.sop.log import LABELS
    from xlwings_app.domain.sop.stamp import is_blank_row, stamp_column
    from xlwings_app.sheets.log import log_header
    from xlwings_app.sheets.sop_layout import DATETIME_FORMAT

    rows = master.rows(SHEET_LOG)
    found = log_header(rows)
    if found is None:
        raise SopDitolak(f"Judul kolom {', '.join(LABELS.values())} tidak ditemukan di sheet '{SHEET_LOG}'.")
    header, cols = found
    values = rows[baris - 1] if baris <= len(rows) else []
    if baris <= header or is_blank_row(values, cols):
        raise SopDitolak(f"Baris {baris} bukan baris langkah: pilih baris yang berisi Periode dan Langkah.")

    def cell(key: str) -> object:
        return values[cols[key]] if cols[key] < len(values) else None

    kolom = stamp_column(cell("mulai"), cell("selesai"))
    if kolom is None:
        raise SopDitolak(f"Mulai dan Selesai baris {baris} sudah terisi; ubah langsung di sel bila keliru.")
    stamp = (now or datetime.now()).replace(second=0, microsecond=0)
    master.stage(Stamp(SHEET_LOG, baris, cols[kolom] + 1, stamp, DATETIME_FORMAT))
    master.commit()
    return Catatan(LABELS[kolom], baris, cell("langkah"), cell("periode"), stamp)


class SopDitolak(Refusal):
    """A step-log action cannot be done on this row; the message says what to select instead."""
