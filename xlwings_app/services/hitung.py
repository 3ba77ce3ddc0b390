"""The user actions "Periksa Data" and "Hitung Capaian" (``kinerja periksa`` / ``kinerja hitung``).

``periksa`` reads and checks every input and never writes. ``hitung`` does the same and, when no
input has an error, measures every indicator in every period, writes sheets Hasil and Rekap
(inputs untouched) and returns what it computed. With errors it writes nothing.

Measuring streams: one indicator at a time, its five results go to sheet Hasil's spool
(``sheets.hasil_spool``, on disk) and the chosen period's into Rekap's tallies (``domain.tally``),
so a workbook of 100,000 indicators never holds its 500,000 results; the chosen period's results
are measured again when asked for (``measure.Measured``: the CLI's table and ``--json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import (
    Hasil,
    Measured,
    carried_from,
    carry_problems,
    indicator_env,
    measure_fields,
    range_note,
)
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.summary import Ringkasan
from xlwings_app.domain.tally import RekapTally
from xlwings_app.domain.tree.rollup import CapaianSimpul, measure_tree
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.master import Master, using
from xlwings_app.sheets.changes import PutResults
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.hasil_spool import HasilSpool
from xlwings_app.sheets.results import hasil_values, rekap_values


@dataclass
class Perhitungan:
    """Everything one run computed, for the CLI, the ribbon and the document."""

    data: WorkbookData
    periode: Periode
    hasil: Sequence[Hasil] = field(default_factory=list)
    """The chosen period's results, in input order (measured when asked for: ``measure.Measured``)."""
    semua_periode: Sequence[Hasil] = field(default_factory=list)
    """Every indicator in every period, sheet Hasil's rows (kept on disk: ``hasil_spool.HasilSpool``)."""
    per_jenis: dict[Jenis, Ringkasan] = field(default_factory=dict)
    per_sasaran: list[Ringkasan] = field(default_factory=list)
    per_penanggung_jawab: list[Ringkasan] = field(default_factory=list)
    ditulis: bool = False
    cadangan: Path | None = None
    dibawa: list[Hasil] = field(default_factory=list)
    """The chosen period's results whose realisasi comes from an earlier triwulan (``carry_problems``)."""
    pohon: dict[str, CapaianSimpul] = field(default_factory=dict)
    """Every node of the performance tree measured in the chosen period, by node key (empty for a
    workbook without sheet Pohon Kinerja: ``domain.tree.rollup.measure_tree``)."""

    @property
    def problems(self) -> list[Problem]:
        return self.data.problems

    @property
    def valid(self) -> bool:
        return not self.data.errors


def measure_workbook(data: WorkbookData, periode: Periode | None = None) -> Perhitungan:
    """Measure every indicator of ``data`` in every period, one indicator at a time (nothing of the
    workbook is read or written; the results go to a temporary file: ``hasil_spool``)."""
    chosen = periode or data.settings.periode_aktif
    result = Perhitungan(data=data, periode=chosen)
    settings = data.settings
    spool = HasilSpool(data.indicators)
    tally = RekapTally(settings)
    periods, keep, fields_of = tuple(Periode), spool.add_fields, measure_fields
    for position, indicator in enumerate(data.indicators):
        env, note = indicator_env(indicator), range_note(indicator)  # made once for the five periods
        for p in periods:
            fields = fields_of(indicator, p, settings, env, note)  # measure(), without the Hasil the spool does not keep
            keep(position, p, fields)
            if p is chosen:
                h = Hasil(indicator, p, *fields)
                tally.add(h)
                if h.realisasi is not None and carried_from(indicator, p):
                    result.dibawa.append(h)
    result.hasil = Measured(data.indicators, chosen, settings)
    result.semua_periode = spool
    result.per_jenis = tally.jenis()
    result.per_sasaran = tally.sasaran()
    result.per_penanggung_jawab = tally.penanggung_jawab()
    if data.pohon is not None and data.pohon.tree is not None and data.pohon.has_tree:
        result.pohon = measure_tree(data.pohon.tree, chosen, settings, data.pohon.metode)
    return result


def periksa(source: Path | Master) -> WorkbookData:
    """Check every input of the workbook, the planner's checks too (``domain.planning``); write nothing.

    Besides the input problems, it warns (``catatan``) of every unmet indicator of the active
    period still lacking that period's Permasalahan or Rencana Aksi, and of every realisasi of the
    period missing without a reason (``domain.kelengkapan``): the gaps a final document is refused for;
    and (``peringatan``) of every SOP sheet naming another unit or kabupaten than Profil
    (``services.sop_identitas``); and, once the inputs have no error, (``peringatan``) of what a
    final document would print incomplete: no lambang daerah, an official printed (a Penanggung Jawab of an IKI or the one who
    acknowledges it, ``domain.organisasi``) lacking Nama or NIP.
    """
    from xlwings_app.services.rencana import plan_problems
    from xlwings_app.services.sop_identitas import identity_problems

    with using(source) as master:
        data = master.data()
        sop_warnings = identity_problems(master)  # an SOP sheet naming another unit than Profil
        signing = [] if data.errors else signing_problems(data, master.path)  # only once it can be signed
    if data.errors:
        return replace(data, problems=[*data.problems, *plan_problems(data), *sop_warnings])
    from xlwings_app.domain.kelengkapan import as_signed, document_gaps
    from xlwings_app.domain.measure import measure_all

    results = as_signed(measure_all(data.indicators, data.settings.periode_aktif, data.settings))
    gaps = [p.in_file(data.path.name) for p in document_gaps(results, data.cells, "catatan")]
    smart = [p.in_file(data.path.name) for p in smart_problems(data)]
    return replace(data, problems=[*data.problems, *gaps, *smart, *plan_problems(data), *sop_warnings, *signing])


