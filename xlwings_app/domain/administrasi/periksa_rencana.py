"""Checking the returned Formulir Rencana Kinerja before their proposals reach the master.

Same house rules as the realisasi rekap (``forms.consolidate``): every problem of every form at
once, each naming file, sheet and cell; a blank proposal changes nothing (blank is "not filled in",
never 0 and never "erase"); one galat anywhere and nothing is merged. The rules, per form:

- the form is for this unit and this plan year;
- a row with a Kode is an indicator of the master answered by this form's official; its identity
  (Jenis, IKU Induk, Satuan, Polaritas, Agregasi) is the master's: a changed cell is a galat (the
  identity is changed in the master, where the cascading is kept), a changed name a warning (the
  master's name stays);
- a new row (the blank part of the form) needs Kode, Sasaran Strategis, Indikator, Satuan,
  Polaritas and Agregasi, and an IKI its IKU Induk (as the master's own rows, ``domain.rows``); its
  Kode is not used in the master; it is an IKI unless its Jenis says IKU;
- targets are not negative, and the triwulan targets agree with the yearly one by the indicator's
  agregasi, by the planner's own rule (``domain.planning.check_plan``: Jumlah sums, Akhir ends at
  the year's target, Rata-rata averages to it), on the values the merge would give (a blank
  proposal keeps the master's);
across forms:
- a Kode is proposed once (two rows with one Kode: galat naming both cells);
- an IKI's IKU Induk is an IKU of the master or a new IKU of a form, and has a yearly target
  (PermenPANRB 89/2021, cascading: the IKI follows from its IKU);
- where the agregasi adds up (the IKU and every IKI under it Jumlah, in the same satuan), the IKI
  targets add up to the IKU's yearly target; otherwise a warning: an official's targets may cover
  only part of the unit's, and no other agregasi is additive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import NO_VALUES, Agregasi, Indicator, Jenis, Polaritas, Quarterly
from xlwings_app.domain.planning import TW_KEYS, PlanRow, check_plan
from xlwings_app.domain.problems import Problem, Tingkat

LABELS: dict[str, str] = {
    "kode": "Kode",
    "jenis": "Jenis",
    "induk": "IKU Induk",
    "sasaran": "Sasaran Strategis",
    "nama": "Indikator",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "agregasi": "Agregasi",
    "target_tahunan": "Target Tahunan",
    "t1": "Target TW I",
    "t2": "Target TW II",
    "t3": "Target TW III",
    "t4": "Target TW IV",
    "rencana_aksi": "Rencana Aksi",
}
"""Column labels of the planning form by key (the master's headers for the master's columns)."""

WAJIB_BARU = ("kode", "sasaran", "nama", "satuan", "polaritas", "agregasi")
IDENTITAS = ("jenis", "induk", "satuan", "polaritas", "agregasi")


@dataclass(frozen=True)
class UsulanBaris:
    """A row of a returned planning form, typed (None or "": blank), with its cells' addresses."""

    kode: str = ""
    jenis: Jenis | None = None
    induk: str = ""
    sasaran: str = ""
    nama: str = ""
    satuan: str = ""
    polaritas: Polaritas | None = None
    agregasi: Agregasi | None = None
    target_tahunan: Decimal | None = None
    target_tw: Quarterly = NO_VALUES
    rencana_aksi: str = ""
    baru: bool = False
    """A row of the form's blank part: a proposed new indicator."""
    baris: int | None = None
    cells: Mapping[str, str] = field(default_factory=dict)

    @property
    def kosong(self) -> bool:
        """Nothing typed: a blank row left blank."""
        texts = (self.kode, self.induk, self.sasaran, self.nama, self.satuan, self.rencana_aksi)
        values = (self.jenis, self.polaritas, self.agregasi, self.target_tahunan, *self.target_tw)
        return not any(t.strip() for t in texts) and all(v is None for v in values)


@dataclass(frozen=True)
class FormulirRencanaKembali:
    """A returned planning form: whose, for which unit and year, and its rows."""

    file: str
    sheet: str
    unit: str
    tahun: int | None
    penanggung_jawab: str
    baris: tuple[UsulanBaris, ...]

    def problem(self, pesan: str, row: UsulanBaris | None = None, key: str | None = None, nilai: object = None,
                tingkat: Tingkat = "galat") -> Problem:  # fmt: skip
        """A problem located in this form (file, sheet, row, the cell of ``key``)."""
        cell = row.cells.get(key) if row is not None and key is not None else None
        return Problem(pesan, self.sheet, row.baris if row else None, LABELS.get(key or "", key), cell, nilai,
                       self.file, tingkat)  # fmt: skip

    def where(self, row: UsulanBaris, key: str) -> str:
        """"Formulir Kasi Pemerintahan.xlsx (Rencana!A9)"."""
        cell = row.cells.get(key) or f"baris {row.baris}"
        return f"{self.file} ({self.sheet}!{cell})"


