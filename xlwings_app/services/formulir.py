"""The actions "Buat Formulir" (``kinerja formulir``) and "Buat Lembar Isian" (``kinerja lembar``).

``formulir`` writes one .xlsx per penanggung jawab holding only their indicators; ``lembar`` adds
one sheet per penanggung jawab inside the master workbook (for offices sharing one file). Both
refuse a master with input errors (the context would be wrong) and write nothing then. Indicators
without a penanggung jawab go in no form; they are listed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.form_builder import build_form, write_form_sheet, write_meta_sheet
from xlwings_app.adapters.openpyxl.form_reader import read_forms
from xlwings_app.domain.formatting import nip
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.forms.meta import KIND, FormMeta, context_of, sealed
from xlwings_app.forms.spec import FORM_VERSI, PeriodeError, realisasi_key, spec
from xlwings_app.services.workbook import WorkbookData, WorkbookError, create, load, update
from xlwings_app.sheets import layout as L


@dataclass
class Distribusi:
    """What was distributed: (penanggung jawab, file or sheet, number of indicators) per form."""

    data: WorkbookData
    periode: Periode
    formulir: list[tuple[str, str, int]] = field(default_factory=list)
    tanpa_penanggung_jawab: list[str] = field(default_factory=list)
    cadangan: Path | None = None

    @property
    def problems(self) -> list[Problem]:
        return self.data.problems

    @property
    def valid(self) -> bool:
        return not self.data.errors


def chosen_periode(data: WorkbookData, periode: Periode | None) -> Periode:
    """``periode``, else the master's Periode aktif; ``WorkbookError`` when forms have no such period."""
    chosen = periode or data.settings.periode_aktif
    try:
        realisasi_key(chosen)
    except PeriodeError as exc:
        raise WorkbookError(str(exc)) from None
    return chosen


def by_penanggung_jawab(indicators: list[Indicator]) -> dict[str, list[Indicator]]:
    """Indicators grouped by penanggung jawab (case ignored, first spelling kept), in input order."""
    groups: dict[str, list[Indicator]] = {}
    names: dict[str, str] = {}
    for ind in indicators:
        if ind.penanggung_jawab:
            name = names.setdefault(ind.penanggung_jawab.casefold(), ind.penanggung_jawab)
            groups.setdefault(name, []).append(ind)
    return groups


def make_meta(data: WorkbookData, sheet: str, pj: str, rows: list[Indicator], periode: Periode) -> FormMeta:
    profil = data.profil
    fields = {
        "jenis": KIND,
        "versi_format": L.layout().versi,
        "versi_formulir": FORM_VERSI,
        "unit": profil.unit if profil else "",
        "tahun": str(profil.tahun if profil else ""),
        "periode": periode.value,
        "penanggung_jawab": pj,
        "sumber": data.path.name,
        "dibuat": datetime.now().isoformat(timespec="seconds"),
    }
    official = profil.pejabat_untuk(pj) if profil else None
    if official is not None and official.nama:
        # printed in the form's heading only; not stored in the metadata (nor its checksum)
        fields["pejabat"] = f"{official.nama}, NIP {nip(official.nip)}" if official.nip else official.nama
    context = {i.kode: context_of(i, periode) for i in rows}
    return sealed(FormMeta(f"{periode.value}-{uuid.uuid4().hex[:12]}", sheet, fields, context))


