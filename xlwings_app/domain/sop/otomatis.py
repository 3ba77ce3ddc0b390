"""Steps that fill themselves: which Log Langkah cells a Kinerja action stamps, never a person's.

Kinerja performs some SOP steps itself and knows when: distributing the forms (``kinerja formulir``),
collecting them (each form's Status formulir and time, at ``kinerja rekap``), the rekap, producing
a document (``kinerja laporan``, ``kinerja laporan-pengumpulan``) and archiving (``kinerja arsip``).
The workbook's SOPs (sheet SOP and each "SOP <nama>") decide which step that is: ``ATURAN`` below
matches each action to a step by the words of the step's Kegiatan and Output (and of the SOP's Nama,
so that the quarterly actions never stamp the yearly Perencanaan SOP), so an edited or renamed SOP
keeps working as long as its step still says what it does. Every SOP of the workbook with such a
step is stamped (``services.log_otomatis``); an SOP without one gets nothing.

Rules of the stamp (the same as the ribbon's Catat Waktu Langkah, ``stamp.py``):
- a stamp marks WHEN a step was done, never how long it took: Kinerja's clock is the moment the
  action finished (to the minute), written into Selesai (and Mulai when the row has none, the same
  moment), or into Mulai only for a rule that starts a step (seed 000 step 5 begins with the forms
  and ends with the rekap). The forms' own times are people's times: the collection (``pengumpulan``)
  ends when the last form was saved Final (``forms.pengumpulan.waktu_pengumpulan``);
- the row's Catatan says which cells Kinerja wrote ("Dicatat otomatis (kinerja laporan) pada Mulai
  dan Selesai"), so that ``measure`` never judges the seconds a command ran: a run whose Mulai and
  Selesai both come from Kinerja's clock is "Dicatat Otomatis", its working time not measured;
- only empty cells are filled: what a person typed is never overwritten; a person's Catatan is kept
  and the mark added after it; Pelaksana, when empty, gets the official of sheet Pejabat holding the
  step's role (``pelaksana.pejabat_langkah``);
- Selesai is not written before the row's Mulai (a person's Mulai later than the action);
- a row Kinerja stamped (its Catatan holds the action's mark) is stamped again when the action runs
  again, only in the cells that action wrote: the last run is the one that counts (the rekap after
  the late forms came in). A person who corrects such a row removes that mark, and it stays theirs;
- a step whose rows are all complete gets a new row only when a decision over it (the SOP's TIDAK
  loop, ``Step.returns_to``) was taken after its last run and the flow has not gone past that
  decision since; otherwise nothing is written and a note says so;
- a period not yet in the log gets its rows first, one per step (as ``kinerja sop mulai`` adds),
  only when the forms are handed out (``MEMBUKA_PERIODE``); other actions leave such a period alone.
Source of the steps: the SOP documents of Kabupaten Lumajang (Pengumpulan Data Kinerja and
Pengukuran Kinerja, Tim SAKIP; Prosedur Penyusunan Pengukuran Kinerja, Kecamatan Lumajang),
following Permenpan RB 53/2014 (reviu and pelaporan kinerja); the step's Pelaksana is a role of the
SOP, the log names the person (PermenPANRB 35/2012).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from xlwings_app.domain.sop.log import LogEntry, is_before, new_period_entries, normalize_periode
from xlwings_app.domain.sop.model import Sop, Step
from xlwings_app.domain.sop.pelaksana import Unit, pejabat_langkah

Aksi = Literal[
    "formulir", "pengumpulan", "rekap", "laporan", "laporan-draf", "laporan-final", "arsip", "metodologi",
    "pengukuran", "rekapitulasi",
]
Isi = Literal["mulai-selesai", "mulai", "selesai"]
Kolom = Literal["mulai", "selesai"]

#: How each action is named in the log's Catatan and in messages.
PERINTAH: dict[str, str] = {
    "formulir": "kinerja formulir",
    "pengumpulan": "kinerja rekap, formulir masuk",
    "rekap": "kinerja rekap",
    "laporan": "kinerja laporan",
    "laporan-draf": "kinerja laporan-pengumpulan, draf",
    "laporan-final": "kinerja laporan-pengumpulan --final",
    "arsip": "kinerja arsip",
    "metodologi": "kinerja pohon kertas-kerja, metodologi",
    "pengukuran": "kinerja pohon kertas-kerja, pengukuran",
    "rekapitulasi": "kinerja pohon rekapitulasi",
}
#: Older spellings of ``PERINTAH`` in logs Kinerja stamped before (still recognised).
_LAMA: dict[str, str] = {
    "kinerja rekap (formulir masuk)": "pengumpulan",
    "kinerja laporan-pengumpulan (draf)": "laporan-draf",
}
CATATAN_OTOMATIS = "Dicatat otomatis"
SHEET_LOG = "Log Langkah"
"""The log named in messages when the caller names none (``sheets.sop_layout.SopPlace.log``)."""
MEMBUKA_PERIODE = frozenset({"formulir"})
"""Actions that open a period missing from the log (its rows first, as ``kinerja sop mulai``): handing
out the forms starts the collection. Later actions on a period the office does not log (a document
of an old period made again) write nothing."""
WAKTU_ORANG: dict[str, frozenset[Kolom]] = {"pengumpulan": frozenset({"selesai"})}
"""The cells an action fills with people's times rather than its own clock: the collection ends when
the last form was saved Final by its penanggung jawab."""
_KOLOM: dict[Kolom, str] = {"mulai": "Mulai", "selesai": "Selesai"}


@dataclass(frozen=True)
class Aturan:
    """An action's step: the first step whose Kegiatan + Output holds every phrase of ``kata``, in an
    SOP whose Nama holds one of ``sop`` (any SOP when empty)."""

    aksi: Aksi
    kata: tuple[str, ...]
    isi: Isi = "mulai-selesai"
    sumber: str = ""
    sop: tuple[str, ...] = ()


_UKUR = ("pengukuran",)
_KUMPUL = ("pengumpulan",)
ATURAN: tuple[Aturan, ...] = (
    # Pengumpulan Data Kinerja (seed 002): each paper Kinerja makes is the Output of its step.
    Aturan("formulir", ("didistribusikan", "tanda terima"), sumber="Pengumpulan Data 6", sop=_KUMPUL),
    Aturan("pengumpulan", ("mengisi formulir", "yang sudah diisi"), sumber="Pengumpulan Data 7", sop=_KUMPUL),
    Aturan("rekap", ("merekap data capaian", "rekapitulasi hasil pengumpulan"), sumber="Pengumpulan Data 8",
           sop=_KUMPUL),
    Aturan("laporan-draf", ("draft laporan hasil pengumpulan",), sumber="Pengumpulan Data 9", sop=_KUMPUL),
    Aturan("laporan-final", ("menganalisa laporan hasil pengumpulan",), sumber="Pengumpulan Data 10", sop=_KUMPUL),
    # Pengukuran Kinerja (seed 002, Tim SAKIP).
    Aturan("rekap", ("merekap seluruh hasil pengukuran",), sumber="Pengukuran 6", sop=_UKUR),
    # The Kertas Kerja states the methodology (step 4) and holds the period's measurement (step 5); the
    # Rekapitulasi per level is step 6's output (``kinerja pohon``).
    Aturan("metodologi", ("menyiapkan metodologi pengukuran",), sumber="Pengukuran 4", sop=_UKUR),
    Aturan("pengukuran", ("pengukuran capaian kinerja menggunakan metodologi",), sumber="Pengukuran 5", sop=_UKUR),
    Aturan("rekapitulasi", ("merekap seluruh hasil pengukuran",), sumber="Pengukuran 6", sop=_UKUR),
    Aturan("laporan", ("draft laporan hasil pengukuran",), sumber="Pengukuran 7", sop=_UKUR),
    # Prosedur Penyusunan Pengukuran Kinerja (seed 000): the forms go out and come back in step 5.
    # (Seed 001, Perencanaan, has the same words in its step 4: it is not stamped, ``sop`` says so.)
    Aturan("formulir", ("berdasarkan form", "kasubbag dan seksi"), "mulai", sumber="Penyusunan 5", sop=_UKUR),
    Aturan("rekap", ("berdasarkan form", "kasubbag dan seksi"), "selesai", sumber="Penyusunan 5", sop=_UKUR),
    Aturan("laporan", ("menyusun draft pengukuran kinerja",), sumber="Penyusunan 6", sop=_UKUR),
    # Pengukuran Kinerja (seed 004, Kominfo): the concept document, then its documentation.
    Aturan("laporan", ("konsep dokumen pengukuran kinerja",), sumber="Kominfo 6", sop=_UKUR),
    Aturan("arsip", ("mendokumentasikan dokumen pengukuran",), sumber="Kominfo 9", sop=_UKUR),
    # Every Tim SAKIP SOP ends by archiving.
    Aturan("arsip", ("pengarsipan",), sumber="Pengumpulan Data 12, Pengukuran 10", sop=(*_UKUR, *_KUMPUL)),
)  # fmt: skip


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def langkah_aksi(sop: Sop, aksi: Aksi) -> tuple[Step, Isi] | None:
    """The step of ``sop`` that ``aksi`` performs and what it stamps, by ``ATURAN``; None if none."""
    nama = _words(sop.nama)
    for aturan in ATURAN:
        if aturan.aksi != aksi or (aturan.sop and not any(word in nama for word in aturan.sop)):
            continue
        for step in sop.steps:
            text = _words(f"{step.kegiatan} {step.output}")
            if all(_words(k) in text for k in aturan.kata):
                return step, aturan.isi
    return None


# --- the mark in Catatan: which cells Kinerja wrote ----------------------------------------------

_MARK = re.compile(
    r"dicatat otomatis \((?P<cmd>[^()]*)\)(?: pada (?P<kolom>mulai dan selesai|mulai|selesai)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tanda:
    """One action's mark in a Catatan: the command, the cells it wrote, and where the mark stands."""

    aksi: str | None
    kolom: frozenset[Kolom]
    start: int
    end: int


