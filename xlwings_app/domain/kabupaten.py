"""The kabupaten's view: every unit's Pengukuran Kinerja of one period, received and judged.

Bappeda (or the Bagian Organisasi) receives, per period, each unit's workbook or its sealed
archive (``kinerja arsip``) and the signed paper (SOP Pengukuran Kinerja, last step: "Menyampaikan
Dokumen laporan Pengukuran Kinerja kepada Bappeda"). Rules, in order:

1. A file that cannot be read, of another year, an archive of another period, a workbook whose
   IKU have no realisasi at all in the period's last triwulan (a workbook of an earlier period), or
   a second file of a unit already received is not used: it is listed with its reason (``Penolakan``). Of two
   archives of one unit and period the later seal is used; an archive is preferred to a loose
   workbook of the same unit (the workbook is listed as set aside, a notice).
2. Each unit received gets one state (``Keadaan``), the first that applies:
   - ``GALAT_ISIAN``: its inputs have errors (the same checks as ``kinerja periksa``); the errors are
     listed and the unit is left out of every figure, but shown;
   - ``TIDAK_COCOK``: the verification code recomputed from the data received differs from the code
     the kabupaten typed in from the signed paper (the anchor: a manifest can be rewritten together
     with its data, the paper cannot). The code covers the date the paper carries; a workbook never
     sealed and without a Tanggal Penandatanganan does not say it, so each date from 1 January of its
     year to 31 December of the next is tried with its Profil's signer (``tanggal_cocok``);
   - ``BERUBAH``: sealed, but changed since: an archive whose files differ from its manifest or
     whose recomputed code differs from the manifest's, or a workbook whose latest seal of the
     period (sheet Segel) records another code than today's data gives;
   - ``FINAL``: sealed and unchanged (an archive that verifies, or a workbook whose seal matches);
   - ``BELUM_DISEGEL``: a workbook with no seal of the period.
3. A unit on the kabupaten's list of expected units with nothing received is ``BELUM_DITERIMA``.
   Units are matched by name, normalised as kodes are (``unit_name``: Unicode NFKC, zero-width and
   bidirectional marks removed, spacing collapsed), case ignored.

Everything here is pure: values in, values out (the service reads the files).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.kabupaten_program import ProgramUnit
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil, nip_problem
from xlwings_app.domain.rows import normalise_kode
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import Ringkasan
from xlwings_app.domain.verification import verification_code


class Keadaan(StrEnum):
    """A unit's state in the kabupaten's rekap (the texts the workbook and document print)."""

    FINAL = "Final, tersegel"
    BERUBAH = "Tersegel, berubah sejak disegel"
    BELUM_DISEGEL = "Belum disegel"
    GALAT_ISIAN = "Ada galat isian"
    TIDAK_COCOK = "Tidak cocok dengan dokumen bertanda tangan"
    BELUM_DITERIMA = "Belum diterima"

    @property
    def dihitung(self) -> bool:
        """Whether the unit's figures enter the kabupaten's figures."""
        return self not in (Keadaan.GALAT_ISIAN, Keadaan.BELUM_DITERIMA)


class Jenis(StrEnum):
    WORKBOOK = "workbook"
    ARSIP = "arsip"


@dataclass(frozen=True)
class Penolakan:
    """A file not used, and why (``catatan`` when it was only set aside, e.g. an older archive)."""

    file: str
    alasan: str
    unit: str = ""
    tingkat: str = "galat"


@dataclass
class Kiriman:
    """One unit file as read: a workbook, or the workbook inside an archive (see module rules).

    ``kode`` is the verification code recomputed from the data read; ``kode_segel`` the code the
    seal recorded (the archive's manifest, or the workbook's latest seal of the period);
    ``masalah_arsip`` the archive's mismatches against its manifest.
    """

    file: str
    jenis: Jenis
    kabupaten: str
    unit: str
    tahun: int
    indicators: list[Indicator]
    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    kode: str = ""
    kode_segel: str | None = None
    disegel: dt.datetime | None = None
    periode_arsip: Periode | None = None
    masalah_arsip: list[str] = field(default_factory=list)
    sop_tepat_waktu: Decimal | None = None
    tanpa_tanggal: Profil | None = None
    """The Profil of a workbook whose code was recomputed without the paper's date (never sealed, no
    Tanggal Penandatanganan): a paper code is then matched against each date (``tanggal_cocok``)."""
    periode: Periode | None = None
    kode_pengantar: tuple[str, ...] = ()
    """The verification codes the unit's Surat Pengantar listed (its sheet Surat Keluar): what it sent."""
    program: tuple[ProgramUnit, ...] = ()
    """The unit's programs measured in the period, when it has a performance tree (``kabupaten_program``)."""
    segel_lkjip: SealRecord | None = None
    """The workbook's latest Segel row "LKJIP" (its LKjIP sealed; ``domain.kabupaten_lkjip``)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


@dataclass(frozen=True)
class Isian:
    """What the kabupaten types into its own workbook (sheet Isian Kabupaten)."""

    kabupaten: str = ""
    tahun: int | None = None
    tempat: str = ""
    tanggal: dt.date | None = None
    penandatangan: Pejabat = Pejabat("Kepala Bappeda", "")
    unit_diharapkan: tuple[str, ...] = ()
    kode_dokumen: dict[tuple[str, Periode], str] = field(default_factory=dict)
    """The code read off each unit's signed paper, by (``unit_key``, period)."""

    def kekurangan(self) -> list[str]:
        """What the kabupaten's document cannot be signed without, as the unit documents check their
        signer (PermenPANRB 53/2014: name, jabatan and NIP, dated at a place): the signer's name, a
        valid 18-digit NIP and the signing date. While any is missing the document is a DRAF."""
        gaps = []
        signer = self.penandatangan
        if not signer.nama.strip():
            gaps.append("Nama penandatangan belum diisi.")
        if not signer.nip.strip():
            gaps.append("NIP penandatangan belum diisi.")
        elif why := nip_problem(signer.nip):
            gaps.append(f"NIP penandatangan: {why}")
        if self.tanggal is None:
            gaps.append("Tanggal penandatanganan belum diisi.")
        return gaps


