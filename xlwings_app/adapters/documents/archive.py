"""The archive of a sealed period: a zip with the documents, the workbook snapshot and a manifest.

Rules:
- ``manifest.json`` (UTF-8, sorted keys) holds the unit, year, period, verification code, the time
  of sealing (ISO 8601 with offset), each indicator's fingerprint, and for every other file of the
  zip its SHA-256;
- an archive verifies when the manifest is there and readable, every file it names is there with
  that SHA-256, and no file is there that it does not name.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

MANIFEST = "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def build_archive(out: Path, files: Mapping[str, Path], info: Mapping[str, object]) -> Path:
    """Write ``out``: each of ``files`` under its name, and the manifest of ``info`` plus hashes."""
    if MANIFEST in files:
        raise ValueError(f"{MANIFEST} is reserved")
    manifest = dict(info)
    manifest["berkas"] = {name: sha256_file(path) for name, path in files.items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, path in files.items():
            zf.write(path, name)
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False))
    partial.replace(out)
    return out


def read_manifest(archive: Path) -> dict[str, object]:
    """The archive's manifest."""
    with zipfile.ZipFile(archive) as zf:
        data = json.loads(zf.read(MANIFEST).decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("manifest is not an object")
    return data


def verify_archive(archive: Path) -> list[str]:
    """Indonesian messages for every mismatch; empty when the archive verifies."""
    try:
        with zipfile.ZipFile(archive) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                return [f"{archive.name}: manifest.json tidak ada."]
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            expected = manifest.get("berkas", {}) if isinstance(manifest, dict) else {}
            problems = [
                f"{archive.name}: berkas {name} berubah (SHA-256 tidak cocok)."
                for name, digest in sorted(expected.items())
                if name in names and sha256_bytes(zf.read(name)) != digest
            ]
    except (zipfile.BadZipFile, OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [f"{archive.name}: arsip tidak dapat dibaca ({exc})."]
    problems += [f"{archive.name}: berkas {n} hilang." for n in sorted(set(expected) - names)]
    problems += [
        f"{archive.name}: berkas {n} tidak tercatat di manifest." for n in sorted(names - set(expected))
        if n != MANIFEST
    ]
    return problems
