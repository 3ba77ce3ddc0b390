"""Steps that fill themselves: which Log Langkah cells a Kinerja action stamps, never a person's.

Kinerja performs some SOP steps itself and knows when: distributing the forms (``kinerja formulir``),
collecting them (each form's Status formulir and time, at ``kinerja rekap``), the rekap, producing
a document (``kinerja laporan``, ``kinerja laporan-pengumpulan``) and archiving (``kinerja arsip``).
The workbook's own SOP (sheet SOP) decides which step that is: ``ATURAN`` below matches each
action to a step by the words of the step's Kegiatan and Output, so an edited or renamed SOP keeps
working as long as its step still says what it does. A workbook whose SOP has no such step gets
nothing written.

Rules of the stamp (the same as the ribbon's Catat Waktu Langkah, ``stamp.py``):
- only empty cells are filled: what a person typed is never overwritten;
- Mulai gets the action's start, Selesai its end (both to the minute); a rule may stamp only one of
  them (seed 000 step 5 begins with the forms and ends with the rekap);
- Selesai is not written before the row's Mulai (a person's Mulai later than the action);
- a row Kinerja stamped itself (its Catatan begins "Dicatat otomatis (<command>)") is stamped
  again when the action runs again: the last run is the one that counts (the rekap after the late
  forms came in). A person who corrects such a row removes that mark, and it stays theirs;
- a step whose rows are all complete gets a new row only when a decision over it (the SOP's TIDAK
  loop, ``Step.returns_to``) was taken after its last run and the flow has not gone past that
  decision since; otherwise nothing is written and a note says so;
- a period not yet in the log gets its rows first, one per step (as ``kinerja sop mulai`` adds),
  only when the forms are handed out (``MEMBUKA_PERIODE``); other actions leave such a period alone.
Source of the steps: the SOP documents of Kabupaten Lumajang (Pengumpulan Data Kinerja and
Pengukuran Kinerja, Tim SAKIP; Prosedur Penyusunan Pengukuran Kinerja, Kecamatan Lumajang),
following Permenpan RB 53/2014 (reviu and pelaporan kinerja).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from xlwings_app.domain.sop.log import LogEntry, is_before, new_period_entries, normalize_periode
from xlwings_app.domain.sop.model import Sop, Step

Aksi = Literal["formulir", "pengumpulan", "rekap", "laporan", "laporan-draf", "laporan-final", "arsip"]
Isi = Literal["mulai-selesai", "mulai", "selesai"]

#: How each action is named in the log's Catatan and in messages.
PERINTAH: dict[str, str] = {
    "formulir": "kinerja formulir",
    "pengumpulan": "kinerja rekap (formulir masuk)",
    "rekap": "kinerja rekap",
    "laporan": "kinerja laporan",
    "laporan-draf": "kinerja laporan-pengumpulan (draf)",
    "laporan-final": "kinerja laporan-pengumpulan --final",
    "arsip": "kinerja arsip",
}
CATATAN_OTOMATIS = "Dicatat otomatis"
MEMBUKA_PERIODE = frozenset({"formulir"})
"""Actions that open a period missing from the log (its rows first, as ``kinerja sop mulai``): handing
out the forms starts the collection. Later actions on a period the office does not log (a document
of an old period made again) write nothing."""


@dataclass(frozen=True)
class Aturan:
    """An action's step: the first step whose Kegiatan + Output holds every phrase of ``kata``."""

    aksi: Aksi
    kata: tuple[str, ...]
    isi: Isi = "mulai-selesai"
    sumber: str = ""


