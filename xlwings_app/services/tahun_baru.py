"""The action "next year's workbook" (``kinerja baru FILE --dari LAST_YEAR.xlsx``).

Last year's workbook is read and checked (never written); the new one carries its Profil (Tahun
+ 1, Tanggal Penandatanganan blank: the new documents get their own), Pejabat, Pengaturan (Periode aktif back to TW1), SOP with an empty log and that year's Kalender, and
every indicator as ``domain.next_year`` says; sheet Riwayat Capaian carries the unit's earlier years
and last year itself (``services.lkjip.carried_history``: the LKjIP's history), and an empty sheet
Narasi LKjIP waits for the new year's written pieces. With an error in last year's workbook nothing is
written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.next_year import next_year
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.workbook import WorkbookError, create, load


@dataclass
class TahunBaru:
    """What ``dari`` built: the new year, its indicators and SOPs, or the problems that stopped it."""

    tahun: int | None = None
    indicators: list[Indicator] = field(default_factory=list)
    dari_renstra: int = 0
    sop: list[str] = field(default_factory=list)
    riwayat: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def dari(path: Path, source: Path, overwrite: bool = False) -> TahunBaru:
    """Write at ``path`` the workbook of the year after the one in ``source``."""
    if path.resolve() == source.resolve():
        raise WorkbookError(f"File baru {path.name} harus berbeda dari workbook tahun lalu.")
    data = load(source)
    result = TahunBaru(problems=list(data.errors))
    if not result.valid or data.profil is None:
        return result
    year = data.profil.tahun + 1
    result.tahun = year
    result.indicators = [next_year(i, _renstra(data, i, year, result)) for i in data.indicators]
    if not result.valid:
        return result
    result.dari_renstra = sum(1 for i in result.indicators if i.target_tahunan is not None)
    profil = {**data.profil_values, "tahun": year, "tanggal_ttd": None}
    settings = replace(data.settings, periode_aktif=Periode.TW1)
    from xlwings_app.adapters.openpyxl.builder import build_workbook

    wb = build_workbook(profil, result.indicators, settings, pejabat=data.profil.pejabat)
    result.sop = _carry_sops(source, wb, year, result.problems)
    _carry_history(source, wb, result)
    create(path, wb, overwrite=overwrite)
    return result


def _carry_history(source: Path, wb: Workbook, result: TahunBaru) -> None:
    """Sheet Riwayat Capaian with last year's history and last year itself (``services.lkjip``), an
    empty sheet Narasi LKjIP for the new year's sasaran, and sheet Perubahan Kode Indikator as last
    year's (its rows still join the history's earlier kodes; empty when last year had none)."""
    from xlwings_app.adapters.openpyxl.lkjip_sheets import add_sheets
    from xlwings_app.domain.indicator import Jenis
    from xlwings_app.services.lkjip import carried_history, carried_renames
    from xlwings_app.sheets.lkjip import narasi_values, perubahan_values, riwayat_values

    period, records, problems = carried_history(source)
    result.problems.extend(replace(p, tingkat="peringatan") for p in problems)  # the new workbook is still made
    result.riwayat = len(records)
    sasaran = list(dict.fromkeys(" ".join(i.sasaran.split()) for i in result.indicators if i.jenis is Jenis.IKU))
    perubahan, rename_problems = carried_renames(source)
    result.problems.extend(replace(p, tingkat="peringatan") for p in rename_problems)
    keterangan = [perubahan.keterangan.get(r.baris or 0, "") for r in perubahan.renames]
    add_sheets(wb, [riwayat_values(period, records), narasi_values(sasaran),
                    perubahan_values(perubahan.renames, keterangan)])  # fmt: skip


def _renstra(data: WorkbookData, indicator: Indicator, year: int, result: TahunBaru) -> Decimal | None:
    value = data.renstra.get(indicator.kode.casefold(), {}).get(year)
    read = read_number(value)
    if read.galat:
        result.problems.append(
            Problem(f"Target Renstra {year}: {read.galat}", indicator.sheet, indicator.baris,
                    f"Target Renstra {year}", nilai=value, file=data.path.name)
        )  # fmt: skip
    return read.value


def _carry_sops(source: Path, wb: Workbook, year: int, problems: list[Problem]) -> list[str]:
    """Copy every SOP (each with an empty log; ``year``'s cuti bersama) into ``wb``; their names."""
    from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
    from xlwings_app.adapters.xlsx.reader import list_sops, read_sop_workbook
    from xlwings_app.domain.sop.calendar import cuti_bersama

    carried: list[str] = []
    for place, _ in list_sops(source):
        sop_data = read_sop_workbook(source, place)
        if sop_data.sop is None:
            problems.append(
                Problem(f"Sheet {place.sop} tidak dapat dibaca: SOP itu tidak dibawa ke tahun baru.",
                        place.sop, file=source.name, tingkat="peringatan")
            )  # fmt: skip
            continue
        old = sop_data.calendar
        kept = frozenset(d for d in old.days_off | old.working_days if d.year == year)
        calendar = replace(
            old,
            days_off=frozenset(cuti_bersama(year)) | (kept & old.days_off),
            working_days=kept & old.working_days,
        )
        add_sop_sheets(wb, sop_data.sop, year, calendar if not carried else None, place=place)
        carried.append(sop_data.sop.nama)
    return carried