def tanda(catatan: str) -> list[Tanda]:
    """The marks of Kinerja's actions in ``catatan``, in order. A mark ends where the next begins.

    A mark without "pada ..." (written before the cells were named) counts as both Mulai and
    Selesai: Kinerja then stamped its own run times into both.
    """
    found = list(_MARK.finditer(catatan))
    marks: list[Tanda] = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(catatan)
        cmd = match.group("cmd").strip()
        aksi = next((a for a, name in PERINTAH.items() if name == cmd), _LAMA.get(cmd))
        words = (match.group("kolom") or "mulai dan selesai").casefold()
        kolom = frozenset(k for k in ("mulai", "selesai") if k in words)
        marks.append(Tanda(aksi, kolom, match.start(), end))  # type: ignore[arg-type]
    return marks


def waktu_kinerja(catatan: str) -> frozenset[Kolom]:
    """The cells of a log row that hold Kinerja's own clock (the moment an action ran), by its
    Catatan: the cells its marks name, less those an action fills with people's times
    (``WAKTU_ORANG``). ``measure`` does not judge a run whose Mulai and Selesai are both here."""
    cells: set[Kolom] = set()
    for mark in tanda(catatan):
        cells |= mark.kolom - WAKTU_ORANG.get(mark.aksi or "", frozenset())
    return frozenset(cells)


