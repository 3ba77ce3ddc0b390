"""Item (5)'s drafted paragraph: the faktor and rencana aksi recorded per period, gathered for the year."""

from __future__ import annotations

from tests.domain.lkjip.builders import hasil
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.lkjip.analysis import Analisis, catatan_kalimat, kendala_kalimat, recorded

TW1, TW2, TW3, TW4 = Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4


def test_texts_repeated_over_periods_are_written_once_with_their_periods() -> None:
    analisis = [
        Analisis("IKU-02", TW3, permasalahan="Data desa terlambat masuk.", rencana_aksi="Bimbingan teknis"),
        Analisis("IKU-02", TW2, permasalahan="Data desa  terlambat masuk", rencana_aksi="Pendampingan operator desa."),
    ]
    assert recorded(analisis, "iku-02", "permasalahan") == [("data desa terlambat masuk", [TW2, TW3])]
    text = catatan_kalimat([hasil("IKU-02", 80, 50, nama="Persentase desa dengan dokumen tepat waktu")], analisis)
    assert text == (
        "Untuk IKU-02 Persentase desa dengan dokumen tepat waktu, permasalahan yang dicatat: data desa terlambat "
        "masuk (TW II dan TW III). Rencana aksi yang dilakukan: pendampingan operator desa (TW II); bimbingan teknis "
        "(TW III)."
    )


def test_faktor_pendukung_and_penghambat_come_first_and_acronyms_keep_their_capitals() -> None:
    analisis = [
        Analisis("IKU-01", TW4, faktor_pendukung="Layanan daring", faktor_penghambat="SIPD sering gangguan"),
        Analisis("IKU-01", Periode.TAHUNAN, faktor_pendukung="Layanan daring"),
    ]
    assert catatan_kalimat([hasil("IKU-01", 90, 95)], analisis) == (
        "Untuk IKU-01 Indikator IKU-01, faktor pendukung yang dicatat: layanan daring (TW IV dan Tahunan). Faktor "
        "penghambat yang dicatat: SIPD sering gangguan (TW IV)."
    )


def test_nothing_recorded_is_said_in_one_sentence() -> None:
    assert catatan_kalimat([hasil("IKU-01", 90, 95)], [Analisis("IKU-09", TW1, rencana_aksi="x")]) == (
        "Belum ada faktor pendukung, faktor penghambat, permasalahan atau rencana aksi yang dicatat untuk indikator "
        "sasaran ini."
    )


def test_the_ikhtisars_kendala() -> None:
    results = [hasil("IKU-01", 90, 95), hasil("IKU-02", 80, 50), hasil("IKU-03", 80, 60)]
    analisis = [Analisis("IKU-02", TW2, permasalahan="Data terlambat", rencana_aksi="Pendampingan"),
                Analisis("IKU-03", TW3, permasalahan="Anggaran bergeser")]  # fmt: skip
    assert kendala_kalimat(results, analisis, 2024) == (
        "Sepanjang 2024, permasalahan dicatat pada dua indikator (IKU-02 dan IKU-03) dan rencana aksi dilakukan pada "
        "satu indikator (IKU-02); uraiannya ada pada BAB III butir (5) setiap sasaran."
    )
    assert kendala_kalimat(results, [], 2024) == (
        "Sepanjang 2024 tidak ada permasalahan atau rencana aksi yang dicatat pada analisis per triwulan.")
