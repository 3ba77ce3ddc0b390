"""Reading an SOP back from the cells of sheet SOP (identity block and procedure table).

The adapter hands raw cell values with their addresses; this module makes the ``Sop`` and returns
every problem as data, each naming its cell. The fields are those of PermenPANRB 35/2012.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.model import Pengesah, Sop, Step, check_sop
from xlwings_app.domain.sop.waktu import Unit

#: The identity block of sheet SOP: field key and its label in column A (PermenPANRB 35/2012).
IDENTITY: tuple[tuple[str, str], ...] = (
    ("unit", "Unit Kerja"),
    ("nomor", "Nomor SOP"),
    ("tanggal_pembuatan", "Tanggal Pembuatan"),
    ("tanggal_revisi", "Tanggal Revisi"),
    ("tanggal_efektif", "Tanggal Efektif"),
    ("disahkan_jabatan", "Disahkan Oleh (Jabatan)"),
    ("disahkan_nama", "Disahkan Oleh (Nama)"),
    ("disahkan_nip", "Disahkan Oleh (NIP)"),
    ("nama", "Nama SOP"),
    ("dasar_hukum", "Dasar Hukum"),
    ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
    ("keterkaitan", "Keterkaitan"),
    ("peralatan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"),
    ("pencatatan", "Pencatatan dan Pendataan"),
)
#: Fields written one item per line in their cell.
LIST_FIELDS = ("unit", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "pencatatan")
DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
#: Headers of the procedure table; the Pelaksana columns sit between Kegiatan and Kelengkapan.
STEP_HEADERS = ("No", "Kegiatan", "Kelengkapan", "Waktu", "Output", "Keterangan", "TIDAK Kembali ke")
_Add = Callable[[str, str, "Cell", int | None], None]
MARK = "X"
"""What marks a step's Pelaksana column (any non-empty cell counts)."""


@dataclass(frozen=True)
class Cell:
    """A raw cell value and its address."""

    value: object = None
    sel: str | None = None


@dataclass(frozen=True)
class StepCells:
    """The raw cells of one procedure row, by header; ``marks`` by Pelaksana column."""

    baris: int
    cells: Mapping[str, Cell]
    marks: Mapping[str, Cell] = field(default_factory=dict)

    def get(self, header: str) -> Cell:
        return self.cells.get(header, Cell())


