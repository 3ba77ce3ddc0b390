"""The officials printed in a final IKI document pass the checks ``laporan`` applies to its signer
(defect 19 of the third probe): an invalid NIP, a NIP stored as a number, a jabatan written twice in
sheet Pejabat refuse ``laporan-iki`` and ``perjanjian --iki`` (a draft is made, with the notes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.reliability.conftest import files_of, kinerja
from xlwings_app.samples import example
from xlwings_app.sheets.layout import layout

OFFICIAL = example.KASI_PEM


def edit_pejabat(master: Path, how: str) -> str:
    """Break the row of ``OFFICIAL`` in sheet Pejabat; return the cell broken."""
    spec = layout().pejabat
    assert spec is not None
    wb = load_workbook(master)
    ws = wb[spec.sheet]
    header = next(r for r in ws.iter_rows() if any(c.value == "Jabatan" for c in r))
    col = {c.value: c.column for c in header}
    row = next(r[0].row for r in ws.iter_rows(min_row=header[0].row + 1)
               if r[col["Jabatan"] - 1].value == OFFICIAL)
    nip = ws.cell(row, col["NIP"])
    if how == "nip_salah":
        nip.value = "19701318 199101 1 002"  # month 13
    elif how == "nip_angka":
        nip.value = 197012181991011002
        nip.number_format = "0"
    else:  # the jabatan written twice: a second row below the table, another name
        last = max(r[0].row for r in ws.iter_rows() if any(c.value for c in r))
        ws.cell(last + 1, col["Jabatan"]).value = OFFICIAL
        ws.cell(last + 1, col["Nama"]).value = "ORANG LAIN, S.Sos."
        ws.cell(last + 1, col["NIP"]).value = "19800101 200501 1 001"
        nip = ws.cell(last + 1, col["Jabatan"])
    wb.save(master)
    return nip.coordinate


COMMANDS = [("laporan-iki", "-p", "TW2"), ("perjanjian", "--iki")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("how", ["nip_salah", "nip_angka", "jabatan_ganda"])
def test_a_final_iki_document_refuses_a_bad_pejabat_row(master: Path, tmp_path: Path, how: str,
                                                        command: tuple[str, ...]) -> None:
    cell = edit_pejabat(master, how)
    out = tmp_path / "hasil"
    run = kinerja(command[0], master, *command[1:], "--keluar", out)
    assert run.exit_code == 2, run.output
    assert "Pejabat" in run.output and cell in run.output
    assert not out.exists() or files_of(out) == {}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_draft_is_made_with_the_pejabat_notes(master: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    cell = edit_pejabat(master, "nip_salah")
    run = kinerja(command[0], master, *command[1:], "--draf", "--keluar", tmp_path / "hasil")
    assert run.exit_code == 0, run.output
    assert cell in run.output
    assert list((tmp_path / "hasil").glob("*_DRAF.docx"))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_clean_pejabat_sheet_makes_the_final_documents(master: Path, tmp_path: Path,
                                                         command: tuple[str, ...]) -> None:
    run = kinerja(command[0], master, *command[1:], "--keluar", tmp_path / "hasil")
    assert run.exit_code == 0, run.output
