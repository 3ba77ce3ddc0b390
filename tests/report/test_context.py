import datetime as dt

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.settings import Settings
from xlwings_app.report.context import Dokumen, build_context, judul_periode, pemerintah
from xlwings_app.samples import contoh


def context(periode: Periode = Periode.TW2) -> dict:
    results = measure_all(contoh.INDICATORS, periode, Settings())
    dokumen = Dokumen(periode, "ABCDE-FGHIJ", dt.date(2024, 7, 5), dt.datetime(2024, 7, 5, 9, 30))
    return build_context(contoh.PROFIL, Settings(), results, dokumen)


def test_kop_and_title() -> None:
    ctx = context()
    assert ctx["kop"]["pemerintah"] == "PEMERINTAH KABUPATEN LUMAJANG"
    assert pemerintah("Kota Malang") == "PEMERINTAH KOTA MALANG"
    assert ctx["kop"]["unit"] == "KECAMATAN SENDURO"
    assert ctx["dokumen"]["periode"] == "S.D. TRIWULAN II TAHUN 2024"
    assert judul_periode(Periode.TW1, 2024) == "TRIWULAN I TAHUN 2024"
    assert judul_periode(Periode.TAHUNAN, 2024) == "TAHUN 2024"


def test_indicators_are_grouped_by_sasaran_in_order() -> None:
    groups = context()["sasaran"]
    assert [g["no"] for g in groups] == ["1", "2"]
    assert [g["nama"] for g in groups] == [contoh.SASARAN_1, contoh.SASARAN_2]
    assert [i["kode"] for i in groups[0]["indikator"]] == ["IKU 1.1", "IKU 1.2", "IKU 1.3"]
    first = groups[0]["indikator"][0]
    assert (first["target"], first["realisasi"], first["capaian"], first["predikat"]) == (
        "83", "84,15", "101,39", "Sangat Tinggi")


def test_analysis_lists_indicators_below_target_with_their_lines() -> None:
    analisis = context()["analisis"]
    assert [a["kode"] for a in analisis] == ["IKU 1.2", "IKU 2.1"]
    assert analisis[0]["permasalahan"] == [
        "Jaringan internet di kantor kecamatan sering terputus.",
        "Petugas loket hanya dua orang pada hari pasar."]


def test_budget_only_where_pagu_and_realisasi_exist() -> None:
    anggaran = context()["anggaran"]
    assert [b["kode"] for b in anggaran] == ["IKU 1.1", "IKU 2.1"]
    assert anggaran[0]["pagu"] == "Rp 125.000.000"
    assert anggaran[0]["serapan"] == "43,40"


def test_summary_and_signature() -> None:
    ctx = context()
    assert ctx["ringkasan"]["jumlah_indikator"] == "5"
    assert ctx["ringkasan"]["per_predikat"][0] == {"predikat": "Sangat Tinggi", "jumlah": "4"}
    assert ctx["penandatangan"] == {
        "jabatan": "Plt. Camat Senduro", "nama": "Drs. BUDI SANTOSO, M.Si.",
        "pangkat": "Pembina Tingkat I (IV/b)", "nip": "NIP 19770309 200501 1 003"}
    assert ctx["tempat_tanggal"] == "Senduro, 5 Juli 2024"