@dataclass
class UnitRekap:
    """One unit in the rekap: its state, why, and (when counted) its results."""

    unit: str
    keadaan: Keadaan
    alasan: list[str] = field(default_factory=list)
    kiriman: Kiriman | None = None
    kode_dokumen: str | None = None
    hasil: list[Hasil] = field(default_factory=list)
    ringkasan: Ringkasan | None = None


@dataclass
class Konsolidasi:
    """The period's rekap: every unit (received or expected), every file not used."""

    kabupaten: str
    tahun: int
    periode: Periode
    units: list[UnitRekap]
    ditolak: list[Penolakan]

    @property
    def dihitung(self) -> list[UnitRekap]:
        return [u for u in self.units if u.keadaan.dihitung]

    def dengan(self, keadaan: Keadaan) -> list[UnitRekap]:
        return [u for u in self.units if u.keadaan is keadaan]


@dataclass(frozen=True)
class AgregatUnit:
    """One unit's figures (``None`` where nothing was computed)."""

    unit: str
    jumlah: int
    per_predikat: dict[str, int]
    rata_rata: Decimal | None
    tercapai: int
    persen_tercapai: Decimal | None
    peringkat: int | None


@dataclass(frozen=True)
class Bersama:
    """One indicator shared by several units: capaian per unit (``None`` when not computed)."""

    nama: str
    satuan: str
    per_unit: dict[str, Decimal | None]
    rata_rata: Decimal | None
    tertinggi: Decimal | None
    terendah: Decimal | None


def unit_name(name: str) -> str:
    """A unit's name as shown: normalised like a kode (``domain.rows.normalise_kode``: NFKC, no
    zero-width or bidirectional marks, one space between words), so "Kecamatan\u200b Senduro" and
    "Kecamatan Senduro" are one unit."""
    return normalise_kode(name).text


def unit_key(name: str) -> str:
    """The name units are matched by: ``unit_name``, case ignored ("Kecamatan  senduro")."""
    return unit_name(name).casefold()


def tahun_rekap(isian: Isian, kiriman: Sequence[Kiriman], chosen: int | None = None) -> int | None:
    """The rekap's year: given, else the kabupaten's, else the most common year received (the later on a tie)."""
    if chosen or isian.tahun:
        return chosen or isian.tahun
    counts = Counter(k.tahun for k in kiriman if k.tahun)
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def pilih(kiriman: Sequence[Kiriman], tahun: int, periode: Periode) -> tuple[list[Kiriman], list[Penolakan]]:
    """Rule 1: one file per unit; the others listed with their reason."""
    ditolak: list[Penolakan] = []
    candidates: list[Kiriman] = []
    for k in kiriman:
        if k.tahun != tahun:
            ditolak.append(Penolakan(k.file, f"tahun {k.tahun or '(kosong)'}, rekap ini tahun {tahun}", k.unit))
        elif k.jenis is Jenis.ARSIP and k.periode_arsip is not periode:
            label = k.periode_arsip.value if k.periode_arsip else "(tidak terbaca)"
            ditolak.append(Penolakan(k.file, f"arsip periode {label}, rekap ini {periode.value}", k.unit, "catatan"))
        elif k.jenis is Jenis.WORKBOOK and k.indicators and not k.errors and all(
            i.realisasi_tw[periode.last_tw - 1] is None for i in k.indicators
        ):
            tw = ("I", "II", "III", "IV")[periode.last_tw - 1]
            ditolak.append(Penolakan(k.file, f"realisasi TW {tw} belum diisi sama sekali: workbook periode sebelumnya?", k.unit))
        elif not k.unit.strip():
            ditolak.append(Penolakan(k.file, "nama unit di sheet Profil kosong"))
        else:
            candidates.append(k)
    chosen: dict[str, Kiriman] = {}
    for k in candidates:
        key = unit_key(k.unit)
        first = chosen.get(key)
        if first is None:
            chosen[key] = k
            continue
        keep, drop, why = _better(first, k)
        chosen[key] = keep
        ditolak.append(Penolakan(drop.file, why.format(keep=keep.file), drop.unit, "galat" if "duplikat" in why else "catatan"))
    return list(chosen.values()), ditolak


