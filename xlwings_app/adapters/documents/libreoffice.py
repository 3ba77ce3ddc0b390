"""Headless LibreOffice: convert documents (xlsx → xlsx recalculated, docx → pdf, ...).

Rules:
- each run works in a private folder of its own in the temporary folder
  (``kinerja-lo-<process id>-<8 hex>``): LibreOffice's user profile (``-env:UserInstallation``), a copy
  of each source and the outputs. Runs go side by side, never touch the user's profile, and leave
  their lock files (``.~lock.<name>#``) only there, never beside the user's documents;
- the folder is removed when the run ends, however it ends; one left by a run that was killed (its
  process is gone: ``atomic.process_gone``) is removed by the next run;
- an output reaches its final place whole (``atomic.Outputs``): an earlier file of that name stays
  as it was until then, also when LibreOffice is killed or fails;
- the profile sets ``OOXMLRecalcMode`` to 0 ("always recalculate") so formulas of an .xlsx are
  computed by LibreOffice's engine on load;
- LibreOffice exits 0 even when a conversion failed, so success is judged by the output file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs, process_gone, reason

WORK_PREFIX = "kinerja-lo-"
_WORK = re.compile(rf"^{WORK_PREFIX}(?P<pid>[0-9]+)-[0-9a-f]{{8}}$")

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
    """Convert every file of ``sources`` in ONE LibreOffice run (its start-up is paid once) into
    ``out_dir``, each output written whole; the outputs in the order of ``sources``."""
    extension = target_format.split(":", 1)[0]
    with Outputs() as outputs, converted([(s, s.stem) for s in sources], target_format, timeout) as made:
        targets = [out_dir / f"{source.stem}.{extension}" for source in sources]
        for target, output in zip(targets, made, strict=True):
            outputs.copy(target, output)
        outputs.commit()
    return targets


def remove_stale_work(folder: Path | None = None) -> None:
    """The work folders of runs that were killed (their process is gone), in the temporary folder."""
    base = Path(folder or tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for item in list(base.iterdir()):
            found = _WORK.match(item.name)
            if found and item.is_dir() and process_gone(int(found["pid"]), item):
                shutil.rmtree(item, ignore_errors=True)


def _work_folder() -> Path:
    remove_stale_work()
    work = Path(tempfile.gettempdir()) / f"{WORK_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    return work


@contextlib.contextmanager
def converted(sources: Sequence[tuple[Path, str]], target_format: str, timeout: float = 180) -> Iterator[list[Path]]:
    """Convert each ``(source, stem)`` in ONE LibreOffice run inside a private work folder; yield the
    outputs there (named ``stem.<format>``), in order. The folder goes when the block ends.

    ``LibreOfficeError`` names the first source without an output (soffice exits 0 even then);
    ``timeout`` is per file."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError(
            "LibreOffice tidak ditemukan: pasang LibreOffice atau gunakan Microsoft Word/Excel."
        )
    extension = target_format.split(":", 1)[0]
    copies_of = [f"{stem}{source.suffix}" for source, stem in sources]
    if len({name.casefold() for name in copies_of}) != len(copies_of):
        raise ValueError("two sources would make outputs of the same name")
    try:
        work = _work_folder()
    except OSError as exc:
        raise LibreOfficeError(f"Folder sementara {tempfile.gettempdir()} tidak dapat dipakai: {reason(exc)}.") from exc
    try:
        inbox, outbox, user = work / "in", work / "out", work / "profile" / "user"
        copies = [inbox / name for name in copies_of]
        try:
            for folder in (inbox, outbox, user):
                folder.mkdir(parents=True)
            (user / "registrymodifications.xcu").write_text(_RECALC_XCU, encoding="utf-8")
            for (source, _stem), copy in zip(sources, copies, strict=True):
                shutil.copyfile(source, copy)
        except OSError as exc:
            raise LibreOfficeError(f"Folder sementara {work.parent} tidak dapat dipakai: {reason(exc)}.") from exc
        names = ", ".join(source.name for source, _ in sources)
        total = timeout * max(1, len(sources))
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target_format,
            "--outdir",
            str(outbox),
            *(str(copy) for copy in copies),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=total, check=False)
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError(
                f"LibreOffice tidak selesai dalam {total:.0f} detik saat mengonversi {names}."
            ) from exc
        made = [outbox / f"{copy.stem}.{extension}" for copy in copies]
        for (source, _stem), output in zip(sources, made, strict=True):
            if not output.is_file() or output.stat().st_size == 0:
                detail = (completed.stderr or completed.stdout).strip()[-300:]
                raise LibreOfficeError(
                    f"LibreOffice gagal mengonversi {source.name} ke {extension}. {detail}".strip()
                )
        yield made
    finally:
        shutil.rmtree(work, ignore_errors=True)


def recalculate(source: Path, out_dir: Path, timeout: float = 180) -> Path:
    """A copy of the workbook ``source`` with every formula recalculated by LibreOffice."""
    return convert(source, "xlsx:Calc MS Excel 2007 XML", out_dir, timeout)