ATURAN: tuple[Aturan, ...] = (
    # Pengumpulan Data Kinerja (seed 002): each paper Kinerja makes is the Output of its step.
    Aturan("formulir", ("didistribusikan", "tanda terima"), sumber="Pengumpulan Data 6"),
    Aturan("pengumpulan", ("mengisi formulir", "yang sudah diisi"), sumber="Pengumpulan Data 7"),
    Aturan("rekap", ("merekap data capaian", "rekapitulasi hasil pengumpulan"), sumber="Pengumpulan Data 8"),
    Aturan("laporan-draf", ("draft laporan hasil pengumpulan",), sumber="Pengumpulan Data 9"),
    Aturan("laporan-final", ("menganalisa laporan hasil pengumpulan",), sumber="Pengumpulan Data 10"),
    # Pengukuran Kinerja (seed 002, Tim SAKIP).
    Aturan("rekap", ("merekap seluruh hasil pengukuran",), sumber="Pengukuran 6"),
    Aturan("laporan", ("draft laporan hasil pengukuran",), sumber="Pengukuran 7"),
    # Prosedur Penyusunan Pengukuran Kinerja (seed 000): the forms go out and come back in step 5.
    Aturan("formulir", ("berdasarkan form", "kasubbag dan seksi"), "mulai", sumber="Penyusunan 5"),
    Aturan("rekap", ("berdasarkan form", "kasubbag dan seksi"), "selesai", sumber="Penyusunan 5"),
    Aturan("laporan", ("menyusun draft pengukuran kinerja",), sumber="Penyusunan 6"),
    # Pengukuran Kinerja (seed 004, Kominfo): the concept document, then its documentation.
    Aturan("laporan", ("konsep dokumen pengukuran kinerja",), sumber="Kominfo 6"),
    Aturan("arsip", ("mendokumentasikan dokumen pengukuran",), sumber="Kominfo 9"),
    # Every Tim SAKIP SOP ends by archiving.
    Aturan("arsip", ("pengarsipan",), sumber="Pengumpulan Data 12, Pengukuran 10"),
)


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def langkah_aksi(sop: Sop, aksi: Aksi) -> tuple[Step, Isi] | None:
    """The step of ``sop`` that ``aksi`` performs and what it stamps, by ``ATURAN``; None if none."""
    for aturan in ATURAN:
        if aturan.aksi != aksi:
            continue
        for step in sop.steps:
            text = _words(f"{step.kegiatan} {step.output}")
            if all(_words(k) in text for k in aturan.kata):
                return step, aturan.isi
    return None


@dataclass(frozen=True)
class Isian:
    """A log cell to fill: sheet row ``baris`` (1-based), field ``kolom`` as in ``log.LABELS``."""

    baris: int
    kolom: Literal["mulai", "selesai", "catatan"]
    nilai: datetime | str


@dataclass(frozen=True)
class Pencatatan:
    """What an action writes into Log Langkah: cells of existing rows, rows to append, and why."""

    aksi: Aksi
    langkah: int | None = None
    isian: tuple[Isian, ...] = ()
    baru: tuple[LogEntry, ...] = ()
    pesan: str = ""
    catatan: tuple[str, ...] = field(default_factory=tuple)

    @property
    def kosong(self) -> bool:
        return not self.isian and not self.baru


