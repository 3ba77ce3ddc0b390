"""Damaged and hostile files, as the master (``kinerja hitung``) and as a form (``kinerja rekap``).

Every case: exit 2, an Indonesian message naming the file, no traceback, bounded time and memory,
and the master byte-identical (no backup made, nothing written). Empty, not-a-zip and a bare "PK"
header as the master are covered in tests/cli/test_hitung.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.corpus import generate as g
from tests.corpus.conftest import TW4
from tests.corpus.harness import Run, cli, digest, kinerja, refused, rekap_refused

Make = Callable[[Path, Path, Path], Path]
"""make(good, dst, secret) -> the bad file (``good`` is the master or the form)."""

BAD_ZIP = "rusak"
SECURITY = "ditolak demi keamanan"


def _sheet(good: Path) -> str:
    return "IKU" if "IKU" in load_workbook(good, read_only=True).sheetnames else "Isian"


def _loop(dst: Path) -> Path:
    other = dst.with_name("putar-" + dst.name)
    dst.symlink_to(other)
    other.symlink_to(dst)
    return dst


def _folder(dst: Path) -> Path:
    dst.mkdir()
    return dst


CASES: dict[str, tuple[Make, tuple[str, ...]]] = {
    "not-a-zip": (lambda good, dst, s: g.not_a_zip(dst), ("bukan workbook Excel",)),
    "empty": (lambda good, dst, s: g.empty(dst), ("kosong (0 byte)",)),
    "truncated-zip": (lambda good, dst, s: g.truncated(good, dst), (BAD_ZIP,)),
    "zip-bomb-40mb": (lambda good, dst, s: g.zip_bomb(dst, 40), ("terlalu besar setelah diekstrak", SECURITY)),
    "ods": (lambda good, dst, s: g.ods(dst.with_suffix(".ods")), ("OpenDocument (.ods)",)),
    "word-renamed": (lambda good, dst, s: g.not_a_workbook_zip(dst), ("xl/workbook.xml tidak ada",)),
    "xls-ole": (lambda good, dst, s: g.old_xls(dst.with_suffix(".xls")), ("Excel lama (.xls)",)),
    "encrypted": (lambda good, dst, s: g.encrypted(good, dst), ("dilindungi kata sandi",)),
    "xxe-sheet": (
        lambda good, dst, s: g.hostile_sheet(good, dst, _sheet(good), "A1", g.xxe_dtd("worksheet", s), "xxe"),
        (SECURITY, "DTD/entitas"),
    ),
    "xxe-shared-strings": (
        lambda good, dst, s: g.hostile_shared_strings(good, dst, _sheet(good), "A1", g.xxe_dtd("sst", s), "xxe"),
        (SECURITY, "xl/sharedStrings.xml"),
    ),
    "billion-laughs-sheet": (
        lambda good, dst, s: g.hostile_sheet(good, dst, _sheet(good), "A1", g.billion_laughs_dtd("worksheet"), "lol9"),
        (SECURITY,),
    ),
    "billion-laughs-shared-strings": (
        lambda good, dst, s: g.hostile_shared_strings(
            good, dst, _sheet(good), "A1", g.billion_laughs_dtd("sst"), "lol9"
        ),
        (SECURITY, "xl/sharedStrings.xml"),
    ),
    "dtd-in-workbook-part": (
        lambda good, dst, s: g.hostile_workbook_part(good, dst, g.xxe_dtd("workbook", s)),
        (SECURITY, "xl/workbook.xml"),
    ),
    "directory": (lambda good, dst, s: _folder(dst), ("folder",)),
    "missing": (lambda good, dst, s: dst.with_name("tidak-ada.xlsx"), ("tidak ditemukan",)),
    "symlink-loop": (lambda good, dst, s: _loop(dst), ("tautan",)),
}

AS_MASTER = [c for c in CASES if c not in ("not-a-zip", "empty", "word-renamed", "zip-bomb-40mb")]
AS_FORM = [c for c in CASES if c not in ("xxe-shared-strings", "dtd-in-workbook-part", "directory")]


def _no_leak(run: Run, secret: Path) -> None:
    assert secret.read_text(encoding="utf-8") not in run.output


@pytest.mark.parametrize("case", AS_MASTER)
def test_a_bad_master_is_refused_by_hitung(case: str, master: Path, tmp_path: Path, secret: Path) -> None:
    make, fragments = CASES[case]
    bad = make(master, _fresh(tmp_path) / "induk-rusak.xlsx", secret)
    before = bad.read_bytes() if bad.is_file() else None
    run = cli("hitung", bad)
    refused(run, bad.name, *fragments)
    _no_leak(run, secret)
    if before is not None:
        assert bad.read_bytes() == before
    assert not (bad.parent / "Cadangan Kinerja").exists()


@pytest.mark.parametrize("case", AS_FORM)
def test_a_bad_form_is_listed_by_rekap_and_the_master_is_untouched(
    case: str, master: Path, form: Path, tmp_path: Path, secret: Path
) -> None:
    make, fragments = CASES[case]
    bad = make(form, _fresh(tmp_path) / "Formulir rusak.xlsx", secret)
    before = digest(master)
    run = cli("rekap", master, bad, form, "--periode", TW4.value, "--json")
    rekap_refused(run, str(bad) if case == "directory" else bad.name, *(() if case == "directory" else fragments))
    _no_leak(run, secret)
    assert digest(master) == before
    assert not (master.parent / "Cadangan Kinerja").exists()


def _fresh(tmp_path: Path) -> Path:
    folder = tmp_path / "korpus"
    folder.mkdir(exist_ok=True)
    return folder


def test_a_zip_bomb_master_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    bomb = g.zip_bomb(tmp_path / "bom.xlsx", 320, level=1)  # 320 MB of sheet XML in a 2 MB file
    run = kinerja("hitung", bomb, timeout=60, memory_mb=1024)
    refused(run, "bom.xlsx", "terlalu besar setelah diekstrak")


def test_the_xml_behind_the_guard_is_parsed_by_defusedxml(master: Path, tmp_path: Path, secret: Path) -> None:
    """Defence in depth: were the guard bypassed, openpyxl itself refuses entities (never resolves them)."""
    from defusedxml import DTDForbidden, EntitiesForbidden

    from xlwings_app.adapters.xlsx.guard import ensure_defused

    ensure_defused()
    for name, dtd, entity in (("xxe", g.xxe_dtd("sst", secret), "xxe"), ("lol", g.billion_laughs_dtd("sst"), "lol9")):
        bad = g.hostile_shared_strings(master, tmp_path / f"{name}.xlsx", "IKU", "A1", dtd, entity)
        with pytest.raises(Exception) as caught:
            load_workbook(bad, read_only=True, data_only=True)
        chain = [caught.value, caught.value.__cause__, caught.value.__context__]
        assert any(isinstance(e, DTDForbidden | EntitiesForbidden) for e in chain), repr(chain)


def test_kinerja_refuses_to_read_when_defusedxml_is_not_in_effect(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when defusedxml is missing or OPENPYXL_DEFUSEDXML=False: openpyxl would fall back silently."""
    import xml.etree.ElementTree

    import openpyxl.xml.functions

    monkeypatch.setattr(openpyxl.xml.functions, "iterparse", xml.etree.ElementTree.iterparse)
    refused(cli("periksa", master), "(defusedxml) tidak aktif")