def kolom_aksi(catatan: str, aksi: Aksi) -> frozenset[Kolom]:
    """The cells ``aksi`` wrote into the row whose Catatan is ``catatan`` (empty: not its row)."""
    return frozenset().union(*(m.kolom for m in tanda(catatan) if m.aksi == aksi))


def _mark_text(aksi: Aksi, kolom: frozenset[Kolom], detail: str) -> str:
    named = " dan ".join(_KOLOM[k] for k in ("mulai", "selesai") if k in kolom)
    return f"{CATATAN_OTOMATIS} ({PERINTAH[aksi]}) pada {named}" + (f": {detail}" if detail else "")


def with_mark(catatan: str, aksi: Aksi, kolom: frozenset[Kolom], detail: str) -> str:
    """``catatan`` with ``aksi``'s mark naming ``kolom``: replacing its earlier mark, or after what is
    there (a person's note, other actions' marks) with "; "."""
    text = _mark_text(aksi, kolom, detail)
    own = [m for m in tanda(catatan) if m.aksi == aksi]
    if own:
        first, last = own[0], own[-1]
        rest = catatan[last.end :].lstrip("; ")
        before = catatan[: first.start].rstrip("; ")
        return "; ".join(part for part in (before, text, rest) if part)
    base = catatan.strip().rstrip(";").strip()
    return f"{base}; {text}" if base else text