@dataclass(frozen=True)
class Usulan:
    """A checked row with the values a merge gives it: its form, row and master indicator (None: new)."""

    formulir: FormulirRencanaKembali
    baris: UsulanBaris
    master: Indicator | None
    target_tahunan: Decimal | None
    target_tw: Quarterly

    @property
    def kode(self) -> str:
        return self.master.kode if self.master is not None else self.baris.kode.strip()

    @property
    def jenis(self) -> Jenis:
        if self.master is not None:
            return self.master.jenis
        return self.baris.jenis or Jenis.IKI

    @property
    def induk(self) -> str:
        return (self.master.induk or "") if self.master is not None else self.baris.induk.strip()

    @property
    def satuan(self) -> str:
        return self.master.satuan if self.master is not None else self.baris.satuan

    @property
    def agregasi(self) -> Agregasi | None:
        return self.master.agregasi if self.master is not None else self.baris.agregasi


def usulan(forms: Sequence[FormulirRencanaKembali], indicators: Sequence[Indicator]) -> list[Usulan]:
    """Every non-blank row of the forms with its master indicator (by Kode) and merged targets:
    each proposed value where given, else the master's (a blank proposal changes nothing)."""
    master = {i.kode.casefold(): i for i in indicators}
    found: list[Usulan] = []
    for form in forms:
        for row in form.baris:
            if row.kosong:
                continue
            ind = None if row.baru else master.get(row.kode.strip().casefold())
            yearly = row.target_tahunan if row.target_tahunan is not None or ind is None else ind.target_tahunan
            tw = row.target_tw if ind is None else _merged_tw(row.target_tw, ind.target_tw)
            found.append(Usulan(form, row, ind, yearly, tw))
    return found


def _merged_tw(proposed: Quarterly, master: Quarterly) -> Quarterly:
    a, b, c, d = (p if p is not None else m for p, m in zip(proposed, master, strict=True))
    return (a, b, c, d)


def periksa_formulir_rencana(
    forms: Sequence[FormulirRencanaKembali], indicators: Sequence[Indicator], unit: str, tahun: int
) -> list[Problem]:
    """Every problem of the returned planning forms (rules in the module docstring), form by form,
    then those across forms."""
    problems: list[Problem] = []
    usable: list[FormulirRencanaKembali] = []
    for form in forms:
        identity = _identity(form, unit, tahun)
        problems += identity
        if not identity:
            usable.append(form)
    master = {i.kode.casefold(): i for i in indicators}
    rows = usulan(usable, indicators)
    for item in rows:
        problems += _row(item, master)
    known = [u for u in rows if u.baris.baru or u.master is not None]  # an unknown Kode is reported once
    problems += _duplicates(known)
    problems += _parents(known, indicators)
    return problems


def _identity(form: FormulirRencanaKembali, unit: str, tahun: int) -> list[Problem]:
    problems = []
    if normal(form.unit) != normal(unit):
        problems.append(form.problem(f"Formulir untuk unit '{form.unit}', bukan '{unit}' (workbook induk).",
                                     nilai=form.unit))  # fmt: skip
    if form.tahun != tahun:
        problems.append(form.problem(f"Formulir rencana untuk tahun {form.tahun or '(kosong)'}, workbook induk "
                                     f"merencanakan tahun {tahun}.", nilai=form.tahun))  # fmt: skip
    return problems



def _row(item: Usulan, master: Mapping[str, Indicator]) -> list[Problem]:
    form, row, ind = item.formulir, item.baris, item.master
    problems: list[Problem] = []
    if not row.baru:
        if not row.kode.strip():
            return [form.problem("Kode kosong di baris indikator: isi kembali kodenya, atau tulis indikator baru di "
                                 "baris kosong formulir.", row, "kode")]  # fmt: skip
        if ind is None:
            return [form.problem(f"Kode '{row.kode}' tidak ada di workbook induk: tulis indikator baru di baris "
                                 "kosong formulir.", row, "kode", row.kode)]  # fmt: skip
        if normal(ind.penanggung_jawab) != normal(form.penanggung_jawab):
            problems.append(form.problem(f"Indikator {ind.kode} dijawab oleh {ind.penanggung_jawab or '(kosong)'}, "
                                         f"bukan {form.penanggung_jawab}.", row, "kode", row.kode))  # fmt: skip
        problems += _identity_cells(item, ind)
    else:
        for key in WAJIB_BARU + (("induk",) if item.jenis is Jenis.IKI else ()):
            if not _filled(getattr(row, key)):
                problems.append(form.problem(f"Indikator baru: {LABELS[key]} belum diisi.", row, key))
        other = master.get(row.kode.strip().casefold())
        if row.kode.strip() and other is not None:
            problems.append(form.problem(f"Kode '{row.kode.strip()}' sudah dipakai indikator '{other.nama}' "
                                         f"({other.penanggung_jawab or 'tanpa penanggung jawab'}): pilih kode lain.",
                                         row, "kode", row.kode))  # fmt: skip
    for key, value in (("target_tahunan", row.target_tahunan), *zip(TW_KEYS, row.target_tw, strict=True)):
        if value is not None and value < 0:
            problems.append(form.problem(f"{LABELS[key]} tidak boleh negatif ({angka(value)}).", row, key, value))
    is_range = ind is not None and ind.is_range
    plan = PlanRow(item.kode, item.jenis, item.induk, item.agregasi, item.target_tahunan, item.target_tw, is_range,
                   form.sheet, row.baris or 0, row.cells)  # fmt: skip
    problems += [p.in_file(form.file) for p in check_plan([plan])]
    return problems


