"""The actions "Buat Formulir" (``kinerja formulir``) and "Buat Lembar Isian" (``kinerja lembar``).

``formulir`` writes one .xlsx per penanggung jawab holding only their indicators; ``lembar`` adds
one sheet per penanggung jawab inside the master workbook (for offices sharing one file). Both
refuse a master with input errors (the context would be wrong) and write nothing then. Indicators
without a penanggung jawab go in no form; they are listed.

Every form's integrity mark is keyed by the master's forms key (``forms.kunci``); the first forms made
from a master make the key and keep it in the master (a very hidden sheet), in the same commit as
anything else the action writes there. The forms and the Tanda Terima of one ``formulir`` are one
outcome (``adapters.documents.atomic.Outputs``): written under temporary names, moved into place once
the master took its key and log; a form replaced with ``--timpa`` is kept in "Cadangan Kinerja" beside.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.openpyxl.form_builder import build_form
from xlwings_app.adapters.openpyxl.tanda_terima import build_tanda_terima
from xlwings_app.adapters.xlsx.safe_write import ensure_not_open_in_excel, ensure_writable
from xlwings_app.domain.formatting import nip
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.otomatis import Jalan
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.forms.kunci import key_values, new_key
from xlwings_app.forms.meta import KIND, FormMeta, context_of, sealed
from xlwings_app.forms.spec import FORM_VERSI, spec
from xlwings_app.forms.spec import chosen_periode as form_periode
from xlwings_app.services import log_otomatis
from xlwings_app.services.master import Master, using
from xlwings_app.services.rekap import form_key
from xlwings_app.services.workbook import WorkbookError
from xlwings_app.sheets import layout as L
from xlwings_app.sheets import tanda_terima as T
from xlwings_app.sheets.changes import PutFormKey, PutLembar
from xlwings_app.sheets.forms import with_fingerprint


@dataclass
class Distribusi:
    """What was distributed: (penanggung jawab, file or sheet, number of indicators) per form."""

    data: WorkbookData
    periode: Periode
    formulir: list[tuple[str, str, int]] = field(default_factory=list)
    tanpa_penanggung_jawab: list[str] = field(default_factory=list)
    cadangan: Path | None = None
    tanda_terima: Path | None = None
    log: list[str] = field(default_factory=list)
    """What was stamped into Log Langkah (SOP step "formulir didistribusikan") or kept in the master
    (the forms key), for the user."""
    log_ditulis: bool = False
    """The master was written (a stamp, the forms key): the open workbook must be saved."""

    @property
    def problems(self) -> list[Problem]:
        return self.data.problems

    @property
    def valid(self) -> bool:
        return not self.data.errors


def chosen_periode(data: WorkbookData, periode: Periode | None) -> Periode:
    """``periode``, else the master's Periode aktif; ``PeriodeError`` (a refusal) when forms have no such period."""
    return form_periode(periode, data.settings.periode_aktif)


def by_penanggung_jawab(indicators: list[Indicator]) -> dict[str, list[Indicator]]:
    """Indicators grouped by penanggung jawab (case ignored, first spelling kept), in input order."""
    groups: dict[str, list[Indicator]] = {}
    names: dict[str, str] = {}
    for ind in indicators:
        if ind.penanggung_jawab:
            name = names.setdefault(ind.penanggung_jawab.casefold(), ind.penanggung_jawab)
            groups.setdefault(name, []).append(ind)
    return groups


def make_meta(data: WorkbookData, sheet: str, pj: str, rows: list[Indicator], periode: Periode,
              key: bytes | None = None) -> FormMeta:
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
    meta = FormMeta(f"{periode.value}-{uuid.uuid4().hex[:12]}", sheet, fields, context)
    return sealed(with_fingerprint(meta, rows, periode, data.settings), key)  # returned or not: forms.kembali



def master_key(master: Master, when: datetime) -> tuple[bytes, bool]:
    """The master's forms key; a new one staged on ``master`` when it has none (True then)."""
    key = form_key(master)
    if key is not None:
        return key, False
    key = new_key()
    master.stage(PutFormKey(key_values(key, when)))
    return key, True


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


