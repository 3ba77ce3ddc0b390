"""Earlier years read for the LKjIP's history from that year's workbook or its sealed archive
(``kinerja lkjip MASTER --riwayat SUMBER``), each checked against its yearly seal
(``domain.lkjip.seals.verify_year``, docs/lkjip.md "Diperiksa terhadap segel").

Rules:
- a workbook (.xlsx/.xlsm) is read as it is; its seals are its sheet Segel's;
- an archive (.zip, ``kinerja arsip``) must verify against its own manifest first (every file's
  SHA-256, ``archive.verify_archive``): a changed, missing or added file refuses the whole year, each
  named; its seal is the manifest's (code, time, fingerprints, the signing date it printed, signed by
  the workbook's Penandatangan: the code the kabupaten recomputes for an archive too);
- the seal judges the IKU (the indicators the yearly document's code covers); a year whose data no
  longer gives the sealed code is refused whole, each indicator changed named; a year without a
  yearly seal is taken as read ("Tanpa segel");
- a source that cannot be read is an error naming it; nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.adapters.documents.archive_open import (
    ArchiveError,
    extract_workbook,
    open_manifest,
    verify_archive,
)
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.lkjip.history import YearRecord
from xlwings_app.domain.lkjip.seals import SealedYear, YearImport, verify_year
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.workbook import WorkbookError, load


def _sealed_year(data: WorkbookData, sumber: str, seals: tuple[SealRecord, ...]) -> SealedYear:
    assert data.profil is not None
    iku = tuple(i for i in data.indicators if i.jenis is Jenis.IKU)
    return SealedYear(data.profil.tahun, data.profil, data.settings, iku, seals, sumber)


def _manifest_seal(manifest: dict[str, object], data: WorkbookData, name: str) -> SealRecord | None:
    """The yearly seal an archive's manifest records, or ``None`` for another period's archive."""
    assert data.profil is not None
    try:
        periode = Periode.parse(str(manifest.get("periode", "")))
        disegel = dt.datetime.fromisoformat(str(manifest.get("disegel", "")))
        signed = dt.date.fromisoformat(str(manifest.get("tanggal_penandatanganan", "")))
    except ValueError:
        return None
    sidik = manifest.get("sidik_indikator")
    pairs = tuple((str(k), str(v)) for k, v in sidik.items()) if isinstance(sidik, dict) else ()
    return SealRecord(periode, str(manifest.get("kode_verifikasi", "")), disegel, name, "", pairs,
                      TandaTangan(signed, data.profil.penandatangan))  # fmt: skip


def read_year(source: Path) -> YearImport:
    """The earlier year held by ``source`` (a workbook or an archive), judged by the module rules."""
    name = source.name
    try:
        if source.suffix.lower() != ".zip":
            data = load(source)
            if data.profil is None:
                raise WorkbookError(f"File {name}: sheet Profil tidak terbaca, bukan workbook Kinerja.")
            return verify_year(_sealed_year(data, name, tuple(data.segel)))
        manifest = open_manifest(source)
        broken = verify_archive(source)
        with tempfile.TemporaryDirectory(prefix="kinerja-riwayat-") as folder:
            data = load(extract_workbook(source, Path(folder)))
    except (WorkbookError, ArchiveError, OSError) as exc:
        return YearImport(0, name, None, (), (Problem(f"Riwayat dari {name} tidak dapat dibaca: {exc}", file=name),))
    if data.profil is None:
        return YearImport(0, name, None, (), (Problem(f"Arsip {name}: sheet Profil tidak terbaca.", file=name),))
    if broken:
        problems = tuple(Problem(f"Arsip tidak utuh, tahun {data.profil.tahun} tidak dipakai: {m}", file=name)
                         for m in broken)  # fmt: skip
        return YearImport(data.profil.tahun, name, None, (), problems)
    seal = _manifest_seal(manifest, data, name)
    return verify_year(_sealed_year(data, name, (seal,) if seal is not None else tuple(data.segel)))


def read_years(sources: Sequence[Path]) -> tuple[list[YearRecord], list[Problem]]:
    """The records of every year of ``sources`` that passes, and every problem (refused years named)."""
    records: list[YearRecord] = []
    problems: list[Problem] = []
    for source in sources:
        verdict = read_year(source)
        records.extend(verdict.records)
        problems.extend(verdict.problems)
        if verdict.refused and verdict.tahun:
            problems.append(Problem(f"Riwayat tahun {verdict.tahun} dari {verdict.sumber} ditolak: tidak ada nilainya "
                                    "yang dipakai.", file=verdict.sumber))  # fmt: skip
    return records, problems
