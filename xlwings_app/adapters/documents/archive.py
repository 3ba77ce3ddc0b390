"""The archive of a sealed period: a zip with the documents, the workbook snapshot and a manifest.

Rules:
- ``manifest.json`` (UTF-8, sorted keys) holds the unit, year, period, verification code, the time
  of sealing (ISO 8601 with offset), each indicator's fingerprint, and for every other file of the
  zip its SHA-256;
- an archive verifies when the manifest is there and readable, every file it names is there with
  that SHA-256, and no file is there that it does not name;
- a received archive is read within limits (``archive_limits``): a zip bomb is refused from its
  directory, members are hashed in blocks.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

from xlwings_app.adapters.documents.archive_limits import (
    ArchiveError,
    check_members,
    hash_member,
    read_manifest_member,
)
from xlwings_app.adapters.documents.atomic import write_whole

MANIFEST = "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def write_archive(out: Path, files: Mapping[str, Path], info: Mapping[str, object]) -> None:
    """Write the zip ``out`` itself: each of ``files`` under its name, and the manifest of ``info``
    plus hashes (the caller gives a temporary name: ``build_archive``, ``services.arsip``)."""
    if MANIFEST in files:
        raise ValueError(f"{MANIFEST} is reserved")
    manifest = dict(info)
    manifest["berkas"] = {name: sha256_file(path) for name, path in files.items()}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, path in files.items():
            zf.write(path, name)
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False))


def build_archive(out: Path, files: Mapping[str, Path], info: Mapping[str, object]) -> Path:
    """Write the archive ``out`` whole or not at all (``write_archive`` under a temporary name)."""
    return write_whole(out, lambda tmp: write_archive(tmp, files, info))


def read_manifest(archive: Path) -> dict[str, object]:
    """The archive's manifest, checked (``archive_limits``: ``ArchiveError``; ``KeyError`` when absent)."""
    with zipfile.ZipFile(archive) as zf:
        check_members(zf, archive.name)
        return read_manifest_member(zf, archive.name, MANIFEST)


def verify_archive(archive: Path) -> list[str]:
    """Indonesian messages for every mismatch; empty when the archive verifies. Nothing is inflated
    before the directory is judged (``archive_limits``), and each member is hashed in blocks."""
    name = archive.name
    try:
        with zipfile.ZipFile(archive) as zf:
            check_members(zf, name)
            infos = {info.filename: info for info in zf.infolist()}
            if MANIFEST not in infos:
                return [f"{name}: manifest.json tidak ada."]
            expected = read_manifest_member(zf, name, MANIFEST).get("berkas", {})
            assert isinstance(expected, dict)
            problems = []
            for member, digest in sorted(expected.items()):
                if member not in infos:
                    continue
                try:
                    same = hash_member(zf, infos[member]) == digest
                except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
                    problems.append(f"{name}: berkas {member} di dalam arsip rusak (tidak dapat dibuka utuh).")
                    continue
                if not same:
                    problems.append(f"{name}: berkas {member} berubah (SHA-256 tidak cocok).")
    except ArchiveError as exc:
        return [str(exc)]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        return [f"{name}: arsip tidak dapat dibaca sebagai zip (rusak atau bukan arsip)."]
    names = set(infos)
    problems += [f"{name}: berkas {n} hilang." for n in sorted(set(expected) - names)]
    problems += [
        f"{name}: berkas {n} tidak tercatat di manifest." for n in sorted(names - set(expected)) if n != MANIFEST
    ]
    return problems
