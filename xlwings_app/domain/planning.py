"""The planner's checks before the Rencana Kinerja and the Perjanjian Kinerja are signed.

PermenPANRB 53/2014 (Perjanjian Kinerja, lampiran Rencana Aksi) spreads each yearly target over
the four triwulan; the spread must agree with how the indicator's triwulan values become the year
(its ``Agregasi``, DOMAIN "From triwulan to year", ``domain.aggregation``):

- Jumlah: the year's realisasi is R1 + … + R4 against the yearly target, so T1 + … + T4 must equal
  the yearly target (galat). Targets written cumulatively (TW IV already the yearly target) are
  named as the likely cause.
- Akhir: the year's value is the last triwulan's, so Target TW IV must equal the yearly target (galat).
- Rata-rata: the year's value is the mean of the triwulan, so the mean of T1..T4 should equal the
  yearly target. Units also fix the yearly target from the Renstra and the triwulan targets apart
  from it, so this is a warning (``peringatan``), not an error.
- A Jumlah indicator with some triwulan targets blank cannot give a target for those periods
  (warning: write 0 for a triwulan without target); a yearly target missing while all four
  triwulan targets are there gets the value the agregasi implies as a hint.
- An IKI cascades from an IKU (PermenPANRB 89/2021, cascading): the IKU must have a target first.

Every problem names both cells it compares. The rows are read as typed by the user (``RawRow``),
so a row that is unusable for measuring is still checked here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Agregasi, Jenis
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.rows import RawRow, text_of

TW_KEYS = ("t1", "t2", "t3", "t4")
TW_LABELS = ("Target TW I", "Target TW II", "Target TW III", "Target TW IV")


@dataclass(frozen=True)
class PlanRow:
    """The planning cells of one IKU or IKI row: codes, agregasi and targets, as typed."""

    kode: str
    jenis: Jenis
    induk: str
    agregasi: Agregasi | None
    target_tahunan: Decimal | None
    target_tw: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    is_range: bool
    sheet: str
    baris: int
    cells: Mapping[str, str]

    def cell(self, key: str) -> str:
        return self.cells.get(key, key)

    @property
    def has_target(self) -> bool:
        return self.target_tahunan is not None or self.is_range


def plan_row(raw: RawRow) -> PlanRow:
    """The planning cells of ``raw``; a cell that is not a number reads as blank (reported elsewhere)."""

    def number(key: str) -> Decimal | None:
        return read_number(raw.values.get(key)).value

    wanted = text_of(raw.values.get("agregasi")).casefold().replace(" ", "").replace("-", "")
    agregasi = next(
        (a for a in Agregasi if a.value.casefold().replace("-", "") == wanted), None
    )
    tw = (number("t1"), number("t2"), number("t3"), number("t4"))
    return PlanRow(
        kode=text_of(raw.values.get("kode")),
        jenis=raw.jenis,
        induk=text_of(raw.values.get("induk")),
        agregasi=agregasi,
        target_tahunan=number("target_tahunan"),
        target_tw=tw,
        is_range=number("batas_bawah") is not None and number("batas_atas") is not None,
        sheet=raw.sheet,
        baris=raw.baris,
        cells=raw.cells,
    )


def check_plan(rows: Sequence[PlanRow]) -> list[Problem]:
    """Every planning problem of ``rows`` (see the module docstring for the rules)."""
    problems: list[Problem] = []
    for row in rows:
        problems.extend(_check_triwulan(row))
    iku = {r.kode.casefold(): r for r in rows if r.jenis is Jenis.IKU and r.kode}
    for row in rows:
        parent = iku.get(row.induk.casefold()) if row.jenis is Jenis.IKI and row.induk else None
        if parent is not None and not parent.has_target:
            problems.append(
                _at(
                    row,
                    "induk",
                    "IKU Induk",
                    f"IKU Induk '{parent.kode}' belum punya target (sheet {parent.sheet}, sel "
                    f"{parent.cell('target_tahunan')}): tetapkan target IKU itu sebelum IKI yang "
                    "diturunkan darinya.",
                    row.induk,
                )
            )
    return problems


def implied_yearly(agregasi: Agregasi, tw: Sequence[Decimal]) -> Decimal:
    """The yearly target the four triwulan targets imply: their sum (Jumlah), TW IV (Akhir), their mean."""
    if agregasi is Agregasi.JUMLAH:
        return sum(tw, Decimal(0))
    if agregasi is Agregasi.AKHIR:
        return tw[3]
    return sum(tw, Decimal(0)) / len(tw)


def _check_triwulan(row: PlanRow) -> list[Problem]:
    if row.agregasi is None or row.is_range:
        return []
    yearly, tw = row.target_tahunan, row.target_tw
    span = f"{row.cell('t1')}:{row.cell('t4')}"
    filled = [t for t in tw if t is not None]
    if yearly is None:
        if len(filled) == 4:
            hint = implied_yearly(row.agregasi, filled)
            return [
                _at(
                    row,
                    "target_tahunan",
                    "Target Tahunan",
                    f"Target Tahunan ({row.cell('target_tahunan')}) kosong; menurut agregasi "
                    f"{row.agregasi.value} dari target triwulan ({span}) nilainya {angka(hint)}.",
                    None,
                    "peringatan",
                )
            ]
        return []
    if not filled:
        return [
            _at(
                row,
                "t1",
                "Target TW I",
                f"Target triwulan ({span}) belum diisi: lampiran Rencana Aksi akan kosong untuk "
                f"indikator ini (Target Tahunan {row.cell('target_tahunan')} = {angka(yearly)}).",
                None,
                "peringatan",
            )
        ]
    if len(filled) < 4:
        return _partial(row, yearly)
    values = [t for t in tw if t is not None]
    implied = implied_yearly(row.agregasi, values)
    if implied == yearly:
        return []
    yearly_cell = f"Target Tahunan ({row.cell('target_tahunan')}) = {angka(yearly)}"
    if row.agregasi is Agregasi.JUMLAH:
        pesan = (
            f"Jumlah target TW I–IV ({span}) = {angka(implied)} tidak sama dengan {yearly_cell}: "
            "untuk agregasi Jumlah target triwulan dijumlahkan menjadi target setahun."
        )
        if values[3] == yearly and values == sorted(values):
            pesan += " Target tampaknya ditulis kumulatif (TW IV = Target Tahunan): tulis target tiap triwulan saja."
        return [_at(row, "t1", "Target TW I", pesan, implied)]
    if row.agregasi is Agregasi.AKHIR:
        return [
            _at(
                row,
                "t4",
                "Target TW IV",
                f"Target TW IV ({row.cell('t4')}) = {angka(values[3])} tidak sama dengan {yearly_cell}: "
                "untuk agregasi Akhir nilai akhir tahun adalah target tahunan.",
                values[3],
            )
        ]
    return [
        _at(
            row,
            "t1",
            "Target TW I",
            f"Rata-rata target TW I–IV ({span}) = {angka(implied)} tidak sama dengan {yearly_cell}: "
            "untuk agregasi Rata-rata capaian setahun dihitung dari rata-rata triwulan; periksa kembali "
            "bila bukan disengaja.",
            implied,
            "peringatan",
        )
    ]


def _partial(row: PlanRow, yearly: Decimal) -> list[Problem]:
    blank = [i for i, t in enumerate(row.target_tw) if t is None]
    names = ", ".join(f"{TW_LABELS[i]} ({row.cell(TW_KEYS[i])})" for i in blank)
    first = TW_KEYS[blank[0]]
    if row.agregasi is Agregasi.JUMLAH:
        pesan = (
            f"{names} kosong sedangkan Target Tahunan ({row.cell('target_tahunan')}) = {angka(yearly)}: "
            "untuk agregasi Jumlah triwulan tanpa target boleh dibiarkan kosong (dihitung 0 bila realisasinya "
            "juga kosong); isi targetnya bila triwulan itu punya target."
        )
        return [_at(row, first, TW_LABELS[blank[0]], pesan, None, "peringatan")]
    if row.agregasi is Agregasi.AKHIR and 3 in blank:
        pesan = (
            f"Target TW IV ({row.cell('t4')}) kosong: untuk agregasi Akhir isi sama dengan Target Tahunan "
            f"({row.cell('target_tahunan')}) = {angka(yearly)}."
        )
        return [_at(row, "t4", "Target TW IV", pesan, None, "peringatan")]
    return []


def _at(row: PlanRow, key: str, kolom: str, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> Problem:
    return Problem(pesan, row.sheet, row.baris, kolom, row.cells.get(key), nilai, tingkat=tingkat)
