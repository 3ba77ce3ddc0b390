"""Workbooks built once per test run and copied for each test.

Building the example workbook with openpyxl takes a good part of a second, and with its SOP sheets
one to two seconds; copying the file takes well under a millisecond. ``ready(key, build, path)``
builds the workbook for ``key`` the first time any test of this process asks (each pytest-xdist
worker keeps its own), then copies it to ``path``. A test changes its copy, never the original.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.samples import example

_BUILT: dict[Hashable, Path] = {}
_FOLDER: list[Path] = []


def _folder() -> Path:
    if not _FOLDER:
        _FOLDER.append(Path(tempfile.mkdtemp(prefix="kinerja-ready-")))
        atexit.register(shutil.rmtree, _FOLDER[0], True)
    return _FOLDER[0]


def ready(key: Hashable, build: Callable[[Path], object], path: Path) -> Path:
    """A copy at ``path`` of the workbook ``build(original)`` writes, built once per run for ``key``
    (under ``path``'s own file name: a name a workbook or its messages might carry)."""
    original = _BUILT.get((key, path.name))
    if original is None:
        original = Path(tempfile.mkdtemp(dir=_folder())) / path.name  # a builder may ask for another
        build(original)
        _BUILT[(key, path.name)] = original
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(original, path)
    return path


def example_workbook(path: Path, spare_rows: int = 5, **profil: object) -> Path:
    """The built-in example (Kecamatan Lumajang 2024; ``profil`` overrides Profil fields), inputs only."""

    def build(target: Path) -> None:
        build_workbook({**example.PROFIL, **profil}, example.INDICATORS, example.SETTINGS, spare_rows=spare_rows).save(target)

    return ready(("example", spare_rows, tuple(sorted((k, repr(v)) for k, v in profil.items()))), build, path)


def example_with_sop(path: Path, spare_rows: int | None = None, pejabat: bool = False) -> Path:
    """The example (``spare_rows`` below its tables: the builder's default when None; its officials
    when ``pejabat``) with its SOPs and their logs, as ``kinerja contoh`` adds them (``sop_contoh``)."""
    from xlwings_app.adapters.openpyxl.builder import SPARE_ROWS
    from xlwings_app.services.contoh import sop_contoh

    def build(target: Path) -> None:
        officials = example.PEJABAT if pejabat else ()
        build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS,
                       spare_rows=SPARE_ROWS if spare_rows is None else spare_rows, pejabat=officials).save(target)  # fmt: skip
        list(sop_contoh(target))

    return ready(("example-sop", spare_rows, pejabat), build, path)
