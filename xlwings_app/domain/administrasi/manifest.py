"""What the archive of a period holds: every paper the period produced, each with its hash.

Seed SOP Pengumpulan Data Kinerja step 12 and Pengukuran Kinerja step 10 (Tim SAKIP): "Pengarsipan
Data Kinerja", Output "Arsip hasil pengumpulan data kinerja"; Pengukuran Kinerja (Kominfo) step 9:
the signed document documented "untuk penilaian SAKIP". The archive (``kinerja arsip``) holds the
workbook and the period's document; this manifest lists everything else the SOPs made that
period too, each under its own folder (``FOLDER``) with the SOP Output it answers (``KELUARAN``)
and its SHA-256, filled in when the archive is written.

Rules: a manifest has the workbook and at least one document; a file name is a plain name (no
folder, no "..", no drive, no control character, not the manifest's own name), since the names come
from files the user hands in; no path twice; a hash, once filled, is 64 hexadecimal characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from xlwings_app.domain.administrasi.langkah import Bidang, cari_langkah
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.model import Sop

MANIFEST = "manifest.json"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_BAD_NAME = re.compile(r"[/\\:\x00-\x1f\x7f]")


class JenisBerkas(StrEnum):
    """The kinds of papers a period produces."""

    WORKBOOK = "Workbook"
    DOKUMEN = "Dokumen"
    DOKUMEN_IKI = "Dokumen IKI"
    FORMULIR = "Formulir Kembali"
    TANDA_TERIMA = "Tanda Terima"
    LAPORAN_PENGUMPULAN = "Laporan Pengumpulan"
    NOTULEN = "Notulen Rapat"
    DISPOSISI = "Lembar Disposisi"
    PROGRAM_KERJA = "Program Kerja Kegiatan"
    CHECKLIST = "Checklist Dokumen"
    SURAT_PENGANTAR = "Surat Pengantar"
    LAMPIRAN = "Lampiran"


FOLDER: dict[JenisBerkas, str] = {
    JenisBerkas.WORKBOOK: "workbook",
    JenisBerkas.DOKUMEN: "dokumen",
    JenisBerkas.DOKUMEN_IKI: "dokumen-iki",
    JenisBerkas.FORMULIR: "formulir",
    JenisBerkas.TANDA_TERIMA: "tanda-terima",
    JenisBerkas.LAPORAN_PENGUMPULAN: "laporan-pengumpulan",
    JenisBerkas.NOTULEN: "notulen",
    JenisBerkas.DISPOSISI: "disposisi",
    JenisBerkas.PROGRAM_KERJA: "program-kerja",
    JenisBerkas.CHECKLIST: "checklist",
    JenisBerkas.SURAT_PENGANTAR: "surat-pengantar",
    JenisBerkas.LAMPIRAN: "lampiran",
}
"""The archive folder of each kind (workbook/, dokumen/ and lampiran/ as ``kinerja arsip`` has them)."""

KELUARAN: dict[JenisBerkas, tuple[tuple[tuple[str, ...], Bidang], ...]] = {
    JenisBerkas.FORMULIR: ((("yang sudah diisi",), "output"),),
    JenisBerkas.TANDA_TERIMA: ((("tanda terima",), "output"), (("kepada seluruh pejabat",), "kegiatan")),
    JenisBerkas.LAPORAN_PENGUMPULAN: ((("laporan hasil pengumpulan",), "output"),),
    JenisBerkas.NOTULEN: ((("notulen rapat",), "output"),),
    JenisBerkas.DISPOSISI: ((("disposisi",), "output"), (("mendisposisikan",), "kegiatan")),
    JenisBerkas.PROGRAM_KERJA: ((("program kerja",), "output"),),
    JenisBerkas.CHECKLIST: ((("checklist dokumen",), "output"),),
    JenisBerkas.SURAT_PENGANTAR: ((("kepada bappeda",), "kegiatan"),),
}
"""How the steps a kind answers are found (phrases, and the column they are read in), to name the
step in the manifest: a Tanda Terima answers the forms' distribution (its Output) and the signed
document's (its Kegiatan), a Surat Pengantar the step that sends to Bappeda."""


