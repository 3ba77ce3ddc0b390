"""Sealed periods: what the workbook records when a period is archived, and the check against it.

Rules:
- sealing a period records its verification code, the time, the archive's file name and SHA-256,
  and each indicator's fingerprint (``verification.indicator_fingerprint``), so a later change can
  be named per indicator;
- a sealed period's data "changed" when today's verification code for that period differs from the
  recorded one; the warning (a ``catatan``, never blocking) names the indicators whose fingerprint
  differs, and those added or removed; when only the unit or settings changed, it says so;
- a period sealed more than once is judged by its latest record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.verification import indicator_fingerprint, verification_code

SHEET = "Segel"
"""Sheet Segel as ``check_seals`` names it: the layout's name, which the domain cannot import
(tests/sheets/test_layout.py holds them equal)."""


@dataclass(frozen=True)
class SealRecord:
    """One sealed period, as one row of the workbook's seal table."""

    periode: Periode
    kode_verifikasi: str
    disegel: dt.datetime
    arsip: str
    sha256_arsip: str
    sidik_indikator: tuple[tuple[str, str], ...]

    def as_row(self) -> dict[str, str]:
        """The row as the workbook stores it (text cells; the fingerprints "kode=XXXXX-XXXXX; ...")."""
        return {
            "Periode": self.periode.value,
            "Kode Verifikasi": self.kode_verifikasi,
            "Disegel Pada": self.disegel.isoformat(timespec="seconds"),
            "File Arsip": self.arsip,
            "SHA-256 Arsip": self.sha256_arsip,
            "Sidik Indikator": "; ".join(f"{k}={v}" for k, v in self.sidik_indikator),
        }

    @classmethod
    def from_row(cls, row: dict[str, str]) -> SealRecord:
        """Read a row written by ``as_row``."""
        pairs = [item.rsplit("=", 1) for item in row.get("Sidik Indikator", "").split("; ") if "=" in item]
        return cls(
            periode=Periode.parse(row["Periode"]),
            kode_verifikasi=row["Kode Verifikasi"].strip(),
            disegel=dt.datetime.fromisoformat(row["Disegel Pada"]),
            arsip=row.get("File Arsip", ""),
            sha256_arsip=row.get("SHA-256 Arsip", ""),
            sidik_indikator=tuple((k, v) for k, v in pairs),
        )


def seal_record(
    profil: Profil, settings: Settings, indicators: Sequence[Indicator], periode: Periode,
    arsip: str, sha256_arsip: str, disegel: dt.datetime,
) -> SealRecord:
    """What the workbook records when ``periode`` is sealed."""
    return SealRecord(
        periode=periode,
        kode_verifikasi=verification_code(profil, periode, indicators, settings),
        disegel=disegel,
        arsip=arsip,
        sha256_arsip=sha256_arsip,
        sidik_indikator=tuple((i.kode, indicator_fingerprint(i, periode)) for i in indicators),
    )


def _latest(records: Iterable[SealRecord]) -> dict[Periode, SealRecord]:
    latest: dict[Periode, SealRecord] = {}
    for r in records:
        if r.periode not in latest or r.disegel >= latest[r.periode].disegel:
            latest[r.periode] = r
    return latest


def _what_changed(record: SealRecord, indicators: Sequence[Indicator]) -> str:
    before = dict(record.sidik_indikator)
    now = {i.kode: indicator_fingerprint(i, record.periode) for i in indicators}
    changed = [k for k in now if k in before and before[k] != now[k]]
    parts = []
    if changed:
        parts.append("berubah: " + ", ".join(changed))
    if added := [k for k in now if k not in before]:
        parts.append("ditambahkan: " + ", ".join(added))
    if removed := [k for k in before if k not in now]:
        parts.append("dihapus: " + ", ".join(removed))
    return "; ".join(parts) or "profil unit, pengaturan atau urutan indikator berubah"


def check_seals(
    records: Iterable[SealRecord], profil: Profil, settings: Settings, indicators: Sequence[Indicator]
) -> list[Problem]:
    """A warning for every sealed period whose data changed since sealing."""
    warnings = []
    for periode, record in sorted(_latest(records).items(), key=lambda item: item[0].number):
        now = verification_code(profil, periode, indicators, settings)
        if now == record.kode_verifikasi:
            continue
        warnings.append(Problem(
            f"Data periode {periode.label} {profil.tahun} berubah sejak disegel pada "
            f"{fmt.waktu(record.disegel)} (kode {record.kode_verifikasi}, sekarang {now}); indikator "
            f"{_what_changed(record, indicators)}. Dokumen yang ditandatangani tetap yang ada di arsip "
            f"{record.arsip}.",
            sheet=SHEET, tingkat="catatan",
        ))
    return warnings