def text(value: object) -> str:
    """A cell as tidy text: whole floats without ".0", spaces collapsed within each line."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lines = (" ".join(line.split()) for line in str(value).splitlines())
    return "\n".join(line for line in lines if line)


def parse_sop(
    identity: Mapping[str, Cell],
    pelaksana: Sequence[str],
    rows: Sequence[StepCells],
    *,
    sheet: str,
    default_unit: Unit | None = None,
) -> tuple[Sop, list[Problem]]:
    """The SOP in sheet SOP, and every problem of it (``check_sop`` rules plus the cells' own).

    Rules: Nama SOP is required; a date field holds a date or is empty; No and "TIDAK Kembali ke"
    hold whole numbers; a step is a decision when "TIDAK Kembali ke" is filled; its Pelaksana are
    the marked columns. ``default_unit`` comes from a Waktu header such as "Waktu (menit)".
    """
    problems: list[Problem] = []

    def add(pesan: str, kolom: str, cell: Cell, baris: int | None = None) -> None:
        problems.append(Problem(pesan, sheet=sheet, baris=baris, kolom=kolom, sel=cell.sel, nilai=cell.value))

    labels = dict(IDENTITY)
    values = {key: text(identity.get(key, Cell()).value) for key, _ in IDENTITY}
    if not values["nama"]:
        add("Nama SOP belum diisi.", labels["nama"], identity.get("nama", Cell()))
    dates: dict[str, date | None] = {}
    for key in DATE_FIELDS:
        cell = identity.get(key, Cell())
        dates[key] = None
        if isinstance(cell.value, datetime):
            dates[key] = cell.value.date()
        elif isinstance(cell.value, date):
            dates[key] = cell.value
        elif values[key]:
            add(
                f"{labels[key]} berisi teks, bukan tanggal; isi tanggal (mis. 05-01-2024).", labels[key], cell
            )
    steps: list[Step] = []
    for row in rows:
        step = _step(row, pelaksana, add, default_unit)
        if step is not None:
            steps.append(step)
    signer = (values["disahkan_jabatan"], values["disahkan_nama"], values["disahkan_nip"])
    sop = Sop(
        nama=values["nama"],
        unit=tuple(values["unit"].splitlines()),
        pelaksana=tuple(pelaksana),
        steps=tuple(steps),
        nomor=values["nomor"],
        tanggal_pembuatan=dates["tanggal_pembuatan"],
        tanggal_revisi=dates["tanggal_revisi"],
        tanggal_efektif=dates["tanggal_efektif"],
        disahkan_oleh=Pengesah(*signer) if any(signer) else None,
        dasar_hukum=tuple(values["dasar_hukum"].splitlines()),
        kualifikasi_pelaksana=tuple(values["kualifikasi_pelaksana"].splitlines()),
        keterkaitan=tuple(values["keterkaitan"].splitlines()),
        peralatan=tuple(values["peralatan"].splitlines()),
        peringatan=values["peringatan"],
        pencatatan=tuple(values["pencatatan"].splitlines()),
    )
    problems.extend(_located(check_sop(sop, sheet=sheet), rows))
    return sop, problems


def _step(row: StepCells, pelaksana: Sequence[str], add: _Add, default_unit: Unit | None) -> Step | None:
    cells = {header: text(row.get(header).value) for header in STEP_HEADERS}
    if default_unit and re.fullmatch(r"\d+(,\d+)?", cells["Waktu"]):
        cells["Waktu"] = f"{cells['Waktu']} {default_unit}"  # header "Waktu (menit)", cell "120"
    marked = tuple(name for name in pelaksana if text(row.marks.get(name, Cell()).value))
    if not any(cells.values()) and not marked:
        return None
    no = _whole(row.get("No").value)
    if no is None:
        add(
            f"No {cells['No'] or 'kosong'} bukan nomor langkah; isi 1, 2, 3 ...",
            "No",
            row.get("No"),
            row.baris,
        )
        return None
    back_cell = row.get("TIDAK Kembali ke")
    back = _whole(back_cell.value)
    if cells["TIDAK Kembali ke"] and back is None:
        add(
            f"Langkah {no}: TIDAK Kembali ke harus nomor langkah, bukan {cells['TIDAK Kembali ke']!r}.",
            "TIDAK Kembali ke",
            back_cell,
            row.baris,
        )
    return Step(
        no=no,
        kegiatan=cells["Kegiatan"],
        pelaksana=marked,
        kelengkapan=cells["Kelengkapan"],
        waktu=cells["Waktu"],
        output=cells["Output"],
        keterangan=cells["Keterangan"],
        is_decision=back is not None,
        returns_to=back,
        baris=row.baris,
    )


def _located(problems: list[Problem], rows: Sequence[StepCells]) -> list[Problem]:
    """check_sop's problems with the cell address of their row and column when known."""
    by_row = {row.baris: row for row in rows}
    located: list[Problem] = []
    for problem in problems:
        row = by_row.get(problem.baris) if problem.baris is not None else None
        if row is not None and problem.kolom and problem.sel is None:
            sel = row.get(problem.kolom).sel
            if sel is None and problem.kolom == "Pelaksana" and row.marks:
                sel = next(iter(row.marks.values())).sel
            problem = replace(problem, sel=sel)
        located.append(problem)
    return located


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, float) and value.is_integer() and value > 0:
        return int(value)
    if isinstance(value, str) and value.strip().rstrip(".").isdigit():
        number = int(value.strip().rstrip("."))
        return number if number > 0 else None
    return None
