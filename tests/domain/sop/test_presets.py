"""The built-in SOPs match their seeds (../shared/seeds) step by step: pelaksana, waktu, output."""

from __future__ import annotations

from datetime import date

import pytest

from xlwings_app.domain.problems import errors
from xlwings_app.domain.sop.model import Sop, Step, check_sop
from xlwings_app.domain.sop.presets import (
    PresetError,
    UnknownPreset,
    load_document,
    preset,
    preset_ids,
)
from xlwings_app.domain.sop.waktu import Duration

KSK, SKR, CMT, STF = "Kasubbag Keuangan", "Sekretaris", "Camat", "Staf"
SPS = "Staf Penerima Surat"
SE, SEB, FRK, DRK, RK = (
    "Surat Edaran",
    "Surat Edaran Bappeda",
    "Form Rencana Kinerja",
    "Draft Rencana Kinerja",
    "Rencana Kinerja",
)

# (no, pelaksana, waktu, output), read off each seed's table again for this test.
SEED_000 = [
    (1, SPS, "5 menit", SE),
    (2, SKR, "15 menit", SE),
    (3, CMT, "10 menit", SE),
    (4, KSK, "10 menit", SE),
    (5, KSK, "4 hari", FRK),
    (6, STF, "7 hari", DRK),
    (7, KSK, "15 menit", DRK),
    (8, SKR, "1 hari", DRK),
    (9, SKR, "15 menit", DRK),
    (10, CMT, "30 menit", RK),
    (11, STF, "15 menit", RK),
    (12, STF, "60 menit", RK),
]
SEED_001 = [
    (1, SPS, "5 menit", SE),
    (2, SKR, "15 menit", SE),
    (3, CMT, "10 menit", SE),
    (4, KSK, "4 hari", FRK),
    (5, STF, "7 hari", DRK),
    (6, KSK, "15 menit", DRK),
    (7, SKR, "1 hari", DRK),
    (8, SKR, "15 menit", DRK),
    (9, CMT, "30 menit", RK),
    (10, STF, "15 menit", RK),
    (11, STF, "60 menit", RK),
]
TIM = "Tim SAKIP"
SEED_002_PENGUKURAN = [
    (1, CMT, "5 menit", "Surat Disposisi"),
    (2, SKR, "60 menit", "Notulen Rapat"),
    (3, TIM, "120 menit", "Program Kerja Kegiatan"),
    (4, TIM, "120 menit", "Kertas Kerja Pengukuran Kinerja"),
    (5, TIM, "1 hari", "Kertas Kerja Pengukuran Kinerja"),
    (6, TIM, "120 menit", "Rekapitulasi Hasil Pengukuran Kinerja"),
    (7, TIM, "30 menit", "Draft Laporan Hasil Pengukuran Data Kinerja"),
    (8, SKR, "90 menit", "Laporan Hasil Pengukuran Kinerja, Lembar Disposisi"),
    (9, SKR, "30 menit", "Disposisi Camat"),
    (10, STF, "", "Arsip Hasil Pengumpulan Data Kinerja"),
]
SEED_002_PENGUMPULAN = [
    (1, CMT, "5 menit", "Surat Disposisi"),
    (2, SKR, "60 menit", "Notulen Rapat"),
    (3, TIM, "120 menit", "Program Kerja Kegiatan"),
    (4, TIM, "1 hari", "Checklist Dokumen"),
    (5, TIM, "120 menit", "Formulir pengumpulan data capaian kinerja"),
    (6, TIM, "5 menit", "Bukti Tanda Terima formulir"),
    (7, (SKR, "Kasi/Kasubag", STF), "1 hari", "Formulir pengumpulan data capaian Kinerja yang sudah diisi"),
    (8, TIM, "120 menit", "Rekapitulasi hasil pengumpulan data kinerja"),
    (9, TIM, "30 menit", "Draft Laporan Hasil Pengumpulan Data Kinerja"),
    (10, SKR, "90 menit", "Laporan hasil pengumpulan data kinerja"),
    (11, SKR, "30 menit", "Disposisi Camat"),
    (12, STF, "", "Arsip hasil pengumpulan data Kinerja"),
]
KADIS, KPK = "Kadis", "Kasubag Perencanaan dan Keuangan"
FP, DP, KD = (
    "Format Penyusunan Pengukuran Kinerja",
    "Draft Pengukuran Kinerja",
    "Konsep Dokumen Pengukuran Kinerja",
)
SEED_004 = [
    (1, KADIS, "15 Menit", FP),
    (2, SKR, "15 Menit", FP),
    (3, KPK, "1 hari", DP),
    (4, "Staff", "1 hari", DP),
    (5, TIM, "1 hari", DP),
    (6, KPK, "1 hari", KD),
    (7, KADIS, "1 hari", "Dokumen Pengukuran Kinerja"),
    (8, KADIS, "1 hari", "Dokumen Pengukuran Kinerja yang telah ditandatangani"),
    (9, "Staff", "1 hari", "Arsip"),
]
EXPECTED = {
    "pengukuran-lumajang": SEED_000,
    "perencanaan-lumajang": SEED_001,
    "pengukuran-tim-sakip": SEED_002_PENGUKURAN,
    "pengumpulan-data-tim-sakip": SEED_002_PENGUMPULAN,
    "pengukuran-kominfo": SEED_004,
}


