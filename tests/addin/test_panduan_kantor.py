"""The office guide (docs/panduan-kantor.md): every button, every picture, every message it quotes."""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree as SafeET

from tests.addin.conftest import MACROS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "panduan-kantor.md"
PICTURES = ROOT / "docs" / "panduan-kantor"
NS = "{http://schemas.microsoft.com/office/2009/07/customui}"


def _ribbon() -> list[tuple[str, str, str]]:
    """(group, button label, button id) of customUI.xml, in order."""
    root = SafeET.parse(MACROS / "customUI.xml").getroot()
    return [(g.get("label", ""), b.get("label", ""), b.get("id", "")) for g in root.iter(f"{NS}group") for b in g.iter(f"{NS}button")]


def test_the_guide_counts_the_groups_and_buttons_of_the_ribbon() -> None:
    ribbon = _ribbon()
    groups = len({g for g, _, _ in ribbon})
    assert (groups, len(ribbon)) == (6, 26)
    assert f"{groups} grup dan {len(ribbon)} tombol" in GUIDE.read_text(encoding="utf-8")


def test_every_button_is_in_the_table_with_its_group_and_whether_it_needs_the_saved_file() -> None:
    from xlwings_app.ribbon.registry import OWN_PROCESS

    rows = re.findall(r"^\| (\w+) \| ([^|]+?) \| [^|]+ \| (file)? ?\|$", GUIDE.read_text(encoding="utf-8"), re.M)
    table = [(group, label, bool(file)) for group, label, file in rows if group != "Grup"]
    assert table == [(group, label, button in OWN_PROCESS) for group, label, button in _ribbon()]


def test_every_picture_is_shown_and_every_shown_picture_exists() -> None:
    shown = re.findall(r"!\[[^\]]+\]\((panduan-kantor/[\w-]+\.png)\)", GUIDE.read_text(encoding="utf-8"))
    assert sorted(shown) == sorted(f"panduan-kantor/{p.name}" for p in PICTURES.glob("*.png"))
    assert len(shown) == len(set(shown)) >= 12


def test_the_messages_the_guide_quotes_are_the_ones_kinerja_shows() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "xlwings_app").rglob("*.py"), *MACROS.glob("*.bas")])
    code = " ".join(code.replace('" & _\n', "").replace('"\n', "").split())  # strings broken over lines
    quoted = re.findall(r'^\| "([^"|]+)" (?:atau "([^"|]+)" )?\|', GUIDE.read_text(encoding="utf-8"), re.M)
    assert len(quoted) >= 9
    for pieces in quoted:
        for piece in pieces:
            for fragment in filter(None, (f.strip() for f in piece.split("..."))):
                assert fragment in code, fragment