def formulir(
    source: Path | Master, out_dir: Path, periode: Periode | None = None, overwrite: bool = False
) -> Distribusi:
    """Write one form per penanggung jawab and the Tanda Terima into the folder ``out_dir``.

    The master is only read, except its Log Langkah and, the first time, its forms key: the
    distribution's start and end are stamped there when its SOP has that step
    (``services.log_otomatis``), on the file or, from the ribbon, the open workbook. A file that could
    not take them is refused before any form is written; the forms are moved into place once it has.
    """
    mulai = datetime.now()
    with using(source) as master:
        data = master.data()
        result = Distribusi(data, periode or data.settings.periode_aktif)
        if data.errors:
            return result
        result.periode = chosen_periode(data, periode)
        if why := output_folder_problem(out_dir):
            raise WorkbookError(f"Formulir tidak dibuat: {why}")
        groups = by_penanggung_jawab(data.indicators)
        result.tanpa_penanggung_jawab = [i.kode for i in data.indicators if not i.penanggung_jawab]
        taken: set[str] = set()
        targets = {pj: out_dir / (_unique(form_filename(result.periode, pj), taken, 120) + ".xlsx") for pj in groups}
        receipt = out_dir / T.file_name(result.periode)
        existing = [p.name for p in [*targets.values(), receipt] if p.exists()]
        if existing and not overwrite:
            raise WorkbookError(f"Formulir sudah ada di {out_dir}: {', '.join(existing)}. Gunakan --timpa untuk menimpanya.")
        planned = log_otomatis.rencana(master, result.periode.value, [Jalan("formulir", mulai, mulai)])
        key, new = master_key(master, mulai)
        if (new or log_otomatis.perlu_ditulis(planned)) and not master.live:
            ensure_not_open_in_excel(master.path)  # the master is written last: refuse before any form is
            ensure_writable(master.path)
        with Outputs() as outputs:
            for pj, rows in groups.items():
                meta = make_meta(data, spec().sheet, pj, rows, result.periode, key)
                book = build_form(meta, rows, result.periode, data.settings)
                outputs.write(targets[pj], book.save, keep_old=True)
                result.formulir.append((pj, str(targets[pj]), len(rows)))
            result.tanda_terima = _write_tanda_terima(data, result, receipt, mulai, outputs)
            note = f"{len(result.formulir)} formulir, {receipt.name}"
            stamp = log_otomatis.rencana(master, result.periode.value, [Jalan("formulir", mulai, datetime.now(), note)])
            if log_otomatis.stage(master, stamp) or new:
                result.cadangan = master.commit()
                result.log_ditulis = True
            outputs.commit()
        result.log = log_otomatis.pesan(stamp)
        return result


def _write_tanda_terima(data: WorkbookData, result: Distribusi, target: Path, when: datetime, outputs: Outputs) -> Path:
    profil = data.profil
    given = [T.Diberikan(pj, Path(where).name, count) for pj, where, count in result.formulir]
    sheet = T.tanda_terima_values(
        profil.unit if profil else "", profil.tahun if profil else when.year, result.periode, given,
        when.date(), profil.tempat if profil else "",
    )  # fmt: skip
    outputs.write(target, build_tanda_terima(sheet, len(given)).save, keep_old=True)
    return target


def _lembar_sheet(pj: str, taken: set[str]) -> str:
    return _unique(re.sub(r"[\[\]:*?/\\']", "-", f"Isian {pj}"), taken, 31)


def lembar_forms(
    data: WorkbookData, groups: dict[str, list[Indicator]], periode: Periode, sheetnames: list[str],
    key: bytes | None = None,
) -> list[tuple[FormMeta, list[Indicator]]]:
    """One lembar per penanggung jawab: its metadata (a sheet name "Isian <pj>" not among
    ``sheetnames``, its mark keyed by ``key``) and its indicators. Used on the file (``lembar``) and the
    open workbook."""
    taken = {name.casefold() for name in sheetnames}
    return [(make_meta(data, _lembar_sheet(pj, taken), pj, rows, periode, key), rows) for pj, rows in groups.items()]


def lembar_periode(data: WorkbookData, periode: Periode | None = None) -> Periode:
    """``periode`` or the Periode aktif; ``WorkbookError`` for a period forms cannot take."""
    return chosen_periode(data, periode)


def lembar(source: Path | Master, periode: Periode | None = None, overwrite: bool = False) -> Distribusi:
    """Add one form sheet per penanggung jawab inside the master workbook (a file or the open one)."""
    with using(source) as master:
        data = master.data()
        result = Distribusi(data, periode or data.settings.periode_aktif)
        if data.errors:
            return result
        result.periode = chosen_periode(data, periode)
        names = master.sheet_names()
        old = [f.sheet for f in master.lembar()[0]] if spec().meta_sheet in names else []
        if spec().meta_sheet in names and not overwrite:
            listed = f" ({', '.join(old)})" if old else ""
            raise WorkbookError(f"Lembar isian sudah ada{listed}: gunakan --timpa untuk menggantinya.")
        groups = by_penanggung_jawab(data.indicators)
        result.tanpa_penanggung_jawab = [i.kode for i in data.indicators if not i.penanggung_jawab]
        drop = [*old, spec().meta_sheet] if spec().meta_sheet in names else []
        kept = [n for n in names if n not in drop]
        key, _new = master_key(master, datetime.now())
        forms = lembar_forms(data, groups, result.periode, kept, key)
        master.stage(PutLembar(forms, result.periode, data.settings, drop))
        result.formulir = [(meta.get("penanggung_jawab"), meta.sheet, len(rows)) for meta, rows in forms]
        result.cadangan = master.commit()
        return result
