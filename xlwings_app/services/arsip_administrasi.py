"""The administrative papers of a period, as members of its archive (``kinerja arsip``).

``kinerja arsip`` packs the workbook, the signed document and the attachments given; this says
which of the papers the administrative commands wrote into a folder belong to the period, under the
archive folder of their kind (``domain.administrasi.manifest.FOLDER``), each with the SOP step it
answers and its SHA-256 (``manifest_periode``):

- Lembar Disposisi (every letter of the register: the register spans the year), Notulen Rapat,
  Checklist Dokumen, Tanda Terima Dokumen and the final Surat Pengantar of the period, and the
  Program Kerja Kegiatan of the period; the PDF when there is one (what is printed and signed),
  else the .docx; drafts (``_DRAF``) are never archived.

The archive service adds them with ``anggota``: archive path -> file, the shape of its
attachments.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from xlwings_app.adapters.documents.archive import sha256_file
from xlwings_app.domain.administrasi.manifest import BerkasArsip, JenisBerkas, ManifestArsip, manifest_periode
from xlwings_app.domain.sop.model import Sop

POLA: dict[JenisBerkas, tuple[str, ...]] = {
    JenisBerkas.DISPOSISI: ("Lembar_Disposisi_*",),
    JenisBerkas.NOTULEN: ("Notulen_Rapat_*",),
    JenisBerkas.PROGRAM_KERJA: ("Program_Kerja_*_{periode}",),
    JenisBerkas.CHECKLIST: ("Checklist_Dokumen_*_{periode}",),
    JenisBerkas.TANDA_TERIMA: ("Tanda_Terima_*_{periode}",),
    JenisBerkas.SURAT_PENGANTAR: ("Surat_Pengantar_*_{periode}",),
}
"""The file stems each command writes, by kind (``{periode}``: "TW3")."""


def berkas_periode(folder: Path, periode: str) -> dict[JenisBerkas, list[Path]]:
    """The papers of ``periode`` in ``folder``, by kind: the PDF of each stem, else its .docx."""
    found: dict[JenisBerkas, list[Path]] = {}
    for jenis, patterns in POLA.items():
        stems: dict[str, Path] = {}
        for pattern in patterns:
            for path in sorted(folder.glob(pattern.format(periode=periode) + ".*")):
                if path.suffix.lower() not in (".pdf", ".docx") or path.stem.endswith("_DRAF"):
                    continue
                if path.suffix.lower() == ".pdf" or path.stem not in stems:
                    stems[path.stem] = path
        if stems:
            found[jenis] = list(stems.values())
    return found


def manifest_administrasi(folder: Path, unit: str, tahun: int, periode: str, sops: Sequence[Sop] = ()) -> ManifestArsip:
    """The papers of ``periode`` in ``folder`` as manifest entries, each with its step and hash."""
    files = berkas_periode(folder, periode)
    entries = {jenis: [BerkasArsip(jenis, p.name, jenis.value, sha256=sha256_file(p)) for p in paths]
               for jenis, paths in files.items()}  # fmt: skip
    return manifest_periode(unit, tahun, periode, entries, sops)


def anggota(folder: Path, periode: str) -> dict[str, Path]:
    """Archive path -> file of the period's papers ("notulen/Notulen_Rapat_2024-10-01.pdf")."""
    from xlwings_app.domain.administrasi.manifest import FOLDER

    return {f"{FOLDER[jenis]}/{path.name}": path for jenis, paths in berkas_periode(folder, periode).items()
            for path in paths}  # fmt: skip
