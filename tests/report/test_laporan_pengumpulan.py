"""The Laporan Hasil Pengumpulan Data Kinerja read back: forms in, forms missing, changes, blanks."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from tests.forms.conftest import TW4
from tests.forms.test_log_otomatis import _minute, _runs, _set_status, _with_sop
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.form_fill import fill_form
from xlwings_app.adapters.xlsx.reader import read_riwayat
from xlwings_app.cli import app
from xlwings_app.report.pengumpulan import Nota
from xlwings_app.samples import example
from xlwings_app.services.formulir import formulir
from xlwings_app.services.laporan_pengumpulan import laporan_pengumpulan
from xlwings_app.services.rekap import rekap


def _by_pj(pj: str) -> list[str]:
    return [i.kode for i in example.INDICATORS if i.penanggung_jawab == pj]


@pytest.fixture
def collected(tmp_path: Path) -> tuple[Path, Path, list[str], list[str]]:
    """TW4: five forms come back (one still Draf), three never do; rekap run. (master, folder, sent, missing)"""
    master = tmp_path / "induk.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=3, pejabat=example.PEJABAT).save(master)
    _with_sop(master)
    folder = tmp_path / "Formulir TW4"
    forms = {pj: Path(where) for pj, where, _ in formulir(master, folder, TW4).formulir}
    sent, missing = list(forms)[:5], list(forms)[5:]
    for n, pj in enumerate(sent):
        kodes = _by_pj(pj)
        fill_form(forms[pj], {kodes[0]: {"r4": 90 + n, "permasalahan": f"Catatan {pj}"}})
        _set_status(forms[pj], "Draf" if n == 2 else "Final", datetime.now())
    for pj in missing:
        forms[pj].unlink()
    assert rekap(master, [folder], TW4).ditulis
    return master, folder, sent, missing


def _text(docx: Path) -> str:
    doc = Document(str(docx))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def test_the_draft_names_who_sent_what_who_is_missing_every_change_and_the_blanks(collected) -> None:
    master, folder, sent, missing = collected
    before = datetime.now()
    result = laporan_pengumpulan(master, [folder], TW4)
    assert result.docx.name == "Laporan_Pengumpulan_Data_2024_TW4_Draf.docx"
    h = result.hasil
    assert [d.penanggung_jawab for d in h.diterima] == sorted(sent, key=lambda pj: f"Formulir TW4 - {pj}.xlsx")
    assert [d.status for d in h.diterima].count("Draf") == 1
    assert [pj for pj, _ in h.belum_masuk] == missing
    riwayat, _ = read_riwayat(master)
    assert len(h.perubahan) == len(riwayat) == 2 * len(sent)  # realisasi and permasalahan of each
    blank = {i.kode for i in example.INDICATORS} - {_by_pj(pj)[0] for pj in sent}
    assert {k.kode for k in h.kosong} == blank
    text = _text(result.docx)
    assert "NOTA DINAS" in text and "DRAF" in text  # the report is sent as a nota dinas
    for line in ("Tanggal : ", f"Nomor : {'.' * 40}", "Sifat : Biasa", "Lampiran : -",
                 "Hal : Laporan Hasil Pengumpulan Data Kinerja Triwulan IV Tahun 2024"):
        assert line in text, line
    assert "LEMBAR DISPOSISI" not in text  # the disposition goes with the final, to the Camat
    for pj in missing:
        assert pj in text and ", ".join(_by_pj(pj)) in text
    for entry in riwayat:
        assert entry.kode in text and entry.sumber in text
    assert f"Catatan {sent[0]}" in text and f"{len(sent)} (Final 4, Draf 1)" in text
    tim = example.PEJABAT[3]  # the Kasubag Keuangan, the Profil's pengelola, leads the Tim SAKIP
    assert "Ketua Tim SAKIP" in text and tim.nama in text and "Kepada Yth. : Sekretaris Camat" in text
    step9 = _runs(master)[9][0]
    assert step9.catatan == f"Dicatat otomatis (kinerja laporan-pengumpulan, draf) pada Mulai dan Selesai: {result.docx.name}"
    assert isinstance(step9.mulai, datetime) and _minute(before) <= step9.mulai <= datetime.now()


@pytest.mark.libreoffice
def test_the_final_pdf_goes_to_the_camat_with_a_lembar_disposisi(collected) -> None:
    master, folder, _sent, missing = collected
    nota = Nota("005/117/427.90/2024", "Segera", "1 (satu) berkas")
    result = laporan_pengumpulan(master, [folder], TW4, final=True, pdf=True, tanggal=date(2025, 1, 6), nota=nota)
    assert result.pdf is not None and result.pdf.name == "Laporan_Pengumpulan_Data_2024_TW4_Final.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")  # fmt: skip
    first = " ".join(pages[0].split())
    assert "Kepada Yth. : Camat Lumajang" in first and "DRAF" not in first
    for line in ("NOTA DINAS", "Tanggal : 6 Januari 2025", "Nomor : 005/117/427.90/2024", "Sifat : Segera",
                 "Lampiran : 1 (satu) berkas", "Hal : Laporan Hasil Pengumpulan Data Kinerja Triwulan IV Tahun 2024"):
        assert line in first, line
    last = " ".join([p for p in pages if p.strip()][-1].split())
    for label in ("LEMBAR DISPOSISI", "Surat dari:", "Kepada: Camat Lumajang", "Isi Disposisi:",
                  "Diteruskan kepada:", "Tanggal:", "Paraf:", "Perihal: Laporan Hasil Pengumpulan Data Kinerja"):
        assert label in last, label
    whole = " ".join(" ".join(pages).split())
    assert "Sekretaris Camat" in whole and example.PEJABAT[1].nama in whole  # signed by the Sekretaris
    assert all(pj in whole for pj in missing)
    assert _runs(master)[10][0].catatan.startswith("Dicatat otomatis (kinerja laporan-pengumpulan --final)")


def test_forms_not_yet_in_the_master_are_refused_with_exit_2(collected) -> None:
    master, folder, _sent, missing = collected
    late = folder / f"Formulir TW4 - {missing[0]}.xlsx"
    formulir(master, folder.parent / "ulang", TW4)
    (folder.parent / "ulang" / late.name).rename(late)
    fill_form(late, {_by_pj(missing[0])[0]: {"r4": 5}})
    before = master.read_bytes()
    run = CliRunner().invoke(app, ["laporan-pengumpulan", str(master), str(folder), "--periode", "TW4"])
    assert run.exit_code == 2, run.output
    assert "belum masuk ke workbook induk" in run.output and "kinerja rekap" in run.output
    assert master.read_bytes() == before and not list(master.parent.glob("Laporan_Pengumpulan*"))


def test_the_command_line_makes_both_papers(collected, tmp_path: Path) -> None:
    master, folder, _sent, _missing = collected
    run = CliRunner().invoke(app, ["laporan-pengumpulan", str(master), str(folder), "-p", "TW4", "-k", str(tmp_path / "o")])
    assert run.exit_code == 0, run.output
    assert "5 formulir masuk, 3 belum masuk, 10 perubahan" in run.output
    assert (tmp_path / "o" / "Laporan_Pengumpulan_Data_2024_TW4_Draf.docx").exists()
    (folder / "Tanda Terima Formulir TW4.xlsx").unlink()
    run = CliRunner().invoke(app, ["tanda-terima", str(master), str(folder), "-p", "TW4"])
    assert run.exit_code == 0, run.output
    assert (folder / "Tanda Terima Formulir TW4.xlsx").exists()


def test_a_sekretaris_without_a_name_signs_on_a_dotted_line() -> None:
    from dataclasses import replace

    from xlwings_app.domain.profil import Pejabat
    from xlwings_app.samples.contoh import PROFIL
    from xlwings_app.services.laporan_pengumpulan import UNSIGNED, sekretaris

    assert sekretaris(replace(PROFIL, pejabat=(Pejabat("Sekretaris Kecamatan", "AGUS"),))).nama == "AGUS"
    assert sekretaris(replace(PROFIL, pejabat=(Pejabat("Sekretaris Kecamatan", ""),))).nama == UNSIGNED
    assert sekretaris(replace(PROFIL, pejabat=())).jabatan == f"Sekretaris {PROFIL.unit}"