def _unique(name: str, taken: set[str], limit: int) -> str:
    candidate, n = name[:limit].strip(), 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = name[: limit - len(suffix)].strip() + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def form_filename(periode: Periode, pj: str) -> str:
    """``Formulir TW2 - Kasi Pemerintahan`` (without extension), safe on Windows."""
    return re.sub(r"\s+", " ", re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", f"Formulir {periode.value} - {pj}")).strip(" .")


def formulir(path: Path, keluar: Path, periode: Periode | None = None, timpa: bool = False) -> Distribusi:
    """Write one form per penanggung jawab into the folder ``keluar``."""
    data = load(path)
    result = Distribusi(data, periode or data.settings.periode_aktif)
    if data.errors:
        return result
    result.periode = chosen_periode(data, periode)
    groups = by_penanggung_jawab(data.indicators)
    result.tanpa_penanggung_jawab = [i.kode for i in data.indicators if not i.penanggung_jawab]
    taken: set[str] = set()
    targets = {pj: keluar / (_unique(form_filename(result.periode, pj), taken, 120) + ".xlsx") for pj in groups}
    existing = [p.name for p in targets.values() if p.exists()]
    if existing and not timpa:
        raise WorkbookError(f"Formulir sudah ada di {keluar}: {', '.join(existing)}. Gunakan --timpa untuk menimpanya.")
    for pj, rows in groups.items():
        meta = make_meta(data, spec().sheet, pj, rows, result.periode)
        create(targets[pj], build_form(meta, rows, result.periode, data.settings), overwrite=timpa)
        result.formulir.append((pj, str(targets[pj]), len(rows)))
    return result


def _lembar_sheet(pj: str, taken: set[str]) -> str:
    return _unique(re.sub(r"[\[\]:*?/\\']", "-", f"Isian {pj}"), taken, 31)


def lembar_forms(
    data: WorkbookData, groups: dict[str, list[Indicator]], periode: Periode, sheetnames: list[str]
) -> list[tuple[FormMeta, list[Indicator]]]:
    """One lembar per penanggung jawab: its metadata (a sheet name "Isian <pj>" not among
    ``sheetnames``) and its indicators. Used on the file (``lembar``) and the open workbook."""
    taken = {name.casefold() for name in sheetnames}
    return [(make_meta(data, _lembar_sheet(pj, taken), pj, rows, periode), rows) for pj, rows in groups.items()]


def lembar_periode(data: WorkbookData, periode: Periode | None = None) -> Periode:
    """``periode`` or the Periode aktif; ``WorkbookError`` for a period forms cannot take."""
    return chosen_periode(data, periode)


def lembar(path: Path, periode: Periode | None = None, timpa: bool = False) -> Distribusi:
    """Add one form sheet per penanggung jawab inside the master workbook at ``path``."""
    data = load(path)
    result = Distribusi(data, periode or data.settings.periode_aktif)
    if data.errors:
        return result
    result.periode = chosen_periode(data, periode)
    old, _ = read_forms(path, lembar=True)
    if old and not timpa:
        names = ", ".join(f.sheet for f in old)
        raise WorkbookError(f"Lembar isian sudah ada ({names}): gunakan --timpa untuk menggantinya.")
    groups = by_penanggung_jawab(data.indicators)
    result.tanpa_penanggung_jawab = [i.kode for i in data.indicators if not i.penanggung_jawab]

    def change(wb: Workbook) -> None:
        for form in old:
            if form.sheet in wb.sheetnames:
                del wb[form.sheet]
        forms = lembar_forms(data, groups, result.periode, wb.sheetnames)
        for meta, rows in forms:
            write_form_sheet(wb, meta, rows, result.periode, data.settings)
            result.formulir.append((meta.get("penanggung_jawab"), meta.sheet, len(rows)))
        write_meta_sheet(wb, [meta for meta, _ in forms])

    result.cadangan = update(path, change)
    return result


def contoh(path: Path, out_dir: Path) -> Iterator[str]:
    """The demo step of ``kinerja contoh``: distribute the example's TW4 forms, then collect them.

    The example is measured s.d. TW III, so TW IV is the period whose data is collected next. The
    forms come back unfilled: every check runs, nothing changes and the master is not rewritten.
    """
    from xlwings_app.services.rekap import rekap

    periode = Periode.TW4
    result = formulir(path, out_dir, periode, timpa=True)
    if not result.valid:
        raise RuntimeError("; ".join(str(p) for p in result.data.errors))
    yield f"Formulir {periode.value}: {len(result.formulir)} file (satu per penanggung jawab) di {out_dir}"
    hasil = rekap(path, [out_dir], periode)
    if not hasil.valid:
        raise RuntimeError("; ".join(str(p) for p in hasil.problems if p.is_error))
    k = hasil.konsolidasi
    yield (
        f"Rekap formulir {periode.value}: {k.jumlah_formulir} formulir diperiksa tanpa galat, "
        f"{len(hasil.perubahan)} perubahan, {len(k.belum_diisi)} realisasi belum diisi "
        "(isi formulir lalu jalankan: kinerja rekap FILE FOLDER --periode TW4)."
    )
