"""An earlier year's data checked against that year's seal before it joins the history.

A year's history is read from that year's workbook or from the archive sealed for its yearly
document (reading either is the adapters' part); this rule judges what was read. Rules, the seal's own
(``domain.seal``, ``domain.verification``) applied to an earlier year:

- the data must be of the year it is imported for (the workbook's Profil year);
- the yearly seal judges (``Periode.TAHUNAN``; sealed more than once, the latest record); a year with
  no yearly seal is taken as read, marked "Tanpa segel", with a notice;
- when the archive's SHA-256 was computed and the seal recorded one, they must be equal: the archive
  is the one that was sealed;
- today's verification code of the data read (``domain.verification.verification_code`` over the
  unit, the settings and every indicator, in the order read) must equal the sealed one; when it does
  not, each indicator whose fingerprint differs, and each added or removed, is named, and the whole
  year is refused: nothing of a tampered year joins the history (a partial year would hide what
  changed);
- a year that verifies gives one record per indicator of the chosen jenis, from its yearly
  measurement (``domain.measure.measure``), marked "Terverifikasi".
"""

from __future__ import annotations

from dataclasses import dataclass

from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.lkjip.history import SegelStatus, YearRecord, record_of
from xlwings_app.domain.measure import measure
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.verification import indicator_fingerprint, verification_code


@dataclass(frozen=True)
class SealedYear:
    """What was read for an earlier year: its unit, settings and indicators (in the order read), the
    seals known for it (the archive's manifest, the workbook's sheet Segel), where it came from
    (``sumber``: a file name) and, for an archive, the SHA-256 of the archive file as read."""

    tahun: int
    profil: Profil
    settings: Settings
    indicators: tuple[Indicator, ...]
    seals: tuple[SealRecord, ...] = ()
    sumber: str = ""
    sha256_arsip: str = ""


@dataclass(frozen=True)
class YearImport:
    """The verdict on one ``SealedYear``: its records (none when refused) and every problem."""

    tahun: int
    sumber: str
    segel: SegelStatus | None
    records: tuple[YearRecord, ...]
    problems: tuple[Problem, ...]

    @property
    def refused(self) -> bool:
        """Whether any problem blocks the year (then ``records`` is empty)."""
        return any(p.is_error for p in self.problems)


def yearly_seal(seals: tuple[SealRecord, ...]) -> SealRecord | None:
    """The latest seal of the yearly period, if any."""
    yearly = [s for s in seals if s.periode is Periode.TAHUNAN]
    return max(yearly, key=lambda s: s.disegel) if yearly else None


def verify_year(year: SealedYear, jenis: Jenis | None = Jenis.IKU) -> YearImport:
    """``year`` judged by the module rules; ``jenis`` the indicators whose records are kept (None: all)."""
    file = year.sumber or None
    problems: list[Problem] = []
    if year.profil.tahun != year.tahun:
        problems.append(Problem(f"Berisi data tahun {year.profil.tahun}, bukan {year.tahun}.", file=file))
    seal = yearly_seal(year.seals)
    if seal is None:
        segel = SegelStatus.TANPA_SEGEL
        problems.append(Problem(f"Data tahun {year.tahun} belum disegel (tidak ada segel periode Tahunan); diambil "
                                "apa adanya.", file=file, tingkat="catatan"))  # fmt: skip
    else:
        segel = SegelStatus.TERVERIFIKASI
        if year.sha256_arsip and seal.sha256_arsip and year.sha256_arsip.lower() != seal.sha256_arsip.lower():
            problems.append(Problem(f"Bukan arsip yang disegel: SHA-256-nya berbeda dari yang dicatat saat penyegelan "
                                    f"({seal.arsip}).", file=file))  # fmt: skip
        problems += _changes(year, seal)
    if any(p.is_error for p in problems):
        return YearImport(year.tahun, year.sumber, None, (), tuple(problems))
    kept = [i for i in year.indicators if jenis is None or i.jenis is jenis]
    records = tuple(
        record_of(measure(i, Periode.TAHUNAN, year.settings), year.tahun, year.sumber, segel) for i in kept
    )
    return YearImport(year.tahun, year.sumber, segel, records, tuple(problems))


def _changes(year: SealedYear, seal: SealRecord) -> list[Problem]:
    """One error per indicator changed, added or removed since sealing; one for the unit or settings
    when only they changed; none when the verification code is the sealed one."""
    now = verification_code(year.profil, Periode.TAHUNAN, list(year.indicators), year.settings, seal.tanda_tangan)
    if now == seal.kode_verifikasi:
        return []
    before = dict(seal.sidik_indikator)
    fingerprints = {i.kode: indicator_fingerprint(i, Periode.TAHUNAN) for i in year.indicators}
    file = year.sumber or None
    problems = [
        Problem(f"{kode} tahun {year.tahun} berubah sejak disegel (kode verifikasi {seal.kode_verifikasi}, "
                f"sekarang {now}).", file=file)
        for kode, sidik in fingerprints.items() if kode in before and before[kode] != sidik
    ]  # fmt: skip
    problems += [Problem(f"{kode} tidak ada saat tahun {year.tahun} disegel.", file=file)
                 for kode in fingerprints if kode not in before]  # fmt: skip
    problems += [Problem(f"{kode} ada saat tahun {year.tahun} disegel tetapi kini hilang.", file=file)
                 for kode in before if kode not in fingerprints]  # fmt: skip
    if not problems:
        problems.append(Problem(
            f"Profil unit, pengaturan atau urutan indikator tahun {year.tahun} berubah sejak disegel "
            f"(kode verifikasi {seal.kode_verifikasi}, sekarang {now}).", file=file))
    return problems
