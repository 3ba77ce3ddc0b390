"""Fault 3: a message that tells the user to run a command must name one that exists, at the path
where pasang.bat put it (its virtual environment's Scripts folder, which is not on PATH).

And fault 18: after a click the long-lived Python drops the workbook xlwings was handed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
import typer
import xlwings as xw
from openpyxl import Workbook

from tests.addin import remote_book
from xlwings_app.cli import app
from xlwings_app.domain.problems import Refusal
from xlwings_app.ribbon import entry, messages, registry

ROOT = Path(__file__).resolve().parents[2]
COMMAND = re.compile(r"(?<![\w.\\/\"'])kinerja ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?")
TEXT_OF_THE_RIBBON = sorted(
    [*(ROOT / "xlwings_app" / "ribbon").glob("*.py"), *(ROOT / "xlwings_app" / "adapters" / "xlwings").glob("*.py"),
     ROOT / "xlwings_app" / "addin" / "install.py", ROOT / "xlwings_app" / "addin" / "bundle.py",
     *(ROOT / "macros").glob("*.bas")]
)  # fmt: skip


def _cli() -> dict[str, set[str]]:
    """Each top-level command, with its subcommands (a group's)."""
    root = typer.main.get_command(app)
    return {
        name: set(getattr(command, "commands", {})) for name, command in root.commands.items()  # type: ignore[attr-defined]
    }


def test_the_command_words_are_the_cli_commands() -> None:
    assert set(messages.COMMANDS) == set(_cli())


@pytest.mark.parametrize("path", TEXT_OF_THE_RIBBON, ids=lambda p: p.name)
def test_every_command_the_ribbon_or_the_installer_names_exists(path: Path) -> None:
    """``kinerja buat`` (no such command: it is ``baru``) was named by the Petunjuk button."""
    cli = _cli()
    for match in COMMAND.finditer(path.read_text(encoding="utf-8")):
        command, sub = match.groups()
        if command not in cli:
            assert command in ("pada", "ada"), f"{path.name}: {match.group(0)}"  # prose: "perintah kinerja pada file"
            continue
        if cli[command]:
            assert sub in cli[command], f"{path.name}: {match.group(0)}"


def _alerts(book: xw.Book) -> list[str]:
    return [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]


def _runs(alert: str, *then: str) -> subprocess.CompletedProcess[str]:
    """Run the command the alert names (its quoted executable) with ``then``."""
    executable = re.search(r'"([^"]+kinerja(?:\.exe)?)"', alert)
    assert executable, alert
    return subprocess.run([executable.group(1), *then, "--help"], capture_output=True, text=True, timeout=120)


def test_petunjuk_names_the_command_that_makes_a_workbook_by_its_full_path() -> None:
    wb = Workbook()
    book = xw.Book(json=remote_book.payload(wb))
    entry.dispatch("petunjuk", book)
    [alert] = _alerts(book)
    exe = messages.kinerja_executable()
    assert f'"{exe}" baru "Kinerja 2025.xlsx"' in alert and "kinerja buat" not in alert
    assert exe == Path(sys.executable).with_name("kinerja") and exe.is_file()
    result = _runs(alert, "baru")
    assert result.returncode == 0, result.stderr


def test_a_refusal_naming_a_command_reaches_the_user_with_the_full_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A service's refusal speaks to the command line ("jalankan kinerja sop mulai ..."); shown by the
    ribbon, the command is given by the path of kinerja.exe, which runs."""

    def refuses(book: object) -> None:
        raise Refusal("Log Langkah belum berisi periode TW1: jalankan kinerja sop mulai FILE --periode TW1.")

    monkeypatch.setitem(registry.HANDLERS, "periksa_data", f"{__name__}:_refuses")
    monkeypatch.setattr(sys.modules[__name__], "_refuses", refuses, raising=False)
    book = xw.Book(json=remote_book.payload(Workbook()))
    entry.dispatch("periksa_data", book)
    [alert] = _alerts(book)
    assert f'jalankan "{messages.kinerja_executable()}" sop mulai FILE --periode TW1.' in alert
    assert _runs(alert, "sop", "mulai").returncode == 0


def test_runnable_leaves_prose_and_paths_alone() -> None:
    text = 'Capaian kinerja individu; "C:\\Kinerja\\venv\\Scripts\\kinerja.exe" addin pasang; kinerja-ribbon.log'
    assert messages.runnable(text) == text


def test_a_click_drops_the_workbook_it_was_handed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault 18: KinerjaRibbon.bas hands the clicked workbook to ``xlwings._xlwindows.BOOK_CALLER``
    (as xlwings' RunPython does); the long-lived Python must not keep it after the click, whether
    the handler succeeded or failed."""
    windows = types.ModuleType("xlwings._xlwindows")
    monkeypatch.setitem(sys.modules, "xlwings._xlwindows", windows)
    for button in ("petunjuk", "periksa_data"):  # one that succeeds, one that refuses (no sheets)
        windows.BOOK_CALLER = object()  # type: ignore[attr-defined]
        book = xw.Book(json=remote_book.payload(Workbook()))
        entry.dispatch(button, book)
        assert windows.BOOK_CALLER is None  # type: ignore[attr-defined]
