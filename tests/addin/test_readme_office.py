"""The README (developers), docs/windows.md (IT) and docs/panduan-kantor.md (the office) say what the
add-in and the bundle do, each for its reader."""

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
GUIDE = (ROOT / "docs" / "panduan-kantor.md").read_text(encoding="utf-8")


def _headings(text: str) -> list[str]:
    return re.findall(r"^#{2,3} (.+)$", text, re.MULTILINE)


def test_the_readme_is_the_developers_page_pointing_the_office_and_it_to_theirs() -> None:
    headings = _headings(README)
    order = ["Memulai", "Di kantor (Windows + Excel)", "Alur kerja", "Format workbook"]
    assert [h for h in headings if h in order] == order
    start = README[README.index("## Memulai") : README.index("## Di kantor")]
    assert "[docs/panduan-kantor.md](docs/panduan-kantor.md)" in start and "[docs/windows.md](docs/windows.md)" in start
    assert start.index("panduan-kantor.md") < start.index("windows.md") < start.index("make demo")
    for moved in ("Pasang Python", "Jalankan `pasang.bat`", "Memakai tombol", "Fungsi lembar kerja (UDF)", "Klik pertama"):
        assert not any(moved in h for h in headings), moved  # office and IT material live in their pages
    for kept in ("Keandalan", "Kecepatan", "Lisensi xlwings", "Untuk pengembang"):
        assert kept in headings
    assert _headings(WINDOWS)[:4] == ["Yang diperlukan", "Memasang", "Yang dipasang, dan di mana", "Cara tombol berjalan"]
    assert {"Daftar periksa pemasangan pertama", "Untuk admin TI", "Yang hanya dapat dipastikan di Excel"} <= set(_headings(WINDOWS))
    assert {"Rutinitas setiap triwulan", "Setiap tombol dan apa yang dibuatnya", "Fungsi KINERJA_* di sel", "Bila klik gagal"} <= set(_headings(GUIDE))


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_every_docs_link_resolves() -> None:
    for text, base in ((README, ROOT), (WINDOWS, ROOT / "docs"), (GUIDE, ROOT / "docs")):
        for target, anchor in re.findall(r"\]\(((?:docs/)?[\w/-]+\.(?:md|png))(?:#([\w-]+))?\)", text):
            assert (base / target).is_file(), target
            if anchor:
                assert anchor in {_slug(h) for h in _headings((base / target).read_text(encoding="utf-8"))}, anchor
    assert "## Untuk admin TI" in WINDOWS  # the VBA message's pointer
    assert "'Untuk admin TI' di windows.md" in (MACROS / "KinerjaRibbon.bas").read_text(encoding="utf-8")


def test_the_checklist_counts_the_groups_and_buttons_of_the_ribbon() -> None:
    """Fault 9: the checklist said 4 groups and 12 buttons; customUI.xml has 5 and 18."""
    from defusedxml import ElementTree as SafeET

    ns = "{http://schemas.microsoft.com/office/2009/07/customui}"
    root = SafeET.parse(MACROS / "customUI.xml").getroot()
    groups = [g.get("label") for g in root.iter(f"{ns}group")]
    buttons = list(root.iter(f"{ns}button"))
    checklist = WINDOWS[WINDOWS.index("## Daftar periksa") : WINDOWS.index("## Untuk admin TI")]
    assert f"{len(groups)} grup ({', '.join(groups)}) dan {len(buttons)} tombol" in checklist
    assert (len(groups), len(buttons)) == (6, 26)


def test_the_supported_pythons_and_excel_are_stated_as_the_bundle_has_them() -> None:
    span = f"{bundle.SUPPORTED_PYTHONS[0]}–{bundle.SUPPORTED_PYTHONS[-1]}"
    assert f"Python {span}, 64-bit" in README and f"Python {span}" in WINDOWS
    assert "Excel 2010 atau lebih baru" in README and "Excel 2010 atau lebih baru" in WINDOWS
    assert "32-bit maupun 64-bit" in README and "32-bit maupun 64-bit" in WINDOWS  # fault 2: one bundle for both
    assert "Excel 32-bit memerlukan Python 32-bit" not in README + WINDOWS


def test_licences_are_stated_correctly() -> None:
    licence = README[README.index("## Lisensi xlwings") :]
    assert "BSD 3-Clause" in licence and "PolyForm Noncommercial hanya berlaku untuk xlwings PRO" in licence
    assert "xlwings dipakai di bawah PolyForm" not in README  # the old, wrong statement


def test_the_fallback_setting_is_the_one_the_vba_reads() -> None:
    ribbon = (MACROS / "KinerjaRibbon.bas").read_text(encoding="utf-8")
    assert 'GetConfig("USE UDF SERVER", "True")' in ribbon
    assert '"USE UDF SERVER","False"' in WINDOWS and r"%USERPROFILE%\.kinerja\kinerja.conf" in WINDOWS


@pytest.mark.parametrize("command", [["addin", "pasang"], ["addin", "lepas"], ["contoh"]])
def test_the_commands_the_office_steps_name_exist(command: list[str]) -> None:
    named = " ".join(command)
    assert f"kinerja.exe {named}" in WINDOWS or f"`kinerja {named}`" in WINDOWS + GUIDE
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