def signing_problems(data: WorkbookData, path: Path) -> list[Problem]:
    """What a final document of this workbook would print incomplete (see ``periksa``)."""
    from xlwings_app.report.context_iki import officials
    from xlwings_app.services.laporan import LaporanDitolak, lambang_of
    from xlwings_app.services.laporan_iki import iki_of, unnamed

    if data.profil is None:
        return []
    try:
        _image, notes = lambang_of(data, path, None, final=True)
    except LaporanDitolak:  # only an explicit --lambang file refuses; none is given here
        notes = []
    found = [*notes, *unnamed(data.profil, officials(iki_of(data)))]
    return [replace(p, tingkat="peringatan").in_file(data.path.name) for p in found]


def smart_problems(data: WorkbookData) -> list[Problem]:
    """The SMART gaps of every indicator (``domain.tree.manual.smart_gaps``: no definisi operasional,
    no sumber data, a ratio without its parts), warnings at their cells, once the workbook has sheet
    Manual Indikator (a workbook without it is not asked for a methodology it never had)."""
    pohon = data.pohon
    if pohon is None or not pohon.manuals:
        return []
    from xlwings_app.domain.tree.manual import manual_gaps
    from xlwings_app.domain.tree.workbook import CombinedCells

    return manual_gaps(data.indicators, pohon.manuals, CombinedCells(pohon.cells, data.cells))


def hitung_data(data: WorkbookData, periode: Periode | None = None) -> Perhitungan:
    """Compute ``data`` already read (from a file or the live workbook); write nothing.

    With error problems nothing is computed. A sealed period whose data changed since sealing
    adds a notice (``domain.seal.check_seals``).
    """
    if data.errors:
        return Perhitungan(data=data, periode=periode or data.settings.periode_aktif)
    if data.segel and data.profil is not None:
        from xlwings_app.domain.seal import check_seals

        iku = [i for i in data.indicators if i.jenis is Jenis.IKU]
        found = check_seals(data.segel, data.profil, data.settings, iku)
        data.problems.extend(p.in_file(data.path.name) for p in found)
    result = measure_workbook(data, periode)
    data.problems.extend(p.in_file(data.path.name) for p in carry_problems(result.dibawa, data.cells))
    return result


def hitung(source: Path | Master, periode: Periode | None = None, tulis: bool = True) -> Perhitungan:
    """Check, measure, and (when the inputs are valid and ``tulis``) write Hasil and Rekap.

    ``source`` is the workbook file or an open master (the ribbon passes the live workbook).
    """
    with using(source) as master:
        result = hitung_data(master.data(), periode)
        if result.valid and tulis:
            master.stage(results_change(result))
            result.cadangan = master.commit()
            result.ditulis = True
        return result


def result_sheets(result: Perhitungan) -> tuple[SheetValues, SheetValues]:
    """The cells of sheets Hasil and Rekap for ``result`` (for any writer)."""
    profil = result.data.profil
    unit, tahun = (profil.unit, profil.tahun) if profil else ("", 0)
    return hasil_values(result.semua_periode, unit, tahun), _rekap_sheet(result)


def _rekap_sheet(result: Perhitungan) -> SheetValues:
    profil = result.data.profil
    unit, tahun = (profil.unit, profil.tahun) if profil else ("", 0)
    sheet = rekap_values(
        result.periode, unit, tahun, result.per_jenis, result.per_sasaran, result.per_penanggung_jawab
    )
    pohon = result.data.pohon
    if result.pohon and pohon is not None and pohon.tree is not None:
        from xlwings_app.sheets.pohon_rekap import add_tree_block

        add_tree_block(sheet, pohon.tree, result.pohon, pohon.metode)
    return sheet


def results_change(result: Perhitungan) -> PutResults:
    """Sheets Hasil and Rekap of ``result`` as the change a master commits (any writer): Rekap's
    values built once here, Hasil's rows from the results (the zip patch streams them)."""
    profil = result.data.profil
    unit, tahun = (profil.unit, profil.tahun) if profil else ("", 0)
    return PutResults(result.semua_periode, unit, tahun, _rekap_sheet(result))
