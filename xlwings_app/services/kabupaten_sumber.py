"""Reading what the units sent: each workbook or archive into a ``Kiriman``, or a ``Penolakan``.

Rules:
- a source is a file (.xlsx, .xlsm, .zip) or a folder, searched with its subfolders; Excel's lock
  files (``~$...``), Kinerja's backups and temporary files, and the kabupaten's own rekap are skipped;
- a workbook is read with the same checks as ``kinerja periksa`` (``sheets.inputs``); the
  SOP log, when the workbook has one, is read from the same opening;
- an archive is verified against its manifest (SHA-256 of each file) and its workbook is read
  from a copy; the verification code is recomputed from that workbook for the archived period,
  signed as the manifest says the document was (format 2: its ``tanggal_penandatanganan``, and the
  signer the archived workbook's Profil names; format 1: the data alone);
- a workbook's code is recomputed signed as its latest seal of the period records; unsealed, as its
  Profil would sign it (Tanggal Penandatanganan and signer; the data alone while no date is set);
- an archive is read within limits (``adapters.documents.archive_limits``): a zip bomb is refused
  from its directory before anything is inflated, members are hashed in blocks;
- a file that cannot be used becomes a ``Penolakan`` with its reason, always an Indonesian sentence
  (never Python's text); nothing here raises;
- a file name is shown readably whatever bytes the file system holds (``domain.file_names``: a name
  that is no valid UTF-8 shows "\ufffd" for the bytes it cannot show); the unit's name is normalised like a kode
  (``domain.kabupaten.unit_name``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from xlwings_app.adapters.documents.archive_open import (
    ArchiveError,
    extract_workbook,
    open_manifest,
    verify_archive,
)
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.reader import read_file
from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR
from xlwings_app.domain.cetak import LKJIP, TandaTangan
from xlwings_app.domain.file_names import readable_name as readable
from xlwings_app.domain.indicator import Jenis as JenisIndikator
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import Jenis, Kiriman, Penolakan, latest_seal, unit_name
from xlwings_app.domain.kabupaten_lkjip import FaktaLkjip
from xlwings_app.domain.kabupaten_program import ProgramUnit
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.domain.verification import verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets.inputs import read_inputs
from xlwings_app.sheets.sop_layout import SHEET_LOG
from xlwings_app.sheets.sop_workbook import read_sop_sheets
from xlwings_app.sheets.source import SheetSource

SUFFIXES = (".xlsx", ".xlsm", ".zip")
SOP_LOG_SHEET = SHEET_LOG


def find_sources(sources: Iterable[Path], skip: Path | None = None) -> tuple[list[Path], list[Penolakan]]:
    """Every unit file under ``sources`` (sorted, each once) and the sources that do not exist."""
    found: dict[Path, None] = {}
    missing: list[Penolakan] = []
    skipped = skip.resolve() if skip else None
    for source in sources:
        if source.is_dir():
            files: Iterator[Path] = (p for p in sorted(source.rglob("*")) if p.is_file())
        elif source.is_file():
            files = iter([source])
        else:
            missing.append(Penolakan(readable(str(source)), "tidak ditemukan"))
            continue
        for path in files:
            if _wanted(path) and path.resolve() != skipped:
                found.setdefault(path, None)
    return list(found), missing


def _wanted(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in SUFFIXES
        and not name.startswith(("~$", ".~lock", "."))
        and BACKUP_DIR not in path.parts
        and not name.endswith(".tmp")
    )


PARALLEL_FROM = 12
"""From this many files on, they are read by two processes (a PC has at least two cores)."""


def read_all(paths: Sequence[Path], periode: Periode) -> list[Kiriman | Penolakan]:
    """``read_kiriman`` of every path, in order; in two forked processes when there are many
    (reading is CPU-bound; fork is only used where the platform has it, else one by one)."""
    import multiprocessing as mp

    if len(paths) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return [read_kiriman(p, periode) for p in paths]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(read_kiriman, paths, [periode] * len(paths), chunksize=4))
    except (BrokenProcessPool, OSError):  # a worker killed (memory) or no process to spare: one by one
        return [read_kiriman(p, periode) for p in paths]


def read_kiriman(path: Path, periode: Periode) -> Kiriman | Penolakan:
    """``path`` read as a unit's workbook or archive, or why it cannot be used."""
    name = readable(path.name)
    try:
        if path.suffix.lower() == ".zip":
            return _read_archive(path, name, periode)
        return _from_workbook(path, name, Jenis.WORKBOOK, periode)
    except (WorkbookError, ArchiveError) as exc:
        return Penolakan(name, readable(str(exc)).removeprefix(f"Arsip {path.name}: "))
    except MemoryError:
        return Penolakan(name, "terlalu besar untuk dibaca dengan memori komputer ini")
    except Exception:  # a file no reader foresaw: reported in Indonesian, the others go on
        return Penolakan(name, "tidak dapat dibaca: berkas rusak atau bukan workbook/arsip Kinerja")


