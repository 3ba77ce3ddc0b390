"""What the Kasi typed is what is measured: the values Excel stores for what a person types.

Typing ``93%`` stores 0.93 with a percent number format (``0%``; ``97,3%`` gives ``0.0%``); the
inputs are built that way with openpyxl, read by ``kinerja hitung``/``periksa`` through the fast
reader (calamine), the openpyxl reader and after a LibreOffice re-save. Every refusal leaves the
file byte-identical.
"""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tests.conftest import cell_of
from tests.corpus import generate as g
from tests.corpus.harness import cli, digest
from xlwings_app.adapters.xlsx.calamine import CalamineSource
from xlwings_app.adapters.xlsx.reader import OpenpyxlSource
from xlwings_app.domain.indicator import Jenis
from xlwings_app.sheets.inputs import read_inputs
from xlwings_app.sheets.table import BLANK_RUN

IKU, IKI = Jenis.IKU, Jenis.IKI
PERCENT_FORMATS = ["0%", "0.0%", "0.00%", "#,##0.0%", "0.000%", "[Blue]0.0%;[Red]-0.0%"]


def _json(*args: object) -> tuple[int, dict[str, Any]]:
    run = cli(*args, "--json")
    assert "Traceback" not in run.output and run.code in (0, 2), run.output
    return run.code, json.loads(run.output)


def _typed_percent(master: Path, jenis: Jenis, kode: str, key: str, stored: float, fmt: str) -> tuple[Path, str]:
    sel = cell_of(master, jenis, kode, key)

    def change(wb: Any) -> None:
        cell = wb[jenis.value][sel]
        cell.value, cell.number_format = stored, fmt

    return g.edit_copy(master, master.with_name("persen.xlsx"), change), sel


def _row(payload: dict[str, Any], kode: str) -> dict[str, Any]:
    return next(r for r in payload["indikator"] if r["kode"] == kode)


@pytest.mark.parametrize("fmt", PERCENT_FORMATS)
@pytest.mark.parametrize(("jenis", "kode"), [(IKU, "IKU-02"), (IKI, "IKI-KEU-01")])
def test_a_percentage_typed_as_93_percent_is_read_as_93(master: Path, fmt: str, jenis: Jenis, kode: str) -> None:
    path, sel = _typed_percent(master, jenis, kode, "r3", 0.973, fmt)
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0
    row = _row(payload, kode)
    realisasi = {"IKU-02": (92.5 + 96 + 97.3) / 3, "IKI-KEU-01": 97.3}[kode]  # Rata-rata / Akhir
    assert abs(float(row["realisasi"]) - realisasi) < 0.01, row
    notices = [p for p in payload["masalah"] if p["sel"] == sel and p["sheet"] == jenis.value]
    assert notices and notices[0]["tingkat"] == "catatan", payload["masalah"]
    assert "97,3%" in notices[0]["pesan"] and "dibaca sebagai 97,3" in notices[0]["pesan"]


def test_a_quoted_percent_sign_only_shows_the_sign(master: Path) -> None:
    path, sel = _typed_percent(master, IKI, "IKI-KEU-01", "r3", 68.2, '0.0"%"')
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0 and Decimal(str(_row(payload, "IKI-KEU-01")["realisasi"])) == Decimal("68.2")
    assert not [p for p in payload["masalah"] if p["sel"] == sel]


def test_percent_cells_in_target_and_pengaturan(master: Path) -> None:
    sel_t = cell_of(master, IKI, "IKI-KEU-01", "t3")

    def change(wb: Any) -> None:
        wb["IKI"][sel_t].value, wb["IKI"][sel_t].number_format = 0.75, "0%"
        wb["IKI"][cell_of(master, IKI, "IKI-KEU-01", "r3")].value = 68.2

    path = g.edit_copy(master, master.with_name("target.xlsx"), change)
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0
    row = _row(payload, "IKI-KEU-01")
    assert Decimal(str(row["target"])) == 75 and Decimal(str(row["capaian"])) == Decimal("90.93")


def test_the_fast_and_the_openpyxl_reader_agree_on_percent_cells(master: Path) -> None:
    path, _ = _typed_percent(master, IKU, "IKU-02", "r3", 0.973, "0.0%")
    fast = CalamineSource(path)
    try:
        mine = read_inputs(fast, path)
    finally:
        fast.close()
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        theirs = read_inputs(OpenpyxlSource(wb), path)
    finally:
        wb.close()
    keu = next(i for i in mine.indicators if i.kode == "IKU-02")
    assert keu.realisasi_tw[2] == Decimal("97.3")
    assert mine.indicators == theirs.indicators and mine.problems == theirs.problems


