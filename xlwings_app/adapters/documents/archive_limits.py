"""Reading a received archive without letting it exhaust memory or disk (a zip bomb).

Rules, judged from the zip's directory before a byte is inflated:
- at most ``MAX_MEMBERS`` members;
- no member larger than ``MAX_MEMBER`` once inflated, none together larger than ``MAX_TOTAL``;
- no member above ``RATIO_FROM`` bytes that inflates more than ``MAX_RATIO`` times its stored size
  (documents, workbooks and scans are stored compressed already: about 1 to 20 times; a bomb of
  zeros about 1,000 times);
- ``manifest.json`` at most ``MAX_MANIFEST`` bytes, UTF-8, a JSON object (nested at most as deep as
  Python may parse), its ``berkas`` an object of file name to SHA-256 text.
A member is then read and hashed in blocks (``hash_member``), never whole, and no further than the
size its directory entry declares (zipfile stops there and checks the CRC). Every refusal is an
Indonesian sentence naming the archive and the member; nothing of Python's own text.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from decimal import Decimal

from xlwings_app.domain.formatting import angka

MAX_MEMBERS = 10_000
MAX_MEMBER = 300 * 1024 * 1024
MAX_TOTAL = 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
MAX_MANIFEST = 4 * 1024 * 1024
BLOCK = 1 << 16


class ArchiveError(Exception):
    """The archive cannot be used; the message is Indonesian and names the file."""


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{angka(Decimal(n) / scale, 1)} {unit}"
    return f"{n} byte"


def check_members(zf: zipfile.ZipFile, archive: str) -> None:
    """Refuse ``zf`` (the archive named ``archive``) when its directory announces a bomb."""
    infos = zf.infolist()
    bomb = "kemungkinan bom zip: arsip ditolak tanpa dibuka"
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"Arsip {archive} berisi {angka(len(infos))} berkas (paling banyak {angka(MAX_MEMBERS)}): {bomb}.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER:
            raise ArchiveError(
                f"Arsip {archive}: berkas {info.filename} di dalamnya terlalu besar ({_size(info.file_size)} setelah "
                f"dibuka, paling besar {_size(MAX_MEMBER)}); {bomb}."
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise ArchiveError(
                f"Arsip {archive}: berkas {info.filename} di dalamnya mengembang {angka(round(ratio))} kali "
                f"(dari {_size(info.compress_size)} menjadi {_size(info.file_size)}); {bomb}."
            )
    if total > MAX_TOTAL:
        raise ArchiveError(f"Arsip {archive} terlalu besar setelah dibuka ({_size(total)}); {bomb}.")


def hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """SHA-256 of member ``info``, read in blocks (``zipfile.BadZipFile`` when it is damaged)."""
    digest = hashlib.sha256()
    with zf.open(info) as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest_member(zf: zipfile.ZipFile, archive: str, name: str) -> dict[str, object]:
    """The manifest ``name`` of ``zf``, checked (see the module's rules); ``KeyError`` when absent."""
    info = zf.getinfo(name)
    if info.file_size > MAX_MANIFEST:
        raise ArchiveError(f"Manifest arsip {archive} terlalu besar ({_size(info.file_size)}): bukan manifest Kinerja.")
    try:
        with zf.open(info) as handle:
            raw = handle.read(MAX_MANIFEST + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise ArchiveError(f"Manifest arsip {archive} rusak (tidak dapat dibuka dari zip).") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ArchiveError(f"Manifest arsip {archive} bukan teks UTF-8: bukan manifest Kinerja.") from exc
    except RecursionError as exc:
        raise ArchiveError(f"Manifest arsip {archive} bersarang terlalu dalam: bukan manifest Kinerja.") from exc
    except ValueError as exc:
        raise ArchiveError(f"Manifest arsip {archive} bukan JSON yang sah (rusak atau terpotong).") from exc
    if not isinstance(data, dict):
        raise ArchiveError(f"Manifest arsip {archive} harus berupa objek JSON {{...}}: bukan manifest Kinerja.")
    files = data.get("berkas", {})
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise ArchiveError(
            f"Manifest arsip {archive}: daftar berkas (\"berkas\") harus memetakan nama berkas ke SHA-256: "
            "manifest rusak atau diubah."
        )
    return data