def _both(source: SheetSource, path: Path) -> tuple[WorkbookData, SopWorkbook | None, tuple[str, ...]]:
    data = read_inputs(source, path)
    sop = read_sop_sheets(source, path) if SOP_LOG_SHEET in source.sheetnames else None
    return data, sop, _sent(source)


def _sent(source: SheetSource) -> tuple[str, ...]:
    """The verification codes of the unit's sheet Surat Keluar (``kinerja surat-pengantar``), if any."""
    from xlwings_app.sheets import surat_keluar as K

    if K.SHEET not in source.sheetnames:
        return ()
    rows, _ = K.read_keluar(source.iter_values(K.SHEET))
    return tuple(dict.fromkeys("".join(r.kode.split()).upper() for r in rows if r.kode.strip()))


def _from_workbook(path: Path, file: str, jenis: Jenis, periode: Periode, signed: dt.date | None = None) -> Kiriman:
    """The unit's workbook at ``path``; ``signed``: the date an archive's manifest says its document carries."""
    data, sop, sent = read_file(path, _both)
    profil = data.profil
    if profil is None:
        raise WorkbookError(f"File {file}: sheet Profil tidak terbaca, bukan workbook Kinerja unit.")
    iku = [i for i in data.indicators if i.jenis is JenisIndikator.IKU]
    kiriman = Kiriman(
        file=file, jenis=jenis, kabupaten=profil.kabupaten, unit=unit_name(profil.unit), tahun=profil.tahun,
        indicators=iku, settings=data.settings, problems=[p.in_file(file) for p in data.problems],
    )  # fmt: skip
    seal = latest_seal(data.segel, periode) if jenis is Jenis.WORKBOOK else None
    if jenis is Jenis.ARSIP:
        ttd = TandaTangan(signed, profil.penandatangan) if signed else None
    elif seal is not None:
        ttd = seal.tanda_tangan
    else:
        ttd = TandaTangan(profil.tanggal_ttd, profil.penandatangan) if profil.tanggal_ttd else None
        kiriman.tanpa_tanggal, kiriman.periode = (None, None) if ttd else (profil, periode)
    if not kiriman.errors:
        kiriman.kode = verification_code(profil, periode, iku, data.settings, ttd)
    if seal is not None:
        kiriman.kode_segel, kiriman.disegel = seal.kode_verifikasi, seal.disegel
    if sop is not None and not kiriman.errors:
        kiriman.sop_tepat_waktu = _sop_share(sop, periode)
    kiriman.kode_pengantar = sent
    own = [r for r in data.segel if r.periode == LKJIP]
    kiriman.segel_lkjip = max(own, key=lambda r: r.disegel) if own else None
    if sent and kiriman.kode and kiriman.kode not in sent:
        kiriman.problems.append(Problem(
            f"Kode verifikasi data periode ini ({kiriman.kode}) tidak tercantum di Surat Pengantar unit "
            f"(sheet Surat Keluar: {', '.join(sent)}): dokumen yang dikirim dibuat dari data lain.",
            "Surat Keluar", file=file, tingkat="peringatan"))  # fmt: skip
    if data.pohon is not None and data.pohon.tree is not None and data.pohon.has_tree and not kiriman.errors:
        kiriman.program = _programs(data, periode)
    return kiriman