def _better(a: Kiriman, b: Kiriman) -> tuple[Kiriman, Kiriman, str]:
    if a.jenis is not b.jenis:
        arsip, book = (a, b) if a.jenis is Jenis.ARSIP else (b, a)
        return arsip, book, "dikesampingkan: unit yang sama sudah diwakili arsip tersegel {keep}"
    if a.jenis is Jenis.ARSIP and a.disegel and b.disegel and a.disegel != b.disegel:
        newer, older = (a, b) if a.disegel > b.disegel else (b, a)
        return newer, older, "dikesampingkan: ada arsip unit ini yang disegel lebih akhir ({keep})"
    return a, b, "duplikat: unit yang sama sudah dibaca dari {keep}"


def latest_seal(records: Sequence[SealRecord], periode: Periode) -> SealRecord | None:
    """The latest seal of ``periode`` (a period sealed twice is judged by its latest record)."""
    own = [r for r in records if r.periode is periode]
    return max(own, key=lambda r: r.disegel) if own else None


def keadaan(k: Kiriman, kode_dokumen: str | None) -> tuple[Keadaan, list[str]]:
    """Rule 2: the state of the unit received as ``k``, and the reasons behind it."""
    if k.errors:
        return Keadaan.GALAT_ISIAN, [str(p) for p in k.errors]
    if kode_dokumen and normal_code(kode_dokumen) != k.kode and tanggal_cocok(k, normal_code(kode_dokumen)) is None:
        return Keadaan.TIDAK_COCOK, [
            f"kode dihitung ulang dari data {k.kode}, kode pada dokumen bertanda tangan {normal_code(kode_dokumen)}"
        ]
    if k.jenis is Jenis.ARSIP:
        why = list(k.masalah_arsip)
        if k.kode_segel != k.kode:
            why.append(f"kode dihitung ulang dari workbook arsip {k.kode}, kode di manifest {k.kode_segel or '(tidak ada)'}")
        return (Keadaan.BERUBAH, why) if why else (Keadaan.FINAL, [])
    if k.kode_segel is None:
        return Keadaan.BELUM_DISEGEL, []
    if k.kode_segel != k.kode:
        return Keadaan.BERUBAH, [f"kode segel {k.kode_segel}, data sekarang {k.kode}"]
    return Keadaan.FINAL, []


def tanggal_cocok(k: Kiriman, kode: str) -> dt.date | None:
    """The date whose code (``k``'s data signed by its Profil's signer that day) is ``kode``, for a
    workbook whose signing date is unknown (``Kiriman.tanpa_tanggal``); None when no date gives it."""
    profil, periode = k.tanpa_tanggal, k.periode
    if profil is None or periode is None:
        return None
    day, last = dt.date(profil.tahun, 1, 1), dt.date(profil.tahun + 1, 12, 31)
    while day <= last:
        if verification_code(profil, periode, k.indicators, k.settings, TandaTangan(day, profil.penandatangan)) == kode:
            return day
        day += dt.timedelta(days=1)
    return None


def normal_code(text: str) -> str:
    """A code as typed from paper ("k7q2m xr4tb", "K7Q2MXR4TB") written as printed: "K7Q2M-XR4TB"."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{letters[:5]}-{letters[5:]}" if len(letters) == 10 else text.strip().upper()


def konsolidasi(
    isian: Isian, diterima: Sequence[Kiriman], ditolak: Sequence[Penolakan], tahun: int, periode: Periode
) -> Konsolidasi:
    """Rules 2 and 3: each unit received with its state, then the expected units not received.

    Units are listed in the kabupaten's expected order first, then the others by name.
    """
    order = {unit_key(name): n for n, name in enumerate(isian.unit_diharapkan)}
    units: list[UnitRekap] = []
    for k in diterima:
        paper = isian.kode_dokumen.get((unit_key(k.unit), periode))
        state, why = keadaan(k, paper)
        units.append(UnitRekap(k.unit, state, why, k, paper))
    seen = {unit_key(u.unit) for u in units}
    units += [
        UnitRekap(name, Keadaan.BELUM_DITERIMA, ["tidak ada workbook atau arsip unit ini di sumber"],
                  kode_dokumen=isian.kode_dokumen.get((unit_key(name), periode)))
        for name in isian.unit_diharapkan if unit_key(name) not in seen
    ]
    units.sort(key=lambda u: (order.get(unit_key(u.unit), len(order)), unit_key(u.unit)))
    kabupaten = isian.kabupaten or _most_common([k.kabupaten for k in diterima])
    return Konsolidasi(kabupaten, tahun, periode, units, list(ditolak))


def _most_common(names: Sequence[str]) -> str:
    counts = Counter(n for n in names if n)
    return counts.most_common(1)[0][0] if counts else ""


def belum_melapor(rekap: Konsolidasi) -> list[str]:
    """The units the document names as not yet reporting: not received, or received with errors."""
    return [u.unit for u in rekap.units if u.keadaan in (Keadaan.BELUM_DITERIMA, Keadaan.GALAT_ISIAN)]
