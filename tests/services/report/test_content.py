"""What a kecamatan's Pengukuran Kinerja carries, read back from the example's PDF (pdftotext)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest

from xlwings_app.adapters.documents.lambang_contoh import FILE_NAME, placeholder_png
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import Hasil, Status, measure_all
from xlwings_app.domain.progres import periode_lalu, progres_tahunan, tren
from xlwings_app.domain.settings import DEFAULT_SCALE, Settings
from xlwings_app.report import kalimat
from xlwings_app.samples import example
from xlwings_app.services.laporan import Laporan, laporan


def flat(text: str) -> str:
    return re.sub(r"-\s+(?=\w)", "-", re.sub(r"\s+", " ", text))


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> tuple[Laporan, list[str]]:
    folder = tmp_path_factory.mktemp("contoh")
    path = folder / "kinerja.xlsx"
    profil = {**example.PROFIL, "lambang": FILE_NAME}
    build_workbook(profil, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    (folder / FILE_NAME).write_bytes(placeholder_png())
    doc = laporan(path, folder / "out", Periode.TW3, pdf=True)
    assert doc.pdf is not None
    text = subprocess.run(["pdftotext", str(doc.pdf), "-"], capture_output=True, text=True, check=True).stdout
    return doc, text.split("\f")[:-1]


@pytest.fixture(scope="module")
def layout_text(document: tuple[Laporan, list[str]]) -> str:
    """The PDF as pdftotext -layout reads it: a table row's cells on one line."""
    return subprocess.run(["pdftotext", "-layout", str(document[0].pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


pdf = pytest.mark.libreoffice


@pdf
def test_the_example_is_final_dated_and_has_its_lambang(document: tuple[Laporan, list[str]]) -> None:
    doc, pages = document
    assert doc.peringatan == [] and not doc.draf
    assert "Lumajang, 7 Oktober 2024" in " ".join(pages)
    images = subprocess.run(["pdfimages", "-list", str(doc.pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) >= 2 and images[0].split()[0] == "1"  # the lambang on page 1, then the chart


@pdf
def test_the_table_has_a_kode_column_matching_the_chart_and_prints_a_range(layout_text: str) -> None:
    table = layout_text.split("Skala predikat:")[0]
    codes = [i.kode for i in example.INDICATORS if i.jenis is example.IKU]
    assert "Kode" in table and all(code in table for code in codes)
    assert [c for c in re.findall(r"IKU-\d\d", table)] == codes  # one row each, in order
    assert re.search(r"IKU-08\s+Indeks keberdayaan.*\s80–90\s+92\s+102,22", table)  # a range target


@pdf
def test_the_summary_counts_every_indicator_and_names_the_few(document) -> None:
    text = flat(" ".join(document[1]))
    assert ("Dari 8 indikator kinerja, 5 indikator mencapai target, 2 indikator belum mencapai target "
            "(IKU-05 dan IKU-07), dan 1 indikator tidak memiliki target pada periode ini (IKU-04). Rata-rata capaian "
            "83,73% dari 7 indikator yang capaiannya dapat dihitung.") in text


@pdf
def test_a_line_states_the_predikat_scale(document) -> None:
    lines = [line for page in document[1] for line in page.splitlines() if line.startswith("Skala predikat:")]
    assert lines and "≥ 91 Sangat Tinggi" in lines[0]
    text = flat(" ".join(document[1]))
    assert "76 – < 91 Tinggi" in text and "< 51 Sangat Rendah" in text
    assert "target tercapai bila capaian ≥ 100%" in text


@pdf
def test_a_cumulative_period_shows_the_yearly_target_and_the_progress(document, layout_text: str) -> None:
    assert "Kemajuan terhadap Target Tahunan" in flat(" ".join(document[1]))
    rows = layout_text.split("Kemajuan terhadap Target Tahunan")[1]
    assert re.search(r"IKU-05\s+Jumlah dokumen perencanaan.*\sdokumen\s+6\s+3\s+50,00\s+Jumlah", rows)
    assert re.search(r"IKU-06\s+Jumlah pelanggaran ketertiban\s+kasus\s+40\s+29\s+72,50\s+Jumlah", rows)
    assert re.search(r"IKU-01\s+Indeks Kepuasan.*\s82\s+83,1\s+101,34\s+Akhir", rows)


@pdf
def test_the_lampiran_prints_realisasi_per_triwulan(document) -> None:
    [annex] = [page for page in document[1] if "LAMPIRAN: REALISASI PER TRIWULAN" in page]
    text = flat(annex)
    for cell in ("80 / 81,2", "81 / 82,4", "81,5 / 83,1", "82 / –", "10 / 12", "80–90 / 92"):
        assert cell in text


@pdf
def test_the_analysis_compares_with_the_previous_period_and_names_the_furthest(document, layout_text) -> None:
    text = flat(" ".join(document[1]))
    assert ("Dibanding periode s.d. Triwulan II, capaian naik pada 5 indikator dan turun pada 2 indikator "
            "(IKU-05 dan IKU-07).") in text
    assert "Satu indikator belum dapat dibandingkan" in text
    assert ("Indikator terjauh dari target: IKU-07 Jumlah konflik sosial yang tidak tertangani (capaian "
            "0,00%), rencana aksi: Mediasi lanjutan") in text
    assert "IKU-05 Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu (capaian 75,00%)" in text
    assert re.search(r"1\s+IKU-05\s+Jumlah\b.*\s75,00\s+100,00 ", layout_text)
    assert layout_text.count("(turun)") == 2  # both were met at s.d. TW II


def measured(*statuses: Status) -> list[Hasil]:
    base = measure_all(example.INDICATORS[:1], Periode.TW3, example.SETTINGS)[0]
    return [replace(base, indicator=replace(base.indicator, kode=f"K-{n}"), status=s)
            for n, s in enumerate(statuses, 1)]


def test_counts_read_naturally_for_none_one_and_many() -> None:
    T, U, B = Status.TERCAPAI, Status.TIDAK_TERCAPAI, Status.BELUM_DIISI
    assert kalimat.ringkasan([], "indikator kinerja", None) == "Tidak ada indikator kinerja pada periode ini."
    one = kalimat.ringkasan(measured(U), "indikator kinerja individu", Decimal("75"))
    assert one.startswith("Satu indikator kinerja individu diukur pada periode ini, K-1 ")
    assert "yang belum mencapai target" in one and " 0 " not in one
    assert kalimat.ringkasan(measured(T, T), "indikator kinerja", None) == "Seluruh 2 indikator kinerja mencapai target."
    many = kalimat.ringkasan(measured(T, T, T, T, U, U, U, U, B), "indikator kinerja", None)
    assert many == ("Dari 9 indikator kinerja, 4 indikator mencapai target, 4 indikator belum mencapai target, "
                    "dan 1 indikator belum diisi realisasinya (K-9).")


def test_progress_and_trend_rules() -> None:
    results = {h.indicator.kode: h for h in measure_all(example.INDICATORS, Periode.TW3, example.SETTINGS)}
    assert progres_tahunan(results["IKU-05"], example.SETTINGS) == Decimal("50.00")  # 3 of 6 documents
    assert progres_tahunan(results["IKU-07"], example.SETTINGS) is None  # yearly target 0
    assert progres_tahunan(results["IKU-04"], example.SETTINGS) is None  # not filled in
    year = measure_all(example.INDICATORS[:1], Periode.TAHUNAN, example.SETTINGS)[0]
    assert progres_tahunan(year, example.SETTINGS) is None
    assert [periode_lalu(p) for p in Periode] == [None, Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW3]
    assert (tren(Decimal(2), Decimal(1)), tren(Decimal(1), Decimal(2)), tren(Decimal(1), Decimal(1)),
            tren(None, Decimal(1))) == ("naik", "turun", "tetap", "")


def test_the_scale_line_follows_the_workbooks_scale() -> None:
    assert kalimat.skala(DEFAULT_SCALE).startswith(
        "Skala predikat: ≥ 91 Sangat Tinggi; 76 – < 91 Tinggi; 66 – < 76 Sedang; 51 – < 66 Rendah; "
        "< 51 Sangat Rendah")
    assert Settings().skala == DEFAULT_SCALE