def _programs(data: WorkbookData, periode: Periode) -> tuple[ProgramUnit, ...]:
    """The unit's programs measured as its ``kinerja hitung`` measures them (its roll-up method)."""
    from xlwings_app.domain.tree.codes import Jenjang
    from xlwings_app.domain.tree.rollup import measure_tree

    assert data.pohon is not None and data.pohon.tree is not None
    measured = measure_tree(data.pohon.tree, periode, data.settings, data.pohon.metode)
    return tuple(ProgramUnit(c.node.kode, c.node.nama, c.capaian, c.pagu, c.serapan)
                 for c in measured.values() if c.node.jenjang is Jenjang.PROGRAM)  # fmt: skip


def _sop_share(sop: SopWorkbook, periode: Periode) -> Decimal | None:
    from xlwings_app.domain.sop.log import normalize_periode
    from xlwings_app.services.sop import measure_sop

    name = normalize_periode(periode.value)
    if sop.sop is None or all(e.periode != name for e in sop.entries):
        return None
    result = measure_sop(sop, name)
    summary = next((s for s in result.summaries if s.periode == name), None)
    return summary.share_on_time if result.valid and summary is not None else None


def _read_archive(path: Path, name: str, periode: Periode) -> Kiriman:
    manifest = open_manifest(path)
    try:
        archived = Periode.parse(str(manifest.get("periode", "")))
    except ValueError:
        archived = None
    signed = _signed(manifest)
    with tempfile.TemporaryDirectory(prefix="kinerja-kab-") as folder:
        book = extract_workbook(path, Path(folder))
        label = f"{name} ({readable(book.name)})"
        kiriman = _from_workbook(book, label, Jenis.ARSIP, archived or periode, signed)
    kiriman.periode_arsip = archived
    kiriman.masalah_arsip = [readable(m.removeprefix(f"{path.name}: ")) for m in verify_archive(path)]
    code = manifest.get("kode_verifikasi")
    kiriman.kode_segel = code if isinstance(code, str) else None
    try:
        kiriman.disegel = dt.datetime.fromisoformat(str(manifest.get("disegel", "")))
    except ValueError:
        kiriman.disegel = None
    if kiriman.disegel is not None and kiriman.disegel.tzinfo is None:
        kiriman.disegel = kiriman.disegel.astimezone()  # comparable with the seals that carry an offset
    return kiriman


def lkjip_archive(path: Path) -> FaktaLkjip | None:
    """The LKjIP facts of ``path`` when it is an LKjIP archive (manifest periode "LKJIP"), checked
    against its manifest; ``None`` for any other file (read as a unit file for the period)."""
    if path.suffix.lower() != ".zip":
        return None
    try:
        manifest = open_manifest(path)
    except (ArchiveError, OSError):
        return None
    if str(manifest.get("periode", "")).strip().upper() != LKJIP:
        return None
    try:
        disegel: dt.datetime | None = dt.datetime.fromisoformat(str(manifest.get("disegel", "")))
    except ValueError:
        disegel = None
    tahun = manifest.get("tahun")
    return FaktaLkjip(
        unit=unit_name(str(manifest.get("unit") or "")), tahun=tahun if isinstance(tahun, int) else 0,
        berkas=readable(path.name), kode=str(manifest.get("kode_verifikasi") or ""), tanggal=_signed(manifest),
        arsip=readable(path.name), disegel=disegel, dari_arsip=True,
        masalah=tuple(readable(m.removeprefix(f"{path.name}: ")) for m in verify_archive(path)),
    )  # fmt: skip


def lkjip_sealed(kiriman: Kiriman) -> FaktaLkjip | None:
    """The LKjIP facts of a unit workbook's Segel row "LKJIP" (``None`` when it has none)."""
    seal = kiriman.segel_lkjip
    if seal is None:
        return None
    return FaktaLkjip(kiriman.unit, kiriman.tahun, kiriman.file, seal.kode_verifikasi,
                      seal.tanda_tangan.tanggal if seal.tanda_tangan else None, seal.arsip, seal.disegel, False)  # fmt: skip


def _signed(manifest: dict[str, object]) -> dt.date | None:
    """The signing date an archive of format 2 or later says its document carries (its code covers it)."""
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or fmt < 2:
        return None
    try:
        return dt.date.fromisoformat(str(manifest.get("tanggal_penandatanganan", "")))
    except ValueError:
        return None
