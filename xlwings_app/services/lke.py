"""Services of the AKIP self-evaluation (``kinerja lke buat|hitung|ekspor``).

- ``buat``: the LKE workbook of a unit and year beside its master ("LKE 2024 - <master>.xlsx"):
  sheets LKE, Ringkasan LKE, Rekomendasi and Rencana Aksi. Kinerja's proposals come from the master
  of the year (and of the year before, ``lalu``), its seals and SOP sheets, and the register and
  Rencana Aksi sheets of the LKE workbook itself; built again, the workbook keeps every answer,
  note, recommendation and Dilaksanakan a person wrote (an override stays beside the new proposal).
- ``hitung``: the LKE workbook read back: its scores and predikat (``domain.lke.scoring``) and
  every problem (invalid answers, kerangka logis breaches naming both cells, register problems).
- ``ekspor``: the evaluators' shape, one row per criterion (answer, score, explanation, evidence).
Refusals (``LkeDitolak``): a master with input errors or without Profil; an LKE file without sheet LKE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.prefill import PREFILL
from xlwings_app.domain.lke.proposal import Proposal
from xlwings_app.domain.lke.recommendations import Recommendation, register_problems
from xlwings_app.domain.lke.rencana_aksi import RencanaAksiFollowUp, follow_rencana_aksi
from xlwings_app.domain.lke.scoring import LkeScore, answer_value, score_lke
from xlwings_app.domain.lke.usulan import DataUnit, SopCycle, hint_for, propose
from xlwings_app.domain.measure import measure
from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.master import using
from xlwings_app.sheets import lke as S
from xlwings_app.sheets import lke_register as R
from xlwings_app.sheets.grid import SheetValues


class LkeDitolak(Refusal):
    """The LKE cannot be made or read from this input (Indonesian message; the CLI exits 2)."""


def lke_path(master: Path, tahun: int) -> Path:
    """ "LKE 2024 - kinerja.xlsx" beside the master."""
    return master.with_name(f"LKE {tahun} - {master.stem}.xlsx")


@dataclass(frozen=True)
class Existing:
    """What an LKE workbook already holds that a person wrote."""

    answers: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)
    catatan: dict[str, str] = field(default_factory=dict)
    register: list[Recommendation] = field(default_factory=list)
    dilaksanakan: dict[tuple[str, str], bool] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_existing(path: Path, lke: Lke | None = None) -> Existing:
    """The person's answers, notes, register and Dilaksanakan of the LKE workbook at ``path``
    (nothing when it does not exist)."""
    from xlwings_app.adapters.openpyxl.lke import read_sheets

    if not path.exists():
        return Existing()
    lke = lke or permenpanrb_88_2021()
    sheets = read_sheets(path, [S.SHEET, R.SHEET_REKOMENDASI, R.SHEET_RENCANA_AKSI])
    lke_rows = sheets[S.SHEET]
    if lke_rows is None:
        raise LkeDitolak(f"{path.name} bukan workbook LKE Kinerja: sheet {S.SHEET} tidak ada.")
    read = S.read_lke(lke, lke_rows, path.name)
    register, reg_problems = R.read_register(sheets[R.SHEET_REKOMENDASI] or [], path.name)
    reg_problems = [*reg_problems, *(p.in_file(path.name) for p in register_problems(register))] if register else reg_problems
    done = R.read_dilaksanakan(sheets[R.SHEET_RENCANA_AKSI] or [])
    problems = [p for p in read.problems if p.tingkat != "peringatan" or not p.pesan.startswith("Kerangka logis")]
    return Existing(read.answers, read.typed, read.invalid, read.catatan, register, done, [*problems, *reg_problems])


def follow_ups(data: WorkbookData, done: dict[tuple[str, str], bool]) -> list[RencanaAksiFollowUp]:
    """Every IKU below target s.d. TW n (n before the active period), with the Rencana Aksi written for
    TW n (``domain.analisis``), followed to s.d. TW n+1."""
    periods = [Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4]
    active = data.settings.periode_aktif.last_tw
    out: list[RencanaAksiFollowUp] = []
    for before, after in zip(periods, periods[1:], strict=False):
        if after.last_tw > active:
            break
        for ind in data.indicators:
            if ind.jenis is not Jenis.IKU:
                continue
            now, nxt = measure(ind, before, data.settings), measure(ind, after, data.settings)
            if now.capaian is None:
                continue
            item = follow_rencana_aksi(ind.kode, before.value, now.capaian, ind.catatan(before).rencana_aksi,
                                       done.get((ind.kode, before.value)), after.value, nxt.capaian)  # fmt: skip
            if item is not None:
                out.append(item)
    return out


def sop_cycles(master: Path) -> list[SopCycle]:
    """The finished cycles of every SOP's step log (``services.sop.periksa_semua``, nothing written);
    none when the workbook has no SOP or its log cannot be measured."""
    from xlwings_app.services.sop import periksa_semua

    try:
        measured = periksa_semua(master, tulis=False)
    except Refusal:
        return []
    return [
        SopCycle(result.sop.nama, s.periode, s.cycle_working_minutes, s.sop_standard_minutes, result.day_minutes)
        for result in measured.hasil if result.sop is not None
        for s in result.summaries if s.all_finished and s.cycle_working_minutes is not None
    ]  # fmt: skip


@dataclass(frozen=True)
class LkeBuat:
    """The LKE workbook written, the proposals made, the score it holds, notes."""

    path: Path
    proposals: dict[str, Proposal]
    score: LkeScore
    kept: int
    """Answers a person wrote before, kept."""
    peringatan: list[Problem]


def buat(master: Path, lalu: Path | None = None, keluar: Path | None = None) -> LkeBuat:
    """Build (or rebuild, keeping what a person wrote) the LKE workbook of ``master``'s unit and year."""
    from xlwings_app.adapters.openpyxl.lke import write_lke_workbook
    from xlwings_app.services.sop_master import every_sop

    lke = permenpanrb_88_2021()
    with using(master) as m:
        data = m.data()
        if data.errors:
            raise LkeDitolak(f"LKE tidak dibuat: {len(data.errors)} masalah pada data harus diperbaiki dulu.", data.errors)
        if data.profil is None:
            raise LkeDitolak("LKE tidak dibuat: sheet Profil belum lengkap.")
        sops = [s.sop.nama for s in every_sop(m) if s.sop is not None]
    last = None
    if lalu is not None:
        with using(lalu) as m_lalu:
            last_data = m_lalu.data()
        last = list(last_data.indicators)
    profil = data.profil
    target = keluar or lke_path(master, profil.tahun)
    existing = read_existing(target, lke)
    items = follow_ups(data, existing.dilaksanakan)
    unit = DataUnit(profil.tahun, data.settings.periode_aktif, data.settings, list(data.indicators), last,
                    list(data.segel), sops, existing.register, items, sop_cycles(master), master.name,
                    lalu.name if lalu else "")  # fmt: skip
    proposals = propose(unit)
    hints = {c.id: hint_for(c.id, " ".join(f.uraian for f in PREFILL.get(c.id, ()))) for c in lke.criteria()
             if c.id not in proposals}  # fmt: skip
    sheets = _sheets(lke, profil.unit, profil.tahun, proposals, existing, hints, items, data, [p.nama for p in profil.pejabat])
    validations: dict[str, list[tuple[str, tuple[str, ...]]]] = {
        S.SHEET: S.validations(lke),
        R.SHEET_REKOMENDASI: R.register_validations(len(existing.register), [p.nama for p in profil.pejabat]),
        R.SHEET_RENCANA_AKSI: [(f"I{R.RA_HEADER_ROW + 1}:I{R.RA_HEADER_ROW + max(len(items), 1)}", ("Ya", "Tidak"))],
    }
    freeze = {S.SHEET: f"C{S.HEADER_ROW + 1}", R.SHEET_REKOMENDASI: f"A{R.REG_HEADER_ROW + 1}"}
    write_lke_workbook(target, sheets, validations, freeze)
    answers = {c.id: None if c.id in existing.invalid else existing.answers.get(c.id)
               or (proposals[c.id].answer if c.id in proposals else None) for c in lke.criteria()}  # fmt: skip
    notes = [*existing.problems, *S.breach_problems(lke, answers, target.name)]
    return LkeBuat(target, proposals, score_lke(lke, answers), len(existing.typed), notes)