def _minute(moment: datetime | None) -> datetime | None:
    return moment.replace(second=0, microsecond=0) if moment is not None else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def catat(
    sop: Sop,
    entries: Sequence[LogEntry],
    periode: str,
    aksi: Aksi,
    mulai: datetime | None,
    selesai: datetime | None,
    catatan: str = "",
) -> Pencatatan:
    """The cells ``aksi`` fills for ``periode`` (run from ``mulai`` to ``selesai``), by the rules above.

    ``entries`` are the log's rows as read (``LogEntry.baris`` set); ``mulai`` or ``selesai`` None
    means the action does not know that moment (forms not all Final yet). Pure: nothing is written.
    """
    found = langkah_aksi(sop, aksi)
    if found is None:
        return Pencatatan(aksi)
    step, isi = found
    name = normalize_periode(periode)
    start = _minute(mulai) if isi != "selesai" else None
    end = _minute(selesai) if isi != "mulai" else None
    text = f"{CATATAN_OTOMATIS} ({PERINTAH[aksi]})" + (f": {catatan}" if catatan else "")
    where = f"langkah {step.no} {name}"
    if start is None and end is None:
        return Pencatatan(aksi, step.no, pesan=f"Log Langkah {where}: belum ada waktu untuk dicatat.")
    if not any(e.periode == name for e in entries):
        if aksi not in MEMBUKA_PERIODE:
            return Pencatatan(aksi, step.no, pesan=f"Log Langkah belum memuat periode {name}: {where} tidak "
                                                   f"dicatat (buka dengan kinerja sop mulai FILE --periode {name}).")
        if start is None:
            return Pencatatan(aksi, step.no, pesan=f"Log Langkah {where}: Mulai belum tercatat; Selesai tidak ditulis.")
        rows = [
            replace(e, mulai=start, selesai=end, catatan=text) if e.langkah == step.no else e
            for e in new_period_entries(sop, name)
        ]
        return Pencatatan(aksi, step.no, baru=tuple(rows),
                          pesan=f"Log Langkah: baris periode {name} ditambahkan; {where} dicatat.")  # fmt: skip
    runs = [e for e in entries if e.periode == name and e.langkah == step.no and e.baris is not None]
    open_runs = [e for e in runs if e.selesai is None and "selesai" not in e.invalid]
    mark = marker(aksi)
    if not open_runs:
        last = runs[-1] if runs else None
        returned = last is not None and _returned_to(sop, step, entries, last)
        if last is not None and last.catatan.startswith(mark) and not returned:
            return _restamp(aksi, last, start, end, text, where)
        if start is None or (last is not None and not returned):
            return Pencatatan(aksi, step.no, pesan=f"Log Langkah {where} sudah terisi; tidak diubah.")
        row = LogEntry(name, step.no, mulai=start, selesai=end, catatan=text)
        return Pencatatan(aksi, step.no, baru=(row,), pesan=f"Log Langkah: {where} dicatat di baris baru.")
    target = open_runs[0]
    assert target.baris is not None
    own = target.catatan.startswith(mark)
    cells: list[Isian] = []
    notes: list[str] = []
    row_start = target.mulai
    if start is not None and (row_start is None or own) and "mulai" not in target.invalid:
        if start != row_start:
            cells.append(Isian(target.baris, "mulai", start))
        row_start = start
    if end is not None:
        if row_start is not None and is_before(end, row_start):
            notes.append(f"Selesai {where} tidak dicatat: Mulai di baris {target.baris} lebih akhir.")
        elif row_start is not None:
            cells.append(Isian(target.baris, "selesai", end))
    if (cells or own) and (_blank(target.catatan) or own) and target.catatan != text:
        cells.append(Isian(target.baris, "catatan", text))
    if not cells:
        return Pencatatan(aksi, step.no, pesan=f"Log Langkah {where}: tidak ada yang baru untuk dicatat.",
                          catatan=tuple(notes))  # fmt: skip
    filled = " dan ".join("Mulai" if c.kolom == "mulai" else "Selesai" for c in cells if c.kolom != "catatan")
    return Pencatatan(aksi, step.no, isian=tuple(cells), catatan=tuple(notes),
                      pesan=f"Log Langkah {where}: {filled or 'Catatan'} dicatat (baris {target.baris}).")  # fmt: skip


def marker(aksi: Aksi) -> str:
    """How a Catatan Kinerja wrote begins: a row so marked is Kinerja's and may be stamped again."""
    return f"{CATATAN_OTOMATIS} ({PERINTAH[aksi]})"


