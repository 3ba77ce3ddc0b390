"""Checklist Dokumen: the documents a period needs, each with its state, and what is missing.

Seed SOP Pengumpulan Data Kinerja (Tim SAKIP), step 4: "Tim SAKIP mengumpulkan dokumen-dokumen yang
diperlukan", Kelengkapan "Program Kerja Keg., RENSTRA, Hasil Survey, Lap. Hasil Evaluasi, SAKIP
Menpan RB", Output "Checklist Dokumen". The documents come from the SOPs themselves (PermenPANRB
35/2012: Kelengkapan is what a step needs) and from that list:

- every item of every step's Kelengkapan (split at "," ";" "/" outside brackets);
- the items of Peralatan/Perlengkapan that are documents of the catalogue (``KATALOG``: Renstra,
  Renja, RPJMD, PK, IKU, DPA, ...), not a computer or a printer;
- with ``baku``, the list of seed 002 step 4 and the documents the seeds' Peralatan name
  (``DAFTAR_BAKU``), so a unit whose SOP is shorter still sees them.
Names are normalised before they are compared: spaces and case folded, abbreviations written out
("Keg." Kegiatan, "Lap." Laporan, "Survey" Survei), the catalogue's names and aliases recognised
(TAPKIN, the old name of the Perjanjian Kinerja), and an OCR-damaged spelling taken for the name it
is one letter off ("Suarat Disposisi" is the Surat Disposisi; two letters in a name of 20 or more),
so each document is listed once, with every place that names it. "Rencana Kinerja" and "Rencana
Kerja" stay two documents (two letters apart in 15).

A document some step's Output makes (the Notulen Rapat of step 2) is marked with that step. The
state of each is "ada" (ticked, or a file name or path given) or "belum". Missing, at step n of an
SOP, is a document in state "belum" that no step makes (it must be gathered) or that a step of
that SOP before n makes (it should exist by now): a warning naming it and the step that needs it.
A document only the standard list names is a notice when missing; one ticked "ada" without a file
or path is a notice to say where it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.sop.model import Sop

Kolom = Literal["Kelengkapan", "Output", "Peralatan", "Daftar baku"]
Status = Literal["ada", "belum"]
PANJANG_DUA_HURUF = 20
"""From this length on, two damaged letters still make the same name (one below it)."""


@dataclass(frozen=True)
class Katalog:
    """A document the office knows by several names."""

    nama: str
    alias: tuple[str, ...]
    keterangan: str = ""
    awalan: bool = False
    """A name that begins with an alias is this document too ("Dokumen Renstra Kecamatan X")."""


KATALOG: tuple[Katalog, ...] = (
    Katalog("Surat Edaran Bappeda", ("surat edaran", "surat edaran bappeda", "se bappeda")),
    Katalog("Surat Disposisi", ("surat disposisi", "disposisi camat")),
    Katalog("Lembar Disposisi", ("lembar disposisi",)),
    Katalog("Notulen Rapat", ("notulen rapat", "notulen", "notula rapat")),
    Katalog("Program Kerja Kegiatan", ("program kerja kegiatan", "program kerja")),
    Katalog("Renstra (Rencana Strategis)", ("renstra", "rencana strategis"), awalan=True),
    Katalog("Renja (Rencana Kerja)", ("renja", "rencana kerja"), awalan=True),
    Katalog("Rencana Kinerja Tahunan", ("rencana kinerja", "rencana kinerja tahunan", "rkt")),
    Katalog("RPJMD", ("rpjmd", "rencana pembangunan jangka menengah daerah"), awalan=True),
    Katalog("Perjanjian Kinerja (PK)", ("pk", "perjanjian kinerja", "tapkin", "penetapan kinerja"),
            "TAPKIN (Penetapan Kinerja) adalah nama lama Perjanjian Kinerja (PermenPANRB 53/2014)."),
    Katalog("IKU (Indikator Kinerja Utama)", ("iku", "indikator kinerja utama")),
    Katalog("IKI (Indikator Kinerja Individu)", ("iki", "indikator kinerja individu")),
    Katalog("DPA (Dokumen Pelaksanaan Anggaran)", ("dpa", "dokumen pelaksanaan anggaran"), awalan=True),
    Katalog("RKA (Rencana Kerja dan Anggaran)", ("rka", "rencana kerja dan anggaran"), awalan=True),
    Katalog("Hasil Survei", ("hasil survei", "hasil survei kepuasan masyarakat", "hasil skm")),
    Katalog("Laporan Hasil Evaluasi", ("laporan hasil evaluasi", "lhe", "lhe akip")),
    Katalog("Pedoman SAKIP Kementerian PANRB", ("sakip menpan rb", "sakip menpanrb", "pedoman sakip"),
            'Ditulis "SAKIP Menpan RB" dalam SOP: peraturan SAKIP Kementerian PANRB (PermenPANRB 53/2014, 88/2021).'),
    Katalog("Juknis Pengukuran Kinerja Kementerian PANRB", ("juknis pengukuran kinerja menpan rb",
                                                             "juknis pengukuran kinerja")),
    Katalog("Tupoksi Kasi dan Kasubag", ("tupoksi",), awalan=True),
    Katalog("Formulir Pengumpulan Data Capaian Kinerja", ("formulir pengumpulan data capaian kinerja",
                                                          "blangko formulir pengumpulan data capaian kinerja")),
    Katalog("LKjIP", ("lkjip", "laporan kinerja instansi pemerintah")),
)  # fmt: skip
"""Documents recognised by name; the only items of Peralatan that enter the checklist."""

DAFTAR_BAKU: tuple[str, ...] = (
    "Renstra (Rencana Strategis)",
    "Hasil Survei",
    "Laporan Hasil Evaluasi",
    "Pedoman SAKIP Kementerian PANRB",
    "Perjanjian Kinerja (PK)",
    "IKU (Indikator Kinerja Utama)",
    "DPA (Dokumen Pelaksanaan Anggaran)",
)
"""Seed 002 Pengumpulan Data step 4's list, and the PK, IKU and DPA the seeds' Peralatan name."""

_WORDS = {"keg": "kegiatan", "lap": "laporan", "dok": "dokumen", "survey": "survei", "menpanrb": "menpan rb",
          "kinerja": "kinerja", "kineja": "kinerja"}  # fmt: skip
_SPLIT = re.compile(r"[,;/\n]")


@dataclass(frozen=True)
class Sebutan:
    """Where a document is named: SOP, step (0 for Peralatan and the standard list), column."""

    sop: str
    langkah: int
    kolom: Kolom

    def __str__(self) -> str:
        if self.kolom == "Daftar baku":
            return "daftar baku Pengumpulan Data Kinerja"
        if self.kolom == "Peralatan":
            return f"{self.sop}, Peralatan/Perlengkapan"
        return f"{self.sop} langkah {self.langkah}"


@dataclass(frozen=True)
class DokumenPerlu:
    """A document the period needs: its name, where it is needed, which steps make it."""

    nama: str
    disebut: tuple[Sebutan, ...]
    dibuat: tuple[Sebutan, ...] = ()
    keterangan: str = ""
    dikenal: bool = False
    """In ``KATALOG``."""

    @property
    def dari_luar(self) -> bool:
        """No step makes it: it has to be gathered."""
        return not self.dibuat

    @property
    def hanya_baku(self) -> bool:
        """Only the standard list names it."""
        return all(s.kolom == "Daftar baku" for s in self.disebut)


def kunci(text: str) -> str:
    """The comparison form of a name: words only, bracketed parts and a leading "dokumen" or
    "dan" dropped, abbreviations written out, case folded."""
    text = re.sub(r"\([^)]*\)", " ", text.casefold())
    words = [_WORDS.get(w, w) for w in re.findall(r"[\w]+", text)]
    while words and words[0] in ("dan", "dokumen", "dokumen-dokumen"):
        words = words[1:]
    return " ".join(" ".join(words).split())


def pisah(text: str) -> list[str]:
    """The items of a Kelengkapan or Peralatan cell: split at , ; / and line breaks (not inside
    brackets), each tidied (spaces folded, a leading "dan" and trailing dots dropped)."""
    items, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth <= 0 and _SPLIT.match(char):
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    tidy = [re.sub(r"^(dan|serta)\s+", "", " ".join(i.split()), flags=re.I).strip(" .:-") for i in items]
    return [t for t in tidy if kunci(t)]


def katalog(nama: str) -> Katalog | None:
    """The catalogue entry ``nama`` names: its name or an alias, a name beginning with an alias where
    the entry allows it ("Renstra Kecamatan Sumbersuko"), or an OCR-damaged alias (``mirip``)."""
    key = kunci(nama)
    if not key:
        return None
    for entry in KATALOG:
        if kunci(entry.nama) == key or any(key == a or (entry.awalan and key.startswith(f"{a} ")) for a in entry.alias):
            return entry
    return next((e for e in KATALOG if any(mirip(key, a) for a in e.alias)), None)


def mirip(a: str, b: str) -> bool:
    """Two names that differ by OCR damage only: at least 8 letters and one edit apart (insert,
    delete or replace a letter), two edits when both have ``PANJANG_DUA_HURUF`` or more."""
    if min(len(a), len(b)) < 8 or a == b:
        return a == b
    limit = 2 if min(len(a), len(b)) >= PANJANG_DUA_HURUF else 1
    return _edits(a, b, limit) <= limit


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, stopped early once it passes ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def kebutuhan_dokumen(sops: Sequence[Sop], *, baku: bool = True) -> tuple[DokumenPerlu, ...]:
    """The documents the period of ``sops`` needs, each once, in order of first mention (rules above)."""
    found: list[_Found] = []

    def note(nama: str, where: Sebutan, made: bool, only_known: bool = False) -> None:
        entry = katalog(nama)
        if only_known and entry is None:
            return
        display = entry.nama if entry else nama
        key = kunci(display)
        match = next((f for f in found if f.key == key or (entry is None and f.entry is None and mirip(f.key, key))),
                     None)  # fmt: skip
        if match is None:
            match = _Found(key, display, entry)
            found.append(match)
        (match.dibuat if made else match.disebut).append(where)

    for sop in sops:
        for step in sop.steps:
            for item in pisah(step.kelengkapan):
                note(item, Sebutan(sop.nama, step.no, "Kelengkapan"), made=False)
        for step in sop.steps:
            for item in pisah(step.output):
                note(item, Sebutan(sop.nama, step.no, "Output"), made=True)
    for sop in sops:
        for cell in sop.peralatan:
            for item in pisah(cell):
                note(item, Sebutan(sop.nama, 0, "Peralatan"), made=False, only_known=True)
    if baku:
        for name in DAFTAR_BAKU:
            note(name, Sebutan("", 0, "Daftar baku"), made=False)
    return tuple(
        DokumenPerlu(f.nama, tuple(dict.fromkeys(f.disebut)), tuple(dict.fromkeys(f.dibuat)),
                     f.entry.keterangan if f.entry else "", f.entry is not None)
        for f in found if f.disebut
    )  # fmt: skip


@dataclass
class _Found:
    key: str
    nama: str
    entry: Katalog | None
    disebut: list[Sebutan] = field(default_factory=list)
    dibuat: list[Sebutan] = field(default_factory=list)


@dataclass(frozen=True)
class IsianChecklist:
    """A checklist row as typed back: the document, ticked or not, its file or path, a note."""

    nama: str
    ada: bool | None = None
    berkas: str = ""
    catatan: str = ""
    sheet: str | None = field(default=None, compare=False)
    baris: int | None = field(default=None, compare=False)
    cells: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ItemChecklist:
    """One document of the checklist with its state."""

    dokumen: DokumenPerlu
    status: Status
    berkas: str = ""
    catatan: str = ""
    isian: IsianChecklist | None = None


def checklist(perlu: Sequence[DokumenPerlu], isian: Sequence[IsianChecklist] = ()) -> tuple[ItemChecklist, ...]:
    """Each needed document with its state from the typed rows (matched by normalised name; a row
    naming no needed document is kept at the end as an extra document). State "ada" when ticked,
    or when a file or path is given and the row is not explicitly unticked; else "belum"."""
    rows: dict[str, IsianChecklist] = {}
    for typed in isian:
        entry = katalog(typed.nama)
        rows.setdefault(kunci(entry.nama) if entry else kunci(typed.nama), typed)
    items: list[ItemChecklist] = []
    for doc in perlu:
        key = kunci(doc.nama)
        items.append(_item(doc, rows.pop(key, None) or _pop_close(rows, key)))
    for typed in rows.values():
        extra = DokumenPerlu(" ".join(typed.nama.split()), (), dikenal=katalog(typed.nama) is not None)
        items.append(_item(extra, typed))
    return tuple(items)


def _pop_close(rows: dict[str, IsianChecklist], key: str) -> IsianChecklist | None:
    near = next((k for k in rows if mirip(k, key)), None)
    return rows.pop(near) if near is not None else None


def _item(doc: DokumenPerlu, row: IsianChecklist | None) -> ItemChecklist:
    if row is None:
        return ItemChecklist(doc, "belum")
    berkas = row.berkas.strip()
    status: Status = "ada" if row.ada or (row.ada is None and berkas) else "belum"
    return ItemChecklist(doc, status, berkas, row.catatan.strip(), row)


def yang_kurang(items: Sequence[ItemChecklist], sop: Sop, langkah: int) -> list[Problem]:
    """What is missing at step ``langkah`` of ``sop`` (rules in the module docstring), in list order."""
    problems: list[Problem] = []
    for item in items:
        doc, row = item.dokumen, item.isian
        needed = ", ".join(str(s) for s in doc.disebut) or "daftar periksa"
        made_before = [s for s in doc.dibuat if s.sop == sop.nama and s.langkah < langkah]
        if item.status == "ada":
            if not item.berkas:
                problems.append(_missing(item, f"{doc.nama}: ditandai ada tanpa nama berkas atau lokasinya; "
                                               "tuliskan di mana dokumen itu.", "catatan", "Berkas"))  # fmt: skip
        elif row is not None and row.ada is False and row.berkas.strip():
            problems.append(_missing(item, f"{doc.nama}: ditandai belum ada tetapi berkasnya ditulis "
                                           f"({row.berkas.strip()}); periksa kembali.", "peringatan"))  # fmt: skip
        elif doc.dari_luar and doc.hanya_baku:
            problems.append(_missing(item, f"{doc.nama} belum ada (daftar baku dokumen pengumpulan data).", "catatan"))
        elif doc.dari_luar:
            problems.append(_missing(item, f"{doc.nama} belum ada: dokumen ini harus dikumpulkan "
                                           f"(diperlukan {needed}).", "peringatan"))  # fmt: skip
        elif made_before:
            problems.append(_missing(item, f"{doc.nama} belum ada: seharusnya sudah dibuat pada {made_before[0]} "
                                           f"(diperlukan {needed}).", "peringatan"))  # fmt: skip
    return problems


def _missing(item: ItemChecklist, pesan: str, tingkat: Tingkat, kolom: str = "Ada") -> Problem:
    row = item.isian
    if row is None:
        return Problem(pesan, kolom=kolom, nilai=item.dokumen.nama, tingkat=tingkat)
    return Problem(pesan, row.sheet, row.baris, kolom, row.cells.get(kolom.casefold()), item.dokumen.nama,
                   tingkat=tingkat)
