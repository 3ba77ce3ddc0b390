"""A unit that is not the example: Kecamatan Sumbersari, Kabupaten Jember, with its own officials and the
three SOPs the documentation recommends (Pengukuran, Perencanaan, Pengumpulan Data), added from the
Lumajang presets. It plays TW III as the office does (the workbook saved again by LibreOffice): forms
handed out and returned, the rekap, the signed documents, the collection report, the archive, and the
Laporan Kepatuhan Waktu SOP for the Sekretaris. It checks that:
- every SOP whose step an action performs gets its log stamped (the Pengumpulan Data log too), each
  automatic row's Pelaksana the official of sheet Pejabat holding the step's role;
- Kinerja's stamps mark when a step was done, never a duration: a step both of whose ends Kinerja
  stamped is "Dicatat Otomatis", seed 000 step 5 "(4 hari)" is never "done in 0 menit";
- the signed documents carry no SOP timing; the SOP report does, standards as the SOP states them;
- nothing of the Lumajang presets (offices, officials, NIPs, Nomor SOP, regional regulations) appears
  in any of the unit's documents or SOP sheets.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.services.sop.helpers import libreoffice_resave
from tests.services.sop.test_laporan_sop import docx_text
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
from xlwings_app.adapters.xlsx.reader import read_sop_workbook
from xlwings_app.cli import app
from xlwings_app.domain.profil import Pejabat
from xlwings_app.samples import example
from xlwings_app.sheets.sop_layout import SopPlace

runner = CliRunner()
PROFIL = {
    "kabupaten": "Kabupaten Jember", "unit": "Kecamatan Sumbersari",
    "alamat": "Jl. Letjen Panjaitan No. 40, Sumbersari, Jember 68121", "telepon": "(0331) 337512",
    "email": "kec.sumbersari@jemberkab.go.id", "tahun": 2024, "ttd_status": "", "ttd_jabatan": "Camat Sumbersari",
    "ttd_nama": "Drs. HARI PURNOMO, M.Si.", "ttd_pangkat": "Pembina Tingkat I (IV/b)", "ttd_nip": "19720315 199803 1 007",
    "pengelola_jabatan": "Kasubag Keuangan", "pengelola_nama": "DEWI LESTARI, S.E.",
    "pengelola_nip": "19850203 201001 2 014", "tempat": "Jember", "tanggal_ttd": dt.date(2024, 10, 7),
    "tanggal_rencana": dt.date(2024, 1, 22), "kd_jabatan": "Bupati Jember", "kd_nama": "Ir. H. AGUS PRASETYO, M.M.",
}  # fmt: skip
PEJABAT = (
    Pejabat("Camat", "Drs. HARI PURNOMO, M.Si.", "Pembina Tingkat I (IV/b)", "19720315 199803 1 007"),
    Pejabat("Sekretaris Camat", "ANDI SETIAWAN, S.STP.", "Pembina (IV/a)", "19800611 200212 1 004"),
    Pejabat("Kasubag Umum dan Kepegawaian", "LINDA KUSUMA, S.AP.", "Penata (III/c)", "19870910 201001 2 006"),
    Pejabat("Kasubag Keuangan", "DEWI LESTARI, S.E.", "Penata Tingkat I (III/d)", "19850203 201001 2 014"),
    Pejabat("Kasi Pemerintahan", "RUDI HARTONO, S.H.", "Penata (III/c)", "19860121 201001 1 003"),
    Pejabat("Kasi Pelayanan Umum", "SRI WAHYUNI, S.Sos.", "Penata (III/c)", "19880417 201101 2 005"),
    Pejabat("Kasi Pemberdayaan Masyarakat", "FAJAR NUGROHO, S.IP.", "Penata (III/c)", "19890302 201101 1 002"),
    Pejabat("Kasi Ketenteraman dan Ketertiban Umum", "BAYU SAPUTRA, S.H.", "Penata (III/c)", "19840725 200901 1 008"),
)
SOPS = (("pengukuran-lumajang", "TW3"), ("perencanaan-lumajang", "2024"), ("pengumpulan-data-tim-sakip", "TW2"))
LUMAJANG = ("Lumajang", "LUMAJANG", "Sumbersuko", "Senduro", "Kunir", "427.90", "427.50", "Rosyadi", "DEDWI",
            "MUSTAQIM", "19770309", "19701218", "19840518", "Peraturan Bupati", "Peraturan Daerah")  # fmt: skip


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def lumajang_in(text: str) -> list[str]:
    return [name for name in LUMAJANG if name in text]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """TW III of Kecamatan Sumbersari, played through the commands; the folders it left."""
    root = tmp_path_factory.mktemp("sumbersari")
    path = root / "Kinerja Sumbersari 2024.xlsx"
    build_workbook(PROFIL, example.INDICATORS, example.SETTINGS, pejabat=PEJABAT).save(path)
    for preset_id, periode in SOPS:  # the presets are added to a workbook whose Profil names the unit
        ok("sop", "mulai", str(path), "--periode", periode, "--sop", preset_id)
    libreoffice_resave(path, root)
    forms, docs = root / "Formulir TW3", root / "dokumen"
    ok("formulir", str(path), "--periode", "TW3", "--keluar", str(forms))
    for n, form in enumerate(sorted(forms.glob("Formulir TW3 - *.xlsx"))):
        pj = form.stem.removeprefix("Formulir TW3 - ")
        fill_form(form, {i.kode: {"r3": i.target_tw[2], "permasalahan": f"Permasalahan TW III {i.kode}.",
                                  "rencana_aksi": f"Rencana aksi TW III {i.kode}."}  # the period's own analysis
                         for i in example.INDICATORS
                         if i.penanggung_jawab == pj and i.target_tw[2] is not None})  # fmt: skip
        set_status(form, "Final")
        if n == 0:
            libreoffice_resave(form, root)  # one Kasi works in LibreOffice
    ok("rekap", str(path), str(forms), "--periode", "TW3")
    ok("laporan", str(path), "--periode", "TW3", "--pdf", "--keluar", str(docs))
    ok("rencana", str(path), "--keluar", str(docs))
    ok("perjanjian", str(path), "--keluar", str(docs))
    ok("laporan-pengumpulan", str(path), str(forms), "--periode", "TW3", "--keluar", str(docs))
    ok("laporan-pengumpulan", str(path), str(forms), "--periode", "TW3", "--final", "--keluar", str(docs))
    ok("arsip", str(path), "--periode", "TW3", "--keluar", str(root / "arsip"), "--dokumen", str(docs))
    return {"path": path, "docs": docs, "root": root}


@pytest.mark.libreoffice
def test_every_sop_with_the_step_has_its_log_filled_with_the_officials(year: dict[str, Path]) -> None:
    path = year["path"]
    pengukuran = {e.langkah: e for e in read_sop_workbook(path).entries if e.periode == "TW3"}
    kumpul = {e.langkah: e for e in read_sop_workbook(path, SopPlace("Pengumpulan Data")).entries
              if e.periode == "TW3"}  # fmt: skip
    plan = read_sop_workbook(path, SopPlace("Perencanaan")).entries
    # seed 000 step 5 (4 hari): begun when the forms went out, ended at the rekap; step 6 the document
    step5 = pengukuran[5]
    assert "kinerja formulir) pada Mulai" in step5.catatan and "kinerja rekap) pada Selesai" in step5.catatan
    assert step5.pelaksana == "DEWI LESTARI, S.E."  # the Kasubbag Keuangan of sheet Pejabat
    assert "kinerja laporan) pada Mulai dan Selesai" in pengukuran[6].catatan and pengukuran[6].pelaksana == ""
    # the Pengumpulan Data log, opened by the forms: 6 handed out, 7 returned, 8 rekap, 9-10 report, 12 archive
    stamped = {no for no, e in kumpul.items() if "Dicatat otomatis" in e.catatan}
    assert stamped == {6, 7, 8, 9, 10, 12}
    assert kumpul[6].pelaksana == "DEWI LESTARI, S.E." and kumpul[10].pelaksana == "ANDI SETIAWAN, S.STP."
    assert kumpul[12].pelaksana == ""  # Staf: no official of sheet Pejabat holds it
    assert all(e.periode == "2024" for e in plan)  # the yearly SOP is never stamped by a quarterly action

    measured = ok("sop", "periksa", str(path), "--periode", "TW3", "--json")
    import json

    runs = {r["sop"]: {x["langkah"]: x for x in r["periode"][0]["langkah"]} for r in json.loads(measured)["semua"]
            if r["periode"]}  # fmt: skip
    step5_run = runs["Prosedur Penyusunan Pengukuran Kinerja"][5]
    assert step5_run["status"] == "Dicatat Otomatis" and step5_run["aktual_menit"] is None
    assert step5_run["waktu_sop"] == "4 hari"
    assert runs["Pengumpulan Data Kinerja"][7]["status"] == "Tepat Waktu"  # the forms' own times: measured


@pytest.mark.libreoffice
def test_the_signed_documents_carry_no_sop_timing_and_the_report_does(year: dict[str, Path]) -> None:
    path, docs = year["path"], year["docs"]
    signed = pdf_text(docs / "Pengukuran_Kinerja_2024_TW3.pdf")
    assert "KEPATUHAN" not in signed and "Belum Dimulai" not in signed
    refused = runner.invoke(app, ["sop", "laporan", str(path), "--periode", "TW3", "--keluar", str(docs)])
    assert refused.exit_code == 2 and "Laporan final tidak dibuat" in refused.output
    ok("sop", "laporan", str(path), "--periode", "TW3", "--draf", "--pdf", "--keluar", str(docs),
       "--tanggal", "14 Oktober 2024")  # fmt: skip
    report = pdf_text(docs / "Laporan_Kepatuhan_Waktu_SOP_2024_TW3_DRAF.pdf")
    flat = " ".join(report.split())
    assert "LAPORAN KEPATUHAN WAKTU SOP" in flat and "KECAMATAN SUMBERSARI" in flat
    assert "1. SOP Prosedur Penyusunan Pengukuran Kinerja" in flat and "2. SOP Pengumpulan Data Kinerja" in flat
    assert "4 hari" in flat and "Dicatat Otomatis" in flat and "waktu kerja tidak diukur" in flat
    assert "Jember, 14 Oktober 2024" in flat and "DEWI LESTARI, S.E." in flat  # from the Pengelola
    assert "Kepada Yth." in flat and ": Sekretaris Camat" in flat


@pytest.mark.libreoffice
def test_nothing_of_the_lumajang_presets_is_in_the_units_documents(year: dict[str, Path]) -> None:
    test_the_signed_documents_carry_no_sop_timing_and_the_report_does(year)  # the SOP report is made
    docs, root = year["docs"], year["root"]
    documents = sorted(docs.glob("*.docx"))
    names = {d.name for d in documents}
    assert {"Pengukuran_Kinerja_2024_TW3.docx", "Rencana_Kinerja_2024.docx", "Perjanjian_Kinerja_2024.docx",
            "Laporan_Pengumpulan_Data_2024_TW3_Draf.docx", "Laporan_Pengumpulan_Data_2024_TW3_Final.docx",
            "Laporan_Kepatuhan_Waktu_SOP_2024_TW3_DRAF.docx"} <= names  # fmt: skip
    for document in documents:
        assert lumajang_in(docx_text(document)) == [], document.name
    for pdf in docs.glob("*.pdf"):
        assert lumajang_in(pdf_text(pdf)) == [], pdf.name
    [archive] = (root / "arsip").glob("*.zip")
    with zipfile.ZipFile(archive) as z:
        archived = next(n for n in z.namelist() if n.endswith(".docx"))
        (root / "arsip.docx").write_bytes(z.read(archived))
    assert lumajang_in(docx_text(root / "arsip.docx")) == []
    from openpyxl import load_workbook

    wb = load_workbook(year["path"])
    for name in ("SOP", "SOP Perencanaan", "SOP Pengumpulan Data", "Log Langkah", "Log Pengumpulan Data"):
        cells = [str(c.value) for row in wb[name].iter_rows(min_row=4) for c in row if c.value is not None]
        assert lumajang_in("\n".join(cells)) == [], name