def _restamp(aksi: Aksi, row: LogEntry, start: datetime | None, end: datetime | None, text: str, where: str) -> Pencatatan:
    """The action ran again over its own complete row: the latest run is the one that counts."""
    assert row.baris is not None
    cells = [Isian(row.baris, "mulai", start)] if start is not None and start != row.mulai else []
    if end is not None and end != row.selesai and not is_before(end, start or row.mulai or end):
        cells.append(Isian(row.baris, "selesai", end))
    if text != row.catatan:
        cells.append(Isian(row.baris, "catatan", text))
    return Pencatatan(aksi, row.langkah, isian=tuple(cells),
                      pesan=f"Log Langkah {where}: dicatat ulang dari jalannya yang terakhir (baris {row.baris}).")


def _returned_to(sop: Sop, step: Step, entries: Sequence[LogEntry], row: LogEntry) -> bool:
    """A decision over ``step`` was taken after ``row`` and the flow has not gone past it since:
    the decision said TIDAK and ``step`` runs again, in a new row."""
    loops = {d.no for d in sop.steps if d.is_decision and d.returns_to is not None
             and d.returns_to <= step.no <= d.no and d.no != step.no}  # fmt: skip
    period = [e for e in entries if e.periode == row.periode and e.baris is not None]
    decided = [e for e in period if e.langkah in loops and e.selesai is not None and e.baris > row.baris]  # type: ignore[operator]
    if not decided:
        return False
    decision = max(decided, key=lambda e: e.baris or 0)
    after = decision.langkah or 0
    return not any(
        (e.langkah or 0) > after and (e.mulai is not None or e.selesai is not None)
        and (e.baris or 0) > (decision.baris or 0)
        for e in period
    )  # fmt: skip


@dataclass(frozen=True)
class Jalan:
    """One run of an action: from ``mulai`` to ``selesai`` (None: not known), with a note."""

    aksi: Aksi
    mulai: datetime | None
    selesai: datetime | None
    catatan: str = ""


@dataclass(frozen=True)
class Rencana:
    """What several runs written together stamp: cells of rows up to ``last_row``, rows after it."""

    isian: tuple[Isian, ...] = ()
    baru: tuple[LogEntry, ...] = ()
    langkah: tuple[int, ...] = ()
    pesan: tuple[str, ...] = ()

    @property
    def kosong(self) -> bool:
        return not self.isian and not self.baru


def catat_semua(sop: Sop, entries: Sequence[LogEntry], periode: str, runs: Sequence[Jalan], last_row: int) -> Rencana:
    """``catat`` for each run in turn, each seeing what the runs before it stamped (one write).

    Rows a run appends are numbered after ``last_row``; a later run's cell in such a row is put
    into the row itself, so ``Rencana.isian`` only names rows already in the sheet.
    """
    rows = {e.baris: e for e in entries if e.baris is not None}
    others = [e for e in entries if e.baris is None]
    added: list[LogEntry] = []
    cells: list[Isian] = []
    langkah: list[int] = []
    pesan: list[str] = []
    for run in runs:
        seen = [*others, *rows.values(), *added]
        plan = catat(sop, seen, periode, run.aksi, run.mulai, run.selesai, run.catatan)
        if plan.langkah is None:
            continue
        langkah.append(plan.langkah)
        pesan.extend(m for m in (plan.pesan, *plan.catatan) if m)
        for entry in plan.baru:
            added.append(replace(entry, baris=last_row + len(added) + 1))
        for cell in plan.isian:
            if cell.baris > last_row:
                index = cell.baris - last_row - 1
                added[index] = _filled(added[index], cell)
            else:
                cells.append(cell)
                rows[cell.baris] = _filled(rows[cell.baris], cell)
    return Rencana(tuple(cells), tuple(added), tuple(langkah), tuple(pesan))


def _filled(entry: LogEntry, cell: Isian) -> LogEntry:
    if cell.kolom == "catatan":
        return replace(entry, catatan=str(cell.nilai))
    moment = cell.nilai if isinstance(cell.nilai, datetime) else None
    return replace(entry, mulai=moment) if cell.kolom == "mulai" else replace(entry, selesai=moment)
