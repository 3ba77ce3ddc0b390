"""The LKE workbook, end to end on real files: built from a master, answered, built again, read back.

- a master built to meet the facts (every target, realisasi on target, IKI under IKU, budget, Renstra
  targets, the SOPs, TW1-TW3 sealed, last year's master with the same IKU) proposes Y or A where the
  example master (IKU-04 without triwulan targets, a TW II realisasi blank, budget on two IKU, no SOP,
  nothing sealed, last year's IKU under other codes) proposes T or less, with the archives as evidence;
- a person's override stays in Jawaban with the new proposal beside it, its note too; an invalid
  answer is a galat at its cell and is kept as typed;
- the register typed into sheet Rekomendasi proposes 4.c.1 and 4.c.2 and its problems are named;
- the summary document: refused as final while criteria are unanswered, the draft read back, the
  final of a fully answered LKE read back from its PDF; the evaluators' export one row per criterion;
- the ``kinerja lke`` commands: exit 0, and 2 for invalid answers, without a traceback.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.domain.lke.helpers import best
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.lke import fill_lke
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.samples import example
from xlwings_app.services import lke as service
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.contoh_kabupaten import seal
from xlwings_app.services.lke_dokumen import dokumen
from xlwings_app.services.workbook import create
from xlwings_app.sheets import lke as S
from xlwings_app.sheets import lke_register as R


def _met(i: Indicator) -> Indicator:
    tahunan = i.target_tahunan if i.target_tahunan is not None else Decimal(100)
    targets = tuple(t if t is not None else Decimal(10) for t in i.target_tw)
    iku = i.jenis is Jenis.IKU
    return replace(i, target_tahunan=tahunan, target_tw=targets, realisasi_tw=(*targets[:3], None),
                   batas_bawah=None, batas_atas=None, induk=i.induk or (None if iku else "IKU-01"),
                   pagu=Decimal(1000) if iku else None, realisasi_anggaran=Decimal(900) if iku else None,
                   target_akhir_renstra=tahunan if iku else None)  # fmt: skip


def _master(path: Path, indicators: list[Indicator]) -> Path:
    create(path, build_workbook(example.PROFIL, indicators, example.SETTINGS, spare_rows=2, pejabat=example.PEJABAT),
           overwrite=True)  # fmt: skip
    return path


@pytest.fixture(scope="module")
def example_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _master(tmp_path_factory.mktemp("contoh") / "induk.xlsx", list(example.INDICATORS))


@pytest.fixture(scope="module")
def met_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("terpenuhi")
    path = _master(folder / "induk.xlsx", [_met(i) for i in example.INDICATORS])
    list(sop_contoh(path))  # the SOPs of Perencanaan, Pengukuran and Pengumpulan Data
    for periode in (Periode.TW1, Periode.TW2, Periode.TW3):
        seal(path, periode, folder / "arsip")
    return path


def test_a_master_meeting_the_facts_proposes_y_and_the_example_t(example_master: Path, met_master: Path,
                                                                  tmp_path: Path) -> None:  # fmt: skip
    renamed = _master(tmp_path / "lain-2023.xlsx", [replace(i, kode=f"X{i.kode}") for i in example.INDICATORS])
    met = service.buat(met_master, lalu=met_master, keluar=tmp_path / "met.xlsx").proposals
    plain = service.buat(example_master, lalu=renamed, keluar=tmp_path / "plain.xlsx").proposals
    for cid in ("1.a.1", "1.a.5", "1.b.1", "2.a.1", "2.a.3", "2.b.4", "3.a.1", "3.a.2", "3.a.3"):
        assert (met[cid].answer, plain[cid].answer) == ("Y", "T"), (cid, met[cid].reason, plain[cid].reason)
    for cid, worse in (("1.b.6", "E"), ("1.c.3", "C"), ("1.c.4", "B"), ("2.c.8", "D"), ("3.b.4", "B"), ("3.b.8", "D")):
        assert (met[cid].answer, plain[cid].answer) == ("A", worse), (cid, met[cid].reason, plain[cid].reason)
    assert "3.a.6" in met and "3.a.6" not in plain  # a measured SOP cycle, or no SOP at all
    assert plain["1.a.4"].answer == "Y"  # IKU-08's range is its yearly target
    assert plain["1.a.5"].reason.endswith("tanpa target triwulan: IKU-04.")  # measured once a year
    assert plain["2.a.3"].reason.endswith("realisasi belum terisi: IKI-PMD-01.")  # TW II blank
    segel = load_workbook(met_master)["Segel"].iter_rows(values_only=True)
    codes = [row[1] for row in segel if row[1] and row[0] in ("TW1", "TW2", "TW3")]
    assert [e.verification_code for e in met["3.a.2"].evidence] == codes and len(codes) == 3
    bukti = load_workbook(tmp_path / "met.xlsx")[S.SHEET][S.rows_of(permenpanrb_88_2021()).cell("bukti", "3.a.2")].value
    assert all(f"(kode verifikasi {code})" in bukti for code in codes)
    rows = S.rows_of(permenpanrb_88_2021())
    ws = load_workbook(tmp_path / "plain.xlsx")[S.SHEET]
    assert ws[rows.cell("alasan", "4.a.1")].value.startswith("Tidak dapat dinilai dari data Kinerja")
    assert ws[rows.cell("usulan", "4.a.1")].value in (None, "")


def test_an_override_is_kept_beside_the_new_proposal(example_master: Path, tmp_path: Path) -> None:
    target = tmp_path / "lke.xlsx"
    first = service.buat(example_master, keluar=target)
    assert first.proposals["1.a.5"].answer == "T"
    fill_lke(target, {"1.a.5": "Y", "4.a.1": "ya", "2.b.6": "X"}, {"1.a.5": "IKU-04 dinilai setahun sekali."})
    again = service.buat(example_master, keluar=target)
    assert again.kept == 3
    hasil = service.hitung(target)
    assert hasil.person["1.a.5"] == "Y" and hasil.proposals["1.a.5"] == "T" and hasil.answers["1.a.5"] == "Y"
    assert hasil.answers["4.a.1"] == "Y" and hasil.rows["1.a.5"]["catatan"] == "IKU-04 dinilai setahun sekali."
    [bad] = hasil.errors
    rows = S.rows_of(permenpanrb_88_2021())
    assert (bad.sel, bad.sheet) == (rows.cell("jawaban", "2.b.6"), S.SHEET) and "harus Y atau T" in bad.pesan
    assert load_workbook(target)[S.SHEET][rows.cell("jawaban", "2.b.6")].value == "X"  # kept as typed
    assert hasil.answers["2.b.6"] is None  # counts 0 while invalid, as the sheet's formula gives it


def test_the_register_proposes_the_evaluasi_internal_criteria(example_master: Path, tmp_path: Path) -> None:
    target = tmp_path / "lke.xlsx"
    service.buat(example_master, keluar=target)
    fill_lke(target, register=[
        ["1", "LHE Inspektorat", 2023, "Susun Rencana Aksi.", "Camat Lumajang", None, "Disusun.", "PK 2024", "Sesuai"],
        ["2", "LHE Inspektorat", 2023, "Ukur IKI.", "Sekretaris Kecamatan", None, "", "", "Sesuai"],
        ["3", "Evaluasi internal", 2024, "Publikasikan PK.", "Sekretaris Kecamatan", None, "", "", "Belum ditindaklanjuti"],
        ["4", "LHE KemenPANRB", 2023, "Reviu IKU.", "Camat Lumajang", None, "", "", "Tidak dapat ditindaklanjuti"],
    ])  # fmt: skip
    made = service.buat(example_master, keluar=target)
    assert made.proposals["4.c.1"].answer == "C"  # 2 of 3 = 66,67 %
    assert made.proposals["4.c.1"].reason.startswith("2 dari 3 rekomendasi (66,67%) telah ditindaklanjuti")
    messages = [p.pesan for p in made.peringatan]
    assert "Rekomendasi 2: berstatus Sesuai tetapi tindak lanjutnya kosong; uraikan tindak lanjut yang dilakukan." in messages
    register, _ = R.read_register(list(enumerate(load_workbook(target)[R.SHEET_REKOMENDASI].iter_rows(values_only=True),
                                                 start=1)))  # fmt: skip
    assert [r.nomor for r in register] == ["1", "2", "3", "4"]  # the register is written back


def test_documents_draft_final_and_export(example_master: Path, tmp_path: Path) -> None:
    target = tmp_path / "lke.xlsx"
    service.buat(example_master, keluar=target)
    with pytest.raises(service.LkeDitolak, match="kriteria belum dijawab"):
        dokumen(example_master, target, final=True, out_dir=tmp_path)
    draft = dokumen(example_master, target, out_dir=tmp_path)
    doc = Document(str(draft.docx))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "DRAF" in Document(str(draft.docx)).sections[0].header.paragraphs[0].text
    assert "kriteria belum dijawab" in text
    lke = permenpanrb_88_2021()
    fill_lke(target, best(lke))
    final = dokumen(example_master, target, final=True, out_dir=tmp_path, pdf=True)
    assert final.pdf is not None
    pdf = subprocess.run(["pdftotext", "-layout", str(final.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nilai akhir evaluasi AKIP mandiri" in pdf and "100,00" in pdf and "AA (Sangat Memuaskan)" in pdf
    assert "DRAF" not in pdf and f"Kode verifikasi: {final.kode_verifikasi}" in pdf and "Camat Lumajang" in pdf
    exported = load_workbook(service.ekspor(target, tmp_path / "ekspor.xlsx")).active
    rows = list(exported.iter_rows(min_row=2, max_row=81, values_only=True))
    assert [r[3] for r in rows] == [c.id for c in lke.criteria()]
    assert {r[6] for r in rows} <= {"Y", "A"}
    by_id = {r[3]: r for r in rows}
    assert (by_id["1.a.1"][7], by_id["1.b.1"][7], by_id["3.b.1"][7]) == (1, 0.82, 0.5)  # 6/6, 9/11, 4,5/9
    totals = {r[4]: r[7] for r in exported.iter_rows(min_row=82, values_only=True) if r[4]}
    assert totals["Nilai Akhir"] == 100 and totals["Predikat"] == "AA (Sangat Memuaskan)"


def test_the_commands(example_master: Path, tmp_path: Path) -> None:
    target = tmp_path / "lke.xlsx"
    made = CliRunner().invoke(app, ["lke", "buat", str(example_master), "--keluar", str(target)])
    assert made.exit_code == 0, made.output
    assert "Usulan Kinerja: 21 kriteria" in made.output
    counted = CliRunner().invoke(app, ["lke", "hitung", str(target)])
    assert counted.exit_code == 0 and "Nilai akhir: 9,90, predikat D (Sangat Kurang)" in counted.output
    fill_lke(target, {"1.a.2": "Q"})
    refused = CliRunner().invoke(app, ["lke", "hitung", str(target)])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    final = CliRunner().invoke(app, ["lke", "dokumen", str(example_master), "--lke", str(target), "--final"])
    assert final.exit_code == 2 and "Gagal" in final.output