def _row(step: Step) -> tuple[int, object, str, str]:
    roles: object = step.pelaksana[0] if len(step.pelaksana) == 1 else step.pelaksana
    return (step.no, roles, step.waktu, step.output)


def test_the_five_presets_in_seed_order() -> None:
    assert preset_ids() == (
        "pengukuran-lumajang",
        "perencanaan-lumajang",
        "pengukuran-tim-sakip",
        "pengumpulan-data-tim-sakip",
        "pengukuran-kominfo",
    )


@pytest.mark.parametrize("preset_id", list(EXPECTED))
def test_preset_matches_its_seed_step_by_step(preset_id: str) -> None:
    sop = preset(preset_id)
    assert [_row(step) for step in sop.steps] == EXPECTED[preset_id]


@pytest.mark.parametrize("preset_id", list(EXPECTED))
def test_preset_is_a_valid_sop_with_readable_waktu(preset_id: str) -> None:
    sop = preset(preset_id)
    assert errors(check_sop(sop)) == []
    for step in sop.steps:
        assert step.kegiatan
        assert set(step.pelaksana) <= set(sop.pelaksana)
        assert (step.duration() is None) == (step.waktu == "")
        assert step.duration() is None or isinstance(step.duration(), Duration)


def test_decision_steps_and_where_tidak_returns() -> None:
    def loops(sop: Sop) -> list[tuple[int, int | None]]:
        return [(s.no, s.returns_to) for s in sop.steps if s.is_decision]

    assert loops(preset("pengukuran-tim-sakip")) == [(8, 7)]
    assert loops(preset("pengumpulan-data-tim-sakip")) == [(10, 9)]
    assert loops(preset("pengukuran-kominfo")) == [(7, 6)]
    assert loops(preset("pengukuran-lumajang")) == []
    assert loops(preset("perencanaan-lumajang")) == []


def test_identity_fields_as_printed() -> None:
    sop = preset("pengukuran-lumajang")
    assert sop.nama == "Prosedur Penyusunan Pengukuran Kinerja"
    assert sop.nomor == "427.90/26/01/2024"
    assert (sop.tanggal_pembuatan, sop.tanggal_revisi, sop.tanggal_efektif) == (
        date(2024, 1, 5),
        date(2024, 1, 26),
        date(2024, 2, 1),
    )
    assert sop.disahkan_oleh is not None
    assert sop.disahkan_oleh.nip == "19770309 200501 1 003"
    assert sop.pelaksana == (SPS, STF, KSK, SKR, CMT)
    assert len(sop.dasar_hukum) == 2

    perencanaan = preset("perencanaan-lumajang")
    assert perencanaan.nama == "Prosedur Penyusunan Perencanaan Kinerja"
    assert perencanaan.disahkan_oleh is not None
    assert perencanaan.disahkan_oleh.nama == "Drs. DEDWI SUPRAPTO, M.Si."

    kominfo = preset("pengukuran-kominfo")
    assert kominfo.nomor == "427.50/1/2.40/2024"
    assert kominfo.tanggal_efektif == date(2024, 1, 15)
    assert kominfo.disahkan_oleh is not None
    assert kominfo.disahkan_oleh.jabatan.startswith("Plt. KEPALA DINAS")
    assert kominfo.pelaksana == (KADIS, SKR, KPK, TIM, "Staff")
    assert len(kominfo.keterkaitan) == 4

    tim = preset("pengukuran-tim-sakip")
    assert tim.nomor == "" and tim.disahkan_oleh is None  # lost in the seed's OCR
    assert len(tim.dasar_hukum) == 7
    assert preset("pengumpulan-data-tim-sakip").dasar_hukum == tim.dasar_hukum


def test_unknown_preset_names_the_choices() -> None:
    with pytest.raises(UnknownPreset) as caught:
        preset("pengukuran-jember")
    assert "pengukuran-jember" in str(caught.value)
    assert "pengukuran-lumajang" in str(caught.value)


def test_malformed_preset_document_is_refused() -> None:
    with pytest.raises(PresetError, match="pelaksana"):
        load_document(
            {
                "sop": [
                    {"id": "x", "nama": "X", "langkah": [{"no": 1, "kegiatan": "A", "pelaksana": "Camat"}]}
                ]
            },
            source="x.toml",
        )
