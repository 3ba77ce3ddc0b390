"""The README's office sections and docs/windows.md say what the add-in and the bundle do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.addin.conftest import MACROS
from xlwings_app.addin import bundle
from xlwings_app.cli import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WINDOWS = (ROOT / "docs" / "windows.md").read_text(encoding="utf-8")


def _headings(text: str) -> list[str]:
    return re.findall(r"^#{2,3} (.+)$", text, re.MULTILINE)


def test_the_office_comes_first_after_the_two_setup_commands() -> None:
    headings = _headings(README)
    order = ["Memulai", "Memasang di kantor (Windows + Excel)", "Memakai tombol", "Alur kerja", "Format workbook"]
    assert [h for h in headings if h in order] == order
    steps = headings[headings.index(order[1]) + 1 : headings.index(order[2])]
    assert steps == [
        "1. Pasang Python",
        "2. Salin paket pemasangan Kinerja",
        "3. Jalankan `pasang.bat`",
        "4. Mempercayai add-in (pengaturan keamanan makro)",
        "5. Klik pertama",
        "6. Catatan untuk admin TI",
    ]
    for kept in ("Keandalan", "Kecepatan", "Lisensi xlwings", "Fungsi lembar kerja (UDF)"):
        assert kept in headings


def test_every_docs_link_resolves() -> None:
    for text, base in ((README, ROOT), (WINDOWS, ROOT / "docs")):
        for target in re.findall(r"\]\(((?:docs/)?[\w-]+\.(?:md|png))(?:#[\w-]+)?\)", text):
            assert (base / target).is_file(), target
    assert "## Untuk admin TI" in WINDOWS  # the anchor #untuk-admin-ti and the VBA message's pointer
    assert "'Untuk admin TI' di windows.md" in (MACROS / "KinerjaRibbon.bas").read_text(encoding="utf-8")


def test_the_supported_pythons_and_excel_are_stated_as_the_bundle_has_them() -> None:
    span = f"{bundle.SUPPORTED_PYTHONS[0]}–{bundle.SUPPORTED_PYTHONS[-1]}"
    assert f"Python {span}, 64-bit" in README and f"Python {span}" in WINDOWS
    assert "Excel 2010 atau lebih baru" in README and "Excel 2010 atau lebih baru" in WINDOWS


def test_licences_are_stated_correctly() -> None:
    licence = README[README.index("## Lisensi xlwings") :]
    assert "BSD 3-Clause" in licence and "PolyForm Noncommercial hanya berlaku untuk xlwings PRO" in licence
    assert "xlwings dipakai di bawah PolyForm" not in README  # the old, wrong statement


def test_the_fallback_setting_is_the_one_the_vba_reads() -> None:
    ribbon = (MACROS / "KinerjaRibbon.bas").read_text(encoding="utf-8")
    assert 'GetConfig("USE UDF SERVER", "True")' in ribbon
    for text in (README, WINDOWS):
        assert '"USE UDF SERVER","False"' in text and r"%USERPROFILE%\.kinerja\kinerja.conf" in text


@pytest.mark.parametrize("command", [["addin", "pasang"], ["addin", "lepas"], ["contoh"]])
def test_the_commands_the_office_steps_name_exist(command: list[str]) -> None:
    assert f"kinerja.exe {' '.join(command)}" in README + WINDOWS or f"kinerja {' '.join(command)}" in README
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output


def test_every_test_the_checklist_names_exists() -> None:
    """Each step of the first-install checklist names the test standing in for it here."""
    table = WINDOWS[WINDOWS.index("## Daftar periksa") : WINDOWS.index("## Untuk admin TI")]
    named = re.findall(r"`(test_\w+\.py)(?:::(test_\w+))?`|`::(test_\w+)`", table)
    assert len(named) >= 20
    current = None
    for file, function, more in named:
        if file:
            current = ROOT / "tests" / "addin" / file
            assert current.is_file(), file
        name = function or more
        if name:
            assert current is not None
            assert f"def {name}(" in current.read_text(encoding="utf-8"), f"{current.name}::{name}"