def _sheets(lke: Lke, unit: str, tahun: int, proposals: dict[str, Proposal], existing: Existing,
            hints: dict[str, str], items: list[RencanaAksiFollowUp], data: WorkbookData,
            pejabat: list[str]) -> list[SheetValues]:  # fmt: skip
    names = {i.kode: i.nama for i in data.indicators}
    return [
        S.lke_values(lke, unit, tahun, proposals, existing.typed, existing.catatan, hints),
        S.ringkasan_values(lke, unit, tahun),
        R.register_values(existing.register, pejabat),
        R.rencana_aksi_values(items, names),
    ]


@dataclass(frozen=True)
class LkeHasil:
    """An LKE workbook read back: answers that count, the proposals and reasons, scores, problems."""

    path: Path
    lke: Lke
    answers: dict[str, str | None]
    proposals: dict[str, str]
    person: dict[str, str]
    rows: dict[str, dict[str, str]]
    score: LkeScore
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def hitung(path: Path) -> LkeHasil:
    """Read the LKE workbook at ``path``: answers, scores, predikat and every problem."""
    from xlwings_app.adapters.openpyxl.lke import read_sheets

    lke = permenpanrb_88_2021()
    sheets = read_sheets(path, [S.SHEET, R.SHEET_REKOMENDASI])
    rows = sheets[S.SHEET]
    if rows is None:
        raise LkeDitolak(f"{path.name} bukan workbook LKE Kinerja: sheet {S.SHEET} tidak ada.")
    read = S.read_lke(lke, rows, path.name)
    texts = _texts(rows)
    answers = {c.id: read.final().get(c.id) for c in lke.criteria()}
    register, reg_problems = R.read_register(sheets[R.SHEET_REKOMENDASI] or [], path.name)
    problems = [*read.problems, *reg_problems, *(p.in_file(path.name) for p in register_problems(register))]
    return LkeHasil(path, lke, answers, read.proposals, read.answers, texts, score_lke(lke, answers), problems)


