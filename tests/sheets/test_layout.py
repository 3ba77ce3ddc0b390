"""Every sheet name and the Hasil layout come from workbook/layout.toml (``sheets.layout``)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from xlwings_app.domain import profil, seal
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.sop import otomatis
from xlwings_app.resources import resource_dir
from xlwings_app.samples import example
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.results import hasil_row


def raw() -> dict[str, object]:
    with (resource_dir("workbook") / "layout.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_sheet_constants_are_the_declared_names() -> None:
    declared = raw()["sheets"]
    assert isinstance(declared, dict)
    assert L.layout().sheets.__dict__ == declared
    assert (declared["rekap"], declared["segel"], declared["log"]) == (L.SHEET_REKAP, L.SHEET_SEGEL, L.SHEET_LOG)


DOMAIN_COPIES = {
    "xlwings_app/domain/seal.py": {"SHEET": L.SHEET_SEGEL},
    "xlwings_app/domain/profil.py": {"SHEET_PROFIL": L.SHEET_PROFIL, "SHEET_PEJABAT": L.SHEET_PEJABAT},
    "xlwings_app/domain/sop/otomatis.py": {"SHEET_LOG": L.SHEET_LOG},
}
"""The domain names a few sheets in its problems and cannot import the layout (a lower layer): one
constant each, held equal to the layout here."""

NOT_SHEET_NAMES = {
    ("xlwings_app/domain/indicator.py", "IKU"): "Jenis.IKU, the kind of indicator",
    ("xlwings_app/domain/indicator.py", "IKI"): "Jenis.IKI",
    ("xlwings_app/services/kabupaten.py", "IKU"): "the jenis a unit's summary is of",
    ("xlwings_app/sheets/results.py", "IKU"): "Rekap's column header of the IKU counts",
    ("xlwings_app/sheets/results.py", "IKI"): "Rekap's column header of the IKI counts",
    ("xlwings_app/report/context_iki.py", "Pejabat"): "the fallback file name and jabatan of an official",
    ("xlwings_app/ribbon/registry.py", "Petunjuk"): "the button's label",
    ("xlwings_app/sheets/lkjip.py", "Isian"): "sheet Narasi LKjIP's column header Isian (which written piece)",
}
"""Literals that spell a sheet's name but mean something else."""


def test_the_domain_names_sheets_as_the_layout_does() -> None:
    assert seal.SHEET == L.SHEET_SEGEL
    assert (profil.SHEET_PROFIL, profil.SHEET_PEJABAT) == (L.SHEET_PROFIL, L.SHEET_PEJABAT)
    assert otomatis.SHEET_LOG == L.SHEET_LOG


def _sheet_names() -> set[str]:
    lay = L.layout()
    named = {*lay.sheets.__dict__.values(), lay.hasil.sheet, *(t.sheet for t in lay.tables.values())}
    named |= {lay.formulir.sheet, lay.formulir.meta_sheet, lay.formulir.kunci_sheet}
    return named | ({lay.pejabat.sheet} if lay.pejabat else set())


def _literals(tree: ast.Module) -> list[ast.Constant]:
    """The module's string literals, docstrings and the domain's declared copies left out."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skipped]


def test_no_module_spells_a_sheet_name_the_layout_declares() -> None:
    names, root = _sheet_names(), Path(__file__).resolve().parents[2]
    found = []
    for path in sorted((root / "xlwings_app").rglob("*.py")):
        module = path.relative_to(root).as_posix()
        if module == "xlwings_app/sheets/layout.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        copies = {id(node.value) for node in tree.body if isinstance(node, ast.Assign)
                  for target in node.targets if isinstance(target, ast.Name)
                  and target.id in DOMAIN_COPIES.get(module, {})}  # fmt: skip
        found += [f"{module}:{n.lineno} {n.value!r}" for n in _literals(tree)
                  if n.value in names and id(n) not in copies and (module, n.value) not in NOT_SHEET_NAMES]  # fmt: skip
    assert found == [], "sheet names spelled by hand; take them from sheets.layout"


def test_hasil_layout_has_one_width_per_header_and_a_status_column() -> None:
    hasil = L.layout().hasil
    assert len(hasil.widths) == len(hasil.headers) == 13
    assert hasil.headers[hasil.status_column - 1] == "Status"
    assert hasil.header_row == 4


def test_a_hasil_row_has_a_value_per_header() -> None:
    results = measure_all(example.INDICATORS, Periode.TW2, example.SETTINGS)
    assert results
    for h in results:
        assert len(hasil_row(h)) == len(L.layout().hasil.headers)
