"""Progress toward the Target Akhir Renstra: the rule on values, and the section read back from the PDF."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas, Quarterly
from xlwings_app.domain.measure import measure, measure_all
from xlwings_app.domain.progres import progres_renstra
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.report.context import renstra
from xlwings_app.samples import example
from xlwings_app.services.laporan import laporan

D = Decimal
P, N = Polaritas.POSITIF, Polaritas.NEGATIF
J, A, R = Agregasi.JUMLAH, Agregasi.AKHIR, Agregasi.RATA_RATA
SETTINGS = Settings()
HEADING = "Kemajuan terhadap Target Akhir Renstra"


def q(*values: str | None) -> Quarterly:
    padded = [None if v is None else D(v) for v in values] + [None] * (4 - len(values))
    return (padded[0], padded[1], padded[2], padded[3])


def indicator(agregasi: Agregasi, polaritas: Polaritas, renstra_target: str | None, *realisasi: str | None,
              tahunan: str = "10") -> Indicator:
    return Indicator("K-1", Jenis.IKU, "Sasaran", "Indikator", "unit", polaritas, agregasi, D(tahunan),
                     target_tw=q(tahunan, tahunan, tahunan, tahunan), realisasi_tw=q(*realisasi),
                     target_akhir_renstra=None if renstra_target is None else D(renstra_target))


def progres(i: Indicator, periode: Periode = Periode.TW3, settings: Settings = SETTINGS) -> Decimal | None:
    return progres_renstra(measure(i, periode, settings), settings)


def test_jumlah_is_this_years_realisasi_over_the_end_target() -> None:
    assert progres(indicator(J, P, "120", "10", "12", "8")) == D("25.00")  # 30 of 120
    assert progres(indicator(J, P, "120", "10", "12", "8"), Periode.TW1) == D("8.33")  # 10 of 120
    assert progres(indicator(J, P, "40", "10", "12", "8", "10"), Periode.TAHUNAN) == D("100.00")
    # a negative count: the share of the ceiling already used, as toward the yearly target
    assert progres(indicator(J, N, "40", "8", "12", "9")) == D("72.50")
    # last year's realisasi is not added (the workbook holds one year of a five-year Renstra)
    with_last_year = replace(indicator(J, P, "120", "10", "12", "8"), realisasi_lalu=D(40))
    assert progres(with_last_year) == D("25.00")


def test_jumlah_without_a_usable_end_target_or_realisasi_is_none() -> None:
    assert progres(indicator(J, P, None, "10", "12", "8")) is None  # column blank
    assert progres(indicator(J, N, "0", "0", "0", "0")) is None  # end target 0: no share of it
    assert progres(indicator(J, P, "120")) is None  # no realisasi yet


def test_a_level_is_measured_by_its_own_capaian_formula() -> None:
    # Akhir: the latest filled TW against the end target
    assert progres(indicator(A, P, "85", "81.2", "82.4", "83.1")) == D("97.76")
    assert progres(indicator(A, P, "85", "81.2", "82.4", None), Periode.TW3) == D("96.94")  # TW II carried
    # Rata-rata: the mean of the filled TW (2,9 hari) against 2 hari, negative: (2 × 2 − 2,9) ÷ 2
    assert progres(indicator(R, N, "2", "3.4", "2.8", "2.5")) == D("55.00")
    rasio = Settings(varian_negatif=VarianNegatif.RASIO)
    assert progres(indicator(R, N, "2", "3.4", "2.8", "2.5"), settings=rasio) == D("68.97")  # 2 ÷ 2,9
    assert progres(indicator(A, N, "2", "5")) == D("0")  # never below 0
    # the capaian rule of a target 0: negative → 100 when the realisasi is 0, positive → none
    assert progres(indicator(A, N, "0", "0"), Periode.TW1) == D("100")
    assert progres(indicator(A, P, "0", "3"), Periode.TW1) is None
    assert progres(indicator(A, P, None, "83.1")) is None
    assert progres(indicator(A, P, "85")) is None


def test_a_range_target_of_the_year_does_not_bound_the_renstra_target() -> None:
    ranged = replace(indicator(A, P, "90", "70", "84", "92"), target_tahunan=None, batas_bawah=D(80), batas_atas=D(95))
    assert measure(ranged, Periode.TW3, SETTINGS).capaian == D("100")  # inside the year's range
    assert progres(ranged) == D("102.22")  # 92 against the Renstra's 90


def test_the_context_lists_only_indicators_with_the_end_target() -> None:
    results = measure_all(example.INDICATORS, Periode.TW3, example.SETTINGS)
    rows = {r["kode"]: r for r in renstra(results, example.SETTINGS)}
    assert list(rows) == ["IKU-01", "IKU-02", "IKU-03", "IKU-04", "IKU-05", "IKU-06", "IKU-08"]
    assert (rows["IKU-02"]["target_renstra"], rows["IKU-02"]["realisasi"], rows["IKU-02"]["progres_renstra"]) == (
        "98", "95,27", "97,21")
    assert rows["IKU-04"]["progres_renstra"] == "–"  # no realisasi yet
    blank = [replace(i, target_akhir_renstra=None) for i in example.INDICATORS]
    assert renstra(measure_all(blank, Periode.TW3, example.SETTINGS), example.SETTINGS) == []


def _layout(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _document(folder: Path, indicators: list[Indicator], periode: Periode) -> str:
    path = folder / "kinerja.xlsx"
    build_workbook(example.PROFIL, indicators, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    doc = laporan(path, folder / "out", periode, pdf=True)
    assert doc.pdf is not None
    return _layout(doc.pdf)


@pytest.mark.libreoffice
def test_the_document_prints_the_end_target_and_the_progress(tmp_path: Path) -> None:
    text = _document(tmp_path, example.INDICATORS, Periode.TW3)
    assert text.count(HEADING) == 1
    section = text.split(HEADING)[1].split("Kemajuan: agregasi Jumlah")[0]
    assert all(word in section for word in ("Target", "Akhir", "Renstra", "Triwulan III", "Kemajuan"))
    rows = {
        "IKU-01": r"IKU-01\s+Indeks Kepuasan.*\s85\s+83,1\s+97,76\s+Akhir",
        "IKU-02": r"IKU-02\s+Persentase layanan.*\s98\s+95,27\s+97,21\s+Rata-rata",
        "IKU-03": r"IKU-03\s+Rata-rata waktu.*\shari\s+2\s+2,9\s+55,00\s+Rata-rata",
        "IKU-04": r"IKU-04\s+Nilai SAKIP kecamatan\s+nilai\s+75\s+–\s+–\s+Akhir",
        "IKU-05": r"IKU-05\s+Jumlah dokumen.*\sdokumen\s+6\s+3\s+50,00\s+Jumlah",
        "IKU-06": r"IKU-06\s+Jumlah pelanggaran.*\skasus\s+30\s+29\s+96,67\s+Jumlah",
        "IKU-08": r"IKU-08\s+Indeks keberdayaan.*\s90\s+92\s+102,22\s+Akhir",
    }
    for kode, pattern in rows.items():
        assert re.search(pattern, section), kode
    assert "IKU-07" not in section and "IKI-" not in section
    assert "realisasi tahun-tahun sebelumnya tidak dijumlahkan" in re.sub(r"\s+", " ", text)


@pytest.mark.libreoffice
def test_the_yearly_document_shows_it_too(tmp_path: Path) -> None:
    full = [replace(i, realisasi_tw=(*i.realisasi_tw[:3], i.realisasi_tw[2]),  # the year's analysis written too
                    analisis=with_catatan(i.analisis, Periode.TAHUNAN, permasalahan="Catatan tahunan.",
                                          rencana_aksi="Aksi tahunan.")) for i in example.INDICATORS]
    full = [replace(i, analisis=with_catatan(i.analisis, Periode.TW4, alasan="Nilai SAKIP diumumkan Inspektorat "
                                             "pada bulan Maret.")) if i.realisasi_tw[3] is None else i for i in full]
    text = _document(tmp_path, full, Periode.TAHUNAN)
    assert "Kemajuan terhadap Target Tahunan" not in text and HEADING in text
    section = text.split(HEADING)[1]
    assert re.search(r"IKU-05\s+Jumlah dokumen.*\sdokumen\s+6\s+3\s+50,00\s+Jumlah", section)  # 2 + 1 + 0 + 0


@pytest.mark.libreoffice
def test_no_section_when_no_indicator_has_the_end_target(tmp_path: Path) -> None:
    blank = [replace(i, target_akhir_renstra=None) for i in example.INDICATORS]
    text = _document(tmp_path, blank, Periode.TW3)
    assert HEADING not in text and "Target Akhir Renstra" not in text and "Kemajuan (%)" not in text
    assert "Kemajuan terhadap Target Tahunan" in text  # the rest of the summary as before


@pytest.mark.libreoffice
def test_an_officials_iki_document_shows_it_for_that_officials_iki(tmp_path: Path) -> None:
    from xlwings_app.services.laporan_iki import laporan_iki

    indicators = [replace(i, target_akhir_renstra=D(5000)) if i.kode == "IKI-PEL-01" else i
                  for i in example.INDICATORS]  # fmt: skip
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, indicators, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    docs = {d.pejabat: d for d in laporan_iki(path, tmp_path / "out", Periode.TW3, pdf=True)}
    pelayanan, sekretaris = docs[example.KASI_PEL].pdf, docs[example.SEKRETARIS].pdf
    assert pelayanan is not None and sekretaris is not None
    section = _layout(pelayanan).split(HEADING)[1]
    assert re.search(r"IKI-PEL-01\s+Jumlah layanan PATEN.*\slayanan\s+5\.000\s+3\.710\s+74,20\s+Jumlah", section)
    assert "IKI-PEL-02" not in section.split("Kemajuan: agregasi Jumlah")[0]
    assert HEADING not in _layout(sekretaris)  # none of the Sekretaris' IKI has the column
