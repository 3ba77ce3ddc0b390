"""The national list of programs, kegiatan and sub kegiatan, read from the CSV files shipped in
workbook/nomenklatur (one per bidang urusan; its README names the sources).

A file is text with a header ``kode,jenjang,nama,sumber`` and one row per program, kegiatan and sub
kegiatan (Permendagri 90/2019; Kepmendagri 050-5889/2021 and its changes). ``parse_nomenklatur``
takes the text (the caller reads the file, e.g. through ``resources.nomenklatur_files``) and
returns the list with every row that does not fit: a code not of the national shape or not of its
jenjang, a kegiatan whose program (or a sub kegiatan whose kegiatan) is not in the list, a code
given twice. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.tree.codes import NOMENCLATURE_LEVELS, Jenjang, parse_kode

HEADER = ("kode", "jenjang", "nama", "sumber")


@dataclass(frozen=True, slots=True)
class Entri:
    """One program, kegiatan or sub kegiatan of the list."""

    kode: str
    jenjang: Jenjang
    nama: str
    sumber: str = ""


@dataclass(frozen=True)
class Nomenklatur:
    """The list, in file order, with look-ups by code and by name."""

    entries: tuple[Entri, ...] = ()
    _by_kode: Mapping[str, Entri] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_kode", {e.kode: e for e in self.entries})

    def get(self, kode: str) -> Entri | None:
        """The entry of a canonical code (``7.01.02.2.01``), if listed."""
        return self._by_kode.get(kode)

    def __contains__(self, kode: object) -> bool:
        return kode in self._by_kode

    def __len__(self) -> int:
        return len(self.entries)

    def covers(self, kode: str) -> bool:
        """Whether the list holds the bidang urusan of ``kode`` (``7.01`` of ``7.01.02.2.01``): only
        then is an unknown code of that bidang worth a warning."""
        return any(e.kode.startswith(kode[:5]) for e in self.entries) if len(kode) >= 5 else False

    def children(self, kode: str) -> tuple[Entri, ...]:
        """The entries one level below ``kode`` (a dropdown's choices)."""
        entry = self.get(kode)
        if entry is None or entry.jenjang.below is None:
            return ()
        below = entry.jenjang.below
        return tuple(e for e in self.entries if e.jenjang is below and e.kode.startswith(kode + "."))

    def by_name(self, nama: str, jenjang: Jenjang | None = None) -> tuple[Entri, ...]:
        """The entries whose name is ``nama`` (``same_name``), of ``jenjang`` when given."""
        return tuple(
            e for e in self.entries if (jenjang is None or e.jenjang is jenjang) and same_name(e.nama, nama)
        )


def same_name(a: str, b: str) -> bool:
    """Names compared as printed lists differ: case, spacing, and a leading "Program" ignored
    ("PROGRAM PENYELENGGARAAN ..." is "Penyelenggaraan ...")."""
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    words = name.casefold().split()
    if words and words[0] == "program":
        words = words[1:]
    return " ".join(words).replace(" - ", "-").replace("- ", "-")


def parse_nomenklatur(text: str, file: str = "") -> tuple[Nomenklatur, list[Problem]]:
    """The list in ``text`` (a CSV file of workbook/nomenklatur named ``file``) and its problems,
    each naming the file and line; rows with an error are left out of the list."""
    problems: list[Problem] = []
    entries: list[Entri] = []
    seen: dict[str, int] = {}
    lines = [(n, line) for n, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1)]
    content = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not content:
        return Nomenklatur(), [Problem("Berkas nomenklatur kosong.", file=file or None)]
    rows = csv.reader(line for _, line in content)
    numbers = iter(n for n, _ in content)
    header = [h.strip().casefold() for h in next(rows)]
    next(numbers)
    missing = [h for h in HEADER[:3] if h not in header]
    if missing:
        return Nomenklatur(), [Problem(
            f"Kepala kolom nomenklatur harus {','.join(HEADER)}; tidak ada: {', '.join(missing)}.",
            baris=content[0][0], file=file or None,
        )]  # fmt: skip
    at = {name: header.index(name) for name in HEADER if name in header}
    for row, line in zip(rows, numbers, strict=True):
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in at.items()}

        def problem(pesan: str, kolom: str, nilai: object, line: int = line) -> Problem:
            return Problem(pesan, baris=line, kolom=kolom, nilai=nilai, file=file or None)

        jenjang = Jenjang.parse(cells["jenjang"])
        if jenjang not in NOMENCLATURE_LEVELS:
            problems.append(problem(
                f"Jenjang '{cells['jenjang']}' tidak dikenal: isi Program, Kegiatan atau Sub Kegiatan.",
                "jenjang", cells["jenjang"],
            ))  # fmt: skip
            continue
        assert jenjang is not None
        read = parse_kode(cells["kode"], jenjang)
        if read.kode is None or read.catatan:
            problems.append(problem(read.galat or f"Tulis kode empat digit: {read.catatan}", "kode", cells["kode"]))
            continue
        if not cells["nama"]:
            problems.append(problem("Nama belum diisi.", "nama", None))
            continue
        kode = read.kode.text
        if kode in seen:
            problems.append(problem(f"Kode '{kode}' ganda: sudah ada di baris {seen[kode]}.", "kode", kode))
            continue
        parent = read.kode.induk
        if parent is not None and parent not in seen:
            problems.append(problem(
                f"{jenjang.value} '{kode}' tidak punya induk '{parent}' di baris sebelumnya.", "kode", kode
            ))  # fmt: skip
            continue
        seen[kode] = line
        entries.append(Entri(kode, jenjang, " ".join(cells["nama"].split()), cells.get("sumber", "")))
    return Nomenklatur(tuple(entries)), problems


def merge(lists: Iterable[Nomenklatur]) -> Nomenklatur:
    """One list of several files (the first entry of a code counts)."""
    seen: dict[str, Entri] = {}
    for nomenklatur in lists:
        for entry in nomenklatur.entries:
            seen.setdefault(entry.kode, entry)
    return Nomenklatur(tuple(seen.values()))