def _identity_cells(item: Usulan, ind: Indicator) -> list[Problem]:
    form, row = item.formulir, item.baris
    problems = []
    for key in IDENTITAS:
        typed, kept = getattr(row, key), getattr(ind, key)
        if _filled(typed) and normal(str(typed)) != normal(str(kept or "")):
            problems.append(form.problem(f"{LABELS[key]} {ind.kode} diubah di formulir ({typed}; workbook induk: "
                                         f"{kept or '(kosong)'}): ubah identitas indikator di workbook induk.",
                                         row, key, typed))  # fmt: skip
    if row.nama.strip() and normal(row.nama) != normal(ind.nama):
        problems.append(form.problem(f"Nama indikator {ind.kode} diubah di formulir; nama di workbook induk tetap "
                                     f"dipakai ('{ind.nama}').", row, "nama", row.nama, "peringatan"))  # fmt: skip
    return problems


def _duplicates(rows: Sequence[Usulan]) -> list[Problem]:
    first: dict[str, Usulan] = {}
    problems = []
    for item in rows:
        key = item.kode.casefold()
        if not key:
            continue
        other = first.setdefault(key, item)
        if other is not item:
            problems.append(item.formulir.problem(
                f"Kode '{item.kode}' diusulkan dua kali: di {other.formulir.where(other.baris, 'kode')} dan "
                f"{item.formulir.where(item.baris, 'kode')}: satu indikator, satu baris.", item.baris, "kode", item.kode))
    return problems


@dataclass(frozen=True)
class _Target:
    """An indicator's yearly target as the merge would leave it, and the form row it comes from."""

    kode: str
    target: Decimal | None
    satuan: str
    agregasi: Agregasi | None
    usulan: Usulan | None = None


def _parents(rows: Sequence[Usulan], indicators: Sequence[Indicator]) -> list[Problem]:
    """IKU Induk exists and has a target; Jumlah targets of the IKI add up to their IKU's."""
    proposed = {u.kode.casefold() for u in rows if u.kode}
    iku: dict[str, _Target] = {}
    children: dict[str, list[_Target]] = {}
    for ind in indicators:
        target = Decimal(1) if ind.is_range else ind.target_tahunan  # a range is a target, never additive
        if ind.jenis is Jenis.IKU:
            iku[ind.kode.casefold()] = _Target(ind.kode, target, ind.satuan, None if ind.is_range else ind.agregasi)
        elif ind.induk and ind.kode.casefold() not in proposed:
            children.setdefault(ind.induk.casefold(), []).append(_Target(ind.kode, target, ind.satuan, ind.agregasi))
    for u in rows:
        if u.jenis is Jenis.IKU and u.kode:
            iku[u.kode.casefold()] = _Target(u.kode, u.target_tahunan, u.satuan, u.agregasi, u)
    problems: list[Problem] = []
    for u in rows:
        if u.jenis is not Jenis.IKI or not u.induk:
            continue
        parent = iku.get(u.induk.casefold())
        if parent is None:
            problems.append(u.formulir.problem(f"IKU Induk '{u.induk}' tidak ada di workbook induk maupun di "
                                               "formulir.", u.baris, "induk", u.induk))  # fmt: skip
            continue
        if parent.target is None:
            problems.append(u.formulir.problem(f"IKU Induk '{parent.kode}' belum punya Target Tahunan: tetapkan target "
                                               "IKU itu sebelum IKI yang diturunkan darinya.", u.baris, "induk",
                                               u.induk))  # fmt: skip
        children.setdefault(u.induk.casefold(), []).append(_Target(u.kode, u.target_tahunan, u.satuan, u.agregasi, u))
    for key, kids in children.items():
        parent = iku.get(key)
        from_forms = [k.usulan for k in kids if k.usulan is not None]
        if parent is None or parent.target is None or parent.agregasi is not Agregasi.JUMLAH or not from_forms:
            continue
        if not all(k.agregasi is Agregasi.JUMLAH and normal(k.satuan) == normal(parent.satuan) and k.target is not None
                   for k in kids):  # fmt: skip
            continue
        total = sum((k.target for k in kids if k.target is not None), Decimal(0))
        if total != parent.target:
            parts = " + ".join(f"{k.kode} {angka(k.target)}" for k in kids)
            first = from_forms[0]
            problems.append(first.formulir.problem(
                f"Jumlah Target Tahunan IKI turunan {parent.kode} ({parts} = {angka(total)}) tidak sama dengan Target "
                f"Tahunan {parent.kode} = {angka(parent.target)}: untuk agregasi Jumlah bersatuan sama target IKI "
                "menjumlah menjadi target IKU; periksa kembali bila bukan disengaja.",
                first.baris, "target_tahunan", total, "peringatan"))  # fmt: skip
    return problems


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