def marker(aksi: Aksi) -> str:
    """How the mark of ``aksi`` begins in a Catatan."""
    return f"{CATATAN_OTOMATIS} ({PERINTAH[aksi]})"


# --- what an action writes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Isian:
    """A log cell to fill: sheet row ``baris`` (1-based), field ``kolom`` as in ``log.LABELS``."""

    baris: int
    kolom: Literal["mulai", "selesai", "catatan", "pelaksana"]
    nilai: datetime | str


@dataclass(frozen=True)
class Pencatatan:
    """What an action writes into a log: cells of existing rows, rows to append, and why."""

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


def _moments(aksi: Aksi, isi: Isi, mulai: datetime | None, selesai: datetime | None) -> tuple[datetime | None, datetime | None]:
    """(Mulai, Selesai) the action stamps: its own clock marks the moment it finished (the step was
    done then); an action filling people's times (``WAKTU_ORANG``) passes them as given."""
    if aksi in WAKTU_ORANG:
        start, end = _minute(mulai), _minute(selesai)
    else:
        moment = _minute(selesai or mulai)
        start = end = moment
    return (start if isi != "selesai" else None), (end if isi != "mulai" else None)


def catat(
    sop: Sop,
    entries: Sequence[LogEntry],
    periode: str,
    aksi: Aksi,
    mulai: datetime | None,
    selesai: datetime | None,
    catatan: str = "",
    profil: Unit | None = None,
    log: str = SHEET_LOG,
) -> Pencatatan:
    """The cells ``aksi`` fills for ``periode`` (run from ``mulai`` to ``selesai``), by the rules above.

    ``entries`` are the log's rows as read (``LogEntry.baris`` set); ``mulai`` or ``selesai`` None
    means the action does not know that moment (forms not all Final yet). ``profil`` gives the
    officials of sheet Pejabat (Pelaksana); ``log`` names the log sheet in messages. Pure: nothing
    is written.
    """
    found = langkah_aksi(sop, aksi)
    if found is None:
        return Pencatatan(aksi)
    step, isi = found
    name = normalize_periode(periode)
    start, end = _moments(aksi, isi, mulai, selesai)
    who = pejabat_langkah(step, profil) if profil is not None else ""
    written = frozenset(k for k, v in (("mulai", start), ("selesai", end)) if v is not None)
    where = f"{log}, langkah {step.no} {name}"
    if start is None and end is None:
        return Pencatatan(aksi, step.no, pesan=f"{where}: belum ada waktu untuk dicatat.")
    if not any(e.periode == name for e in entries):
        if aksi not in MEMBUKA_PERIODE:
            return Pencatatan(aksi, step.no, pesan=f"{log} belum memuat periode {name}: langkah {step.no} tidak "
                                                   f"dicatat (buka dengan kinerja sop mulai FILE --periode {name}).")
        if start is None:
            return Pencatatan(aksi, step.no, pesan=f"{where}: Mulai belum tercatat; Selesai tidak ditulis.")
        text = _mark_text(aksi, written, catatan)  # type: ignore[arg-type]
        rows = [
            replace(e, mulai=start, selesai=end, catatan=text, pelaksana=who) if e.langkah == step.no else e
            for e in new_period_entries(sop, name)
        ]
        return Pencatatan(aksi, step.no, baru=tuple(rows),
                          pesan=f"{log}: baris periode {name} ditambahkan; langkah {step.no} {name} dicatat.")  # fmt: skip
    runs = [e for e in entries if e.periode == name and e.langkah == step.no and e.baris is not None]
    open_runs = [e for e in runs if e.selesai is None and "selesai" not in e.invalid]
    if not open_runs:
        last = runs[-1] if runs else None
        returned = last is not None and _returned_to(sop, step, entries, last)
        if last is not None and kolom_aksi(last.catatan, aksi) and not returned:
            return _restamp(aksi, last, start, end, catatan, where)
        if start is None or (last is not None and not returned):
            return Pencatatan(aksi, step.no, pesan=f"{where} sudah terisi; tidak diubah.")
        row = LogEntry(name, step.no, who, mulai=start, selesai=end, catatan=_mark_text(aksi, written, catatan))  # type: ignore[arg-type]
        return Pencatatan(aksi, step.no, baru=(row,), pesan=f"{where} dicatat di baris baru.")
    target = open_runs[0]
    assert target.baris is not None
    own = kolom_aksi(target.catatan, aksi)
    cells: list[Isian] = []
    stamped: set[Kolom] = set(own)
    notes: list[str] = []
    row_start = target.mulai
    if start is not None and (row_start is None or "mulai" in own) and "mulai" not in target.invalid:
        if start != row_start:
            cells.append(Isian(target.baris, "mulai", start))
        stamped.add("mulai")
        row_start = start
    if end is not None:
        if row_start is not None and is_before(end, row_start):
            notes.append(f"Selesai langkah {step.no} {name} tidak dicatat: Mulai di baris {target.baris} lebih akhir.")
        elif row_start is not None:
            cells.append(Isian(target.baris, "selesai", end))
            stamped.add("selesai")
    if cells and who and not target.pelaksana:
        cells.append(Isian(target.baris, "pelaksana", who))
    if cells or own:
        text = with_mark(target.catatan, aksi, frozenset(stamped), catatan)
        if stamped and text != target.catatan:
            cells.append(Isian(target.baris, "catatan", text))
    if not cells:
        return Pencatatan(aksi, step.no, pesan=f"{where}: tidak ada yang baru untuk dicatat.",
                          catatan=tuple(notes))  # fmt: skip
    filled = " dan ".join(_KOLOM[c.kolom] for c in cells if c.kolom in _KOLOM)
    return Pencatatan(aksi, step.no, isian=tuple(cells), catatan=tuple(notes),
                      pesan=f"{where}: {filled or 'Catatan'} dicatat (baris {target.baris}).")  # fmt: skip


