"""Sealed periods: what the workbook records when a period is archived, and the check against it.

Rules:
- sealing a period records its verification code, the time, the archive's file name and SHA-256,
  and each indicator's fingerprint (``verification.indicator_fingerprint``), so a later change can
  be named per indicator;
- a sealed period's data "changed" when today's verification code for that period differs from the
  recorded one; the warning (a ``catatan``, never blocking) names the indicators whose fingerprint
  differs, and those added or removed; when only the unit or settings changed, it says so;
- a period sealed more than once is judged by its latest record;
- a seal records the signing its document printed (``domain.cetak.TandaTangan``: date and signer),
  and today's code is computed with that signing, so a new signer in Profil for a later period
  does not make an earlier seal "changed"; a seal recorded before signings were covered (no
  signing in its row) is checked on the data alone, as it was made;
- the Rencana Kinerja ("RK") and the unit's Perjanjian Kinerja ("PK") are sealed too
  (``verification.plan_code``): their targets changed after signing are named the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.cetak import LKJIP, CatatanCetak, TandaTangan, label, parse_dokumen
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.verification import (
    indicator_fingerprint,
    lkjip_code,
    plan_code,
    plan_fingerprint,
    verification_code,
)

SHEET = "Segel"
"""Sheet Segel as ``check_seals`` names it: the layout's name, which the domain cannot import
(tests/sheets/test_layout.py holds them equal)."""


@dataclass(frozen=True)
class SealRecord:
    """One sealed period, as one row of the workbook's seal table."""

    periode: Periode | str
    """The period, or "RK" / "PK" for a planning document."""
    kode_verifikasi: str
    disegel: dt.datetime
    arsip: str
    sha256_arsip: str
    sidik_indikator: tuple[tuple[str, str], ...]
    tanda_tangan: TandaTangan | None = None
    """The signing the sealed document printed (None in rows sealed before it was recorded)."""

    def as_row(self) -> dict[str, str]:
        """The row as the workbook stores it (text cells; the fingerprints "kode=XXXXX-XXXXX; ...")."""
        ttd = self.tanda_tangan
        return {
            "Periode": str(self.periode),
            "Kode Verifikasi": self.kode_verifikasi,
            "Disegel Pada": self.disegel.isoformat(timespec="seconds"),
            "File Arsip": self.arsip,
            "SHA-256 Arsip": self.sha256_arsip,
            "Sidik Indikator": "; ".join(f"{k}={v}" for k, v in self.sidik_indikator),
            "Tanggal Penandatanganan": ttd.tanggal.isoformat() if ttd else "",
            "Penandatangan": ttd.signer_text() if ttd else "",
        }

    @classmethod
    def from_row(cls, row: dict[str, str]) -> SealRecord:
        """Read a row written by ``as_row`` (rows of earlier versions lack the signing)."""
        pairs = [item.rsplit("=", 1) for item in row.get("Sidik Indikator", "").split("; ") if "=" in item]
        tanggal = (row.get("Tanggal Penandatanganan") or "").strip().removesuffix(" 00:00:00")
        ttd = TandaTangan(dt.date.fromisoformat(tanggal[:10]), TandaTangan.parse_signer(row.get("Penandatangan") or "")) \
            if tanggal else None  # fmt: skip
        return cls(
            periode=parse_dokumen(row["Periode"]),
            kode_verifikasi=row["Kode Verifikasi"].strip(),
            disegel=dt.datetime.fromisoformat(row["Disegel Pada"]),
            arsip=row.get("File Arsip", ""),
            sha256_arsip=row.get("SHA-256 Arsip", ""),
            sidik_indikator=tuple((k, v) for k, v in pairs),
            tanda_tangan=ttd,
        )


def seal_record(
    profil: Profil, settings: Settings, indicators: Sequence[Indicator], periode: Periode,
    arsip: str, sha256_arsip: str, disegel: dt.datetime, tanda_tangan: TandaTangan | None = None,
) -> SealRecord:
    """What the workbook records when ``periode`` is sealed (its document signed ``tanda_tangan``)."""
    return SealRecord(
        periode=periode,
        kode_verifikasi=verification_code(profil, periode, indicators, settings, tanda_tangan),
        disegel=disegel,
        arsip=arsip,
        sha256_arsip=sha256_arsip,
        sidik_indikator=fingerprints(periode, indicators),
        tanda_tangan=tanda_tangan,
    )


def sealed(record: CatatanCetak, arsip: str, sha256_arsip: str, disegel: dt.datetime) -> SealRecord:
    """The seal of the document ``record`` printed (its code already checked against the workbook)."""
    return SealRecord(record.dokumen, record.kode_verifikasi, disegel, arsip, sha256_arsip,
                      record.sidik_indikator, record.tanda_tangan)  # fmt: skip


def code_now(
    record: SealRecord, profil: Profil, settings: Settings, indicators: Sequence[Indicator]
) -> str:
    """The code today's data gives for the sealed document, signed as it was printed."""
    if isinstance(record.periode, Periode):
        return verification_code(profil, record.periode, indicators, settings, record.tanda_tangan)
    assert record.tanda_tangan is not None  # a planning document or LKjIP is sealed with its signing
    if record.periode == LKJIP:
        return lkjip_code(profil, indicators, settings, record.tanda_tangan)
    return plan_code(profil, record.periode, indicators, record.tanda_tangan)


def fingerprints(dokumen: Periode | str, indicators: Sequence[Indicator]) -> tuple[tuple[str, str], ...]:
    """Each indicator's fingerprint in the document ``dokumen`` (a period, "RK" / "PK", or "LKJIP": the
    year's)."""
    if isinstance(dokumen, Periode):
        return tuple((i.kode, indicator_fingerprint(i, dokumen)) for i in indicators)
    if dokumen == LKJIP:
        return tuple((i.kode, indicator_fingerprint(i, Periode.TAHUNAN)) for i in indicators)
    return tuple((i.kode, plan_fingerprint(i)) for i in indicators)


def _order(dokumen: Periode | str) -> int:
    return dokumen.number if isinstance(dokumen, Periode) else 0


def _latest(records: Iterable[SealRecord]) -> dict[Periode | str, SealRecord]:
    latest: dict[Periode | str, SealRecord] = {}
    for r in records:
        if r.periode not in latest or r.disegel >= latest[r.periode].disegel:
            latest[r.periode] = r
    return latest


def _what_changed(record: SealRecord, indicators: Sequence[Indicator]) -> str:
    before = dict(record.sidik_indikator)
    now = dict(fingerprints(record.periode, indicators))
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
    for periode, record in sorted(_latest(records).items(), key=lambda item: _order(item[0])):
        if not isinstance(periode, Periode) and record.tanda_tangan is None:
            continue  # a planning seal without its signing cannot be recomputed (hand-edited row)
        now = code_now(record, profil, settings, indicators)
        if now == record.kode_verifikasi:
            continue
        what = f"periode {periode.label}" if isinstance(periode, Periode) else label(periode)
        warnings.append(Problem(
            f"Data {what} {profil.tahun} berubah sejak disegel pada "
            f"{fmt.waktu(record.disegel)} (kode {record.kode_verifikasi}, sekarang {now}); indikator "
            f"{_what_changed(record, indicators)}. Dokumen yang ditandatangani tetap yang ada di arsip "
            f"{record.arsip}.",
            sheet=SHEET, tingkat="catatan",
        ))
    return warnings
