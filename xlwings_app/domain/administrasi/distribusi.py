"""Tanda Terima of a signed document handed to each official, and the log stamp it gives.

Seed SOP Prosedur Penyusunan Pengukuran Kinerja step 11 ("Menyampaikan Dokumen Pengukuran Kinerja
kepada seluruh Pejabat yang ada di Kecamatan") and Prosedur Penyusunan Perencanaan Kinerja step 10
("Menyampaikan Rencana Kinerja kepada seluruh Pejabat"): the signed document goes to every
official. The proof is a receipt per official: who (from sheet Pejabat), which document (its
verification code, so the copy received is the one signed), when handed over, and when received
with the recipient's signature (typed back from the signed sheet).

- Every official of sheet Pejabat gets one, except the one who signed the document.
- Checks: the document has a verification code of the printed form and a signing date; an official
  does not receive it before it was signed, nor before it was handed over; each official once.
- The stamp (rules of ``langkah``): the step is the one whose Kegiatan hands "kepada seluruh
  pejabat" the document of this kind ("Pengukuran Kinerja", "Rencana Kinerja"; a Perjanjian
  Kinerja has no such step in the seed SOPs, so its receipts stamp nothing there). Mulai is the
  first receipt, Selesai the last, once every official has received it (until then Mulai only):
  the distribution is the time from the first copy handed to the last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from xlwings_app.domain.administrasi.dokumen import DokumenTertanda, kode_sah
from xlwings_app.domain.administrasi.langkah import (
    Stempel,
    cari_langkah,
    normal,
    sama_pejabat,
    stempel,
    tampil,
    urutan,
)
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.sop.log import Moment, is_before
from xlwings_app.domain.sop.model import Sop, Step

LABELS = {"penerima": "Penerima", "diberikan": "Tanggal Diberikan", "diterima": "Tanggal Diterima",
          "kode_verifikasi": "Kode Verifikasi", "tanggal": "Tanggal Dokumen"}  # fmt: skip


@dataclass(frozen=True)
class TandaTerimaDokumen:
    """One official's receipt of a signed document."""

    dokumen: DokumenTertanda
    penerima: Pejabat
    diberikan: date | None = None
    diterima: Moment | None = None
    sheet: str | None = field(default=None, compare=False)
    baris: int | None = field(default=None, compare=False)
    cells: Mapping[str, str] = field(default_factory=dict, compare=False)


def tanda_terima_dokumen(
    dokumen: DokumenTertanda,
    pejabat: Sequence[Pejabat],
    penandatangan: Pejabat | None = None,
    diberikan: date | None = None,
) -> tuple[TandaTerimaDokumen, ...]:
    """The receipts to print: one per official of ``pejabat``, in that order, but the signer."""
    return tuple(TandaTerimaDokumen(dokumen, p, diberikan) for p in pejabat
                 if penandatangan is None or not sama_pejabat(p, penandatangan))  # fmt: skip


def periksa_tanda_terima(items: Sequence[TandaTerimaDokumen]) -> list[Problem]:
    """Every problem of the receipts (rules in the module docstring), naming row and column."""
    problems: list[Problem] = []
    checked: set[DokumenTertanda] = set()
    seen: dict[tuple[str, str], TandaTerimaDokumen] = {}
    for item in items:
        doc = item.dokumen
        if doc not in checked:
            checked.add(doc)
            if not kode_sah(doc.kode_verifikasi):
                problems.append(_at(item, "kode_verifikasi", f"{doc.judul}: kode verifikasi "
                                    f"\"{doc.kode_verifikasi or '(kosong)'}\" tidak berbentuk XXXXX-XXXXX: tanda terima "
                                    "menyebut kode dokumen yang ditandatangani.", doc.kode_verifikasi))  # fmt: skip
            if doc.tanggal is None:
                problems.append(_at(item, "tanggal", f"{doc.judul}: tanggal penandatanganan kosong: dokumen "
                                                             "dibagikan setelah ditandatangani.", None))  # fmt: skip
        key = (normal(doc.kode_verifikasi), normal(item.penerima.nama or item.penerima.jabatan))
        other = seen.setdefault(key, item)
        if other is not item:
            problems.append(_at(item, "penerima", f"{item.penerima.jabatan} menerima {doc.judul} dua kali "
                                f"(juga baris {other.baris}).", item.penerima.jabatan, "peringatan"))  # fmt: skip
        if item.diterima is None:
            continue
        if doc.tanggal is not None and is_before(item.diterima, doc.tanggal):
            problems.append(_at(item, "diterima", f"{item.penerima.jabatan} menerima dokumen ({tampil(item.diterima)}) "
                                f"sebelum ditandatangani ({tampil(doc.tanggal)}).", item.diterima))  # fmt: skip
        elif item.diberikan is not None and is_before(item.diterima, item.diberikan):
            problems.append(_at(item, "diterima", f"Tanggal Diterima ({tampil(item.diterima)}) lebih awal dari "
                                f"Tanggal Diberikan ({tampil(item.diberikan)}).", item.diterima))  # fmt: skip
    return problems


def belum_diterima(items: Sequence[TandaTerimaDokumen]) -> tuple[Pejabat, ...]:
    """The officials whose receipt has no Tanggal Diterima yet."""
    return tuple(i.penerima for i in items if i.diterima is None)


def langkah_distribusi(sop: Sop, dokumen: DokumenTertanda) -> Step | None:
    """The step of ``sop`` that hands ``dokumen``'s kind to every official, or None."""
    return cari_langkah(sop, ("kepada seluruh pejabat", dokumen.jenis.value), "kegiatan")


def stempel_distribusi(sop: Sop, items: Sequence[TandaTerimaDokumen]) -> Stempel | None:
    """The stamp the receipts of one document give ``sop``'s distribution step (rules above)."""
    if not items:
        return None
    doc = items[0].dokumen
    received = sorted((i.diterima for i in items if i.diterima is not None), key=urutan)
    if not received:
        return None
    complete = len(received) == len(items)
    sumber = f"Tanda Terima {doc.judul}"
    return stempel(sop, langkah_distribusi(sop, doc), received[0], received[-1] if complete else None, sumber)


def _at(item: TandaTerimaDokumen, key: str, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> Problem:
    return Problem(pesan, item.sheet, item.baris, LABELS[key], item.cells.get(key), nilai, tingkat=tingkat)