def _texts(rows: Sequence[tuple[int, Sequence[object]]]) -> dict[str, dict[str, str]]:
    """Each criterion row's reason, evidence and note, as written (by criterion id)."""

    def text(row: Sequence[object], key: str) -> str:
        at = S.COL[key] - 1
        return "" if at >= len(row) or row[at] is None else str(row[at])

    out: dict[str, dict[str, str]] = {}
    for _index, row in rows:
        kode = str(row[0] or "").strip() if row else ""
        if kode.count(".") == 2:
            out[kode] = {key: text(row, key) for key in ("alasan", "bukti", "catatan")}
    return out


def criterion_score(lke: Lke, criterion_id: str, letter: str | None) -> Decimal:
    """A criterion's share of its sub-component's score: weight / n × value, ROUND 2 (for the export)."""
    sub = lke.sub(criterion_id.rsplit(".", 1)[0])
    value = answer_value(lke.criterion(criterion_id), letter)
    return round_half_away(sub.weight * value / len(sub.criteria), 2)


def ekspor(path: Path, keluar: Path | None = None) -> Path:
    """The evaluators' shape of the LKE at ``path``: one row per criterion (xlsx beside it)."""
    from xlwings_app.adapters.openpyxl.lke import write_lke_workbook
    from xlwings_app.sheets.lke_ekspor import ekspor_values

    hasil = hitung(path)
    if hasil.errors:
        raise LkeDitolak(f"Ekspor tidak dibuat: {len(hasil.errors)} jawaban tidak sah.", hasil.errors)
    target = keluar or path.with_name(f"{path.stem} - ekspor evaluator.xlsx")
    scores = {c.id: criterion_score(hasil.lke, c.id, hasil.answers[c.id]) for c in hasil.lke.criteria()}
    sheet = ekspor_values(hasil.lke, hasil.answers, scores, hasil.rows, hasil.score)
    write_lke_workbook(target, [sheet], {}, {sheet.name: "A2"})
    return target