def _restamp(aksi: Aksi, row: LogEntry, start: datetime | None, end: datetime | None, detail: str, where: str) -> Pencatatan:
    """The action ran again over a complete row it stamped: the latest run is the one that counts, in
    the cells that action wrote (a person's cell stays theirs; Mulai never after Selesai)."""
    assert row.baris is not None
    own = kolom_aksi(row.catatan, aksi)
    cells: list[Isian] = []
    new_end = end if "selesai" in own and end is not None else row.selesai
    if "selesai" in own and end is not None and end != row.selesai and not is_before(end, start or row.mulai or end):
        cells.append(Isian(row.baris, "selesai", end))
    if "mulai" in own and start is not None and start != row.mulai and (new_end is None or not is_before(new_end, start)):
        cells.append(Isian(row.baris, "mulai", start))
    text = with_mark(row.catatan, aksi, own, detail)
    if text != row.catatan:
        cells.append(Isian(row.baris, "catatan", text))
    return Pencatatan(aksi, row.langkah, isian=tuple(cells),
                      pesan=f"{where}: dicatat ulang dari jalannya yang terakhir (baris {row.baris}).")


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


def catat_semua(
    sop: Sop,
    entries: Sequence[LogEntry],
    periode: str,
    runs: Sequence[Jalan],
    last_row: int,
    profil: Unit | None = None,
    log: str = SHEET_LOG,
) -> Rencana:
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
        plan = catat(sop, seen, periode, run.aksi, run.mulai, run.selesai, run.catatan, profil, log)
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
    if cell.kolom == "pelaksana":
        return replace(entry, pelaksana=str(cell.nilai))
    moment = cell.nilai if isinstance(cell.nilai, datetime) else None
    return replace(entry, mulai=moment) if cell.kolom == "mulai" else replace(entry, selesai=moment)
