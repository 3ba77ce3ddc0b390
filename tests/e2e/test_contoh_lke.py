"""The demo's AKIP self-evaluation (``kinerja contoh``, last step): the example unit's LKE, end to end.

On the example workbook with its SOPs (as ``kinerja contoh`` makes it): TW1-TW3 are sealed, the LKE
holds Kinerja's proposals, the team's answers and overrides (proposal kept beside), the register and
the Rencana Aksi carried out; nothing breaks the kerangka logis; the final summary's PDF is read
back: its total, predikat and every bukti dukung matched with a seal.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.samples import example, example_lke
from xlwings_app.services.contoh import EXAMPLE_NAME, sop_contoh
from xlwings_app.services.lke import hitung
from xlwings_app.services.lke_contoh import contoh
from xlwings_app.sheets import lke as S


@pytest.mark.libreoffice
def test_the_demo_makes_the_example_units_lke(tmp_path: Path) -> None:
    path = tmp_path / EXAMPLE_NAME
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=10,
                   pejabat=example.PEJABAT).save(path)  # fmt: skip
    list(sop_contoh(path))
    lines = list(contoh(path, tmp_path / "lke"))
    assert [line.split(":")[0] for line in lines[:3]] == ["Arsip TW1 disegel", "Arsip TW2 disegel", "Arsip TW3 disegel"]
    target = tmp_path / "lke" / f"LKE 2024 - {path.stem}.xlsx"
    hasil = hitung(target)
    assert hasil.problems == []  # no invalid answer, no kerangka logis breach, a clean register
    assert hasil.score.unanswered == () and (str(hasil.score.total), hasil.score.predikat.kode) == ("69.75", "B")
    assert "nilai 69,75, predikat B (Baik)" in lines[4]
    assert (hasil.person["1.a.4"], hasil.proposals["1.a.4"]) == ("Y", "Y")  # confirmed
    for cid in ("1.a.5", "2.a.3", "2.b.4"):  # overridden: the team's Y beside Kinerja's T
        assert (hasil.person[cid], hasil.proposals[cid]) == ("Y", "T"), cid
        assert hasil.rows[cid]["catatan"] == example_lke.CATATAN[cid]
    assert (hasil.proposals["4.c.1"], hasil.proposals["4.c.2"], hasil.proposals["2.c.6"]) == ("B", "B", "B")
    assert hasil.proposals["1.a.1"] == "Y" and hasil.proposals["2.a.1"] == "Y"  # the SOPs of the workbook
    assert hasil.answers["3.a.6"] == "T" and "TW3: 3,4 hari kerja dari standar 2,3 hari kerja (terlambat)" in (
        hasil.rows["3.a.6"]["alasan"]
    )  # the step log's TW III cycle ran past the SOP's standard
    status = load_workbook(target)[S.SHEET][S.rows_of(permenpanrb_88_2021()).cell("status", "1.a.4")].value
    assert status is not None  # a formula, computed when opened
    pdf = tmp_path / "lke" / "Evaluasi_AKIP_Mandiri_2024_Final.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "69,75" in text and "B (Baik)" in text and "DRAF" not in text
    assert text.count("cocok") == 3 and "TIDAK ditemukan" not in text  # one row per archive
    assert (tmp_path / "lke" / f"LKE 2024 - {path.stem} - ekspor evaluator.xlsx").is_file()
