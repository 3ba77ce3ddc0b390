"""Headless LibreOffice: convert documents (xlsx → xlsx recalculated, docx → pdf, ...).

Each call runs ``soffice --headless --convert-to`` with its own throw-away user profile
(``-env:UserInstallation``), so calls can run in parallel and never touch the user's profile.
The profile sets ``OOXMLRecalcMode`` to 0 ("always recalculate") so formulas of an .xlsx are
computed by LibreOffice's engine on load. LibreOffice exits 0 even when a conversion failed, so
success is judged by the output file existing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

_RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

WINDOWS_PATHS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice"
    / "program"
    / "soffice.exe",
)


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing or a conversion produced no output (message in Indonesian)."""


def find_soffice() -> str | None:
    """Path of the soffice program, or ``None`` when LibreOffice is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in WINDOWS_PATHS:
        if candidate.is_file():
            return str(candidate)
    return None


def convert(source: Path, target_format: str, out_dir: Path, timeout: float = 180) -> Path:
    """Convert ``source`` with LibreOffice into ``out_dir``; return the output path.

    ``target_format`` is a LibreOffice filter spec such as ``"pdf"`` or ``"xlsx"``. Formulas are
    recalculated on load. Raises ``LibreOfficeError`` with an Indonesian message on failure.
    """
    [target] = convert_many([source], target_format, out_dir, timeout)
    return target


def convert_many(
    sources: Sequence[Path], target_format: str, out_dir: Path, timeout: float = 180
) -> list[Path]:
    """Convert every file of ``sources`` in ONE LibreOffice run (its start-up is paid once).

    Returns the outputs in the order of ``sources``; ``LibreOfficeError`` names the first file
    without an output (soffice exits 0 even then). ``timeout`` is per file.
    """
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError(
            "LibreOffice tidak ditemukan: pasang LibreOffice atau gunakan Microsoft Word/Excel."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    extension = target_format.split(":", 1)[0]
    targets = [out_dir / f"{source.stem}.{extension}" for source in sources]
    for source, target in zip(sources, targets, strict=True):
        if target.exists() and target.resolve() != source.resolve():
            target.unlink()
    with tempfile.TemporaryDirectory(prefix="kinerja-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_RECALC_XCU, encoding="utf-8")
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            *(str(source) for source in sources),
        ]
        names = ", ".join(s.name for s in sources)
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout * max(1, len(sources)), check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError(
                f"LibreOffice tidak selesai dalam {timeout * max(1, len(sources)):.0f} detik saat mengonversi {names}."
            ) from exc
    for source, target in zip(sources, targets, strict=True):
        if not target.is_file() or target.stat().st_size == 0:
            detail = (completed.stderr or completed.stdout).strip()[-300:]
            raise LibreOfficeError(
                f"LibreOffice gagal mengonversi {source.name} ke {extension}. {detail}".strip()
            )
    return targets


def recalculate(source: Path, out_dir: Path, timeout: float = 180) -> Path:
    """A copy of the workbook ``source`` with every formula recalculated by LibreOffice."""
    return convert(source, "xlsx:Calc MS Excel 2007 XML", out_dir, timeout)
