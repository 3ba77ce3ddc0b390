"""Clicks in xlwings' long-lived Python: many clicks in one process, through the remote engine.

In the add-in a click runs in the one Python process the UDFs use (macros/KinerjaRibbon.bas), so
this process is that server: every click builds the Book the way Excel's call would and calls
``entry.dispatch`` as the VBA does. Nothing may be kept between clicks, memory must stay flat, and
a process left from another Kinerja version must be noticed.
"""

from __future__ import annotations

import copy
import gc
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import xlwings as xw
from openpyxl import Workbook, load_workbook

import xlwings_app
from tests.addin import remote_book
from tests.conftest import cell_of
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.settings import Settings
from xlwings_app.ribbon import entry
from xlwings_app.sheets.layout import SHEET_PETUNJUK

ROOT = Path(__file__).resolve().parents[2]
CLICKS = 200


def _rss_mib() -> float:
    """Resident memory of this process now (Linux /proc), in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _call(button: str, data: dict[str, Any], **kwargs: Any) -> list[dict[str, Any]]:
    """One click: the book of the call, the handler, the actions it sent back.

    The remote engine keeps every ``xw.Book(json=...)`` in its list of open books until it is
    closed, as an xlwings server closes it at the end of a call; the COM server's
    ``Book.caller()`` wraps Excel's own workbook and keeps no list. Each call gets its own copy
    of the payload, as each call from Excel sends the workbook anew."""
    book = xw.Book(json=copy.deepcopy(data))
    try:
        entry.dispatch(button, book, **kwargs)
        actions: list[dict[str, Any]] = book.json()["actions"]
    finally:
        book.close()
    return actions


def _click(button: str, data: dict[str, Any], **kwargs: Any) -> list[str]:
    return [a["args"][0] for a in _call(button, data, **kwargs) if a["func"] == "alert"]


def _hasil_values(data: dict[str, Any], wb: Workbook) -> list[tuple[object, ...]]:
    remote_book.apply(_call("hitung_capaian", data), wb)
    return [tuple(r) for r in wb["Hasil"].iter_rows(min_row=5, values_only=True) if any(r)]


def test_200_hitung_clicks_keep_memory_flat(example_path: Path) -> None:
    data = remote_book.payload(load_workbook(example_path), name=str(example_path))
    rss, objects = {}, {}
    for click in range(1, CLICKS + 1):
        alerts = _click("hitung_capaian", data, addin_version=xlwings_app.__version__)
        assert len(alerts) == 1 and "dihitung" in alerts[0], alerts
        if click in (20, CLICKS):
            gc.collect()
            rss[click], objects[click] = _rss_mib(), len(gc.get_objects())
    # Warm after 20 clicks (imports, caches of declared data); the next 180 must not add up.
    assert rss[CLICKS] - rss[20] < 8, rss
    assert objects[CLICKS] - objects[20] < 2000, objects


def test_each_click_reads_the_workbook_afresh(example_path: Path) -> None:
    wb = load_workbook(example_path)
    good = remote_book.payload(wb, name=str(example_path))
    wb["Profil"]["B4"] = None  # Unit Kerja, a required field
    broken = remote_book.payload(wb, name=str(example_path))
    first, second, third = (_click("periksa_data", d) for d in (good, broken, good))
    assert first[0].startswith("Isian lengkap dan sah") and third == first
    assert second[0].startswith("Ditemukan") and "Profil" in second[0]


def test_two_workbooks_in_turn_get_their_own_results(example_path: Path) -> None:
    wb_a = load_workbook(example_path)
    wb_b = load_workbook(example_path)
    wb_b["IKU"][cell_of(example_path, Jenis.IKU, "IKU-01", "r1")] = 40  # another realisasi
    a = remote_book.payload(wb_a, name=str(example_path))
    b = remote_book.payload(wb_b, name=str(example_path))
    first_a = _hasil_values(a, load_workbook(example_path))
    first_b = _hasil_values(b, load_workbook(example_path))
    again_a = _hasil_values(a, load_workbook(example_path))
    assert first_a == again_a and first_a != first_b


def _petunjuk_clicked(**kwargs: Any) -> tuple[str, list[str]]:
    wb = build_workbook({}, [], Settings())
    other = next(name for name in wb.sheetnames if name != SHEET_PETUNJUK)
    wb.active = wb[other]
    alerts = remote_book.apply(_call("petunjuk", remote_book.payload(wb, active=other), **kwargs), wb)
    return wb.active.title, alerts


def test_an_addin_of_another_version_is_refused_with_the_fix() -> None:
    active, alerts = _petunjuk_clicked(addin_version="0.0.1")
    assert active != SHEET_PETUNJUK  # the handler did not run
    [alert] = alerts
    assert f"versi 0.0.1 tidak sama dengan paket Kinerja versi {xlwings_app.__version__}" in alert
    assert f'"{Path(sys.executable).with_name("kinerja")}" addin pasang' in alert  # fault 3: the full path
    assert "pasang.bat" in alert


def test_a_process_older_than_the_installed_package_asks_to_restart_excel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entry, "installed_version", lambda: "9.9.9")  # pip upgraded meanwhile
    active, [alert] = _petunjuk_clicked(addin_version=xlwings_app.__version__)
    assert active != SHEET_PETUNJUK
    assert "versi 9.9.9 sudah dipasang" in alert and "Tutup semua jendela Excel" in alert


def test_matching_versions_run_the_handler() -> None:
    active, alerts = _petunjuk_clicked(addin_version=xlwings_app.__version__)
    assert active == SHEET_PETUNJUK and alerts == []


def test_the_three_versions_agree_in_this_checkout() -> None:
    """pyproject's version, the package's ``__version__`` and the installed metadata: were they to
    differ, every click would be refused as coming from another version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == xlwings_app.__version__ == entry.installed_version()
    assert entry.changed_version(xlwings_app.__version__) is None


ENTRY_MODULES = sorted(
    [*(ROOT / "xlwings_app" / "ribbon").glob("*.py"), ROOT / "xlwings_app" / "udfs.py"]
)


@pytest.mark.parametrize("path", ENTRY_MODULES, ids=lambda p: p.name)
def test_entry_modules_keep_no_state_between_clicks(path: Path) -> None:
    """What a click or a UDF call runs holds no module-level state a later call could see: no
    ``global`` rebinding, no cache decorator, and module-level names bound to immutable values
    only (the registry's two tables of button ids are the declared exception)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Global | ast.Nonlocal)]
    decorators = [ast.unparse(d) for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) for d in n.decorator_list]
    assert not [d for d in decorators if "cache" in d], decorators
    allowed = {"HANDLERS", "LABELS"} if path.name == "registry.py" else set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {ast.unparse(t) for t in targets}
            containers = ("dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter")
            mutable = isinstance(node.value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp) or (
                isinstance(node.value, ast.Call) and ast.unparse(node.value.func).split(".")[-1] in containers
            )
            assert not mutable or names <= allowed, f"{path.name}: {names} = {ast.unparse(node.value)[:60]}"
