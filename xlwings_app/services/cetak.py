"""The print record of a final document (``domain.cetak``), written beside it and read back by ``arsip``.

Rules:
- a final document's record is written with its files, in the same ``Outputs``: the .docx, its PDF and
  "<stem>.cetak.json" replace earlier ones together or not at all; the SHA-256 of each file is taken
  from the very bytes put in place. A draft writes no record (a draft is never signed);
- ``printed`` finds the record of a document in a folder and checks it still holds: every file it names
  is there with its bytes unchanged, and the workbook still gives the printed code when signed as
  printed; else ``LaporanDitolak`` naming each difference, so a changed workbook is never sealed
  under an old signature.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.adapters.documents.archive import sha256_file
from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.domain import cetak
from xlwings_app.domain.cetak import Berkas, CatatanCetak, TandaTangan
from xlwings_app.domain.problems import Refusal


class CetakDitolak(Refusal):
    """The signed document cannot be archived as it is; ``problems`` say why (Indonesian)."""


def record_path(folder: Path, stem: str) -> Path:
    """ "<folder>/Pengukuran_Kinerja_2025_TW1.cetak.json"."""
    return folder / f"{stem}{cetak.SUFFIX}"


def stage_record(
    outputs: Outputs, docx: Path, files: Sequence[Path], dokumen: object, kode: str, ttd: TandaTangan,
    dibuat: dt.datetime, workbook: str, sidik: tuple[tuple[str, str], ...],
) -> Path:
    """Stage the record of the document ``docx`` (its ``files``, already staged in ``outputs``)."""
    berkas = tuple(Berkas(f.name, sha256_file(outputs.temporary(f))) for f in files)
    assert isinstance(dokumen, str)
    record = CatatanCetak(cetak.parse_dokumen(dokumen), kode, ttd, dibuat, workbook, berkas, sidik)
    text = json.dumps(record.as_json(), indent=2, sort_keys=True, ensure_ascii=False)
    target = record_path(docx.parent, docx.stem)
    outputs.put(target, text.encode("utf-8"))
    return target


def read_record(folder: Path, stem: str, what: str) -> CatatanCetak:
    """The record of the document ``stem`` in ``folder``; ``CetakDitolak`` when there is none."""
    path = record_path(folder, stem)
    if not path.is_file():
        raise CetakDitolak(
            f"Arsip tidak dibuat: dokumen final {what} yang ditandatangani tidak ditemukan di {folder} "
            f"(catatan cetak {path.name} tidak ada). Arsip menyimpan dokumen persis seperti yang dicetak: "
            "buat dokumen final dulu (tanpa --draf), tanda tangani, lalu arsipkan; bila dokumen dibuat di "
            "folder lain, sebut foldernya dengan --dokumen."
        )
    try:
        return CatatanCetak.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        why = str(exc) if isinstance(exc, ValueError) and not isinstance(exc, json.JSONDecodeError) else "tidak terbaca"
        raise CetakDitolak(f"Arsip tidak dibuat: {path.name} {why}. Buat ulang dokumen finalnya.") from None


def file_problems(record: CatatanCetak, folder: Path) -> list[str]:
    """Each file of the record that is gone or whose bytes changed since it was printed."""
    problems = []
    for berkas in record.berkas:
        path = folder / berkas.nama
        if not path.is_file():
            problems.append(f"{berkas.nama} tidak ada lagi di {folder}.")
        elif sha256_file(path) != berkas.sha256:
            problems.append(
                f"{berkas.nama} berubah sejak dicetak ({cetak.dated(record)}): isinya bukan lagi dokumen "
                "yang ditandatangani (dibuka lalu disimpan, atau ditimpa)."
            )
    return problems


def printed(
    record: CatatanCetak, folder: Path, now: TandaTangan, sidik_now: tuple[tuple[str, str], ...], code_now: str,
    workbook: str,
) -> CatatanCetak:
    """``record`` once its files and the workbook (``code_now``, signed ``now``) still hold; else
    ``CetakDitolak`` naming every difference, nothing written."""
    problems = file_problems(record, folder)
    problems += [f"Workbook {workbook}: {why}." for why in cetak.differences(record, now, sidik_now, code_now)]
    if problems:
        raise CetakDitolak(
            f"Arsip tidak dibuat: {cetak.label(record.dokumen)} yang ditandatangani ({cetak.dated(record)}, "
            f"kode {record.kode_verifikasi}) tidak sama lagi dengan yang ada sekarang. Arsip hanya menyimpan "
            "dokumen persis seperti yang ditandatangani: kembalikan isian seperti saat dicetak, atau buat "
            "dokumen final baru, tanda tangani ulang, lalu arsipkan.", problems,
        )  # fmt: skip
    return record