@dataclass(frozen=True)
class BerkasArsip:
    """One file of the archive: its kind, file name, what it is, the SOP step it answers, its hash."""

    jenis: JenisBerkas
    nama: str
    judul: str = ""
    langkah: str = ""
    """E.g. "Pengumpulan Data Kinerja langkah 6"."""
    sha256: str | None = None

    @property
    def path(self) -> str:
        """Its name inside the archive: "tanda-terima/Tanda Terima Formulir TW2.xlsx"."""
        return f"{FOLDER[self.jenis]}/{self.nama}"


@dataclass(frozen=True)
class ManifestArsip:
    """The archive's list: unit, year, period and every file."""

    unit: str
    tahun: int
    periode: str
    berkas: tuple[BerkasArsip, ...]

    @property
    def belum_hash(self) -> tuple[str, ...]:
        """Paths whose hash is not filled in yet."""
        return tuple(b.path for b in self.berkas if b.sha256 is None)

    def dengan_hash(self, hashes: Mapping[str, str]) -> ManifestArsip:
        """The same manifest with the hash of each path ``hashes`` names (lower case)."""
        files = tuple(replace(b, sha256=hashes[b.path].lower()) if b.path in hashes else b for b in self.berkas)
        return replace(self, berkas=files)

    def daftar(self) -> dict[str, str | None]:
        """Path -> SHA-256, as the manifest's "berkas" table writes it."""
        return {b.path: b.sha256 for b in self.berkas}


def langkah_keluaran(sops: Sequence[Sop], jenis: JenisBerkas) -> str:
    """The SOP steps whose Output a kind of file is ("Pengumpulan Data Kinerja langkah 6"), joined by
    "; ", or "" when none of ``sops`` names it."""
    found: list[str] = []
    for sop in sops:
        steps = {step.no for kata, bidang in KELUARAN.get(jenis, ()) if (step := cari_langkah(sop, kata, bidang))}
        found += [f"{sop.nama} langkah {no}" for no in sorted(steps)]
    return "; ".join(found)


def manifest_periode(
    unit: str,
    tahun: int,
    periode: str,
    berkas: Mapping[JenisBerkas, Sequence[str | BerkasArsip]],
    sops: Sequence[Sop] = (),
) -> ManifestArsip:
    """The manifest of a period from its files by kind (names, or ``BerkasArsip`` already described),
    in ``JenisBerkas`` order, each with the SOP step it answers in ``sops``."""
    files: list[BerkasArsip] = []
    for jenis in JenisBerkas:
        step = langkah_keluaran(sops, jenis)
        for item in berkas.get(jenis, ()):
            entry = item if isinstance(item, BerkasArsip) else BerkasArsip(jenis, item, jenis.value)
            files.append(replace(entry, jenis=jenis, langkah=entry.langkah or step))
    return ManifestArsip(unit, tahun, periode, tuple(files))


def periksa_manifest(manifest: ManifestArsip) -> list[Problem]:
    """Every problem of the manifest (rules in the module docstring)."""
    problems: list[Problem] = []
    kinds = {b.jenis for b in manifest.berkas}
    if JenisBerkas.WORKBOOK not in kinds:
        problems.append(Problem("Arsip tanpa workbook: workbook periode ini disimpan bersama dokumennya."))
    if JenisBerkas.DOKUMEN not in kinds:
        problems.append(Problem("Arsip tanpa dokumen periode ini: buat dokumen final lebih dulu."))
    seen: set[str] = set()
    for item in manifest.berkas:
        name = item.nama
        if (not name.strip() or _BAD_NAME.search(name) or name in (".", "..") or name.startswith("..")
                or name.casefold() == MANIFEST):  # fmt: skip
            problems.append(Problem(f"Nama berkas \"{name}\" ({item.jenis.value}) tidak dapat diarsipkan: tulis nama "
                                    "berkas saja, tanpa folder.", kolom="Berkas", nilai=name))  # fmt: skip
        elif item.path.casefold() in seen:
            problems.append(Problem(f"Berkas {item.path} tercantum dua kali.", kolom="Berkas", nilai=name))
        seen.add(item.path.casefold())
        if item.sha256 is not None and not _SHA256.match(item.sha256):
            problems.append(Problem(f"Hash berkas {item.path} bukan SHA-256 (64 angka heksadesimal).", kolom="SHA-256",
                                    nilai=item.sha256))  # fmt: skip
    return problems
