"""The sentences drafted from the data: exact text for the cases a Laporan Kinerja meets, and that no
sentence ever reads "0 indikator", "None" or a Python value."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.lkjip.builders import hasil, rec
from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip import narrative as n
from xlwings_app.domain.lkjip.history import IndicatorHistory, build_history
from xlwings_app.domain.lkjip.progress import renstra_progress
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.settings import Settings

PERIOD = RenstraPeriod(2021, 2025)
S = Settings()
PELAYANAN = "Persentase pelayanan selesai tepat waktu"


def history(kode: str, now: tuple[object, object], earlier: dict[int, tuple[object, object]], **kw: object) -> IndicatorHistory:
    current = [hasil(kode, now[0], now[1], **kw)]
    h, problems = build_history(PERIOD, 2024, current, [rec(kode, y, t, r) for y, (t, r) in earlier.items()])
    assert problems == []
    found = h.of(kode)
    assert found is not None
    return found


# (1) this year


def test_this_years_target_and_realisasi_per_indicator() -> None:
    text = n.target_realisasi_kalimat([
        hasil("IKU-01", 90, "92.1", nama=PELAYANAN),
        hasil("IKU-04", 8, 9, nama="Jumlah pengaduan tidak tertangani", satuan="pengaduan", polaritas=Polaritas.NEGATIF),
    ], 2024)  # fmt: skip
    assert text == (
        "Sasaran ini diukur dengan dua indikator. IKU-01 Persentase pelayanan selesai tepat waktu ditargetkan 90% "
        "dan terealisasi 92,1%: capaian 102,33%, predikat Sangat Tinggi, target tercapai. IKU-04 Jumlah pengaduan "
        "tidak tertangani ditargetkan tidak melebihi 8 pengaduan dan terealisasi 9 pengaduan: capaian 87,50%, "
        "predikat Tinggi, target belum tercapai."
    )


def test_a_blank_realisasi_and_an_uncomputable_capaian_are_said_as_such() -> None:
    text = n.target_realisasi_kalimat([hasil("IKU-02", 80, None), hasil("IKU-03", 0, 5)], 2024)
    assert text == (
        "Sasaran ini diukur dengan dua indikator. IKU-02 Indikator IKU-02 ditargetkan 80%, tetapi realisasi tahun "
        "2024 belum diisi. IKU-03 Indikator IKU-03 terealisasi 5%, tetapi capaiannya tidak dapat dihitung karena "
        "targetnya 0 pada indikator berpolaritas positif."
    )


# (2) against earlier years


def test_rose_against_last_year_with_the_figures() -> None:
    h = history("IKU-01", (100, "92.1"), {2023: (80, 70)}, nama=PELAYANAN)
    assert n.perbandingan_indikator(h, 2024) == (
        "Capaian IKU-01 Persentase pelayanan selesai tepat waktu naik dari 87,50% pada 2023 menjadi 92,10% pada "
        "2024, dengan realisasi dari 70% menjadi 92,1%."
    )


def test_fell_and_the_run_over_the_years() -> None:
    h = history("IKU-02", (80, 50), {2021: (80, 60), 2022: (80, 78), 2023: (75, 70)})
    assert n.perbandingan_indikator(h, 2024) == (
        "Capaian IKU-02 Indikator IKU-02 turun dari 93,33% pada 2023 menjadi 62,50% pada 2024, dengan realisasi "
        "dari 70% menjadi 50%. Selama 2021–2024, capaian tertinggi 97,50% pada 2022 dan terendah 62,50% pada 2024."
    )


def test_rose_every_year_and_stayed_the_same() -> None:
    rising = history("IKU-01", (100, 95), {2021: (100, 80), 2022: (100, 85), 2023: (100, 90)})
    assert n.perbandingan_indikator(rising, 2024).endswith(" Capaiannya naik setiap tahun sejak 2021.")
    same = history("IKU-05", (10, 10), {2023: (8, 8)}, satuan="desa", agregasi=Agregasi.JUMLAH)
    assert n.perbandingan_indikator(same, 2024) == (
        "Capaian IKU-05 Indikator IKU-05 tetap 100,00% pada 2023 dan 2024, dengan realisasi dari 8 desa menjadi 10 desa."
    )


def test_without_an_earlier_year_or_this_years_capaian() -> None:
    assert n.perbandingan_indikator(history("IKU-06", (5, 5), {}), 2024) == (
        "IKU-06 Indikator IKU-06 belum mempunyai data tahun sebelum 2024 untuk dibandingkan.")
    assert n.perbandingan_indikator(history("IKU-07", (5, None), {2023: (5, 4)}), 2024) == (
        "Capaian IKU-07 Indikator IKU-07 tahun 2024 belum dapat dihitung, sehingga belum dapat dibandingkan dengan 2023.")


def test_a_group_is_led_by_what_rose_and_fell() -> None:
    group = [
        history("IKU-01", (100, 95), {2023: (100, 90)}),
        history("IKU-02", (100, 80), {2023: (100, 90)}),
        history("IKU-03", (100, 70), {2023: (100, 75)}),
    ]
    assert n.perbandingan_tahunan(group, 2024).startswith(
        "Dibanding tahun sebelumnya, capaian naik pada satu indikator (IKU-01) dan turun pada dua indikator "
        "(IKU-02 dan IKU-03). Capaian IKU-01 ")
    assert not n.perbandingan_tahunan(group[:1], 2024).startswith("Dibanding")  # one indicator: no lead


# the count per predikat and the furthest from target


def test_the_count_per_predikat_from_the_highest() -> None:
    results = [hasil("IKU-01", 100, 95), hasil("IKU-02", 100, 92), hasil("IKU-03", 100, 80), hasil("IKU-04", 100, 55)]
    assert n.predikat_kalimat(results, S) == (
        "Dari empat indikator kinerja utama, dua berpredikat Sangat Tinggi, satu Tinggi, dan satu Rendah. "
        "Rata-rata capaian 80,50%.")  # fmt: skip


def test_all_in_one_predikat_one_indicator_and_the_ungraded() -> None:
    assert n.predikat_kalimat([hasil("IKU-01", 100, 95), hasil("IKU-02", 100, 99)], S) == (
        "Seluruh dua indikator kinerja utama berpredikat Sangat Tinggi. Rata-rata capaian 97,00%.")
    assert n.predikat_kalimat([hasil("IKU-01", 100, 80, nama=PELAYANAN)], S) == (
        "Satu-satunya indikator kinerja utama, IKU-01 Persentase pelayanan selesai tepat waktu, berpredikat Tinggi "
        "(capaian 80,00%).")  # fmt: skip
    assert n.predikat_kalimat([hasil("IKU-01", 100, 95), hasil("IKU-02", 100, None)], S) == (
        "Dari dua indikator kinerja utama, satu berpredikat Sangat Tinggi. Satu indikator (IKU-02) belum dapat "
        "diberi predikat karena capaiannya belum dapat dihitung. Rata-rata capaian 95,00% dari satu indikator yang "
        "dapat dihitung.")  # fmt: skip
    assert n.predikat_kalimat([hasil("IKU-01", 100, None), hasil("IKU-02", 100, None)], S) == (
        "Dari dua indikator kinerja utama, belum ada yang capaiannya dapat dihitung.")
    assert n.predikat_kalimat([], S) == "Belum ada indikator kinerja utama yang diukur."


def test_the_furthest_from_target() -> None:
    results = [hasil("IKU-01", 100, 105), hasil("IKU-02", 80, 50), hasil("IKU-03", 12, 10, satuan="dokumen"),
               hasil("IKU-04", 100, 88), hasil("IKU-05", 100, 90)]  # fmt: skip
    assert n.terjauh_kalimat(results) == (
        "Indikator yang paling jauh dari target adalah IKU-02 Indikator IKU-02 (capaian 62,50%; target 80%, "
        "realisasi 50%), disusul IKU-03 Indikator IKU-03 (capaian 83,33%; target 12 dokumen, realisasi 10 dokumen) "
        "dan IKU-04 Indikator IKU-04 (capaian 88,00%; target 100%, realisasi 88%). Seluruhnya empat indikator belum "
        "mencapai target.")  # fmt: skip
    assert n.terjauh_kalimat(results[:2]) == (
        "Satu-satunya indikator yang belum mencapai target adalah IKU-02 Indikator IKU-02 (capaian 62,50%; target "
        "80%, realisasi 50%).")  # fmt: skip
    assert n.terjauh_kalimat(results[:1]) == "Seluruh indikator yang capaiannya dapat dihitung telah mencapai target."
    assert n.terjauh_kalimat([hasil("IKU-09", 100, None)]) == ""


# (3) the Renstra progress


def test_renstra_sentences_per_agregasi_and_polaritas() -> None:
    def sentence(h: IndicatorHistory) -> str:
        return n.renstra_kalimat(renstra_progress(h, PERIOD, 2024, S), h, PERIOD)

    jumlah = history("IKU-03", (12, 25), {2021: (12, 18), 2022: (12, 20), 2023: (12, 22)}, satuan="dokumen",
                     agregasi=Agregasi.JUMLAH, target_akhir=100)  # fmt: skip
    assert sentence(jumlah) == (
        "Realisasi IKU-03 Indikator IKU-03 2021–2024 berjumlah 85 dokumen, atau 85,00% dari target akhir Renstra "
        "2025 sebesar 100 dokumen; masih kurang 15 dokumen.")  # fmt: skip
    ceiling = history("IKU-04", (8, 9), {2021: (8, 10), 2022: (8, 8), 2023: (8, 7)}, satuan="pengaduan",
                      agregasi=Agregasi.JUMLAH, polaritas=Polaritas.NEGATIF, target_akhir=40)  # fmt: skip
    assert sentence(ceiling) == (
        "Realisasi IKU-04 Indikator IKU-04 2021–2024 berjumlah 34 pengaduan, atau 85,00% dari batas akhir Renstra "
        "2025 sebesar 40 pengaduan; sisa batas 6 pengaduan (semakin kecil semakin baik).")  # fmt: skip
    akhir = history("IKU-09", (8, 9), {2023: (9, 10)}, polaritas=Polaritas.NEGATIF, target_akhir=8)
    assert sentence(akhir) == (
        "Realisasi IKU-09 Indikator IKU-09 pada 2024 sebesar 9% terhadap target akhir Renstra 2025 (tidak melebihi "
        "8%): capaian 87,50%.")  # fmt: skip
    rata = history("IKU-10", (90, 90), {2021: (90, 80), 2023: (90, 85)}, agregasi=Agregasi.RATA_RATA, target_akhir=90)
    assert sentence(rata) == (
        "Rata-rata realisasi IKU-10 Indikator IKU-10 tahun 2021, 2023, dan 2024 sebesar 85% terhadap target akhir "
        "Renstra 2025 (90%): capaian 94,44%.")  # fmt: skip


def test_renstra_sentences_when_the_progress_is_missing_or_reached() -> None:
    def sentence(h: IndicatorHistory) -> str:
        return n.renstra_kalimat(renstra_progress(h, PERIOD, 2024, S), h, PERIOD)

    assert sentence(history("IKU-01", (90, 92), {})) == (
        "Target akhir Renstra IKU-01 Indikator IKU-01 belum diisi, sehingga kemajuannya belum dapat dihitung.")
    gap = history("IKU-03", (12, 25), {2021: (12, 18), 2023: (12, 22)}, agregasi=Agregasi.JUMLAH, target_akhir=100)
    assert sentence(gap) == (
        "Kemajuan IKU-03 Indikator IKU-03 terhadap target akhir Renstra belum dapat dihitung: realisasi tahun 2022 "
        "belum ada.")  # fmt: skip
    old = history("IKU-01", (90, None), {2023: (90, 96)}, target_akhir=95)
    assert sentence(old) == (
        "Realisasi IKU-01 Indikator IKU-01 pada 2023 sebesar 96% terhadap target akhir Renstra 2025 (95%): capaian "
        "101,05%. Realisasi 2024 belum ada, sehingga dipakai realisasi 2023. Target akhir Renstra telah tercapai.")


def test_the_systematics_and_the_renstra_and_pk_summaries() -> None:
    assert n.sistematika_kalimat() == (
        "Laporan Kinerja ini disusun menurut sistematika PermenPANRB 53/2014: Ikhtisar Eksekutif, BAB I "
        "Pendahuluan, BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja, BAB IV Penutup, dan Lampiran.")
    assert n.renstra_ringkasan_kalimat(PERIOD, 2024, 3, 8) == (
        "Rencana Strategis periode 2021–2025 memuat tiga sasaran strategis dengan delapan indikator kinerja "
        "utama; tahun 2024 adalah tahun keempat dari lima tahun periode itu.")  # fmt: skip
    assert n.pk_kalimat(2024, 1, 1, 0, None) == (
        "Perjanjian Kinerja tahun 2024 memuat satu sasaran strategis dengan satu indikator kinerja utama.")
    assert n.pk_kalimat(2024, 2, 4, 3, Decimal(490_000_000)).endswith(", didukung tiga program dengan pagu Rp 490.000.000.")


def test_the_conclusion() -> None:
    results = [hasil("IKU-01", 100, 105), hasil("IKU-02", 80, 50)]
    assert n.simpulan_kalimat(2024, results, S) == (
        "Pada tahun 2024, satu dari dua indikator kinerja utama mencapai target. Dari dua indikator kinerja utama, "
        "satu berpredikat Sangat Tinggi dan satu Rendah. Rata-rata capaian 83,75%. Indikator yang belum mencapai "
        "target (IKU-02) beserta penyebab dan langkah perbaikannya diuraikan pada BAB III.")  # fmt: skip
    assert n.simpulan_kalimat(2024, results[:1], S).startswith(
        "Pada tahun 2024, satu-satunya indikator kinerja utama mencapai target. Satu-satunya indikator")
    assert n.simpulan_kalimat(2024, [results[0], results[0]], S).startswith(
        "Pada tahun 2024, seluruh dua indikator kinerja utama mencapai target.")
    assert n.simpulan_kalimat(2024, results[1:], S).startswith(
        "Pada tahun 2024, belum ada indikator kinerja utama yang mencapai target.")


# every sentence reads as Indonesian prose

UNNATURAL = re.compile(r"(?<![\d,.])0 (indikator|program|sasaran)|None|Decimal|\(\)|\s{2}|\s[.,;:]|\.\.|,,|\[|\{|'")
values = st.one_of(st.none(), st.integers(0, 150).map(Decimal))


@st.composite
def measured(draw: st.DrawFn, kode: str) -> tuple:
    agregasi = draw(st.sampled_from(list(Agregasi)))
    polaritas = draw(st.sampled_from(list(Polaritas)))
    now = (draw(values), draw(values))
    earlier = {y: (draw(values), draw(values)) for y in draw(st.sets(st.sampled_from([2021, 2022, 2023])))}
    return kode, now, earlier, {"agregasi": agregasi, "polaritas": polaritas, "target_akhir": draw(values)}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=0, max_size=6).flatmap(
    lambda ks: st.tuples(*[measured(f"IKU-0{k}") for k in range(len(ks))])))
def test_no_sentence_reads_zero_none_or_a_python_value(indicators: tuple) -> None:
    current = [hasil(kode, now[0], now[1], **kw) for kode, now, _, kw in indicators]
    records = [rec(kode, y, t, r) for kode, _, earlier, _ in indicators for y, (t, r) in earlier.items()]
    h, _ = build_history(PERIOD, 2024, current, records)
    texts = [
        n.target_realisasi_kalimat(current, 2024), n.perbandingan_tahunan(h.indicators, 2024),
        n.predikat_kalimat(current, S), n.terjauh_kalimat(current), n.simpulan_kalimat(2024, current, S),
        n.ikhtisar_kalimat("Kecamatan Sukamaju", 2024, ["Sasaran"], current, S, h.indicators),
        *(n.renstra_kalimat(renstra_progress(i, PERIOD, 2024, S), i, PERIOD) for i in h.indicators),
    ]  # fmt: skip
    for text in texts:
        assert not UNNATURAL.search(text), text
        assert not text or (text[0].isupper() and text.endswith(".")), text


def test_the_naturalness_check_catches_what_it_is_for() -> None:
    for bad in ("Dari 0 indikator", "capaian None", "Decimal('1')", "dua  indikator", "target ,", "[x]"):
        assert UNNATURAL.search(bad), bad
    assert not UNNATURAL.search("Dari 10 indikator, capaian 90,50%.")