@pytest.mark.libreoffice
def test_a_master_re_saved_by_libreoffice_keeps_the_percentages(master: Path, tmp_path: Path) -> None:
    path, sel = _typed_percent(master, IKI, "IKI-KEU-01", "r3", 0.973, "0.0%")
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    code, payload = _json("hitung", out / path.name, "--periode", "TW3")
    assert code == 0, payload["masalah"]
    assert Decimal(str(_row(payload, "IKI-KEU-01")["realisasi"])) == Decimal("97.3")


# --- item 4: numbers beyond any indicator -------------------------------------------------------


@pytest.mark.parametrize("value", [1.7e308, 2e15, -1e300, 10**16])
@pytest.mark.parametrize("command", ["hitung", "periksa"])
def test_a_huge_number_is_an_input_problem_naming_the_cell(master: Path, value: float, command: str) -> None:
    sel = cell_of(master, IKU, "IKU-06", "r2")
    path = g.edit_copy(master, master.with_name("besar.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, value))
    before = digest(path)
    code, payload = _json(command, path, *(["--periode", "TW3"] if command == "hitung" else []))
    assert code == 2
    assert any(p["sel"] == sel and "terlalu besar" in p["pesan"] for p in payload["masalah"]), payload["masalah"]
    assert digest(path) == before


@pytest.mark.parametrize("key", ["r1", "r2"])
def test_a_jumlah_that_would_overflow_is_refused_before_arithmetic(master: Path, key: str) -> None:
    sel = cell_of(master, IKU, "IKU-06", key)
    path = g.edit_copy(master, master.with_name("besar.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, 9e307))
    run = cli("laporan", path, "--periode", "TW3", "--keluar", path.parent / "out")
    assert run.code == 2 and "Traceback" not in run.output and "Galat internal" not in run.output, run.output
    assert "terlalu besar" in " ".join(run.output.split())


# --- item 5: kodes compared normalised ---------------------------------------------------------

LOOK_ALIKES = {
    "zero-width": "IKU-01\u200b", "bom": "\ufeffIKU-01", "rtl-mark": "\u200fIKU-01", "nb-hyphen": "IKU\u201101",
    "en-dash": "IKU\u201301", "minus": "IKU\u221201", "full-width": "\uff29\uff2b\uff35-01", "nbsp": "IKU-01\u00a0",
    "case": "iku-01",
}  # fmt: skip


@pytest.mark.parametrize("kode", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_look_alike_kode_is_a_duplicate_naming_both_cells(master: Path, kode: str) -> None:
    sel = cell_of(master, IKU, "IKU-03", "kode")
    first = cell_of(master, IKU, "IKU-01", "kode")
    path = g.edit_copy(master, master.with_name("kembar.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, kode))
    before = digest(path)
    for command in ("periksa", "hitung"):
        code, payload = _json(command, path)
        duplicates = [p for p in payload["masalah"] if p["sel"] == sel and "ganda" in p["pesan"]]
        assert code == 2 and duplicates, payload["masalah"]
        assert f"IKU!{first}" in duplicates[0]["pesan"] and f"IKU!{sel}" in duplicates[0]["pesan"]
    assert digest(path) == before


@pytest.mark.parametrize("kode", ["IKU-09\t", "IKU\n09", "IKU-09\r\n"], ids=["tab", "newline", "crlf"])
def test_a_control_character_in_a_kode_is_an_error(master: Path, kode: str) -> None:
    sel = cell_of(master, IKU, "IKU-03", "kode")
    path = g.edit_copy(master, master.with_name("kendali.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, kode))
    code, payload = _json("periksa", path)
    assert code == 2
    assert any(p["sel"] == sel and "karakter kendali" in p["pesan"] for p in payload["masalah"]), payload["masalah"]


def test_a_kode_with_an_invisible_character_is_read_clean_with_a_notice(master: Path) -> None:
    sel = cell_of(master, IKU, "IKU-03", "kode")
    path = g.edit_copy(master, master.with_name("zw.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, "IKU\u201103\u200b"))
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0
    assert "IKU-03" in {r["kode"] for r in payload["indikator"]}
    assert any(p["sel"] == sel and p["tingkat"] == "catatan" for p in payload["masalah"])


def test_an_iku_with_one_bad_cell_still_exists_for_its_ikis(master: Path) -> None:
    sel = cell_of(master, IKU, "IKU-02", "t2")
    path = g.edit_copy(master, master.with_name("buruk.xlsx"), lambda wb: wb["IKU"].__setitem__(sel, "sembilan"))
    code, payload = _json("periksa", path)
    assert code == 2
    errors = [p for p in payload["masalah"] if p["tingkat"] == "galat"]
    assert [p["sel"] for p in errors] == [sel], errors  # no false "IKU Induk tidak ada"


# --- item 2: a period's value taken from an earlier triwulan ------------------------------------


def _blank(master: Path, *cells: tuple[Jenis, str, str]) -> Path:
    def change(wb: Any) -> None:
        for jenis, kode, key in cells:
            wb[jenis.value][cell_of(master, jenis, kode, key)] = None

    return g.edit_copy(master, master.with_name("kosong.xlsx"), change)


def test_a_blank_triwulan_carried_over_is_said_everywhere(master: Path, tmp_path: Path) -> None:
    from docx import Document

    path = _blank(master, (IKI, "IKI-KEU-01", "r3"), (IKU, "IKU-02", "r3"))
    sel = cell_of(master, IKI, "IKI-KEU-01", "r3")
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0
    akhir = "Realisasi TW III belum diisi; capaian s.d. TW III memakai TW II."
    rata = "Realisasi TW III belum diisi; capaian s.d. TW III memakai rata-rata TW I, TW II."
    notes = {(p["sheet"], p["sel"]): p for p in payload["masalah"] if p["tingkat"] == "catatan"}
    assert notes[("IKI", sel)]["pesan"] == akhir
    assert notes[("IKU", cell_of(master, IKU, "IKU-02", "r3"))]["pesan"] == rata
    assert _row(payload, "IKI-KEU-01")["pesan"].startswith(akhir)
    assert Decimal(str(_row(payload, "IKI-KEU-01")["realisasi"])) == 41  # TW II's value
    run = cli("hitung", path, "--periode", "TW3")  # the terminal lists the notice
    assert run.code == 0 and "memakai TW II" in " ".join(run.output.split())
    hasil = load_workbook(path, data_only=True)["Hasil"]
    rows = [r for r in hasil.iter_rows(values_only=True) if "IKI-KEU-01" in r and "s.d. Triwulan III" in r]
    assert rows and any(isinstance(v, str) and v.startswith(akhir) for v in rows[0]), rows
    out = tmp_path / "dok"
    final = cli("laporan", path, "--periode", "TW3", "--keluar", out)  # a final needs TW III's data
    assert final.code == 2 and "Realisasi TW III" in final.output, final.output
    run = cli("laporan", path, "--periode", "TW3", "--keluar", out, "--draf")  # carrying over: a draft only
    assert run.code == 0, run.output
    [docx] = out.glob("*.docx")
    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert "94,25 (TW I, TW II)" in cells, cells  # IKU-02: the mean of TW I and TW II, and it says so


def test_jumlah_never_carries_over_and_a_filled_triwulan_says_nothing(master: Path) -> None:
    path = _blank(master, (IKU, "IKU-06", "r3"))
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0 and not [p for p in payload["masalah"] if "memakai" in p["pesan"]]
    assert _row(payload, "IKU-06")["status"] == "Belum Diisi"


# --- item 3: the table inside its own range -----------------------------------------------------


def _iku_table(wb: Any) -> Any:
    return wb["IKU"].tables["TabelIKU"]


def _with_total_row(master: Path) -> Path:
    from openpyxl.worksheet.cell_range import CellRange

    def change(wb: Any) -> None:
        ws, table = wb["IKU"], _iku_table(wb)
        whole = CellRange(table.ref)
        total = whole.max_row + 1
        table.ref, table.totalsRowCount = f"{whole.coord.split(':')[0]}:{get_column_letter(whole.max_col)}{total}", 1
        ws.cell(total, 1, "Total")
        for col in range(1, whole.max_col + 1):
            if ws.cell(total - 1, col).number_format.startswith("#"):
                letter = get_column_letter(col)
                ws.cell(total, col, f"=SUBTOTAL(109,{letter}{whole.min_row + 1}:{letter}{total - 1})")

    return g.edit_copy(master, master.with_name("total.xlsx"), change)


def test_the_total_row_of_an_excel_table_is_no_indicator(master: Path) -> None:
    path = _with_total_row(master)
    for command in ("periksa", "hitung"):
        code, payload = _json(command, path)
        assert code == 0, payload["masalah"]
    assert "Total" not in {r["kode"] for r in payload["indikator"]} and len(payload["indikator"]) == 16


def test_the_total_row_is_skipped_by_the_live_reader_too(master: Path) -> None:
    import xlwings as xw

    from tests.addin import remote_book
    from xlwings_app.adapters.xlwings.book import XlwingsSource

    path = _with_total_row(master)
    wb = load_workbook(path)
    live = read_inputs(XlwingsSource(xw.Book(json=remote_book.payload(wb, name=str(path), tables=True))), path)
    assert live.errors == [] and len(live.indicators) == 16


def test_a_copy_of_the_titles_beside_the_table_is_an_error_naming_both_cells(master: Path) -> None:
    def change(wb: Any) -> None:
        ws = wb["IKU"]
        header = 4
        width = ws.max_column
        for col in range(1, width + 1):  # a scratch copy of the whole table, two columns to the right
            for row in range(header, header + 4):
                ws.cell(row, width + 2 + col, ws.cell(row, col).value)

    path = g.edit_copy(master, master.with_name("salinan.xlsx"), change)
    before = digest(path)
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 2
    twice = [p for p in payload["masalah"] if "ada 2 kali di baris judul" in p["pesan"]]
    assert twice and any("Target TW I" in p["pesan"] for p in twice)
    first = next(p for p in twice if p["kolom"] == "Kode")["pesan"]
    assert "A4 dan" in first
    assert digest(path) == before


def test_merged_cells_in_an_input_column_name_the_merged_range(master: Path) -> None:
    top = cell_of(master, IKU, "IKU-01", "pagu")
    bottom = cell_of(master, IKU, "IKU-02", "pagu")
    path = g.edit_copy(master, master.with_name("gabung.xlsx"), lambda wb: wb["IKU"].merge_cells(f"{top}:{bottom}"))
    before = digest(path)
    for command in ("periksa", "hitung"):
        code, payload = _json(command, path)
        assert code == 2
        merged = [p for p in payload["masalah"] if p["sel"] == f"{top}:{bottom}"]
        assert merged and "digabung" in merged[0]["pesan"] and merged[0]["tingkat"] == "galat", payload["masalah"]
    assert digest(path) == before


def test_a_row_typed_after_a_long_blank_run_is_said(master: Path) -> None:
    far = 4 + 20 + BLANK_RUN + 10
    path = g.edit_copy(master, master.with_name("jauh.xlsx"), lambda wb: wb["IKU"].__setitem__(f"A{far}", "IKU-99"))
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0
    [notice] = [p for p in payload["masalah"] if p["sel"] == f"A{far}"]
    assert notice["tingkat"] == "catatan" and "berhenti di baris" in notice["pesan"]


def test_a_second_title_row_above_the_table_moves_nothing(master: Path) -> None:
    def change(wb: Any) -> None:
        ws = wb["IKU"]
        ws.insert_rows(1)
        ws["A1"] = "PEMERINTAH KABUPATEN LUMAJANG"
        table = _iku_table(wb)
        first, last = table.ref.split(":")
        shift = lambda a: a.rstrip("0123456789") + str(int(a[len(a.rstrip("0123456789")):]) + 1)  # noqa: E731
        table.ref = f"{shift(first)}:{shift(last)}"

    path = g.edit_copy(master, master.with_name("judul.xlsx"), change)
    code, payload = _json("hitung", path, "--periode", "TW3")
    assert code == 0 and len(payload["indikator"]) == 16


# --- item 7: what only the document needs -------------------------------------------------------


def _profil_cleared(master: Path, labels: dict[str, object]) -> Path:
    def change(wb: Any) -> None:
        for row in wb["Profil"].iter_rows():
            label = str(row[0].value or "").removesuffix(" *")
            if label in labels:
                row[1].value = labels[label]

    return g.edit_copy(master, master.with_name("profil.xlsx"), change)


DOCUMENT_ONLY = {"Alamat": None, "NIP Penandatangan": None, "Tempat Penandatanganan": None, "Nama Penandatangan": None}


@pytest.mark.parametrize("blank", [DOCUMENT_ONLY, {"NIP Penandatangan": "1977"},
                                   {"NIP Penandatangan": 197012181991011002}],  # fmt: skip
                         ids=["kosong", "nip-salah", "nip-angka"])
def test_document_data_blocks_the_documents_not_the_measuring(master: Path, tmp_path: Path, blank: dict[str, object]) -> None:
    path = _profil_cleared(master, blank)
    for command in ("periksa", "hitung"):
        code, payload = _json(command, path)
        assert code == 0, payload["masalah"]
        assert any(p["sheet"] == "Profil" and p["tingkat"] == "catatan" for p in payload["masalah"])
    before = digest(path)
    for command in ("laporan", "laporan-iki", "arsip"):
        out = tmp_path / f"keluar-{command}"
        run = cli(command, path, "--periode", "TW3", "--keluar", out)
        text = " ".join(run.output.split())
        assert run.code == 2 and "Traceback" not in run.output, run.output
        assert "Profil" in text and ("NIP" in text or "belum diisi" in text), text
        assert not out.exists() or not any(out.iterdir())
        assert digest(path) == before


def test_document_problems_is_one_reusable_rule(master: Path) -> None:
    from dataclasses import replace

    from xlwings_app.adapters.xlsx.reader import read_workbook
    from xlwings_app.domain.profil import DOCUMENT_FIELDS, document_problems
    from xlwings_app.sheets import layout as L

    labels = {f.key: f.label for f in L.layout().profil}
    assert all(labels[k] == v for k, v in DOCUMENT_FIELDS.items())  # the labels of sheet Profil
    profil = read_workbook(master).profil
    assert profil is not None and document_problems(profil) == []
    bad = replace(profil, tempat="", penandatangan=replace(profil.penandatangan, nip="123"))
    found = document_problems(bad, {"tempat": "B17"})
    assert [(p.kolom, p.sel) for p in found] == [("NIP Penandatangan", None), ("Tempat Penandatanganan", "B17")]
    assert all(p.is_error for p in found)


def test_baru_writes_the_year_it_promises(tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "baru.xlsx"
    assert cli("baru", path).code == 0
    code, payload = _json("periksa", path)
    assert not [p for p in payload["masalah"] if "Tahun" in p["pesan"]], payload["masalah"]
    tahun = next(r[1] for r in load_workbook(path)["Profil"].iter_rows(values_only=True) if r[0] == "Tahun *")
    assert int(tahun) == date.today().year


# --- item 6: a symlinked master; template and output folder ------------------------------------


def test_a_master_given_through_a_symlink_is_written_where_it_points(master: Path, tmp_path: Path) -> None:
    real = tmp_path / "data" / "induk-asli.xlsx"
    real.parent.mkdir()
    master.rename(real)
    link = tmp_path / "pintasan.xlsx"
    link.symlink_to(real)
    code, _ = _json("hitung", link, "--periode", "TW3")
    assert code == 0
    assert link.is_symlink() and link.resolve() == real
    assert "Hasil" in load_workbook(real, read_only=True).sheetnames
    assert (real.parent / "Cadangan Kinerja").is_dir() and not (tmp_path / "Cadangan Kinerja").exists()


@pytest.mark.parametrize("kind", ["hilang", "bukan-docx", "folder"])
@pytest.mark.parametrize("command", ["laporan", "laporan-iki"])
def test_a_bad_template_is_a_message_not_a_traceback(master: Path, tmp_path: Path, kind: str, command: str) -> None:
    template = tmp_path / "template.docx"
    if kind == "bukan-docx":
        template.write_text("bukan dokumen", encoding="utf-8")
    elif kind == "folder":
        template.mkdir()
    out = tmp_path / "keluar"
    before = digest(master)
    run = cli(command, master, "--periode", "TW3", "--template", template, "--keluar", out)
    text = " ".join(run.output.split())
    assert run.code == 2 and "Traceback" not in run.output, run.output
    assert "Template" in text and ("tidak ditemukan" in text or "bukan dokumen Word" in text), text
    assert not out.exists() and digest(master) == before


@pytest.mark.parametrize("kind", ["file", "di-bawah-file"])
@pytest.mark.parametrize("command", ["laporan", "laporan-iki", "arsip"])
def test_an_output_folder_that_is_a_file_is_a_message(master: Path, tmp_path: Path, kind: str, command: str) -> None:
    blocker = tmp_path / "hasil"
    blocker.write_text("x", encoding="utf-8")
    out = blocker if kind == "file" else blocker / "dokumen"
    before = digest(master)
    run = cli(command, master, "--periode", "TW3", "--keluar", out)
    text = " ".join(run.output.split())
    assert run.code == 2 and "Traceback" not in run.output and "Errno" not in run.output, run.output
    assert "bukan folder" in text and str(blocker) in text, text
    assert digest(master) == before and blocker.read_text(encoding="utf-8") == "x"


def test_an_output_folder_without_write_permission_is_a_message(master: Path, tmp_path: Path) -> None:
    from tests.corpus.harness import kinerja

    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        run = kinerja("laporan", master, "--periode", "TW3", "--keluar", locked / "dokumen", as_user=True)
    finally:
        locked.chmod(0o755)
    text = " ".join(run.output.split())
    assert run.code == 2 and "Traceback" not in run.output and "Errno" not in run.output, run.output
    assert "izin ditolak" in text and not (locked / "dokumen").exists(), text
